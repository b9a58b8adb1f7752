// Package streamshim gives fs and child_process minimal Readable and
// Writable classes with the stream module's subclass contract (_read and
// push, _write and _final, _destroy), so fs streams and child stdio work
// before gonode's real "stream" module is linked in. When the "stream"
// module exists, the shim hands out its classes instead.
package streamshim

import (
	_ "embed"
	"sync"

	"github.com/dop251/goja"

	"gonode/runtime"
)

//go:embed streamshim.js
var source string

var (
	mu    sync.Mutex
	cache = map[*runtime.Loop]*goja.Object{}
)

// Get returns {Readable, Writable} for loop l.
func Get(l *runtime.Loop) *goja.Object {
	mu.Lock()
	defer mu.Unlock()
	if o, ok := cache[l]; ok {
		return o
	}
	v, err := l.EvalModule("internal/streamshim", source, nil)
	if err != nil {
		panic(l.NewError(err.Error()))
	}
	o := v.(*goja.Object)
	cache[l] = o
	return o
}
