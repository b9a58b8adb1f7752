package tls

import (
	"context"
	"net"
	"sync"

	"crypto/tls"
)

// holdConn is the transport under a tls.connect client's *tls.Conn. It
// withholds the client's last handshake flight (TLS 1.3: its Certificate
// and Finished) until JS has seen the connection, as node's client does.
//
// Why: node's TLS 1.3 client finishes its handshake as soon as it has read
// the server's flight, and runs the verification, checkServerIdentity and
// the 'secureConnect' listeners before its own Finished goes out. A client
// that gives up there (rejectUnauthorized, a checkServerIdentity error, a
// destroy() in the callback) closes the connection without ever sending
// it, so the server never completes its handshake: node's server reports
// 'tlsClientError' (ECONNRESET "socket hang up"), never
// 'secureConnection'. Go's client sends its Finished inside Handshake,
// before gonode could run any JS; without the hold, a gonode server (or
// node's) saw 'secureConnection' and then the client vanish.
//
// States: passing (writes go straight out), capturing (the handshake's
// own writes after the server's flight was verified are kept), gated
// (the handshake is over: the kept bytes wait, and writes from the
// socket's goroutines wait behind them), released, aborted.
type holdConn struct {
	*net.TCPConn
	mu    sync.Mutex
	cond  sync.Cond
	state int
	held  []byte
}

const (
	holdPassing = iota
	holdCapturing
	holdGated
	holdAborted
)

func newHoldConn(tcp *net.TCPConn) *holdConn {
	h := &holdConn{TCPConn: tcp}
	h.cond.L = &h.mu
	return h
}

func (h *holdConn) Write(b []byte) (int, error) {
	h.mu.Lock()
	for {
		switch h.state {
		case holdPassing:
			h.mu.Unlock()
			return h.TCPConn.Write(b)
		case holdCapturing:
			h.held = append(h.held, b...)
			h.mu.Unlock()
			return len(b), nil
		case holdAborted:
			h.mu.Unlock()
			return 0, net.ErrClosed
		}
		h.cond.Wait() // gated
	}
}

// capture starts keeping writes (the handshake goroutine, from
// VerifyConnection: what follows is the client's last flight).
func (h *holdConn) capture() {
	h.mu.Lock()
	if h.state == holdPassing {
		h.state = holdCapturing
	}
	h.mu.Unlock()
}

// gate ends the capture once Handshake returned: later writes wait.
func (h *holdConn) gate() {
	h.mu.Lock()
	if h.state == holdCapturing {
		h.state = holdGated
	}
	h.mu.Unlock()
}

// release sends what was kept, then lets the waiting writes through, in
// their order (see connected for where it runs).
func (h *holdConn) release() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.state != holdGated && h.state != holdCapturing {
		return
	}
	held := h.held
	h.held = nil
	if len(held) > 0 {
		if _, err := h.TCPConn.Write(held); err != nil {
			h.state = holdAborted
			h.cond.Broadcast()
			return
		}
	}
	h.state = holdPassing
	h.cond.Broadcast()
}

// released reports whether the hold is over: the kept bytes went out and
// writes pass straight through.
func (h *holdConn) released() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.state == holdPassing
}

// abort drops what was kept and fails the waiting writes (the socket is
// being destroyed: the peer never gets the client's Finished).
func (h *holdConn) abort() {
	h.mu.Lock()
	h.state = holdAborted
	h.held = nil
	h.cond.Broadcast()
	h.mu.Unlock()
}

// dialClient is tls.connect's dial: TCP, then a client handshake that
// always completes (a failed verification is returned as ve, for the loop
// to act on, as node's client checks after its handshake). With TLS 1.3
// the client's last flight is held in hc until the loop releases it.
func dialClient(ctx context.Context, host string, port int, opts *Options) (tcp *net.TCPConn, tc *tls.Conn, hc *holdConn, ve *VerifyError, err error) {
	cfg := opts.ClientConfig(host)
	cfg.VerifyConnection = func(cs tls.ConnectionState) error {
		// TLS 1.2 cannot wait: its client Finished goes before the
		// server's, and node's is on the wire before any JS runs too.
		if cs.Version == tls.VersionTLS13 {
			hc.capture()
		}
		return nil
	}
	tcp, tc, err = dialHandshake(ctx, host, port, opts, cfg, func(tcp *net.TCPConn) net.Conn {
		hc = newHoldConn(tcp)
		return hc
	})
	if err != nil {
		return nil, nil, nil, nil, err
	}
	hc.gate()
	if v := opts.Verify(tc.ConnectionState(), host); v != nil {
		ve = v
	}
	return tcp, tc, hc, ve, nil
}
