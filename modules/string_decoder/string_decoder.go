// Package string_decoder provides node's "string_decoder" module: a
// StringDecoder turns a stream of byte chunks into text without splitting
// multi-byte characters across chunks. It is pure JS over the buffer
// module's Go codecs.
package string_decoder

import (
	_ "embed"

	"github.com/dop251/goja"

	"gonode/runtime"
)

//go:embed string_decoder.js
var source string

func init() {
	runtime.Register("string_decoder", func(l *runtime.Loop) (goja.Value, error) {
		return l.EvalModule("string_decoder", source, nil)
	})
}
