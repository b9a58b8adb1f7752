// Package util provides the "util" module: format (console.log's
// formatting), inspect in today's node output format, inherits, promisify,
// callbackify, deprecate, isDeepStrictEqual, types and the is* predicates.
// It is JS over a few Go natives for what JS cannot see: a promise's state
// and result, whether an object is a Proxy, errno names.
package util

import (
	_ "embed"
	"syscall"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"

	"gonode/runtime"
)

//go:embed util.js
var source string

func init() {
	runtime.Register("util", func(l *runtime.Loop) (goja.Value, error) {
		vm := l.VM
		b := vm.NewObject()
		// promiseState returns [state, result]: 0 pending, 1 fulfilled,
		// 2 rejected; undefined for a non-promise.
		b.Set("promiseState", func(call goja.FunctionCall) goja.Value {
			o, ok := call.Argument(0).(*goja.Object)
			if !ok {
				return goja.Undefined()
			}
			p, ok := o.Export().(*goja.Promise)
			if !ok {
				return goja.Undefined()
			}
			switch p.State() {
			case goja.PromiseStateFulfilled:
				return vm.NewArray(1, p.Result())
			case goja.PromiseStateRejected:
				return vm.NewArray(2, p.Result())
			}
			return vm.NewArray(0)
		})
		b.Set("isProxy", func(call goja.FunctionCall) goja.Value {
			o, ok := call.Argument(0).(*goja.Object)
			if !ok {
				return vm.ToValue(false)
			}
			_, isProxy := o.Export().(goja.Proxy)
			return vm.ToValue(isProxy)
		})
		// errnoName maps a negative errno (node's convention) to its name.
		b.Set("errnoName", func(call goja.FunctionCall) goja.Value {
			n := call.Argument(0).ToInteger()
			if n < 0 {
				n = -n
			}
			name := unix.ErrnoName(syscall.Errno(n))
			if name == "" {
				return goja.Undefined()
			}
			return vm.ToValue(name)
		})
		encodingNatives(l, b)
		return l.EvalModule("util", source, b)
	})
	runtime.Register("util/types", func(l *runtime.Loop) (goja.Value, error) {
		return l.MustRequire("util").Get("types"), nil
	})
}
