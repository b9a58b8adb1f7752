// Package child_process provides today's "child_process" module (spawn,
// exec, execFile, execSync, execFileSync, spawnSync) and, in the same JS
// half, node v0.1.21's process.createChildProcess and sys.exec. Both sit on
// modules/internal/procbind.
package child_process

import (
	_ "embed"

	"github.com/dop251/goja"

	"gonode/modules/internal/procbind"
	"gonode/runtime"
)

//go:embed child_process.js
var source string

func init() {
	runtime.Register("child_process", func(l *runtime.Loop) (goja.Value, error) {
		b := procbind.Binding(l)
		return l.EvalModule("child_process", source, b)
	})
}
