package http

import (
	"crypto/x509"
	"errors"
	"net"

	"github.com/dop251/goja"

	tlsmod "gonode/modules/tls"
)

// tlsMethods gives an https connection object (req.socket) what node's
// TLSSocket tells about the handshake: encrypted, authorized,
// authorizationError, getPeerCertificate, getProtocol, getCipher. The
// handshake's facts come from the reader goroutine's snapshot; before the
// handshake is done they read as node's do before "secure" (null, false).
func (st *state) tlsMethods(o *goja.Object, tc *tlsConn, roots *x509.CertPool) {
	vm := st.vm
	o.Set("encrypted", true)
	accessor := func(name string, f func() goja.Value) {
		o.DefineAccessorProperty(name, vm.ToValue(func(goja.FunctionCall) goja.Value { return f() }), nil, goja.FLAG_TRUE, goja.FLAG_TRUE)
	}
	accessor("authorized", func() goja.Value {
		if cs := tc.state.Load(); cs != nil {
			ok, _ := tlsmod.ServerAuthorization(*cs, roots)
			return vm.ToValue(ok)
		}
		return vm.ToValue(false)
	})
	accessor("authorizationError", func() goja.Value {
		if cs := tc.state.Load(); cs != nil {
			if _, code := tlsmod.ServerAuthorization(*cs, roots); code != "" {
				return vm.ToValue(code)
			}
		}
		return goja.Null()
	})
	o.Set("getPeerCertificate", func(call goja.FunctionCall) goja.Value {
		if cs := tc.state.Load(); cs != nil {
			return tlsmod.PeerCertificate(st.l, *cs, call.Argument(0).ToBoolean())
		}
		return goja.Null()
	})
	o.Set("getProtocol", func(goja.FunctionCall) goja.Value {
		if cs := tc.state.Load(); cs != nil {
			return vm.ToValue(tlsmod.ProtocolName(cs.Version))
		}
		return goja.Null()
	})
}

// tlsFailed runs on the reader goroutine when reading the first request
// failed: under https before the handshake finished, that is a failed
// handshake, reported as node's "tlsClientError" (err, socket) when
// somebody listens.
func (c *conn) tlsFailed(err error) {
	tc, ok := c.nc.(*tlsConn)
	if !ok || tc.state.Load() != nil || errors.Is(err, net.ErrClosed) {
		return
	}
	l := c.st.l
	l.Post(func() {
		if hasListeners(c.s.obj, "tlsClientError") {
			l.Emit(c.s.obj, "tlsClientError", tlsmod.HandshakeError(l, err), c.jsObject())
		}
	})
}
