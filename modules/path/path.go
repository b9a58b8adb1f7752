// Package path provides the "path" module (POSIX semantics, as node's
// path.posix). It is pure JS: string manipulation needs no OS access except
// the working directory, which resolve() takes from process.cwd().
package path

import (
	_ "embed"

	"github.com/dop251/goja"

	"gonode/runtime"
)

//go:embed path.js
var source string

func init() {
	runtime.Register("path", func(l *runtime.Loop) (goja.Value, error) {
		return l.EvalModule("path", source, nil)
	})
	runtime.Register("path/posix", func(l *runtime.Loop) (goja.Value, error) {
		return l.MustRequire("path").Get("posix"), nil
	})
}
