// Package posix provides node v0.1.21's "posix" module: thin wrappers
// around the POSIX file calls, each returning a process.Promise, their
// ...Sync twins, posix.cat and posix.Stats. The system calls live in
// modules/internal/fsbind, shared with today's "fs".
package posix

import (
	_ "embed"

	"github.com/dop251/goja"

	"gonode/modules/internal/fsbind"
	"gonode/runtime"
)

//go:embed posix.js
var source string

func init() {
	runtime.Register("posix", func(l *runtime.Loop) (goja.Value, error) {
		return l.EvalModule("posix", source, fsbind.Get(l))
	})
}
