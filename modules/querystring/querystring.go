// Package querystring provides node's "querystring" module (parse,
// stringify, escape, unescape and the decode/encode aliases), in JS: it is
// string work with no OS access.
package querystring

import (
	_ "embed"

	"github.com/dop251/goja"

	"gonode/runtime"
)

//go:embed querystring.js
var source string

func init() {
	runtime.Register("querystring", func(l *runtime.Loop) (goja.Value, error) {
		return l.EvalModule("querystring", source, nil)
	})
}
