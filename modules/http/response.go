package http

import (
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// outHeader is a response header set with setHeader or writeHead.
type outHeader struct {
	name, lower string
	value       goja.Value
}

// response is a ServerResponse (2009 and today's names on one object), a
// goja dynamic object like incoming. Its bytes go to the connection when it
// is the oldest unfinished response there, else to buf until its turn.
type response struct {
	st  *state
	c   *conn
	req *incoming
	obj *goja.Object

	extra     map[string]goja.Value
	extraKeys []string

	status     int
	reason     string
	hdrs       []outHeader
	hdrBuf     [3]outHeader
	sendDate   bool
	headerSent bool // writeHead/sendHeader called or implied by a write
	finished   bool
	chunked    bool
	closeAfter bool
	noBody     bool
	isHead     bool // oldest response on its connection
	dead       bool // the connection is gone; writes are dropped
	buf        []byte

	// Writable-stream surface (node's OutgoingMessage).
	corked       int  // cork() depth; writes are batched per macrotask anyway
	needDrain    bool // a write returned false and "drain" has not come yet
	destroyed    bool
	closeEmitted bool
}

func newResponse(st *state, c *conn, req *incoming) *response {
	r := &response{st: st, c: c, req: req, status: 200, sendDate: true}
	r.obj = st.vm.NewDynamicObject(r)
	r.obj.SetPrototype(st.resProto)
	r.hdrs = r.hdrBuf[:0]
	st.lastResObj, st.lastRes = r.obj, r
	if req.method == "HEAD" {
		r.noBody = true
	}
	return r
}

var responseKeys = []string{"statusCode", "statusMessage", "headersSent", "finished", "writableEnded",
	"writableFinished", "sendDate", "req", "socket", "connection"}

func (r *response) Get(key string) goja.Value {
	if r.extra != nil {
		if v, ok := r.extra[key]; ok {
			return v
		}
	}
	st := r.st
	switch key {
	case "statusCode":
		return st.vm.ToValue(r.status)
	case "statusMessage":
		if r.reason == "" {
			return st.vm.ToValue(statusText(r.status))
		}
		return st.vm.ToValue(r.reason)
	case "headersSent":
		return st.vm.ToValue(r.headerSent)
	case "finished", "writableEnded":
		return st.vm.ToValue(r.finished)
	case "writableFinished":
		return st.vm.ToValue(r.finished && !r.dead)
	case "writable":
		return st.vTrue
	case "writableLength":
		return st.vm.ToValue(0)
	case "writableHighWaterMark":
		return st.vm.ToValue(16384)
	case "writableObjectMode":
		return st.vFalse
	case "writableCorked":
		return st.vm.ToValue(r.corked)
	case "writableNeedDrain":
		return st.vm.ToValue(r.needDrain && !r.finished)
	case "destroyed":
		return st.vm.ToValue(r.destroyed)
	case "closed":
		return st.vm.ToValue(r.closeEmitted)
	case "sendDate":
		return st.vm.ToValue(r.sendDate)
	case "req":
		if r.req != nil {
			return r.req.obj
		}
	case "socket", "connection":
		if r.c != nil {
			return r.c.jsObject()
		}
	}
	return nil
}

func (r *response) Set(key string, val goja.Value) bool {
	switch key {
	case "statusCode":
		r.status = int(val.ToInteger())
		return true
	case "statusMessage":
		r.reason = val.String()
		return true
	case "sendDate":
		r.sendDate = val.ToBoolean()
		return true
	}
	if r.extra == nil {
		r.extra = map[string]goja.Value{}
	}
	if _, ok := r.extra[key]; !ok {
		r.extraKeys = append(r.extraKeys, key)
	}
	r.extra[key] = val
	return true
}

func (r *response) Has(key string) bool {
	if _, ok := r.extra[key]; ok {
		return true
	}
	return r.Get(key) != nil
}

func (r *response) Delete(key string) bool {
	if _, ok := r.extra[key]; ok {
		delete(r.extra, key)
		for i, k := range r.extraKeys {
			if k == key {
				r.extraKeys = append(r.extraKeys[:i], r.extraKeys[i+1:]...)
				break
			}
		}
	}
	return true
}

func (r *response) Keys() []string {
	keys := append([]string(nil), responseKeys...)
	return append(keys, r.extraKeys...)
}

func (st *state) response(call goja.FunctionCall) *response {
	if o, ok := call.This.(*goja.Object); ok {
		// A handler calls several methods on one response in a row
		// (writeHead, end); Export allocates, a pointer compare does not.
		if o == st.lastResObj {
			return st.lastRes
		}
		if r, ok := o.Export().(*response); ok {
			st.lastResObj, st.lastRes = o, r
			return r
		}
	}
	panic(st.l.TypeError("ERR_INVALID_THIS", "Value of \"this\" must be of type ServerResponse"))
}

// target returns the buffer the response's bytes go to now.
func (r *response) target() *[]byte {
	if r.isHead {
		r.st.markDirty(r.c)
		return &r.c.out
	}
	return &r.buf
}

// rawOut queues bytes exactly as given (used for 100 Continue).
func (r *response) rawOut(b []byte) {
	if r.dead {
		return
	}
	if !r.isHead && len(r.c.queue) > 0 && r.c.queue[0] == r {
		r.isHead = true
	}
	t := r.target()
	*t = append(*t, b...)
}

func validHeaderName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !tokenChar[s[i]] {
			return false
		}
	}
	return true
}

func (st *state) checkHeader(name string, v goja.Value) {
	if !validHeaderName(name) {
		panic(st.l.TypeError("ERR_INVALID_HTTP_TOKEN", "Header name must be a valid HTTP token [\""+name+"\"]"))
	}
	if v == nil || goja.IsUndefined(v) {
		panic(st.l.TypeError("ERR_HTTP_INVALID_HEADER_VALUE", "Invalid value \"undefined\" for header \""+name+"\""))
	}
	if o, ok := v.(*goja.Object); ok && o.ClassName() == "Array" {
		n := int(o.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			st.checkHeader(name, o.Get(strconv.Itoa(i)))
		}
		return
	}
	if !validHeaderValue(v.String()) {
		panic(st.l.TypeError("ERR_INVALID_CHAR", "Invalid character in header content [\""+name+"\"]"))
	}
}

func validHeaderValue(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\r' || c == '\n' || c == 0 {
			return false
		}
	}
	return true
}

func (r *response) findHeader(lower string) int {
	for i := range r.hdrs {
		if r.hdrs[i].lower == lower {
			return i
		}
	}
	return -1
}

func (r *response) setHeader(name string, v goja.Value) {
	lower := r.st.lowerName(name)
	if i := r.findHeader(lower); i >= 0 {
		r.hdrs[i] = outHeader{name, lower, v}
		return
	}
	r.hdrs = append(r.hdrs, outHeader{name, lower, v})
}

// addHeaders merges writeHead/sendHeader's headers: an object, or an array
// of [name, value] pairs (the 2009 form), or a flat [name, value, ...].
func (r *response) addHeaders(v goja.Value) {
	st := r.st
	o, ok := v.(*goja.Object)
	if !ok {
		return
	}
	if o.ClassName() == "Array" {
		n := int(o.Get("length").ToInteger())
		if n == 0 {
			return
		}
		if _, pairs := o.Get("0").(*goja.Object); pairs {
			for i := 0; i < n; i++ {
				p, ok := o.Get(strconv.Itoa(i)).(*goja.Object)
				if !ok {
					continue
				}
				name := p.Get("0").String()
				val := p.Get("1")
				st.checkHeader(name, val)
				// Pairs keep repeats (two Set-Cookie lines).
				r.hdrs = append(r.hdrs, outHeader{name, r.st.lowerName(name), val})
			}
			return
		}
		for i := 0; i+1 < n; i += 2 {
			name := o.Get(strconv.Itoa(i)).String()
			val := o.Get(strconv.Itoa(i + 1))
			st.checkHeader(name, val)
			r.hdrs = append(r.hdrs, outHeader{name, r.st.lowerName(name), val})
		}
		return
	}
	for _, k := range o.GetOwnPropertyNames() {
		val := o.Get(k)
		st.checkHeader(k, val)
		r.setHeader(k, val)
	}
}

func (st *state) headersSentError(what string) {
	panic(st.l.ErrorWithCode("ERR_HTTP_HEADERS_SENT", "Cannot "+what+" headers after they are sent to the client"))
}

// commitHead decides the framing and appends the status line and headers.
// bodyLen is the whole body's length when end() brings it all at once,
// else -1.
func (r *response) commitHead(bodyLen int) {
	st := r.st
	if r.dead {
		r.headerSent = true
		return
	}
	req := r.req
	if r.status == 204 || r.status == 304 || (r.status >= 100 && r.status < 200) {
		r.noBody = true
	}
	t := r.target()
	b := *t
	b = append(b, "HTTP/1.1 "...)
	b = strconv.AppendInt(b, int64(r.status), 10)
	b = append(b, ' ')
	if r.reason != "" {
		if !validHeaderValue(r.reason) {
			panic(st.l.TypeError("ERR_INVALID_CHAR", "Invalid character in statusMessage"))
		}
		b = append(b, r.reason...)
	} else {
		b = append(b, statusText(r.status)...)
	}
	b = append(b, "\r\n"...)
	var hasCL, hasTE, hasDate, hasConn, connClose bool
	for _, h := range r.hdrs {
		switch h.lower {
		case "content-length":
			hasCL = true
		case "transfer-encoding":
			hasTE = true
			if strings.Contains(strings.ToLower(h.value.String()), "chunked") {
				r.chunked = true
			}
		case "date":
			hasDate = true
		case "connection":
			hasConn = true
			if strings.Contains(strings.ToLower(h.value.String()), "close") {
				connClose = true
			}
		}
		b = appendHeaderLines(st, b, h.name, h.value)
	}
	if r.sendDate && !hasDate {
		b = append(b, st.dateLine()...)
	}
	keepAlive := req == nil || req.keepAlive
	if connClose {
		keepAlive = false
	}
	framing := 0 // 1: Content-Length, 2: chunked
	if !hasCL && !hasTE && !r.noBody {
		switch {
		case bodyLen >= 0:
			framing = 1
		case req != nil && req.minor == 0:
			// HTTP/1.0 has no chunks: the end of the body is the end of
			// the connection.
			keepAlive = false
		default:
			framing = 2
			r.chunked = true
		}
	}
	if !hasConn {
		if keepAlive {
			if req != nil && req.minor == 0 {
				b = append(b, "Connection: keep-alive\r\n"...)
			} else {
				b = append(b, "Connection: keep-alive\r\nKeep-Alive: timeout="...)
				b = strconv.AppendInt(b, r.c.s.keepAliveTimeout.Load()/1000, 10)
				b = append(b, "\r\n"...)
			}
		} else {
			b = append(b, "Connection: close\r\n"...)
		}
	}
	switch framing {
	case 1:
		b = append(b, "Content-Length: "...)
		b = strconv.AppendInt(b, int64(bodyLen), 10)
		b = append(b, "\r\n"...)
	case 2:
		b = append(b, "Transfer-Encoding: chunked\r\n"...)
	}
	b = append(b, "\r\n"...)
	*t = b
	r.headerSent = true
	r.closeAfter = !keepAlive
}

// appendHeaderLines writes name: value (one line per element of an array).
func appendHeaderLines(st *state, b []byte, name string, v goja.Value) []byte {
	if o, ok := v.(*goja.Object); ok && o.ClassName() == "Array" {
		n := int(o.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			b = appendHeaderLines(st, b, name, o.Get(strconv.Itoa(i)))
		}
		return b
	}
	s := v.String()
	if !validHeaderValue(s) {
		panic(st.l.TypeError("ERR_INVALID_CHAR", "Invalid character in header content [\""+name+"\"]"))
	}
	b = append(b, name...)
	b = append(b, ": "...)
	b = append(b, s...)
	return append(b, "\r\n"...)
}

// body appends a body chunk (str, or data when str is empty) with the
// framing chosen in commitHead.
func (r *response) body(str string, data []byte) {
	n := len(str) + len(data)
	if r.dead || r.noBody || n == 0 {
		return
	}
	t := r.target()
	b := *t
	if r.chunked {
		b = strconv.AppendInt(b, int64(n), 16)
		b = append(b, "\r\n"...)
	}
	b = append(b, str...)
	b = append(b, data...)
	if r.chunked {
		b = append(b, "\r\n"...)
	}
	*t = b
}

// finish ends the response and lets the connection move on.
func (r *response) finish() {
	r.finished = true
	if r.dead {
		return
	}
	if r.chunked && !r.noBody {
		t := r.target()
		*t = append(*t, "0\r\n\r\n"...)
	}
	c := r.c
	if len(c.queue) > 0 && c.queue[0] == r {
		c.advance()
	}
	st := r.st
	if r.listens("prefinish") {
		st.l.Emit(r.obj, "prefinish")
	}
	// As node: "finish" on a later tick (once the bytes are on their way),
	// "close" on the tick after. One tick serves every response that ended
	// in this macrotask.
	st.finishing = append(st.finishing, r)
	if len(st.finishing) == 1 {
		st.l.NextTick(st.finishTick, nil)
	}
}

// emitFinishes runs a tick after responses ended: an unread request body
// in stream mode is dumped (so the connection can move on), "close" is
// scheduled, then "finish" (and so end()'s callback) runs.
func (st *state) emitFinishes() {
	list := st.finishing
	st.finishing = nil
	for _, r := range list {
		if req := r.req; req != nil && req.rs != nil && !req.closed {
			st.l.Call(st.dumpFn, goja.Undefined(), req.obj)
		}
		st.closing = append(st.closing, r)
		if len(st.closing) == 1 {
			st.l.NextTick(st.closeTick, nil)
		}
		if r.listens("finish") {
			st.l.Emit(r.obj, "finish")
		}
	}
}

// emitCloses is the tick after emitFinishes: the response's "close", then
// (without stream state) the request's, once its body has ended.
func (st *state) emitCloses() {
	list := st.closing
	st.closing = nil
	for _, r := range list {
		if r.closeEmitted {
			continue
		}
		r.closeEmitted = true
		r.destroyed = true
		if r.listens("close") {
			st.l.Emit(r.obj, "close")
		}
		if req := r.req; req != nil && req.rs == nil && req.endSeen && !req.closed {
			req.closed = true
			if req.listens("close") {
				st.l.Emit(req.obj, "close")
			}
		}
	}
}

// chunkArg converts a write/end/sendBody chunk to bytes.
func (st *state) chunkArg(v goja.Value, enc goja.Value, def string) []byte {
	s, b := st.chunkParts(v, enc, def)
	if s != "" {
		return []byte(s)
	}
	return b
}

// chunkParts returns a chunk as a string already in its wire encoding, or
// as bytes (a Buffer's own memory: use it before JS runs again), without
// copying in the common cases (an ASCII or UTF-8 string, a Buffer).
func (st *state) chunkParts(v goja.Value, enc goja.Value, def string) (string, []byte) {
	e := def
	if enc != nil && !goja.IsUndefined(enc) && !goja.IsNull(enc) {
		if _, isObj := enc.(*goja.Object); !isObj {
			e = enc.String()
		}
	}
	if isString(v) {
		s := v.String()
		switch e {
		case "", "utf8", "utf-8":
			return s, nil
		}
		if isASCII(s) && (e == "ascii" || e == "binary" || e == "latin1") {
			return s, nil
		}
		return "", appendString(nil, s, e)
	}
	b, ok := st.appendChunk(nil, v, e)
	if !ok {
		panic(st.l.TypeError("ERR_INVALID_ARG_TYPE", "The \"chunk\" argument must be of type string or an instance of Buffer or Uint8Array. Received "+describe(v)))
	}
	return "", b
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func describe(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) {
		return "undefined"
	}
	if goja.IsNull(v) {
		return "null"
	}
	return "type " + v.ExportType().String() + " (" + v.String() + ")"
}

// serverOnly are the response methods node has on ServerResponse.prototype
// (and the 2009 names); the rest go on OutgoingMessage.prototype, where
// node has them, and ClientRequest overrides what it implements itself.
var serverOnly = map[string]bool{"writeHead": true, "sendHeader": true, "sendBody": true,
	"finish": true, "close": true, "writeContinue": true}

func (st *state) installResponseMethods(p, out *goja.Object) {
	vm := st.vm
	method := func(name string, fn func(r *response, call goja.FunctionCall) goja.Value) {
		target := out
		if serverOnly[name] {
			target = p
		}
		target.Set(name, func(call goja.FunctionCall) goja.Value {
			return fn(st.response(call), call)
		})
	}
	writeHead := func(r *response, call goja.FunctionCall, name2009 bool) goja.Value {
		if r.headerSent {
			if name2009 {
				panic(st.l.ErrorWithCode("ERR_HTTP_HEADERS_SENT", "sendHeader() was already called for this response"))
			}
			st.headersSentError("write")
		}
		code := call.Argument(0).ToInteger()
		if code < 100 || code > 999 {
			panic(st.l.ErrorWithCode("ERR_HTTP_INVALID_STATUS_CODE", "Invalid status code: "+call.Argument(0).String()))
		}
		r.status = int(code)
		hv := call.Argument(1)
		if _, isObj := hv.(*goja.Object); !isObj && !goja.IsUndefined(hv) && !goja.IsNull(hv) {
			r.reason = hv.String()
			hv = call.Argument(2)
		}
		if name2009 {
			// v0.1.21 sent no Date header of its own.
			r.sendDate = false
		}
		r.addHeaders(hv)
		r.commitHead(-1)
		return call.This
	}
	method("writeHead", func(r *response, call goja.FunctionCall) goja.Value { return writeHead(r, call, false) })
	method("sendHeader", func(r *response, call goja.FunctionCall) goja.Value { return writeHead(r, call, true) })

	write := func(r *response, call goja.FunctionCall, name2009 bool) goja.Value {
		if r.finished {
			if name2009 {
				panic(st.l.ErrorWithCode("ERR_STREAM_WRITE_AFTER_END", "sendBody() called after finish()"))
			}
			panic(st.l.ErrorWithCode("ERR_STREAM_WRITE_AFTER_END", "write after end"))
		}
		def := "utf8"
		if name2009 {
			def = "ascii"
		}
		str, data := st.chunkParts(call.Argument(0), call.Argument(1), def)
		if !r.headerSent {
			if name2009 {
				panic(st.l.ErrorWithCode("ERR_HTTP_HEADERS_NOT_SENT", "sendBody() called before sendHeader()"))
			}
			r.commitHead(-1)
		}
		r.body(str, data)
		if cb, ok := goja.AssertFunction(call.Argument(len(call.Arguments) - 1)); ok && len(call.Arguments) > 1 {
			st.l.NextTick(cb, nil)
		}
		if r.c.backlog() {
			r.needDrain = true
			return st.vFalse
		}
		return st.vTrue
	}
	method("write", func(r *response, call goja.FunctionCall) goja.Value { return write(r, call, false) })
	method("sendBody", func(r *response, call goja.FunctionCall) goja.Value { return write(r, call, true) })

	method("end", func(r *response, call goja.FunctionCall) goja.Value {
		if r.finished {
			// node: a callback given to a second end() waits for
			// "finish", or gets ERR_STREAM_ALREADY_FINISHED now when the
			// response is already out (writableFinished).
			if n := len(call.Arguments); n > 0 {
				if cb, ok := goja.AssertFunction(call.Arguments[n-1]); ok {
					if r.dead {
						st.l.Call(st.onceFn, r.obj, st.vm.ToValue("finish"), call.Arguments[n-1])
					} else {
						err := st.l.ErrorWithCode("ERR_STREAM_ALREADY_FINISHED", "Cannot call end after a stream was finished")
						st.l.Call(cb, goja.Undefined(), err)
					}
				}
			}
			return call.This
		}
		var cb goja.Callable
		args := call.Arguments
		if n := len(args); n > 0 {
			if f, ok := goja.AssertFunction(args[n-1]); ok {
				cb = f
				args = args[:n-1]
			}
		}
		var str string
		var data []byte
		if len(args) > 0 && !goja.IsUndefined(args[0]) && !goja.IsNull(args[0]) {
			var enc goja.Value
			if len(args) > 1 {
				enc = args[1]
			}
			str, data = st.chunkParts(args[0], enc, "utf8")
		}
		if !r.headerSent {
			r.commitHead(len(str) + len(data))
		}
		if cb != nil && !r.dead {
			// node: end(cb) is once('finish', cb).
			st.l.Call(st.onceFn, r.obj, st.vm.ToValue("finish"), args0(call))
		}
		r.body(str, data)
		r.finish()
		return call.This
	})
	method("cork", func(r *response, call goja.FunctionCall) goja.Value {
		r.corked++
		return goja.Undefined()
	})
	method("uncork", func(r *response, call goja.FunctionCall) goja.Value {
		if r.corked > 0 {
			r.corked--
		}
		return goja.Undefined()
	})
	method("finish", func(r *response, call goja.FunctionCall) goja.Value {
		if r.finished {
			panic(st.l.ErrorWithCode("ERR_STREAM_WRITE_AFTER_END", "finish() called twice"))
		}
		if !r.headerSent {
			r.commitHead(0)
		}
		r.finish()
		return goja.Undefined()
	})
	// 2009's later name for finish.
	method("close", func(r *response, call goja.FunctionCall) goja.Value {
		if !r.finished {
			if !r.headerSent {
				r.commitHead(0)
			}
			r.finish()
		}
		return goja.Undefined()
	})
	method("setHeader", func(r *response, call goja.FunctionCall) goja.Value {
		if r.headerSent {
			st.headersSentError("set")
		}
		name := call.Argument(0).String()
		v := call.Argument(1)
		st.checkHeader(name, v)
		r.setHeader(name, v)
		return call.This
	})
	method("appendHeader", func(r *response, call goja.FunctionCall) goja.Value {
		if r.headerSent {
			st.headersSentError("append")
		}
		name := call.Argument(0).String()
		v := call.Argument(1)
		st.checkHeader(name, v)
		lower := r.st.lowerName(name)
		if i := r.findHeader(lower); i >= 0 {
			prev := r.hdrs[i].value
			var items []any
			if o, ok := prev.(*goja.Object); ok && o.ClassName() == "Array" {
				for _, k := range o.Keys() {
					items = append(items, o.Get(k))
				}
			} else {
				items = append(items, prev)
			}
			items = append(items, v)
			r.hdrs[i].value = vm.NewArray(items...)
		} else {
			r.hdrs = append(r.hdrs, outHeader{name, lower, v})
		}
		return call.This
	})
	method("getHeader", func(r *response, call goja.FunctionCall) goja.Value {
		if i := r.findHeader(r.st.lowerName(call.Argument(0).String())); i >= 0 {
			return r.hdrs[i].value
		}
		return goja.Undefined()
	})
	method("hasHeader", func(r *response, call goja.FunctionCall) goja.Value {
		return vm.ToValue(r.findHeader(r.st.lowerName(call.Argument(0).String())) >= 0)
	})
	method("removeHeader", func(r *response, call goja.FunctionCall) goja.Value {
		if r.headerSent {
			st.headersSentError("remove")
		}
		if i := r.findHeader(r.st.lowerName(call.Argument(0).String())); i >= 0 {
			r.hdrs = append(r.hdrs[:i], r.hdrs[i+1:]...)
		}
		return goja.Undefined()
	})
	method("getHeaders", func(r *response, call goja.FunctionCall) goja.Value {
		o := vm.NewObject()
		o.SetPrototype(nil) // node: a null-prototype object
		for _, h := range r.hdrs {
			o.Set(h.lower, h.value)
		}
		return o
	})
	method("getHeaderNames", func(r *response, call goja.FunctionCall) goja.Value {
		items := make([]any, 0, len(r.hdrs))
		for _, h := range r.hdrs {
			items = append(items, h.lower)
		}
		return vm.NewArray(items...)
	})
	method("flushHeaders", func(r *response, call goja.FunctionCall) goja.Value {
		if !r.headerSent {
			r.commitHead(-1)
		}
		return goja.Undefined()
	})
	method("writeContinue", func(r *response, call goja.FunctionCall) goja.Value {
		r.rawOut([]byte("HTTP/1.1 100 Continue\r\n\r\n"))
		return goja.Undefined()
	})
	method("setTimeout", func(r *response, call goja.FunctionCall) goja.Value {
		if cb, ok := goja.AssertFunction(call.Argument(1)); ok {
			_ = cb
		}
		return call.This
	})
	method("destroy", func(r *response, call goja.FunctionCall) goja.Value {
		r.destroyed = true
		if r.c != nil {
			r.c.kill()
		}
		return call.This
	})
}

// args0 is a call's last argument (end's callback).
func args0(call goja.FunctionCall) goja.Value {
	return call.Arguments[len(call.Arguments)-1]
}
