package crypto

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/subtle"
	"sort"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"gonode/modules/buffer"
	"gonode/runtime"
)

// cipherSpec describes one supported algorithm name.
type cipherSpec struct {
	keyLen int
	mode   string // cbc, ecb, ctr, gcm
}

var ciphers = map[string]cipherSpec{}

func init() {
	for _, bits := range []int{128, 192, 256} {
		for _, mode := range []string{"cbc", "ecb", "ctr", "gcm"} {
			ciphers["aes-"+strconv.Itoa(bits)+"-"+mode] = cipherSpec{bits / 8, mode}
		}
	}
	ciphers["aes128"] = ciphers["aes-128-cbc"]
	ciphers["aes192"] = ciphers["aes-192-cbc"]
	ciphers["aes256"] = ciphers["aes-256-cbc"]
	ciphers["id-aes128-gcm"] = ciphers["aes-128-gcm"]
	ciphers["id-aes192-gcm"] = ciphers["aes-192-gcm"]
	ciphers["id-aes256-gcm"] = ciphers["aes-256-gcm"]
}

// cipherState is the Go half of a Cipheriv/Decipheriv.
type cipherState struct {
	spec    cipherSpec
	decrypt bool
	block   cipher.Block
	mode    cipher.BlockMode // cbc
	stream  cipher.Stream    // ctr
	aead    cipher.AEAD      // gcm
	iv      []byte
	pending []byte // cbc/ecb: bytes not yet a whole block (and, decrypting, the last block)
	aad     []byte
	tag     []byte
	padding bool
}

func (c *cipherState) blocks(dst, src []byte) {
	if c.mode != nil {
		c.mode.CryptBlocks(dst, src)
		return
	}
	bs := c.block.BlockSize()
	for i := 0; i < len(src); i += bs {
		if c.decrypt {
			c.block.Decrypt(dst[i:i+bs], src[i:i+bs])
		} else {
			c.block.Encrypt(dst[i:i+bs], src[i:i+bs])
		}
	}
}

// update returns the output available for data so far.
func (c *cipherState) update(data []byte) []byte {
	switch c.spec.mode {
	case "ctr":
		out := make([]byte, len(data))
		c.stream.XORKeyStream(out, data)
		return out
	case "gcm":
		// Go's AEAD seals whole messages: input is kept until final.
		c.pending = append(c.pending, data...)
		return nil
	}
	c.pending = append(c.pending, data...)
	bs := c.block.BlockSize()
	n := len(c.pending) / bs * bs
	if c.decrypt && c.padding && n == len(c.pending) && n > 0 {
		n -= bs // keep the last block: it carries the padding
	}
	out := make([]byte, n)
	c.blocks(out, c.pending[:n])
	c.pending = append(c.pending[:0], c.pending[n:]...)
	return out
}

type osslError struct{ code, msg string }

// final returns the last output or an error shaped like OpenSSL's.
func (c *cipherState) final() ([]byte, *osslError) {
	switch c.spec.mode {
	case "ctr":
		return nil, nil
	case "gcm":
		if c.decrypt {
			msg := append(append([]byte(nil), c.pending...), c.tag...)
			out, err := c.aead.Open(nil, c.iv, msg, c.aad)
			if err != nil {
				return nil, &osslError{"", "Unsupported state or unable to authenticate data"}
			}
			return out, nil
		}
		sealed := c.aead.Seal(nil, c.iv, c.pending, c.aad)
		n := len(sealed) - c.aead.Overhead()
		c.tag = sealed[n:]
		return sealed[:n], nil
	}
	bs := c.block.BlockSize()
	if !c.decrypt {
		if c.padding {
			p := bs - len(c.pending)%bs
			for i := 0; i < p; i++ {
				c.pending = append(c.pending, byte(p))
			}
		} else if len(c.pending)%bs != 0 {
			return nil, &osslError{"ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH", "error:1C80006B:Provider routines::wrong final block length"}
		}
		out := make([]byte, len(c.pending))
		c.blocks(out, c.pending)
		return out, nil
	}
	if len(c.pending)%bs != 0 || (c.padding && len(c.pending) == 0) {
		return nil, &osslError{"ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH", "error:1C80006B:Provider routines::wrong final block length"}
	}
	out := make([]byte, len(c.pending))
	c.blocks(out, c.pending)
	if !c.padding {
		return out, nil
	}
	p := int(out[len(out)-1])
	bad := p == 0 || p > bs
	if !bad {
		want := make([]byte, p)
		for i := range want {
			want[i] = byte(p)
		}
		bad = subtle.ConstantTimeCompare(out[len(out)-p:], want) != 1
	}
	if bad {
		return nil, &osslError{"ERR_OSSL_BAD_DECRYPT", "error:1C800064:Provider routines::bad decrypt"}
	}
	return out[:len(out)-p], nil
}

func registerCiphers(l *runtime.Loop, b *goja.Object) {
	vm := l.VM
	handle := func(v goja.Value) *cipherState {
		c, _ := v.Export().(*cipherState)
		if c == nil {
			panic(l.TypeError("ERR_INVALID_THIS", "Value of \"this\" must be of type Cipher"))
		}
		return c
	}
	// cipherNew(name, key, iv, decrypt): a handle, or a string error code
	// (ERR_CRYPTO_UNKNOWN_CIPHER, ERR_CRYPTO_INVALID_KEYLEN, ERR_CRYPTO_INVALID_IV).
	b.Set("cipherNew", func(call goja.FunctionCall) goja.Value {
		spec, ok := ciphers[strings.ToLower(call.Argument(0).String())]
		if !ok {
			return vm.ToValue("ERR_CRYPTO_UNKNOWN_CIPHER")
		}
		key, _ := buffer.Bytes(call.Argument(1))
		if len(key) != spec.keyLen {
			return vm.ToValue("ERR_CRYPTO_INVALID_KEYLEN")
		}
		iv, hasIV := buffer.Bytes(call.Argument(2))
		block, err := aes.NewCipher(key)
		if err != nil {
			return vm.ToValue("ERR_CRYPTO_INVALID_KEYLEN")
		}
		c := &cipherState{spec: spec, decrypt: call.Argument(3).ToBoolean(), block: block, padding: true}
		switch spec.mode {
		case "ecb":
			if hasIV && len(iv) != 0 {
				return vm.ToValue("ERR_CRYPTO_INVALID_IV")
			}
		case "cbc", "ctr":
			if len(iv) != block.BlockSize() {
				return vm.ToValue("ERR_CRYPTO_INVALID_IV")
			}
			if spec.mode == "ctr" {
				c.stream = cipher.NewCTR(block, iv)
			} else if c.decrypt {
				c.mode = cipher.NewCBCDecrypter(block, iv)
			} else {
				c.mode = cipher.NewCBCEncrypter(block, iv)
			}
		case "gcm":
			if len(iv) == 0 {
				return vm.ToValue("ERR_CRYPTO_INVALID_IV")
			}
			aead, err := cipher.NewGCMWithNonceSize(block, len(iv))
			if err != nil {
				return vm.ToValue("ERR_CRYPTO_INVALID_IV")
			}
			c.aead = aead
			c.iv = append([]byte(nil), iv...)
		}
		return vm.ToValue(c)
	})
	b.Set("cipherUpdate", func(call goja.FunctionCall) goja.Value {
		data, _ := buffer.Bytes(call.Argument(1))
		out := handle(call.Argument(0)).update(data)
		return buffer.New(l, out)
	})
	b.Set("cipherFinal", func(call goja.FunctionCall) goja.Value {
		out, oe := handle(call.Argument(0)).final()
		if oe != nil {
			e := l.NewError(oe.msg)
			if oe.code != "" {
				e.Set("code", oe.code)
			}
			panic(e)
		}
		return buffer.New(l, out)
	})
	b.Set("cipherSet", func(call goja.FunctionCall) goja.Value {
		c := handle(call.Argument(0))
		switch call.Argument(1).String() {
		case "padding":
			c.padding = call.Argument(2).ToBoolean()
		case "aad":
			d, _ := buffer.Bytes(call.Argument(2))
			c.aad = append([]byte(nil), d...)
		case "tag":
			d, _ := buffer.Bytes(call.Argument(2))
			c.tag = append([]byte(nil), d...)
		}
		return goja.Undefined()
	})
	b.Set("cipherTag", func(call goja.FunctionCall) goja.Value {
		c := handle(call.Argument(0))
		if c.tag == nil {
			return goja.Undefined()
		}
		return buffer.New(l, append([]byte(nil), c.tag...))
	})
	b.Set("cipherMode", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(handle(call.Argument(0)).spec.mode)
	})
	b.Set("ciphers", func(goja.FunctionCall) goja.Value {
		names := make([]any, 0, len(ciphers))
		for _, n := range sortedKeys(ciphers) {
			names = append(names, n)
		}
		return vm.NewArray(names...)
	})
}

func sortedKeys(m map[string]cipherSpec) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
