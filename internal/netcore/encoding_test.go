package netcore

import (
	"bytes"
	"testing"

	"github.com/dop251/goja"
)

func units(v goja.Value) []uint16 {
	s := v.(goja.String)
	out := make([]uint16, s.Length())
	for i := range out {
		out[i] = s.CharAt(i)
	}
	return out
}

// The streaming UTF-8 decoder against what V8/Node produce for the same
// bytes, fed one byte at a time and all at once.
func TestUTF8Decoder(t *testing.T) {
	vm := goja.New()
	cases := []struct {
		in   []byte
		want string
	}{
		{[]byte("plain"), "plain"},
		{[]byte{0xc3, 0xa9}, "\u00e9"},
		{[]byte{0xff}, "\ufffd"},
		{[]byte{0xe2, 0x82, 'b'}, "\ufffdb"},             // maximal subpart: one U+FFFD
		{[]byte{0xed, 0xa0, 0x80}, "\ufffd\ufffd\ufffd"}, // a surrogate: three
		{[]byte{0xf0, 0x9f, 0x98, 0x80}, "\U0001F600"},
		{[]byte{0xc0, 0xaf}, "\ufffd\ufffd"}, // overlong
		{[]byte{0xf4, 0x90, 0x80, 0x80}, "\ufffd\ufffd\ufffd\ufffd"},
		{[]byte{'a', 0xe2}, "a\ufffd"}, // truncated at the end
	}
	for _, c := range cases {
		want := units(vm.ToValue(c.want))
		whole := NewDecoder(EncUTF8)
		got := units(whole.Decode(vm, c.in))
		got = append(got, units(vm.ToValue(whole.End(vm)))...)
		if !equal(got, want) {
			t.Errorf("%x at once: got %x want %x", c.in, got, want)
		}
		split := NewDecoder(EncUTF8)
		got = nil
		for _, b := range c.in {
			got = append(got, units(split.Decode(vm, []byte{b}))...)
		}
		got = append(got, units(vm.ToValue(split.End(vm)))...)
		if !equal(got, want) {
			t.Errorf("%x byte by byte: got %x want %x", c.in, got, want)
		}
	}
}

func equal(a, b []uint16) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// "binary" round trip: every byte value, and the low 8 bits of any char
// (including both halves of a surrogate pair and lone surrogates).
func TestBinary(t *testing.T) {
	vm := goja.New()
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	s := Latin1(vm, all)
	if u := units(s); len(u) != 256 || u[0] != 0 || u[255] != 255 || u[0x80] != 0x80 {
		t.Fatalf("Latin1: %x", u)
	}
	if back := EncodeString(s, EncBinary); !bytes.Equal(back, all) {
		t.Fatalf("round trip: %x", back)
	}
	str := goja.StringFromUTF16([]uint16{0x0000, 'h', 0xffff, 0x0141, 0xd83d, 0xde00, 0xd800, 'x', 0xfffd})
	want := []byte{0x00, 'h', 0xff, 0x41, 0x3d, 0x00, 0x00, 'x', 0xfd}
	if got := EncodeString(str, EncBinary); !bytes.Equal(got, want) {
		t.Fatalf("low bytes: got %x want %x", got, want)
	}
	if got := EncodeString(vm.ToValue("\u00e9\U0001F600"), EncBinary); !bytes.Equal(got, []byte{0xe9, 0x3d, 0x00}) {
		t.Fatalf("valid pair: %x", got)
	}
}

func TestEncodeAndStreamingDecoders(t *testing.T) {
	vm := goja.New()
	if got := EncodeString(goja.StringFromUTF16([]uint16{0xd800, 'x'}), EncUTF8); !bytes.Equal(got, []byte{0xef, 0xbf, 0xbd, 'x'}) {
		t.Errorf("lone surrogate to utf8: %x", got)
	}
	if got := EncodeString(vm.ToValue("6869zz"), EncHex); string(got) != "hi" {
		t.Errorf("hex: %q", got)
	}
	if got := EncodeString(vm.ToValue("aGk="), EncBase64); string(got) != "hi" {
		t.Errorf("base64: %q", got)
	}
	d := NewDecoder(EncBase64)
	var out string
	for _, b := range []byte("hello!!") {
		out += d.Decode(vm, []byte{b}).String()
	}
	out += d.End(vm)
	if out != "aGVsbG8hIQ==" {
		t.Errorf("streaming base64: %q", out)
	}
	d = NewDecoder(EncUTF16LE)
	out = d.Decode(vm, []byte{'h'}).String() + d.Decode(vm, []byte{0, 'i', 0}).String()
	if out != "hi" {
		t.Errorf("utf16le: %q", out)
	}
	if got := NewDecoder(EncASCII).Decode(vm, []byte{0xe9, 'a'}).String(); got != "ia" {
		t.Errorf("ascii strips the high bit: %q", got)
	}
}

// asciiValue must make a real JS string: the self-check passes, and JS sees
// the same string a plain ToValue would give (equality, length, methods,
// concatenation, use as a property key).
func TestASCIIValueIsAJSString(t *testing.T) {
	vm := goja.New()
	if !checkASCIIValue(vm) {
		t.Fatal("self-check failed: asciiValue would fall back to ToValue")
	}
	v := asciiValue(vm, "hello nasty!")
	vm.Set("v", v)
	got, err := vm.RunString(`[typeof v, v.length, v === 'hello nasty!', v.toUpperCase(), v + '?', ({'hello nasty!': 1})[v], JSON.stringify(v)].join('|')`)
	if err != nil {
		t.Fatal(err)
	}
	want := `string|12|true|HELLO NASTY!|hello nasty!?|1|"hello nasty!"`
	if got.String() != want {
		t.Fatalf("got %q, want %q", got.String(), want)
	}
}
