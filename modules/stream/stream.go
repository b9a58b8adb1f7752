// Package stream provides node's "stream" and "stream/promises" modules:
// Readable, Writable, Duplex, Transform, PassThrough, pipe, pipeline and
// finished, with back-pressure and object mode. It is pure JS (stream.js,
// written for gonode); sockets, HTTP messages and fs streams in other
// packages build on these classes.
package stream

import (
	_ "embed"

	"github.com/dop251/goja"

	"gonode/runtime"
)

//go:embed stream.js
var source string

func init() {
	runtime.Register("stream", func(l *runtime.Loop) (goja.Value, error) {
		return l.EvalModule("stream", source, nil)
	})
	runtime.Register("stream/promises", func(l *runtime.Loop) (goja.Value, error) {
		return l.MustRequire("stream").Get("promises"), nil
	})
}
