package netcore

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	goruntime "runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"

	"gonode/modules/buffer"
	"gonode/runtime"
)

// Binding is the native half a JS socket module is built on. Each module
// (tcp, net) makes its own with the defaults of its vocabulary.
type Binding struct {
	l          *runtime.Loop
	connProto  *goja.Object
	srvProto   *goja.Object
	conns      map[*goja.Object]*Conn
	servers    map[*goja.Object]*Server
	defaultEnc Enc
	drainAll   bool
	softPause  bool
	// startPaused: connections do not read until resumed (net: the
	// stream asks for data with _read).
	startPaused bool
	slab        []byte // where the loop reads (see readBuf)
	slabOff     int
	callbacks   CallbackCache // the sets setCallbacks was given
}

// Options configure a Binding for one vocabulary.
type Options struct {
	// DefaultEnc is how received data is decoded before setEncoding:
	// EncBinary for v0.1.21's tcp, EncBuffer for net.
	DefaultEnc Enc
	// DrainAfterEveryFlush makes ondrain run whenever the write queue
	// empties (2009 "drain"), not only after write returned false.
	DrainAfterEveryFlush bool
	// SoftPause: pause() holds what was read (at most two chunks) and lets
	// an EOF through when nothing is held, as Node's Readable does;
	// without it pause stops the reader at once (v0.1.21's readPause).
	SoftPause bool
	// StartPaused: a new connection reads nothing until resume (today's
	// net, where the stream's _read starts reading); otherwise reading
	// starts at once (v0.1.21's tcp).
	StartPaused bool
}

// NewBinding builds the JS object with the native socket functions:
//
//	listen(host, port, backlog, owner, onconnection) -> server handle
//	connect(host, port) -> connection handle (connecting)
//	setCallbacks on a handle, write/shutdown/destroy/pause/resume/...
func NewBinding(l *runtime.Loop, opts Options) (*Binding, *goja.Object) {
	b := &Binding{
		l:           l,
		conns:       map[*goja.Object]*Conn{},
		servers:     map[*goja.Object]*Server{},
		defaultEnc:  opts.DefaultEnc,
		drainAll:    opts.DrainAfterEveryFlush,
		softPause:   opts.SoftPause,
		startPaused: opts.StartPaused,
	}
	// The sockets are read by the loop's own poller (conn.go); create it
	// with the module so its descriptors are not mistaken for a leak.
	if err := l.StartPoller(); err != nil {
		panic(l.VM.NewGoError(err))
	}
	vm := l.VM
	b.connProto = vm.NewObject()
	b.srvProto = vm.NewObject()
	b.installConnMethods()
	b.installServerMethods()
	obj := vm.NewObject()
	obj.Set("listen", b.jsListen)
	obj.Set("connect", b.jsConnect)
	obj.Set("highWaterMark", HighWaterMark)
	// stats is for tests and debugging: goroutines in the process and
	// live handles of this binding.
	obj.Set("stats", func(call goja.FunctionCall) goja.Value {
		o := vm.NewObject()
		o.Set("goroutines", goruntime.NumGoroutine())
		o.Set("connections", len(b.conns))
		o.Set("servers", len(b.servers))
		return o
	})
	obj.Set("isIP", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(isIP(call.Argument(0).String()))
	})
	return b, obj
}

func isIP(s string) int {
	ip := net.ParseIP(s)
	if ip == nil || strings.Contains(s, "%") {
		return 0
	}
	if ip.To4() != nil && !strings.Contains(s, ":") {
		return 4
	}
	return 6
}

func (b *Binding) newHandle(c *Conn) *goja.Object {
	o := b.l.VM.NewObject()
	o.SetPrototype(b.connProto)
	c.obj = o
	c.drainAll = b.drainAll
	c.softPause = b.softPause
	b.conns[o] = c
	return o
}

func (b *Binding) forget(c *Conn) {
	if c.obj != nil {
		delete(b.conns, c.obj)
	}
}

func (b *Binding) conn(call goja.FunctionCall) *Conn {
	if o, ok := call.This.(*goja.Object); ok {
		if c := b.conns[o]; c != nil {
			return c
		}
	}
	return nil
}

func fn(v goja.Value) goja.Callable {
	f, _ := goja.AssertFunction(v)
	return f
}

// toBytes converts what write() got: a string in enc, or the bytes of a
// Buffer/Uint8Array/ArrayBuffer. aliased reports that the slice is JS
// memory, to be copied before it is kept.
func (b *Binding) toBytes(v goja.Value, enc Enc) (data []byte, aliased, ok bool) {
	if s, ok := v.(goja.String); ok {
		data, view := encodeStringView(s, enc)
		return data, view, true
	}
	if bs, ok := buffer.Bytes(v); ok {
		return bs, true, true
	}
	if o, ok := v.(*goja.Object); ok {
		// A DataView or another typed array: its window of the ArrayBuffer.
		if ab, ok := o.Get("buffer").(*goja.Object); ok {
			if x, ok := ab.Export().(goja.ArrayBuffer); ok {
				off := int(o.Get("byteOffset").ToInteger())
				n := int(o.Get("byteLength").ToInteger())
				all := x.Bytes()
				if off >= 0 && n >= 0 && off+n <= len(all) {
					return all[off : off+n], true, true
				}
			}
		}
	}
	return nil, false, false
}

func (b *Binding) installConnMethods() {
	vm := b.l.VM
	p := b.connProto
	undef := goja.Undefined()
	p.Set("setCallbacks", func(call goja.FunctionCall) goja.Value {
		c := b.conn(call)
		if c == nil {
			return undef
		}
		cbs, _ := call.Argument(1).(*goja.Object)
		if cbs == nil {
			panic(b.l.TypeError("ERR_INVALID_ARG_TYPE", "setCallbacks needs an object"))
		}
		c.cb = b.callbacks.Read(call.Argument(0), cbs)
		return undef
	})
	// write(data, encoding, notify) -> bool (below the high-water mark)
	p.Set("write", func(call goja.FunctionCall) goja.Value {
		c := b.conn(call)
		if c == nil {
			return vm.ToValue(false)
		}
		enc := EncUTF8
		if e := call.Argument(1); !goja.IsUndefined(e) && !goja.IsNull(e) {
			if x, ok := ParseEnc(e.String()); ok {
				enc = x
			} else {
				panic(b.l.TypeError("ERR_UNKNOWN_ENCODING", "Unknown encoding: "+e.String()))
			}
		}
		data, aliased, ok := b.toBytes(call.Argument(0), enc)
		if !ok {
			panic(b.l.TypeError("ERR_INVALID_ARG_TYPE", "The \"chunk\" argument must be of type string or an instance of Buffer or Uint8Array. Received "+describe(call.Argument(0))))
		}
		return vm.ToValue(c.Write(data, aliased, call.Argument(2).ToBoolean()))
	})
	// writeNow(data, encoding) -> true when the kernel took it all now;
	// false when queued (ondrain follows the flush).
	p.Set("writeNow", func(call goja.FunctionCall) goja.Value {
		c := b.conn(call)
		if c == nil {
			return vm.ToValue(false)
		}
		enc := EncUTF8
		if e := call.Argument(1); !goja.IsUndefined(e) && !goja.IsNull(e) && e.String() != "buffer" {
			if x, ok := ParseEnc(e.String()); ok {
				enc = x
			}
		}
		data, aliased, ok := b.toBytes(call.Argument(0), enc)
		if !ok {
			panic(b.l.TypeError("ERR_INVALID_ARG_TYPE", "The \"chunk\" argument must be of type string or an instance of Buffer or Uint8Array. Received "+describe(call.Argument(0))))
		}
		return vm.ToValue(c.WriteNow(data, aliased))
	})
	// tryWrite(data) -> 1 when the kernel took all of data now; 2 when it
	// took part and the rest is queued in the core (ondrain follows the
	// flush: the caller counts the write as in flight, as Node's Writable
	// does for a write libuv could not finish at once); 0, doing nothing,
	// when the core is not in its idle state (connecting, something
	// queued, closed) or data is not a string or bytes: the caller then
	// takes its full path. It is net's fast path for the common write into
	// an idle socket (see Socket.write).
	p.Set("tryWrite", func(call goja.FunctionCall) goja.Value {
		c := b.conn(call)
		if c == nil {
			return vm.ToValue(0)
		}
		return vm.ToValue(c.tryWriteIdle(call.Argument(0)))
	})
	p.Set("shutdown", func(call goja.FunctionCall) goja.Value {
		if c := b.conn(call); c != nil {
			c.Shutdown()
		}
		return undef
	})
	p.Set("destroy", func(call goja.FunctionCall) goja.Value {
		if c := b.conn(call); c != nil {
			c.Destroy()
		}
		return undef
	})
	p.Set("pause", func(call goja.FunctionCall) goja.Value {
		if c := b.conn(call); c != nil {
			c.Pause()
		}
		return undef
	})
	p.Set("resume", func(call goja.FunctionCall) goja.Value {
		if c := b.conn(call); c != nil {
			c.Resume()
		}
		return undef
	})
	p.Set("setEncoding", func(call goja.FunctionCall) goja.Value {
		c := b.conn(call)
		if c == nil {
			return undef
		}
		e := call.Argument(0)
		enc := b.defaultEnc
		if !goja.IsUndefined(e) && !goja.IsNull(e) {
			x, ok := ParseEnc(e.String())
			if !ok {
				panic(b.l.TypeError("ERR_UNKNOWN_ENCODING", "Unknown encoding: "+e.String()))
			}
			enc = x
		}
		if enc != c.dec.enc {
			c.dec = NewDecoder(enc)
		}
		return undef
	})
	p.Set("setTimeout", func(call goja.FunctionCall) goja.Value {
		if c := b.conn(call); c != nil {
			ms := call.Argument(0).ToFloat()
			if ms != ms || ms < 0 {
				ms = 0
			}
			c.SetTimeout(time.Duration(ms * float64(time.Millisecond)))
		}
		return undef
	})
	// reset() closes with a TCP RST instead of a FIN (SO_LINGER 0), as
	// node's resetAndDestroy: the peer's next read fails with ECONNRESET.
	p.Set("reset", func(call goja.FunctionCall) goja.Value {
		if c := b.conn(call); c != nil && c.fd >= 0 && !c.closed {
			unix.SetsockoptLinger(c.fd, unix.SOL_SOCKET, unix.SO_LINGER, &unix.Linger{Onoff: 1, Linger: 0})
			c.Destroy()
		}
		return undef
	})
	p.Set("setNoDelay", func(call goja.FunctionCall) goja.Value {
		if c := b.conn(call); c != nil && c.fd >= 0 && !c.closed {
			on := goja.IsUndefined(call.Argument(0)) || call.Argument(0).ToBoolean()
			unix.SetsockoptInt(c.fd, unix.IPPROTO_TCP, unix.TCP_NODELAY, boolInt(on))
		}
		return undef
	})
	p.Set("setKeepAlive", func(call goja.FunctionCall) goja.Value {
		if c := b.conn(call); c != nil && c.fd >= 0 && !c.closed {
			on := call.Argument(0).ToBoolean()
			unix.SetsockoptInt(c.fd, unix.SOL_SOCKET, unix.SO_KEEPALIVE, boolInt(on))
			if ms := call.Argument(1).ToInteger(); on && ms > 0 {
				secs := int((ms + 999) / 1000)
				unix.SetsockoptInt(c.fd, unix.IPPROTO_TCP, unix.TCP_KEEPIDLE, secs)
				unix.SetsockoptInt(c.fd, unix.IPPROTO_TCP, unix.TCP_KEEPINTVL, secs)
			}
		}
		return undef
	})
	p.Set("ref", func(call goja.FunctionCall) goja.Value {
		if c := b.conn(call); c != nil {
			c.SetRef(true)
		}
		return undef
	})
	p.Set("unref", func(call goja.FunctionCall) goja.Value {
		if c := b.conn(call); c != nil {
			c.SetRef(false)
		}
		return undef
	})
	p.Set("bufferSize", func(call goja.FunctionCall) goja.Value {
		if c := b.conn(call); c != nil {
			return vm.ToValue(c.BufferSize())
		}
		return vm.ToValue(0)
	})
	p.Set("bytesRead", func(call goja.FunctionCall) goja.Value {
		if c := b.conn(call); c != nil {
			return vm.ToValue(c.bytesRead)
		}
		return vm.ToValue(0)
	})
	p.Set("bytesWritten", func(call goja.FunctionCall) goja.Value {
		if c := b.conn(call); c != nil {
			return vm.ToValue(c.BytesWritten())
		}
		return vm.ToValue(0)
	})
	p.Set("localAddress", func(call goja.FunctionCall) goja.Value {
		if c := b.conn(call); c != nil && c.fd >= 0 && !c.closed {
			if sa, err := unix.Getsockname(c.fd); err == nil {
				return b.addrObject(sa)
			}
		}
		return undef
	})
	p.Set("remoteAddress", func(call goja.FunctionCall) goja.Value {
		if c := b.conn(call); c != nil && c.remote != nil {
			return b.addrObject(c.remote)
		}
		return undef
	})
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// addrObject is Node's address() shape: { address, family, port }. An IPv4
// peer of a dual-stack (IPv6) socket shows as ::ffff:a.b.c.d, as in Node.
func (b *Binding) addrObject(sa unix.Sockaddr) goja.Value {
	var addr, family string
	var port int
	switch a := sa.(type) {
	case *unix.SockaddrInet4:
		ip := net.IP(a.Addr[:])
		addr, family, port = ip.String(), "IPv4", a.Port
	case *unix.SockaddrInet6:
		ip := net.IP(a.Addr[:])
		family, port = "IPv6", a.Port
		switch {
		case ip.IsUnspecified():
			addr = "::"
		case ip.To4() != nil:
			addr = "::ffff:" + ip.To4().String()
		default:
			addr = ip.String()
		}
		if a.ZoneId != 0 {
			if ifi, err := net.InterfaceByIndex(int(a.ZoneId)); err == nil {
				addr += "%" + ifi.Name
			} else {
				addr += "%" + strconv.Itoa(int(a.ZoneId))
			}
		}
	default:
		return goja.Undefined()
	}
	o := b.l.VM.NewObject()
	o.Set("address", addr)
	o.Set("family", family)
	o.Set("port", port)
	return o
}

// jsConnect: connect(host, port) -> handle. The dial runs on a goroutine;
// onconnect(err|null) follows on the loop.
func (b *Binding) jsConnect(call goja.FunctionCall) goja.Value {
	host := call.Argument(0).String()
	port := int(call.Argument(1).ToInteger())
	c := newConn(b)
	c.connecting = true
	h := b.newHandle(c)
	if ip := net.ParseIP(host); ip != nil && isIP(host) != 0 {
		b.connectOnLoop(c, ip, host, port)
		return h
	}
	done := b.l.Pending()
	go func() {
		var d net.Dialer
		d.Timeout = 0
		nc, err := d.DialContext(context.Background(), "tcp", net.JoinHostPort(host, strconv.Itoa(port)))
		done(func() {
			if c.closed { // destroyed while connecting
				if nc != nil {
					nc.Close()
				}
				return
			}
			if err == nil {
				var fd int
				var remote unix.Sockaddr
				if fd, remote, err = takeOver(nc.(*net.TCPConn)); err == nil {
					nc = nil // closed by takeOver; fd is the socket now
					err = c.attach(fd, remote)
				}
			}
			if err != nil && nc != nil {
				nc.Close()
			}
			c.connectDone(err, host, port)
		})
	}()
	return h
}

// connectOnLoop connects c to an IP address (a literal: no name to look
// up) the way libuv does: a non-blocking socket, connect(2) answering
// EINPROGRESS, the socket in the loop's epoll set for writability, and
// SO_ERROR read when it is reported. Why: the general path (Go's dialer
// on a goroutine, then the descriptor taken over from Go's netpoller)
// cost a goroutine, the netpoller's wake-ups, a dup and two closes per
// connection. An error reaches onconnect on a later turn, as Node
// reports connect errors.
func (b *Binding) connectOnLoop(c *Conn, ip net.IP, host string, port int) {
	fail := func(err error) {
		c.l.Defer(func() {
			if !c.closed {
				c.connectDone(err, host, port)
			}
		})
	}
	var sa unix.Sockaddr
	family := unix.AF_INET
	if ip4 := ip.To4(); ip4 != nil && !strings.Contains(host, ":") {
		a := &unix.SockaddrInet4{Port: port}
		copy(a.Addr[:], ip4)
		sa = a
	} else {
		family = unix.AF_INET6
		a := &unix.SockaddrInet6{Port: port}
		copy(a.Addr[:], ip.To16())
		sa = a
	}
	fd, err := unix.Socket(family, unix.SOCK_STREAM|unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		fail(os.NewSyscallError("socket", err))
		return
	}
	c.fd = fd // from now on c.finish closes it
	if err := unix.Connect(fd, sa); err != nil && err != unix.EINPROGRESS {
		fail(err)
		return
	}
	w, err := c.l.WatchFD(fd, runtime.PollOut, c.onEvents)
	if err != nil {
		fail(err)
		return
	}
	c.watch = w
	c.dialing = func(uint32) {
		soErr, err := unix.GetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_ERROR)
		if err == nil && soErr != 0 {
			err = unix.Errno(soErr)
		}
		if err == unix.EINPROGRESS || err == unix.EALREADY {
			return // not yet: epoll reports again
		}
		c.dialing = nil
		if err == nil {
			c.attachWatched(fd, w, sa)
			if c.closed {
				return
			}
		}
		c.connectDone(err, host, port)
	}
}

// connectDone tells JS how a connect ended: onconnect(null), or
// onconnect(error) and the connection is finished.
func (c *Conn) connectDone(err error, host string, port int) {
	if err != nil {
		c.connecting = false
		c.dialing = nil
		ev := c.b.dialError(err, host, port)
		if c.cb.OnConnect != nil {
			c.l.Call(c.cb.OnConnect, c.cb.Owner, ev)
		}
		c.finish(nil)
		return
	}
	if c.cb.OnConnect != nil {
		c.l.Call(c.cb.OnConnect, c.cb.Owner, goja.Null())
	}
}

// Server is a listening socket, in the loop's epoll set like the
// connections: when it is readable the loop accepts every connection
// waiting (accept4, non-blocking), so a burst of connects costs one wake-up.
type Server struct {
	b      *Binding
	fd     int
	watch  *runtime.Watch
	closed bool
	refd   bool
	owner  goja.Value
	onconn goja.Callable
	retry  func() // cancels the back-off timer after EMFILE
}

// jsListen: listen(host, port, backlog, owner, onconnection) -> server
// handle, or throws the listen error (node-shaped: code, errno, syscall,
// address, port). Listening itself is synchronous, as in v0.1.21. Go's net
// makes the socket (addresses, dual stack, SO_REUSEADDR); the loop then
// takes its descriptor over.
func (b *Binding) jsListen(call goja.FunctionCall) goja.Value {
	host := ""
	if h := call.Argument(0); !goja.IsUndefined(h) && !goja.IsNull(h) {
		host = h.String()
	}
	port := int(call.Argument(1).ToInteger())
	if host == "localhost" {
		// One address, as a listener needs: prefer IPv4 like the talk's
		// clients expect of localhost.
		host = "127.0.0.1"
	}
	lc := net.ListenConfig{}
	ln, err := lc.Listen(context.Background(), "tcp", net.JoinHostPort(host, strconv.Itoa(port)))
	if err == nil {
		var fd int
		if fd, err = takeOverListener(ln.(*net.TCPListener)); err == nil {
			s := &Server{b: b, fd: fd, refd: true, owner: call.Argument(3), onconn: fn(call.Argument(4))}
			if s.watch, err = b.l.WatchFD(fd, runtime.PollIn, s.onAcceptable); err == nil {
				b.l.Ref()
				o := b.l.VM.NewObject()
				o.SetPrototype(b.srvProto)
				b.servers[o] = s
				return o
			}
			unix.Close(fd)
		}
	}
	shown := host
	if shown == "" {
		shown = "::"
	}
	panic(b.netError(err, "listen", shown, port))
}

// takeOverListener is takeOver for a listening socket.
func takeOverListener(ln *net.TCPListener) (int, error) {
	rc, err := ln.SyscallConn()
	if err != nil {
		ln.Close()
		return -1, err
	}
	return dupAndClose(rc, ln)
}

// maxAcceptsPerEvent bounds one burst of accepts so that connections
// already open are served too; the listener is reported again next turn.
const maxAcceptsPerEvent = 128

func (s *Server) onAcceptable(uint32) {
	for i := 0; i < maxAcceptsPerEvent && !s.closed; i++ {
		nfd, sa, err := accept4(s.fd, unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC)
		switch err {
		case nil:
		case unix.EAGAIN:
			return
		case unix.EINTR, unix.ECONNABORTED, unix.EPROTO:
			continue
		default:
			// EMFILE, ENFILE, ENOBUFS: out of resources. Stop accepting
			// for a moment rather than spin on a listener that stays
			// readable; pending connections wait in the backlog.
			s.watch.Set(0)
			s.retry = s.b.l.After(50*time.Millisecond, true, func() {
				s.retry = nil
				if !s.closed {
					s.watch.Set(runtime.PollIn)
				}
			})
			return
		}
		// Nagle stays on, as in node (v0.1.21 and v20 alike: setNoDelay
		// turns it off); one system call less per connection.
		s.accepted(nfd, sa)
	}
}

func (s *Server) accepted(fd int, remote unix.Sockaddr) {
	b := s.b
	c := newConn(b)
	h := b.newHandle(c)
	if err := c.attach(fd, remote); err != nil {
		c.finish(nil)
		return
	}
	if s.onconn == nil {
		return
	}
	// onconnection may return the server's one 'connection' listener
	// instead of emitting: it is called here with the socket net.js made
	// (the owner setCallbacks gave the handle) and the server as this, as
	// emit would, minus a nested run of the interpreter.
	if listener, ok := goja.AssertFunction(b.l.Call(s.onconn, s.owner, h)); ok && c.cb.Owner != nil {
		b.l.Call(listener, s.owner, c.cb.Owner)
	}
}

func (b *Binding) server(call goja.FunctionCall) *Server {
	if o, ok := call.This.(*goja.Object); ok {
		return b.servers[o]
	}
	return nil
}

func (b *Binding) installServerMethods() {
	p := b.srvProto
	undef := goja.Undefined()
	p.Set("close", func(call goja.FunctionCall) goja.Value {
		s := b.server(call)
		if s == nil || s.closed {
			return undef
		}
		s.closed = true
		if s.retry != nil {
			s.retry()
			s.retry = nil
		}
		s.watch.Close()
		unix.Close(s.fd)
		delete(b.servers, call.This.(*goja.Object))
		if s.refd {
			s.refd = false
			b.l.Unref()
		}
		return undef
	})
	p.Set("address", func(call goja.FunctionCall) goja.Value {
		s := b.server(call)
		if s == nil {
			return goja.Null()
		}
		if s.closed {
			return goja.Null()
		}
		sa, err := unix.Getsockname(s.fd)
		if err != nil {
			return goja.Null()
		}
		return b.addrObject(sa)
	})
	p.Set("ref", func(call goja.FunctionCall) goja.Value {
		if s := b.server(call); s != nil && !s.refd {
			s.refd = true
			b.l.Ref()
		}
		return undef
	})
	p.Set("unref", func(call goja.FunctionCall) goja.Value {
		if s := b.server(call); s != nil && s.refd {
			s.refd = false
			b.l.Unref()
		}
		return undef
	})
}

// errnoOf finds the errno inside a Go network error.
func errnoOf(err error) (syscall.Errno, bool) {
	var en syscall.Errno
	if errors.As(err, &en) {
		return en, true
	}
	return 0, false
}

// Strerror is the C library's text for err ("Connection refused"), what
// v0.1.21 passed as the second argument of "close".
func Strerror(err error) string {
	if en, ok := errnoOf(err); ok {
		s := en.Error()
		if s != "" {
			r := []rune(s)
			r[0] = unicode.ToUpper(r[0])
			return string(r)
		}
	}
	return err.Error()
}

// netError builds Node's error shape: "connect ECONNREFUSED 127.0.0.1:9",
// with errno (negative), code, syscall, address and port.
func (b *Binding) netError(err error, syscallName, address string, port int) *goja.Object {
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		code := "ENOTFOUND"
		if dnsErr.IsTemporary || dnsErr.IsTimeout {
			code = "EAI_AGAIN"
		}
		e := b.l.ErrorWithCode(code, "getaddrinfo "+code+" "+dnsErr.Name)
		e.Set("errno", map[string]int{"ENOTFOUND": -3008, "EAI_AGAIN": -3001}[code])
		e.Set("syscall", "getaddrinfo")
		e.Set("hostname", dnsErr.Name)
		e.Set("strerror", Strerror(err))
		return e
	}
	code, num := "EIO", int(unix.EIO)
	if en, ok := errnoOf(err); ok {
		code, num = unix.ErrnoName(en), int(en)
	}
	msg := syscallName + " " + code
	if address != "" {
		msg += " " + address
		if port >= 0 {
			msg += ":" + strconv.Itoa(port)
		}
	}
	if code == "EADDRINUSE" && syscallName == "listen" {
		msg = fmt.Sprintf("listen EADDRINUSE: address already in use %s:%d", address, port)
	}
	e := b.l.ErrorWithCode(code, msg)
	e.Set("errno", -num)
	e.Set("syscall", syscallName)
	if address != "" {
		e.Set("address", address)
		if port >= 0 {
			e.Set("port", port)
		}
	}
	e.Set("strerror", Strerror(err))
	return e
}

func (b *Binding) dialError(err error, host string, port int) *goja.Object {
	addr := host
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Addr != nil {
		if ta, ok := oe.Addr.(*net.TCPAddr); ok {
			addr = ta.IP.String()
		}
	}
	return b.netError(err, "connect", addr, port)
}

// errorValue turns a connection failure into a JS Error.
func (b *Binding) errorValue(err error, c *Conn) goja.Value {
	var oe *OpError
	if errors.As(err, &oe) {
		e := b.netError(oe.Err, oe.Syscall, "", -1)
		return e
	}
	return b.l.NewError(err.Error())
}

func describe(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) {
		return "undefined"
	}
	if goja.IsNull(v) {
		return "null"
	}
	switch v.Export().(type) {
	case int64, float64:
		return "type number (" + v.String() + ")"
	case bool:
		return "type boolean (" + v.String() + ")"
	}
	if _, ok := v.(*goja.Object); ok {
		return "an instance of Object"
	}
	return v.String()
}
