// Package util provides the "util" module: format (console.log's
// formatting), inspect in today's node output format, inherits, promisify,
// callbackify, deprecate and the is* predicates.
package util

import (
	_ "embed"

	"github.com/dop251/goja"

	"gonode/runtime"
)

//go:embed util.js
var source string

func init() {
	runtime.Register("util", func(l *runtime.Loop) (goja.Value, error) {
		return l.EvalModule("util", source, nil)
	})
}
