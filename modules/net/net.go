// Package net provides today's Node "net" module (createServer, connect,
// Socket, Server) over gonode/internal/netcore, the socket core it shares
// with node v0.1.21's "tcp".
package net

import (
	_ "embed"

	"github.com/dop251/goja"

	"gonode/internal/netcore"
	"gonode/runtime"
)

//go:embed net.js
var source string

func init() {
	runtime.Register("net", func(l *runtime.Loop) (goja.Value, error) {
		_, binding := netcore.NewBinding(l, netcore.Options{DefaultEnc: netcore.EncBuffer, SoftPause: true, StartPaused: true})
		return l.EvalModule("net", source, binding)
	})
}
