package buffer

import (
	"encoding/base64"
	"encoding/hex"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// Encoding numbers shared with buffer.js (normEnc there returns them).
const (
	encUTF8 = iota
	encUCS2
	encLatin1
	encASCII
	encBase64
	encBase64URL
	encHex
)

// EncodingByName maps node's encoding names (as normalised by buffer.js,
// plus the common spellings) to the numbers above; -1 for unknown.
func encodingByName(name string) int {
	switch name {
	case "utf8", "utf-8", "UTF8", "UTF-8":
		return encUTF8
	case "ucs2", "ucs-2", "utf16le", "utf-16le":
		return encUCS2
	case "latin1", "binary":
		return encLatin1
	case "ascii":
		return encASCII
	case "base64":
		return encBase64
	case "base64url":
		return encBase64URL
	case "hex":
		return encHex
	}
	return -1
}

// encodeValue turns a JS string into bytes in encoding enc, as node's
// Buffer.from(string, enc) does. Encodings that work on UTF-16 code units
// (latin1, ascii, ucs2) read them from the goja string directly so that
// characters outside the BMP are split the way node splits them.
func encodeValue(v goja.Value, enc int) []byte {
	switch enc {
	case encUCS2, encLatin1, encASCII:
		s, ok := v.(goja.String)
		if !ok {
			s = goja.StringFromUTF16(utf16.Encode([]rune(v.String())))
		}
		n := s.Length()
		if enc == encUCS2 {
			out := make([]byte, 2*n)
			for i := 0; i < n; i++ {
				c := s.CharAt(i)
				out[2*i] = byte(c)
				out[2*i+1] = byte(c >> 8)
			}
			return out
		}
		out := make([]byte, n)
		for i := 0; i < n; i++ {
			out[i] = byte(s.CharAt(i))
		}
		return out
	}
	str := v.String()
	if enc == encBase64 || enc == encBase64URL || enc == encHex {
		// node decodes these from the low byte of each UTF-16 unit, so a
		// non-ASCII character can even read as '=' (U+D83D) or 'a' (U+0161).
		for i := 0; i < len(str); i++ {
			if str[i] >= 0x80 {
				str = string(encodeValue(v, encLatin1))
				break
			}
		}
	}
	return encodeString(str, enc)
}

// encodeString is encodeValue for the encodings that work on the UTF-8 form.
func encodeString(s string, enc int) []byte {
	switch enc {
	case encBase64, encBase64URL:
		return decodeBase64(s)
	case encHex:
		return decodeHex(s)
	case encLatin1, encASCII:
		out := make([]byte, 0, len(s))
		for _, r := range s {
			if r >= 0x10000 {
				hi, lo := utf16.EncodeRune(r)
				out = append(out, byte(hi), byte(lo))
			} else {
				out = append(out, byte(r))
			}
		}
		return out
	case encUCS2:
		u := utf16.Encode([]rune(s))
		out := make([]byte, 2*len(u))
		for i, c := range u {
			out[2*i] = byte(c)
			out[2*i+1] = byte(c >> 8)
		}
		return out
	}
	return []byte(s)
}

// b64val maps both base64 alphabets (standard and URL-safe) to 6-bit
// values; node's decoder accepts either, mixed.
var b64val = func() [256]int8 {
	var t [256]int8
	for i := range t {
		t[i] = -1
	}
	const std = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	for i := 0; i < len(std); i++ {
		t[std[i]] = int8(i)
	}
	t['-'] = 62
	t['_'] = 63
	return t
}()

// decodeBase64 decodes leniently, as node does: either alphabet, characters
// outside it (whitespace, punctuation) skipped, decoding stops at the first
// '=', and a trailing partial group yields the whole bytes it holds.
func decodeBase64(s string) []byte {
	out := make([]byte, 0, len(s)*3/4+2)
	var acc uint32
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '=' {
			break
		}
		v := b64val[c]
		if v < 0 {
			continue
		}
		acc = acc<<6 | uint32(v)
		n++
		if n == 4 {
			out = append(out, byte(acc>>16), byte(acc>>8), byte(acc))
			acc, n = 0, 0
		}
	}
	switch n {
	case 2:
		out = append(out, byte(acc>>4))
	case 3:
		out = append(out, byte(acc>>10), byte(acc>>2))
	}
	return out
}

// base64Len is node's estimate used by Buffer.byteLength(s, 'base64'): it
// looks only at the length and trailing '=' signs, not at the content.
func base64Len(v goja.Value) int {
	s, ok := v.(goja.String)
	if !ok {
		s = goja.StringFromUTF16(utf16.Encode([]rune(v.String())))
	}
	n := s.Length()
	if n > 0 && s.CharAt(n-1) == '=' {
		n--
	}
	if n > 1 && s.CharAt(n-1) == '=' {
		n--
	}
	return n * 3 >> 2
}

func unhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// decodeHex decodes pairs of hex digits up to the first pair that is not
// one; an odd trailing digit is dropped (node's behaviour).
func decodeHex(s string) []byte {
	out := make([]byte, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		a, b := unhex(s[i]), unhex(s[i+1])
		if a < 0 || b < 0 {
			break
		}
		out = append(out, byte(a<<4|b))
	}
	return out
}

// decodeUTF8 renders bytes as text the way node (and the WHATWG Encoding
// standard) does: each maximal invalid subsequence becomes one U+FFFD.
// Go's own conversion differs (one U+FFFD per byte, or per run), so the
// slow path is a small state machine.
func decodeUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	out := make([]byte, 0, len(b)+8)
	var cp rune
	need, seen := 0, 0
	lower, upper := byte(0x80), byte(0xBF)
	for i := 0; i < len(b); i++ {
		c := b[i]
		if need == 0 {
			switch {
			case c < 0x80:
				out = append(out, c)
			case c >= 0xC2 && c <= 0xDF:
				need, cp = 1, rune(c&0x1F)
			case c >= 0xE0 && c <= 0xEF:
				if c == 0xE0 {
					lower = 0xA0
				} else if c == 0xED {
					upper = 0x9F
				}
				need, cp = 2, rune(c&0x0F)
			case c >= 0xF0 && c <= 0xF4:
				if c == 0xF0 {
					lower = 0x90
				} else if c == 0xF4 {
					upper = 0x8F
				}
				need, cp = 3, rune(c&0x07)
			default:
				out = utf8.AppendRune(out, utf8.RuneError)
			}
			continue
		}
		if c < lower || c > upper {
			cp, need, seen = 0, 0, 0
			lower, upper = 0x80, 0xBF
			out = utf8.AppendRune(out, utf8.RuneError)
			i-- // this byte starts afresh
			continue
		}
		lower, upper = 0x80, 0xBF
		cp = cp<<6 | rune(c&0x3F)
		seen++
		if seen == need {
			out = utf8.AppendRune(out, cp)
			cp, need, seen = 0, 0, 0
		}
	}
	if need != 0 {
		out = utf8.AppendRune(out, utf8.RuneError)
	}
	return string(out)
}

// utf8Incomplete reports how many bytes at the end of b start a UTF-8
// sequence that more input could still complete (0 when b ends cleanly).
// string_decoder and TextDecoder{stream:true} hold those bytes back.
func utf8Incomplete(b []byte) int {
	// Look back at most 3 bytes for a lead byte.
	for k := 1; k <= 3 && k <= len(b); k++ {
		c := b[len(b)-k]
		if c&0xC0 == 0x80 {
			continue // continuation byte: keep looking for the lead
		}
		var need int
		switch {
		case c >= 0xC2 && c <= 0xDF:
			need = 2
		case c >= 0xE0 && c <= 0xEF:
			need = 3
		case c >= 0xF0 && c <= 0xF4:
			need = 4
		default:
			return 0
		}
		if k >= need {
			return 0
		}
		// The bytes after the lead must be valid continuations so far.
		tail := b[len(b)-k:]
		if !validPrefix(tail) {
			return 0
		}
		return k
	}
	return 0
}

// validPrefix reports whether p (a lead byte and some continuation bytes)
// can still become a valid UTF-8 sequence.
func validPrefix(p []byte) bool {
	lower, upper := byte(0x80), byte(0xBF)
	switch p[0] {
	case 0xE0:
		lower = 0xA0
	case 0xED:
		upper = 0x9F
	case 0xF0:
		lower = 0x90
	case 0xF4:
		upper = 0x8F
	}
	for i, c := range p[1:] {
		if i == 0 {
			if c < lower || c > upper {
				return false
			}
		} else if c&0xC0 != 0x80 {
			return false
		}
	}
	return true
}

// decodeValue renders b as a JS string in encoding enc.
func decodeValue(vm *goja.Runtime, b []byte, enc int) goja.Value {
	switch enc {
	case encUCS2:
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		}
		return vm.ToValue(goja.StringFromUTF16(u))
	case encLatin1:
		ascii := true
		for _, c := range b {
			if c >= 0x80 {
				ascii = false
				break
			}
		}
		if ascii {
			return vm.ToValue(string(b))
		}
		u := make([]uint16, len(b))
		for i, c := range b {
			u[i] = uint16(c)
		}
		return vm.ToValue(goja.StringFromUTF16(u))
	case encASCII:
		out := make([]byte, len(b))
		for i, c := range b {
			out[i] = c & 0x7F
		}
		return vm.ToValue(string(out))
	case encBase64:
		return vm.ToValue(base64.StdEncoding.EncodeToString(b))
	case encBase64URL:
		return vm.ToValue(base64.RawURLEncoding.EncodeToString(b))
	case encHex:
		return vm.ToValue(hex.EncodeToString(b))
	}
	return vm.ToValue(decodeUTF8(b))
}

// byteLengthOf is Buffer.byteLength(s, enc) for a string.
func byteLengthOf(v goja.Value, enc int) int {
	switch enc {
	case encUCS2:
		return stringLength(v) * 2
	case encLatin1, encASCII:
		return stringLength(v)
	case encBase64, encBase64URL:
		return base64Len(v)
	case encHex:
		return stringLength(v) >> 1
	}
	return utf8Len(v)
}

func stringLength(v goja.Value) int {
	if s, ok := v.(goja.String); ok {
		return s.Length()
	}
	return len(utf16.Encode([]rune(v.String())))
}

// utf8Len is the UTF-8 length of a JS string; goja's conversion writes a
// lone surrogate as U+FFFD (3 bytes), as node does.
func utf8Len(v goja.Value) int { return len(v.String()) }
