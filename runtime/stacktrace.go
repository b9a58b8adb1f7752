package runtime

import (
	"strings"

	"github.com/dop251/goja"
)

// installStackTraceAPI adds V8's stack-trace API, which goja lacks and many
// npm packages call (depd in express and body-parser, http-errors, …):
// Error.captureStackTrace(obj[, fn]) sets obj.stack, honouring
// Error.prepareStackTrace(err, callSites) with V8-shaped CallSite objects
// and Error.stackTraceLimit. Frames come from goja's call stack.
func (l *Loop) installStackTraceAPI() {
	vm := l.VM
	errCtor, ok := vm.Get("Error").(*goja.Object)
	if !ok {
		return
	}
	if v := errCtor.Get("stackTraceLimit"); v == nil || goja.IsUndefined(v) {
		errCtor.Set("stackTraceLimit", 10)
	}
	capture := func(call goja.FunctionCall) goja.Value {
		target, ok := call.Argument(0).(*goja.Object)
		if !ok {
			panic(l.TypeError("ERR_INVALID_ARG_TYPE", "Invalid argument"))
		}
		frames := vm.CaptureCallStack(0, nil)
		// Drop frames up to and including the topmost call of fn (matched
		// by name: goja frames carry no function identity).
		if fn, ok := call.Argument(1).(*goja.Object); ok {
			if name := fn.Get("name"); name != nil && name.String() != "" {
				for i := range frames {
					if frames[i].FuncName() == name.String() {
						frames = frames[i+1:]
						break
					}
				}
			}
		}
		var kept []goja.StackFrame
		for _, f := range frames {
			if f.SrcName() == "<native>" || strings.HasPrefix(f.SrcName(), "node:internal/") {
				continue
			}
			kept = append(kept, f)
		}
		limit := 10
		if v := errCtor.Get("stackTraceLimit"); v != nil && !goja.IsUndefined(v) {
			limit = int(v.ToInteger())
		}
		if limit < 0 {
			limit = 0
		}
		if len(kept) > limit {
			kept = kept[:limit]
		}
		// V8 formats lazily: Error.prepareStackTrace is the one in force when
		// .stack is first read, and the result then stays.
		var stack goja.Value
		getter := vm.ToValue(func(goja.FunctionCall) goja.Value {
			if stack != nil {
				return stack
			}
			if prep, ok := goja.AssertFunction(errCtor.Get("prepareStackTrace")); ok {
				sites := make([]any, len(kept))
				for i, f := range kept {
					sites[i] = l.callSite(f)
				}
				v, err := prep(errCtor, target, vm.NewArray(sites...))
				if err != nil {
					panic(err)
				}
				stack = v
			} else {
				var b strings.Builder
				b.WriteString(errorHeader(target))
				for _, f := range kept {
					b.WriteString("\n    at ")
					b.WriteString(frameString(f))
				}
				stack = vm.ToValue(b.String())
			}
			return stack
		})
		setter := vm.ToValue(func(c goja.FunctionCall) goja.Value {
			stack = c.Argument(0)
			return goja.Undefined()
		})
		target.DefineAccessorProperty("stack", getter, setter, goja.FLAG_TRUE, goja.FLAG_FALSE)
		return goja.Undefined()
	}
	errCtor.DefineDataProperty("captureStackTrace", vm.ToValue(capture), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// errorHeader is V8's first stack line for obj: "name: message" with the
// Error.prototype.toString defaults.
func errorHeader(obj *goja.Object) string {
	name := "Error"
	if v := obj.Get("name"); v != nil && !goja.IsUndefined(v) {
		name = v.String()
	}
	msg := ""
	if v := obj.Get("message"); v != nil && !goja.IsUndefined(v) {
		msg = v.String()
	}
	switch {
	case name == "":
		return msg
	case msg == "":
		return name
	}
	return name + ": " + msg
}

// callSite builds a V8 CallSite-like object for Error.prepareStackTrace.
func (l *Loop) callSite(f goja.StackFrame) *goja.Object {
	vm := l.VM
	p := f.Position()
	fn := f.FuncName()
	if fn == "<anonymous>" {
		fn = ""
	}
	file := p.Filename
	if file == "" {
		file = f.SrcName()
	}
	o := vm.NewObject()
	ret := func(v any) func(goja.FunctionCall) goja.Value {
		val := vm.ToValue(v)
		return func(goja.FunctionCall) goja.Value { return val }
	}
	var fnName any
	if fn != "" {
		fnName = fn
	}
	o.Set("getFileName", ret(file))
	o.Set("getScriptNameOrSourceURL", ret(file))
	o.Set("getLineNumber", ret(p.Line))
	o.Set("getColumnNumber", ret(p.Column))
	o.Set("getFunctionName", ret(fnName))
	o.Set("getMethodName", ret(nil))
	o.Set("getTypeName", ret(nil))
	o.Set("getThis", ret(goja.Undefined()))
	o.Set("getFunction", ret(goja.Undefined()))
	o.Set("getEvalOrigin", ret(goja.Undefined()))
	o.Set("isEval", ret(false))
	o.Set("isNative", ret(false))
	o.Set("isToplevel", ret(fn == ""))
	o.Set("isConstructor", ret(false))
	o.Set("isAsync", ret(false))
	o.Set("isPromiseAll", ret(false))
	o.Set("getPromiseIndex", ret(nil))
	o.Set("toString", ret(frameString(f)))
	return o
}
