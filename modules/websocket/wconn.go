package websocket

import (
	"net"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// wconn is the write half and the lifecycle of one WebSocket connection,
// shared by the server side (sconn) and the client side (cconn).
//
// Writes never block the loop: send, broadcast and close append to a
// bounded queue and, when nobody is flushing it, hand the connection to a
// pool worker that writes until the queue is empty and then lets go. An idle
// connection has no writer goroutine. A peer that does not drain its socket
// makes the queue grow; past maxQueued bytes the connection is dropped (close
// code 1013, "slow consumer"), so one slow client cannot grow memory without
// bound or delay anyone else.
type wconn struct {
	ws *websocket.Conn
	nc net.Conn

	mu        sync.Mutex
	queue     []outItem
	queued    int // bytes in queue (plus a per-item overhead)
	writing   bool
	closeSent bool // a close frame is queued or written
	peerClose bool // the peer's close frame arrived
	done      bool // terminated: TCP closed, onEnd called

	maxQueued    int
	writeTimeout time.Duration

	// peerCode/peerReason are what the peer's close frame said.
	peerCode   int
	peerReason string

	// onEnd runs exactly once, on whatever goroutine terminates the
	// connection, after the socket is closed. It posts the close event.
	onEnd func(code int, reason string)
	// beforeClose runs just before the socket closes (the server removes
	// the connection from epoll there).
	beforeClose func()
}

type outKind uint8

const (
	outText outKind = iota
	outBinary
	outPrepared
	outPing
	outPong
	outClose
)

type outItem struct {
	kind outKind
	data []byte
	pm   *websocket.PreparedMessage
	code int
	size int // payload bytes, for the queue bound
	// final: after writing this close frame, close the socket at once and
	// report code/data as the close (a protocol error we detected), instead
	// of waiting for the peer to answer.
	final bool
}

const itemOverhead = 64

// closeWait is how long a closing handshake we started waits for the peer's
// close frame before the socket is closed anyway.
var closeWait = 2 * time.Second

// enqueue adds an item to the outgoing queue; it reports false when the
// connection is closed or closing. Overflow drops the connection.
func (w *wconn) enqueue(it outItem) bool {
	size := len(it.data) + it.size + itemOverhead
	w.mu.Lock()
	if w.done || (w.closeSent && it.kind != outPong) {
		w.mu.Unlock()
		return false
	}
	if it.kind != outClose && w.queued > 0 && w.queued+size > w.maxQueued {
		w.mu.Unlock()
		w.terminate(1013, "slow consumer: outgoing queue full")
		return false
	}
	if it.kind == outClose {
		w.closeSent = true
	}
	w.queue = append(w.queue, it)
	w.queued += size
	start := !w.writing
	w.writing = true
	w.mu.Unlock()
	if start {
		workers.submit(w.flush)
	}
	return true
}

// flush writes queued items until the queue is empty.
func (w *wconn) flush() {
	for {
		w.mu.Lock()
		q := w.queue
		w.queue = nil
		w.queued = 0
		if len(q) == 0 || w.done {
			w.writing = false
			w.mu.Unlock()
			return
		}
		w.mu.Unlock()
		for i := range q {
			it := &q[i]
			if err := w.write(it); err != nil {
				w.terminate(1006, "")
				return
			}
			if it.kind == outClose {
				w.mu.Lock()
				peer := w.peerClose
				code, reason := w.peerCode, w.peerReason
				w.mu.Unlock()
				switch {
				case it.final:
					w.terminate(it.code, string(it.data))
				case peer:
					// We were answering the peer's close: done.
					w.terminate(code, reason)
				default:
					time.AfterFunc(closeWait, func() { w.terminate(1006, "") })
				}
				return
			}
			q[i] = outItem{}
		}
	}
}

func (w *wconn) write(it *outItem) error {
	deadline := time.Now().Add(w.writeTimeout)
	switch it.kind {
	case outText, outBinary:
		w.ws.SetWriteDeadline(deadline)
		t := websocket.TextMessage
		if it.kind == outBinary {
			t = websocket.BinaryMessage
		}
		return w.ws.WriteMessage(t, it.data)
	case outPrepared:
		w.ws.SetWriteDeadline(deadline)
		return w.ws.WritePreparedMessage(it.pm)
	case outPing:
		return w.ws.WriteControl(websocket.PingMessage, it.data, deadline)
	case outPong:
		return w.ws.WriteControl(websocket.PongMessage, it.data, deadline)
	case outClose:
		var payload []byte
		if it.code != 0 && it.code != 1005 {
			payload = websocket.FormatCloseMessage(it.code, string(it.data))
		}
		return w.ws.WriteControl(websocket.CloseMessage, payload, deadline)
	}
	return nil
}

// close starts a closing handshake (code 0: no status code).
func (w *wconn) close(code int, reason string) bool {
	return w.enqueue(outItem{kind: outClose, code: code, data: []byte(reason)})
}

// fail sends a close frame with code and drops the connection right after,
// reporting code and reason: the answer to a peer that broke the protocol.
func (w *wconn) fail(code int, reason string) {
	if !w.enqueue(outItem{kind: outClose, code: code, data: []byte(reason), final: true}) {
		w.terminate(code, reason)
	}
}

// gotPeerClose records the peer's close frame and answers it (or, when we
// started the handshake, finishes it).
func (w *wconn) gotPeerClose(code int, reason string) {
	w.mu.Lock()
	w.peerClose = true
	w.peerCode, w.peerReason = code, reason
	sent := w.closeSent
	w.mu.Unlock()
	if sent {
		w.terminate(code, reason)
		return
	}
	echo := code
	if code == 1005 {
		echo = 0
	}
	// Echo code and reason, as ws does, so both ends report the same.
	if !w.enqueue(outItem{kind: outClose, code: echo, data: []byte(reason)}) {
		w.terminate(code, reason)
	}
}

// terminate closes the socket (once) and reports the close.
func (w *wconn) terminate(code int, reason string) {
	w.mu.Lock()
	if w.done {
		w.mu.Unlock()
		return
	}
	w.done = true
	w.queue = nil
	w.queued = 0
	w.mu.Unlock()
	if w.beforeClose != nil {
		w.beforeClose()
	}
	w.nc.Close()
	if w.onEnd != nil {
		w.onEnd(code, reason)
	}
}

func (w *wconn) isDone() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.done
}

// buffered reports the payload bytes waiting in the outgoing queue.
func (w *wconn) buffered() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := 0
	for _, it := range w.queue {
		n += len(it.data) + it.size
	}
	return n
}
