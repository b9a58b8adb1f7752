// Package nodemisc registers node's small built-in modules that are views
// of things gonode already has: "process" and "console" (the globals),
// "module" (builtinModules, createRequire, isBuiltin, wrap), "constants"
// (the deprecated merge of os/fs constants) and "punycode" (deprecated, but
// still required by packages). Each is a
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

const constantsSource = `'use strict';
var os = require('os').constants;
function copy(from) { if (from) Object.keys(from).forEach(function (k) { if (typeof from[k] !== 'object') exports[k] = from[k]; }); }
copy(os.dlopen); copy(os.errno); copy(os.priority); copy(os.signals);
try { copy(require('fs').constants); } catch (e) {}
try { copy(require('crypto').constants); } catch (e) {}
`

//go:embed console.js
var consoleSource string

//go:embed punycode.js
var punycodeSource string

func init() {
	runtime.Register("process", func(l *runtime.Loop) (goja.Value, error) {
		return l.VM.Get("process"), nil
	})
	runtime.Register("console", func(l *runtime.Loop) (goja.Value, error) {
		return l.EvalModule("console", consoleSource, nil)
	})
	runtime.Register("punycode", func(l *runtime.Loop) (goja.Value, error) {
		return l.EvalModule("punycode", punycodeSource, nil)
	})
	// constants: node's deprecated merge of os.constants' groups and
	// fs.constants (and crypto.constants when present).
	runtime.Register("constants", func(l *runtime.Loop) (goja.Value, error) {
		return l.EvalModule("constants", constantsSource, nil)
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
