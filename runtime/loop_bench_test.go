package runtime_test

import (
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
