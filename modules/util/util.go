// Package util provides the "util" module: format (console.log's
// formatting), inspect in today's node output format, inherits, promisify,
// callbackify, deprecate, isDeepStrictEqual, types and the is* predicates.
// It is JS over a few Go natives for what JS cannot see: a promise's state
// and result, whether an object is a Proxy, errno names.
package util

import (
	_ "embed"
	"strings"
	"syscall"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"

	"gonode/runtime"
)

//go:embed util.js
var source string

//go:embed util_extras.js
var extrasSource string

func init() {
	runtime.Register("util", func(l *runtime.Loop) (goja.Value, error) {
		return l.EvalModule("util", source, natives(l))
	})
	// The rarely used half of util, loaded on first use of one of its names.
	runtime.Register("internal/util/extras", func(l *runtime.Loop) (goja.Value, error) {
		return l.EvalModule("internal/util/extras", extrasSource, natives(l))
	})
	runtime.Register("util/types", func(l *runtime.Loop) (goja.Value, error) {
		return l.MustRequire("util").Get("types"), nil
	})
}

// natives are util's Go functions (both halves get the same set).
func natives(l *runtime.Loop) *goja.Object {
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
	// errnoList returns [-errno, name, message] for every errno the
	// kernel names, for getSystemErrorMap. The message is taken from a
	// node-shaped SysError so it reads as libuv words it.
	b.Set("errnoList", func(goja.FunctionCall) goja.Value {
		var out []any
		for n := 1; n < 200; n++ {
			name := unix.ErrnoName(syscall.Errno(n))
			if name == "" {
				continue
			}
			e := l.SysError(syscall.Errno(n), "x", "")
			msg := e.Get("message").String()
			msg = strings.TrimPrefix(msg, name+": ")
			msg = strings.TrimSuffix(msg, ", x")
			out = append(out, vm.NewArray(-n, name, msg))
		}
		return vm.NewArray(out...)
	})
	encodingNatives(l, b)
	return b
}
