package fsbind

import (
	"time"

	"github.com/dop251/goja"
)

// watch polls path every interval ms on its own goroutine and calls
// listener(curr, prev) on the loop when the stat changed (atime aside, as
// libuv's fs poller ignores it). A persistent watcher keeps the loop alive
// until stopped. It returns the stop function.
func (b *Binding) watch(path string, interval int64, persistent bool, listener goja.Value) goja.Value {
	fn, ok := goja.AssertFunction(listener)
	if !ok {
		panic(b.l.TypeError("ERR_INVALID_ARG_TYPE", `The "listener" argument must be of type function`))
	}
	if interval <= 0 {
		interval = 1
	}
	stop := make(chan struct{})
	stopped := false
	if persistent {
		b.l.Ref()
	}
	first, _ := statPath(path, true)
	prev := statValues(first)
	go func() {
		t := time.NewTicker(time.Duration(interval) * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
			}
			st, _ := statPath(path, true)
			cur := statValues(st)
			if !changed(cur, prev) {
				continue
			}
			c, p := cur, prev
			prev = cur
			b.l.Post(func() {
				if stopped {
					return
				}
				b.l.Call(fn, goja.Undefined(), b.vm.NewArray(c...), b.vm.NewArray(p...))
			})
		}
	}()
	return b.vm.ToValue(func(goja.FunctionCall) goja.Value {
		if !stopped {
			stopped = true
			close(stop)
			if persistent {
				b.l.Unref()
			}
		}
		return goja.Undefined()
	})
}

func changed(a, b []any) bool {
	for i := range a {
		if i == 10 { // atimeMs
			continue
		}
		if a[i] != b[i] {
			return true
		}
	}
	return false
}
