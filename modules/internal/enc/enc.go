// Package enc converts between JavaScript strings and bytes in the
// encodings node names ("utf8", "ascii", "binary"/"latin1", "hex",
// "base64", "base64url", "utf16le"/"ucs2"). It works on the UTF-16 code
// units of the JS string (goja.String.CharAt), because the 2009 "binary"
// encoding is defined on them: one char per byte, the low 8 bits of each
// char on write. Shared by posix, fs and child_process so every file and
// pipe treats bytes the same way.
package enc

import (
	"encoding/base64"
	"encoding/hex"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"github.com/dop251/goja"

	"gonode/modules/buffer"
	"gonode/runtime"
)

// Normalize maps the names node accepts (any case, "utf-8", "ucs-2"...) to
// one canonical name, or "" when the name is unknown.
func Normalize(name string) string {
	switch strings.ToLower(name) {
	case "utf8", "utf-8":
		return "utf8"
	case "ascii":
		return "ascii"
	case "binary", "latin1":
		return "latin1"
	case "hex":
		return "hex"
	case "base64":
		return "base64"
	case "base64url":
		return "base64url"
	case "ucs2", "ucs-2", "utf16le", "utf-16le":
		return "utf16le"
	}
	return ""
}

// units returns the UTF-16 code units of a JS string value.
func units(v goja.Value) []uint16 {
	s, ok := v.ToString().(goja.String)
	if !ok {
		return utf16.Encode([]rune(v.String()))
	}
	n := s.Length()
	u := make([]uint16, n)
	for i := 0; i < n; i++ {
		u[i] = s.CharAt(i)
	}
	return u
}

// Encode turns the string value v into bytes in encoding (a canonical or
// user name; unknown names mean utf8).
func Encode(v goja.Value, encoding string) []byte {
	switch Normalize(encoding) {
	case "latin1", "ascii":
		s := v.String()
		if isASCII(s) {
			return []byte(s)
		}
		u := units(v)
		b := make([]byte, len(u))
		for i, c := range u {
			b[i] = byte(c)
		}
		return b
	case "hex":
		s := v.String()
		n := 0
		for n+1 < len(s) && isHex(s[n]) && isHex(s[n+1]) {
			n += 2
		}
		b, _ := hex.DecodeString(s[:n])
		return b
	case "base64", "base64url":
		return decodeBase64(v.String())
	case "utf16le":
		u := units(v)
		b := make([]byte, 2*len(u))
		for i, c := range u {
			b[2*i] = byte(c)
			b[2*i+1] = byte(c >> 8)
		}
		return b
	}
	return UTF8(v)
}

// UTF8 encodes v as UTF-8; lone surrogates become U+FFFD as in node.
func UTF8(v goja.Value) []byte {
	s := v.String()
	if utf8.ValidString(s) && !strings.ContainsRune(s, utf8.RuneError) {
		return []byte(s)
	}
	u := units(v)
	b := make([]byte, 0, len(u)*3)
	for i := 0; i < len(u); i++ {
		c := rune(u[i])
		if utf16.IsSurrogate(c) {
			if c < 0xDC00 && i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] <= 0xDFFF {
				c = utf16.DecodeRune(c, rune(u[i+1]))
				i++
			} else {
				c = utf8.RuneError
			}
		}
		b = utf8.AppendRune(b, c)
	}
	return b
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// decodeBase64 is node's lenient base64 reader: both alphabets, padding
// optional, whitespace and other stray characters skipped.
func decodeBase64(s string) []byte {
	clean := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			clean = append(clean, c)
		case c == '+' || c == '-':
			clean = append(clean, '+')
		case c == '/' || c == '_':
			clean = append(clean, '/')
		case c == '=':
			i = len(s)
		}
	}
	if len(clean)%4 == 1 {
		clean = clean[:len(clean)-1]
	}
	b, _ := base64.RawStdEncoding.DecodeString(string(clean))
	return b
}

// Decode turns bytes into a JS string in encoding, with today's node
// rules: utf8 replaces each maximal invalid subsequence with U+FFFD, ascii
// drops the high bit, latin1/binary maps each byte to one char.
func Decode(vm *goja.Runtime, b []byte, encoding string) goja.Value {
	switch Normalize(encoding) {
	case "latin1":
		return Latin1(vm, b)
	case "ascii":
		if isASCII(string(b)) {
			return vm.ToValue(string(b))
		}
		c := make([]byte, len(b))
		for i, x := range b {
			c[i] = x & 0x7f
		}
		return vm.ToValue(string(c))
	case "hex":
		return vm.ToValue(hex.EncodeToString(b))
	case "base64":
		return vm.ToValue(base64.StdEncoding.EncodeToString(b))
	case "base64url":
		return vm.ToValue(base64.RawURLEncoding.EncodeToString(b))
	case "utf16le":
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		}
		return vm.ToValue(goja.StringFromUTF16(u))
	}
	return UTF8String(vm, b)
}

// DecodeOwned is Decode for a slice the caller gives away (a whole file
// just read): valid UTF-8 or ASCII text becomes a JS string without
// copying the bytes again.
func DecodeOwned(vm *goja.Runtime, b []byte, encoding string) goja.Value {
	switch Normalize(encoding) {
	case "utf8", "":
		if len(b) > 0 && utf8.Valid(b) {
			return vm.ToValue(unsafe.String(&b[0], len(b)))
		}
	case "latin1", "ascii":
		if len(b) > 0 && isASCII(unsafe.String(&b[0], len(b))) {
			return vm.ToValue(unsafe.String(&b[0], len(b)))
		}
	}
	return Decode(vm, b, encoding)
}

// Latin1 maps each byte to the char with that code: node's "binary".
func Latin1(vm *goja.Runtime, b []byte) goja.Value {
	if isASCII(string(b)) {
		return vm.ToValue(string(b))
	}
	u := make([]uint16, len(b))
	for i, x := range b {
		u[i] = uint16(x)
	}
	return vm.ToValue(goja.StringFromUTF16(u))
}

// UTF8String decodes UTF-8 the WHATWG way (what node does): every maximal
// subpart of an invalid sequence becomes one U+FFFD.
func UTF8String(vm *goja.Runtime, b []byte) goja.Value {
	if utf8.Valid(b) {
		return vm.ToValue(string(b))
	}
	return vm.ToValue(string(FixUTF8(b)))
}

// FixUTF8 returns b with invalid sequences replaced as the WHATWG decoder
// does.
func FixUTF8(b []byte) []byte {
	out := make([]byte, 0, len(b)+8)
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			out = append(out, c)
			i++
			continue
		}
		need, lo, hi := 0, byte(0x80), byte(0xBF)
		switch {
		case c >= 0xC2 && c <= 0xDF:
			need = 1
		case c == 0xE0:
			need, lo = 2, 0xA0
		case c >= 0xE1 && c <= 0xEC, c == 0xEE, c == 0xEF:
			need = 2
		case c == 0xED:
			need, hi = 2, 0x9F
		case c == 0xF0:
			need, lo = 3, 0x90
		case c >= 0xF1 && c <= 0xF3:
			need = 3
		case c == 0xF4:
			need, hi = 3, 0x8F
		default:
			out = append(out, "\uFFFD"...)
			i++
			continue
		}
		j := i + 1
		ok := true
		for k := 0; k < need; k++ {
			if j >= len(b) || b[j] < lo || b[j] > hi {
				ok = false
				break
			}
			lo, hi = 0x80, 0xBF
			j++
		}
		if ok {
			out = append(out, b[i:j]...)
		} else {
			out = append(out, "\uFFFD"...)
		}
		i = j
	}
	return out
}

// Decoder decodes a stream of UTF-8 chunks without splitting a character
// across two chunks (what a child's output or a file stream needs).
type Decoder struct {
	Encoding string
	rest     []byte
}

// Write decodes chunk, keeping an incomplete trailing character for the
// next call.
func (d *Decoder) Write(vm *goja.Runtime, chunk []byte) goja.Value {
	enc := Normalize(d.Encoding)
	if enc != "utf8" && enc != "" {
		return Decode(vm, chunk, enc)
	}
	b := chunk
	if len(d.rest) > 0 {
		b = append(d.rest, chunk...)
		d.rest = nil
	}
	cut := incompleteTail(b)
	if cut < len(b) {
		d.rest = append([]byte(nil), b[cut:]...)
		b = b[:cut]
	}
	return UTF8String(vm, b)
}

// End flushes what is left (an incomplete character becomes U+FFFD).
func (d *Decoder) End(vm *goja.Runtime) (goja.Value, bool) {
	if len(d.rest) == 0 {
		return nil, false
	}
	b := d.rest
	d.rest = nil
	return UTF8String(vm, b), true
}

// incompleteTail finds where a trailing, possibly complete-able UTF-8
// sequence starts; len(b) when there is none.
func incompleteTail(b []byte) int {
	for k := 1; k <= 3 && k <= len(b); k++ {
		c := b[len(b)-k]
		if c < 0x80 {
			return len(b)
		}
		if c >= 0xC0 {
			need := 0
			switch {
			case c >= 0xF0:
				need = 4
			case c >= 0xE0:
				need = 3
			default:
				need = 2
			}
			if need > k {
				return len(b) - k
			}
			return len(b)
		}
	}
	return len(b)
}

// NewBuffer makes a Buffer holding b (not copied: the caller gives b away).
func NewBuffer(l *runtime.Loop, b []byte) goja.Value {
	return buffer.New(l, b)
}

// Bytes returns the bytes viewed by a Buffer, typed array, DataView or
// ArrayBuffer. The slice aliases JS memory: copy it before handing it to
// another goroutine.
func Bytes(vm *goja.Runtime, v goja.Value) ([]byte, bool) {
	if b, ok := buffer.Bytes(v); ok {
		return b, true
	}
	o, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	if isView(vm, o) {
		var b []byte
		if vm.ExportTo(o, &b) == nil {
			return b, true
		}
	}
	return nil, false
}

func isView(vm *goja.Runtime, o *goja.Object) bool {
	ab, ok := vm.Get("ArrayBuffer").(*goja.Object)
	if !ok {
		return false
	}
	f, ok := goja.AssertFunction(ab.Get("isView"))
	if !ok {
		return false
	}
	r, err := f(ab, o)
	return err == nil && r.ToBoolean()
}

// IsBytes reports whether v is a byte container Bytes understands.
func IsBytes(vm *goja.Runtime, v goja.Value) bool {
	_, ok := Bytes(vm, v)
	return ok
}
