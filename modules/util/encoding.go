package util

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"

	"gonode/runtime"
)

// encodingNatives are the byte halves of TextEncoder/TextDecoder: UTF-8 in
// and out of goja's UTF-16 strings, with the WHATWG decoder's replacement
// rule (one U+FFFD per maximal invalid subpart).
func encodingNatives(l *runtime.Loop, b *goja.Object) {
	vm := l.VM
	// encode(str) -> ArrayBuffer of its UTF-8 bytes; lone surrogates become
	// U+FFFD as the WHATWG encoder does.
	b.Set("utf8Encode", func(call goja.FunctionCall) goja.Value {
		s := call.Argument(0).String()
		return vm.ToValue(vm.NewArrayBuffer([]byte(strings.ToValidUTF8(s, "\uFFFD"))))
	})
	// utf8Decode(arrayBuffer, offset, length, fatal, stream) -> [string, consumed]
	b.Set("utf8Decode", func(call goja.FunctionCall) goja.Value {
		data := viewBytes(call)
		fatal := call.Argument(3).ToBoolean()
		stream := call.Argument(4).ToBoolean()
		var sb strings.Builder
		i := 0
		for i < len(data) {
			c := data[i]
			if c < utf8.RuneSelf {
				sb.WriteByte(c)
				i++
				continue
			}
			r, size := utf8.DecodeRune(data[i:])
			if r != utf8.RuneError || size > 1 {
				sb.WriteRune(r)
				i += size
				continue
			}
			n := validPrefix(data[i:])
			if stream && i+n == len(data) && n > 0 && n < seqLen(c) {
				break // an incomplete sequence at the end: wait for more
			}
			if fatal {
				panic(l.TypeError("ERR_ENCODING_INVALID_ENCODED_DATA", "The encoded data was not valid for encoding utf-8"))
			}
			sb.WriteRune(utf8.RuneError)
			if n == 0 {
				n = 1
			}
			i += n
		}
		return vm.NewArray(sb.String(), i)
	})
	// utf16leDecode(arrayBuffer, offset, length) -> string
	b.Set("utf16leDecode", func(call goja.FunctionCall) goja.Value {
		data := viewBytes(call)
		u := make([]uint16, len(data)/2)
		for k := range u {
			u[k] = uint16(data[2*k]) | uint16(data[2*k+1])<<8
		}
		return vm.ToValue(string(utf16.Decode(u)))
	})
	// latin1Decode maps each byte to the code point of the same value.
	b.Set("latin1Decode", func(call goja.FunctionCall) goja.Value {
		data := viewBytes(call)
		r := make([]rune, len(data))
		for k, c := range data {
			r[k] = rune(c)
		}
		return vm.ToValue(string(r))
	})
}

func viewBytes(call goja.FunctionCall) []byte {
	ab, ok := call.Argument(0).Export().(goja.ArrayBuffer)
	if !ok {
		return nil
	}
	all := ab.Bytes()
	off := int(call.Argument(1).ToInteger())
	n := int(call.Argument(2).ToInteger())
	if off < 0 || n < 0 || off+n > len(all) {
		return nil
	}
	return all[off : off+n]
}

func seqLen(c byte) int {
	switch {
	case c >= 0xc2 && c <= 0xdf:
		return 2
	case c >= 0xe0 && c <= 0xef:
		return 3
	case c >= 0xf0 && c <= 0xf4:
		return 4
	}
	return 1
}

// validPrefix is the length of the maximal subpart of an ill-formed
// sequence at the start of p: the lead byte plus the continuation bytes
// that were still valid for it (WHATWG replaces that whole run with one
// U+FFFD).
func validPrefix(p []byte) int {
	c := p[0]
	need := seqLen(c)
	if need == 1 {
		return 1
	}
	lo, hi := byte(0x80), byte(0xbf)
	switch c {
	case 0xe0:
		lo = 0xa0
	case 0xed:
		hi = 0x9f
	case 0xf0:
		lo = 0x90
	case 0xf4:
		hi = 0x8f
	}
	n := 1
	for n < need && n < len(p) {
		b := p[n]
		if b < lo || b > hi {
			break
		}
		lo, hi = 0x80, 0xbf
		n++
	}
	return n
}
