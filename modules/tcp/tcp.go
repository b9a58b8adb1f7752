// Package tcp provides node v0.1.21's "tcp" module: tcp.Server and
// tcp.Connection with their 2009 names and semantics ("receive", "eof",
// send, close as half-close, readyState, binary strings by default). The
// sockets themselves are gonode/internal/netcore, shared with "net".
package tcp

import (
	_ "embed"

	"github.com/dop251/goja"

	"gonode/internal/netcore"
	"gonode/runtime"
)

//go:embed tcp.js
var source string

func init() {
	runtime.Register("tcp", func(l *runtime.Loop) (goja.Value, error) {
		_, binding := netcore.NewBinding(l, netcore.Options{
			DefaultEnc:           netcore.EncBinary,
			DrainAfterEveryFlush: true,
		})
		return l.EvalModule("tcp", source, binding)
	})
}
