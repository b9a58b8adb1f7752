// Package assert provides node's "assert" and "assert/strict" modules in
// JS, with one Go native: reading a script's source so that a failed
// assert.ok(expr) can quote expr, as node's message does.
package assert

import (
	_ "embed"
	"os"

	"github.com/dop251/goja"

	"gonode/runtime"
)

//go:embed assert.js
var source string

func init() {
	runtime.Register("assert", func(l *runtime.Loop) (goja.Value, error) {
		b := l.VM.NewObject()
		b.Set("readSource", func(call goja.FunctionCall) goja.Value {
			data, err := os.ReadFile(call.Argument(0).String())
			if err != nil || len(data) > 4<<20 {
				return goja.Undefined()
			}
			return l.VM.ToValue(string(data))
		})
		return l.EvalModule("assert", source, b)
	})
	runtime.Register("assert/strict", func(l *runtime.Loop) (goja.Value, error) {
		return l.MustRequire("assert").Get("strict"), nil
	})
}
