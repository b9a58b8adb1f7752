// Package testpki makes throw-away certificates for TLS tests: a CA, a
// leaf it signed for localhost and 127.0.0.1, a self-signed leaf, and an
// expired leaf, written as PEM files into a folder, plus Go-side
// tls.Certificates and a pool holding the CA.
package testpki

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// PKI is one set of certificates. Files maps a name (ca.pem, leaf.pem,
// leaf-key.pem, self.pem, self-key.pem, expired.pem, expired-key.pem) to
// its path.
type PKI struct {
	Dir     string
	CAPool  *x509.CertPool
	CAPEM   []byte
	Leaf    tls.Certificate // signed by the CA, for localhost and 127.0.0.1
	Self    tls.Certificate // self-signed, for localhost and 127.0.0.1
	Expired tls.Certificate // signed by the CA, expired yesterday
}

// Path is the path of a file the PKI wrote.
func (p *PKI) Path(name string) string { return filepath.Join(p.Dir, name) }

// New writes a fresh PKI into dir.
func New(t testing.TB, dir string) *PKI {
	t.Helper()
	p := &PKI{Dir: dir}
	now := time.Now()
	caKey := newKey(t)
	caTmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "gonode test CA", Organization: []string{"gonode"}},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(24 * time.Hour),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	caCert, _ := x509.ParseCertificate(caDER)
	p.CAPEM = pemOf("CERTIFICATE", caDER)
	p.CAPool = x509.NewCertPool()
	p.CAPool.AddCert(caCert)
	write(t, p.Path("ca.pem"), p.CAPEM)

	leaf := func(name string, serial int64, from, to time.Time, parent *x509.Certificate, parentKey *ecdsa.PrivateKey) tls.Certificate {
		key := newKey(t)
		tmpl := &x509.Certificate{
			SerialNumber: big.NewInt(serial),
			Subject:      pkix.Name{CommonName: "localhost", Organization: []string{"gonode"}},
			NotBefore:    from,
			NotAfter:     to,
			KeyUsage:     x509.KeyUsageDigitalSignature,
			ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth},
			DNSNames:     []string{"localhost"},
			IPAddresses:  []net.IP{net.ParseIP("127.0.0.1")},
		}
		if parent == nil {
			parent, parentKey = tmpl, key
		}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, &key.PublicKey, parentKey)
		if err != nil {
			t.Fatal(err)
		}
		kder, err := x509.MarshalECPrivateKey(key)
		if err != nil {
			t.Fatal(err)
		}
		certPEM, keyPEM := pemOf("CERTIFICATE", der), pemOf("EC PRIVATE KEY", kder)
		write(t, p.Path(name+".pem"), certPEM)
		write(t, p.Path(name+"-key.pem"), keyPEM)
		pair, err := tls.X509KeyPair(certPEM, keyPEM)
		if err != nil {
			t.Fatal(err)
		}
		return pair
	}
	p.Leaf = leaf("leaf", 2, now.Add(-time.Hour), now.Add(24*time.Hour), caCert, caKey)
	p.Self = leaf("self", 3, now.Add(-time.Hour), now.Add(24*time.Hour), nil, nil)
	p.Expired = leaf("expired", 4, now.Add(-48*time.Hour), now.Add(-24*time.Hour), caCert, caKey)
	return p
}

func newKey(t testing.TB) *ecdsa.PrivateKey {
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func pemOf(typ string, der []byte) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der})
}

func write(t testing.TB, path string, b []byte) {
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}
