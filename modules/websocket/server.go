package websocket

import (
	"crypto/sha1"
	"encoding/base64"
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
	protocols    []string // subprotocols we speak, in preference order

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

// writeBufferPool is shared by every client connection (gorilla's Conn): a
// connection holds a write buffer only while it writes a message.
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
	nc, resp, proto, ok := s.upgrade(w, r)
	if !ok {
		return true // answered (or closed) already
	}
	s.accept(nc, resp, proto, r)
	return true
}

// wsGUID is the RFC 6455 §1.3 constant that turns a client's key into the
// Sec-WebSocket-Accept value.
const wsGUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

// upgrade checks the handshake (RFC 6455 §4.2.1), hijacks the connection
// and builds the 101 response, but does not write it: accept queues it as
// the connection's first outgoing bytes, to go out only once the
// connection is registered (see accept). Connection and Upgrade tokens were
// checked by the caller. A refused handshake is answered here.
func (s *server) upgrade(w http.ResponseWriter, r *http.Request) (net.Conn, []byte, string, bool) {
	if r.Method != http.MethodGet {
		reject(w, http.StatusMethodNotAllowed, "websocket: the upgrade request method is not GET")
		return nil, nil, "", false
	}
	if !hasToken(r.Header["Sec-Websocket-Version"], "13") {
		reject(w, http.StatusBadRequest, "websocket: unsupported version: 13 not found in 'Sec-Websocket-Version' header")
		return nil, nil, "", false
	}
	key := r.Header.Get("Sec-Websocket-Key")
	if k, err := base64.StdEncoding.DecodeString(key); err != nil || len(k) != 16 {
		reject(w, http.StatusBadRequest, "websocket: 'Sec-WebSocket-Key' must be the base64 of 16 bytes")
		return nil, nil, "", false
	}
	// The server's list is in preference order: its first protocol that
	// the client offers wins.
	proto := ""
	offered := websocket.Subprotocols(r)
pick:
	for _, p := range s.protocols {
		for _, o := range offered {
			if o == p {
				proto = p
				break pick
			}
		}
	}
	hj, ok := w.(http.Hijacker)
	if !ok {
		reject(w, http.StatusInternalServerError, "websocket: the response cannot be hijacked")
		return nil, nil, "", false
	}
	nc, brw, err := hj.Hijack()
	if err != nil {
		reject(w, http.StatusInternalServerError, err.Error())
		return nil, nil, "", false
	}
	if brw.Reader.Buffered() > 0 {
		// Frames before the 101 are a client bug; nothing sane can be
		// done with them.
		nc.Close()
		return nil, nil, "", false
	}
	sum := sha1.Sum([]byte(key + wsGUID))
	resp := make([]byte, 0, 160)
	resp = append(resp, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "...)
	resp = base64.StdEncoding.AppendEncode(resp, sum[:])
	resp = append(resp, "\r\n"...)
	if proto != "" {
		resp = append(resp, "Sec-WebSocket-Protocol: "...)
		resp = append(resp, proto...)
		resp = append(resp, "\r\n"...)
	}
	resp = append(resp, "\r\n"...)
	return nc, resp, proto, true
}

// hasToken reports whether a comma-separated header list holds tok
// (case-insensitive).
func hasToken(values []string, tok string) bool {
	for _, v := range values {
		for _, t := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(t), tok) {
				return true
			}
		}
	}
	return false
}

// accept makes the connection of a successful handshake.
//
// Ordering: the 101 response is the first item of the connection's write
// queue, and the queue is held (writing is set, no writer runs) until the
// loop has registered the connection in s.conns and run the script's
// "connection" listeners. So the client cannot see its handshake complete
// (and neither can anyone it talks to) before every later broadcast,
// srv.clients walk or send will include it; and what the "connection"
// listeners send is the first thing it receives, as in node, where writing
// the 101 and emitting "connection" happen in one tick. Writing the 101
// first and registering afterwards lost every broadcast made in between.
func (s *server) accept(nc net.Conn, resp []byte, proto string, r *http.Request) {
	nc.SetDeadline(time.Time{}) // the http server's deadlines
	c := &sconn{srv: s, id: nextID.Add(1), proto: proto}
	c.nc, c.cfg, c.end, c.sc = nc, &s.cfg, c, c
	c.queue = []outItem{{kind: outPrepared, data: resp}}
	c.queued = len(resp) + itemOverhead
	c.writing = true // held: see open
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
	register(c.id, &c.wconn)
	l := s.l
	l.Ref()
	l.Post(func() {
		// Registered on the loop, where broadcasts run: a broadcast made
		// before "connection" does not reach the new client, every one
		// after does.
		s.mu.Lock()
		closing := s.closing
		if !c.isDone() {
			// (A connection that ended already is not added: its
			// beforeClose may have run.)
			s.conns[c.id] = c
		}
		s.mu.Unlock()
		// Even a connection that is already gone is shown to the script:
		// its "close" follows (ended posts after this job), so every
		// "connection" is paired with one "close".
		v := l.CallValue(s.obj.Get("_newConn"), s.obj, l.VM.ToValue(c.id))
		if o, ok := v.(*goja.Object); ok {
			c.obj = o
		}
		c.open()
		if closing {
			c.close(1001, "server closing")
		}
	})
	// Frames the client sends are read from now on; their "message"
	// events are posted after the job above.
	if c.epoll {
		if p, err := getPoller(); err == nil && p.add(c) == nil {
			return
		}
	}
	go c.readLoop()
}

// open releases the write queue held since accept: the 101 goes out, then
// whatever was queued behind it.
func (c *sconn) open() { c.startFlush() }

func (c *sconn) beforeClose() {
	if c.epoll {
		// Through getPoller, not thePoll: its Once orders this read
		// after the poller's creation (the pinger, which may get here
		// first, has no other link to the accepting goroutine).
		if p, err := getPoller(); err == nil {
			p.remove(c)
		}
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

// pinger pings connections that have been quiet for (nearly) a ping
// interval and drops those that sent nothing for two intervals although a
// ping has been waiting for an answer for at least one.
//
// The drop needs an unanswered ping: "quiet for two intervals" alone is not
// enough, because the pings happen on ticks, not on time. A connection
// found just short of quiet at one tick was not pinged there; a late next
// tick (a loaded machine) could then find it quiet for two intervals and
// drop it without ever having asked it. And the two quiet intervals are
// kept: a peer pinged at a tick where it had been quiet for 0.9 interval
// gets until it has been quiet for two, not just one interval, to answer,
// which a starved client on a loaded machine may need.
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
			switch pingDecision(now, c.lastSeen.Load(), c.pingSent.Load(), iv) {
			case pingDrop:
				c.terminate(1006, "ping timeout")
			case pingSend:
				c.pingSent.Store(now)
				c.enqueue(outItem{kind: outPing})
			}
		}
	}
}

type pingAction uint8

const (
	pingNone pingAction = iota
	pingSend
	pingDrop
)

// pingDecision is what the pinger does, at a tick at now, with a
// connection whose last bytes arrived at seen and that was last pinged at
// sent (0: never); times are unix nanoseconds.
func pingDecision(now, seen, sent int64, iv time.Duration) pingAction {
	outstanding := sent != 0 && seen < sent // pinged, nothing since
	switch {
	case outstanding && time.Duration(now-sent) >= iv && time.Duration(now-seen) >= 2*iv:
		return pingDrop
	case !outstanding && time.Duration(now-seen) >= iv-iv/10:
		return pingSend
	}
	return pingNone
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
