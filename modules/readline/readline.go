// Package readline provides node's "readline" and "readline/promises"
// modules for line-oriented input: createInterface over any Readable
// (process.stdin, a socket, a PassThrough), 'line'/'close' events,
// question, prompt, async iteration, and the cursor helpers that write
// ANSI sequences. Terminal line editing (raw mode, history, completion)
// is not provided: gonode reads lines as node does when input is not a TTY.
package readline

import (
	_ "embed"

	"github.com/dop251/goja"

	"gonode/runtime"
)

//go:embed readline.js
var source string

func init() {
	runtime.Register("readline", func(l *runtime.Loop) (goja.Value, error) {
		return l.EvalModule("readline", source, nil)
	})
	runtime.Register("readline/promises", func(l *runtime.Loop) (goja.Value, error) {
		return l.MustRequire("readline").Get("promises"), nil
	})
}
