// Package perf_hooks provides node's "perf_hooks" module and the global
// performance object: now() (monotonic, ms since start-up), timeOrigin,
// marks and measures with their entry lists, and a PerformanceObserver
// for them. Histograms and event-loop-delay monitoring are minimal.
package perf_hooks

import (
	_ "embed"
	"time"

	"github.com/dop251/goja"

	"gonode/runtime"
)

//go:embed perf_hooks.js
var source string

// origin is when the process started, for timeOrigin and now().
var origin = time.Now()

func init() {
	runtime.Register("perf_hooks", func(l *runtime.Loop) (goja.Value, error) {
		b := l.VM.NewObject()
		b.Set("timeOrigin", float64(origin.UnixNano())/1e6)
		b.Set("now", func(goja.FunctionCall) goja.Value {
			return l.VM.ToValue(float64(time.Since(origin).Nanoseconds()) / 1e6)
		})
		return l.EvalModule("perf_hooks", source, b)
	})
}
