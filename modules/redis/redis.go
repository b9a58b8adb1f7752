// Package redis provides the "redis" module: a Redis client in the
// vocabulary of node_redis (redis.createClient, commands as methods with an
// err-first callback that also return a promise, publish/subscribe with
// "message"/"pmessage" events, "ready"/"error"/"reconnecting"/"end"),
// built on github.com/redis/go-redis/v9.
//
// The JS half (redis.js) is the API; this Go half is the connection. Each
// client has one worker goroutine that owns the command connection and runs
// whatever is queued as one pipeline (so commands keep their order and a
// busy client needs few round trips), and, once the script subscribes, one
// goroutine reading the subscriber connection. Both hand results to the loop
// with Post; neither touches a JS value.
package redis

import (
	"context"
	_ "embed"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/dop251/goja"
	goredis "github.com/redis/go-redis/v9"

	"gonode/runtime"
)

//go:embed redis.js
var source string

// quietLogger drops go-redis's own log lines ("failed to dial after 1
// attempts"): while Redis is down they would repeat at every attempt, and the
// client already reports an outage once, as an "error" event.
type quietLogger struct{}

func (quietLogger) Printf(context.Context, string, ...any) {}

func init() {
	goredis.SetLogger(quietLogger{})
	runtime.Register("redis", func(l *runtime.Loop) (goja.Value, error) {
		binding := l.VM.NewObject()
		binding.Set("connect", func(call goja.FunctionCall) goja.Value {
			return connect(l, call)
		})
		return l.EvalModule("redis", source, binding)
	})
}

// connect(client, options, makeError) starts the Go half of a client and
// returns its handle. options are already normalised by redis.js: url, or
// host/port/path, plus password, username, db, connectTimeout, maxDelay.
func connect(l *runtime.Loop, call goja.FunctionCall) goja.Value {
	vm := l.VM
	jsClient, ok := call.Argument(0).(*goja.Object)
	if !ok {
		panic(l.TypeError("ERR_INVALID_ARG_TYPE", "connect needs the client object"))
	}
	o, _ := call.Argument(1).(*goja.Object)
	if o == nil {
		o = vm.NewObject()
	}
	makeError, ok := goja.AssertFunction(call.Argument(2))
	if !ok {
		panic(l.TypeError("ERR_INVALID_ARG_TYPE", "connect needs makeError"))
	}
	str := func(k string) string {
		v := o.Get(k)
		if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
			return ""
		}
		return v.String()
	}
	num := func(k string, def int64) int64 {
		v := o.Get(k)
		if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
			return def
		}
		return v.ToInteger()
	}

	connectTimeout := time.Duration(num("connectTimeout", 5000)) * time.Millisecond
	if connectTimeout <= 0 {
		connectTimeout = 5 * time.Second
	}
	maxDelay := time.Duration(num("maxDelay", 2000)) * time.Millisecond
	if maxDelay <= 0 {
		maxDelay = 2 * time.Second
	}

	var opt *goredis.Options
	var addr string
	if u := str("url"); u != "" {
		var err error
		opt, err = parseURL(u)
		if err != nil {
			e := l.TypeError("ERR_INVALID_URL", err.Error())
			e.Set("input", u)
			panic(e)
		}
		addr = opt.Addr
	} else {
		opt = &goredis.Options{}
		if p := str("path"); p != "" {
			opt.Network = "unix"
			opt.Addr = p
		} else {
			host := str("host")
			if host == "" {
				host = "127.0.0.1"
			}
			port := num("port", 6379)
			if port <= 0 || port > 65535 {
				panic(l.TypeError("ERR_SOCKET_BAD_PORT", fmt.Sprintf("Redis port should be >= 0 and < 65536. Received %d.", port)))
			}
			opt.Addr = net.JoinHostPort(host, strconv.FormatInt(port, 10))
		}
		addr = opt.Addr
	}
	if p := str("password"); p != "" {
		opt.Password = p
	}
	if u := str("username"); u != "" {
		opt.Username = u
	}
	if db := num("db", -1); db >= 0 {
		opt.DB = int(db)
	}
	options(opt, connectTimeout)

	c := newConn(opt, addr, connectTimeout, maxDelay)
	h := &handle{l: l, c: c, js: jsClient, makeError: makeError, refd: true}
	c.emit = func(ev event) { l.Post(func() { h.deliver(ev) }) }
	c.reply = func(r *request, v any, err error) { r.done(v, err) }
	l.Ref()
	go c.run()
	return h.object()
}

// parseURL accepts what node_redis accepts: redis://[[user]:pass@]host[:port][/db],
// rediss:// for TLS and unix:///path. The error says what was wrong.
func parseURL(s string) (*goredis.Options, error) {
	u, err := url.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("Invalid Redis URL %q: %v", s, err)
	}
	switch u.Scheme {
	case "redis", "rediss", "unix":
	default:
		return nil, fmt.Errorf("Invalid Redis URL %q: the protocol must be redis:, rediss: or unix:, not %q", s, u.Scheme+":")
	}
	if u.Scheme != "unix" && u.Host == "" {
		return nil, fmt.Errorf("Invalid Redis URL %q: no host", s)
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return nil, fmt.Errorf("Invalid Redis URL %q: port %s is not between 1 and 65535", s, p)
		}
	}
	opt, err := goredis.ParseURL(s)
	if err != nil {
		msg := strings.TrimPrefix(err.Error(), "redis: ")
		return nil, fmt.Errorf("Invalid Redis URL %q: %s", s, msg)
	}
	return opt, nil
}

// handle is what the JS client holds; its methods run on the loop.
type handle struct {
	l         *runtime.Loop
	c         *conn
	js        *goja.Object
	makeError goja.Callable
	refd      bool
	ended     bool
}

func (h *handle) object() *goja.Object {
	l := h.l
	obj := l.VM.NewObject()
	// command(name, args, cb): queue one command; cb(err, reply) runs on
	// the loop. Every command keeps the loop alive until it is answered.
	obj.Set("command", func(call goja.FunctionCall) goja.Value {
		name := call.Argument(0).String()
		args := []any{name}
		if arr, ok := call.Argument(1).(*goja.Object); ok {
			n := int(arr.Get("length").ToInteger())
			for i := 0; i < n; i++ {
				a, err := h.arg(arr.Get(strconv.Itoa(i)))
				if err != nil {
					panic(l.TypeError("ERR_INVALID_ARG_TYPE", fmt.Sprintf("%s: argument %d %s", strings.ToUpper(name), i+1, err)))
				}
				args = append(args, a)
			}
		}
		cb := call.Argument(2)
		h.c.enqueue(h.request(name, args, false, cb))
		return goja.Undefined()
	})
	// commands(list, cb): queue [name, args] pairs together, so that
	// MULTI ... EXEC reach the connection as one unbroken run; cb(i, err,
	// reply) is called for each, in order.
	obj.Set("commands", func(call goja.FunctionCall) goja.Value {
		list, _ := call.Argument(0).(*goja.Object)
		if list == nil {
			panic(l.TypeError("ERR_INVALID_ARG_TYPE", "commands needs an array"))
		}
		cb := call.Argument(1)
		n := int(list.Get("length").ToInteger())
		reqs := make([]*request, 0, n)
		for i := 0; i < n; i++ {
			item, _ := list.Get(strconv.Itoa(i)).(*goja.Object)
			if item == nil {
				panic(l.TypeError("ERR_INVALID_ARG_TYPE", "commands needs [name, args] pairs"))
			}
			name := item.Get("0").String()
			args := []any{name}
			if arr, ok := item.Get("1").(*goja.Object); ok {
				m := int(arr.Get("length").ToInteger())
				for j := 0; j < m; j++ {
					a, err := h.arg(arr.Get(strconv.Itoa(j)))
					if err != nil {
						panic(l.TypeError("ERR_INVALID_ARG_TYPE", fmt.Sprintf("%s: argument %d %s", strings.ToUpper(name), j+1, err)))
					}
					args = append(args, a)
				}
			}
			idx := l.VM.ToValue(i)
			reqs = append(reqs, h.requestFn(name, args, false, func(err, reply goja.Value) {
				l.CallValue(cb, goja.Undefined(), idx, err, reply)
			}))
		}
		h.c.enqueueAll(reqs)
		return goja.Undefined()
	})
	// subscribe(kind, names, cb): SUBSCRIBE, PSUBSCRIBE, UNSUBSCRIBE or
	// PUNSUBSCRIBE. cb(err) says whether the command was written; the
	// confirmations come back as "\0sub" deliveries.
	obj.Set("subscribe", func(call goja.FunctionCall) goja.Value {
		kind := call.Argument(0).String()
		var names []string
		if arr, ok := call.Argument(1).(*goja.Object); ok {
			n := int(arr.Get("length").ToInteger())
			for i := 0; i < n; i++ {
				names = append(names, arr.Get(strconv.Itoa(i)).String())
			}
		}
		cb := call.Argument(2)
		done := l.Pending()
		go func() {
			err := h.c.subscribe(kind, names)
			done(func() {
				if err != nil {
					l.CallValue(cb, goja.Undefined(), h.toJSError(err))
				} else {
					l.CallValue(cb, goja.Undefined(), goja.Null())
				}
			})
		}()
		return goja.Undefined()
	})
	// quit(cb): QUIT after everything queued, then close.
	obj.Set("quit", func(call goja.FunctionCall) goja.Value {
		cb := call.Argument(0)
		st, _ := h.c.getState()
		if st == stClosed {
			l.CallValue(cb, goja.Undefined(), goja.Null(), l.VM.ToValue("OK"))
			return goja.Undefined()
		}
		if st == stDown {
			// Nothing to say goodbye to: close now.
			h.c.shutdown()
			done := l.Pending()
			go func() { done(func() { h.end(); l.CallValue(cb, goja.Undefined(), goja.Null(), l.VM.ToValue("OK")) }) }()
			return goja.Undefined()
		}
		h.c.enqueue(h.request("quit", nil, true, cb))
		return goja.Undefined()
	})
	// disconnect(): close now; queued commands fail.
	obj.Set("disconnect", func(call goja.FunctionCall) goja.Value {
		h.c.shutdown()
		done := l.Pending()
		go func() { <-h.c.exited; done(func() { h.end() }) }()
		return goja.Undefined()
	})
	obj.Set("ref", func(call goja.FunctionCall) goja.Value {
		if !h.refd && !h.ended {
			h.refd = true
			l.Ref()
		}
		return goja.Undefined()
	})
	obj.Set("unref", func(call goja.FunctionCall) goja.Value {
		if h.refd {
			h.refd = false
			l.Unref()
		}
		return goja.Undefined()
	})
	obj.Set("state", func(call goja.FunctionCall) goja.Value {
		st, _ := h.c.getState()
		return l.VM.ToValue([]string{"connecting", "ready", "reconnecting", "closed"}[st])
	})
	obj.Set("address", h.c.addr)
	return obj
}

// request builds a queued command whose answer reaches cb on the loop.
func (h *handle) request(name string, args []any, quit bool, cb goja.Value) *request {
	return h.requestFn(name, args, quit, func(err, reply goja.Value) {
		h.l.CallValue(cb, goja.Undefined(), err, reply)
	})
}

// requestFn is request with a Go function receiving (err, reply).
func (h *handle) requestFn(name string, args []any, quit bool, cb func(err, reply goja.Value)) *request {
	done := h.l.Pending()
	r := &request{name: name, args: args, quit: quit}
	r.done = func(v any, err error) {
		done(func() {
			if quit {
				h.end()
			}
			if err != nil {
				cb(h.toJSError(err), goja.Undefined())
				return
			}
			cb(goja.Null(), h.toJS(v))
		})
	}
	return r
}

// end runs once on the loop when the client is finished: "end", and the
// process no longer waits for it.
func (h *handle) end() {
	if h.ended {
		return
	}
	h.ended = true
	if h.refd {
		h.refd = false
		h.l.Unref()
	}
	h.l.CallValue(h.js.Get("_event"), h.js, h.l.VM.ToValue("end"))
}

// arg turns one (already flattened) JS argument into what goes on the wire.
func (h *handle) arg(v goja.Value) (any, error) {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil, fmt.Errorf("is %v; Redis arguments must be strings, numbers or Buffers", v)
	}
	switch x := v.Export().(type) {
	case string:
		return x, nil
	case []byte:
		return append([]byte(nil), x...), nil
	case goja.ArrayBuffer:
		return append([]byte(nil), x.Bytes()...), nil
	}
	return v.String(), nil
}

// deliver turns an event from the Go side into a JS emit (or, for
// subscription confirmations, a call of the client's _onSubscription).
func (h *handle) deliver(ev event) {
	if h.ended && ev.name != "end" {
		return
	}
	args := make([]goja.Value, len(ev.args))
	for i, a := range ev.args {
		args[i] = h.toJS(a)
	}
	switch ev.name {
	case "\x00sub":
		h.l.CallValue(h.js.Get("_onSubscription"), h.js, args...)
	case "message", "pmessage":
		h.l.Emit(h.js, ev.name, args...)
	default:
		// State events go through _event, which keeps connected/ready
		// up to date before listeners run.
		h.l.CallValue(h.js.Get("_event"), h.js, append([]goja.Value{h.l.VM.ToValue(ev.name)}, args...)...)
	}
}

// toJS converts a reply (or event argument) to a JS value.
func (h *handle) toJS(v any) goja.Value {
	vm := h.l.VM
	switch x := v.(type) {
	case nil:
		return goja.Null()
	case string:
		return vm.ToValue(x)
	case int64:
		return vm.ToValue(x)
	case int:
		return vm.ToValue(x)
	case float64:
		return vm.ToValue(x)
	case bool:
		return vm.ToValue(x)
	case []any:
		vals := make([]any, len(x))
		for i, e := range x {
			vals[i] = h.toJS(e)
		}
		return vm.NewArray(vals...)
	case []string:
		vals := make([]any, len(x))
		for i, e := range x {
			vals[i] = e
		}
		return vm.NewArray(vals...)
	case map[string]any:
		o := vm.NewObject()
		for k, e := range x {
			o.Set(k, h.toJS(e))
		}
		return o
	case map[any]any:
		o := vm.NewObject()
		for k, e := range x {
			o.Set(fmt.Sprint(k), h.toJS(e))
		}
		return o
	case error:
		return h.toJSError(x)
	}
	return vm.ToValue(fmt.Sprint(v))
}

// toJSError makes the JS error for err through redis.js's makeError, so
// reply errors are ReplyErrors with code ("WRONGTYPE") and command.
func (h *handle) toJSError(err error) goja.Value {
	vm := h.l.VM
	name, code, command := "Error", "", ""
	var args goja.Value = goja.Undefined()
	switch e := err.(type) {
	case replyError:
		name = "ReplyError"
		if f := strings.Fields(e.msg); len(f) > 0 {
			code = f[0]
		}
		command = strings.ToUpper(e.command)
		if len(e.args) > 1 {
			a := make([]any, 0, len(e.args)-1)
			for _, x := range e.args[1:] {
				if b, ok := x.([]byte); ok {
					a = append(a, string(b))
				} else {
					a = append(a, x)
				}
			}
			args = vm.ToValue(a)
		}
	case *clientError:
		code = e.code
		if code == "NR_CLOSED" || code == "NR_OFFLINE" {
			name = "AbortError"
		}
	default:
		if isReplyError(err) {
			name = "ReplyError"
			if f := strings.Fields(err.Error()); len(f) > 0 {
				code = f[0]
			}
		}
	}
	v, callErr := h.makeError(goja.Undefined(), vm.ToValue(name), vm.ToValue(err.Error()), vm.ToValue(code), vm.ToValue(command), args)
	if callErr != nil {
		return h.l.NewError(err.Error())
	}
	return v
}
