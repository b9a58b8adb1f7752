package buffer_test

import (
	"bytes"
	"testing"

	"github.com/dop251/goja"

	"gonode/internal/difftest"
	"gonode/internal/testutil"
	_ "gonode/modules/all"
	"gonode/modules/buffer"
	"gonode/runtime"
)

func TestMain(m *testing.M) { testutil.Main(m) }

// TestDiff runs every script in testdata under node v20 and gonode and
// compares what they print.
func TestDiff(t *testing.T) { difftest.RunDir(t, "testdata") }

func newLoop(t testing.TB) *runtime.Loop {
	t.Helper()
	l, err := runtime.New(runtime.Options{Args: []string{"gonode"}, Exit: func(int) {}})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestNewAndBytes checks the Go API other modules use: New wraps a Go
// slice without copying, Bytes hands back the same memory.
func TestNewAndBytes(t *testing.T) {
	l := newLoop(t)
	data := []byte("hi there")
	v := buffer.New(l, data)
	l.VM.Set("b", v)
	res, err := l.VM.RunString(`[Buffer.isBuffer(b), b instanceof Uint8Array, b.toString('hex'), b.length, (b[0] = 72, 1)].join(' ')`)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := res.String(), "true true 6869207468657265 8 1"; got != want {
		t.Fatalf("JS saw %q, want %q", got, want)
	}
	if data[0] != 'H' {
		t.Fatalf("New copied its input: JS write not visible in Go (%q)", data)
	}
	got, ok := buffer.Bytes(v)
	if !ok || &got[0] != &data[0] {
		t.Fatalf("Bytes(New(b)) is not b: %v %q", ok, got)
	}
	for src, want := range map[string]string{
		`Buffer.from('abc').subarray(1)`:            "bc",
		`new Uint8Array([120, 121])`:                "xy",
		`new Uint8Array([1,2,122,123]).subarray(2)`: "z{",
		`new ArrayBuffer(2)`:                        "\x00\x00",
	} {
		v, err := l.VM.RunString(src)
		if err != nil {
			t.Fatal(err)
		}
		b, ok := buffer.Bytes(v)
		if !ok || !bytes.Equal(b, []byte(want)) {
			t.Errorf("Bytes(%s) = %q, %v; want %q", src, b, ok, want)
		}
	}
	for _, src := range []string{`'str'`, `({})`, `[1,2]`, `42`, `new Uint16Array(2)`} {
		v, err := l.VM.RunString(src)
		if err != nil {
			t.Fatal(err)
		}
		if b, ok := buffer.Bytes(v); ok {
			t.Errorf("Bytes(%s) = %q, true; want false", src, b)
		}
	}
	if _, ok := buffer.Bytes(goja.Undefined()); ok {
		t.Error("Bytes(undefined) reported bytes")
	}
	empty := buffer.New(l, nil)
	if b, ok := buffer.Bytes(empty); !ok || len(b) != 0 {
		t.Errorf("New(nil) = %q, %v", b, ok)
	}
}

// TestGlobalAccessor checks that the Buffer global is an accessor (as in
// node) that returns the module's Buffer every time.
func TestGlobalAccessor(t *testing.T) {
	l := newLoop(t)
	mod, err := l.RequireBuiltin("buffer")
	if err != nil {
		t.Fatal(err)
	}
	l.VM.Set("mod", mod)
	res, err := l.VM.RunString(`var d = Object.getOwnPropertyDescriptor(globalThis, 'Buffer');
		[typeof d.get, d.enumerable, Buffer === mod.Buffer, Buffer === Buffer, Buffer.from('ok').toString()].join(' ')`)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := res.String(), "function false true true ok"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}
