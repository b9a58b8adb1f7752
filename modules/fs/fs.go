// Package fs provides today's "fs" module: err-first callbacks, the
// ...Sync forms and fs.promises, over the same Go file layer as node
// v0.1.21's "posix" (modules/internal/fsbind).
package fs

import (
	_ "embed"

	"github.com/dop251/goja"

	"gonode/modules/internal/fsbind"
	"gonode/runtime"
)

//go:embed fs.js
var source string

func init() {
	runtime.Register("fs", func(l *runtime.Loop) (goja.Value, error) {
		b := l.VM.NewObject()
		b.Set("fs", fsbind.Get(l))
		return l.EvalModule("fs", source, b)
	})
	runtime.Register("fs/promises", func(l *runtime.Loop) (goja.Value, error) {
		fs := l.MustRequire("fs")
		return fs.Get("promises"), nil
	})
}
