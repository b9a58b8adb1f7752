package http

import (
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"
)

// Server is the Go side of a JS http.Server.
type Server struct {
	st  *state
	obj *goja.Object

	mu      sync.Mutex
	ln      net.Listener
	addr    net.Addr
	conns   map[*conn]struct{}
	closing bool
	sweep   chan struct{} // closed to stop the sweeper

	// Loop-owned.
	holdsRef   bool // the listener's reference on the loop
	unrefd     bool // server.unref() was called
	acceptLive bool
	closeSent  bool

	// Requests waiting for the loop (see enqueue).
	pendMu     sync.Mutex
	pend       []*incoming
	spare      []*incoming
	pendPosted bool

	// The "request" listener and its callable, cached (loop-owned).
	lastV  goja.Value
	lastFn goja.Callable

	hooks    atomic.Pointer[[]UpgradeHook]
	wantConn atomic.Bool
	tlsCfg   atomic.Pointer[tls.Config] // https

	headersTimeout   atomic.Int64 // ms
	keepAliveTimeout atomic.Int64 // ms
	requestTimeout   atomic.Int64 // ms
	maxHeadersCount  atomic.Int64
}

func newServer(st *state, obj *goja.Object) *Server {
	s := &Server{st: st, obj: obj, conns: map[*conn]struct{}{}}
	// node v20's defaults.
	s.headersTimeout.Store(60000)
	s.keepAliveTimeout.Store(5000)
	s.requestTimeout.Store(300000)
	s.maxHeadersCount.Store(2000)
	return s
}

// Addr is the address the server listens on, or nil when it is not
// listening. Safe from any goroutine; other modules (websocket) use it.
func (s *Server) Addr() net.Addr {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ln == nil || s.closing {
		return nil
	}
	return s.addr
}

// Addr returns the listening address of the JS http.Server srv (what
// server.address() reports), or nil if srv is not a listening server.
func Addr(srv *goja.Object) net.Addr {
	if s, ok := servers.Load(srv); ok {
		return s.(*Server).Addr()
	}
	return nil
}

// SetTLS makes the JS http.Server srv an https server: connections it
// accepts from now on speak TLS with cfg (the https module calls it).
func SetTLS(srv *goja.Object, cfg *tls.Config) error {
	v, ok := servers.Load(srv)
	if !ok {
		return errors.New("http: SetTLS: not an http.Server")
	}
	v.(*Server).tlsCfg.Store(cfg)
	return nil
}

func (s *Server) option(name string) int64 {
	switch name {
	case "headersTimeout":
		return s.headersTimeout.Load()
	case "keepAliveTimeout":
		return s.keepAliveTimeout.Load()
	case "requestTimeout":
		return s.requestTimeout.Load()
	case "maxHeadersCount":
		return s.maxHeadersCount.Load()
	}
	return 0
}

func (s *Server) setOption(name string, v int64) {
	if v < 0 {
		v = 0
	}
	switch name {
	case "headersTimeout":
		s.headersTimeout.Store(v)
	case "keepAliveTimeout":
		s.keepAliveTimeout.Store(v)
	case "requestTimeout":
		s.requestTimeout.Store(v)
	case "maxHeadersCount":
		s.maxHeadersCount.Store(v)
	}
	s.kickSweeper()
}

func (st *state) addrObject(a string) goja.Value {
	host, port, err := net.SplitHostPort(a)
	if err != nil {
		return goja.Null()
	}
	o := st.vm.NewObject()
	family := "IPv4"
	if strings.Contains(host, ":") {
		family = "IPv6"
	}
	p, _ := strconv.Atoi(port)
	o.Set("address", host)
	o.Set("family", family)
	o.Set("port", p)
	return o
}

// listen binds synchronously (as v0.1.21's listen was) and starts the
// accept loop. It returns a JS error for "error" instead of throwing.
func (s *Server) listen(port int, host string) goja.Value {
	l := s.st.l
	s.mu.Lock()
	busy := s.ln != nil && !s.closing
	s.mu.Unlock()
	if busy {
		return l.ErrorWithCode("ERR_SERVER_ALREADY_LISTEN", "Listen method has been called more than once without closing.")
	}
	addr := net.JoinHostPort(host, strconv.Itoa(port))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		e := l.SysError(err, "listen", "")
		shown := addr
		if host == "" {
			shown = "::" + ":" + strconv.Itoa(port)
		}
		e.Set("message", fmt.Sprintf("listen %s: %s %s", e.Get("code").String(), errText(err), shown))
		e.Set("address", host)
		e.Set("port", port)
		return e
	}
	s.mu.Lock()
	s.ln = ln
	s.addr = ln.Addr()
	s.closing = false
	s.closeSent = false
	s.sweep = make(chan struct{})
	s.mu.Unlock()
	if !s.unrefd {
		l.Ref()
		s.holdsRef = true
	}
	s.acceptLive = true
	l.Ref() // held by the accept goroutine until it has posted its exit
	go s.acceptLoop(ln)
	go s.sweeper(s.sweep)
	return nil
}

func errText(err error) string {
	var se interface{ Unwrap() error }
	for errors.As(err, &se) {
		inner := se.Unwrap()
		if inner == nil {
			break
		}
		err = inner
	}
	return err.Error()
}

func (s *Server) setRef(on bool) {
	s.unrefd = !on
	if on && !s.holdsRef && s.acceptLive {
		s.st.l.Ref()
		s.holdsRef = true
	} else if !on && s.holdsRef {
		s.st.l.Unref()
		s.holdsRef = false
	}
}

func (s *Server) acceptLoop(ln net.Listener) {
	l := s.st.l
	backoff := 5 * time.Millisecond
	for {
		nc, err := ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				break
			}
			// EMFILE and friends: wait a little and go on accepting.
			time.Sleep(backoff)
			if backoff < time.Second {
				backoff *= 2
			}
			continue
		}
		backoff = 5 * time.Millisecond
		tc, ok := nc.(*net.TCPConn)
		if !ok {
			nc.Close()
			continue
		}
		var c *conn
		if cfg := s.tlsCfg.Load(); cfg != nil {
			// The handshake happens on the connection's reader goroutine,
			// at its first read, under headersTimeout like a slow head.
			c = newConn(s, &tlsConn{Conn: tls.Server(tc, cfg), tcp: tc})
		} else {
			c = newConn(s, tc)
		}
		if c == nil {
			continue
		}
		l.Ref() // released by c.onClosed on the loop
		s.mu.Lock()
		s.conns[c] = struct{}{}
		s.mu.Unlock()
		if s.wantConn.Load() {
			l.Post(func() {
				if !c.dead {
					l.Emit(s.obj, "connection", c.jsObject())
				}
			})
		}
		go c.serve()
	}
	l.Post(func() {
		l.Unref()
		s.acceptLive = false
		if s.holdsRef {
			s.holdsRef = false
			l.Unref()
		}
		s.maybeClosed()
	})
}

// close stops accepting; idle connections are closed at once (as node
// v19+ does), busy ones when their responses are done. "close" follows
// when the last connection is gone.
func (s *Server) close() {
	s.mu.Lock()
	ln := s.ln
	if ln == nil || s.closing {
		s.mu.Unlock()
		if ln == nil {
			// node: ERR_SERVER_NOT_RUNNING to the callback; emitting it as
			// an error would crash scripts that close twice, so only the
			// close event is skipped.
		}
		return
	}
	s.closing = true
	s.mu.Unlock()
	ln.Close()
	s.closeConns(false)
}

// closeConns closes idle connections (all of them when all is set).
func (s *Server) closeConns(all bool) {
	s.mu.Lock()
	var list []*conn
	for c := range s.conns {
		list = append(list, c)
	}
	s.mu.Unlock()
	for _, c := range list {
		switch {
		case all:
			c.kill()
		case c.dead:
		case c.isIdle():
			// Let pending output (a response just finished) go out first;
			// the write side closes after it and the reader sees the peer
			// go.
			c.closeAfter = true
			c.st.markDirty(c)
		default:
			// Busy: close once its responses are done.
			c.closeWhenIdle = true
		}
	}
}

// maybeClosed emits "close" once the listener and every connection are gone.
func (s *Server) maybeClosed() {
	if s.acceptLive || s.closeSent {
		return
	}
	s.mu.Lock()
	n := len(s.conns)
	closing := s.closing
	s.mu.Unlock()
	if !closing || n > 0 {
		return
	}
	s.closeSent = true
	s.mu.Lock()
	s.ln = nil
	if s.sweep != nil {
		close(s.sweep)
		s.sweep = nil
	}
	s.mu.Unlock()
	s.st.l.Emit(s.obj, "close", s.st.vm.ToValue(0))
}

func (s *Server) connGone(c *conn) {
	s.mu.Lock()
	delete(s.conns, c)
	s.mu.Unlock()
	s.maybeClosed()
}

// sweeper enforces headersTimeout, requestTimeout and keepAliveTimeout
// without a timer per request: a few times a second it looks at every
// connection's phase and since-when, and kicks the reader of one that
// overstayed (node checks the same way, every connectionsCheckingInterval).
func (s *Server) sweeper(stop chan struct{}) {
	for {
		interval := time.Second
		for _, v := range []int64{s.headersTimeout.Load(), s.keepAliveTimeout.Load()} {
			if d := time.Duration(v) * time.Millisecond / 4; v > 0 && d < interval {
				interval = d
			}
		}
		if interval < 10*time.Millisecond {
			interval = 10 * time.Millisecond
		}
		select {
		case <-stop:
			return
		case <-time.After(interval):
		}
		now := time.Now()
		ht := time.Duration(s.headersTimeout.Load()) * time.Millisecond
		kt := time.Duration(s.keepAliveTimeout.Load()) * time.Millisecond
		rt := time.Duration(s.requestTimeout.Load()) * time.Millisecond
		s.mu.Lock()
		for c := range s.conns {
			c.checkTimeout(now, ht, kt, rt)
		}
		s.mu.Unlock()
	}
}

func (s *Server) kickSweeper() {}
