package enc

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// A UTF-8 stream cut at every possible place decodes to the same text as
// the whole: no character is split across two chunks.
func TestDecoderSplits(t *testing.T) {
	vm := goja.New()
	text := []byte("aé€😀z\xffq")
	want := string(FixUTF8(text))
	for cut := 0; cut <= len(text); cut++ {
		d := &Decoder{Encoding: "utf8"}
		got := d.Write(vm, text[:cut]).String() + d.Write(vm, text[cut:]).String()
		if v, ok := d.End(vm); ok {
			got += v.String()
		}
		if got != want {
			t.Fatalf("cut %d: %q, want %q", cut, got, want)
		}
	}
	// A truncated character at the very end becomes one U+FFFD.
	d := &Decoder{Encoding: "utf8"}
	got := d.Write(vm, []byte("x\xe2\x82")).String()
	v, ok := d.End(vm)
	if got != "x" || !ok || v.String() != "\uFFFD" {
		t.Fatalf("tail: %q then %v %v", got, v, ok)
	}
}

// FixUTF8 never lets invalid UTF-8 through and keeps valid input as is.
func TestFixUTF8(t *testing.T) {
	for _, in := range [][]byte{
		[]byte("plain"), []byte("é€😀"), {0xff}, {0xc3, 0x28}, {0xe2, 0x82}, {0xed, 0xa0, 0x80},
		{0xf4, 0x90, 0x80, 0x80}, {0xc0, 0xaf}, {0xf0, 0x9f, 0x98},
	} {
		out := FixUTF8(in)
		if !utf8.Valid(out) {
			t.Fatalf("%x -> invalid %x", in, out)
		}
		if utf8.Valid(in) && !bytes.Equal(in, out) {
			t.Fatalf("valid %x changed to %x", in, out)
		}
	}
	// WHATWG: one U+FFFD per maximal subpart ("\xf0\x9f\x98" is one).
	if got := string(FixUTF8([]byte{0xf0, 0x9f, 0x98, 0x41})); got != "\uFFFDA" {
		t.Fatalf("maximal subpart: %q", got)
	}
	if got := string(FixUTF8([]byte{0xc0, 0xaf})); got != "\uFFFD\uFFFD" {
		t.Fatalf("overlong: %q", got)
	}
}

// "binary" writes keep the low 8 bits of each UTF-16 unit; latin1 decode
// maps each byte to one char.
func TestBinary(t *testing.T) {
	vm := goja.New()
	v, _ := vm.RunString(`"\u0000\u00ff\u0141\uffff\ud83d"`)
	if got := Encode(v, "binary"); !bytes.Equal(got, []byte{0x00, 0xff, 0x41, 0xff, 0x3d}) {
		t.Fatalf("binary encode: %x", got)
	}
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	s := Latin1(vm, all).(goja.String)
	for i := 0; i < 256; i++ {
		if s.CharAt(i) != uint16(i) {
			t.Fatalf("char %d is %d", i, s.CharAt(i))
		}
	}
	if got := UTF8(mustRun(vm, `"a\ud800b"`)); string(got) != "a\uFFFDb" {
		t.Fatalf("lone surrogate: %q", got)
	}
}

func mustRun(vm *goja.Runtime, src string) goja.Value {
	v, err := vm.RunString(src)
	if err != nil {
		panic(err)
	}
	return v
}
