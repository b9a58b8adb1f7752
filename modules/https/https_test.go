package https_test

import (
	"crypto/tls"
	"encoding/pem"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gonode/internal/difftest"
	"gonode/internal/testpki"
	"gonode/internal/testutil"
)

func TestMain(m *testing.M) { testutil.Main(m) }

// https.createServer in gonode, Go's net/http client trusting the test CA:
// GET and POST over keep-alive connections, and a client that does not
// trust the server is refused without harming the server.
func TestServerGoClient(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	pki := testpki.New(t, dir)
	script := testutil.WriteFile(t, dir, "server.js", `
const https = require('https'), fs = require('fs');
const srv = https.createServer({ key: fs.readFileSync(__dirname + '/leaf-key.pem'), cert: fs.readFileSync(__dirname + '/leaf.pem') }, (req, res) => {
  if (req.url === '/quit') { res.end('bye'); srv.close(() => console.log('closed')); return; }
  let body = '';
  req.on('data', (d) => body += d);
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'X-Encrypted': String(req.socket.encrypted) });
    res.end(req.method + ' ' + req.url + ' ' + body.length);
  });
});
srv.on('tlsClientError', (e, s) => console.log('tlsClientError ' + e.code + ' ' + (typeof s)));
console.log(srv instanceof require('http').Server);
srv.listen(0, '127.0.0.1', () => console.log('listening ' + srv.address().port));
`)
	p := testutil.Start(t, testutil.RunOpts{Dir: dir}, script)
	line := p.WaitLine(t, "listening ", 15*time.Second)
	base := "https://localhost:" + strings.TrimSpace(strings.TrimPrefix(line, "listening "))

	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pki.CAPool}}}
	for i := 0; i < 5; i++ {
		resp, err := client.Get(fmt.Sprintf("%s/get/%d", base, i))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if want := fmt.Sprintf("GET /get/%d 0", i); string(b) != want || resp.Header.Get("X-Encrypted") != "true" || resp.TLS == nil {
			t.Errorf("got %q (X-Encrypted %q), want %q", b, resp.Header.Get("X-Encrypted"), want)
		}
	}
	body := strings.Repeat("p", 200<<10)
	resp, err := client.Post(base+"/post", "text/plain", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if want := fmt.Sprintf("POST /post %d", len(body)); string(b) != want {
		t.Errorf("got %q, want %q", b, want)
	}
	// Untrusted, then plain http on the TLS port: refused, server fine.
	if _, err := http.Get(base + "/untrusted"); err == nil {
		t.Error("a client without the CA got through")
	}
	if r, err := http.Get(strings.Replace(base, "https:", "http:", 1) + "/plain"); err == nil {
		r.Body.Close()
		if r.StatusCode == 200 {
			t.Error("plain http got a 200 from the https server")
		}
	}
	resp, err = client.Get(base + "/quit")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if code := p.Wait(t, 15*time.Second); code != 0 {
		t.Fatalf("exit %d\n%s", code, p.Stderr())
	}
	for _, w := range []string{"tlsClientError ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE object", "tlsClientError ERR_SSL_HTTP_REQUEST object"} {
		if !strings.Contains(p.Stdout(), w+"\n") {
			t.Errorf("missing %q", w)
		}
	}
	if out := p.Stdout(); !strings.HasPrefix(out, "true\n") || !strings.Contains(out, "closed\n") {
		t.Errorf("stdout: %q", out)
	}
}

// https.get from gonode to Go's httptest TLS server: with its certificate
// as ca it succeeds; without, it fails with node's error code.
func TestGetFromGoServer(t *testing.T) {
	t.Parallel()
	ts := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "%s %s %s %s", r.Method, r.URL.Path, r.Header.Get("X-Test"), r.Host)
	}))
	defer ts.Close()
	dir := t.TempDir()
	caPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: ts.Certificate().Raw})
	if err := os.WriteFile(filepath.Join(dir, "ca.pem"), caPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	port := ts.Listener.Addr().(*net.TCPAddr).Port
	script := testutil.WriteFile(t, dir, "get.js", `
const https = require('https'), fs = require('fs');
const ca = fs.readFileSync(__dirname + '/ca.pem');
const port = Number(process.argv[2]);
https.get({ host: '127.0.0.1', port, path: '/hello', headers: { 'X-Test': 'yes' }, ca }, (res) => {
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (d) => body += d);
  res.on('end', () => {
    console.log('ok', res.statusCode, body);
    https.get('https://127.0.0.1:' + port + '/url', { ca, agent: false }, (res2) => {
      res2.on('data', (d) => console.log('url', String(d)));
      res2.on('end', () => {
        const bad = https.get('https://127.0.0.1:' + port + '/nope', () => console.log('bad connected?!'));
        bad.on('error', (e) => console.log('no ca:', e.code, e.message));
      });
    });
  });
}).on('error', (e) => console.log('error', e.code, e.message));
`)
	r := testutil.Run(t, testutil.RunOpts{Dir: dir}, script, fmt.Sprint(port))
	want := fmt.Sprintf("ok 200 GET /hello yes 127.0.0.1:%d\nurl GET /url  127.0.0.1:%d\nno ca: DEPTH_ZERO_SELF_SIGNED_CERT self-signed certificate\n", port, port)
	if r.Stdout != want || r.Code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nwant:\n%s\nstderr:\n%s", r.Code, r.Stdout, want, r.Stderr)
	}
}

// One script under node v20 and gonode: an https server and https
// requests to it, good and bad certificates.
func TestDifferentialVsNode(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	testpki.New(t, dir)
	script := testutil.WriteFile(t, dir, "https_diff.js", `
const https = require('https'), fs = require('fs');
const f = (n) => fs.readFileSync(__dirname + '/' + n);
const ca = f('ca.pem');
console.log(typeof https.request, typeof https.get, typeof https.createServer, typeof https.Agent, https.globalAgent.defaultPort);
const srv = https.createServer({ key: f('leaf-key.pem'), cert: f('leaf.pem') }, (req, res) => {
  let n = 0;
  req.on('data', (d) => n += d.length);
  req.on('end', () => {
    res.setHeader('X-Got', String(n));
    res.end(JSON.stringify({ method: req.method, url: req.url, encrypted: req.socket.encrypted, host: req.headers.host.replace(/:\d+$/, ':PORT') }));
  });
});
srv.listen(0, '127.0.0.1', () => {
  const port = srv.address().port;
  const steps = [
    (next) => https.get({ host: 'localhost', port, path: '/a?b=1', ca }, (res) => {
      let body = '';
      res.on('data', (d) => body += d);
      res.on('end', () => { console.log('get', res.statusCode, res.headers['x-got'], body); next(); });
    }),
    (next) => {
      const req = https.request({ host: '127.0.0.1', port, method: 'POST', path: '/post', ca, headers: { 'Content-Length': 5 } }, (res) => {
        res.setEncoding('utf8');
        let body = '';
        res.on('data', (d) => body += d);
        res.on('end', () => { console.log('post', res.statusCode, res.headers['x-got'], body); next(); });
      });
      req.end('hello');
    },
    (next) => https.get({ host: '127.0.0.1', port, path: '/', ca, servername: 'wrong.example' }, () => console.log('?!'))
      .on('error', (e) => { console.log('wrong name:', e.code); next(); }),
    (next) => https.get('https://127.0.0.1:' + port + '/', () => console.log('?!'))
      .on('error', (e) => { console.log('no ca:', e.code, e.message); next(); }),
    (next) => https.get({ host: '127.0.0.1', port, path: '/unverified', rejectUnauthorized: false }, (res) => {
      res.resume();
      res.on('end', () => { console.log('unverified', res.statusCode); next(); });
    }),
  ];
  (function next() {
    const s = steps.shift();
    if (s) s(next); else srv.close(() => console.log('closed'));
  })();
});
`)
	difftest.Compare(t, script)
}

// Client certificates: an https server that asks for one (requestCert,
// ca) and lets unauthorized clients in; req.socket tells what it got.
// Under node v20 and gonode.
func TestClientCertificatesVsNode(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	testpki.New(t, dir)
	script := testutil.WriteFile(t, dir, "client_cert.js", `
const https = require('https'), fs = require('fs');
const f = (n) => fs.readFileSync(__dirname + '/' + n);
const ca = f('ca.pem');
const srv = https.createServer({ key: f('leaf-key.pem'), cert: f('leaf.pem'), ca, requestCert: true, rejectUnauthorized: false }, (req, res) => {
  const s = req.socket, cert = s.getPeerCertificate();
  res.end([s.encrypted, s.authorized, s.authorizationError, s.getProtocol(), cert.subject ? cert.subject.CN : 'none'].join(' '));
});
srv.listen(0, '127.0.0.1', () => {
  const port = srv.address().port;
  const get = (name, opts, next) => https.get(Object.assign({ host: '127.0.0.1', port, ca, agent: false }, opts), (res) => {
    let b = '';
    res.on('data', (d) => b += d);
    res.on('end', () => { console.log(name, b); next(); });
  }).on('error', (e) => { console.log(name, 'error', e.code); next(); });
  get('with cert', { key: f('leaf-key.pem'), cert: f('leaf.pem') }, () =>
    get('self-signed cert', { key: f('self-key.pem'), cert: f('self.pem') }, () =>
      get('no cert', {}, () => srv.close(() => console.log('closed')))));
});
`)
	difftest.Compare(t, script)
}
