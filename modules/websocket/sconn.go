package websocket

import (
	"encoding/binary"
	"errors"
	"net"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"
)

// sconn is one server-side connection.
//
// The handshake (server.upgrade), reading (here) and writing (wconn) are
// ours; gorilla/websocket only recognises the upgrade request. gorilla's
// reader is a blocking stream reader (NextReader waits for the next data
// frame and answers control frames on the way), which needs a goroutine
// parked on every idle socket. Instead the poller reports a
// readable socket and onReadable reads what the kernel has without
// blocking, feeding a small RFC 6455 frame parser (parse) that keeps a
// partial frame in inbuf until the rest arrives. So a peer that sends half a
// frame and stops holds no goroutine and no worker; an idle connection has
// no buffer at all.
type sconn struct {
	wconn
	srv *server
	id  uint64
	fd  int
	rc  syscall.RawConn
	// epoll is false when the socket is not a plain TCP socket (a
	// wrapper from another module); then a goroutine reads it and the
	// pool writes it. When true, rc gives the raw descriptor (the fast
	// flushers write through it); the poller reads it, or, should the
	// epoll registration fail, a goroutine does.
	epoll bool

	lastSeen atomic.Int64 // unix nanoseconds of the last bytes read
	pingSent atomic.Int64 // unix nanoseconds of the last ping the pinger queued

	path       string // request URI of the upgrade
	rawHeaders string // see packHeaders
	proto      string // the subprotocol chosen

	// Reader state, touched only by the one worker reading the socket.
	// EPOLLONESHOT already serializes the workers; rmu tells the race
	// detector, which cannot see the ordering epoll provides.
	rmu    sync.Mutex
	inbuf  []byte
	msg    []byte
	msgOp  byte
	inMsg  bool
	msgLen int

	// Loop-goroutine state.
	obj    *goja.Object
	closed bool
}

type inMsg struct {
	data   []byte
	binary bool
}

type protoErr struct {
	code   int
	reason string
}

// readChunk is the scratch read size; scratch buffers are pooled, so only
// sockets being read at this moment hold one.
const readChunk = 16 * 1024

var scratchPool = sync.Pool{New: func() any { b := make([]byte, readChunk); return &b }}

// onReadable runs on a pool worker when the poller saw the socket readable.
func (c *sconn) onReadable() {
	if c.isDone() {
		return
	}
	c.rmu.Lock()
	defer c.rmu.Unlock()
	bufp := scratchPool.Get().(*[]byte)
	buf := *bufp
	var msgs []inMsg
	eof := false
	var perr *protoErr
	var peer *protoErr
	for round := 0; round < 8; round++ {
		var n int
		var rerr error
		if err := c.rc.Read(func(fd uintptr) bool {
			n, rerr = unix.Read(int(fd), buf)
			return true
		}); err != nil {
			rerr = err
		}
		if errors.Is(rerr, unix.EAGAIN) {
			break
		}
		if errors.Is(rerr, unix.EINTR) {
			continue
		}
		if rerr != nil || n <= 0 {
			eof = true
			break
		}
		msgs, perr, peer = c.consume(buf[:n], msgs)
		if perr != nil || peer != nil || n < len(buf) {
			break
		}
	}
	scratchPool.Put(bufp)
	c.finishRead(msgs, eof, perr, peer)
	if eof || perr != nil || peer != nil {
		return
	}
	if err := thePoll.rearm(c); err != nil {
		c.terminate(1006, "")
	}
}

// readLoop is the reader for sockets the poller cannot watch.
func (c *sconn) readLoop() {
	buf := make([]byte, 4096)
	for {
		n, err := c.nc.Read(buf)
		var msgs []inMsg
		var perr, peer *protoErr
		if n > 0 {
			msgs, perr, peer = c.consume(buf[:n], nil)
		}
		eof := err != nil && perr == nil && peer == nil
		c.finishRead(msgs, eof, perr, peer)
		if eof || perr != nil || peer != nil {
			return
		}
	}
}

func (c *sconn) finishRead(msgs []inMsg, eof bool, perr, peer *protoErr) {
	if len(msgs) > 0 {
		c.deliver(msgs)
	}
	switch {
	case perr != nil:
		c.fail(perr.code, perr.reason)
	case peer != nil:
		c.gotPeerClose(peer.code, peer.reason)
	case eof:
		c.terminate(1006, "")
	}
}

// consume adds freshly read bytes to the parser and returns the messages
// they completed.
func (c *sconn) consume(b []byte, msgs []inMsg) ([]inMsg, *protoErr, *protoErr) {
	c.lastSeen.Store(time.Now().UnixNano())
	data := b
	if len(c.inbuf) > 0 {
		c.inbuf = append(c.inbuf, b...)
		data = c.inbuf
	}
	used, msgs, perr, peer := c.parse(data, msgs)
	rest := data[used:]
	switch {
	case len(rest) == 0:
		c.inbuf = nil
	case len(c.inbuf) > 0 && cap(c.inbuf) <= 4*len(rest)+4096:
		c.inbuf = c.inbuf[:copy(c.inbuf, rest)]
	default:
		c.inbuf = append([]byte(nil), rest...)
	}
	return msgs, perr, peer
}

// parse reads complete frames from data (RFC 6455 §5.2). It returns the
// bytes used, the data messages completed, a protocol error (to close the
// connection with) or the peer's close frame.
func (c *sconn) parse(data []byte, msgs []inMsg) (int, []inMsg, *protoErr, *protoErr) {
	used := 0
	for {
		b := data[used:]
		if len(b) < 2 {
			return used, msgs, nil, nil
		}
		fin := b[0]&0x80 != 0
		op := b[0] & 0x0f
		if b[0]&0x70 != 0 {
			return used, msgs, &protoErr{1002, "reserved bits set"}, nil
		}
		if b[1]&0x80 == 0 {
			return used, msgs, &protoErr{1002, "client frame not masked"}, nil
		}
		l7 := int(b[1] & 0x7f)
		hdr := 6
		switch l7 {
		case 126:
			hdr += 2
		case 127:
			hdr += 8
		}
		if len(b) < hdr {
			return used, msgs, nil, nil
		}
		plen := uint64(l7)
		switch l7 {
		case 126:
			plen = uint64(binary.BigEndian.Uint16(b[2:]))
		case 127:
			plen = binary.BigEndian.Uint64(b[2:])
		}
		if op >= 8 {
			if !fin || plen > 125 {
				return used, msgs, &protoErr{1002, "bad control frame"}, nil
			}
			if op > 10 {
				return used, msgs, &protoErr{1002, "unknown opcode"}, nil
			}
		} else {
			switch op {
			case 0:
				if !c.inMsg {
					return used, msgs, &protoErr{1002, "unexpected continuation frame"}, nil
				}
			case 1, 2:
				if c.inMsg {
					return used, msgs, &protoErr{1002, "expected continuation frame"}, nil
				}
			default:
				return used, msgs, &protoErr{1002, "unknown opcode"}, nil
			}
			if plen > uint64(c.srv.maxPayload) || uint64(c.msgLen)+plen > uint64(c.srv.maxPayload) {
				return used, msgs, &protoErr{1009, "message too big"}, nil
			}
		}
		total := hdr + int(plen)
		if len(b) < total {
			return used, msgs, nil, nil
		}
		payload := b[hdr:total]
		unmask(payload, b[hdr-4:hdr])
		used += total
		switch op {
		case 9: // ping: answer through the write queue
			c.enqueue(outItem{kind: outPong, data: append([]byte(nil), payload...)})
		case 10: // pong: lastSeen already says the peer is alive
		case 8:
			code, reason := 1005, ""
			if len(payload) == 1 {
				return used, msgs, &protoErr{1002, "bad close frame"}, nil
			}
			if len(payload) >= 2 {
				code = int(binary.BigEndian.Uint16(payload))
				if !validCloseCode(code) {
					return used, msgs, &protoErr{1002, "bad close code"}, nil
				}
				if !utf8.Valid(payload[2:]) {
					return used, msgs, &protoErr{1007, "invalid UTF-8 in close reason"}, nil
				}
				reason = string(payload[2:])
			}
			return used, msgs, nil, &protoErr{code, reason}
		default:
			if op != 0 {
				c.msgOp = op
				c.inMsg = true
			}
			var m []byte
			if fin && len(c.msg) == 0 {
				m = append([]byte(nil), payload...)
			} else {
				c.msg = append(c.msg, payload...)
				if fin {
					m = c.msg
					c.msg = nil
				}
			}
			c.msgLen += int(plen)
			if fin {
				if c.msgOp == 1 && !utf8.Valid(m) {
					return used, msgs, &protoErr{1007, "invalid UTF-8 in text message"}, nil
				}
				msgs = append(msgs, inMsg{data: m, binary: c.msgOp == 2})
				c.inMsg = false
				c.msgLen = 0
			}
		}
	}
}

func unmask(p, key []byte) {
	if len(p) >= 8 {
		k32 := uint32(key[0]) | uint32(key[1])<<8 | uint32(key[2])<<16 | uint32(key[3])<<24
		k64 := uint64(k32) | uint64(k32)<<32
		i := 0
		for ; i+8 <= len(p); i += 8 {
			v := binary.LittleEndian.Uint64(p[i:])
			binary.LittleEndian.PutUint64(p[i:], v^k64)
		}
		for ; i < len(p); i++ {
			p[i] ^= key[i&3]
		}
		return
	}
	for i := range p {
		p[i] ^= key[i&3]
	}
}

// validCloseCode: RFC 6455 §7.4 codes a peer may send.
func validCloseCode(code int) bool {
	switch {
	case code >= 1000 && code <= 1003, code >= 1007 && code <= 1014:
		return true
	case code >= 3000 && code <= 4999:
		return true
	}
	return false
}

// deliver hands messages to the loop in one job.
func (c *sconn) deliver(msgs []inMsg) {
	l := c.srv.l
	l.Post(func() {
		fn := c.srv.obj.Get("_onmessage")
		for _, m := range msgs {
			if c.closed || c.obj == nil {
				return
			}
			l.CallValue(fn, c.srv.obj, c.obj, dataValue(l, m.data, m.binary), l.VM.ToValue(m.binary))
		}
	})
}

// remoteAddr is "ip" of the peer (node's socket.remoteAddress).
func remoteAddr(nc net.Conn) (string, int) {
	if a, ok := nc.RemoteAddr().(*net.TCPAddr); ok {
		return a.IP.String(), a.Port
	}
	return nc.RemoteAddr().String(), 0
}
