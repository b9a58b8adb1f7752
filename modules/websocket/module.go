// Package websocket provides gonode's "websocket" module (server side, on
// its own port or attached to an http server's upgrade path) and the
// browser's global WebSocket class (client side), both on
// github.com/gorilla/websocket. See docs/modules/websocket.md.
package websocket

import (
	_ "embed"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/dop251/goja"

	"gonode/modules/buffer"
	"gonode/runtime"
)

//go:embed websocket.js
var source string

func init() {
	runtime.Register("websocket", func(l *runtime.Loop) (goja.Value, error) {
		return l.EvalModule("websocket", source, natives(l))
	})
}

// dataValue turns a received message into its JS value: a string for text,
// a Buffer for binary (node's ws gives Buffers; a Buffer is a Uint8Array,
// so browser-style code that wraps it in typed arrays works too).
func dataValue(l *runtime.Loop, data []byte, binary bool) goja.Value {
	if !binary {
		return l.VM.ToValue(string(data))
	}
	return buffer.New(l, data)
}

// payload reads what a script passed to send: a string is a text message,
// an ArrayBuffer, typed array or Buffer a binary one.
func payload(l *runtime.Loop, v goja.Value) ([]byte, bool) {
	if s, ok := v.Export().(string); ok {
		return []byte(s), false
	}
	if b, ok := buffer.Bytes(v); ok {
		return append([]byte(nil), b...), true
	}
	if o, ok := v.(*goja.Object); ok {
		// DataView and other views: copy through their buffer.
		if buf, ok := o.Get("buffer").Export().(goja.ArrayBuffer); ok {
			off := int(o.Get("byteOffset").ToInteger())
			n := int(o.Get("byteLength").ToInteger())
			b := buf.Bytes()
			if off >= 0 && n >= 0 && off+n <= len(b) {
				return append([]byte(nil), b[off:off+n]...), true
			}
		}
	}
	if goja.IsUndefined(v) || goja.IsNull(v) {
		return []byte(v.String()), false
	}
	return []byte(v.String()), false
}

func natives(l *runtime.Loop) *goja.Object {
	vm := l.VM
	b := vm.NewObject()
	servers := map[int64]*server{}
	var nextServer int64
	getServer := func(v goja.Value) *server {
		s := servers[v.ToInteger()]
		if s == nil {
			panic(l.NewError("websocket: server is closed"))
		}
		return s
	}
	ms := func(v goja.Value, def time.Duration) time.Duration {
		if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
			return def
		}
		return time.Duration(v.ToFloat() * float64(time.Millisecond))
	}
	intOpt := func(o *goja.Object, name string, def int) int {
		v := o.Get(name)
		if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
			return def
		}
		n := int(v.ToInteger())
		if n <= 0 {
			return def
		}
		return n
	}
	stringList := func(v goja.Value) []string {
		var out []string
		if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
			return nil
		}
		if arr, ok := v.Export().([]any); ok {
			for _, x := range arr {
				if s, ok := x.(string); ok {
					out = append(out, s)
				}
			}
			return out
		}
		return []string{v.String()}
	}

	// serverCreate(jsServer, opts) -> handle
	b.Set("serverCreate", func(call goja.FunctionCall) goja.Value {
		obj := call.Argument(0).ToObject(vm)
		o := call.Argument(1).ToObject(vm)
		s := newServer(l, obj)
		if p := o.Get("path"); p != nil && !goja.IsUndefined(p) && !goja.IsNull(p) {
			s.path = p.String()
		}
		s.origins = stringList(o.Get("origins"))
		s.protocols = stringList(o.Get("protocols"))
		s.maxPayload = intOpt(o, "maxPayload", s.maxPayload)
		s.cfg.maxQueued = intOpt(o, "maxQueued", s.cfg.maxQueued)
		s.pingInterval = ms(o.Get("pingInterval"), s.pingInterval)
		s.cfg.writeTimeout = ms(o.Get("writeTimeout"), s.cfg.writeTimeout)
		s.start()
		nextServer++
		servers[nextServer] = s
		return vm.ToValue(nextServer)
	})
	// serverListen(h, port, host, cb(err, port))
	b.Set("serverListen", func(call goja.FunctionCall) goja.Value {
		s := getServer(call.Argument(0))
		port := int(call.Argument(1).ToInteger())
		host := call.Argument(2).String()
		cb := call.Argument(3)
		done := l.Pending()
		go s.listen(host, port, func(addr *net.TCPAddr, err error) {
			done(func() {
				if err != nil {
					l.CallValue(cb, goja.Undefined(), l.SysError(err, "listen", ""))
					return
				}
				l.Ref() // the listener keeps the process alive until close
				l.CallValue(cb, goja.Undefined(), goja.Null(), vm.ToValue(addr.Port), vm.ToValue(addr.IP.String()))
			})
		})
		return goja.Undefined()
	})
	// serverAttach(h, httpServer): take upgrades on the http server.
	b.Set("serverAttach", func(call goja.FunctionCall) goja.Value {
		s := getServer(call.Argument(0))
		if err := attach(call.Argument(1).ToObject(vm), s.handle); err != nil {
			panic(l.NewError("websocket: " + err.Error()))
		}
		return goja.Undefined()
	})
	// serverClose(h, closeConnections, listening)
	b.Set("serverClose", func(call goja.FunctionCall) goja.Value {
		h := call.Argument(0).ToInteger()
		s := servers[h]
		if s == nil {
			return goja.Undefined()
		}
		delete(servers, h)
		s.close(call.Argument(1).ToBoolean())
		if call.Argument(2).ToBoolean() {
			l.Unref()
		}
		return goja.Undefined()
	})
	b.Set("broadcast", func(call goja.FunctionCall) goja.Value {
		s := getServer(call.Argument(0))
		data, bin := payload(l, call.Argument(1))
		var except uint64
		if e := call.Argument(2); !goja.IsUndefined(e) && !goja.IsNull(e) {
			except = uint64(e.ToInteger())
		}
		return vm.ToValue(s.broadcast(data, bin, except))
	})
	b.Set("connectionCount", func(call goja.FunctionCall) goja.Value {
		s := servers[call.Argument(0).ToInteger()]
		if s == nil {
			return vm.ToValue(0)
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		return vm.ToValue(len(s.conns))
	})
	// send(id, data) -> queued?
	b.Set("send", func(call goja.FunctionCall) goja.Value {
		w := lookup(uint64(call.Argument(0).ToInteger()))
		if w == nil {
			return vm.ToValue(false)
		}
		data, bin := payload(l, call.Argument(1))
		k := outText
		if bin {
			k = outBinary
		}
		return vm.ToValue(w.enqueue(outItem{kind: k, data: data}))
	})
	b.Set("ping", func(call goja.FunctionCall) goja.Value {
		w := lookup(uint64(call.Argument(0).ToInteger()))
		if w == nil {
			return vm.ToValue(false)
		}
		data, _ := payload(l, call.Argument(1))
		if len(data) > 125 {
			panic(l.TypeError("ERR_INVALID_ARG_VALUE", "The data size for ping frames must not exceed 125 bytes"))
		}
		return vm.ToValue(w.enqueue(outItem{kind: outPing, data: data}))
	})
	// close(id, code, reason): code 0 means none.
	b.Set("close", func(call goja.FunctionCall) goja.Value {
		w := lookup(uint64(call.Argument(0).ToInteger()))
		if w == nil {
			return vm.ToValue(false)
		}
		return vm.ToValue(w.close(int(call.Argument(1).ToInteger()), call.Argument(2).String()))
	})
	b.Set("terminate", func(call goja.FunctionCall) goja.Value {
		if w := lookup(uint64(call.Argument(0).ToInteger())); w != nil {
			go w.terminate(1006, "")
		}
		return goja.Undefined()
	})
	// info(id, what): the upgrade request's details, on demand.
	b.Set("info", func(call goja.FunctionCall) goja.Value {
		w := lookup(uint64(call.Argument(0).ToInteger()))
		if w == nil || w.sc == nil {
			return goja.Undefined()
		}
		c := w.sc
		switch call.Argument(1).String() {
		case "path":
			return vm.ToValue(c.path)
		case "protocol":
			return vm.ToValue(c.proto)
		case "ip":
			ip, _ := remoteAddr(c.nc)
			return vm.ToValue(ip)
		case "port":
			_, port := remoteAddr(c.nc)
			return vm.ToValue(port)
		case "headers":
			h := vm.NewObject()
			for _, line := range strings.Split(c.rawHeaders, "\n") {
				k, v, ok := strings.Cut(line, ": ")
				if !ok {
					continue
				}
				if old := h.Get(k); old != nil {
					v = old.String() + ", " + v
				}
				h.Set(k, v)
			}
			return h
		}
		return goja.Undefined()
	})
	b.Set("bufferedAmount", func(call goja.FunctionCall) goja.Value {
		if w := lookup(uint64(call.Argument(0).ToInteger())); w != nil {
			return vm.ToValue(w.buffered())
		}
		return vm.ToValue(0)
	})
	// dial(jsSocket, url, protocols, headers, maxPayload) -> cancel handle
	b.Set("dial", func(call goja.FunctionCall) goja.Value {
		obj := call.Argument(0).ToObject(vm)
		o := dialOpts{url: call.Argument(1).String(), protocols: stringList(call.Argument(2)), headers: http.Header{}}
		if h, ok := call.Argument(3).(*goja.Object); ok {
			for _, k := range h.Keys() {
				o.headers.Set(k, h.Get(k).String())
			}
		}
		o.maxPayload = 100 << 20
		if n := call.Argument(4).ToInteger(); n > 0 {
			o.maxPayload = int(n)
		}
		c := dial(l, obj, o)
		return vm.ToValue(func(goja.FunctionCall) goja.Value {
			c.cancel()
			return goja.Undefined()
		})
	})
	return b
}
