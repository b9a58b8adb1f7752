package websocket

import (
	"errors"
	"net"
	goruntime "runtime"
	"sync"
	"time"

	"github.com/gorilla/websocket"
	"golang.org/x/sys/unix"
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
	// ws is gorilla's connection on the client side; nil on the server
	// side, where frames are written directly to nc (see write).
	ws  *websocket.Conn
	nc  net.Conn
	sc  *sconn  // the server-side connection this is the write half of, or nil
	cfg *config // limits shared by every connection of a server (or client)
	end ender   // reports the close

	mu        sync.Mutex
	queue     []outItem
	queued    int // bytes in queue (plus a per-item overhead)
	writing   bool
	closeSent bool // a close frame is queued or written
	peerClose bool // the peer's close frame arrived
	done      bool // terminated: TCP closed, onEnd called

	// peerCode/peerReason are what the peer's close frame said.
	peerCode   int
	peerReason string
}

// config holds the limits of a server's connections (one per server, so
// idle connections do not each carry a copy).
type config struct {
	maxQueued    int
	writeTimeout time.Duration
}

// ender is the owner of a wconn: it learns, exactly once, that the
// connection ended. beforeClose runs just before the socket is closed (the
// server drops it from epoll there); ended runs after, on whatever
// goroutine terminated the connection, and posts the close event.
type ender interface {
	beforeClose()
	ended(code int, reason string)
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
	ok, start := w.add(it)
	if start {
		w.startFlush()
	}
	return ok
}

// add queues it and reports whether it was queued and whether the caller
// must start a writer (nobody is flushing the queue).
func (w *wconn) add(it outItem) (ok, start bool) {
	size := len(it.data) + it.size + itemOverhead
	w.mu.Lock()
	if w.done || (w.closeSent && it.kind != outPong) {
		w.mu.Unlock()
		return false, false
	}
	if it.kind != outClose && w.queued > 0 && w.queued+size > w.cfg.maxQueued {
		w.mu.Unlock()
		w.terminate(1013, "slow consumer: outgoing queue full")
		return false, false
	}
	if it.kind == outClose {
		w.closeSent = true
	}
	w.queue = append(w.queue, it)
	w.queued += size
	start = !w.writing
	w.writing = true
	w.mu.Unlock()
	return true, start
}

// startFlush hands the connection to a writer. Server sockets go to the
// fast flushers, which write without ever blocking; everything else, and
// any overflow, to an elastic pool worker that may block (with a deadline).
func (w *wconn) startFlush() {
	if w.sc != nil && w.sc.epoll {
		startFlushers()
		select {
		case flushCh <- []*wconn{w}:
			return
		default:
		}
	}
	workers.submit(w.flush)
}

// startFlushAll is startFlush for many server connections at once (a
// broadcast): they go to the flushers in chunks, so handing 15,000 sockets
// over costs a few dozen channel operations, not one wake-up each.
func startFlushAll(ws []*wconn) {
	const chunk = 256
	startFlushers()
	for len(ws) > 0 {
		n := min(chunk, len(ws))
		part := ws[:n:n]
		ws = ws[n:]
		select {
		case flushCh <- part:
		default:
			for _, w := range part {
				workers.submit(w.flush)
			}
		}
	}
}

// flushCh feeds a few long-lived flusher goroutines (see flushFast). A
// broadcast to thousands of connections is then written by those few
// goroutines, not by a goroutine per recipient.
var (
	flushCh      = make(chan []*wconn, 4096)
	flushersOnce sync.Once
)

func startFlushers() {
	flushersOnce.Do(func() {
		n := goruntime.GOMAXPROCS(0)
		if n < 2 {
			n = 2
		}
		for i := 0; i < n; i++ {
			go func() {
				for ws := range flushCh {
					for _, w := range ws {
						w.flushFast()
					}
				}
			}()
		}
	})
}

// flushFast writes the queue with non-blocking writes. When the socket
// cannot take everything (the peer's window is full), the unwritten bytes
// go back to the head of the queue and a pool worker takes over with
// blocking writes, so a slow peer never holds a flusher.
func (w *wconn) flushFast() {
	for {
		w.mu.Lock()
		q := w.queue
		if len(q) == 0 || w.done {
			w.queue = nil
			w.queued = 0
			w.writing = false
			w.mu.Unlock()
			return
		}
		for i := range q {
			if q[i].kind == outClose {
				// Closing handshakes take the general path.
				w.mu.Unlock()
				workers.submit(w.flush)
				return
			}
		}
		w.queue = nil
		w.queued = 0
		w.mu.Unlock()

		batch := batchPool.Get().(*[]byte)
		buf := (*batch)[:0]
		for i := range q {
			buf = appendFrame(buf, &q[i])
		}
		n, err := w.writeNB(buf)
		if err != nil && !errors.Is(err, unix.EAGAIN) {
			putBatch(batch)
			w.terminate(1006, "")
			return
		}
		if n < len(buf) {
			rest := append([]byte(nil), buf[n:]...)
			*batch = buf[:0]
			putBatch(batch)
			w.mu.Lock()
			w.queue = append([]outItem{{kind: outPrepared, data: rest}}, w.queue...)
			w.queued += len(rest) + itemOverhead
			w.mu.Unlock()
			workers.submit(w.flush)
			return
		}
		if cap(buf) <= 4*batchSize {
			*batch = buf[:0]
			putBatch(batch)
		}
	}
}

// writeNB writes b to the socket without waiting: it returns how much the
// kernel took (EAGAIN when nothing).
func (w *wconn) writeNB(b []byte) (int, error) {
	total := 0
	var werr error
	err := w.sc.rc.Write(func(fd uintptr) bool {
		for total < len(b) {
			n, err := unix.Write(int(fd), b[total:])
			if err == unix.EINTR {
				continue
			}
			if err != nil {
				werr = err
				return true
			}
			total += n
		}
		return true
	})
	if err != nil {
		return total, err
	}
	return total, werr
}

// flush writes queued items until the queue is empty. On the server side
// consecutive frames are coalesced into one write (up to batchSize).
func (w *wconn) flush() {
	for {
		w.mu.Lock()
		q := w.queue
		w.queue = nil
		w.queued = 0
		if len(q) == 0 || w.done {
			if w.ws == nil {
				// The deadline set for these blocking writes must not
				// outlive them: once it passes, the descriptor's
				// poller reports every later write (the flushers'
				// raw ones too) as timed out, and the connection
				// would die on its next message.
				w.nc.SetWriteDeadline(time.Time{})
			}
			w.writing = false
			w.mu.Unlock()
			return
		}
		w.mu.Unlock()
		var batch *[]byte
		if w.ws == nil {
			batch = batchPool.Get().(*[]byte)
			*batch = (*batch)[:0]
		}
		for i := range q {
			it := &q[i]
			var err error
			if batch != nil && it.kind != outClose {
				if len(*batch)+len(it.data)+14 > batchSize && len(*batch) > 0 {
					err = w.writeRaw(*batch)
					*batch = (*batch)[:0]
				}
				if err == nil {
					if len(it.data) > batchSize {
						err = w.write(it)
					} else {
						*batch = appendFrame(*batch, it)
					}
				}
			} else {
				if batch != nil && len(*batch) > 0 {
					err = w.writeRaw(*batch)
					*batch = (*batch)[:0]
				}
				if err == nil {
					err = w.write(it)
				}
			}
			if err != nil {
				putBatch(batch)
				w.terminate(1006, "")
				return
			}
			if it.kind == outClose {
				putBatch(batch)
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
		if batch != nil && len(*batch) > 0 {
			if err := w.writeRaw(*batch); err != nil {
				putBatch(batch)
				w.terminate(1006, "")
				return
			}
		}
		putBatch(batch)
	}
}

const batchSize = 32 * 1024

var batchPool = sync.Pool{New: func() any { b := make([]byte, 0, batchSize+64); return &b }}

func putBatch(b *[]byte) {
	if b != nil {
		batchPool.Put(b)
	}
}

func (w *wconn) writeRaw(b []byte) error {
	w.nc.SetWriteDeadline(time.Now().Add(w.cfg.writeTimeout))
	_, err := w.nc.Write(b)
	return err
}

// opcodes of the frames we write (FIN set).
var finOp = [...]byte{outText: 0x81, outBinary: 0x82, outPing: 0x89, outPong: 0x8a, outClose: 0x88}

// appendFrame appends the server frame (unmasked, RFC 6455 §5.2) for it.
func appendFrame(b []byte, it *outItem) []byte {
	if it.kind == outPrepared {
		return append(b, it.data...) // already framed
	}
	payload := it.data
	if it.kind == outClose {
		payload = closePayload(it)
	}
	return append(frameHeader(b, finOp[it.kind], len(payload)), payload...)
}

func frameHeader(b []byte, b0 byte, n int) []byte {
	switch {
	case n < 126:
		return append(b, b0, byte(n))
	case n < 65536:
		return append(b, b0, 126, byte(n>>8), byte(n))
	default:
		return append(b, b0, 127, byte(n>>56), byte(n>>48), byte(n>>40), byte(n>>32), byte(n>>24), byte(n>>16), byte(n>>8), byte(n))
	}
}

// frame builds one complete server frame, for broadcasts: framed once,
// written to every recipient as is.
func frame(binary bool, payload []byte) []byte {
	op := finOp[outText]
	if binary {
		op = finOp[outBinary]
	}
	return append(frameHeader(make([]byte, 0, len(payload)+10), op, len(payload)), payload...)
}

func closePayload(it *outItem) []byte {
	if it.code == 0 || it.code == 1005 {
		return nil
	}
	return websocket.FormatCloseMessage(it.code, string(it.data))
}

func (w *wconn) write(it *outItem) error {
	deadline := time.Now().Add(w.cfg.writeTimeout)
	if w.ws == nil {
		// Server side: gorilla did the handshake; frames are ours. A big
		// payload goes out with writev, header and payload as they are.
		w.nc.SetWriteDeadline(deadline)
		if it.kind == outPrepared {
			_, err := w.nc.Write(it.data)
			return err
		}
		payload := it.data
		if it.kind == outClose {
			payload = closePayload(it)
		}
		var hdr [10]byte
		bufs := net.Buffers{frameHeader(hdr[:0], finOp[it.kind], len(payload)), payload}
		_, err := bufs.WriteTo(w.nc)
		return err
	}
	switch it.kind {
	case outText, outBinary:
		w.ws.SetWriteDeadline(deadline)
		t := websocket.TextMessage
		if it.kind == outBinary {
			t = websocket.BinaryMessage
		}
		return w.ws.WriteMessage(t, it.data)
	case outPing:
		return w.ws.WriteControl(websocket.PingMessage, it.data, deadline)
	case outPong:
		return w.ws.WriteControl(websocket.PongMessage, it.data, deadline)
	case outClose:
		return w.ws.WriteControl(websocket.CloseMessage, closePayload(it), deadline)
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
	w.end.beforeClose()
	w.nc.Close()
	w.end.ended(code, reason)
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
