package http

import (
	"bufio"
	"bytes"
	"crypto/x509"
	"errors"
	"io"
	"net"
	nethttp "net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/dop251/goja"

	netmod "gonode/modules/net"
	tlsmod "gonode/modules/tls"
)

// UpgradeHook is consulted on the connection's goroutine (off the loop) for
// every request that carries an "Upgrade" header, before the request
// reaches JS. If it returns true it has taken over the connection (it
// hijacked w) and the http module forgets the connection. w implements
// http.Hijacker; Hijack returns the net.Conn and a bufio.ReadWriter whose
// Reader holds any bytes the client sent after the request head.
//
// A hook that returns true without hijacking (it answered with an error
// through w, as gorilla's Upgrader does on a bad handshake) gets that
// response written and the connection closed. Hooks must not touch JS.
type UpgradeHook func(w nethttp.ResponseWriter, r *nethttp.Request) bool

// AddUpgradeHook registers hook on the JS http.Server object srv. Call it on
// the loop goroutine. Hooks run in the order they were added; the first
// that returns true wins. Requests no hook takes go to the server's
// "upgrade" listeners (req, socket, head) when it has some, and are
// ordinary requests otherwise.
func AddUpgradeHook(srv *goja.Object, hook UpgradeHook) error {
	v, ok := servers.Load(srv)
	if !ok {
		return errors.New("http: AddUpgradeHook: not an http.Server")
	}
	s := v.(*Server)
	for {
		old := s.hooks.Load()
		var list []UpgradeHook
		if old != nil {
			list = append(list, *old...)
		}
		list = append(list, hook)
		if s.hooks.CompareAndSwap(old, &list) {
			return nil
		}
	}
}

const (
	upgradeNo = iota
	upgradeHijacked
	upgradeDone
)

// tryUpgrade runs on the reader goroutine for a request with an Upgrade
// header.
func (c *conn) tryUpgrade(req *incoming) int {
	hooks := c.s.hooks.Load()
	wantJS := true
	if hooks != nil && len(*hooks) > 0 {
		c.quiesce()
		hr, err := c.netRequest(req)
		if err == nil {
			for _, h := range *hooks {
				w := &hookWriter{c: c, header: nethttp.Header{}}
				took := h(w, hr)
				if w.hijacked {
					c.forget()
					return upgradeHijacked
				}
				if took || w.wrote {
					w.finish()
					c.drain()
					return upgradeDone
				}
			}
		}
	}
	if !wantJS {
		return upgradeNo
	}
	// Ask the loop whether JS listens for "upgrade"; if it does, the loop
	// takes the connection over (a real net.Socket, or tls.TLSSocket under
	// https) before it answers, and this goroutine never reads it again.
	// Earlier responses go out first: the new socket writes on its own.
	c.quiesce()
	head := append([]byte(nil), c.buf[c.r:c.w]...)
	answer := make(chan int, 1)
	c.mu.Lock()
	c.inflight++
	c.phase = phBusy
	c.mu.Unlock()
	c.st.l.Post(func() { c.onUpgrade(req, head, answer) })
	switch a := <-answer; a {
	case upgradeHijacked, upgradeDone:
		c.r = c.w
		c.releaseBuf()
		return a
	}
	return upgradeNo
}

// quiesce waits until every earlier response on the connection is out, so
// a hook can write to the socket itself.
func (c *conn) quiesce() {
	if c.served <= 1 {
		return
	}
	c.mu.Lock()
	for c.inflight > 0 && !c.closed {
		c.cond.Wait()
	}
	c.mu.Unlock()
	done := make(chan struct{})
	c.st.l.Post(func() {
		c.flush()
		close(done)
	})
	<-done
	for {
		c.wmu.Lock()
		busy := c.writing
		c.wmu.Unlock()
		if !busy {
			return
		}
		time.Sleep(time.Millisecond)
	}
}

// forget drops a hijacked connection from the server and the loop.
func (c *conn) forget() {
	s := c.s
	s.mu.Lock()
	delete(s.conns, c)
	s.mu.Unlock()
	c.mu.Lock()
	c.closed = true
	c.mu.Unlock()
	c.st.l.Post(func() {
		c.dead = true
		c.st.l.Unref()
		s.maybeClosed()
	})
}

// netRequest builds the net/http view of a request for upgrade hooks.
func (c *conn) netRequest(req *incoming) (*nethttp.Request, error) {
	u, err := url.ParseRequestURI(req.target)
	if err != nil {
		return nil, err
	}
	h := make(nethttp.Header, len(req.hdrs))
	host := ""
	for _, kv := range req.hdrs {
		if host == "" && len(kv.name) == 4 && lowerASCII(kv.name) == "host" {
			host = kv.value
			continue
		}
		h.Add(kv.name, kv.value)
	}
	r := &nethttp.Request{
		Method:     req.method,
		URL:        u,
		Proto:      "HTTP/" + strconv.Itoa(req.major) + "." + strconv.Itoa(req.minor),
		ProtoMajor: req.major,
		ProtoMinor: req.minor,
		Header:     h,
		Body:       nethttp.NoBody,
		Host:       host,
		RemoteAddr: c.nc.RemoteAddr().String(),
		RequestURI: req.target,
	}
	return r, nil
}

// hookWriter is the http.ResponseWriter (and Hijacker) an upgrade hook gets.
type hookWriter struct {
	c        *conn
	header   nethttp.Header
	status   int
	body     []byte
	wrote    bool
	hijacked bool
}

func (w *hookWriter) Header() nethttp.Header { return w.header }

func (w *hookWriter) WriteHeader(code int) {
	if w.hijacked || w.status != 0 {
		return
	}
	w.status = code
	w.wrote = true
}

func (w *hookWriter) Write(b []byte) (int, error) {
	if w.hijacked {
		return 0, nethttp.ErrHijacked
	}
	if w.status == 0 {
		w.WriteHeader(200)
	}
	w.body = append(w.body, b...)
	return len(b), nil
}

// Hijack hands the connection over: the net.Conn itself, and a ReadWriter
// whose Reader already holds whatever the client sent after the head.
func (w *hookWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	if w.hijacked {
		return nil, nil, nethttp.ErrHijacked
	}
	c := w.c
	w.hijacked = true
	c.nc.SetDeadline(time.Time{})
	var rest []byte
	if c.buf != nil {
		rest = append(rest, c.buf[c.r:c.w]...)
		c.r = c.w
	}
	c.releaseBuf()
	size := 4096
	if len(rest) > size {
		size = len(rest)
	}
	var src io.Reader = c.nc
	if len(rest) > 0 {
		src = io.MultiReader(bytes.NewReader(rest), c.nc)
	}
	br := bufio.NewReaderSize(src, size)
	if len(rest) > 0 {
		br.Peek(len(rest))
	}
	return c.nc, bufio.NewReadWriter(br, bufio.NewWriter(c.nc)), nil
}

// finish writes the response a hook gave without hijacking, then the
// connection closes.
func (w *hookWriter) finish() {
	if w.status == 0 {
		w.status = 400
	}
	var b []byte
	b = append(b, "HTTP/1.1 "...)
	b = strconv.AppendInt(b, int64(w.status), 10)
	b = append(b, ' ')
	b = append(b, statusText(w.status)...)
	b = append(b, "\r\n"...)
	w.header.Del("Content-Length")
	w.header.Del("Connection")
	w.header.Write(bytesWriter{&b})
	b = append(b, "Content-Length: "...)
	b = strconv.AppendInt(b, int64(len(w.body)), 10)
	b = append(b, "\r\nConnection: close\r\n\r\n"...)
	b = append(b, w.body...)
	w.c.nc.SetWriteDeadline(time.Now().Add(writeTimeout))
	w.c.nc.Write(b)
	w.c.nc.CloseWrite()
}

type bytesWriter struct{ b *[]byte }

func (w bytesWriter) Write(p []byte) (int, error) {
	*w.b = append(*w.b, p...)
	return len(p), nil
}

// ---------------------------------------------------------------------------
// The "upgrade" event: the connection becomes a socket of its own.

// onUpgrade runs on the loop while the reader goroutine waits for answer.
// With "upgrade" listeners, the connection leaves the server (as a
// hijacked one does) and becomes a genuine socket: a net.Socket on a
// netcore handle for TCP, a tls.TLSSocket for https. The listeners get
// (req, socket, head), head being what the client sent after the request
// head; req.socket is the new socket too.
func (c *conn) onUpgrade(req *incoming, head []byte, answer chan int) {
	st := c.st
	l := st.l
	c.mu.Lock()
	c.inflight--
	c.mu.Unlock()
	if c.dead || !hasListeners(c.s.obj, "upgrade") {
		// An ordinary request after all; the reader posts it as usual.
		answer <- upgradeNo
		return
	}
	s := c.s
	s.mu.Lock()
	delete(s.conns, c)
	s.mu.Unlock()
	c.mu.Lock()
	c.closed = true // the sweeper and close() leave it alone now
	c.mu.Unlock()
	c.nc.SetDeadline(time.Time{})
	var sock *goja.Object
	var err error
	switch nc := c.nc.(type) {
	case *net.TCPConn:
		sock, err = netmod.NewSocket(l, nc)
	case *tlsConn:
		var roots *x509.CertPool
		if cfg := s.tlsCfg.Load(); cfg != nil {
			roots = cfg.ClientCAs
		}
		sock, err = tlsmod.NewServerSocket(l, nc.Conn, nc.tcp, roots)
	default:
		err = errors.New("http: cannot upgrade this connection")
		c.nc.Close()
	}
	c.dead = true
	if c.js != nil {
		connOf.Delete(c.js)
	}
	if err != nil {
		answer <- upgradeDone
		l.Unref()
		s.maybeClosed()
		return
	}
	sock.Set("server", s.obj) // node's is the socket the server accepted
	c.js = sock
	answer <- upgradeHijacked
	req.st = st
	req.c = c
	req.obj = st.vm.NewDynamicObject(req)
	req.obj.SetPrototype(st.reqProto)
	l.Emit(s.obj, "upgrade", req.obj, sock, st.bufferValue(head))
	// The connection's loop reference moves to the socket (which holds its
	// own); the server may be done now.
	l.Unref()
	s.maybeClosed()
}
