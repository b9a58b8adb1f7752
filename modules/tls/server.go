package tls

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"strconv"
	"syscall"
	"time"

	"github.com/dop251/goja"

	"gonode/runtime"
)

// server is a listening TLS server: the accept goroutine hands each
// connection to its own handshake goroutine, and only handshaken
// connections reach the loop ("secureConnection"); a failed handshake is
// "tlsClientError" and never touches the JS socket machinery.
type server struct {
	k       *kit
	ln      *net.TCPListener
	cfg     *tls.Config
	opts    *Options
	closed  bool
	refd    bool
	owner   goja.Value
	onconn  goja.Callable
	onerror goja.Callable
}

func (k *kit) listen(call goja.FunctionCall) goja.Value {
	l := k.l
	host := ""
	if h := call.Argument(0); !goja.IsUndefined(h) && !goja.IsNull(h) {
		host = h.String()
	}
	if host == "localhost" {
		host = "127.0.0.1"
	}
	port := int(call.Argument(1).ToInteger())
	o, _ := call.Argument(2).(*goja.Object)
	opts := ParseOptions(l, o, true)
	if len(opts.Certs) == 0 {
		// node accepts this and fails every handshake; say so at once.
		panic(l.ErrorWithCode("ERR_TLS_NO_CERT", "gonode: a TLS server needs key and cert"))
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(port)))
	if err != nil {
		shown := host
		if shown == "" {
			shown = "::"
		}
		e := l.SysError(err, "listen", "")
		code := e.Get("code").String()
		e.Set("message", "listen "+code+": "+errText(err)+" "+net.JoinHostPort(shown, strconv.Itoa(port)))
		if code == "EADDRINUSE" {
			e.Set("message", "listen EADDRINUSE: address already in use "+net.JoinHostPort(shown, strconv.Itoa(port)))
		}
		e.Set("address", shown)
		e.Set("port", port)
		panic(e)
	}
	cfg := opts.ServerConfig()
	// Go's TLS 1.3 server sends its session tickets in its first flight,
	// before the client's Finished (OpenSSL, node's, sends them after it).
	// A client that gives up after its half of the handshake then closes
	// with those tickets unread, its kernel answers with a reset, and the
	// server reports "read ECONNRESET" where node's reports "socket hang
	// up". gonode resumes no sessions (no session cache on either side),
	// so the tickets bought nothing.
	cfg.SessionTicketsDisabled = true
	srv := &server{k: k, ln: ln.(*net.TCPListener), cfg: cfg, opts: opts, refd: true,
		owner: call.Argument(3), onconn: fn(call.Argument(4)), onerror: fn(call.Argument(5))}
	l.Ref()
	h := l.VM.NewObject()
	h.Set("close", func(goja.FunctionCall) goja.Value {
		if !srv.closed {
			srv.closed = true
			srv.ln.Close()
			if srv.refd {
				srv.refd = false
				l.Unref()
			}
		}
		return goja.Undefined()
	})
	h.Set("address", func(goja.FunctionCall) goja.Value {
		if srv.closed {
			return goja.Null()
		}
		return k.addrObject(srv.ln.Addr())
	})
	h.Set("ref", func(goja.FunctionCall) goja.Value {
		if !srv.closed && !srv.refd {
			srv.refd = true
			l.Ref()
		}
		return goja.Undefined()
	})
	h.Set("unref", func(goja.FunctionCall) goja.Value {
		if srv.refd {
			srv.refd = false
			l.Unref()
		}
		return goja.Undefined()
	})
	go srv.acceptLoop()
	return h
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

func (srv *server) acceptLoop() {
	delay := 5 * time.Millisecond
	for {
		tcp, err := srv.ln.AcceptTCP()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			time.Sleep(delay)
			if delay < time.Second {
				delay *= 2
			}
			continue
		}
		delay = 5 * time.Millisecond
		go srv.handshake(tcp)
	}
}

func (srv *server) handshake(tcp *net.TCPConn) {
	l := srv.k.l
	tc := tls.Server(tcp, srv.cfg)
	ctx, cancel := context.WithTimeout(context.Background(), srv.opts.HandshakeTimeout)
	err := tc.HandshakeContext(ctx)
	cancel()
	if err != nil {
		// The peer's and our address go with the error: node hands
		// 'tlsClientError' the TLSSocket, and listeners log its
		// remoteAddress. Not when the client hung up: node's socket has
		// lost its handle by then and answers undefined.
		var remote, local net.Addr
		if !peerHungUp(err) {
			remote, local = tcp.RemoteAddr(), tcp.LocalAddr()
		}
		tcp.Close()
		if srv.onerror != nil {
			l.Post(func() {
				if !srv.closed && srv.onerror != nil {
					l.Call(srv.onerror, srv.owner, srv.k.serverHandshakeErrorValue(err),
						srv.k.addrObject(remote), srv.k.addrObject(local))
				}
			})
		}
		return
	}
	l.Post(func() {
		if srv.closed {
			tcp.Close()
			return
		}
		h := handle(l, tc, tcp, serverInfo(tc.ConnectionState(), srv.cfg.ClientCAs))
		if srv.onconn != nil {
			l.Call(srv.onconn, srv.owner, h)
		}
	})
}

// serverInfo is what a server knows after a handshake: authorized only
// with a client certificate that roots (the server's ca) verify; otherwise
// node's code for why not (UNABLE_TO_GET_ISSUER_CERT when none was sent).
func serverInfo(cs tls.ConnectionState, roots *x509.CertPool) *connInfo {
	info := &connInfo{cs: cs, server: true}
	if len(cs.VerifiedChains) > 0 {
		info.authorized = true
		return info
	}
	if roots == nil {
		roots = x509.NewCertPool() // no ca: nothing is trusted
	}
	info.authErr = verifyChain(cs.PeerCertificates, roots)
	info.authorized = info.authErr == nil
	return info
}

// handle makes a TLS handle for an established, handshaken connection tc
// over tcp and starts reading. Call it on the loop.
func handle(l *runtime.Loop, tc *tls.Conn, tcp *net.TCPConn, info *connInfo) *goja.Object {
	s := kitFor(l).newSocket()
	s.info = info
	s.attach(tc, tcp)
	return s.obj
}

// NewServerSocket wraps the server side of a handshaken connection tc over
// tcp as a tls.TLSSocket (a net.Socket): http hands over an upgraded https
// connection this way. roots are the server's CAs for client certificates. Call it on the loop; the socket reads at once, and
// its data waits on the loop's queue until the caller's macrotask is done.
func NewServerSocket(l *runtime.Loop, tc *tls.Conn, tcp *net.TCPConn, roots *x509.CertPool) (*goja.Object, error) {
	return wrap(l, handle(l, tc, tcp, serverInfo(tc.ConnectionState(), roots)))
}

// NewClientSocket is NewServerSocket for the client side of a connection
// made by Dial with opts to host (a wss upgrade): authorized and
// authorizationError say what node's checks found.
func NewClientSocket(l *runtime.Loop, tc *tls.Conn, tcp *net.TCPConn, opts *Options, host string) (*goja.Object, error) {
	return wrap(l, handle(l, tc, tcp, clientInfo(tc.ConnectionState(), opts, host)))
}

func wrap(l *runtime.Loop, h *goja.Object) (*goja.Object, error) {
	exp := l.MustRequire("tls")
	fromHandle, ok := goja.AssertFunction(exp.Get("_fromHandle"))
	if !ok {
		return nil, errors.New("tls: no _fromHandle")
	}
	v, err := fromHandle(goja.Undefined(), h)
	if err != nil {
		return nil, err
	}
	return v.(*goja.Object), nil
}

// ServerAuthorization is what a server's socket reports after the
// handshake cs: authorized (a client certificate its CAs verified) and
// otherwise node's authorizationError code.
func ServerAuthorization(cs tls.ConnectionState, roots *x509.CertPool) (bool, string) {
	info := serverInfo(cs, roots)
	if info.authErr != nil {
		return info.authorized, info.authErr.code
	}
	return info.authorized, ""
}

// PeerCertificate is getPeerCertificate(detailed) for the handshake cs: {}
// when the peer sent none.
func PeerCertificate(l *runtime.Loop, cs tls.ConnectionState, detailed bool) goja.Value {
	if len(cs.PeerCertificates) == 0 {
		return l.VM.NewObject()
	}
	return certObject(l, cs.PeerCertificates, detailed)
}

// ProtocolName is node's name for a TLS version ("TLSv1.3").
func ProtocolName(v uint16) string { return protocolName(v) }

// HandshakeError is node's error for a server's failed handshake (err
// from crypto/tls or the connection under it), what "tlsClientError"
// reports.
func HandshakeError(l *runtime.Loop, err error) goja.Value {
	return kitFor(l).serverHandshakeErrorValue(err)
}

// peerHungUp says a server's handshake failed because the client closed or
// reset the connection.
func peerHungUp(err error) bool {
	return errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}

// serverHandshakeErrorValue is node's error for a handshake a client left:
// a client that closes (FIN) before the handshake is done is ECONNRESET
// "socket hang up", one that resets the connection is the read's
// ECONNRESET ("read ECONNRESET", errno and syscall), as node's server says
// in tlsClientError; the rest is as a client's (handshakeErrorValue).
func (k *kit) serverHandshakeErrorValue(err error) goja.Value {
	if errors.Is(err, syscall.ECONNRESET) {
		e := k.l.SysError(syscall.ECONNRESET, "read", "")
		e.Set("message", "read ECONNRESET")
		return e
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return k.l.ErrorWithCode("ECONNRESET", "socket hang up")
	}
	return k.handshakeErrorValue(err)
}
