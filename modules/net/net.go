// Package net provides today's Node "net" module (createServer, connect,
// Socket, Server) over gonode/internal/netcore, the socket core it shares
// with node v0.1.21's "tcp".
package net

import (
	_ "embed"
	"errors"
	gonet "net"
	"sync"

	"github.com/dop251/goja"

	"gonode/internal/netcore"
	"gonode/runtime"
)

//go:embed net.js
var source string

// bindings is each loop's net binding, for NewSocket.
var bindings sync.Map // *runtime.Loop -> *netcore.Binding

func init() {
	runtime.Register("net", func(l *runtime.Loop) (goja.Value, error) {
		b, binding := netcore.NewBinding(l, netcore.Options{DefaultEnc: netcore.EncBuffer, SoftPause: true, StartPaused: true})
		bindings.Store(l, b)
		return l.EvalModule("net", source, binding)
	})
}

// NewSocket makes a genuine net.Socket (a stream.Duplex on a netcore
// handle) for a TCP connection other Go code owns now, e.g. one http
// upgraded: the socket an "upgrade" listener gets. Call it on the loop.
func NewSocket(l *runtime.Loop, nc *gonet.TCPConn) (*goja.Object, error) {
	exp := l.MustRequire("net")
	v, ok := bindings.Load(l)
	if !ok {
		nc.Close()
		return nil, errors.New("net: module not loaded")
	}
	h, err := v.(*netcore.Binding).Adopt(nc)
	if err != nil {
		return nil, err
	}
	opts := l.VM.NewObject()
	opts.Set("handle", h)
	return l.VM.New(exp.Get("Socket"), opts)
}
