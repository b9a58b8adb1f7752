// Package tls provides gonode's "tls" module on Go's crypto/tls:
// tls.connect, tls.createServer, and TLSSocket, which is net.js's Socket
// (a stream.Duplex) over a TLS handle (socket.go). Certificates are PEM
// strings or Buffers, as in node.
//
// Verification follows node: the client always completes the handshake,
// then checks the peer's chain against options.ca (or the system roots)
// and its name against servername/host; the result is socket.authorized /
// socket.authorizationError, and with rejectUnauthorized (the default) a
// failure destroys the socket with node's error code
// (DEPTH_ZERO_SELF_SIGNED_CERT, UNABLE_TO_VERIFY_LEAF_SIGNATURE,
// ERR_TLS_CERT_ALTNAME_INVALID, CERT_HAS_EXPIRED, ...).
package tls

import (
	"context"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/dop251/goja"

	"gonode/modules/buffer"
	"gonode/runtime"
)

//go:embed tls.js
var source string

func init() {
	runtime.Register("tls", func(l *runtime.Loop) (goja.Value, error) {
		return l.EvalModule("tls", source, binding(l))
	})
}

// Options is what a script gave for one side of TLS, as Go values.
type Options struct {
	Certs              []tls.Certificate
	CA                 *x509.CertPool // nil: the system roots
	ServerName         string
	RejectUnauthorized bool
	RequestCert        bool
	ALPN               []string
	MinVersion         uint16
	MaxVersion         uint16
	HandshakeTimeout   time.Duration
	// CustomIdentity: the script gave checkServerIdentity, which replaces
	// the name check (tls.js calls it after the handshake).
	CustomIdentity bool

	caPEM [][]byte
}

// pemArg collects the PEM bytes of a string, a Buffer, or an array of them.
func pemArg(v goja.Value) ([][]byte, bool) {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil, true
	}
	if s, ok := v.(goja.String); ok {
		return [][]byte{[]byte(s.String())}, true
	}
	if b, ok := buffer.Bytes(v); ok {
		return [][]byte{append([]byte(nil), b...)}, true
	}
	if o, ok := v.(*goja.Object); ok && o.ClassName() == "Array" {
		var out [][]byte
		n := int(o.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			part, ok := pemArg(o.Get(strconv.Itoa(i)))
			if !ok {
				return nil, false
			}
			out = append(out, part...)
		}
		return out, true
	}
	return nil, false
}

func versionOf(s string) (uint16, bool) {
	switch s {
	case "TLSv1":
		return tls.VersionTLS10, true
	case "TLSv1.1":
		return tls.VersionTLS11, true
	case "TLSv1.2":
		return tls.VersionTLS12, true
	case "TLSv1.3":
		return tls.VersionTLS13, true
	}
	return 0, false
}

// ParseOptions reads node's TLS options (key, cert, ca, servername,
// rejectUnauthorized, requestCert, ALPNProtocols, minVersion, maxVersion,
// handshakeTimeout) from o. It throws node-shaped errors for bad input.
// server says which side's defaults apply: a server does not verify
// clients unless requestCert.
func ParseOptions(l *runtime.Loop, o *goja.Object, server bool) *Options {
	opts := &Options{RejectUnauthorized: true, HandshakeTimeout: 120 * time.Second}
	if o == nil {
		return opts
	}
	get := func(name string) goja.Value {
		v := o.Get(name)
		if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
			return nil
		}
		return v
	}
	if v := get("pfx"); v != nil {
		panic(l.ErrorWithCode("ERR_FEATURE_UNAVAILABLE_ON_PLATFORM", "gonode: tls option pfx is not supported; give key and cert as PEM"))
	}
	if v := get("passphrase"); v != nil {
		panic(l.ErrorWithCode("ERR_FEATURE_UNAVAILABLE_ON_PLATFORM", "gonode: encrypted private keys (passphrase) are not supported"))
	}
	keys, ok := pemArg(get("key"))
	if !ok {
		panic(l.TypeError("ERR_INVALID_ARG_TYPE", `The "options.key" property must be of type string or an instance of Buffer, TypedArray, or DataView`))
	}
	certs, ok := pemArg(get("cert"))
	if !ok {
		panic(l.TypeError("ERR_INVALID_ARG_TYPE", `The "options.cert" property must be of type string or an instance of Buffer, TypedArray, or DataView`))
	}
	switch {
	case len(keys) > 0 && len(certs) > 0:
		// Pairs in order; one key for a cert chain given as one PEM.
		for i, c := range certs {
			k := keys[min(i, len(keys)-1)]
			pair, err := tls.X509KeyPair(c, k)
			if err != nil {
				panic(l.ErrorWithCode("ERR_OSSL_PEM_BAD_BASE64_DECODE", "tls: bad key or certificate: "+err.Error()))
			}
			opts.Certs = append(opts.Certs, pair)
		}
	case len(keys) > 0 && server, len(certs) > 0 && server:
		panic(l.ErrorWithCode("ERR_OSSL_PEM_NO_START_LINE", "tls: key and cert must be given together"))
	}
	if cas, ok := pemArg(get("ca")); !ok {
		panic(l.TypeError("ERR_INVALID_ARG_TYPE", `The "options.ca" property must be of type string or an instance of Buffer, TypedArray, or DataView`))
	} else if len(cas) > 0 {
		pool := x509.NewCertPool()
		for _, c := range cas {
			if !pool.AppendCertsFromPEM(c) {
				panic(l.ErrorWithCode("ERR_OSSL_PEM_NO_START_LINE", "tls: no certificate found in options.ca"))
			}
		}
		opts.CA = pool
		opts.caPEM = cas
	}
	if v := get("servername"); v != nil {
		opts.ServerName = v.String()
	}
	if v := get("rejectUnauthorized"); v != nil {
		opts.RejectUnauthorized = v.ToBoolean()
	}
	if v := get("requestCert"); v != nil {
		opts.RequestCert = v.ToBoolean()
	}
	if v, ok := get("ALPNProtocols").(*goja.Object); ok && v.ClassName() == "Array" {
		n := int(v.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			opts.ALPN = append(opts.ALPN, v.Get(strconv.Itoa(i)).String())
		}
	}
	for _, f := range []struct {
		name string
		dst  *uint16
	}{{"minVersion", &opts.MinVersion}, {"maxVersion", &opts.MaxVersion}} {
		if v := get(f.name); v != nil {
			ver, ok := versionOf(v.String())
			if !ok {
				panic(l.TypeError("ERR_TLS_INVALID_PROTOCOL_VERSION", fmt.Sprintf("%q is not a valid %s TLS protocol version", v.String(), strings.TrimSuffix(f.name, "Version"))))
			}
			*f.dst = ver
		}
	}
	if v := get("checkServerIdentity"); v != nil {
		if _, ok := goja.AssertFunction(v); ok {
			opts.CustomIdentity = true
		}
	}
	if v := get("handshakeTimeout"); v != nil {
		if ms := v.ToFloat(); ms > 0 {
			opts.HandshakeTimeout = time.Duration(ms * float64(time.Millisecond))
		}
	}
	return opts
}

// ServerConfig is the crypto/tls config of a server with these options.
func (o *Options) ServerConfig() *tls.Config {
	cfg := &tls.Config{Certificates: o.Certs, NextProtos: o.ALPN, MinVersion: o.MinVersion, MaxVersion: o.MaxVersion}
	if o.MinVersion == 0 {
		cfg.MinVersion = tls.VersionTLS12 // node 20's default minimum
	}
	if o.RequestCert {
		// Without rejectUnauthorized any certificate is taken and judged
		// afterwards (ServerAuthorization), as node reports it.
		cfg.ClientAuth = tls.RequestClientCert
		cfg.ClientCAs = o.CA
		if o.RejectUnauthorized {
			cfg.ClientAuth = tls.RequireAndVerifyClientCert
		}
	}
	return cfg
}

// ClientConfig is the crypto/tls config of a client. Go's own
// verification is off: Verify does node's (and reports node's errors).
func (o *Options) ClientConfig(host string) *tls.Config {
	cfg := &tls.Config{Certificates: o.Certs, NextProtos: o.ALPN, MinVersion: o.MinVersion, MaxVersion: o.MaxVersion, InsecureSkipVerify: true}
	if len(o.Certs) > 0 {
		// Like node, send the certificate whatever CAs the server names
		// (Go would send none when its issuer is not among them).
		cert := &o.Certs[0]
		cfg.GetClientCertificate = func(*tls.CertificateRequestInfo) (*tls.Certificate, error) { return cert, nil }
	}
	if o.MinVersion == 0 {
		cfg.MinVersion = tls.VersionTLS12
	}
	cfg.ServerName = o.serverName(host)
	return cfg
}

func (o *Options) serverName(host string) string {
	if o.ServerName != "" {
		return o.ServerName
	}
	if net.ParseIP(host) == nil {
		return host
	}
	return ""
}

// Verify checks a server's chain and name as node does; nil when they are
// good.
func (o *Options) Verify(cs tls.ConnectionState, host string) *VerifyError {
	if ve := verifyChain(cs.PeerCertificates, o.CA); ve != nil {
		return ve
	}
	return o.verifyName(cs.PeerCertificates[0], host)
}

// verifyChain checks a peer's chain against roots (nil: the system's),
// with OpenSSL's codes for the failures.
func verifyChain(certs []*x509.Certificate, roots *x509.CertPool) *VerifyError {
	if len(certs) == 0 {
		return &VerifyError{code: "UNABLE_TO_GET_ISSUER_CERT", msg: "unable to get issuer certificate"}
	}
	leaf := certs[0]
	inter := x509.NewCertPool()
	for _, c := range certs[1:] {
		inter.AddCert(c)
	}
	_, err := leaf.Verify(x509.VerifyOptions{Roots: roots, Intermediates: inter, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}})
	if err != nil {
		var cie x509.CertificateInvalidError
		if errors.As(err, &cie) {
			switch cie.Reason {
			case x509.Expired:
				if time.Now().Before(cie.Cert.NotBefore) {
					return &VerifyError{code: "CERT_NOT_YET_VALID", msg: "certificate is not yet valid"}
				}
				return &VerifyError{code: "CERT_HAS_EXPIRED", msg: "certificate has expired"}
			}
			return &VerifyError{code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE", msg: "unable to verify the first certificate"}
		}
		selfSigned := func(c *x509.Certificate) bool {
			return bytesEqual(c.RawIssuer, c.RawSubject) && c.CheckSignature(c.SignatureAlgorithm, c.RawTBSCertificate, c.Signature) == nil
		}
		if len(certs) == 1 && selfSigned(leaf) {
			return &VerifyError{code: "DEPTH_ZERO_SELF_SIGNED_CERT", msg: "self-signed certificate"}
		}
		if len(certs) > 1 && selfSigned(certs[len(certs)-1]) {
			return &VerifyError{code: "SELF_SIGNED_CERT_IN_CHAIN", msg: "self-signed certificate in certificate chain"}
		}
		return &VerifyError{code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE", msg: "unable to verify the first certificate"}
	}
	return nil
}

// verifyName checks the server's name as node's checkServerIdentity does.
func (o *Options) verifyName(leaf *x509.Certificate, host string) *VerifyError {
	if o.CustomIdentity {
		return nil
	}
	name := o.ServerName
	if name == "" {
		name = host
	}
	if err := leaf.VerifyHostname(name); err != nil {
		var alt []string
		for _, d := range leaf.DNSNames {
			alt = append(alt, "DNS:"+d)
		}
		for _, ip := range leaf.IPAddresses {
			alt = append(alt, "IP Address:"+ip.String())
		}
		var msg string
		if net.ParseIP(name) != nil {
			var ips []string
			for _, ip := range leaf.IPAddresses {
				ips = append(ips, ip.String())
			}
			msg = fmt.Sprintf("Hostname/IP does not match certificate's altnames: IP: %s is not in the cert's list: %s", name, strings.Join(ips, ", "))
		} else {
			msg = fmt.Sprintf("Hostname/IP does not match certificate's altnames: Host: %s. is not in the cert's altnames: %s", name, strings.Join(alt, ", "))
		}
		return &VerifyError{code: "ERR_TLS_CERT_ALTNAME_INVALID", msg: msg, host: name, altname: true}
	}
	return nil
}

func bytesEqual(a, b []byte) bool { return string(a) == string(b) }

// VerifyError is a failed verification: node's code and message.
type VerifyError struct {
	code, msg string
	host      string
	altname   bool
}

func (e *VerifyError) Error() string { return e.msg }

// Value is the error as node reports it (code, message; reason and host
// for a name mismatch).
func (e *VerifyError) Value(l *runtime.Loop) goja.Value { return e.value(l) }

func (e *VerifyError) value(l *runtime.Loop) goja.Value {
	o := l.ErrorWithCode(e.code, e.msg)
	if e.altname {
		o.Set("reason", strings.TrimPrefix(e.msg, "Hostname/IP does not match certificate's altnames: "))
		o.Set("host", e.host)
	}
	return o
}

// connInfo is what a finished handshake tells JS.
type connInfo struct {
	cs         tls.ConnectionState
	authorized bool
	authErr    *VerifyError
	server     bool
}

func (ci *connInfo) value(l *runtime.Loop, detailed bool) goja.Value {
	vm := l.VM
	o := vm.NewObject()
	o.Set("protocol", protocolName(ci.cs.Version))
	o.Set("cipher", tls.CipherSuiteName(ci.cs.CipherSuite))
	if ci.cs.NegotiatedProtocol != "" {
		o.Set("alpnProtocol", ci.cs.NegotiatedProtocol)
	} else {
		o.Set("alpnProtocol", false)
	}
	o.Set("servername", ci.cs.ServerName)
	o.Set("authorized", ci.authorized)
	if ci.authErr != nil {
		o.Set("authorizationError", ci.authErr.code)
	}
	o.Set("resumed", ci.cs.DidResume)
	if len(ci.cs.PeerCertificates) > 0 {
		o.Set("peerCertificate", certObject(l, ci.cs.PeerCertificates, detailed))
	}
	return o
}

func protocolName(v uint16) string {
	switch v {
	case tls.VersionTLS10:
		return "TLSv1"
	case tls.VersionTLS11:
		return "TLSv1.1"
	case tls.VersionTLS12:
		return "TLSv1.2"
	case tls.VersionTLS13:
		return "TLSv1.3"
	}
	return "unknown"
}

// certObject is getPeerCertificate()'s shape: subject, issuer, subjectaltname,
// valid_from/valid_to, fingerprints, serialNumber, raw; issuerCertificate
// chains when detailed.
func certObject(l *runtime.Loop, chain []*x509.Certificate, detailed bool) goja.Value {
	vm := l.VM
	c := chain[0]
	o := vm.NewObject()
	o.Set("subject", nameObject(vm, c.Subject))
	o.Set("issuer", nameObject(vm, c.Issuer))
	var alt []string
	for _, d := range c.DNSNames {
		alt = append(alt, "DNS:"+d)
	}
	for _, ip := range c.IPAddresses {
		alt = append(alt, "IP Address:"+ip.String())
	}
	if len(alt) > 0 {
		o.Set("subjectaltname", strings.Join(alt, ", "))
	}
	o.Set("ca", c.IsCA)
	o.Set("valid_from", c.NotBefore.UTC().Format("Jan _2 15:04:05 2006 GMT"))
	o.Set("valid_to", c.NotAfter.UTC().Format("Jan _2 15:04:05 2006 GMT"))
	o.Set("serialNumber", strings.ToUpper(c.SerialNumber.Text(16)))
	s1 := sha1.Sum(c.Raw)
	s256 := sha256.Sum256(c.Raw)
	o.Set("fingerprint", colonHex(s1[:]))
	o.Set("fingerprint256", colonHex(s256[:]))
	o.Set("raw", buffer.New(l, append([]byte(nil), c.Raw...)))
	if detailed && len(chain) > 1 {
		o.Set("issuerCertificate", certObject(l, chain[1:], true))
	}
	return o
}

func colonHex(b []byte) string {
	h := strings.ToUpper(hex.EncodeToString(b))
	var sb strings.Builder
	for i := 0; i < len(h); i += 2 {
		if i > 0 {
			sb.WriteByte(':')
		}
		sb.WriteString(h[i : i+2])
	}
	return sb.String()
}

func nameObject(vm *goja.Runtime, n pkix.Name) goja.Value {
	o := vm.NewObject()
	set := func(k string, vs []string) {
		if len(vs) == 1 {
			o.Set(k, vs[0])
		} else if len(vs) > 1 {
			o.Set(k, vs)
		}
	}
	set("C", n.Country)
	set("ST", n.Province)
	set("L", n.Locality)
	set("O", n.Organization)
	set("OU", n.OrganizationalUnit)
	if n.CommonName != "" {
		o.Set("CN", n.CommonName)
	}
	return o
}

// ---------------------------------------------------------------------------
// The binding: connect, listen, and the options object.

func binding(l *runtime.Loop) *goja.Object {
	k := kitFor(l)
	vm := l.VM
	b := vm.NewObject()
	// connect(host, port, options) -> handle (connecting). onconnect(err)
	// follows once the TCP connection and the handshake are done and the
	// peer is verified.
	b.Set("connect", func(call goja.FunctionCall) goja.Value {
		host := call.Argument(0).String()
		port := int(call.Argument(1).ToInteger())
		o, _ := call.Argument(2).(*goja.Object)
		opts := ParseOptions(l, o, false)
		s := k.newSocket()
		s.connecting = true
		done := l.Pending()
		go func() {
			tcp, tc, hc, ve, err := dialClient(context.Background(), host, port, opts)
			if err == nil && ve != nil && opts.RejectUnauthorized {
				// Rejected: close without the held Finished, as node's
				// client destroys its socket before sending it.
				hc.abort()
				tcp.Close()
				tcp, tc, err = nil, nil, ve
			}
			done(func() { s.connected(tcp, tc, hc, ve, host, port, err) })
		}()
		return s.obj
	})
	// listen(host, port, options, owner, onsecure, onclienterror) -> server
	// handle (address, close, ref, unref), or throws the listen error.
	b.Set("listen", func(call goja.FunctionCall) goja.Value {
		return k.listen(call)
	})
	return b
}

// Dial connects to host:port and does a client handshake with opts,
// verifying the server as node does when opts.RejectUnauthorized (the
// error is then a *VerifyError). It is for Go code that goes on at once
// (http's wss client); tls.connect uses dialClient, which lets JS see the
// connection before the client's Finished goes out.
func Dial(ctx context.Context, host string, port int, opts *Options) (*net.TCPConn, *tls.Conn, error) {
	// With rejectUnauthorized the checks run inside the handshake, so a
	// bad certificate aborts it (the server sees a failed handshake, as
	// with node) and the error is the *VerifyError.
	return dialHandshake(ctx, host, port, opts, opts.TransportConfig(host),
		func(tcp *net.TCPConn) net.Conn { return tcp })
}

// dialHandshake connects to host:port and runs a client handshake with cfg
// over the connection transport makes of the TCP one, within
// opts.HandshakeTimeout. A failed handshake closes the connection and is
// a *handshakeError.
func dialHandshake(ctx context.Context, host string, port int, opts *Options, cfg *tls.Config,
	transport func(*net.TCPConn) net.Conn) (*net.TCPConn, *tls.Conn, error) {
	d := net.Dialer{Timeout: 30 * time.Second}
	nc, err := d.DialContext(ctx, "tcp", net.JoinHostPort(host, strconv.Itoa(port)))
	if err != nil {
		return nil, nil, err
	}
	tcp := nc.(*net.TCPConn)
	tc := tls.Client(transport(tcp), cfg)
	hctx, cancel := context.WithTimeout(ctx, opts.HandshakeTimeout)
	defer cancel()
	if err := tc.HandshakeContext(hctx); err != nil {
		tcp.Close()
		return nil, nil, &handshakeError{err}
	}
	return tcp, tc, nil
}

type handshakeError struct{ err error }

func (e *handshakeError) Error() string { return e.err.Error() }
func (e *handshakeError) Unwrap() error { return e.err }

// connected runs on the loop when a dial finished: ve is what the
// verification found (the socket's authorizationError). The client's held
// last flight (hc, see holdConn) goes out once 'secureConnect' ran, unless
// the socket was destroyed by then.
func (s *socket) connected(tcp *net.TCPConn, tc *tls.Conn, hc *holdConn, ve *VerifyError, host string, port int, err error) {
	l := s.l
	if s.closed { // destroyed while connecting
		if tcp != nil {
			tcp.Close()
			hc.abort()
		}
		return
	}
	if err != nil {
		s.connecting = false
		var ev goja.Value
		var he *handshakeError
		var ve *VerifyError
		if errors.As(err, &ve) {
			ev = ve.value(l)
		} else if errors.As(err, &he) {
			ev = s.k.handshakeErrorValue(he.err)
		} else {
			ev = dialErrorValue(l, err, host, port)
		}
		if s.cb.OnConnect != nil {
			l.Call(s.cb.OnConnect, s.cb.Owner, ev)
		}
		s.finish(nil)
		return
	}
	s.info = &connInfo{cs: tc.ConnectionState(), authorized: ve == nil}
	if ve != nil {
		s.info.authErr = ve
	}
	s.hold = hc
	s.attach(tc, tcp)
	if s.cb.OnConnect != nil {
		// net.js emits 'connect' and 'ready'; tls.js's 'ready' listener
		// runs checkServerIdentity and emits 'secureConnect'.
		l.Call(s.cb.OnConnect, s.cb.Owner, goja.Null())
	}
	if !s.closed {
		// Node's client flushes its Finished when the callback that
		// finished the handshake returns to native code: after the
		// 'secureConnect' listeners and the ticks and promise jobs they
		// queued (a destroy() there still keeps it), before any later
		// macrotask (an immediate or timer that destroys finds it sent).
		// The loop's pending phase is that point. The write is done there,
		// on the loop, so no destroy can overtake it: the held flight is
		// a few hundred bytes (a few KB with a client certificate) into a
		// fresh connection's empty send buffer, which takes it at once.
		l.Defer(func() {
			if !s.closed {
				hc.release()
			}
		})
	}
}

// clientInfo is what a client knows after a handshake. With
// RejectUnauthorized the handshake itself verified the server.
func clientInfo(cs tls.ConnectionState, opts *Options, host string) *connInfo {
	info := &connInfo{cs: cs, authorized: true}
	if !opts.RejectUnauthorized {
		if ve := opts.Verify(cs, host); ve != nil {
			info.authorized, info.authErr = false, ve
		}
	}
	return info
}

// alertCodes maps the text of a TLS alert the peer sent (crypto/tls
// reports "remote error: tls: bad certificate") to OpenSSL's code as node
// shows it.
var alertCodes = map[string]string{
	"bad certificate":                "ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE",
	"unknown certificate authority":  "ERR_SSL_TLSV1_ALERT_UNKNOWN_CA",
	"unknown certificate":            "ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN",
	"expired certificate":            "ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED",
	"certificate required":           "ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED",
	"handshake failure":              "ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE",
	"protocol version not supported": "ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION",
	"internal error":                 "ERR_SSL_TLSV1_ALERT_INTERNAL_ERROR",
	"unrecognized name":              "ERR_SSL_TLSV1_UNRECOGNIZED_NAME",
	"error decrypting message":       "ERR_SSL_TLSV1_ALERT_DECRYPT_ERROR",
	"no application protocol":        "ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL",
}

func (k *kit) handshakeErrorValue(err error) goja.Value {
	l := k.l
	msg := err.Error()
	if i := strings.Index(msg, "remote error: tls: "); i >= 0 {
		name := msg[i+len("remote error: tls: "):]
		code := alertCodes[name]
		if code == "" {
			code = "ERR_SSL_TLSV1_ALERT"
		}
		return l.ErrorWithCode(code, "tls alert from the peer: "+name)
	}
	var re tls.RecordHeaderError
	if errors.As(err, &re) {
		return recordHeaderErrorValue(l, re)
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, os.ErrDeadlineExceeded) {
		return l.ErrorWithCode("ERR_TLS_HANDSHAKE_TIMEOUT", "TLS handshake timeout")
	}
	if strings.Contains(err.Error(), "EOF") || strings.Contains(err.Error(), "reset") {
		return l.ErrorWithCode("ECONNRESET", "Client network socket disconnected before secure TLS connection was established")
	}
	return l.ErrorWithCode("ERR_SSL_HANDSHAKE_FAILURE", "tls handshake failed: "+err.Error())
}

// recordHeaderErrorValue is node's error for a first record that is not
// TLS. Like OpenSSL's record layer, which node's errors come from, it
// tells a plain HTTP request (a browser or curl sent http:// to a TLS
// port) and a proxy's CONNECT from other bytes, and gives OpenSSL's
// library and reason with the code.
func recordHeaderErrorValue(l *runtime.Loop, re tls.RecordHeaderError) goja.Value {
	head := string(re.RecordHeader[:])
	code, reason := "ERR_SSL_WRONG_VERSION_NUMBER", "wrong version number"
	for _, method := range []string{"GET ", "POST ", "HEAD ", "PUT "} { // node v20's OpenSSL 3.0 knows these
		if strings.HasPrefix(head, method) {
			code, reason = "ERR_SSL_HTTP_REQUEST", "http request"
		}
	}
	if strings.HasPrefix(head, "CONNE") {
		code, reason = "ERR_SSL_HTTPS_PROXY_REQUEST", "https proxy request"
	}
	e := l.ErrorWithCode(code, "tls handshake failed: "+reason+" ("+re.Error()+")")
	e.Set("library", "SSL routines")
	e.Set("reason", reason)
	return e
}

// dialErrorValue is node's connect error: "connect ECONNREFUSED 127.0.0.1:9".
func dialErrorValue(l *runtime.Loop, err error, host string, port int) goja.Value {
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		e := l.ErrorWithCode("ENOTFOUND", "getaddrinfo ENOTFOUND "+dnsErr.Name)
		e.Set("errno", -3008)
		e.Set("syscall", "getaddrinfo")
		e.Set("hostname", dnsErr.Name)
		return e
	}
	addr := host
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Addr != nil {
		if ta, ok := oe.Addr.(*net.TCPAddr); ok {
			addr = ta.IP.String()
		}
	}
	e := l.SysError(err, "connect", "")
	code := e.Get("code").String()
	e.Set("message", "connect "+code+" "+addr+":"+strconv.Itoa(port)) // node: "::1:9", no brackets
	e.Set("address", addr)
	e.Set("port", port)
	return e
}

// TransportConfig is ClientConfig with node's checks inside the handshake
// when RejectUnauthorized: a failure aborts it with a bad_certificate
// alert, and the handshake's error is the *VerifyError.
func (o *Options) TransportConfig(host string) *tls.Config {
	cfg := o.ClientConfig(host)
	if o.RejectUnauthorized {
		cfg.VerifyConnection = func(cs tls.ConnectionState) error {
			if ve := o.Verify(cs, host); ve != nil {
				return ve
			}
			return nil
		}
	}
	return cfg
}

// Key identifies options that make the same client config, for sharing a
// transport between requests.
func (o *Options) Key() string {
	h := sha256.New()
	for _, c := range o.Certs {
		for _, der := range c.Certificate {
			h.Write(der)
		}
	}
	for _, c := range o.caPEM {
		h.Write([]byte("ca:"))
		h.Write(c)
	}
	fmt.Fprintf(h, "|%v|%s|%v|%d|%d", o.RejectUnauthorized, o.ServerName, o.ALPN, o.MinVersion, o.MaxVersion)
	return hex.EncodeToString(h.Sum(nil))
}
