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

// Conn is one TCP connection. Fields marked "loop" are touched only on the
// loop goroutine; the rest are guarded by mu or atomic.
type Conn struct {
	l   *runtime.Loop
	b   *Binding
	obj *goja.Object // the JS handle

	nc    *net.TCPConn
	rc    syscall.RawConn
	fd    int            // nc's descriptor, read by the loop directly
	watch *runtime.Watch // nc in the loop's epoll set (see wantRead)

	// loop
	cb         callbacks
	connecting bool
	started    bool
	readEnded  bool
	shutAsked  bool
	writeShut  bool
	closed     bool
	paused     bool
	held       [][]byte // read while paused, delivered on resume
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
	dead     bool
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
	c := &Conn{l: b.l, b: b, refd: true, dec: NewDecoder(b.defaultEnc), paused: b.startPaused}
	c.l.Ref()
	return c
}

// attach binds an established *net.TCPConn and starts reading.
func (c *Conn) attach(nc *net.TCPConn) error {
	rc, err := nc.SyscallConn()
	if err != nil {
		return err
	}
	fd := -1
	rc.Control(func(f uintptr) { fd = int(f) })
	w, err := c.l.WatchFD(fd, runtime.PollIn|runtime.PollRdHup, c.onReadable)
	if err != nil {
		return err
	}
	c.nc, c.rc, c.fd, c.watch = nc, rc, fd, w
	c.connecting = false
	c.touch()
	c.started = true
	if c.idle > 0 && c.cancelIdle == nil {
		c.armIdle(c.idle)
	}
	c.updateInterest()
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

// Reading is driven by the loop (runtime.WatchFD): the loop's epoll set
// reports the socket readable and onReadable, running on the loop, reads
// what the kernel has without blocking and hands it to JS at once. There
// is no reader goroutine, no hand-off per chunk, and a socket that is busy
// while others are served accumulates bytes, so each read gets more.
//
// The watch is enabled exactly while the connection wants bytes (see
// wantRead); a paused socket is removed from the epoll set, so the kernel's
// receive buffer fills and the peer meets TCP back-pressure.

// wantRead says whether the connection should be reading now.
func (c *Conn) wantRead() bool {
	if c.closed || c.readEnded || c.heldEOF || c.nc == nil {
		return false
	}
	if c.paused {
		// net (like Node's Readable) reads ahead one chunk while paused
		// and still notices an EOF; v0.1.21's readPause stops at once.
		return c.softPause && len(c.held) == 0
	}
	return len(c.held) == 0
}

// updateInterest adds the socket to the loop's epoll set or removes it,
// according to wantRead.
func (c *Conn) updateInterest() {
	if c.watch == nil {
		return
	}
	if c.wantRead() {
		if err := c.watch.Enable(); err != nil {
			c.failLater(err, "read")
		}
	} else {
		c.watch.Disable()
	}
}

// maxReadsPerEvent bounds how long one busy socket keeps the loop: after
// that many full reads the others get their turn (the watch is
// level-triggered, so the loop comes back to this one on its next turn).
const maxReadsPerEvent = 4

// onReadable runs on the loop when the socket is readable (or hung up).
func (c *Conn) onReadable(uint32) {
	for i := 0; i < maxReadsPerEvent; i++ {
		if !c.wantRead() {
			c.updateInterest()
			return
		}
		buf := c.b.readBuf()
		n, err := c.readFd(buf)
		switch {
		case err == unix.EAGAIN:
			return
		case err != nil:
			c.onEOF(err)
			c.updateInterest()
			return
		case n == 0: // the peer sent FIN
			c.onEOF(nil)
			c.updateInterest()
			return
		}
		c.touch()
		if c.paused || len(c.held) > 0 {
			c.held = append(c.held, c.b.takeRead(n))
			continue
		}
		c.deliver(c.b.takeRead(n))
		if n < len(buf) {
			return // the kernel had no more: wait for the next report
		}
	}
}

func (c *Conn) readFd(buf []byte) (int, error) {
	for {
		n, err := unix.Read(c.fd, buf)
		if err != unix.EINTR {
			if n < 0 {
				n = 0
			}
			return n, err
		}
	}
}

// readBuf is the binding's read scratch buffer: one per loop, reused for
// every read (only the loop reads).
func (b *Binding) readBuf() []byte {
	if b.scratch == nil {
		b.scratch = make([]byte, readBufSize)
	}
	return b.scratch
}

// takeRead returns the n bytes just read into the scratch buffer as a
// slice the connection may keep. A big read takes the scratch buffer itself
// (no copy; a new one is made for the next read), a small one is copied,
// so a kept chunk never pins 64 KiB.
func (b *Binding) takeRead(n int) []byte {
	if n >= readBufSize/2 {
		data := b.scratch[:n:n]
		b.scratch = nil
		return data
	}
	return append([]byte(nil), b.scratch[:n]...)
}

func (c *Conn) deliver(data []byte) {
	c.bytesRead += int64(len(data))
	var v goja.Value
	empty := false
	if c.dec.enc == EncBuffer {
		v = buffer.New(c.l, data)
	} else {
		v, empty = c.dec.DecodeChunk(c.l.VM, data)
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

// Pause stops reading: no more data is delivered, and the socket leaves
// the loop's epoll set, so the peer's sends stall once the socket buffers
// fill. With softPause (net, like Node's Readable) one more chunk is read
// and held, and an EOF with nothing held is still reported.
func (c *Conn) Pause() {
	if c.closed || c.paused {
		return
	}
	c.paused = true
	c.updateInterest()
}

// Resume undoes Pause; chunks held meanwhile are delivered first, each as
// its own macrotask.
func (c *Conn) Resume() {
	if c.closed || !c.paused {
		return
	}
	c.paused = false
	if len(c.held) > 0 || c.heldEOF {
		c.l.Post(c.flushHeld)
		return
	}
	c.updateInterest()
}

func (c *Conn) flushHeld() {
	for len(c.held) > 0 && !c.paused && !c.closed {
		data := c.held[0]
		c.held[0] = nil
		c.held = c.held[1:]
		c.deliver(data)
	}
	if len(c.held) == 0 && c.heldEOF && !c.paused && !c.closed {
		c.heldEOF = false
		c.onEOF(c.heldErr)
	}
	c.updateInterest()
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

// tryWriteIdle writes v (a string, UTF-8, or bytes) if the connection is
// open, not connecting and has nothing queued; see the JS tryWrite.
func (c *Conn) tryWriteIdle(v goja.Value) bool {
	if c.closed || c.shutAsked || c.connecting || c.nc == nil {
		return false
	}
	var data []byte
	aliased := false
	if s, ok := v.(goja.String); ok {
		data = EncodeString(s, EncUTF8)
	} else if bs, ok := buffer.Bytes(v); ok {
		data, aliased = bs, true
	} else {
		return false
	}
	c.mu.Lock()
	if c.writing || len(c.queue) > 0 || c.dead {
		c.mu.Unlock()
		return false
	}
	rest, err := c.writeDirect(data)
	if err != nil {
		c.mu.Unlock()
		c.failLater(err, "write")
		return true // the error reaches JS as the socket's error
	}
	if len(rest) > 0 {
		if aliased {
			rest = append([]byte(nil), rest...)
		}
		c.queue = append(c.queue, rest)
		c.queued += len(rest)
		c.startWriter()
	}
	c.mu.Unlock()
	return true
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
	c.mu.Unlock()
	if c.watch != nil {
		// Out of the epoll set before the descriptor number can be reused.
		c.watch.Close()
	}
	if c.nc != nil {
		c.nc.Close()
	}
	if c.cancelIdle != nil {
		c.cancelIdle()
		c.cancelIdle = nil
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
