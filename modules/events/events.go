// Package events provides the "events" module: EventEmitter (both the node
// v0.1.21 rules and today's names) and the 2009 process.Promise. Every
// emitting object in gonode — process, servers, sockets, requests, promises —
// shares this one implementation.
package events

import (
	_ "embed"

	"github.com/dop251/goja"

	"gonode/runtime"
)

//go:embed events.js
var source string

func init() {
	runtime.Register("events", func(l *runtime.Loop) (goja.Value, error) {
		binding := l.VM.NewObject()
		// runUntil turns the loop, nested, until pred() is true or nothing
		// is left that could make it true: the engine of promise.wait().
		binding.Set("runUntil", func(call goja.FunctionCall) goja.Value {
			pred, ok := goja.AssertFunction(call.Argument(0))
			if !ok {
				panic(l.TypeError("ERR_INVALID_ARG_TYPE", "runUntil needs a function"))
			}
			l.RunUntil(func() bool {
				v, err := pred(goja.Undefined())
				if err != nil {
					panic(err)
				}
				return v.ToBoolean()
			})
			return goja.Undefined()
		})
		return l.EvalModule("events", source, binding)
	})
}
