// Package crypto provides node's "crypto" module: hashes and HMACs (md5,
// sha1, sha2, sha3 families) over Go's standard library, random bytes,
// UUIDs and integers from crypto/rand, timingSafeEqual, pbkdf2, and the
// webcrypto getRandomValues/randomUUID. No TLS, ciphers or keys.
package crypto

import (
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/md5"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"crypto/subtle"
	_ "embed"
	"encoding"
	"hash"
	"sort"
	"strings"

	"github.com/dop251/goja"

	"gonode/modules/buffer"
	"gonode/runtime"
)

//go:embed crypto.js
var source string

// hashes maps node's digest names (lower-cased) to Go constructors.
var hashes = map[string]func() hash.Hash{
	"md5":        md5.New,
	"sha1":       sha1.New,
	"sha224":     sha256.New224,
	"sha256":     sha256.New,
	"sha384":     sha512.New384,
	"sha512":     sha512.New,
	"sha512-224": sha512.New512_224,
	"sha512-256": sha512.New512_256,
	"sha3-224":   func() hash.Hash { return sha3.New224() },
	"sha3-256":   func() hash.Hash { return sha3.New256() },
	"sha3-384":   func() hash.Hash { return sha3.New384() },
	"sha3-512":   func() hash.Hash { return sha3.New512() },
}

// hashByName resolves node's spellings: any case, "RSA-" prefixes, and
// "sha-256"-style dashes.
func hashByName(name string) func() hash.Hash {
	n := strings.ToLower(name)
	n = strings.TrimPrefix(n, "rsa-")
	if f, ok := hashes[n]; ok {
		return f
	}
	if strings.HasPrefix(n, "sha-") {
		return hashes["sha"+n[4:]]
	}
	return nil
}

// hashNames is crypto.getHashes(): the names we support, sorted as node's.
func hashNames() []any {
	var names []string
	for n := range hashes {
		names = append(names, n)
		if !strings.HasPrefix(n, "sha3") {
			names = append(names, "RSA-"+strings.ToUpper(n[:1])+strings.ToUpper(n[1:]))
		}
	}
	sort.Strings(names)
	out := make([]any, len(names))
	for i, n := range names {
		out[i] = n
	}
	return out
}

// digester is the Go state of one Hash or Hmac object.
type digester struct {
	h    hash.Hash
	mk   func() hash.Hash
	key  []byte // for Hmac copies
	done bool
}

func init() {
	runtime.Register("crypto", func(l *runtime.Loop) (goja.Value, error) {
		vm := l.VM
		b := vm.NewObject()
		handle := func(v goja.Value) *digester {
			d, _ := v.Export().(*digester)
			if d == nil {
				panic(l.TypeError("ERR_INVALID_THIS", "Value of \"this\" must be of type Hash"))
			}
			return d
		}
		b.Set("hashNew", func(call goja.FunctionCall) goja.Value {
			mk := hashByName(call.Argument(0).String())
			if mk == nil {
				return goja.Null()
			}
			return vm.ToValue(&digester{h: mk(), mk: mk})
		})
		b.Set("hmacNew", func(call goja.FunctionCall) goja.Value {
			mk := hashByName(call.Argument(0).String())
			if mk == nil {
				return goja.Null()
			}
			key, _ := buffer.Bytes(call.Argument(1))
			key = append([]byte(nil), key...)
			return vm.ToValue(&digester{h: hmac.New(mk, key), mk: mk, key: key})
		})
		b.Set("update", func(call goja.FunctionCall) goja.Value {
			d := handle(call.Argument(0))
			data, _ := buffer.Bytes(call.Argument(1))
			d.h.Write(data)
			return goja.Undefined()
		})
		b.Set("digest", func(call goja.FunctionCall) goja.Value {
			d := handle(call.Argument(0))
			d.done = true
			return buffer.New(l, d.h.Sum(nil))
		})
		// copy clones a hash mid-stream (Hash.prototype.copy); the standard
		// library's digests all marshal their state.
		b.Set("copy", func(call goja.FunctionCall) goja.Value {
			d := handle(call.Argument(0))
			m, ok := d.h.(encoding.BinaryMarshaler)
			if !ok {
				panic(l.NewError("this hash cannot be copied"))
			}
			state, err := m.MarshalBinary()
			if err != nil {
				panic(l.NewError(err.Error()))
			}
			nh := d.mk()
			if err := nh.(encoding.BinaryUnmarshaler).UnmarshalBinary(state); err != nil {
				panic(l.NewError(err.Error()))
			}
			return vm.ToValue(&digester{h: nh, mk: d.mk})
		})
		b.Set("hashes", func(goja.FunctionCall) goja.Value { return vm.NewArray(hashNames()...) })
		b.Set("randomFill", func(call goja.FunctionCall) goja.Value {
			data, _ := buffer.Bytes(call.Argument(0))
			rand.Read(data)
			return goja.Undefined()
		})
		// randomBytesAsync(n, cb): fills on another goroutine, calls
		// cb(buffer) on the loop.
		b.Set("randomBytesAsync", func(call goja.FunctionCall) goja.Value {
			n := call.Argument(0).ToInteger()
			cb := call.Argument(1)
			l.Go(func() func() {
				data := make([]byte, n)
				rand.Read(data)
				return func() { l.CallValue(cb, goja.Undefined(), buffer.New(l, data)) }
			})
			return goja.Undefined()
		})
		b.Set("timingSafeEqual", func(call goja.FunctionCall) goja.Value {
			a, _ := buffer.Bytes(call.Argument(0))
			c, _ := buffer.Bytes(call.Argument(1))
			return vm.ToValue(subtle.ConstantTimeCompare(a, c) == 1)
		})
		// pbkdf2(password, salt, iterations, keylen, digest): Buffer, or
		// null for an unknown digest.
		b.Set("pbkdf2", func(call goja.FunctionCall) goja.Value {
			mk := hashByName(call.Argument(4).String())
			if mk == nil {
				return goja.Null()
			}
			pw, _ := buffer.Bytes(call.Argument(0))
			salt, _ := buffer.Bytes(call.Argument(1))
			key, err := pbkdf2.Key(mk, string(pw), salt, int(call.Argument(2).ToInteger()), int(call.Argument(3).ToInteger()))
			if err != nil {
				panic(l.NewError(err.Error()))
			}
			return buffer.New(l, key)
		})
		// hkdf(digest, ikm, salt, info, keylen): ArrayBuffer; null for an
		// unknown digest, false for a key length the digest cannot give.
		b.Set("hkdf", func(call goja.FunctionCall) goja.Value {
			mk := hashByName(call.Argument(0).String())
			if mk == nil {
				return goja.Null()
			}
			ikm, _ := buffer.Bytes(call.Argument(1))
			salt, _ := buffer.Bytes(call.Argument(2))
			info, _ := buffer.Bytes(call.Argument(3))
			n := int(call.Argument(4).ToInteger())
			if n > 255*mk().Size() {
				return vm.ToValue(false)
			}
			key, err := hkdf.Key(mk, ikm, salt, string(info), n)
			if err != nil {
				panic(l.NewError(err.Error()))
			}
			return vm.ToValue(vm.NewArrayBuffer(key))
		})
		registerKeys(l, b)
		registerCiphers(l, b)
		return l.EvalModule("crypto", source, b)
	})
}
