package tls

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"strconv"
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
	srv := &server{k: k, ln: ln.(*net.TCPListener), cfg: opts.ServerConfig(), opts: opts, refd: true,
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
		tcp.Close()
		if srv.onerror != nil {
			l.Post(func() {
				if !srv.closed && srv.onerror != nil {
					l.Call(srv.onerror, srv.owner, srv.k.handshakeErrorValue(err))
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
		s := srv.k.newSocket()
		cs := tc.ConnectionState()
		s.info = &connInfo{cs: cs, server: true, authorized: len(cs.PeerCertificates) > 0 && len(cs.VerifiedChains) > 0}
		if !s.info.authorized {
			s.info.authErr = &VerifyError{code: "UNABLE_TO_GET_ISSUER_CERT", msg: "unable to get issuer certificate"}
			if len(cs.PeerCertificates) == 0 {
				s.info.authErr = &VerifyError{code: "ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE", msg: "peer did not return a certificate"}
			}
		}
		s.attach(tc, tcp)
		if srv.onconn != nil {
			l.Call(srv.onconn, srv.owner, s.obj)
		}
	})
}

// Handle makes a TLS handle for an established, handshaken connection nc
// whose transport is tcp (for half-close and socket options), for other
// modules (http hands over upgraded https connections and a client's
// upgraded wss connection). Call it on the loop; wrap the handle with
// NewSocket, in the same macrotask, before any data can be lost.
func Handle(l *runtime.Loop, nc net.Conn, tcp *net.TCPConn) *goja.Object {
	k := kitFor(l)
	s := k.newSocket()
	if tc, ok := nc.(*tls.Conn); ok {
		s.info = &connInfo{cs: tc.ConnectionState(), authorized: true}
	}
	s.attach(nc, tcp)
	return s.obj
}

// NewSocket wraps nc (see Handle) as a tls.TLSSocket, a net.Socket.
func NewSocket(l *runtime.Loop, nc net.Conn, tcp *net.TCPConn) (*goja.Object, error) {
	exp := l.MustRequire("tls")
	wrap, ok := goja.AssertFunction(exp.Get("_fromHandle"))
	if !ok {
		return nil, errors.New("tls: no _fromHandle")
	}
	v, err := wrap(goja.Undefined(), Handle(l, nc, tcp))
	if err != nil {
		return nil, err
	}
	return v.(*goja.Object), nil
}
