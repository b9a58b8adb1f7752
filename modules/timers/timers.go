// Package timers provides node's "timers" module (the global timer
// functions under a module name) and "timers/promises" (promise-returning
// setTimeout/setImmediate, an async-iterable setInterval, scheduler). The
// timers themselves are the loop's (runtime/timers.go); this is JS glue.
package timers

import (
	_ "embed"

	"github.com/dop251/goja"

	"gonode/runtime"
)

//go:embed timers.js
var source string

//go:embed promises.js
var promisesSource string

func init() {
	runtime.Register("timers", func(l *runtime.Loop) (goja.Value, error) {
		return l.EvalModule("timers", source, nil)
	})
	runtime.Register("timers/promises", func(l *runtime.Loop) (goja.Value, error) {
		return l.EvalModule("timers/promises", promisesSource, nil)
	})
}
