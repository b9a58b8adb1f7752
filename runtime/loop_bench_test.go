package runtime_test

import (
	goruntime "runtime"
	"testing"

	"github.com/dop251/goja"

	_ "gonode/modules/all"
	"gonode/runtime"
)

// BenchmarkMacrotask is the loop's cost of one macrotask that calls one
// empty JS function: what every socket event pays before any JS of its own.
func BenchmarkMacrotask(b *testing.B) {
	l, err := runtime.New(runtime.Options{Args: []string{"gonode", "bench"}, Exit: func(int) {}})
	if err != nil {
		b.Fatal(err)
	}
	code := l.Run(func() error {
		v, err := l.VM.RunString("(function () {})")
		if err != nil {
			return err
		}
		fn, _ := goja.AssertFunction(v)
		n := 0
		var step func()
		step = func() {
			l.Call(fn, goja.Undefined())
			n++
			if n < b.N {
				l.Defer(step)
			}
		}
		b.ResetTimer()
		l.Defer(step)
		return nil
	})
	if code != 0 {
		b.Fatalf("exit %d", code)
	}
}

// BenchmarkNextTick is one process.nextTick callback queued and run from JS.
func BenchmarkNextTick(b *testing.B) {
	l, err := runtime.New(runtime.Options{Args: []string{"gonode", "bench"}, Exit: func(int) {}})
	if err != nil {
		b.Fatal(err)
	}
	src := `var n = 0, N = ` + itoa(b.N) + `; function step() { if (++n < N) process.nextTick(step); } process.nextTick(step);`
	b.ResetTimer()
	if code := l.Run(func() error { _, err := l.RunEval(src); return err }); code != 0 {
		b.Fatalf("exit %d", code)
	}
}

func itoa(n int) string {
	s := ""
	if n == 0 {
		return "0"
	}
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}

// The loop keeps goja's value stack between macrotasks (vmstack.go): the
// reflection that finds it still works with this goja, and a macrotask
// that calls into JS allocates nothing for its stack.
func TestVMStackKept(t *testing.T) {
	l, err := runtime.New(runtime.Options{Args: []string{"gonode", "test"}, Exit: func(int) {}})
	if err != nil {
		t.Fatal(err)
	}
	if !l.VMStackKept() {
		t.Fatal("goja's vm.stack was not found: the loop regrows it on every macrotask")
	}
	const n = 2000
	var allocs uint64
	code := l.Run(func() error {
		v, err := l.VM.RunString("(function f(d) { return d > 0 ? f(d - 1) : 0; })")
		if err != nil {
			return err
		}
		fn, _ := goja.AssertFunction(v)
		depth := l.VM.ToValue(20) // a few frames deep, as a socket event is
		i := 0
		var ms0, ms1 goruntime.MemStats
		var step func()
		step = func() {
			l.Call(fn, goja.Undefined(), depth)
			i++
			switch {
			case i == 100: // warmed up
				goruntime.ReadMemStats(&ms0)
			case i == 100+n:
				goruntime.ReadMemStats(&ms1)
				allocs = ms1.Mallocs - ms0.Mallocs
				return
			}
			l.Defer(step)
		}
		l.Defer(step)
		return nil
	})
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	// Regrowing the stack costs 7 allocations at this depth; with it kept,
	// a macrotask allocates nothing (1 under -race, whose instrumentation
	// allocates per call).
	if per := float64(allocs) / n; per > 2 {
		t.Fatalf("%.1f allocations per macrotask; want the stack kept (at most 2)", per)
	}
}
