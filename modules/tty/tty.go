// Package tty provides node's "tty" module: isatty, and ReadStream/
// WriteStream with the terminal queries (size, colour depth) that logging
// libraries such as debug ask for. The streams are thin: gonode's
// process.stdout/stderr are what scripts write to; these classes exist so
// that feature checks (instanceof, getColorDepth, hasColors) work.
package tty

import (
	_ "embed"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"

	"gonode/runtime"
)

//go:embed tty.js
var source string

func init() {
	runtime.Register("tty", func(l *runtime.Loop) (goja.Value, error) {
		vm := l.VM
		b := vm.NewObject()
		b.Set("isatty", func(call goja.FunctionCall) goja.Value {
			fd := call.Argument(0).ToInteger()
			if fd < 0 || fd > 1<<30 {
				return vm.ToValue(false)
			}
			return vm.ToValue(runtime.IsTerminal(int(fd)))
		})
		// windowSize returns [columns, rows] or null when fd is no terminal.
		b.Set("windowSize", func(call goja.FunctionCall) goja.Value {
			ws, err := unix.IoctlGetWinsize(int(call.Argument(0).ToInteger()), unix.TIOCGWINSZ)
			if err != nil {
				return goja.Null()
			}
			return vm.NewArray(int(ws.Col), int(ws.Row))
		})
		return l.EvalModule("tty", source, b)
	})
}
