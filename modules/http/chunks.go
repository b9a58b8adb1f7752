package http

import (
	"encoding/base64"
	"encoding/hex"
	"reflect"
	"strings"

	"github.com/dop251/goja"

	"gonode/modules/buffer"
)

var stringType = reflect.TypeOf("")

// isString reports whether v is a JS string (without Export, which boxes).
func isString(v goja.Value) bool {
	if _, isObj := v.(*goja.Object); isObj || v == nil {
		return false
	}
	return v.ExportType() == stringType
}

func base64Std(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

// bufferValue is what a "data" event carries when no encoding was set: a
// Buffer, as today's node gives. data must be a fresh slice nobody else
// uses (the Buffer takes it over).
func (st *state) bufferValue(data []byte) goja.Value {
	return buffer.New(st.l, data)
}

// appendChunk appends the bytes of a body chunk (a string in enc, a Buffer,
// a typed array or an ArrayBuffer) to dst.
func (st *state) appendChunk(dst []byte, v goja.Value, enc string) ([]byte, bool) {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return dst, false
	}
	if b, ok := buffer.Bytes(v); ok {
		return append(dst, b...), true
	}
	if isString(v) {
		return appendString(dst, v.String(), enc), true
	}
	switch x := v.Export().(type) {
	case []byte:
		return append(dst, x...), true
	case goja.ArrayBuffer:
		return append(dst, x.Bytes()...), true
	case int64, float64, bool:
		return dst, false
	}
	if o, ok := v.(*goja.Object); ok {
		var b []byte
		if err := st.vm.ExportTo(o, &b); err == nil && b != nil {
			return append(dst, b...), true
		}
	}
	return dst, false
}

// appendString encodes s in enc: "utf8", or one byte per character for
// "binary"/"latin1"/"ascii" (node writes the low byte), "hex", "base64".
func appendString(dst []byte, s string, enc string) []byte {
	switch enc {
	case "", "utf8", "utf-8":
		return append(dst, s...)
	case "hex":
		b, _ := hex.DecodeString(s)
		return append(dst, b...)
	case "base64":
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			b, _ = base64.RawStdEncoding.DecodeString(strings.TrimRight(s, "="))
		}
		return append(dst, b...)
	}
	// binary / latin1 / ascii
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			for _, r := range s[i:] {
				dst = append(dst, byte(r))
			}
			return dst
		}
		dst = append(dst, s[i])
	}
	return dst
}
