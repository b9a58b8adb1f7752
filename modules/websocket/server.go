package websocket

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/dop251/goja"
	"github.com/gorilla/websocket"

	"gonode/runtime"
)

// server is one WebSocket endpoint: standalone on its own listener, or
// attached to an http server's upgrade path.
type server struct {
	l   *runtime.Loop
	obj *goja.Object // the JS server; loop only

	path         string // "" = any path
	origins      []string
	maxPayload   int
	pingInterval time.Duration
	cfg          config
	upgrader     websocket.Upgrader

	mu       sync.Mutex
	conns    map[uint64]*sconn
	closing  bool
	ln       net.Listener
	hs       *http.Server
	stopPing chan struct{}
}

var nextID atomic.Uint64

// registry maps connection ids (server and client side) to their write
// half, for the natives JS calls with an id.
var (
	regMu    sync.Mutex
	registry = map[uint64]*wconn{}
)

func register(id uint64, w *wconn) {
	regMu.Lock()
	registry[id] = w
	regMu.Unlock()
}

func unregister(id uint64) {
	regMu.Lock()
	delete(registry, id)
	regMu.Unlock()
}

func lookup(id uint64) *wconn {
	regMu.Lock()
	defer regMu.Unlock()
	return registry[id]
}

// writeBufferPool is shared by every connection: a connection holds a write
// buffer only while it writes a message.
var writeBufferPool = &sync.Pool{}

func newServer(l *runtime.Loop, obj *goja.Object) *server {
	s := &server{
		l:            l,
		obj:          obj,
		maxPayload:   1 << 20,
		pingInterval: 30 * time.Second,
		cfg:          config{maxQueued: 1 << 20, writeTimeout: 30 * time.Second},
		conns:        map[uint64]*sconn{},
		stopPing:     make(chan struct{}),
	}
	s.upgrader = websocket.Upgrader{
		// gorilla's Conn is dropped after the handshake (see accept), so
		// its buffers are as small as gorilla allows.
		ReadBufferSize:  128,
		WriteBufferSize: 128,
		WriteBufferPool: writeBufferPool,
		CheckOrigin:     func(*http.Request) bool { return true }, // checked before Upgrade
		Error: func(w http.ResponseWriter, r *http.Request, status int, reason error) {
			reject(w, status, reason.Error())
		},
		HandshakeTimeout: 10 * time.Second,
	}
	return s
}

// start begins pinging; call it once the options are set.
func (s *server) start() { go s.pinger() }

// originAllowed is the talk's "origin based security model": a browser
// (which always sends Origin) may connect only from the page's own origin
// unless the script listed the origin (or "*"). Clients that send no Origin
// are not browsers and are let in.
func (s *server) originAllowed(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	for _, o := range s.origins {
		if o == "*" || strings.EqualFold(o, origin) {
			return true
		}
	}
	u, err := url.Parse(origin)
	if err != nil {
		return false
	}
	return strings.EqualFold(u.Host, r.Host)
}

// reject answers a refused upgrade on the raw connection, so it works the
// same whoever owns the ResponseWriter.
func reject(w http.ResponseWriter, status int, msg string) {
	body := http.StatusText(status) + ": " + msg + "\n"
	if hj, ok := w.(http.Hijacker); ok {
		if nc, brw, err := hj.Hijack(); err == nil {
			nc.SetWriteDeadline(time.Now().Add(5 * time.Second))
			fmt.Fprintf(brw, "HTTP/1.1 %d %s\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s",
				status, http.StatusText(status), len(body), body)
			brw.Flush()
			nc.Close()
			return
		}
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Connection", "close")
	w.WriteHeader(status)
	w.Write([]byte(body))
}

// handle is the upgrade hook: it takes the request when it is a WebSocket
// upgrade for our path. It runs on the connection's goroutine, off the loop.
func (s *server) handle(w http.ResponseWriter, r *http.Request) bool {
	if s.path != "" && r.URL.Path != s.path {
		return false
	}
	if !websocket.IsWebSocketUpgrade(r) {
		return false
	}
	s.mu.Lock()
	closing := s.closing
	s.mu.Unlock()
	if closing {
		reject(w, http.StatusServiceUnavailable, "server closing")
		return true
	}
	if !s.originAllowed(r) {
		reject(w, http.StatusForbidden, "origin not allowed")
		return true
	}
	ws, err := s.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return true // gorilla answered through upgrader.Error
	}
	s.accept(ws, r)
	return true
}

func (s *server) accept(ws *websocket.Conn, r *http.Request) {
	// gorilla's Conn is dropped here: frames are read by our parser and
	// written by wconn, so an idle connection keeps only the socket and
	// the small sconn.
	nc := ws.NetConn()
	nc.SetDeadline(time.Time{})
	c := &sconn{srv: s, id: nextID.Add(1), proto: ws.Subprotocol()}
	c.nc, c.cfg, c.end, c.sc = nc, &s.cfg, c, c
	c.lastSeen.Store(time.Now().UnixNano())
	if sc, ok := nc.(syscall.Conn); ok {
		if rc, err := sc.SyscallConn(); err == nil {
			c.rc = rc
			rc.Control(func(fd uintptr) { c.fd = int(fd) })
			c.epoll = true
		}
	}
	// What the script may ask about the request is kept compactly in Go
	// and turned into JS values only when asked (Connection getters).
	c.path = strings.Clone(r.URL.RequestURI()) // not a slice of the request head
	c.rawHeaders = packHeaders(r.Header)
	s.mu.Lock()
	s.conns[c.id] = c
	s.mu.Unlock()
	register(c.id, &c.wconn)
	l := s.l
	l.Ref()
	l.Post(func() {
		// Even a connection that is already gone is shown to the script:
		// its "close" follows (ended posts after this job), so every
		// "connection" is paired with one "close".
		v := l.CallValue(s.obj.Get("_newConn"), s.obj, l.VM.ToValue(c.id))
		if o, ok := v.(*goja.Object); ok {
			c.obj = o
		}
	})
	if c.epoll {
		if p, err := getPoller(); err == nil && p.add(c) == nil {
			return
		}
		c.epoll = false
	}
	go c.readLoop()
}

func (c *sconn) beforeClose() {
	if c.epoll {
		thePoll.remove(c)
	}
	c.srv.mu.Lock()
	delete(c.srv.conns, c.id)
	c.srv.mu.Unlock()
}

func (c *sconn) ended(code int, reason string) {
	s, l := c.srv, c.srv.l
	l.Post(func() {
		defer l.Unref()
		// Unregistered only now, so close listeners can still read the
		// connection's path, headers and address.
		defer unregister(c.id)
		if c.closed {
			return
		}
		c.closed = true
		if c.obj != nil {
			l.CallValue(s.obj.Get("_onclose"), s.obj, c.obj, l.VM.ToValue(code), l.VM.ToValue(reason))
		}
	})
}

// packHeaders keeps request headers as one string ("name: value\n" lines),
// far smaller than a map while the connection sits idle. The handshake's
// own headers (key, version, extensions, Upgrade, Connection) are spent and
// not kept.
func packHeaders(h http.Header) string {
	var b strings.Builder
	for k, vs := range h {
		switch k {
		case "Sec-Websocket-Key", "Sec-Websocket-Version", "Sec-Websocket-Extensions", "Upgrade", "Connection":
			continue
		}
		for _, v := range vs {
			b.WriteString(strings.ToLower(k))
			b.WriteString(": ")
			b.WriteString(v)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// pinger pings connections that have been quiet for a ping interval and
// drops those quiet for two: a peer that does not answer pings is gone.
func (s *server) pinger() {
	for {
		iv := s.pingIntervalNow()
		t := time.NewTimer(iv)
		select {
		case <-s.stopPing:
			t.Stop()
			return
		case <-t.C:
		}
		if iv <= 0 {
			continue
		}
		now := time.Now().UnixNano()
		for _, c := range s.snapshot() {
			quiet := time.Duration(now - c.lastSeen.Load())
			switch {
			case quiet >= 2*iv:
				c.terminate(1006, "ping timeout")
			case quiet >= iv-iv/10:
				c.enqueue(outItem{kind: outPing})
			}
		}
	}
}

func (s *server) pingIntervalNow() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.pingInterval <= 0 {
		return time.Hour
	}
	return s.pingInterval
}

func (s *server) snapshot() []*sconn {
	s.mu.Lock()
	out := make([]*sconn, 0, len(s.conns))
	for _, c := range s.conns {
		out = append(out, c)
	}
	s.mu.Unlock()
	return out
}

// broadcast frames msg once and queues it on every open
// connection but except; it runs on the loop, with no JS call per recipient.
func (s *server) broadcast(data []byte, binary bool, except uint64) int {
	f := frame(binary, data)
	n := 0
	var fast []*wconn
	for _, c := range s.snapshot() {
		if c.id == except {
			continue
		}
		ok, start := c.add(outItem{kind: outPrepared, data: f})
		if ok {
			n++
		}
		if start {
			if c.epoll {
				fast = append(fast, &c.wconn)
			} else {
				c.startFlush()
			}
		}
	}
	startFlushAll(fast)
	return n
}

// listen runs the server on its own listener (standalone mode).
func (s *server) listen(host string, port int, done func(addr *net.TCPAddr, err error)) {
	addr := net.JoinHostPort(host, fmt.Sprint(port))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		done(nil, err)
		return
	}
	hs := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if s.handle(w, r) {
				return
			}
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.WriteHeader(http.StatusUpgradeRequired)
			w.Write([]byte("Upgrade Required\n"))
		}),
		ReadHeaderTimeout: 10 * time.Second,
	}
	s.mu.Lock()
	s.ln, s.hs = ln, hs
	s.mu.Unlock()
	go hs.Serve(ln)
	done(ln.Addr().(*net.TCPAddr), nil)
}

// close stops accepting; with terminate, open connections are closed too
// (code 1001, going away).
func (s *server) close(closeConns bool) {
	s.mu.Lock()
	if s.closing {
		s.mu.Unlock()
		return
	}
	s.closing = true
	ln := s.ln
	s.mu.Unlock()
	close(s.stopPing)
	if ln != nil {
		ln.Close()
	}
	if closeConns {
		for _, c := range s.snapshot() {
			c.close(1001, "server closing")
		}
	}
}
