package http

import (
	"bufio"
	"context"
	"crypto/tls"
	"io"
	"net"
	nethttp "net/http"
	"strconv"
	"strings"
	"time"

	"github.com/dop251/goja"

	netmod "gonode/modules/net"
	tlsmod "gonode/modules/tls"
)

// A client request with an Upgrade header (a WebSocket handshake) does
// not go through the Transport: the connection must outlive the exchange
// and become a socket. It dials its own connection (TLS for https),
// writes the request, reads the response head, and on 101 hands the
// connection to a genuine net.Socket (or tls.TLSSocket) for the
// ClientRequest's "upgrade" listeners (res, socket, head), head being
// what the server sent after its response head. Any other status is an
// ordinary "response" whose body is read from that connection, which
// closes after it.

func (cr *clientReq) isUpgrade() bool {
	for _, h := range cr.hdrs {
		if strings.EqualFold(h[0], "upgrade") {
			return true
		}
	}
	return false
}

func (cr *clientReq) launchUpgrade(ctx context.Context, req *nethttp.Request) {
	l := cr.st.l
	host, port, opts := cr.host, cr.port, cr.tls
	if req.Header.Get("Connection") == "" {
		req.Header.Set("Connection", "Upgrade")
	}
	req.Body = nil
	req.ContentLength = 0
	if len(cr.body) > 0 {
		body := cr.body
		req.Body = io.NopCloser(strings.NewReader(string(body)))
		req.ContentLength = int64(len(body))
	}
	done := l.Pending()
	go func() {
		var tcp *net.TCPConn
		var tc *tls.Conn
		var rw net.Conn
		if opts != nil {
			var err error
			tcp, tc, err = tlsmod.Dial(ctx, host, port, opts)
			if err != nil {
				done(func() { cr.fail(err) })
				return
			}
			rw = tc
		} else {
			d := net.Dialer{Timeout: 30 * time.Second}
			nc, err := d.DialContext(ctx, "tcp", net.JoinHostPort(host, strconv.Itoa(port)))
			if err != nil {
				done(func() { cr.fail(err) })
				return
			}
			tcp = nc.(*net.TCPConn)
			rw = tcp
		}
		// An abort closes the connection under the exchange.
		stop := context.AfterFunc(ctx, func() { tcp.Close() })
		bw := bufio.NewWriter(rw)
		err := req.Write(bw)
		if err == nil {
			err = bw.Flush()
		}
		var resp *nethttp.Response
		var br *bufio.Reader
		if err == nil {
			br = bufio.NewReader(rw)
			resp, err = nethttp.ReadResponse(br, req)
		}
		if !stop() || err != nil {
			tcp.Close()
			if err == nil {
				err = context.Canceled
			}
			done(func() { cr.fail(err) })
			return
		}
		if resp.StatusCode == nethttp.StatusSwitchingProtocols {
			head, _ := br.Peek(br.Buffered())
			head = append([]byte(nil), head...)
			done(func() { cr.gotUpgrade(resp, tcp, tc, head) })
			return
		}
		resp.Body = &connBody{ReadCloser: resp.Body, c: tcp}
		done(func() { cr.gotResponse(resp) })
	}()
}

// connBody is a response body on a connection of its own: closing the
// body closes the connection.
type connBody struct {
	io.ReadCloser
	c net.Conn
}

func (b *connBody) Close() error {
	b.ReadCloser.Close()
	return b.c.Close()
}

// gotUpgrade runs on the loop with a 101 response.
func (cr *clientReq) gotUpgrade(resp *nethttp.Response, tcp *net.TCPConn, tc *tls.Conn, head []byte) {
	st := cr.st
	l := st.l
	delete(st.clients().reqs, cr.obj)
	if cr.stop {
		tcp.Close()
		return
	}
	m := cr.newResponse(resp)
	m.endSeen = true
	var sock *goja.Object
	var err error
	if tc != nil {
		sock, err = tlsmod.NewClientSocket(l, tc, tcp, cr.tls, cr.host)
	} else {
		sock, err = netmod.NewSocket(l, tcp)
	}
	if err != nil {
		cr.fail(err)
		return
	}
	if !hasListeners(cr.obj, "upgrade") {
		// node: nobody took the socket, so it is destroyed.
		if d, ok := goja.AssertFunction(sock.Get("destroy")); ok {
			d(sock)
		}
		return
	}
	l.Emit(cr.obj, "upgrade", m.obj, sock, st.bufferValue(head))
}
