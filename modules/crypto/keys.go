package crypto

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/asn1"
	"encoding/pem"
	"errors"
	"math/big"
	"strings"

	"github.com/dop251/goja"

	"gonode/modules/buffer"
	"gonode/runtime"
)

// keyHandle is the Go half of an asymmetric KeyObject: a private key (and
// its public half) or a public key alone.
type keyHandle struct {
	priv crypto.Signer
	pub  crypto.PublicKey
}

var errUnsupportedKey = errors.New("error:1E08010C:DECODER routines::unsupported")

// parseKey reads a PEM (or, with der set, DER of the given type) key.
// wantPrivate says which half the caller asked for; a private key also
// serves createPublicKey.
func parseKey(data []byte, der bool, derType string, wantPrivate bool) (*keyHandle, error) {
	var blockType string
	var body []byte
	if der {
		body = data
		switch derType {
		case "pkcs1":
			blockType = "RSA PRIVATE KEY"
			if !wantPrivate {
				if k, err := x509.ParsePKCS1PublicKey(body); err == nil {
					return &keyHandle{pub: k}, nil
				}
			}
		case "sec1":
			blockType = "EC PRIVATE KEY"
		case "spki":
			blockType = "PUBLIC KEY"
		default:
			blockType = "PRIVATE KEY"
		}
	} else {
		block, _ := pem.Decode(data)
		if block == nil {
			return nil, errUnsupportedKey
		}
		blockType, body = block.Type, block.Bytes
	}
	var priv any
	var err error
	switch blockType {
	case "PRIVATE KEY":
		priv, err = x509.ParsePKCS8PrivateKey(body)
	case "RSA PRIVATE KEY":
		priv, err = x509.ParsePKCS1PrivateKey(body)
	case "EC PRIVATE KEY":
		priv, err = x509.ParseECPrivateKey(body)
	case "PUBLIC KEY", "RSA PUBLIC KEY", "CERTIFICATE":
		if wantPrivate {
			return nil, errUnsupportedKey
		}
		var pub any
		switch blockType {
		case "PUBLIC KEY":
			pub, err = x509.ParsePKIXPublicKey(body)
		case "RSA PUBLIC KEY":
			pub, err = x509.ParsePKCS1PublicKey(body)
		default:
			var cert *x509.Certificate
			cert, err = x509.ParseCertificate(body)
			if err == nil {
				pub = cert.PublicKey
			}
		}
		if err != nil {
			return nil, errUnsupportedKey
		}
		return &keyHandle{pub: pub}, nil
	default:
		return nil, errUnsupportedKey
	}
	if err != nil {
		return nil, errUnsupportedKey
	}
	signer, ok := priv.(crypto.Signer)
	if !ok {
		return nil, errUnsupportedKey
	}
	return &keyHandle{priv: signer, pub: signer.Public()}, nil
}

func curveName(c elliptic.Curve) string {
	switch c {
	case elliptic.P256():
		return "prime256v1"
	case elliptic.P384():
		return "secp384r1"
	case elliptic.P521():
		return "secp521r1"
	case elliptic.P224():
		return "secp224r1"
	}
	return c.Params().Name
}

// cryptoHashes maps digest names to crypto.Hash for signatures.
func cryptoHash(name string) (crypto.Hash, bool) {
	n := strings.TrimPrefix(strings.ToLower(name), "rsa-")
	n = strings.ReplaceAll(n, "sha-", "sha")
	switch n {
	case "md5":
		return crypto.MD5, true
	case "sha1":
		return crypto.SHA1, true
	case "sha224":
		return crypto.SHA224, true
	case "sha256":
		return crypto.SHA256, true
	case "sha384":
		return crypto.SHA384, true
	case "sha512":
		return crypto.SHA512, true
	case "sha512-224":
		return crypto.SHA512_224, true
	case "sha512-256":
		return crypto.SHA512_256, true
	case "sha3-256":
		return crypto.SHA3_256, true
	case "sha3-384":
		return crypto.SHA3_384, true
	case "sha3-512":
		return crypto.SHA3_512, true
	}
	return 0, false
}

const (
	rsaPKCS1Padding = 1
	rsaPSSPadding   = 6
)

func pssSalt(n int64) int {
	switch n {
	case -1:
		return rsa.PSSSaltLengthEqualsHash
	case -2, -3:
		return rsa.PSSSaltLengthAuto
	}
	return int(n)
}

// ecdsaSig is the DER shape of an ECDSA signature.
type ecdsaSig struct{ R, S *big.Int }

func toP1363(der []byte, size int) ([]byte, error) {
	var sig ecdsaSig
	if _, err := asn1.Unmarshal(der, &sig); err != nil {
		return nil, err
	}
	out := make([]byte, 2*size)
	sig.R.FillBytes(out[:size])
	sig.S.FillBytes(out[size:])
	return out, nil
}

func fromP1363(raw []byte) []byte {
	half := len(raw) / 2
	der, _ := asn1.Marshal(ecdsaSig{new(big.Int).SetBytes(raw[:half]), new(big.Int).SetBytes(raw[half:])})
	return der
}

func registerKeys(l *runtime.Loop, b *goja.Object) {
	vm := l.VM
	handle := func(v goja.Value) *keyHandle {
		h, _ := v.Export().(*keyHandle)
		if h == nil {
			panic(l.TypeError("ERR_INVALID_ARG_TYPE", "invalid key"))
		}
		return h
	}
	osslError := func(err error) *goja.Object {
		e := l.NewError(err.Error())
		e.Set("code", "ERR_OSSL_UNSUPPORTED")
		return e
	}
	// keyParse(bytes, der, derType, wantPrivate): a handle, or throws.
	b.Set("keyParse", func(call goja.FunctionCall) goja.Value {
		data, _ := buffer.Bytes(call.Argument(0))
		h, err := parseKey(data, call.Argument(1).ToBoolean(), call.Argument(2).String(), call.Argument(3).ToBoolean())
		if err != nil {
			panic(osslError(err))
		}
		return vm.ToValue(h)
	})
	b.Set("keyPublic", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(&keyHandle{pub: handle(call.Argument(0)).pub})
	})
	// keyInfo(h): [type, asymmetricKeyType, details]
	b.Set("keyInfo", func(call goja.FunctionCall) goja.Value {
		h := handle(call.Argument(0))
		kind := "public"
		if h.priv != nil {
			kind = "private"
		}
		details := vm.NewObject()
		var typ string
		switch k := h.pub.(type) {
		case *rsa.PublicKey:
			typ = "rsa"
			details.Set("modulusLength", k.N.BitLen())
			e, _ := vm.RunString(big.NewInt(int64(k.E)).String() + "n")
			details.Set("publicExponent", e)
		case *ecdsa.PublicKey:
			typ = "ec"
			details.Set("namedCurve", curveName(k.Curve))
		case ed25519.PublicKey:
			typ = "ed25519"
		default:
			typ = "unknown"
		}
		return vm.NewArray(kind, typ, details)
	})
	// keyExport(h, format, type): PEM string or DER Buffer.
	b.Set("keyExport", func(call goja.FunctionCall) goja.Value {
		h := handle(call.Argument(0))
		format, typ := call.Argument(1).String(), call.Argument(2).String()
		var der []byte
		var blockType string
		var err error
		if h.priv != nil {
			switch typ {
			case "pkcs1":
				k, ok := h.priv.(*rsa.PrivateKey)
				if !ok {
					panic(l.TypeError("ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS", "The selected key encoding pkcs1 can only be used for RSA keys."))
				}
				der, blockType = x509.MarshalPKCS1PrivateKey(k), "RSA PRIVATE KEY"
			case "sec1":
				k, ok := h.priv.(*ecdsa.PrivateKey)
				if !ok {
					panic(l.TypeError("ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS", "The selected key encoding sec1 can only be used for EC keys."))
				}
				der, err = x509.MarshalECPrivateKey(k)
				blockType = "EC PRIVATE KEY"
			default:
				der, err = x509.MarshalPKCS8PrivateKey(h.priv)
				blockType = "PRIVATE KEY"
			}
		} else {
			if k, ok := h.pub.(*rsa.PublicKey); ok && typ == "pkcs1" {
				der, blockType = x509.MarshalPKCS1PublicKey(k), "RSA PUBLIC KEY"
			} else {
				der, err = x509.MarshalPKIXPublicKey(h.pub)
				blockType = "PUBLIC KEY"
			}
		}
		if err != nil {
			panic(l.NewError(err.Error()))
		}
		if format == "der" {
			return buffer.New(l, der)
		}
		return vm.ToValue(string(pem.EncodeToMemory(&pem.Block{Type: blockType, Bytes: der})))
	})
	// sign(alg, data, h, padding, saltLength, p1363): Buffer.
	b.Set("sign", func(call goja.FunctionCall) goja.Value {
		h := handle(call.Argument(2))
		if h.priv == nil {
			panic(l.TypeError("ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", "Invalid key object type public, expected private."))
		}
		data, _ := buffer.Bytes(call.Argument(1))
		if _, ok := h.priv.(ed25519.PrivateKey); ok {
			sig, err := h.priv.Sign(rand.Reader, data, crypto.Hash(0))
			if err != nil {
				panic(l.NewError(err.Error()))
			}
			return buffer.New(l, sig)
		}
		hf, ok := cryptoHash(call.Argument(0).String())
		if !ok {
			panic(l.TypeError("ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: "+call.Argument(0).String()))
		}
		hh := hf.New()
		hh.Write(data)
		digest := hh.Sum(nil)
		var sig []byte
		var err error
		switch k := h.priv.(type) {
		case *rsa.PrivateKey:
			if call.Argument(3).ToInteger() == rsaPSSPadding {
				sig, err = rsa.SignPSS(rand.Reader, k, hf, digest, &rsa.PSSOptions{SaltLength: pssSalt(call.Argument(4).ToInteger()), Hash: hf})
			} else {
				sig, err = rsa.SignPKCS1v15(rand.Reader, k, hf, digest)
			}
		case *ecdsa.PrivateKey:
			sig, err = ecdsa.SignASN1(rand.Reader, k, digest)
			if err == nil && call.Argument(5).ToBoolean() {
				sig, err = toP1363(sig, (k.Curve.Params().BitSize+7)/8)
			}
		default:
			err = errors.New("unsupported key type")
		}
		if err != nil {
			panic(l.NewError(err.Error()))
		}
		return buffer.New(l, sig)
	})
	// verify(alg, data, h, sig, padding, saltLength, p1363): bool.
	b.Set("verify", func(call goja.FunctionCall) goja.Value {
		h := handle(call.Argument(2))
		data, _ := buffer.Bytes(call.Argument(1))
		sig, _ := buffer.Bytes(call.Argument(3))
		if k, ok := h.pub.(ed25519.PublicKey); ok {
			return vm.ToValue(ed25519.Verify(k, data, sig))
		}
		hf, ok := cryptoHash(call.Argument(0).String())
		if !ok {
			panic(l.TypeError("ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: "+call.Argument(0).String()))
		}
		hh := hf.New()
		hh.Write(data)
		digest := hh.Sum(nil)
		switch k := h.pub.(type) {
		case *rsa.PublicKey:
			if call.Argument(4).ToInteger() == rsaPSSPadding {
				return vm.ToValue(rsa.VerifyPSS(k, hf, digest, sig, &rsa.PSSOptions{SaltLength: pssSalt(call.Argument(5).ToInteger()), Hash: hf}) == nil)
			}
			return vm.ToValue(rsa.VerifyPKCS1v15(k, hf, digest, sig) == nil)
		case *ecdsa.PublicKey:
			if call.Argument(6).ToBoolean() {
				sig = fromP1363(sig)
			}
			return vm.ToValue(ecdsa.VerifyASN1(k, digest, sig))
		}
		return vm.ToValue(false)
	})
}
