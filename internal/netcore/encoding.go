package netcore

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/dop251/goja"
)

// Enc is how bytes become JS strings (received data) and strings become
// bytes (written data).
type Enc int

// The encodings a socket knows. EncBuffer means "no encoding": today's net
// delivers Buffers; Encode treats it like EncUTF8 (Node's default for
// strings).
const (
	EncBuffer Enc = iota
	EncBinary     // latin1: one char per byte; encoding keeps the low 8 bits of each char
	EncASCII      // today's ascii: decoding strips the high bit; encoding as binary
	EncUTF8       // WHATWG decoding: each maximal invalid subpart becomes U+FFFD
	EncHex
	EncBase64
	EncBase64URL
	EncUTF16LE
)

// ParseEnc maps an encoding name (as Node spells them) to an Enc.
func ParseEnc(name string) (Enc, bool) {
	switch strings.ToLower(name) {
	case "binary", "latin1":
		return EncBinary, true
	case "ascii":
		return EncASCII, true
	case "utf8", "utf-8":
		return EncUTF8, true
	case "hex":
		return EncHex, true
	case "base64":
		return EncBase64, true
	case "base64url":
		return EncBase64URL, true
	case "ucs2", "ucs-2", "utf16le", "utf-16le":
		return EncUTF16LE, true
	case "buffer":
		return EncBuffer, true
	}
	return 0, false
}

// EncodeString turns a JS string into bytes in enc. It works on the UTF-16
// code units so "binary" keeps exactly the low 8 bits of every char, as
// node v0.1.21 did (WebSocket draft-75 framing with "\u0000" and "\uffff"
// depends on it).
func EncodeString(v goja.Value, enc Enc) []byte {
	s, ok := v.(goja.String)
	if !ok {
		s, _ = v.ToString().(goja.String)
		if s == nil {
			return []byte(v.String())
		}
	}
	switch enc {
	case EncBinary, EncASCII:
		// String() of a string that came from Go is free, while Length()
		// makes goja scan it: test for ASCII on the Go side first.
		str := s.String()
		n := s.Length()
		if len(str) == n { // ASCII: see isASCIIValue
			return []byte(str)
		}
		return lowBytes(s, str, n)
	case EncHex:
		str := s.String()
		// Node decodes pairs until the first invalid one.
		out := make([]byte, 0, len(str)/2)
		for i := 0; i+1 < len(str); i += 2 {
			x, err := hex.DecodeString(str[i : i+2])
			if err != nil {
				break
			}
			out = append(out, x[0])
		}
		return out
	case EncBase64, EncBase64URL:
		return decodeBase64Lenient(s.String())
	case EncUTF16LE:
		n := s.Length()
		b := make([]byte, 2*n)
		for i := 0; i < n; i++ {
			c := s.CharAt(i)
			b[2*i], b[2*i+1] = byte(c), byte(c>>8)
		}
		return b
	default: // utf8, buffer
		str := s.String()
		if len(str) == s.Length() {
			return []byte(str)
		}
		return utf8OfUTF16(s)
	}
}

// lowBytes keeps the low 8 bits of each of the n UTF-16 code units of s.
// It walks the UTF-8 form str (fast, no interface call per char) and falls
// back to CharAt only when str has U+FFFD, which may stand for a lone
// surrogate whose low byte String() lost.
func lowBytes(s goja.String, str string, n int) []byte {
	b := make([]byte, 0, n)
	for _, r := range str {
		switch {
		case r == utf8.RuneError:
			b = b[:n]
			for i := 0; i < n; i++ {
				b[i] = byte(s.CharAt(i))
			}
			return b
		case r < 0x10000:
			b = append(b, byte(r))
		default: // a surrogate pair: the low bytes of both halves
			r -= 0x10000
			b = append(b, byte(0xD800+(r>>10)), byte(0xDC00+(r&0x3FF)))
		}
	}
	if len(b) != n {
		b = b[:0]
		for i := 0; i < n; i++ {
			b = append(b, byte(s.CharAt(i)))
		}
	}
	return b
}

// utf8OfUTF16 encodes UTF-16 code units as UTF-8; a lone surrogate becomes
// U+FFFD (EF BF BD) as in V8.
func utf8OfUTF16(s goja.String) []byte {
	n := s.Length()
	out := make([]byte, 0, n*3)
	var tmp [4]byte
	for i := 0; i < n; i++ {
		c := rune(s.CharAt(i))
		switch {
		case c >= 0xD800 && c <= 0xDBFF && i+1 < n:
			d := rune(s.CharAt(i + 1))
			if d >= 0xDC00 && d <= 0xDFFF {
				c = 0x10000 + (c-0xD800)<<10 + (d - 0xDC00)
				i++
			} else {
				c = utf8.RuneError
			}
		case c >= 0xD800 && c <= 0xDFFF:
			c = utf8.RuneError
		}
		k := utf8.EncodeRune(tmp[:], c)
		out = append(out, tmp[:k]...)
	}
	return out
}

func decodeBase64Lenient(s string) []byte {
	var clean strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			clean.WriteByte(c)
		case c == '+' || c == '-':
			clean.WriteByte('+')
		case c == '/' || c == '_':
			clean.WriteByte('/')
		case c == '=':
			i = len(s)
		}
	}
	str := clean.String()
	if len(str)%4 == 1 {
		str = str[:len(str)-1]
	}
	b, _ := base64.RawStdEncoding.DecodeString(str)
	return b
}

// Decoder turns a byte stream into JS strings chunk by chunk, carrying
// partial multi-byte sequences (utf8, utf16le, base64 groups) over to the
// next chunk so a character split by TCP segmentation is not mangled.
type Decoder struct {
	enc  Enc
	utf8 utf8State
	rest []byte // base64 / utf16le carry
}

// NewDecoder makes a Decoder for enc.
func NewDecoder(enc Enc) *Decoder { return &Decoder{enc: enc} }

// Enc reports the decoder's encoding.
func (d *Decoder) Enc() Enc { return d.enc }

// Decode converts the next chunk. The result may be "" when the chunk only
// held part of a character.
func (d *Decoder) Decode(vm *goja.Runtime, b []byte) goja.Value {
	v, _ := d.DecodeChunk(vm, b)
	return v
}

// DecodeChunk is Decode that also says whether the result is empty,
// without asking goja (which would scan the whole string to count it).
func (d *Decoder) DecodeChunk(vm *goja.Runtime, b []byte) (goja.Value, bool) {
	switch d.enc {
	case EncBinary, EncASCII, EncHex:
		return d.decode(vm, b), len(b) == 0
	case EncUTF8:
		str := d.utf8.decode(b)
		return vm.ToValue(str), str == ""
	}
	v := d.decode(vm, b)
	s, isStr := v.(goja.String)
	return v, isStr && s.Length() == 0
}

// DecodeOwned is DecodeChunk for bytes nobody will ever write again (the
// socket layer's reads: each read has memory of its own). A "binary" chunk
// of ASCII then becomes a JS string over those very bytes, with no copy:
// the 2009 echo path spent a fifth of its time copying chunks into strings
// and back.
func (d *Decoder) DecodeOwned(vm *goja.Runtime, b []byte) (goja.Value, bool) {
	if d.enc == EncBinary && len(b) > 0 && isASCII(b) {
		return asciiValue(vm, unsafe.String(&b[0], len(b))), false
	}
	return d.DecodeChunk(vm, b)
}

// encodeStringView is EncodeString that may return a view of the string's
// own memory instead of a copy (view true): when s is ASCII in an
// encoding where ASCII maps to itself. The view must not be written to or
// kept: a caller that queues it copies it first (see Conn.enqueue).
func encodeStringView(v goja.Value, enc Enc) ([]byte, bool) {
	if s, ok := v.(goja.String); ok {
		switch enc {
		case EncBinary, EncASCII, EncUTF8, EncBuffer:
			if str := s.String(); len(str) > 0 && len(str) == s.Length() {
				return unsafe.Slice(unsafe.StringData(str), len(str)), true
			}
		}
	}
	return EncodeString(v, enc), false
}

func (d *Decoder) decode(vm *goja.Runtime, b []byte) goja.Value {
	switch d.enc {
	case EncBinary:
		return Latin1(vm, b)
	case EncASCII:
		out := make([]byte, len(b))
		for i, c := range b {
			out[i] = c & 0x7f
		}
		return vm.ToValue(string(out))
	case EncHex:
		return vm.ToValue(hex.EncodeToString(b))
	case EncBase64, EncBase64URL:
		b = append(d.rest, b...)
		n := len(b) / 3 * 3
		d.rest = append([]byte(nil), b[n:]...)
		if d.enc == EncBase64 {
			return vm.ToValue(base64.StdEncoding.EncodeToString(b[:n]))
		}
		return vm.ToValue(base64.RawURLEncoding.EncodeToString(b[:n]))
	case EncUTF16LE:
		b = append(d.rest, b...)
		n := len(b) / 2
		d.rest = append([]byte(nil), b[2*n:]...)
		u := make([]uint16, n)
		for i := range u {
			u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		}
		return goja.StringFromUTF16(u)
	default:
		return vm.ToValue(d.utf8.decode(b))
	}
}

// End flushes what is left at the end of the stream ("" when nothing is).
func (d *Decoder) End(vm *goja.Runtime) string {
	switch d.enc {
	case EncUTF8, EncBuffer:
		if d.utf8.needed > 0 {
			d.utf8 = utf8State{}
			return "\uFFFD"
		}
	case EncBase64:
		if len(d.rest) > 0 {
			s := base64.StdEncoding.EncodeToString(d.rest)
			d.rest = nil
			return s
		}
	case EncBase64URL:
		if len(d.rest) > 0 {
			s := base64.RawURLEncoding.EncodeToString(d.rest)
			d.rest = nil
			return s
		}
	case EncUTF16LE:
		d.rest = nil
	}
	return ""
}

// Latin1 makes the "binary" string of b: char i is byte i.
func Latin1(vm *goja.Runtime, b []byte) goja.Value {
	if isASCII(b) {
		return vm.ToValue(string(b))
	}
	u := make([]uint16, len(b))
	for i, c := range b {
		u[i] = uint16(c)
	}
	return goja.StringFromUTF16(u)
}

// isASCII reports whether every byte of b is below 0x80, eight at a time:
// on the echo path this check runs over every byte received.
func isASCII(b []byte) bool {
	for len(b) >= 32 {
		w := binary.LittleEndian.Uint64(b) | binary.LittleEndian.Uint64(b[8:]) |
			binary.LittleEndian.Uint64(b[16:]) | binary.LittleEndian.Uint64(b[24:])
		if w&0x8080808080808080 != 0 {
			return false
		}
		b = b[32:]
	}
	for len(b) >= 8 {
		if binary.LittleEndian.Uint64(b)&0x8080808080808080 != 0 {
			return false
		}
		b = b[8:]
	}
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// A JS string is ASCII exactly when its UTF-8 form (String()) is as long
// as its UTF-16 length: any other character takes more UTF-8 bytes than
// UTF-16 units (a lone surrogate becomes the 3-byte U+FFFD). For goja's
// ASCII strings both are O(1), so written strings are never scanned.

// utf8State is a streaming UTF-8 decoder following the WHATWG Encoding
// standard (what V8 and Node's StringDecoder do): a maximal invalid subpart
// becomes one U+FFFD.
type utf8State struct {
	cp           rune
	needed, seen int
	lower, upper byte
	pend         []byte // bytes of the incomplete sequence, for the fast path
}

func (st *utf8State) decode(b []byte) string {
	if st.needed == 0 && utf8.Valid(b) {
		return string(b)
	}
	var out strings.Builder
	out.Grow(len(b) + 3)
	if st.lower == 0 {
		st.lower, st.upper = 0x80, 0xBF
	}
	for i := 0; i < len(b); i++ {
		c := b[i]
		if st.needed == 0 {
			switch {
			case c < 0x80:
				out.WriteByte(c)
			case c >= 0xC2 && c <= 0xDF:
				st.needed, st.cp = 1, rune(c&0x1F)
			case c >= 0xE0 && c <= 0xEF:
				if c == 0xE0 {
					st.lower = 0xA0
				} else if c == 0xED {
					st.upper = 0x9F
				}
				st.needed, st.cp = 2, rune(c&0x0F)
			case c >= 0xF0 && c <= 0xF4:
				if c == 0xF0 {
					st.lower = 0x90
				} else if c == 0xF4 {
					st.upper = 0x8F
				}
				st.needed, st.cp = 3, rune(c&0x07)
			default:
				out.WriteString("\uFFFD")
			}
			continue
		}
		if c < st.lower || c > st.upper {
			st.cp, st.needed, st.seen = 0, 0, 0
			st.lower, st.upper = 0x80, 0xBF
			out.WriteString("\uFFFD")
			i-- // reprocess this byte
			continue
		}
		st.lower, st.upper = 0x80, 0xBF
		st.cp = st.cp<<6 | rune(c&0x3F)
		st.seen++
		if st.seen == st.needed {
			out.WriteRune(st.cp)
			st.cp, st.needed, st.seen = 0, 0, 0
		}
	}
	return out.String()
}

// asciiValue makes the JS string s, which the caller has checked is ASCII,
// without goja scanning it again: vm.ToValue(string) scans every byte (one
// at a time) to choose between its ASCII and UTF-16 representations, which
// on the 2009 echo path doubled the cost of checking each chunk. goja has
// no exported constructor for its ASCII string type, so the value is made
// by copying the type of a known ASCII value and pointing it at s; a
// self-check at first use falls back to ToValue if the representation
// ever differs (a goja or Go change).
func asciiValue(vm *goja.Runtime, s string) goja.Value {
	asciiOnce.Do(func() { asciiOK = checkASCIIValue(vm) })
	if !asciiOK {
		return vm.ToValue(s)
	}
	return rawASCII(asciiTemplate, s)
}

var (
	asciiOnce     sync.Once
	asciiOK       bool
	asciiTemplate goja.Value
)

func rawASCII(template goja.Value, s string) goja.Value {
	v := template
	words := (*[2]unsafe.Pointer)(unsafe.Pointer(&v))
	p := new(string)
	*p = s
	words[1] = unsafe.Pointer(p)
	return v
}

func checkASCIIValue(vm *goja.Runtime) bool {
	asciiTemplate = vm.ToValue("ascii")
	const probe = "gonode probe 0123456789"
	v := rawASCII(asciiTemplate, probe)
	gs, ok := v.(goja.String)
	if !ok || gs.String() != probe || gs.Length() != len(probe) || !v.StrictEquals(vm.ToValue(probe)) {
		return false
	}
	return v.ExportType() == vm.ToValue(probe).ExportType()
}
