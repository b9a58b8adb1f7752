package buffer

import (
	"testing"

	_ "gonode/modules/events"
	"gonode/runtime"
)

// TestLazyLoad: start-up must not build the buffer module (the start-up
// time of an empty script is a benchmark target); the first read of the
// Buffer global does.
func TestLazyLoad(t *testing.T) {
	l, err := runtime.New(runtime.Options{Args: []string{"gonode"}, Exit: func(int) {}})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := states.Load(l.VM); ok {
		t.Fatal("buffer module was built at start-up")
	}
	if _, err := l.VM.RunString(`typeof Object.getOwnPropertyDescriptor(globalThis, 'Buffer')`); err != nil {
		t.Fatal(err)
	}
	if _, ok := states.Load(l.VM); ok {
		t.Fatal("looking at the Buffer descriptor built the module")
	}
	v, err := l.VM.RunString(`Buffer.from('hi').toString('hex')`)
	if err != nil {
		t.Fatal(err)
	}
	if v.String() != "6869" {
		t.Fatalf("got %q", v.String())
	}
	if _, ok := states.Load(l.VM); !ok {
		t.Fatal("using Buffer did not build the module")
	}
}
