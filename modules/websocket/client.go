package websocket

import (
	"context"
	"errors"
	"net/http"
	"time"
	"unicode/utf8"

	"github.com/dop251/goja"
	"github.com/gorilla/websocket"

	"gonode/runtime"
)

// cconn is a client-side connection (the global WebSocket). Clients are
// few, so a goroutine reads each with gorilla's blocking reader; writes go
// through the same bounded queue as the server side.
type cconn struct {
	wconn
	l      *runtime.Loop
	id     uint64
	obj    *goja.Object // loop only
	closed bool         // loop only
	cancel context.CancelFunc
}

type dialOpts struct {
	url        string
	protocols  []string
	headers    http.Header
	maxPayload int
}

func dial(l *runtime.Loop, obj *goja.Object, o dialOpts) *cconn {
	c := &cconn{l: l, id: nextID.Add(1), obj: obj}
	c.cfg = &clientConfig
	c.end = c
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	c.cancel = cancel
	l.Ref()
	go func() {
		defer cancel()
		d := websocket.Dialer{
			HandshakeTimeout: 30 * time.Second,
			Subprotocols:     o.protocols,
			ReadBufferSize:   4096,
			WriteBufferPool:  writeBufferPool,
		}
		ws, resp, err := d.DialContext(ctx, o.url, o.headers)
		if err != nil {
			msg := err.Error()
			if resp != nil {
				msg = "Unexpected server response: " + itoa(resp.StatusCode)
			}
			l.Post(func() {
				defer l.Unref()
				c.closed = true
				l.CallValue(obj.Get("_onerror"), obj, l.VM.ToValue(msg))
				l.CallValue(obj.Get("_onclose"), obj, l.VM.ToValue(1006), l.VM.ToValue(""), l.VM.ToValue(false))
			})
			return
		}
		c.ws, c.nc = ws, ws.NetConn()
		ws.SetReadLimit(int64(o.maxPayload))
		ws.SetCloseHandler(func(code int, text string) error {
			c.gotPeerClose(code, text)
			return nil
		})
		register(c.id, &c.wconn)
		proto := ws.Subprotocol()
		l.Post(func() {
			if c.closed {
				return
			}
			l.CallValue(obj.Get("_onopen"), obj, l.VM.ToValue(c.id), l.VM.ToValue(proto))
		})
		c.readLoop()
	}()
	return c
}

var clientConfig = config{maxQueued: 16 << 20, writeTimeout: 30 * time.Second}

func (c *cconn) beforeClose() { unregister(c.id) }

func (c *cconn) ended(code int, reason string) {
	l, obj := c.l, c.obj
	l.Post(func() {
		defer l.Unref()
		if c.closed {
			return
		}
		c.closed = true
		l.CallValue(obj.Get("_onclose"), obj, l.VM.ToValue(code), l.VM.ToValue(reason), l.VM.ToValue(code != 1006))
	})
}

func (c *cconn) readLoop() {
	for {
		t, data, err := c.ws.ReadMessage()
		if err != nil {
			var ce *websocket.CloseError
			switch {
			case errors.As(err, &ce):
				// The close handler answered; flush finishes.
			case errors.Is(err, websocket.ErrReadLimit):
				c.terminate(1009, "message too big")
			default:
				c.terminate(1006, "")
			}
			return
		}
		bin := t == websocket.BinaryMessage
		if !bin && !utf8.Valid(data) {
			c.fail(1007, "invalid UTF-8 in text message")
			return
		}
		l := c.l
		l.Post(func() {
			if c.closed {
				return
			}
			l.CallValue(c.obj.Get("_onmessage"), c.obj, dataValue(l, data, bin), l.VM.ToValue(bin))
		})
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
