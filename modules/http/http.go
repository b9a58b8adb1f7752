// Package http provides gonode's "http" module: node v0.1.21's HTTP server
// and client (sendHeader/sendBody/finish, req.uri, "body"/"complete",
// createClient, http.cat) and today's names (writeHead/write/end, req.url,
// "data"/"end", http.request/get) on the same objects.
//
// The server is our own small HTTP/1.1 layer on raw TCP connections rather
// than net/http: one reader goroutine per connection parses requests off the
// loop and posts them (Post is batched); the loop runs JS; responses are
// written by the loop straight to the socket with a non-blocking write, and
// only what the kernel does not take goes to a per-connection writer
// goroutine with a bounded queue (a client too slow to keep up is cut off).
// That keeps the per-request cost to one hand-off and no reflection: see
// docs/modules/http.md for the measurements behind the choice.
//
// Requests and responses are goja dynamic objects backed by Go structs
// (incoming, response): their fixed fields (method, url, headers,
// statusCode...) are computed on demand instead of being copied into a JS
// object for every request, and their methods are shared Go natives on JS
// prototypes that inherit EventEmitter.
package http

import (
	_ "embed"
	nethttp "net/http"
	"strconv"
	"sync"
	"time"

	"github.com/dop251/goja"

	"gonode/runtime"
)

//go:embed http.js
var source string

func init() {
	runtime.Register("http", func(l *runtime.Loop) (goja.Value, error) {
		st := newState(l)
		return l.EvalModule("http", source, st.binding())
	})
}

// state is the module's per-loop data. Everything in it belongs to the loop
// goroutine.
type state struct {
	l  *runtime.Loop
	vm *goja.Runtime

	reqProto  *goja.Object // IncomingMessage.prototype
	resProto  *goja.Object // ServerResponse.prototype
	connProto *goja.Object // Connection.prototype
	parseURI  goja.Callable
	emitProto goja.Value // EventEmitter.prototype.emit

	// Stream mode (see incoming.adopt): Readable.prototype.push, the JS
	// helper that dumps an unread request body when its response
	// finishes, and Readable.prototype.destroy.
	pushFn, dumpFn, destroyFn goja.Callable
	onceFn                    goja.Callable // EventEmitter.prototype.once

	// Responses that ended in this macrotask wait for one tick to emit
	// "finish", then for another to emit "close", as node's do.
	finishing, closing []*response
	finishTick         goja.Callable
	closeTick          goja.Callable
	endTick            goja.Callable // deliverEnd for the request in its argument

	flushFn   goja.Callable // native run as a nextTick to flush dirty connections
	dirty     []*conn
	scheduled bool

	// Prepared values used on every request.
	vRequest, vGET, vPOST, vHTTP11, vHTTP10 goja.Value
	vTrue, vFalse                           goja.Value
	methods                                 map[string]goja.Value

	date     []byte // "Date: ...\r\n", refreshed once a second
	dateSecs int64

	client *clientState

	lastResObj *goja.Object // the last response looked up, and its Go side
	lastRes    *response
	lower      map[string]string // lower-cased header names, cached
}

func newState(l *runtime.Loop) *state {
	st := &state{l: l, vm: l.VM}
	vm := l.VM
	st.vRequest = vm.ToValue("request")
	st.vHTTP11 = vm.ToValue("1.1")
	st.vHTTP10 = vm.ToValue("1.0")
	st.vTrue = vm.ToValue(true)
	st.vFalse = vm.ToValue(false)
	st.methods = map[string]goja.Value{}
	for _, m := range []string{"GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"} {
		st.methods[m] = vm.ToValue(m)
	}
	st.flushFn, _ = goja.AssertFunction(vm.ToValue(func(goja.FunctionCall) goja.Value {
		st.flushAll()
		return goja.Undefined()
	}))
	st.finishTick, _ = goja.AssertFunction(vm.ToValue(func(goja.FunctionCall) goja.Value {
		st.emitFinishes()
		return goja.Undefined()
	}))
	st.endTick, _ = goja.AssertFunction(vm.ToValue(func(call goja.FunctionCall) goja.Value {
		if o, ok := call.Argument(0).(*goja.Object); ok {
			if m, ok := o.Export().(*incoming); ok {
				m.deliverEnd()
			}
		}
		return goja.Undefined()
	}))
	st.closeTick, _ = goja.AssertFunction(vm.ToValue(func(goja.FunctionCall) goja.Value {
		st.emitCloses()
		return goja.Undefined()
	}))
	return st
}

// methodValue returns a JS string for a request method, shared for the
// common ones.
func (st *state) methodValue(m string) goja.Value {
	if v, ok := st.methods[m]; ok {
		return v
	}
	return st.vm.ToValue(m)
}

// dateLine returns the "Date: ...\r\n" header line for now.
func (st *state) dateLine() []byte {
	now := time.Now()
	if s := now.Unix(); s != st.dateSecs || st.date == nil {
		st.dateSecs = s
		st.date = append(st.date[:0], "Date: "...)
		st.date = now.UTC().AppendFormat(st.date, nethttp.TimeFormat)
		st.date = append(st.date, "\r\n"...)
	}
	return st.date
}

// markDirty schedules c's pending output to be written at the end of the
// current macrotask, so a sendHeader+sendBody+finish (or writeHead+end) in
// one callback costs one write(2).
func (st *state) markDirty(c *conn) {
	if c.dirty {
		return
	}
	c.dirty = true
	st.dirty = append(st.dirty, c)
	if !st.scheduled {
		st.scheduled = true
		st.l.NextTick(st.flushFn, nil)
	}
}

func (st *state) flushAll() {
	st.scheduled = false
	for i := 0; i < len(st.dirty); i++ {
		c := st.dirty[i]
		st.dirty[i] = nil
		c.dirty = false
		c.flush()
	}
	st.dirty = st.dirty[:0]
}

// throwf throws a JS Error with a node-style code.
func (st *state) throw(code, msg string) {
	panic(st.l.ErrorWithCode(code, msg))
}

// this returns the receiver of a native call as an object.
func thisObj(call goja.FunctionCall) *goja.Object {
	o, _ := call.This.(*goja.Object)
	return o
}

// listeners returns the _events entry for event on o without running JS:
// the listener itself when it is the only one, else an array; nil when
// there is none.
func listeners(o *goja.Object, event string) *goja.Object {
	if o == nil {
		return nil
	}
	ev, ok := o.Get("_events").(*goja.Object)
	if !ok {
		return nil
	}
	list, ok := ev.Get(event).(*goja.Object)
	if !ok {
		return nil
	}
	return list
}

func hasListeners(o *goja.Object, event string) bool {
	list := listeners(o, event)
	if list == nil {
		return false
	}
	if _, isFn := goja.AssertFunction(list); isFn {
		return true
	}
	return list.Get("length").ToInteger() > 0
}

// listens is hasListeners for a request or client response: a message
// nobody called on() on has no _events of its own, which a map lookup
// tells without walking the prototype chain (Readable, Stream,
// EventEmitter).
func (m *incoming) listens(event string) bool {
	if _, ok := m.extra["_events"]; !ok {
		return false
	}
	return hasListeners(m.obj, event)
}

// listens is incoming.listens for a response.
func (r *response) listens(event string) bool {
	if _, ok := r.extra["_events"]; !ok {
		return false
	}
	return hasListeners(r.obj, event)
}

// statusText is the reason phrase node uses for code.
func statusText(code int) string {
	switch code {
	case 418:
		return "I'm a Teapot"
	case 425:
		return "Too Early"
	case 509:
		return "Bandwidth Limit Exceeded"
	}
	if s := nethttp.StatusText(code); s != "" {
		return s
	}
	return "unknown"
}

func (st *state) statusCodes() goja.Value {
	o := st.vm.NewObject()
	for code := 100; code < 600; code++ {
		s := statusText(code)
		if s != "unknown" {
			o.Set(strconv.Itoa(code), s)
		}
	}
	return o
}

// servers maps JS server objects to their Go side, for other modules
// (AddUpgradeHook, Addr). Written on the loop, read from anywhere.
var servers sync.Map // *goja.Object -> *Server

func (st *state) server(v goja.Value) *Server {
	o, ok := v.(*goja.Object)
	if ok {
		if s, ok := servers.Load(o); ok {
			return s.(*Server)
		}
	}
	panic(st.l.TypeError("ERR_INVALID_ARG_TYPE", "not an http.Server"))
}

func (st *state) binding() *goja.Object {
	vm := st.vm
	b := vm.NewObject()
	set := func(name string, fn func(goja.FunctionCall) goja.Value) { b.Set(name, fn) }

	set("setup", func(call goja.FunctionCall) goja.Value {
		o := call.Argument(0).(*goja.Object)
		st.reqProto = o.Get("IncomingMessage").(*goja.Object).Get("prototype").(*goja.Object)
		st.resProto = o.Get("ServerResponse").(*goja.Object).Get("prototype").(*goja.Object)
		st.connProto = o.Get("Connection").(*goja.Object).Get("prototype").(*goja.Object)
		st.parseURI, _ = goja.AssertFunction(o.Get("parseURI"))
		eeProto := st.l.MustRequire("events").Get("prototype").(*goja.Object)
		st.emitProto = eeProto.Get("emit")
		st.onceFn, _ = goja.AssertFunction(eeProto.Get("once"))
		st.pushFn, _ = goja.AssertFunction(o.Get("push"))
		st.dumpFn, _ = goja.AssertFunction(o.Get("dump"))
		st.destroyFn, _ = goja.AssertFunction(o.Get("destroy"))
		outProto := o.Get("OutgoingMessage").(*goja.Object).Get("prototype").(*goja.Object)
		st.installResponseMethods(st.resProto, outProto)
		st.installConnMethods(st.connProto)
		return goja.Undefined()
	})
	set("statusCodes", func(goja.FunctionCall) goja.Value { return st.statusCodes() })

	// Server.
	set("initServer", func(call goja.FunctionCall) goja.Value {
		o := thisObjArg(call)
		s := newServer(st, o)
		servers.Store(o, s)
		return goja.Undefined()
	})
	set("wantConnections", func(call goja.FunctionCall) goja.Value {
		st.server(call.Argument(0)).wantConn.Store(true)
		return goja.Undefined()
	})
	set("listen", func(call goja.FunctionCall) goja.Value {
		s := st.server(call.Argument(0))
		if err := s.listen(int(call.Argument(1).ToInteger()), call.Argument(2).String()); err != nil {
			return err
		}
		return goja.Undefined()
	})
	set("closeServer", func(call goja.FunctionCall) goja.Value {
		st.server(call.Argument(0)).close()
		return goja.Undefined()
	})
	set("closeConnections", func(call goja.FunctionCall) goja.Value {
		st.server(call.Argument(0)).closeConns(call.Argument(1).ToBoolean())
		return goja.Undefined()
	})
	set("refServer", func(call goja.FunctionCall) goja.Value {
		st.server(call.Argument(0)).setRef(call.Argument(1).ToBoolean())
		return goja.Undefined()
	})
	set("address", func(call goja.FunctionCall) goja.Value {
		s := st.server(call.Argument(0))
		a := s.Addr()
		if a == nil {
			return goja.Null()
		}
		return st.addrObject(a.String())
	})
	set("getOption", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(st.server(call.Argument(0)).option(call.Argument(1).String()))
	})
	set("setOption", func(call goja.FunctionCall) goja.Value {
		st.server(call.Argument(0)).setOption(call.Argument(1).String(), call.Argument(2).ToInteger())
		return goja.Undefined()
	})

	// IncomingMessage (server requests and client responses).
	set("setEncoding", func(call goja.FunctionCall) goja.Value {
		m := st.incoming(call.Argument(0))
		m.setEncoding(call.Argument(1).String(), call.Argument(2).ToBoolean())
		return goja.Undefined()
	})
	set("pause", func(call goja.FunctionCall) goja.Value {
		st.incoming(call.Argument(0)).setPaused(call.Argument(1).ToBoolean())
		return goja.Undefined()
	})
	set("isPaused", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(st.incoming(call.Argument(0)).paused)
	})
	set("destroy", func(call goja.FunctionCall) goja.Value {
		st.incoming(call.Argument(0)).destroy()
		return goja.Undefined()
	})
	set("adopt", func(call goja.FunctionCall) goja.Value {
		rs, ok := call.Argument(1).(*goja.Object)
		if !ok {
			panic(st.l.TypeError("ERR_INVALID_ARG_TYPE", "_readableState must be an object"))
		}
		return st.incoming(call.Argument(0)).adopt(rs)
	})
	set("streaming", func(call goja.FunctionCall) goja.Value {
		if st.incoming(call.Argument(0)).rs != nil {
			return st.vTrue
		}
		return st.vFalse
	})
	set("readStart", func(call goja.FunctionCall) goja.Value {
		st.incoming(call.Argument(0)).transportPause(false)
		return goja.Undefined()
	})
	set("destroyed", func(call goja.FunctionCall) goja.Value {
		// A client response's stream is being destroyed (autoDestroy
		// right after "end", or destroy()): its request closes first,
		// as in node.
		if m := st.incoming(call.Argument(0)); m.cr != nil {
			m.cr.emitClose()
		}
		return goja.Undefined()
	})
	set("setAborted", func(call goja.FunctionCall) goja.Value {
		st.incoming(call.Argument(0)).aborted = true
		return goja.Undefined()
	})

	st.clientBinding(b)
	return b
}

func thisObjArg(call goja.FunctionCall) *goja.Object {
	o, _ := call.Argument(0).(*goja.Object)
	return o
}
