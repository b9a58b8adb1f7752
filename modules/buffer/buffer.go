// Package buffer provides node's "buffer" module and the global Buffer: a
// Uint8Array subclass (as in node) with the encodings utf8, utf16le/ucs2,
// latin1/binary, ascii, base64, base64url and hex, the read/write integer
// and float methods, and the helpers other modules use to hand bytes to JS
// (New) and take bytes from JS (Bytes) without copying.
//
// The class and its argument checking live in buffer.js (node's error
// messages are easiest to match there); the byte work (encoding, decoding,
// searching, comparing) is Go.
package buffer

import (
	"bytes"
	_ "embed"
	"errors"
	"reflect"
	"sync"
	"unicode/utf8"

	"github.com/dop251/goja"

	"gonode/runtime"
)

//go:embed buffer.js
var source string

// state is what one loop's buffer module needs from Go: the Uint8Array
// constructor and FastBuffer (the class every Buffer is an instance of),
// so New can build a Buffer over a Go slice without a JS call.
type state struct {
	u8   goja.Constructor
	fast *goja.Object
}

var states sync.Map // *goja.Runtime -> *state

var (
	typeBytes       = reflect.TypeOf([]byte(nil))
	typeArrayBuffer = reflect.TypeOf(goja.ArrayBuffer{})
)

func init() {
	runtime.Register("buffer", load)
}

func load(l *runtime.Loop) (goja.Value, error) {
	vm := l.VM
	st := &state{}
	u8, ok := goja.AssertConstructor(vm.Get("Uint8Array"))
	if !ok {
		return nil, errors.New("Uint8Array is not a constructor")
	}
	st.u8 = u8
	b := vm.NewObject()
	b.Set("setFastBuffer", func(call goja.FunctionCall) goja.Value {
		st.fast = call.Argument(0).ToObject(vm)
		states.Store(vm, st)
		return goja.Undefined()
	})
	wrap := func(data []byte) goja.Value {
		o, err := st.u8(st.fast, vm.ToValue(vm.NewArrayBuffer(data)))
		if err != nil {
			panic(err)
		}
		return o
	}
	b.Set("fromString", func(call goja.FunctionCall) goja.Value {
		return wrap(encodeValue(call.Argument(0), int(call.Argument(1).ToInteger())))
	})
	b.Set("alloc", func(call goja.FunctionCall) goja.Value {
		return wrap(make([]byte, call.Argument(0).ToInteger()))
	})
	b.Set("toString", func(call goja.FunctionCall) goja.Value {
		buf := bytesOf(call.Argument(0))
		s, e := clamp(call.Argument(2), call.Argument(3), len(buf))
		return decodeValue(vm, buf[s:e], int(call.Argument(1).ToInteger()))
	})
	b.Set("byteLength", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(byteLengthOf(call.Argument(0), int(call.Argument(1).ToInteger())))
	})
	// write(buf, string, offset, maxLength, enc): bytes written. A UTF-8
	// character or UTF-16 unit that does not fit whole is not written.
	b.Set("write", func(call goja.FunctionCall) goja.Value {
		buf := bytesOf(call.Argument(0))
		enc := int(call.Argument(4).ToInteger())
		data := encodeValue(call.Argument(1), enc)
		off := int(call.Argument(2).ToInteger())
		if off < 0 || off > len(buf) {
			return vm.ToValue(0)
		}
		room := len(buf) - off
		if m := call.Argument(3); !goja.IsUndefined(m) {
			if n := int(m.ToInteger()); n < room {
				room = max(n, 0)
			}
		}
		if len(data) > room {
			switch enc {
			case encUTF8:
				cut := room
				for cut > 0 && !utf8.RuneStart(data[cut]) {
					cut--
				}
				data = data[:cut]
			case encUCS2:
				data = data[:room&^1]
			default:
				data = data[:room]
			}
		}
		return vm.ToValue(copy(buf[off:], data))
	})
	b.Set("compare", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(bytes.Compare(bytesOf(call.Argument(0)), bytesOf(call.Argument(1))))
	})
	// copy(src, srcStart, srcEnd, dst, dstStart): bytes copied (memmove
	// semantics, so overlapping views of one ArrayBuffer are safe).
	b.Set("copy", func(call goja.FunctionCall) goja.Value {
		src := bytesOf(call.Argument(0))
		s, e := clamp(call.Argument(1), call.Argument(2), len(src))
		dst := bytesOf(call.Argument(3))
		d := int(call.Argument(4).ToInteger())
		if d < 0 || d >= len(dst) {
			return vm.ToValue(0)
		}
		return vm.ToValue(copy(dst[d:], src[s:e]))
	})
	// indexOf(buf, needle, enc, offset, forward): needle is a string (in
	// enc), a Uint8Array or a byte (number).
	b.Set("indexOf", func(call goja.FunctionCall) goja.Value {
		buf := bytesOf(call.Argument(0))
		nv := call.Argument(1)
		var needle []byte
		switch {
		case goja.IsString(nv):
			needle = encodeValue(nv, int(call.Argument(2).ToInteger()))
		case goja.IsNumber(nv):
			needle = []byte{byte(nv.ToInteger())}
		default:
			needle = bytesOf(nv)
		}
		return vm.ToValue(indexOf(buf, needle, call.Argument(3).ToInteger(), call.Argument(4).ToBoolean()))
	})
	// fill(buf, value, enc, start, end): value is a string in enc or a
	// Uint8Array; returns -1 when it encodes to no bytes.
	b.Set("fill", func(call goja.FunctionCall) goja.Value {
		buf := bytesOf(call.Argument(0))
		var pat []byte
		if v := call.Argument(1); goja.IsString(v) {
			pat = encodeValue(v, int(call.Argument(2).ToInteger()))
		} else {
			pat = append([]byte(nil), bytesOf(v)...)
		}
		s, e := clamp(call.Argument(3), call.Argument(4), len(buf))
		if len(pat) == 0 {
			return vm.ToValue(-1)
		}
		region := buf[s:e]
		for i := 0; i < len(region); i += len(pat) {
			copy(region[i:], pat)
		}
		return vm.ToValue(0)
	})
	b.Set("isUtf8", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(utf8.Valid(bytesOf(call.Argument(0))))
	})
	b.Set("utf8Incomplete", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(utf8Incomplete(bytesOf(call.Argument(0))))
	})
	return l.EvalModule("buffer", source, b)
}

// clamp turns optional start/end arguments into a valid range of [0, n].
func clamp(sv, ev goja.Value, n int) (int, int) {
	s, e := 0, n
	if !goja.IsUndefined(sv) {
		s = int(min(max(sv.ToInteger(), 0), int64(n)))
	}
	if !goja.IsUndefined(ev) {
		e = int(min(max(ev.ToInteger(), 0), int64(n)))
	}
	if e < s {
		e = s
	}
	return s, e
}

// indexOf searches buf for needle from offset (negative counts from the
// end), forwards or backwards, with node's rules for offsets out of range
// and for the empty needle.
func indexOf(buf, needle []byte, offset int64, forward bool) int {
	n := int64(len(buf))
	m := int64(len(needle))
	if offset < 0 {
		offset += n
		if offset < 0 {
			if !forward && m > 0 {
				return -1
			}
			offset = 0
		}
	} else if offset+m > n {
		switch {
		case m == 0:
			offset = n
		case forward:
			return -1
		default:
			offset = n - 1
		}
	}
	if m == 0 {
		return int(offset)
	}
	if forward {
		i := bytes.Index(buf[offset:], needle)
		if i < 0 {
			return -1
		}
		return int(offset) + i
	}
	end := min(offset+m, n)
	return bytes.LastIndex(buf[:end], needle)
}

// bytesOf is Bytes for natives whose arguments buffer.js already checked.
func bytesOf(v goja.Value) []byte {
	b, _ := Bytes(v)
	return b
}

// Bytes returns the bytes of a Buffer, Uint8Array (any view of one), or
// ArrayBuffer, without copying, and true; for anything else nil, false.
// The slice aliases JS memory: use it on the loop goroutine, or copy it
// before handing it to another goroutine.
func Bytes(v goja.Value) ([]byte, bool) {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	// ExportType first: exporting a plain object would copy it into a map.
	switch o.ExportType() {
	case typeBytes:
		b, _ := o.Export().([]byte)
		return b, true
	case typeArrayBuffer:
		ab, _ := o.Export().(goja.ArrayBuffer)
		return ab.Bytes(), true
	}
	return nil, false
}

// New returns a JS Buffer holding b. b is not copied: the caller gives up
// ownership and must not use b afterwards. Call it on the loop goroutine.
func New(l *runtime.Loop, b []byte) goja.Value {
	st := stateOf(l)
	if b == nil {
		b = []byte{}
	}
	o, err := st.u8(st.fast, l.VM.ToValue(l.VM.NewArrayBuffer(b)))
	if err != nil {
		panic(err)
	}
	return o
}

func stateOf(l *runtime.Loop) *state {
	if st, ok := states.Load(l.VM); ok {
		return st.(*state)
	}
	l.MustRequire("buffer")
	st, _ := states.Load(l.VM)
	return st.(*state)
}
