// Package sys provides node v0.1.21's "sys" module: puts, print, debug,
// error, p, log, inspect (the 2009 output format) and inherits. sys.exec is
// added by the child-process module.
package sys

import (
	_ "embed"

	"github.com/dop251/goja"

	"gonode/runtime"
)

//go:embed sys.js
var source string

func init() {
	runtime.Register("sys", func(l *runtime.Loop) (goja.Value, error) {
		return l.EvalModule("sys", source, nil)
	})
}
