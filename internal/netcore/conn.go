// Package netcore is gonode's one socket layer, shared by node v0.1.21's
// "tcp" module and today's "net" module (and open to anyone who needs a
// TCP socket driven by the loop). It owns the Go side of a connection, and
// it owns it the way libuv does: every socket is a raw non-blocking
// descriptor in the loop's own epoll set (runtime.WatchFD), and all of its
// I/O happens on the loop goroutine:
//
//   - reading: when the socket is readable the loop reads what the kernel
//     has into one scratch buffer and hands the bytes to JS at once; a
//     paused socket leaves the epoll set, so a fast sender meets TCP
//     back-pressure;
//   - writing: a write goes to the kernel at once; what the kernel does not
//     take is queued and written (writev) when epoll reports the socket
//     writable, so no write ever blocks the loop;
//   - accepting: a listening socket is in the same set, and the loop
//     accepts every pending connection when it is readable;
//   - the close state machine (half-close, forced close, errors), which
//     releases the connection's loop reference exactly once;
//   - an idle timer on the loop's timer heap (no goroutine or timer per
//     activity: activity is a timestamp the timer checks).
//
// Only dialing (DNS, connect) runs on a goroutine, through Go's net package;
// the connected descriptor is then taken over (see takeOver).
//
// Why not goroutines and Go's netpoller: a goroutine per socket costs a
// netpoller wake-up, a hand-off and a loop wake-up per chunk, and reads
// happen as soon as a few bytes arrive. Measured on bench/tcp (echo, 50
// connections): the Go scheduler's own epoll_wait, futex and nanosleep
// calls outnumbered the reads and writes; see docs/benchmarks/tcp.md.
//
// The JS binding (binding.go) exposes handles; tcp.js and net.js turn them
// into the two vocabularies.
package netcore

import (
	"errors"
	"io"
	"net"
	"syscall"
	"time"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"

	"gonode/modules/buffer"
	"gonode/runtime"
)

const (
	readBufSize = 128 * 1024 // the most one read takes (see readBuf)
	// HighWaterMark is the queued-byte count above which write reports
	// false (Node's writableHighWaterMark for sockets).
	HighWaterMark = 16 * 1024
)

// Conn is one TCP connection. Everything in it belongs to the loop
// goroutine.
type Conn struct {
	l   *runtime.Loop
	b   *Binding
	obj *goja.Object // the JS handle

	fd     int            // the socket, non-blocking; -1 before connect
	watch  *runtime.Watch // fd in the loop's epoll set (see interest)
	remote unix.Sockaddr  // the peer, as accept or connect saw it

	cb         Callbacks
	connecting bool
	// dialing, while the loop's own non-blocking connect is in progress,
	// takes the socket's events (see connectOnLoop).
	dialing    func(events uint32)
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
	softPause  bool // net: a paused socket still reads one chunk and sees EOF
	refd       bool
	idle       time.Duration
	cancelIdle func()
	idleFired  int64
	bytesRead  int64

	queue        [][]byte // bytes the kernel has not taken yet, in order
	queued       int
	notify       bool // call ondrain once the queue is empty
	drainPending bool // a deferred ondrain is on its way (Write)
	shutPend     bool // half-close once the queue is empty
	written      int64

	lastActive int64 // unix ns of the last read or write (idle timer)
}

// Callbacks are the JS functions a socket handle reports to (the object
// net.js and tcp.js, and tls.js for its own handle, pass to setCallbacks)
// and Owner, the `this` of every call. The functions are shared: each
// module passes the same object for all its sockets, so a CallbackCache
// reads it once and every connection points at the one set (8 bytes per
// connection instead of 56, and no property reads per connection).
type Callbacks struct {
	Owner goja.Value
	*CallbackSet
}

// CallbackSet is the functions of one setCallbacks object. A nil one is
// a function that is not there.
type CallbackSet struct {
	OnRead, OnEnd, OnDrain, OnClose, OnTimeout, OnConnect, OnShutdown goja.Callable
}

// noCallbacks is the set of a handle that setCallbacks has not reached.
var noCallbacks CallbackSet

// NoCallbacks is what a handle reports to before setCallbacks: nothing.
func NoCallbacks() Callbacks { return Callbacks{CallbackSet: &noCallbacks} }

// Read hands a chunk to JS: onread(data), and when onread returns a
// function (net.js's single 'data' listener, which it then did not call),
// that function(data) with the same this, at once. Doing the dispatch
// here saves the Function.prototype.call emit would make, which in goja
// is a nested run of the interpreter (~0.3 us per chunk, a few percent of
// a busy echo server's loop). The listener's Callable is not kept: it
// would cost every connection that ever read ~170 bytes, against a small
// allocation per chunk.
func (cb *Callbacks) Read(l *runtime.Loop, data goja.Value) {
	if cb.OnRead == nil {
		return
	}
	if listener, ok := goja.AssertFunction(l.Call(cb.OnRead, cb.Owner, data)); ok {
		l.Call(listener, cb.Owner, data)
	}
}

// CallbackCache remembers the sets it read from setCallbacks objects, by
// object (a module has one or two such objects; a few entries are kept,
// the oldest replaced). The objects are gonode's own and never change
// after the module made them.
type CallbackCache struct {
	objs [4]*goja.Object
	sets [4]*CallbackSet
	next int
}

// Read returns owner's Callbacks from cbs, reading cbs's functions only
// the first time it sees that object.
func (k *CallbackCache) Read(owner goja.Value, cbs *goja.Object) Callbacks {
	for i, o := range k.objs {
		if o == cbs {
			return Callbacks{Owner: owner, CallbackSet: k.sets[i]}
		}
	}
	set := &CallbackSet{
		OnRead:     fn(cbs.Get("onread")),
		OnEnd:      fn(cbs.Get("onend")),
		OnDrain:    fn(cbs.Get("ondrain")),
		OnClose:    fn(cbs.Get("onclose")),
		OnTimeout:  fn(cbs.Get("ontimeout")),
		OnConnect:  fn(cbs.Get("onconnect")),
		OnShutdown: fn(cbs.Get("onshutdown")),
	}
	k.objs[k.next], k.sets[k.next] = cbs, set
	k.next = (k.next + 1) % len(k.objs)
	return Callbacks{Owner: owner, CallbackSet: set}
}

func newConn(b *Binding) *Conn {
	c := &Conn{l: b.l, b: b, fd: -1, refd: true, dec: NewDecoder(b.defaultEnc), paused: b.startPaused, cb: NoCallbacks()}
	c.l.Ref()
	return c
}

// attach takes a connected non-blocking socket (the Conn owns fd from now
// on, even on error) and starts serving it.
func (c *Conn) attach(fd int, remote unix.Sockaddr) error {
	w, err := c.l.WatchFD(fd, 0, c.onEvents)
	if err != nil {
		unix.Close(fd)
		return err
	}
	c.attachWatched(fd, w, remote)
	return nil
}

// attachWatched is attach for a socket already in the epoll set (one the
// loop connected itself).
func (c *Conn) attachWatched(fd int, w *runtime.Watch, remote unix.Sockaddr) {
	c.fd, c.watch, c.remote = fd, w, remote
	c.connecting = false
	c.touch()
	if c.idle > 0 && c.cancelIdle == nil {
		c.armIdle(c.idle)
	}
	// Writes and a half-close asked for while connecting go out now.
	if c.shutAsked && !c.writeShut {
		c.shutPend = true
	}
	if len(c.queue) > 0 {
		c.flushQueue()
		if c.closed {
			return
		}
	} else if c.shutPend {
		c.shutPend = false
		c.onWriteShut(unix.Shutdown(c.fd, unix.SHUT_WR))
	}
	c.updateInterest()
}

// takeOver detaches the descriptor of a connection Go's net package made
// (a dial, or a connection http hands over) so the loop can own it: a
// duplicate of the descriptor is kept and nc is closed, which takes the
// socket out of Go's netpoller (the socket itself lives on through the
// duplicate). The duplicate shares the original's non-blocking mode.
func takeOver(nc *net.TCPConn) (int, unix.Sockaddr, error) {
	rc, err := nc.SyscallConn()
	if err != nil {
		nc.Close()
		return -1, nil, err
	}
	fd, err := dupAndClose(rc, nc)
	if err != nil {
		return -1, nil, err
	}
	remote, _ := unix.Getpeername(fd)
	return fd, remote, nil
}

// dupAndClose duplicates the descriptor behind rc (close-on-exec) and then
// closes its Go owner, which takes the original out of Go's netpoller.
func dupAndClose(rc syscall.RawConn, owner io.Closer) (int, error) {
	fd := -1
	var derr error
	cerr := rc.Control(func(f uintptr) {
		fd, derr = unix.FcntlInt(f, unix.F_DUPFD_CLOEXEC, 0)
	})
	owner.Close()
	if cerr != nil {
		return -1, cerr
	}
	return fd, derr
}

// touch stamps the connection active at the loop's clock (reads and
// writes of one turn share a reading; see runtime.Loop.Now).
func (c *Conn) touch() { c.lastActive = c.l.Now() }

// Reading is driven by the loop's epoll set: onEvents, running on the
// loop, reads what the kernel has without blocking and hands it to JS at
// once. A socket that is busy while others are served accumulates bytes,
// so each read gets more. The socket is in the set for reading exactly
// while the connection wants bytes (wantRead); a paused socket leaves it,
// so the kernel's receive buffer fills and the peer meets TCP
// back-pressure.
// wantRead says whether the connection should be reading now.
func (c *Conn) wantRead() bool {
	if c.closed || c.readEnded || c.heldEOF || c.fd < 0 {
		return false
	}
	if c.paused {
		// net (like Node's Readable) reads ahead one chunk while paused
		// and still notices an EOF; v0.1.21's readPause stops at once.
		return c.softPause && len(c.held) == 0
	}
	return len(c.held) == 0
}

// updateInterest puts the socket in the loop's epoll set for what it
// waits for now: reading (wantRead), writing (something queued), or
// neither (out of the set).
func (c *Conn) updateInterest() {
	if c.watch == nil || c.closed {
		return
	}
	var ev uint32
	if c.wantRead() {
		ev |= runtime.PollIn | runtime.PollRdHup
	}
	if len(c.queue) > 0 || c.shutPend {
		ev |= runtime.PollOut
	}
	if err := c.watch.Set(ev); err != nil {
		c.failLater(err, "epoll_ctl")
	}
}

// onEvents runs on the loop when epoll reports the socket.
func (c *Conn) onEvents(ev uint32) {
	if c.dialing != nil {
		c.dialing(ev)
		return
	}
	if ev&(runtime.PollOut|runtime.PollErr|runtime.PollHup) != 0 && (len(c.queue) > 0 || c.shutPend) {
		c.flushQueue()
		if c.closed {
			return
		}
	}
	if ev&^runtime.PollOut != 0 {
		c.onReadable()
	}
	c.updateInterest()
}

// maxReadsPerEvent bounds how long one busy socket keeps the loop: after
// that many full reads the others get their turn (the watch is
// level-triggered, so the loop comes back to this one on its next turn).
const maxReadsPerEvent = 4

// onReadable reads what the socket has (or its hang-up).
func (c *Conn) onReadable() {
	for i := 0; i < maxReadsPerEvent; i++ {
		if !c.wantRead() {
			return
		}
		buf := c.b.readBuf()
		n, err := c.readFd(buf)
		switch {
		case err == unix.EAGAIN:
			return
		case err != nil:
			c.onEOF(err)
			return
		case n == 0: // the peer sent FIN
			c.onEOF(nil)
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

// Reads go into a slab: a 512 KiB block the loop reads into at increasing
// offsets, between 64 and 128 KiB at a time. A read of 32 KiB or more
// becomes a Buffer over its own window of the slab (no copy: measured,
// copying every chunk out of a fixed buffer cost 15% of the echo
// benchmark's CPU in memmove); a smaller read is copied out at its size, so
// the messages a server keeps (chat lines) never pin a slab, and a kept big
// chunk pins at most 16 times its size, as a node read buffer kept from a
// small read does. Reads larger than 64 KiB matter: a peer that keeps 64 KiB
// in flight (the echo benchmark's clients, a TCP window) filled a 64 KiB
// read exactly, and the read after it found nothing (EAGAIN) a fifth of the
// time.
const (
	slabSize    = 512 * 1024
	minReadRoom = 64 * 1024 // a fresh slab when less room is left
	copyBelow   = 32 * 1024
)

// readBuf is where the next read goes: the free part of the slab, at most
// readBufSize. Only the loop reads, so one slab serves every connection.
func (b *Binding) readBuf() []byte {
	if len(b.slab)-b.slabOff < minReadRoom {
		b.slab, b.slabOff = runtime.UninitializedBytes(slabSize), 0
	}
	end := b.slabOff + readBufSize
	if end > len(b.slab) {
		end = len(b.slab)
	}
	return b.slab[b.slabOff:end]
}

// takeRead returns the n bytes just read into readBuf as a slice the
// connection may keep.
func (b *Binding) takeRead(n int) []byte {
	runtime.NoteReadBytes(n) // read buffers drive the heap floor's boost
	start := b.slabOff
	if n < copyBelow {
		return append([]byte(nil), b.slab[start:start+n]...)
	}
	b.slabOff += n
	return b.slab[start : start+n : start+n]
}

func (c *Conn) deliver(data []byte) {
	c.bytesRead += int64(len(data))
	var v goja.Value
	empty := false
	if c.dec.enc == EncBuffer {
		v = buffer.New(c.l, data)
	} else {
		v, empty = c.dec.DecodeOwned(c.l.VM, data) // data is never reused
	}
	if empty {
		return // only part of a character so far
	}
	c.cb.Read(c.l, v)
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
	if tail := c.dec.End(c.l.VM); tail != "" {
		c.cb.Read(c.l, c.l.VM.ToValue(tail))
	}
	if c.cb.OnEnd != nil {
		c.l.Call(c.cb.OnEnd, c.cb.Owner)
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
// the loop's epoll set for reading, so the peer's sends stall once the
// socket buffers fill. With softPause (net, like Node's Readable) one more chunk is read
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
		c.l.Defer(c.flushHeld)
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

// writable reports whether writes are still taken: not closed, not
// half-closed, and connected or connecting.
func (c *Conn) writable() bool {
	return !c.closed && !c.shutAsked && (c.fd >= 0 || c.connecting)
}

// send is the one write step of Write, WriteNow and tryWriteIdle: with
// nothing queued (and connected) data goes straight to the kernel, and
// whatever the kernel does not take is queued. allOut says everything went
// out at once; failed says the write failed (the error reaches JS on a
// later turn).
func (c *Conn) send(data []byte, aliased bool) (allOut, failed bool) {
	if !c.connecting && len(c.queue) == 0 {
		rest, err := c.writeDirect(data)
		if err != nil {
			c.failLater(err, "write")
			return false, true
		}
		if len(rest) == 0 {
			return true, false
		}
		data = rest
	}
	c.enqueue(data, aliased)
	return false, false
}

// WriteNow is Write for a caller that wants to know whether the data went
// to the kernel at once (true: nothing was queued and no ondrain follows)
// or was queued (false: ondrain runs once it is flushed). Node's stream
// Writable calls its write callback synchronously in the first case.
func (c *Conn) WriteNow(data []byte, aliased bool) bool {
	if !c.writable() {
		return false
	}
	allOut, failed := c.send(data, aliased)
	if !allOut && !failed {
		c.notify = true
	}
	return allOut
}

// tryWriteIdle writes v (a string, UTF-8, or bytes) if the connection is
// idle (nothing queued, not connecting): 1 when the kernel took it all (or
// the write failed: the error reaches JS as the socket's), 2 when the rest
// is queued and ondrain will report the flush, 0 when it did nothing.
func (c *Conn) tryWriteIdle(v goja.Value) int {
	if !c.writable() || c.connecting || len(c.queue) > 0 {
		return 0
	}
	var data []byte
	aliased := false
	if s, ok := v.(goja.String); ok {
		data, aliased = encodeStringView(s, EncUTF8)
	} else if bs, ok := buffer.Bytes(v); ok {
		data, aliased = bs, true
	} else {
		return 0
	}
	allOut, failed := c.send(data, aliased) // a failure reaches JS as the socket's error
	if allOut || failed {
		return 1
	}
	c.notify = true // the caller waits for ondrain
	return 2
}

// writeDirect writes data to the kernel without blocking, as much as it
// takes (like libuv: on while it makes progress), and returns the rest.
// EAGAIN is not an error.
func (c *Conn) writeDirect(data []byte) ([]byte, error) {
	n := 0
	for n < len(data) {
		k, err := unix.Write(c.fd, data[n:])
		if err == unix.EINTR {
			continue
		}
		if k > 0 {
			n += k
		}
		if err == unix.EAGAIN {
			break
		}
		if err != nil {
			return nil, err
		}
		if k <= 0 {
			break
		}
	}
	if n > 0 {
		c.written += int64(n)
		c.touch()
	}
	return data[n:], nil
}

// enqueue keeps data (copied when it is JS memory) for the next time the
// socket is writable.
func (c *Conn) enqueue(data []byte, aliased bool) {
	if aliased {
		data = append([]byte(nil), data...)
	}
	first := len(c.queue) == 0
	c.queue = append(c.queue, data)
	c.queued += len(data)
	if first && !c.connecting {
		c.updateInterest()
	}
}

// Write sends data and reports whether the queue is below the high-water
// mark. aliased says data is JS memory: it is copied if it must be queued
// (the connection owns it otherwise). notify asks for an ondrain call once
// everything queued so far is flushed.
func (c *Conn) Write(data []byte, aliased, notify bool) bool {
	if !c.writable() {
		return false
	}
	allOut, failed := c.send(data, aliased)
	if failed {
		return false
	}
	if allOut {
		if (notify || c.drainAll) && !c.drainPending {
			// One "drain" for all the writes of a turn that went
			// straight out, as one flush of v0.1.21's queue made one.
			c.drainPending = true
			c.l.Defer(c.deferredDrain)
		}
		return true
	}
	ok := c.queued < HighWaterMark
	c.notify = c.notify || notify || !ok || c.drainAll
	return ok
}

// flushQueue writes the queue (writev) while the kernel takes it; once it
// is empty it half-closes if asked and reports the drain.
func (c *Conn) flushQueue() {
	for len(c.queue) > 0 {
		n, err := unix.Writev(c.fd, c.queue)
		if err == unix.EINTR {
			continue
		}
		if err == unix.EAGAIN {
			return // epoll says when there is room
		}
		if err != nil {
			c.fail(err, "write")
			return
		}
		c.written += int64(n)
		c.queued -= n
		c.touch()
		for n > 0 && len(c.queue) > 0 {
			if n >= len(c.queue[0]) {
				n -= len(c.queue[0])
				c.queue[0] = nil
				c.queue = c.queue[1:]
			} else {
				c.queue[0] = c.queue[0][n:]
				n = 0
			}
		}
	}
	c.queue = nil
	notify := c.notify
	c.notify = false
	if c.shutPend {
		c.shutPend = false
		c.onWriteShut(unix.Shutdown(c.fd, unix.SHUT_WR))
		if c.closed {
			return
		}
	}
	if notify {
		c.drained()
	}
}

func (c *Conn) deferredDrain() {
	c.drainPending = false
	c.drained()
}

// drained runs on the loop once the queue emptied and someone asked.
func (c *Conn) drained() {
	// After a clean close (the write side was shut, so everything was
	// flushed) the flush is still reported: net's "finish" depends on it.
	if c.cb.OnDrain == nil || (c.closed && !c.writeShut) {
		return
	}
	c.l.Call(c.cb.OnDrain, c.cb.Owner)
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
	if len(c.queue) > 0 {
		c.shutPend = true
		return
	}
	c.onWriteShut(unix.Shutdown(c.fd, unix.SHUT_WR))
}

func (c *Conn) onWriteShut(err error) {
	if c.closed {
		return
	}
	c.writeShut = true
	if c.cb.OnShutdown != nil && err == nil {
		// Always on a later turn: Shutdown may run inside a native call.
		c.l.Defer(func() { c.l.Call(c.cb.OnShutdown, c.cb.Owner) })
	}
	if err != nil && !errors.Is(err, unix.ENOTCONN) {
		c.fail(err, "shutdown")
		return
	}
	c.maybeFinish()
}

// failLater reports an error found inside a native call, where JS must not
// be re-entered, on a later turn.
func (c *Conn) failLater(err error, syscallName string) {
	c.l.Defer(func() { c.fail(err, syscallName) })
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
	c.queue = nil
	c.queued = 0
	if c.watch != nil {
		// Out of the epoll set before the descriptor number can be reused.
		c.watch.Close()
	}
	if c.fd >= 0 {
		unix.Close(c.fd)
	}
	if c.cancelIdle != nil {
		c.cancelIdle()
		c.cancelIdle = nil
	}
	c.held = nil
	c.l.Closing(func() {
		if c.cb.OnClose != nil {
			var ev goja.Value = goja.Null()
			if err != nil {
				ev = c.b.errorValue(err, c)
			}
			// The byte counts go along: the handle forgets the
			// connection next, and asking for them by two more native
			// calls cost the close a few microseconds in goja.
			vm := c.l.VM
			c.l.Call(c.cb.OnClose, c.cb.Owner, ev, vm.ToValue(c.bytesRead), vm.ToValue(c.BytesWritten()))
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
	last := c.lastActive
	idleFor := time.Duration(c.l.Now() - last)
	if idleFor >= c.idle && last != c.idleFired {
		c.idleFired = last
		c.armIdle(c.idle)
		if c.cb.OnTimeout != nil {
			c.l.Call(c.cb.OnTimeout, c.cb.Owner)
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
func (c *Conn) BufferSize() int { return c.queued }

// BytesWritten counts bytes the kernel took.
func (c *Conn) BytesWritten() int64 { return c.written }
