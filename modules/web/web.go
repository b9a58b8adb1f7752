// Package web provides web-platform globals node has: structuredClone,
// DOMException, Event, EventTarget, AbortController and AbortSignal
// (TextEncoder and TextDecoder are util's). It registers as "internal/web" (not a
// node module name); runtime/bootstrap.js installs the globals lazily from
// it, so start-up does not pay for them.
package web

import (
	_ "embed"

	"github.com/dop251/goja"

	"gonode/runtime"
)

//go:embed web.js
var source string

func init() {
	runtime.Register("internal/web", func(l *runtime.Loop) (goja.Value, error) {
		return l.EvalModule("internal/web", source, nil)
	})
}
