// Package nodemisc registers node's small built-in modules that are views
// of things gonode already has: "process" and "console" (the globals) and
// "module" (builtinModules, createRequire, isBuiltin, wrap). Each is a
// one-liner in node too; keeping them in one package avoids a package per
// alias.
package nodemisc

import (
	_ "embed"
	"path/filepath"

	"github.com/dop251/goja"

	"gonode/runtime"
)

//go:embed module.js
var moduleSource string

func init() {
	runtime.Register("process", func(l *runtime.Loop) (goja.Value, error) {
		return l.VM.Get("process"), nil
	})
	runtime.Register("console", func(l *runtime.Loop) (goja.Value, error) {
		return l.VM.Get("console"), nil
	})
	runtime.Register("module", func(l *runtime.Loop) (goja.Value, error) {
		b := l.VM.NewObject()
		b.Set("names", func(goja.FunctionCall) goja.Value {
			names := runtime.BuiltinNames()
			out := make([]any, 0, len(names))
			for _, n := range names {
				out = append(out, n)
			}
			return l.VM.NewArray(out...)
		})
		b.Set("newRequire", func(call goja.FunctionCall) goja.Value {
			f := call.Argument(0).String()
			if !filepath.IsAbs(f) {
				panic(l.TypeError("ERR_INVALID_ARG_VALUE", "The argument 'filename' must be a file URL object, file URL string, or absolute path string. Received "+call.Argument(0).String()))
			}
			return l.NewRequire(f)
		})
		return l.EvalModule("module", moduleSource, b)
	})
}
