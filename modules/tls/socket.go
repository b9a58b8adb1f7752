package tls

import (
	"crypto/tls"
	"errors"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"

	"gonode/internal/netcore"
	"gonode/modules/buffer"
	"gonode/runtime"
)

// A socket handle over a net.Conn that is not a plain *net.TCPConn (a
// *tls.Conn): it speaks the same JS handle protocol as internal/netcore's
// handles (setCallbacks, writeNow, shutdown, destroy, pause, resume,
// setTimeout, ...), so net.js's Socket, a stream.Duplex, wraps it unchanged
// and a TLSSocket is a real net.Socket. netcore reads and writes the fd
// itself (non-blocking syscalls), which cannot work under TLS's record
// layer; here a reader goroutine does blocking Reads and Posts each chunk
// to the loop, and a writer goroutine (started only while something is
// queued) does the blocking Writes.

const (
	readSize      = 16 << 10 // one TLS record's worth of plaintext
	highWaterMark = 16 << 10
)

// kit is the per-loop handle prototype and the handle -> socket table.
type kit struct {
	l     *runtime.Loop
	proto *goja.Object
	socks map[*goja.Object]*socket
	cbs   netcore.CallbackCache // the sets setCallbacks was given
}

var kits sync.Map // *runtime.Loop -> *kit

func kitFor(l *runtime.Loop) *kit {
	if k, ok := kits.Load(l); ok {
		return k.(*kit)
	}
	k := &kit{l: l, socks: map[*goja.Object]*socket{}}
	k.proto = l.VM.NewObject()
	k.installMethods()
	kits.Store(l, k)
	return k
}

// socket is one connection. Fields under "loop" belong to the loop
// goroutine; the rest are guarded by mu or atomic.
type socket struct {
	k   *kit
	l   *runtime.Loop
	obj *goja.Object

	nc  net.Conn     // what is read and written (a *tls.Conn)
	tcp *net.TCPConn // the transport under it, for half-close and options
	tc  *tls.Conn    // nc as a *tls.Conn, when it is one
	// hold is a tls.connect client's transport (see holdConn): aborted
	// on destroy, so a Finished still held never goes out.
	hold *holdConn

	// loop
	cb         netcore.Callbacks
	connecting bool
	closed     bool
	readEnded  bool
	shutAsked  bool
	writeShut  bool
	paused     bool
	held       [][]byte
	slotHeld   bool // held is full: the reader's slot is kept until resume
	heldEOF    bool
	heldErr    error
	refd       bool
	idle       time.Duration
	cancelIdle func()
	idleFired  int64
	bytesRead  int64
	info       *connInfo // TLS facts, set once the handshake is done
	// earlyPending: a small write's early ondrain is queued (queueWrite).
	earlyPending bool

	mu       sync.Mutex
	cond     sync.Cond
	inflight bool
	dead     bool
	queue    [][]byte
	queued   int
	writing  bool
	notify   bool
	shutPend bool
	written  int64
	// lingering: destroyed by JS while bytes were still queued for the
	// writer; it writes them, then closes (see finish).
	lingering bool

	lastActive atomic.Int64
}

// newSocket makes a handle with no connection yet (connecting) or for nc.
// It holds a loop reference until it is closed.
func (k *kit) newSocket() *socket {
	s := &socket{k: k, l: k.l, refd: true, cb: netcore.NoCallbacks()}
	s.cond.L = &s.mu
	o := k.l.VM.NewObject()
	o.SetPrototype(k.proto)
	s.obj = o
	k.socks[o] = s
	k.l.Ref()
	return s
}

// attach binds an established connection and starts reading. tcp is the
// transport under nc (nil when there is none to reach).
func (s *socket) attach(nc net.Conn, tcp *net.TCPConn) {
	s.nc, s.tcp = nc, tcp
	s.tc, _ = nc.(*tls.Conn)
	s.connecting = false
	s.touch()
	if s.idle > 0 && s.cancelIdle == nil {
		s.armIdle(s.idle)
	}
	go s.readLoop()
	s.mu.Lock()
	if s.shutAsked && !s.writeShut {
		s.shutPend = true
	}
	s.startWriter()
	s.mu.Unlock()
}

func (s *socket) touch() { s.lastActive.Store(time.Now().UnixNano()) }

// readLoop is the reader goroutine: one chunk in flight to the loop at a
// time; a paused socket holds up to maxHeld chunks and then keeps the
// slot, so the reader stops and TCP slows the peer.
func (s *socket) readLoop() {
	buf := make([]byte, readSize)
	for {
		s.mu.Lock()
		for s.inflight && !s.dead {
			s.cond.Wait()
		}
		if s.dead {
			s.mu.Unlock()
			return
		}
		s.inflight = true
		s.mu.Unlock()
		n, err := s.nc.Read(buf)
		if n > 0 {
			d := append([]byte(nil), buf[:n]...)
			s.touch()
			s.l.Post(func() { s.onData(d) })
		} else {
			s.release()
		}
		if err != nil {
			s.l.Post(func() { s.onEOF(err) })
			return
		}
	}
}

func (s *socket) release() {
	s.mu.Lock()
	s.inflight = false
	s.cond.Signal()
	s.mu.Unlock()
}

// maxHeld is how many chunks a paused socket reads ahead and holds before
// its reader stops (node's Readable keeps reading up to its high-water
// mark while paused; an EOF with nothing held still gets through).
const maxHeld = 2

func (s *socket) onData(d []byte) {
	if s.closed {
		s.release()
		return
	}
	if s.paused || len(s.held) > 0 {
		s.held = append(s.held, d)
		if len(s.held) < maxHeld {
			s.release()
		} else {
			s.slotHeld = true // the reader waits until resume
		}
		return
	}
	s.deliver(d)
	s.release()
}

func (s *socket) deliver(d []byte) {
	s.bytesRead += int64(len(d))
	if s.cb.OnRead != nil {
		s.cb.Read(s.l, buffer.New(s.l, d))
	}
}

// onEOF: the read side ended, err is io.EOF for a clean end (close_notify
// or a FIN at a record boundary) and the failure otherwise.
func (s *socket) onEOF(err error) {
	if s.closed {
		return
	}
	if len(s.held) > 0 {
		s.heldEOF, s.heldErr = true, err
		return
	}
	if err != nil && !errors.Is(err, io.EOF) {
		s.fail(err)
		return
	}
	s.readEnded = true
	if s.cb.OnEnd != nil {
		s.l.Call(s.cb.OnEnd, s.cb.Owner)
	}
	s.maybeFinish()
}

func (s *socket) maybeFinish() {
	if !s.closed && s.readEnded && s.writeShut {
		s.finish(nil)
	}
}

func (s *socket) pause() {
	if s.closed || s.paused {
		return
	}
	s.paused = true
}

func (s *socket) resume() {
	if s.closed || !s.paused {
		return
	}
	s.paused = false
	if len(s.held) > 0 || s.heldEOF {
		s.l.Post(s.flushHeld)
	}
}

func (s *socket) flushHeld() {
	for len(s.held) > 0 && !s.paused && !s.closed {
		d := s.held[0]
		s.held = s.held[1:]
		s.deliver(d)
	}
	if len(s.held) == 0 && s.slotHeld {
		s.slotHeld = false
		s.release()
	}
	if len(s.held) == 0 && s.heldEOF && !s.paused && !s.closed {
		s.heldEOF = false
		s.onEOF(s.heldErr)
	}
}

// write queues data for the writer goroutine; notify asks for ondrain once
// it is out. It reports whether the queue is below the high-water mark.
func (s *socket) write(data []byte, notify bool) bool {
	if s.closed || s.shutAsked {
		return false
	}
	s.mu.Lock()
	s.queue = append(s.queue, data)
	s.queued += len(data)
	ok := s.queued < highWaterMark
	s.notify = s.notify || notify
	if !s.connecting {
		s.startWriter()
	}
	s.mu.Unlock()
	return ok
}

// queueWrite queues data for the writer goroutine and arranges the
// ondrain that completes it in net.js's Writable. A chunk under the
// high-water mark written into an idle writer is done on the loop's next
// pending phase, as if a kernel's send buffer had taken it: no wake-up
// from the writer per small write, and at most one such chunk is ever
// counted done before it is out (net.js's Writable hands the handle its
// next chunk only after that, and finds the writer busy or idle again).
// Anything else completes when the writer has written it.
func (s *socket) queueWrite(data []byte) {
	s.mu.Lock()
	idle := !s.writing && len(s.queue) == 0 && !s.dead && !s.connecting && s.nc != nil
	s.queue = append(s.queue, data)
	s.queued += len(data)
	early := idle && len(data) < highWaterMark && !s.earlyPending
	if early {
		s.earlyPending = true
	} else {
		s.notify = true
	}
	if !s.connecting {
		s.startWriter()
	}
	s.mu.Unlock()
	if early {
		s.l.Defer(s.earlyDrain)
	}
}

// startWriter starts the writer goroutine if needed. mu held.
func (s *socket) startWriter() {
	if s.writing || s.dead || s.nc == nil || (len(s.queue) == 0 && !s.shutPend) {
		return
	}
	s.writing = true
	go s.flush()
}

func (s *socket) flush() {
	var joined []byte
	for {
		s.mu.Lock()
		if s.dead {
			s.writing = false
			s.mu.Unlock()
			return
		}
		if len(s.queue) == 0 && s.lingering {
			s.writing = false
			s.mu.Unlock()
			s.closeLingering()
			return
		}
		if len(s.queue) == 0 {
			s.writing = false
			shut := s.shutPend
			s.shutPend = false
			notify := s.notify
			s.notify = false
			s.mu.Unlock()
			var serr error
			if shut {
				serr = s.closeWrite()
			}
			if notify || shut {
				s.l.Post(func() {
					if notify {
						s.drained()
					}
					if shut {
						s.onWriteShut(serr)
					}
				})
			}
			return
		}
		bufs := s.queue
		s.queue = nil
		s.mu.Unlock()
		// One Write for what queued up: fewer, fuller TLS records.
		var out []byte
		if len(bufs) == 1 {
			out = bufs[0]
		} else {
			joined = joined[:0]
			for _, b := range bufs {
				joined = append(joined, b...)
			}
			out = joined
		}
		n, err := s.nc.Write(out)
		s.touch()
		s.mu.Lock()
		s.queued -= len(out)
		s.written += int64(n)
		s.mu.Unlock()
		if err != nil {
			s.mu.Lock()
			s.writing = false
			lingering := s.lingering
			s.mu.Unlock()
			if lingering {
				s.closeLingering() // the socket is already closed for JS
				return
			}
			s.l.Post(func() { s.fail(err) })
			return
		}
	}
}

// closeWrite sends TLS's close_notify, then a FIN, as node's end() does.
func (s *socket) closeWrite() error {
	var err error
	if s.tc != nil {
		err = s.tc.CloseWrite()
	}
	if s.tcp != nil {
		if e := s.tcp.CloseWrite(); e != nil && err == nil {
			err = e
		}
	}
	return err
}

// drained runs on the loop once the writer emptied a queue that asked
// for notice. Writes queued since (after the writer's Post) are not out
// yet: their flush reports them, all together.
func (s *socket) drained() {
	if s.cb.OnDrain == nil || (s.closed && !s.writeShut) {
		return
	}
	s.mu.Lock()
	busy := s.writing || len(s.queue) > 0
	if busy {
		s.notify = true
	}
	s.mu.Unlock()
	if busy {
		return
	}
	s.l.Call(s.cb.OnDrain, s.cb.Owner)
}

// earlyDrain completes queueWrite's small chunk. Should a later write
// have asked for notice meanwhile, that flush completes both (ondrain
// completes whatever is pending): later is never wrong.
func (s *socket) earlyDrain() {
	s.earlyPending = false
	if s.cb.OnDrain == nil || (s.closed && !s.writeShut) {
		return
	}
	s.mu.Lock()
	later := s.notify
	s.mu.Unlock()
	if later {
		return
	}
	s.l.Call(s.cb.OnDrain, s.cb.Owner)
}

func (s *socket) shutdown() {
	if s.closed || s.shutAsked {
		return
	}
	s.shutAsked = true
	if s.connecting {
		return
	}
	s.mu.Lock()
	s.shutPend = true
	s.startWriter()
	s.mu.Unlock()
}

func (s *socket) onWriteShut(err error) {
	if s.closed {
		return
	}
	s.writeShut = true
	if s.cb.OnShutdown != nil {
		s.l.Post(func() {
			if s.cb.OnShutdown != nil {
				s.l.Call(s.cb.OnShutdown, s.cb.Owner)
			}
		})
	}
	_ = err // a failed close_notify is not worth an error: the socket ends anyway
	s.maybeFinish()
}

func (s *socket) fail(err error) {
	if s.closed {
		return
	}
	if errors.Is(err, net.ErrClosed) {
		err = nil
	}
	s.finish(err)
}

// finish is the one way a socket ends: both goroutines stop, the transport
// closes (without close_notify: this is destroy), and onclose follows on a
// later turn; the loop reference goes exactly once.
//
// A destroy (err nil) with bytes still queued for the writer lets the
// writer send them first, for at most lingerMax, then close. Why: node
// encrypts and hands a TLS write to the kernel inside write(), so
// `s.write(x); s.destroy()` delivers x; gonode's writes go to the writer
// goroutine, and closing at once lost them (a test wrote 6,000 bytes and
// the peer got 0 in two runs of three). What the kernel does not take
// within lingerMax is dropped, as node drops what the kernel does not take
// at once. For JS the socket is closed at once either way.
func (s *socket) finish(err error) {
	if s.closed {
		return
	}
	s.closed = true
	s.mu.Lock()
	unsent := s.writing || len(s.queue) > 0
	linger := err == nil && s.nc != nil && !s.connecting && unsent && (s.hold == nil || s.hold.released())
	// sent: every write handed to this socket before a clean destroy is out
	// (the writer had finished it) or going out (lingering).
	sent := err == nil && !s.connecting && (!unsent || linger)
	if linger {
		s.lingering = true
		s.nc.SetWriteDeadline(time.Now().Add(lingerMax))
		s.startWriter()
		s.l.Ref() // the process waits for those bytes too (closeLingering)
	} else {
		s.markDead()
	}
	s.mu.Unlock()
	if !linger {
		s.closeTransport()
	}
	if s.hold != nil && !linger { // a released hold has nothing to drop
		s.hold.abort()
	}
	if s.cancelIdle != nil {
		s.cancelIdle()
		s.cancelIdle = nil
	}
	s.held = nil
	s.l.Post(func() {
		if s.cb.OnClose != nil {
			var ev goja.Value = goja.Null()
			if err != nil {
				ev = s.k.errorValue(err)
			}
			// The fourth argument says the writes handed over before the
			// destroy went out or are still going out (the writer
			// lingers): their callbacks succeed, as node's do for bytes
			// its TLSWrap had already given the kernel. (Whether the
			// writer had finished them by then is a race with no bearing
			// on the outcome.)
			undef := goja.Undefined()
			s.l.Call(s.cb.OnClose, s.cb.Owner, ev, undef, undef, s.l.VM.ToValue(sent))
		}
		delete(s.k.socks, s.obj)
		if s.refd {
			s.refd = false
			s.l.Unref()
		}
	})
}

// lingerMax bounds how long a destroyed socket's writer may still write
// what was queued before the destroy (see finish).
const lingerMax = 100 * time.Millisecond

// closeTransport closes the connection under the socket.
func (s *socket) closeTransport() {
	switch {
	case s.tcp != nil:
		s.tcp.Close()
	case s.nc != nil:
		s.nc.Close()
	}
}

// closeLingering ends a destroy that waited for the writer (see finish):
// the reader stops and the transport closes. Writer goroutine only.
func (s *socket) closeLingering() {
	s.mu.Lock()
	s.markDead()
	s.mu.Unlock()
	s.closeTransport()
	s.l.Post(s.l.Unref) // finish's Ref
}

// markDead stops both goroutines: nothing more is written, the reader
// leaves its wait. mu held.
func (s *socket) markDead() {
	s.dead = true
	s.queue = nil
	s.queued = 0
	s.cond.Broadcast()
}

func (s *socket) setTimeout(d time.Duration) {
	if s.cancelIdle != nil {
		s.cancelIdle()
		s.cancelIdle = nil
	}
	s.idle = d
	if d <= 0 || s.closed || s.connecting {
		return
	}
	s.touch()
	s.armIdle(d)
}

func (s *socket) armIdle(wait time.Duration) {
	s.cancelIdle = s.l.After(wait, true, s.checkIdle)
}

func (s *socket) checkIdle() {
	s.cancelIdle = nil
	if s.closed || s.idle <= 0 {
		return
	}
	last := s.lastActive.Load()
	idleFor := time.Duration(time.Now().UnixNano() - last)
	if idleFor >= s.idle {
		s.armIdle(s.idle)
		if last != s.idleFired {
			s.idleFired = last
			if s.cb.OnTimeout != nil {
				s.l.Call(s.cb.OnTimeout, s.cb.Owner)
			}
		}
		return
	}
	s.armIdle(s.idle - idleFor)
}

func (s *socket) setRef(on bool) {
	if s.closed || s.refd == on {
		return
	}
	s.refd = on
	if on {
		s.l.Ref()
	} else {
		s.l.Unref()
	}
}

// errorValue turns an I/O failure into a node-shaped JS error.
func (k *kit) errorValue(err error) goja.Value {
	var ve *VerifyError
	if errors.As(err, &ve) {
		return ve.value(k.l)
	}
	var oe *net.OpError
	if errors.As(err, &oe) {
		e := k.l.SysError(oe.Err, "read", "")
		if code := e.Get("code").String(); code != "" && code != "EIO" {
			e.Set("message", oe.Op+" "+code)
			e.Set("syscall", oe.Op)
			return e
		}
	}
	var ae tls.AlertError
	if errors.As(err, &ae) {
		return k.l.ErrorWithCode("ERR_SSL_TLSV1_ALERT", "tls alert: "+ae.Error())
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return k.l.ErrorWithCode("ECONNRESET", "Client network socket disconnected before secure TLS connection was established")
	}
	return k.l.ErrorWithCode("ERR_SSL", err.Error())
}

func (k *kit) sock(call goja.FunctionCall) *socket {
	if o, ok := call.This.(*goja.Object); ok {
		return k.socks[o]
	}
	return nil
}

func fn(v goja.Value) goja.Callable {
	f, _ := goja.AssertFunction(v)
	return f
}

// dataArg is what write() got as bytes: a string in enc, or a copy of a
// Buffer/Uint8Array's bytes (the writer goroutine keeps them).
func (k *kit) dataArg(v, encv goja.Value) []byte {
	if s, ok := v.(goja.String); ok {
		enc := netcore.EncUTF8
		if e := encv; e != nil && !goja.IsUndefined(e) && !goja.IsNull(e) && e.String() != "buffer" {
			x, ok := netcore.ParseEnc(e.String())
			if !ok {
				panic(k.l.TypeError("ERR_UNKNOWN_ENCODING", "Unknown encoding: "+e.String()))
			}
			enc = x
		}
		return netcore.EncodeString(s, enc)
	}
	if b, ok := buffer.Bytes(v); ok {
		return append([]byte(nil), b...)
	}
	if o, ok := v.(*goja.Object); ok {
		if ab, ok := o.Get("buffer").(*goja.Object); ok {
			if x, ok := ab.Export().(goja.ArrayBuffer); ok {
				off, n := int(o.Get("byteOffset").ToInteger()), int(o.Get("byteLength").ToInteger())
				if all := x.Bytes(); off >= 0 && n >= 0 && off+n <= len(all) {
					return append([]byte(nil), all[off:off+n]...)
				}
			}
		}
	}
	panic(k.l.TypeError("ERR_INVALID_ARG_TYPE", "The \"chunk\" argument must be of type string or an instance of Buffer or Uint8Array"))
}

func (k *kit) installMethods() {
	vm := k.l.VM
	p := k.proto
	undef := goja.Undefined()
	p.Set("setCallbacks", func(call goja.FunctionCall) goja.Value {
		s := k.sock(call)
		cbs, _ := call.Argument(1).(*goja.Object)
		if s == nil || cbs == nil {
			return undef
		}
		s.cb = k.cbs.Read(call.Argument(0), cbs)
		return undef
	})
	// writeNow(data, enc) -> false: the bytes always go through the writer
	// goroutine (a TLS write can block) and the write completes later, as
	// Node's TLS writes always do: ondrain follows (see queueWrite).
	p.Set("writeNow", func(call goja.FunctionCall) goja.Value {
		s := k.sock(call)
		if s == nil {
			return vm.ToValue(false)
		}
		data := k.dataArg(call.Argument(0), call.Argument(1))
		if s.closed || s.shutAsked {
			return vm.ToValue(false)
		}
		s.queueWrite(data)
		return vm.ToValue(false)
	})
	// tryWrite(data) -> 2 when an idle writer (nothing queued, nothing
	// being written) took data (a string, as UTF-8, or bytes), 0, doing
	// nothing, otherwise. Never 1 ("all out at once", netcore's answer
	// when the kernel took everything): a TLS write always completes
	// later, on the writer goroutine, as Node's TLSWrap always completes
	// its writes on a later turn. So net.js's Writable counts the chunk in
	// writableLength until ondrain, write() answers false over the
	// high-water mark and 'drain' follows the flush, as with Node.
	p.Set("tryWrite", func(call goja.FunctionCall) goja.Value {
		s := k.sock(call)
		if s == nil || s.closed || s.shutAsked || s.connecting || s.nc == nil {
			return vm.ToValue(0)
		}
		var data []byte
		switch v := call.Argument(0).(type) {
		case goja.String:
			data = netcore.EncodeString(v, netcore.EncUTF8)
		default:
			b, ok := buffer.Bytes(v)
			if !ok {
				return vm.ToValue(0)
			}
			data = append([]byte(nil), b...)
		}
		s.mu.Lock()
		busy := s.writing || len(s.queue) > 0 || s.dead
		s.mu.Unlock()
		if busy {
			return vm.ToValue(0)
		}
		s.queueWrite(data)
		return vm.ToValue(2)
	})
	p.Set("write", func(call goja.FunctionCall) goja.Value {
		s := k.sock(call)
		if s == nil {
			return vm.ToValue(false)
		}
		return vm.ToValue(s.write(k.dataArg(call.Argument(0), call.Argument(1)), call.Argument(2).ToBoolean()))
	})
	simple := func(name string, f func(*socket)) {
		p.Set(name, func(call goja.FunctionCall) goja.Value {
			if s := k.sock(call); s != nil {
				f(s)
			}
			return undef
		})
	}
	simple("shutdown", (*socket).shutdown)
	simple("destroy", func(s *socket) { s.finish(nil) })
	simple("pause", (*socket).pause)
	simple("resume", (*socket).resume)
	simple("ref", func(s *socket) { s.setRef(true) })
	simple("unref", func(s *socket) { s.setRef(false) })
	p.Set("setEncoding", func(call goja.FunctionCall) goja.Value { return undef })
	p.Set("setTimeout", func(call goja.FunctionCall) goja.Value {
		if s := k.sock(call); s != nil {
			ms := call.Argument(0).ToFloat()
			if ms != ms || ms < 0 {
				ms = 0
			}
			s.setTimeout(time.Duration(ms * float64(time.Millisecond)))
		}
		return undef
	})
	p.Set("setNoDelay", func(call goja.FunctionCall) goja.Value {
		if s := k.sock(call); s != nil && s.tcp != nil && !s.closed {
			s.tcp.SetNoDelay(goja.IsUndefined(call.Argument(0)) || call.Argument(0).ToBoolean())
		}
		return undef
	})
	p.Set("setKeepAlive", func(call goja.FunctionCall) goja.Value {
		if s := k.sock(call); s != nil && s.tcp != nil && !s.closed {
			on := call.Argument(0).ToBoolean()
			s.tcp.SetKeepAlive(on)
			if ms := call.Argument(1).ToInteger(); on && ms > 0 {
				s.tcp.SetKeepAlivePeriod(time.Duration(ms) * time.Millisecond)
			}
		}
		return undef
	})
	p.Set("bufferSize", func(call goja.FunctionCall) goja.Value {
		if s := k.sock(call); s != nil {
			s.mu.Lock()
			defer s.mu.Unlock()
			return vm.ToValue(s.queued)
		}
		return vm.ToValue(0)
	})
	p.Set("bytesRead", func(call goja.FunctionCall) goja.Value {
		if s := k.sock(call); s != nil {
			return vm.ToValue(s.bytesRead)
		}
		return vm.ToValue(0)
	})
	p.Set("bytesWritten", func(call goja.FunctionCall) goja.Value {
		if s := k.sock(call); s != nil {
			s.mu.Lock()
			defer s.mu.Unlock()
			return vm.ToValue(s.written)
		}
		return vm.ToValue(0)
	})
	p.Set("localAddress", func(call goja.FunctionCall) goja.Value {
		if s := k.sock(call); s != nil && s.nc != nil {
			return k.addrObject(s.nc.LocalAddr())
		}
		return undef
	})
	p.Set("remoteAddress", func(call goja.FunctionCall) goja.Value {
		if s := k.sock(call); s != nil && s.nc != nil {
			return k.addrObject(s.nc.RemoteAddr())
		}
		return undef
	})
	// tlsInfo() -> what the handshake settled (protocol, cipher, ALPN,
	// servername, peer certificate, authorization), or null before it.
	p.Set("tlsInfo", func(call goja.FunctionCall) goja.Value {
		if s := k.sock(call); s != nil && s.info != nil {
			return s.info.value(k.l, call.Argument(0).ToBoolean())
		}
		return goja.Null()
	})
}

// addrObject is node's address() shape.
func (k *kit) addrObject(a net.Addr) goja.Value {
	ta, ok := a.(*net.TCPAddr)
	if !ok || ta == nil {
		return goja.Undefined()
	}
	o := k.l.VM.NewObject()
	family := "IPv6"
	if ta.IP.To4() != nil {
		family = "IPv4"
	}
	addr := ta.IP.String()
	if ta.IP.IsUnspecified() {
		if family == "IPv4" {
			addr = "0.0.0.0"
		} else {
			addr = "::"
		}
	}
	o.Set("address", addr)
	o.Set("family", family)
	o.Set("port", ta.Port)
	return o
}
