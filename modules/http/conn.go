package http

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"os"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/dop251/goja"
)

const (
	maxHeaderBytes  = 16 * 1024 // node's --max-http-header-size default
	readBufSize     = 4 * 1024
	maxInflight     = 32      // pipelined requests read ahead of their responses
	maxWriteQueue   = 8 << 20 // bytes queued for a slow client before it is cut off
	writeTimeout    = 30 * time.Second
	drainTimeout    = 3 * time.Second
	highWater       = 64 << 10 // res.write returns false above this
	maxQueuedChunks = 64       // body chunks on their way to the loop, per connection
	// A body in stream mode gets fewer: chunks already on their way when
	// push() reports a full buffer pile up in it, so this bounds what a
	// paused request holds (16 × 4 KiB, about one of node's socket reads).
	maxStreamChunks = 16
)

// Reader phases, for the sweeper.
const (
	phIdle  = iota // waiting for the first byte of a request
	phHead         // part of a request head is in
	phBody         // reading a request body
	phBusy         // head read, waiting for its response (or for the reader gate)
	phDrain        // connection ends after the responses; reading until EOF
)

// bufPool holds *[readBufSize]byte: pointers, so Put does not allocate.
var bufPool = sync.Pool{New: func() any { return new([readBufSize]byte) }}

func getBuf() []byte { return bufPool.Get().(*[readBufSize]byte)[:] }

func putBuf(b []byte) {
	if cap(b) == readBufSize {
		bufPool.Put((*[readBufSize]byte)(b[:readBufSize]))
	}
}

// conn is one accepted connection. The reader goroutine (serve) owns the
// read buffer and parsing state; fields under mu are shared with the loop
// and the sweeper; the rest belong to the loop goroutine.
type conn struct {
	s   *Server
	st  *state
	nc  netConn
	raw syscall.RawConn // nil under TLS: reads and writes go through nc

	// Reader goroutine only.
	buf      []byte
	r, w     int
	served   int
	hijacked bool
	readFn   func(uintptr) bool
	rn       int
	rerr     error

	mu           sync.Mutex
	cond         sync.Cond
	inflight     int  // requests posted whose responses are not complete yet
	rpaused      bool // body reading paused by req.pause()
	chunksQueued int  // body chunks posted to the loop and not delivered yet
	chunkLimit   int  // 0: maxQueuedChunks; else the stream-mode limit
	killed       bool // kill() was called
	phase        int
	since        time.Time
	expired      int // status to answer after a sweeper timeout (0: none)
	closed       bool

	// Writer.
	wmu     sync.Mutex
	wq      []byte
	writing bool
	wclose  bool
	wbroken bool
	wneed   bool // a response wants "drain"

	// Loop only.
	queue         []*response
	out           []byte
	dirty         bool
	closeAfter    bool // close once the queue is done
	closeWhenIdle bool // the server closed: close when no request is left
	shut          bool
	dead          bool
	js            *goja.Object
	bodyReq       *incoming // the last request with a body (for onClosed)
	writeFn       func(uintptr) bool
	wb            []byte
	wn            int
	werr          error
}

// netConn is what a server connection runs on: a *net.TCPConn, whose fd
// the connection reads and writes itself without blocking, or TLS over
// one (https), read by the reader goroutine and written by the writer
// goroutine with blocking calls.
type netConn interface {
	net.Conn
	CloseWrite() error
}

// tlsConn is an https connection: TLS over tcp. Close drops the transport
// at once (a destroy sends no close_notify, as node's does not, and must
// never wait on a peer that does not read); CloseWrite sends close_notify
// and then a FIN on a goroutine of its own: it is called on the loop, and
// sending the alert is a write that could wait on a full socket buffer.
type tlsConn struct {
	*tls.Conn
	tcp   *net.TCPConn
	state atomic.Pointer[tls.ConnectionState] // set once the handshake is done
}

func (t *tlsConn) Close() error { return t.tcp.Close() }

func (t *tlsConn) CloseWrite() error {
	go func() {
		t.Conn.CloseWrite()
		t.tcp.CloseWrite()
	}()
	return nil
}

func newConn(s *Server, nc netConn) *conn {
	var raw syscall.RawConn
	if tc, ok := nc.(*net.TCPConn); ok {
		var err error
		if raw, err = tc.SyscallConn(); err != nil {
			nc.Close()
			return nil
		}
	}
	c := &conn{s: s, st: s.st, nc: nc, raw: raw, since: time.Now()}
	c.cond.L = &c.mu
	return c
}

func (c *conn) setPhase(p int) {
	c.mu.Lock()
	c.phase = p
	c.since = time.Now()
	c.mu.Unlock()
}

// checkTimeout runs on the sweeper with s.mu held.
func (c *conn) checkTimeout(now time.Time, ht, kt, rt time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed || c.expired != 0 {
		return
	}
	var limit time.Duration
	status := 408
	switch c.phase {
	case phIdle:
		if c.inflight > 0 {
			return
		}
		if c.served > 0 {
			limit, status = kt, -1 // an idle keep-alive connection just closes
		} else {
			limit = ht
		}
	case phHead:
		limit = ht
	case phBody:
		limit = rt
	case phDrain:
		limit, status = drainTimeout, -1
	default:
		return
	}
	if limit <= 0 || now.Sub(c.since) < limit {
		return
	}
	c.expired = status
	c.nc.SetReadDeadline(time.Unix(1, 0))
}

// isIdle reports (on the loop) whether no request is in flight: none
// parsed and not yet answered, no response unfinished.
func (c *conn) isIdle() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.inflight == 0 && len(c.queue) == 0 && c.phase != phHead && c.phase != phBody
}

// kill closes the connection now; the reader notices and tears down. A
// reader parked in gate (a paused body) is woken so it can notice.
func (c *conn) kill() {
	c.mu.Lock()
	c.killed = true
	c.cond.Broadcast()
	c.mu.Unlock()
	c.nc.Close()
}

// fill reads more bytes into the buffer. While it waits it holds no
// buffer: the read buffer goes back to the pool whenever it is empty, so
// an idle or long-polling connection costs no read buffer.
func (c *conn) fill() error {
	if c.buf != nil && c.r == c.w {
		c.r, c.w = 0, 0
	}
	if c.buf != nil && c.w == len(c.buf) {
		if c.r > 0 {
			copy(c.buf, c.buf[c.r:c.w])
			c.w -= c.r
			c.r = 0
		} else {
			nb := make([]byte, 2*len(c.buf))
			copy(nb, c.buf[:c.w])
			c.buf = nb
		}
	}
	if c.raw == nil {
		return c.fillBlocking()
	}
	if c.readFn == nil {
		c.readFn = c.readSome
	}
	c.rn, c.rerr = 0, nil
	if err := c.raw.Read(c.readFn); err != nil {
		return err
	}
	if c.rerr != nil {
		return c.rerr
	}
	if c.rn <= 0 {
		return io.EOF
	}
	c.w += c.rn
	return nil
}

// fillBlocking is fill for a connection without a raw fd (TLS): a plain
// Read on the reader goroutine, holding the buffer while it waits.
func (c *conn) fillBlocking() error {
	if c.buf == nil {
		c.buf = getBuf()
		c.r, c.w = 0, 0
	}
	n, err := c.nc.Read(c.buf[c.w:])
	if n > 0 {
		c.w += n
		if tc, ok := c.nc.(*tlsConn); ok && tc.state.Load() == nil {
			// The handshake is done (data came through): keep what it
			// settled for the loop, which must never call ConnectionState
			// itself (it waits on a handshake in progress).
			cs := tc.ConnectionState()
			tc.state.Store(&cs)
		}
		return nil
	}
	if err == nil {
		err = io.EOF
	}
	return err
}

// readSome is fill's RawConn.Read callback (a method value made once per
// connection rather than a closure per read).
func (c *conn) readSome(fd uintptr) bool {
	if c.buf == nil {
		c.buf = getBuf()
		c.r, c.w = 0, 0
	}
	for {
		c.rn, c.rerr = syscall.Read(int(fd), c.buf[c.w:])
		if c.rerr != syscall.EINTR {
			break
		}
	}
	if c.rerr == syscall.EAGAIN {
		if c.r == c.w && len(c.buf) == readBufSize {
			putBuf(c.buf)
			c.buf = nil
		}
		return false
	}
	return true
}

func (c *conn) releaseBuf() {
	if c.buf != nil && c.r == c.w {
		if len(c.buf) == readBufSize {
			putBuf(c.buf)
		}
		c.buf = nil
		c.r, c.w = 0, 0
	}
}

// httpError is a request the server answers itself with status and closes.
type httpError struct{ status int }

func (e *httpError) Error() string { return statusText(e.status) }

// serve is the reader goroutine.
func (c *conn) serve() {
	defer c.teardown()
	for {
		c.mu.Lock()
		for c.inflight >= maxInflight && !c.closed {
			c.phase = phBusy
			c.cond.Wait()
		}
		c.mu.Unlock()
		c.setPhase(phIdle)
		req, err := c.readHead()
		if err != nil {
			c.tlsFailed(err)
			c.failed(err)
			return
		}
		c.mu.Lock()
		c.served++
		c.mu.Unlock()
		if req.upgrade {
			switch c.tryUpgrade(req) {
			case upgradeHijacked:
				c.hijacked = true
				return
			case upgradeDone:
				return
			}
		}
		c.mu.Lock()
		c.inflight++
		c.phase = phBusy
		c.mu.Unlock()
		req.c = c
		c.s.enqueue(req)
		if req.contentLength != 0 {
			if err := c.readBody(req); err != nil {
				c.failed(err)
				return
			}
		}
		if !req.keepAlive {
			c.drain()
			return
		}
	}
}

// failed handles a read error: a protocol error or a timeout gets its
// status answered (through the loop, in order with earlier responses);
// then the connection drains and closes.
func (c *conn) failed(err error) {
	status := 0
	var he *httpError
	switch {
	case errors.As(err, &he):
		status = he.status
	case errors.Is(err, os.ErrDeadlineExceeded):
		c.mu.Lock()
		status = c.expired
		c.mu.Unlock()
		if status < 0 {
			status = 0
		}
	}
	if status == 0 {
		return
	}
	c.mu.Lock()
	c.inflight++
	c.mu.Unlock()
	c.st.l.Post(func() { c.sendError(status) })
	c.drain()
}

// drain reads and discards until the peer closes or the drain time is up:
// the connection ends after its last response, and closing a socket with
// unread input would reset it and could lose that response.
func (c *conn) drain() {
	c.mu.Lock()
	c.phase = phDrain
	c.since = time.Now()
	c.expired = 0
	c.mu.Unlock()
	c.nc.SetReadDeadline(time.Time{})
	c.r, c.w = 0, 0
	for {
		if c.buf == nil || c.w == len(c.buf) {
			c.r, c.w = 0, 0
		}
		if err := c.fill(); err != nil {
			return
		}
		c.r = c.w
	}
}

func (c *conn) teardown() {
	if c.hijacked {
		return
	}
	c.nc.Close()
	c.mu.Lock()
	c.closed = true
	c.cond.Broadcast()
	c.mu.Unlock()
	c.releaseBuf()
	c.buf = nil
	c.st.l.Post(c.onClosed)
}

// readHead reads and parses one request head.
func (c *conn) readHead() (*incoming, error) {
	started := false
	for {
		if c.buf != nil && c.w > c.r {
			// Leading empty lines before a request line are ignored (RFC 9112 2.2).
			for c.r < c.w && (c.buf[c.r] == '\r' || c.buf[c.r] == '\n') {
				c.r++
			}
			if c.r < c.w {
				if !started {
					started = true
					c.setPhase(phHead)
				}
				if end := headEnd(c.buf[c.r:c.w]); end >= 0 {
					if end > maxHeaderBytes {
						return nil, &httpError{431}
					}
					req, err := c.parseHead(c.buf[c.r : c.r+end])
					c.r += end
					return req, err
				}
				if c.w-c.r > maxHeaderBytes {
					return nil, &httpError{431}
				}
			}
		}
		if err := c.fill(); err != nil {
			if errors.Is(err, os.ErrDeadlineExceeded) {
				return nil, err
			}
			if started && err == io.EOF {
				return nil, err
			}
			return nil, err
		}
	}
}

// headEnd returns the length of the head (through the blank line) at the
// start of b, or -1 when it is not complete.
func headEnd(b []byte) int {
	for i := 0; i < len(b); i++ {
		if b[i] != '\n' {
			continue
		}
		if i+1 < len(b) && b[i+1] == '\n' {
			return i + 2
		}
		if i+2 < len(b) && b[i+1] == '\r' && b[i+2] == '\n' {
			return i + 3
		}
	}
	return -1
}

// readBody reads a Content-Length or chunked body and posts it in chunks.
func (c *conn) readBody(req *incoming) error {
	c.setPhase(phBody)
	post := func(data []byte) {
		c.gate()
		d := append([]byte(nil), data...)
		c.st.l.Post(func() {
			c.ungate()
			req.deliver(d)
		})
	}
	// postN posts the next n body bytes as they arrive.
	postN := func(n int64) error {
		for n > 0 {
			if c.buf == nil || c.w == c.r {
				if err := c.fill(); err != nil {
					return err
				}
			}
			k := min(int64(c.w-c.r), n)
			post(c.buf[c.r : c.r+int(k)])
			c.r += int(k)
			n -= k
		}
		return nil
	}
	if req.contentLength > 0 {
		if err := postN(req.contentLength); err != nil {
			return err
		}
	} else {
		// Chunked.
		for {
			line, err := c.readLine()
			if err != nil {
				return err
			}
			size, ok := parseChunkSize(line)
			if !ok {
				return &httpError{400}
			}
			if size == 0 {
				// Trailers, up to the blank line.
				for {
					t, err := c.readLine()
					if err != nil {
						return err
					}
					if len(t) == 0 {
						break
					}
				}
				break
			}
			if err := postN(size); err != nil {
				return err
			}
			end, err := c.readLine()
			if err != nil {
				return err
			}
			if len(end) != 0 {
				return &httpError{400}
			}
		}
	}
	c.gate()
	c.st.l.Post(func() {
		c.ungate()
		req.deliverEnd()
	})
	c.setPhase(phBusy)
	return nil
}

// readLine returns the next line (without CRLF); lines are bounded.
func (c *conn) readLine() ([]byte, error) {
	for {
		if c.buf != nil {
			for i := c.r; i < c.w; i++ {
				if c.buf[i] == '\n' {
					line := c.buf[c.r:i]
					c.r = i + 1
					if len(line) > 0 && line[len(line)-1] == '\r' {
						line = line[:len(line)-1]
					}
					return line, nil
				}
			}
			if c.w-c.r > 4096 {
				return nil, &httpError{400}
			}
		}
		if err := c.fill(); err != nil {
			return nil, err
		}
	}
}

func parseChunkSize(line []byte) (int64, bool) {
	var n int64
	digits := 0
	for i := 0; i < len(line); i++ {
		ch := line[i]
		var d byte
		switch {
		case ch >= '0' && ch <= '9':
			d = ch - '0'
		case ch >= 'a' && ch <= 'f':
			d = ch - 'a' + 10
		case ch >= 'A' && ch <= 'F':
			d = ch - 'A' + 10
		case ch == ';' || ch == ' ' || ch == '\t':
			return n, digits > 0
		default:
			return 0, false
		}
		digits++
		if digits > 15 {
			return 0, false
		}
		n = n<<4 | int64(d)
	}
	return n, digits > 0
}

// gate blocks the reader while the request body is paused, or while the
// loop has not yet taken maxQueuedChunks of its chunks (a client uploading
// faster than the script runs must not grow the loop's queue without end).
func (c *conn) gate() {
	c.mu.Lock()
	for (c.rpaused || c.chunksQueued >= c.limit()) && !c.closed && !c.killed {
		c.cond.Wait()
	}
	c.chunksQueued++
	c.mu.Unlock()
}

// ungate is the loop taking one chunk the reader posted.
func (c *conn) ungate() {
	c.mu.Lock()
	c.chunksQueued--
	if c.chunksQueued == c.limit()-1 {
		c.cond.Broadcast()
	}
	c.mu.Unlock()
}

// limit is how many chunks may be on their way to the loop (c.mu held).
func (c *conn) limit() int {
	if c.chunkLimit > 0 {
		return c.chunkLimit
	}
	return maxQueuedChunks
}

// setStreamGate switches the connection's body to the stream-mode limit
// (on) or back.
func (c *conn) setStreamGate(on bool) {
	c.mu.Lock()
	if on {
		c.chunkLimit = maxStreamChunks
	} else {
		c.chunkLimit = 0
	}
	c.cond.Broadcast()
	c.mu.Unlock()
}

func (c *conn) setReadPaused(p bool) {
	c.mu.Lock()
	c.rpaused = p
	if !p {
		c.cond.Broadcast()
	}
	c.mu.Unlock()
}

// ---------------------------------------------------------------------------
// Loop side.

// onRequest runs on the loop: it makes the JS request and response and
// emits "request".
func (c *conn) onRequest(req *incoming) {
	st := c.st
	if c.dead {
		return
	}
	req.st = st
	req.c = c
	req.obj = st.vm.NewDynamicObject(req)
	req.obj.SetPrototype(st.reqProto)
	res := newResponse(st, c, req)
	req.res = res
	if req.contentLength != 0 {
		c.bodyReq = req
	}
	c.queue = append(c.queue, res)
	if len(c.queue) == 1 {
		res.isHead = true
	}
	if req.expect100 {
		if !hasListeners(c.s.obj, "checkContinue") {
			res.rawOut([]byte("HTTP/1.1 100 Continue\r\n\r\n"))
		}
	}
	c.s.emitRequest(req.obj, res.obj)
	if req.contentLength == 0 {
		switch {
		case req.rs != nil:
			req.deliverEnd()
		case req.listens("end") || req.listens("complete"):
			// As node: a body-less request's "end" comes on a later tick,
			// after the handler's own ticks.
			st.l.NextTick(st.endTick, []goja.Value{req.obj})
		case !req.paused:
			// Nobody listens: the body is over, with nothing to emit.
			req.endSeen = true
			req.complete = true
		default:
			req.deliverEnd()
		}
	}
}

// enqueue hands a parsed request to the loop. Requests from all of a
// server's connections are delivered in batches: one loop job (one
// macrotask, one entry into the JS engine, one flush) for everything that
// arrived since the last batch started.
func (s *Server) enqueue(req *incoming) {
	s.pendMu.Lock()
	s.pend = append(s.pend, req)
	post := !s.pendPosted
	s.pendPosted = true
	s.pendMu.Unlock()
	if post {
		s.st.l.Post(s.runBatch)
	}
}

func (s *Server) runBatch() {
	s.pendMu.Lock()
	batch := s.pend
	s.pend = s.spare[:0]
	s.pendPosted = false
	s.pendMu.Unlock()
	for i, req := range batch {
		batch[i] = nil
		req.c.onRequest(req)
	}
	s.spare = batch
}

// emitRequest calls the one "request" listener directly when that is all
// emit would do, and emit otherwise.
func (s *Server) emitRequest(req, res *goja.Object) {
	st := s.st
	obj := s.obj
	if list := listeners(obj, "request"); list != nil && obj.Get("emit").SameAs(st.emitProto) {
		// The only listener is stored as itself, more as an array
		// (modules/events).
		var v goja.Value
		if _, isFn := goja.AssertFunction(list); isFn {
			v = list
		} else if list.Get("length").ToInteger() == 1 {
			v = list.Get("0")
		}
		if v != nil {
			if s.lastFn == nil || !v.SameAs(s.lastV) {
				s.lastV = v
				s.lastFn, _ = goja.AssertFunction(v)
			}
			if s.lastFn != nil {
				st.l.Call(s.lastFn, obj, req, res)
				return
			}
		}
	}
	st.l.Emit(obj, "request", req, res)
}

// sendError answers a bad request itself and ends the connection.
func (c *conn) sendError(status int) {
	if c.dead {
		return
	}
	res := &response{st: c.st, c: c, status: status, finished: true, closeAfter: true}
	res.buf = append(res.buf, "HTTP/1.1 "...)
	res.buf = append(res.buf, itoa(status)...)
	res.buf = append(res.buf, ' ')
	res.buf = append(res.buf, statusText(status)...)
	res.buf = append(res.buf, "\r\nConnection: close\r\n\r\n"...)
	c.queue = append(c.queue, res)
	c.advance()
}

// advance writes out finished responses at the head of the queue, in
// order, and moves the next one's buffered output to the connection.
func (c *conn) advance() {
	for len(c.queue) > 0 {
		head := c.queue[0]
		if len(head.buf) > 0 {
			c.out = append(c.out, head.buf...)
			head.buf = nil
			c.st.markDirty(c)
		}
		head.isHead = true
		if !head.finished {
			return
		}
		c.queue[0] = nil
		c.queue = c.queue[1:]
		if len(c.queue) == 0 {
			c.queue = nil
		}
		if head.closeAfter {
			c.closeAfter = true
		}
		c.mu.Lock()
		c.inflight--
		if c.inflight < maxInflight {
			c.cond.Broadcast()
		}
		idle := c.inflight == 0
		c.mu.Unlock()
		if idle && c.closeWhenIdle && len(c.queue) == 0 {
			c.closeAfter = true
		}
		if c.closeAfter {
			for _, r := range c.queue {
				r.dead = true
			}
			c.queue = nil
			c.st.markDirty(c)
			return
		}
	}
}

// flush writes pending output; the loop never blocks on a socket: what the
// kernel does not take now goes to the connection's writer goroutine.
func (c *conn) flush() {
	if c.dead {
		c.out = c.out[:0]
		return
	}
	if len(c.out) > 0 {
		c.write(c.out)
		if cap(c.out) > 16<<10 {
			c.out = nil
		} else {
			c.out = c.out[:0]
		}
	}
	if c.closeAfter && !c.shut {
		c.shut = true
		c.wmu.Lock()
		if c.writing {
			c.wclose = true
			c.wmu.Unlock()
		} else {
			c.wmu.Unlock()
			c.nc.CloseWrite()
		}
	}
}

func (c *conn) write(b []byte) {
	c.wmu.Lock()
	if c.wbroken {
		c.wmu.Unlock()
		return
	}
	if c.writing {
		if len(c.wq)+len(b) > maxWriteQueue {
			c.wbroken = true
			c.wmu.Unlock()
			c.kill()
			return
		}
		c.wq = append(c.wq, b...)
		c.wmu.Unlock()
		return
	}
	c.wmu.Unlock()
	n, err := c.tryWrite(b)
	if err != nil {
		c.wmu.Lock()
		c.wbroken = true
		c.wmu.Unlock()
		c.kill()
		return
	}
	if n < len(b) {
		c.wmu.Lock()
		c.writing = true
		c.wq = append(c.wq[:0], b[n:]...)
		c.wmu.Unlock()
		go c.writeLoop()
	}
}

// tryWrite writes what the socket takes without waiting.
func (c *conn) tryWrite(b []byte) (int, error) {
	if c.raw == nil {
		return 0, nil // TLS: the writer goroutine does it all
	}
	if c.writeFn == nil {
		c.writeFn = c.writeSome
	}
	c.wb, c.wn, c.werr = b, 0, nil
	err := c.raw.Write(c.writeFn)
	if err == nil {
		err = c.werr
	}
	c.wb = nil
	return c.wn, err
}

// writeSome is tryWrite's RawConn.Write callback: it writes what the
// socket takes and never waits.
func (c *conn) writeSome(fd uintptr) bool {
	for c.wn < len(c.wb) {
		n, err := syscall.Write(int(fd), c.wb[c.wn:])
		if err == syscall.EINTR {
			continue
		}
		if err == syscall.EAGAIN {
			break
		}
		if err != nil {
			c.werr = err
			break
		}
		c.wn += n
	}
	return true
}

// writeLoop is the slow path: it owns the socket's write side until the
// queue is empty.
func (c *conn) writeLoop() {
	var spare []byte
	for {
		c.wmu.Lock()
		if len(c.wq) == 0 || c.wbroken {
			c.writing = false
			wclose := c.wclose
			need := c.wneed
			c.wneed = false
			c.wmu.Unlock()
			if wclose {
				c.nc.CloseWrite()
			}
			if need {
				c.st.l.Post(c.emitDrain)
			}
			return
		}
		b := c.wq
		c.wq = spare[:0]
		c.wmu.Unlock()
		c.nc.SetWriteDeadline(time.Now().Add(writeTimeout))
		if _, err := c.nc.Write(b); err != nil {
			c.wmu.Lock()
			c.wbroken = true
			c.wmu.Unlock()
			c.kill()
		}
		spare = b
	}
}

// backlog reports whether writes are piling up (res.write returns false).
func (c *conn) backlog() bool {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if c.writing && len(c.wq) > highWater {
		c.wneed = true
		return true
	}
	return false
}

func (c *conn) emitDrain() {
	if c.dead {
		return
	}
	for _, r := range c.queue {
		if r.isHead {
			r.needDrain = false
		}
		if r.isHead && !r.finished && r.listens("drain") {
			c.st.l.Emit(r.obj, "drain")
		}
	}
}

// onClosed runs on the loop once the reader has closed the socket: pending
// responses learn that their client is gone.
func (c *conn) onClosed() {
	if c.dead {
		// Already torn down (hijacked).
		return
	}
	c.dead = true
	st := c.st
	queue := c.queue
	c.queue = nil
	for _, r := range queue {
		r.dead = true
		if r.finished || r.req == nil {
			continue
		}
		req := r.req
		if req.rs != nil {
			// Stream mode: destroy() emits "aborted" (from _destroy) and
			// "close" as a destroyed Readable does.
			if !req.endSeen {
				req.aborted = true
			}
			st.l.Call(st.destroyFn, req.obj)
		} else {
			req.aborted = true
			if !req.endSeen {
				if req.listens("aborted") {
					st.l.Emit(req.obj, "aborted")
				}
			}
			req.closed = true
			if req.listens("close") {
				st.l.Emit(req.obj, "close")
			}
		}
		r.destroyed = true
		r.closeEmitted = true
		if r.listens("close") {
			st.l.Emit(r.obj, "close")
		}
	}
	// A request still reading its body as a stream after its response
	// finished: the body will not end now.
	if m := c.bodyReq; m != nil && m.rs != nil && !m.endSeen && m.res != nil && m.res.finished {
		m.aborted = true
		st.l.Call(st.destroyFn, m.obj)
	}
	c.bodyReq = nil
	if c.js != nil {
		connOf.Delete(c.js)
		if hasListeners(c.js, "close") {
			st.l.Emit(c.js, "close", st.vFalse)
		}
	}
	c.s.connGone(c)
	st.l.Unref()
}

// jsObject is the connection as JS sees it (req.connection, the
// "connection" event): made on first use.
func (c *conn) jsObject() *goja.Object {
	if c.js != nil {
		return c.js
	}
	st := c.st
	o := st.vm.NewObject()
	o.SetPrototype(st.connProto)
	if a, ok := c.nc.RemoteAddr().(*net.TCPAddr); ok {
		o.Set("remoteAddress", a.IP.String())
		o.Set("remotePort", a.Port)
		if a.IP.To4() != nil {
			o.Set("remoteFamily", "IPv4")
		} else {
			o.Set("remoteFamily", "IPv6")
		}
	}
	if a, ok := c.nc.LocalAddr().(*net.TCPAddr); ok {
		o.Set("localAddress", a.IP.String())
		o.Set("localPort", a.Port)
	}
	o.Set("server", c.s.obj)
	if tc, ok := c.nc.(*tlsConn); ok {
		var roots *x509.CertPool
		if cfg := c.s.tlsCfg.Load(); cfg != nil {
			roots = cfg.ClientCAs
		}
		st.tlsMethods(o, tc, roots)
	}
	c.js = o
	connOf.Store(o, c)
	return o
}

var connOf sync.Map // *goja.Object -> *conn

func (st *state) installConnMethods(p *goja.Object) {
	get := func(call goja.FunctionCall) *conn {
		if o, ok := call.This.(*goja.Object); ok {
			if c, ok := connOf.Load(o); ok {
				return c.(*conn)
			}
		}
		panic(st.l.TypeError("ERR_INVALID_THIS", "not an http connection"))
	}
	p.Set("destroy", func(call goja.FunctionCall) goja.Value {
		get(call).kill()
		return call.This
	})
	p.Set("end", func(call goja.FunctionCall) goja.Value {
		get(call).kill()
		return call.This
	})
	p.Set("write", func(call goja.FunctionCall) goja.Value {
		panic(st.l.ErrorWithCode("ERR_HTTP_SOCKET_IN_USE", "the connection belongs to the HTTP server; write through the response"))
	})
	noop := func(call goja.FunctionCall) goja.Value { return call.This }
	for _, n := range []string{"setTimeout", "setNoDelay", "setKeepAlive", "ref", "unref", "pause", "resume", "setEncoding"} {
		p.Set(n, noop)
	}
	p.Set("address", func(call goja.FunctionCall) goja.Value {
		return st.addrObject(get(call).nc.LocalAddr().String())
	})
	// net.Socket's state flags: frameworks (koa) check socket.writable
	// before they write a response.
	isClosed := func(c *conn) bool {
		c.mu.Lock() // teardown sets closed on the reader goroutine
		defer c.mu.Unlock()
		return c.closed
	}
	open := st.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		return st.vm.ToValue(!isClosed(get(call)))
	})
	closed := st.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		return st.vm.ToValue(isClosed(get(call)))
	})
	for _, n := range []string{"readable", "writable"} {
		p.DefineAccessorProperty(n, open, nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	p.DefineAccessorProperty("destroyed", closed, nil, goja.FLAG_TRUE, goja.FLAG_FALSE)
}
