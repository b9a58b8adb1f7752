// Package netcore is gonode's one socket layer, shared by node v0.1.21's
// "tcp" module and today's "net" module (and open to anyone who needs a
// TCP socket driven by the loop). It owns the Go side of a connection:
//
//   - a reader goroutine that waits for readability through the netpoller
//     with no buffer held, then reads into a pooled 64 KiB buffer and hands
//     the bytes to the loop; at most two chunks are in flight, and a paused
//     connection's reader really stops, so a fast sender meets TCP
//     back-pressure;
//   - writes that never block the loop: the loop tries one non-blocking
//     write(2) when nothing is queued, anything the kernel does not take is
//     queued and flushed by a writer goroutine that exists only while there
//     is something to flush;
//   - the close state machine (half-close, forced close, errors), which
//     releases the connection's loop reference exactly once;
//   - an idle timer on the loop's timer heap (no goroutine or timer per
//     activity: activity is an atomic timestamp the timer checks).
//
// The JS binding (binding.go) exposes handles; tcp.js and net.js turn them
// into the two vocabularies.
package netcore

import (
	"errors"
	"net"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"

	"gonode/modules/buffer"
	"gonode/runtime"
)

const (
	readBufSize = 64 * 1024
	maxInflight = 1 // read chunks handed to the loop and not yet consumed
	inlineReads = 8 // reads the loop makes itself after a chunk, until EAGAIN
	// HighWaterMark is the queued-byte count above which write reports
	// false (Node's writableHighWaterMark for sockets).
	HighWaterMark = 16 * 1024
)

var bufPool = sync.Pool{New: func() any { b := make([]byte, readBufSize); return &b }}

type chunk struct {
	buf *[]byte
	n   int
}

// Conn is one TCP connection. Fields marked "loop" are touched only on the
// loop goroutine; the rest are guarded by mu or atomic.
type Conn struct {
	l   *runtime.Loop
	b   *Binding
	obj *goja.Object // the JS handle

	nc *net.TCPConn
	rc syscall.RawConn

	// loop
	cb         callbacks
	connecting bool
	started    bool
	readEnded  bool
	shutAsked  bool
	writeShut  bool
	closed     bool
	paused     bool
	held       []chunk
	heldEOF    bool
	heldErr    error
	dec        *Decoder
	drainAll   bool // 2009: "drain" after every flush
	softPause  bool // net: a paused socket still reads up to two chunks and sees EOF
	refd       bool
	idle       time.Duration
	cancelIdle func()
	idleFired  int64
	bytesRead  int64

	mu       sync.Mutex
	cond     sync.Cond
	rpaused  bool
	inflight int
	dead     bool
	rdone    bool // the loop saw EOF or an error while reading inline
	queue    [][]byte
	queued   int
	writing  bool
	notify   bool
	shutPend bool
	written  int64

	lastActive atomic.Int64
}

type callbacks struct {
	owner                                                             goja.Value
	onread, onend, ondrain, onclose, ontimeout, onconnect, onshutdown goja.Callable
}

func newConn(b *Binding) *Conn {
	c := &Conn{l: b.l, b: b, refd: true, dec: NewDecoder(b.defaultEnc)}
	c.cond.L = &c.mu
	c.l.Ref()
	return c
}

// attach binds an established *net.TCPConn and starts reading.
func (c *Conn) attach(nc *net.TCPConn) error {
	rc, err := nc.SyscallConn()
	if err != nil {
		return err
	}
	c.nc, c.rc = nc, rc
	c.connecting = false
	c.touch()
	c.started = true
	if c.idle > 0 && c.cancelIdle == nil {
		c.armIdle(c.idle)
	}
	go c.readLoop()
	// Writes and a half-close asked for while connecting go out now.
	c.mu.Lock()
	if c.shutAsked && !c.writeShut {
		c.shutPend = true
	}
	c.startWriter()
	c.mu.Unlock()
	return nil
}

func (c *Conn) touch() { c.lastActive.Store(time.Now().UnixNano()) }

// readLoop runs on its own goroutine until the connection dies or the
// stream ends. It holds no buffer while waiting for data.
func (c *Conn) readLoop() {
	for {
		c.mu.Lock()
		for (c.rpaused || c.inflight >= maxInflight) && !c.dead && !c.rdone {
			c.cond.Wait()
		}
		if c.dead || c.rdone {
			c.mu.Unlock()
			return
		}
		c.inflight++
		c.mu.Unlock()

		var bp *[]byte
		var n int
		var rerr error
		err := c.rc.Read(func(fd uintptr) bool {
			if bp == nil {
				bp = bufPool.Get().(*[]byte)
			}
			for {
				n, rerr = unix.Read(int(fd), *bp)
				if rerr != unix.EINTR {
					break
				}
			}
			if rerr == unix.EAGAIN {
				bufPool.Put(bp)
				bp = nil
				return false
			}
			return true
		})
		if err == nil {
			err = rerr
		}
		switch {
		case err == nil && n > 0:
			c.touch()
			ch := chunk{bp, n}
			c.l.Post(func() { c.onChunk(ch) })
			continue
		case err == nil: // n == 0: the peer sent FIN
			if bp != nil {
				bufPool.Put(bp)
			}
			c.l.Post(func() { c.onEOF(nil) })
			return
		default:
			if bp != nil {
				bufPool.Put(bp)
			}
			c.l.Post(func() { c.onEOF(err) })
			return
		}
	}
}

// release gives the reader back one in-flight slot.
func (c *Conn) release() {
	c.mu.Lock()
	c.inflight--
	c.cond.Signal()
	c.mu.Unlock()
}

// onChunk runs on the loop with data the reader got.
func (c *Conn) onChunk(ch chunk) {
	if c.closed {
		bufPool.Put(ch.buf)
		c.release()
		return
	}
	if c.paused || len(c.held) > 0 {
		c.held = append(c.held, ch)
		return
	}
	full := ch.n == readBufSize
	c.deliver(ch)
	if full {
		// The read filled the buffer: more is probably waiting.
		c.readInline()
	}
	c.release()
}

// readInline runs on the loop right after a chunk was delivered, while the
// chunk's read slot keeps the reader goroutine parked: like libuv, it
// reads on until EAGAIN (a few times at most), so a busy connection costs
// no goroutine hand-off per chunk. The goroutine only waits for
// readiness.
func (c *Conn) readInline() {
	for i := 0; i < inlineReads; i++ {
		if c.closed || c.paused || c.readEnded || len(c.held) > 0 {
			return
		}
		bp := bufPool.Get().(*[]byte)
		n, rerr := 0, error(nil)
		cerr := c.rc.Control(func(fd uintptr) {
			for {
				n, rerr = unix.Read(int(fd), *bp)
				if rerr != unix.EINTR {
					break
				}
			}
		})
		if cerr != nil {
			rerr = cerr
		}
		if rerr == unix.EAGAIN {
			bufPool.Put(bp)
			return
		}
		if rerr == nil && n > 0 {
			c.touch()
			c.deliver(chunk{bp, n})
			if n < readBufSize {
				return // the kernel had no more; the goroutine waits
			}
			continue
		}
		bufPool.Put(bp)
		c.mu.Lock()
		c.rdone = true
		c.cond.Broadcast()
		c.mu.Unlock()
		c.onEOF(rerr)
		return
	}
}

func (c *Conn) deliver(ch chunk) {
	data := (*ch.buf)[:ch.n]
	c.bytesRead += int64(ch.n)
	var v goja.Value
	empty := false
	if c.dec.enc == EncBuffer {
		if ch.n >= readBufSize/2 {
			// A big read: hand the buffer itself to JS instead of
			// copying; the pool makes a new one.
			v = buffer.New(c.l, data[:ch.n:ch.n])
			ch.buf = nil
		} else {
			v = buffer.New(c.l, append([]byte(nil), data...))
		}
	} else {
		v, empty = c.dec.DecodeChunk(c.l.VM, data)
	}
	if ch.buf != nil {
		bufPool.Put(ch.buf)
	}
	if empty {
		return // only part of a character so far
	}
	if c.cb.onread != nil {
		c.l.Call(c.cb.onread, c.cb.owner, v)
	}
}

// onEOF runs on the loop when the read side ended: err nil for a FIN,
// otherwise a read error (a reset).
func (c *Conn) onEOF(err error) {
	if c.closed {
		return
	}
	if len(c.held) > 0 || (c.paused && !c.softPause) {
		c.heldEOF, c.heldErr = true, err
		return
	}
	if err != nil {
		c.fail(err, "read")
		return
	}
	c.readEnded = true
	if tail := c.dec.End(c.l.VM); tail != "" && c.cb.onread != nil {
		c.l.Call(c.cb.onread, c.cb.owner, c.l.VM.ToValue(tail))
	}
	if c.cb.onend != nil {
		c.l.Call(c.cb.onend, c.cb.owner)
	}
	c.maybeFinish()
}

// maybeFinish closes the connection once both directions are done.
func (c *Conn) maybeFinish() {
	if !c.closed && c.readEnded && c.writeShut {
		c.finish(nil)
	}
}

// Pause stops reading: no more data is delivered, and the reader goroutine
// stops taking bytes from the kernel, so the peer's sends stall once the
// socket buffers fill. With softPause (net, like Node's Readable) the
// reader first fills its two in-flight chunks, which are held, and an EOF
// with nothing held is still reported.
func (c *Conn) Pause() {
	if c.closed || c.paused {
		return
	}
	c.paused = true
	if c.softPause {
		return
	}
	c.mu.Lock()
	c.rpaused = true
	c.mu.Unlock()
}

// Resume undoes Pause; chunks held meanwhile are delivered first, each as
// its own macrotask.
func (c *Conn) Resume() {
	if c.closed || !c.paused {
		return
	}
	c.paused = false
	c.mu.Lock()
	c.rpaused = false
	c.cond.Signal()
	c.mu.Unlock()
	if len(c.held) > 0 || c.heldEOF {
		c.l.Post(c.flushHeld)
	}
}

func (c *Conn) flushHeld() {
	for len(c.held) > 0 && !c.paused && !c.closed {
		ch := c.held[0]
		c.held = c.held[1:]
		c.deliver(ch)
		c.release()
	}
	if len(c.held) == 0 && c.heldEOF && !c.paused && !c.closed {
		c.heldEOF = false
		c.onEOF(c.heldErr)
	}
}

// WriteNow is Write for a caller that wants to know whether the data went
// to the kernel at once (true: nothing was queued and no ondrain follows)
// or was queued (false: ondrain runs once it is flushed). Node's stream
// Writable calls its write callback synchronously in the first case.
func (c *Conn) WriteNow(data []byte, aliased bool) bool {
	if c.closed || c.shutAsked || (c.nc == nil && !c.connecting) {
		return false
	}
	c.mu.Lock()
	if !c.connecting && !c.writing && len(c.queue) == 0 && !c.dead {
		rest, err := c.writeDirect(data)
		if err != nil {
			c.mu.Unlock()
			c.failLater(err, "write")
			return false
		}
		data = rest
		if len(data) == 0 {
			c.mu.Unlock()
			return true
		}
	}
	if aliased {
		data = append([]byte(nil), data...)
	}
	c.queue = append(c.queue, data)
	c.queued += len(data)
	c.notify = true
	if !c.connecting {
		c.startWriter()
	}
	c.mu.Unlock()
	return false
}

// writeDirect makes one non-blocking write of data (c.mu held) and returns
// what the kernel did not take.
func (c *Conn) writeDirect(data []byte) ([]byte, error) {
	n, err := c.tryWrite(data)
	if n > 0 {
		c.written += int64(n)
		c.touch()
	}
	return data[n:], err
}

// Write sends data and reports whether the queue is below the high-water
// mark. aliased says data is JS memory: it is copied if it must be queued
// (the connection owns it otherwise). notify asks for an ondrain call once
// everything queued so far is flushed.
func (c *Conn) Write(data []byte, aliased, notify bool) bool {
	if c.closed || c.shutAsked || (c.nc == nil && !c.connecting) {
		return false
	}
	c.mu.Lock()
	if c.connecting {
		if aliased {
			data = append([]byte(nil), data...)
		}
		c.queue = append(c.queue, data)
		c.queued += len(data)
		ok := c.queued < HighWaterMark
		c.notify = c.notify || notify || !ok || c.drainAll
		c.mu.Unlock()
		return ok
	}
	if !c.writing && len(c.queue) == 0 && !c.dead {
		// Nothing queued: try the kernel directly (non-blocking; never
		// waits), which saves a goroutine hand-off on the common path.
		rest, err := c.writeDirect(data)
		if err != nil {
			c.mu.Unlock()
			c.failLater(err, "write")
			return false
		}
		data = rest
		if len(data) == 0 {
			c.mu.Unlock()
			if notify || c.drainAll {
				c.l.Post(c.drained)
			}
			return true
		}
	}
	if aliased {
		data = append([]byte(nil), data...)
	}
	c.queue = append(c.queue, data)
	c.queued += len(data)
	ok := c.queued < HighWaterMark
	c.notify = c.notify || notify || !ok || c.drainAll
	c.startWriter()
	c.mu.Unlock()
	return ok
}

// tryWrite makes one non-blocking write(2) attempt; EAGAIN is not an error.
func (c *Conn) tryWrite(b []byte) (int, error) {
	var n int
	var werr error
	err := c.rc.Write(func(fd uintptr) bool {
		// Like libuv: keep writing while the kernel makes progress.
		for n < len(b) {
			k, e := unix.Write(int(fd), b[n:])
			if e == unix.EINTR {
				continue
			}
			if k > 0 {
				n += k
			}
			if e != nil || k <= 0 {
				werr = e
				break
			}
		}
		return true
	})
	if werr == unix.EAGAIN {
		werr = nil
	}
	if err == nil {
		err = werr
	}
	return n, err
}

// startWriter starts the writer goroutine if it is not running. mu held.
func (c *Conn) startWriter() {
	if c.writing || c.dead || len(c.queue) == 0 && !c.shutPend {
		return
	}
	c.writing = true
	go c.flush()
}

// flush is the writer goroutine: it writes the queue with writev until it
// is empty, then half-closes if asked and tells the loop.
func (c *Conn) flush() {
	var spare [][]byte
	for {
		c.mu.Lock()
		if c.dead {
			c.writing = false
			c.mu.Unlock()
			return
		}
		if len(c.queue) == 0 {
			c.writing = false
			shut := c.shutPend
			c.shutPend = false
			notify := c.notify
			c.notify = false
			c.mu.Unlock()
			var serr error
			if shut {
				serr = c.nc.CloseWrite()
			}
			if notify || shut {
				c.l.Post(func() {
					if notify {
						c.drained()
					}
					if shut {
						c.onWriteShut(serr)
					}
				})
			}
			return
		}
		bufs := c.queue
		c.queue = spare[:0]
		c.mu.Unlock()
		nb := net.Buffers(bufs)
		n, err := nb.WriteTo(c.nc)
		c.touch()
		for i := range bufs {
			bufs[i] = nil
		}
		spare = bufs
		c.mu.Lock()
		c.queued -= int(n)
		c.written += n
		c.mu.Unlock()
		if err != nil {
			c.mu.Lock()
			c.writing = false
			c.mu.Unlock()
			c.failLater(err, "write")
			return
		}
	}
}

// drained runs on the loop once the queue emptied and someone asked.
func (c *Conn) drained() {
	// After a clean close (the write side was shut, so everything was
	// flushed) the flush is still reported: net's "finish" depends on it.
	if c.cb.ondrain == nil || (c.closed && !c.writeShut) {
		return
	}
	c.l.Call(c.cb.ondrain, c.cb.owner)
}

// Shutdown half-closes: no more writes; once the queue is flushed a FIN is
// sent. Reading goes on.
func (c *Conn) Shutdown() {
	if c.closed || c.shutAsked {
		return
	}
	c.shutAsked = true
	if c.connecting {
		return // done after connect
	}
	c.mu.Lock()
	if c.writing || len(c.queue) > 0 {
		c.shutPend = true
		c.mu.Unlock()
		return
	}
	c.mu.Unlock()
	c.onWriteShut(c.nc.CloseWrite())
}

func (c *Conn) onWriteShut(err error) {
	if c.closed {
		return
	}
	c.writeShut = true
	if c.cb.onshutdown != nil && err == nil {
		// Always on a later turn: Shutdown may run inside a native call.
		c.l.Post(func() { c.l.Call(c.cb.onshutdown, c.cb.owner) })
	}
	if err != nil && !errors.Is(err, unix.ENOTCONN) {
		c.fail(err, "shutdown")
		return
	}
	c.maybeFinish()
}

// failLater reports an error from a non-loop context (or from inside a
// native call, where JS must not be re-entered) on the next turn.
func (c *Conn) failLater(err error, syscallName string) {
	c.l.Post(func() { c.fail(err, syscallName) })
}

// fail closes the connection because of err.
func (c *Conn) fail(err error, syscallName string) {
	if c.closed {
		return
	}
	if errors.Is(err, net.ErrClosed) {
		err = nil
	}
	c.finish(&OpError{Syscall: syscallName, Err: err})
}

// OpError is an I/O failure on a connection.
type OpError struct {
	Syscall string
	Err     error
}

func (e *OpError) Error() string { return e.Syscall + ": " + e.Err.Error() }

// Destroy closes the connection now, dropping anything queued (forceClose,
// destroy).
func (c *Conn) Destroy() { c.finish(nil) }

// finish is the one way a connection ends: it marks it closed, stops both
// goroutines, closes the fd and, on a later turn, calls onclose and
// releases the loop reference — exactly once.
func (c *Conn) finish(err error) {
	if c.closed {
		return
	}
	if oe, ok := err.(*OpError); ok && oe.Err == nil {
		err = nil
	}
	c.closed = true
	c.mu.Lock()
	c.dead = true
	c.queue = nil
	c.queued = 0
	c.cond.Broadcast()
	c.mu.Unlock()
	if c.nc != nil {
		c.nc.Close()
	}
	if c.cancelIdle != nil {
		c.cancelIdle()
		c.cancelIdle = nil
	}
	for _, ch := range c.held {
		bufPool.Put(ch.buf)
	}
	c.held = nil
	c.l.Post(func() {
		if c.cb.onclose != nil {
			var ev goja.Value = goja.Null()
			if err != nil {
				ev = c.b.errorValue(err, c)
			}
			c.l.Call(c.cb.onclose, c.cb.owner, ev)
		}
		c.b.forget(c)
		if c.refd {
			c.refd = false
			c.l.Unref()
		}
	})
}

// SetTimeout arms (d > 0) or disarms (d == 0) the idle timer: ontimeout
// runs after d without reads or writes.
func (c *Conn) SetTimeout(d time.Duration) {
	if c.cancelIdle != nil {
		c.cancelIdle()
		c.cancelIdle = nil
	}
	c.idle = d
	if d <= 0 || c.closed {
		return
	}
	c.touch()
	c.armIdle(d)
}

func (c *Conn) armIdle(wait time.Duration) {
	c.cancelIdle = c.l.After(wait, true, c.checkIdle)
}

func (c *Conn) checkIdle() {
	c.cancelIdle = nil
	if c.closed || c.idle <= 0 {
		return
	}
	last := c.lastActive.Load()
	idleFor := time.Duration(time.Now().UnixNano() - last)
	if idleFor >= c.idle && last != c.idleFired {
		c.idleFired = last
		c.armIdle(c.idle)
		if c.cb.ontimeout != nil {
			c.l.Call(c.cb.ontimeout, c.cb.owner)
		}
		return
	}
	if idleFor >= c.idle { // already reported this idle stretch
		c.armIdle(c.idle)
		return
	}
	c.armIdle(c.idle - idleFor)
}

// SetRef makes the connection keep the loop alive (true) or not.
func (c *Conn) SetRef(on bool) {
	if c.closed || c.refd == on {
		return
	}
	c.refd = on
	if on {
		c.l.Ref()
	} else {
		c.l.Unref()
	}
}

// BufferSize is the number of bytes queued and not yet written.
func (c *Conn) BufferSize() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.queued
}

// BytesWritten counts bytes the kernel took.
func (c *Conn) BytesWritten() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.written
}
