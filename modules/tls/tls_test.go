package tls_test

import (
	"bufio"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"gonode/internal/difftest"
	"gonode/internal/testpki"
	"gonode/internal/testutil"
)

func TestMain(m *testing.M) { testutil.Main(m) }

const echoServer = `
const tls = require('tls'), fs = require('fs');
const opts = { key: fs.readFileSync(__dirname + '/leaf-key.pem'), cert: fs.readFileSync(__dirname + '/leaf.pem') };
let n = 0;
const srv = tls.createServer(opts, (s) => {
  n++;
  s.setEncoding('utf8');
  let buf = '';
  s.on('data', (d) => {
    buf += d;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i + 1);
      buf = buf.slice(i + 1);
      if (line === 'quit\n') { s.end('bye\n'); srv.close(() => console.log('server closed')); return; }
      s.write('echo ' + s.getProtocol() + ' ' + s.encrypted + ' ' + line);
    }
  });
  s.on('end', () => s.end());
});
srv.on('tlsClientError', (e) => console.log('tlsClientError', typeof e.message));
srv.listen(0, '127.0.0.1', () => console.log('listening ' + srv.address().port));
`

func listenPort(t *testing.T, p *testutil.Proc) string {
	t.Helper()
	line := p.WaitLine(t, "listening ", 15*time.Second)
	return strings.TrimSpace(strings.TrimPrefix(line[strings.Index(line, "listening "):], "listening "))
}

// A TLS echo server in gonode, talked to by Go's crypto/tls client that
// trusts only the test CA.
func TestEchoServerGoClient(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	pki := testpki.New(t, dir)
	script := testutil.WriteFile(t, dir, "server.js", echoServer)
	p := testutil.Start(t, testutil.RunOpts{Dir: dir}, script)
	port := listenPort(t, p)

	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c, err := tls.Dial("tcp", "127.0.0.1:"+port, &tls.Config{RootCAs: pki.CAPool, ServerName: "localhost"})
			if err != nil {
				t.Error(err)
				return
			}
			defer c.Close()
			r := bufio.NewReader(c)
			for j := 0; j < 20; j++ {
				msg := fmt.Sprintf("hello %d.%d\n", i, j)
				if _, err := c.Write([]byte(msg)); err != nil {
					t.Error(err)
					return
				}
				line, err := r.ReadString('\n')
				if err != nil {
					t.Error(err)
					return
				}
				if want := "echo TLSv1.3 true " + msg; line != want {
					t.Errorf("got %q, want %q", line, want)
					return
				}
			}
			// A big write comes back whole, through back-pressure both ways.
			big := strings.Repeat("x", 300<<10) + "\n"
			go c.Write([]byte(big))
			line, err := r.ReadString('\n')
			if err != nil || line != "echo TLSv1.3 true "+big {
				t.Errorf("big echo: %d bytes, %v", len(line), err)
			}
		}(i)
	}
	wg.Wait()

	c, err := tls.Dial("tcp", "127.0.0.1:"+port, &tls.Config{RootCAs: pki.CAPool, ServerName: "localhost"})
	if err != nil {
		t.Fatal(err)
	}
	c.Write([]byte("quit\n"))
	rest, _ := io.ReadAll(c)
	if string(rest) != "bye\n" {
		t.Errorf("after quit: %q", rest)
	}
	c.Close()
	if code := p.Wait(t, 15*time.Second); code != 0 {
		t.Fatalf("exit %d\n%s", code, p.Stderr())
	}
	if !strings.Contains(p.Stdout(), "server closed") {
		t.Errorf("stdout: %q", p.Stdout())
	}
}

// Garbage instead of a handshake, a handshake cut short, and a client that
// does not trust the server: each is a tlsClientError, never a crash, and
// the server goes on serving.
func TestHandshakeGarbage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	pki := testpki.New(t, dir)
	script := testutil.WriteFile(t, dir, "server.js", echoServer)
	p := testutil.Start(t, testutil.RunOpts{Dir: dir}, script)
	port := listenPort(t, p)
	addr := "127.0.0.1:" + port

	for _, junk := range []string{"GET / HTTP/1.1\r\nHost: x\r\n\r\n", "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage", strings.Repeat("\x00", 5000)} {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		c.Write([]byte(junk))
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		io.Copy(io.Discard, c) // the server hangs up
		c.Close()
	}
	// Connect and vanish mid-handshake.
	c, _ := net.Dial("tcp", addr)
	c.Close()
	// A client that rejects the server's certificate.
	if _, err := tls.Dial("tcp", addr, &tls.Config{ServerName: "localhost"}); err == nil {
		t.Error("a client without the CA connected")
	}
	// Still serving.
	tc, err := tls.Dial("tcp", addr, &tls.Config{RootCAs: pki.CAPool, ServerName: "localhost"})
	if err != nil {
		t.Fatal(err)
	}
	tc.Write([]byte("still\n"))
	line, err := bufio.NewReader(tc).ReadString('\n')
	if err != nil || line != "echo TLSv1.3 true still\n" {
		t.Fatalf("after garbage: %q %v", line, err)
	}
	tc.Write([]byte("quit\n"))
	io.ReadAll(tc)
	tc.Close()
	if code := p.Wait(t, 15*time.Second); code != 0 {
		t.Fatalf("exit %d\n%s", code, p.Stderr())
	}
	if n := strings.Count(p.Stdout(), "tlsClientError string"); n < 3 {
		t.Errorf("%d tlsClientError events, want at least 3:\n%s", n, p.Stdout())
	}
}

// goServer is a Go TLS echo server with cert; it returns the port.
func goServer(t *testing.T, cert tls.Certificate) int {
	ln, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{cert}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				r := bufio.NewReader(c)
				for {
					line, err := r.ReadString('\n')
					if err != nil {
						return
					}
					if _, err := c.Write([]byte("go:" + line)); err != nil {
						return
					}
				}
			}()
		}
	}()
	return ln.Addr().(*net.TCPAddr).Port
}

// gonode's tls.connect to Go TLS servers: a trusted one, and every way
// verification fails (node's codes), and rejectUnauthorized: false.
func TestConnectGoServers(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	pki := testpki.New(t, dir)
	good := goServer(t, pki.Leaf)
	self := goServer(t, pki.Self)
	expired := goServer(t, pki.Expired)
	script := testutil.WriteFile(t, dir, "client.js", `
const tls = require('tls'), fs = require('fs');
const ca = fs.readFileSync(__dirname + '/ca.pem', 'utf8');
const [good, self, expired] = process.argv.slice(2).map(Number);
const cases = [
  ['trusted', { port: good, host: '127.0.0.1', ca }],
  ['trusted by name', { port: good, host: 'localhost', ca: [Buffer.from(ca)] }],
  ['servername', { port: good, host: '127.0.0.1', servername: 'localhost', ca }],
  ['no ca', { port: good, host: '127.0.0.1' }],
  ['self-signed', { port: self, host: '127.0.0.1', ca }],
  ['wrong name', { port: good, host: '127.0.0.1', servername: 'wrong.example', ca }],
  ['expired', { port: expired, host: '127.0.0.1', ca }],
  ['not rejected', { port: self, host: '127.0.0.1', rejectUnauthorized: false }],
  ['refused', { port: 1, host: '127.0.0.1', ca }],
];
(function next() {
  const c = cases.shift();
  if (!c) return console.log('done');
  const [name, opts] = c;
  const s = tls.connect(opts, () => {
    console.log(name, 'secure', s.authorized, s.authorizationError, s.getProtocol(), s.getPeerCertificate().subject.CN);
    s.write('ping\n');
  });
  s.setEncoding('utf8');
  s.on('data', (d) => { console.log(name, 'got', JSON.stringify(d)); s.end(); });
  s.on('error', (e) => console.log(name, 'error', e.code, e.message));
  s.on('close', next);
})();
`)
	r := testutil.Run(t, testutil.RunOpts{Dir: dir}, script, strconv.Itoa(good), strconv.Itoa(self), strconv.Itoa(expired))
	want := []string{
		`trusted secure true null TLSv1.3 localhost`,
		`trusted got "go:ping\n"`,
		`trusted by name secure true null TLSv1.3 localhost`,
		`servername secure true null TLSv1.3 localhost`,
		`no ca error UNABLE_TO_VERIFY_LEAF_SIGNATURE unable to verify the first certificate`,
		`self-signed error DEPTH_ZERO_SELF_SIGNED_CERT self-signed certificate`,
		`wrong name error ERR_TLS_CERT_ALTNAME_INVALID Hostname/IP does not match certificate's altnames: Host: wrong.example. is not in the cert's altnames: DNS:localhost, IP Address:127.0.0.1`,
		`expired error CERT_HAS_EXPIRED certificate has expired`,
		`not rejected secure false DEPTH_ZERO_SELF_SIGNED_CERT TLSv1.3 localhost`,
		`refused error ECONNREFUSED connect ECONNREFUSED 127.0.0.1:1`,
		`done`,
	}
	for _, w := range want {
		if !strings.Contains(r.Stdout, w+"\n") {
			t.Errorf("missing %q", w)
		}
	}
	if r.Code != 0 || t.Failed() {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", r.Code, r.Stdout, r.Stderr)
	}
}

// The same script under node v20 and gonode: a TLS server and clients in
// one process, good and bad certificates, with certificates this test
// made.
func TestDifferentialVsNode(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	testpki.New(t, dir)
	script := testutil.WriteFile(t, dir, "tls_diff.js", diffScript)
	difftest.Compare(t, script)
}

const diffScript = `
const tls = require('tls'), fs = require('fs');
const f = (n) => fs.readFileSync(__dirname + '/' + n);
// What the server sees is printed at the end: its events and the
// client's interleave by timing, not by any promise node makes.
const serverLog = [];
const ca = f('ca.pem');
console.log(typeof tls.connect, typeof tls.createServer, typeof tls.TLSSocket, tls.DEFAULT_MIN_VERSION, tls.DEFAULT_MAX_VERSION);
const srv = tls.createServer({ key: f('leaf-key.pem'), cert: f('leaf.pem') }, (s) => {
  serverLog.push(['server: secureConnection', s.encrypted, s.authorized, s instanceof tls.TLSSocket, s instanceof require('net').Socket].join(' '));
  s.pipe(s);
  s.on('end', () => serverLog.push('server: end'));
  s.on('close', (hadError) => serverLog.push('server: close ' + hadError));
});
const self = tls.createServer({ key: f('self-key.pem'), cert: f('self.pem') }, (s) => s.end());
srv.listen(0, '127.0.0.1', () => self.listen(0, '127.0.0.1', run));

const steps = [];
function run() {
  const port = srv.address().port, selfPort = self.address().port;
  steps.push((next) => {
    const c = tls.connect(port, '127.0.0.1', { ca }, () => {
      const cert = c.getPeerCertificate();
      console.log('client: secureConnect', c.authorized, c.authorizationError, c.encrypted, c.getProtocol(), cert.subject.CN, cert.issuer.CN, cert.subjectaltname);
      console.log('client: remote', c.remoteAddress, c.remotePort === port, typeof c.localPort);
      c.write('hello');
    });
    c.on('connect', () => console.log('client: connect'));
    c.on('data', (d) => {
      console.log('client: data', Buffer.isBuffer(d), d.toString());
      c.end();
    });
    c.on('end', () => console.log('client: end'));
    c.on('close', (hadError) => { console.log('client: close', hadError); next(); });
  });
  steps.push((next) => {
    const c = tls.connect({ port, host: 'localhost', ca, servername: 'localhost' });
    c.setEncoding('utf8');
    c.on('secureConnect', () => { c.write('x'.repeat(100000)); });
    let got = 0;
    c.on('data', (d) => { got += d.length; if (got === 100000) { console.log('client: big echo', got, typeof d); c.destroy(); } });
    c.on('close', () => next());
  });
  for (const [name, opts] of [
    ['no ca', { port, host: '127.0.0.1' }],
    ['self-signed', { port: selfPort, host: '127.0.0.1', ca }],
    ['wrong name', { port, host: '127.0.0.1', ca, servername: 'wrong.example' }],
    ['refused', { port: 1, host: '127.0.0.1' }],
  ]) {
    steps.push((next) => {
      const c = tls.connect(opts, () => console.log(name, 'connected?!'));
      c.on('error', (e) => console.log(name, 'error:', e.code, e.message));
      c.on('close', () => next());
    });
  }
  steps.push((next) => {
    const c = tls.connect({ port: selfPort, host: '127.0.0.1', rejectUnauthorized: false }, () => {
      console.log('unverified:', c.authorized, c.authorizationError);
    });
    c.on('end', () => console.log('unverified: end'));
    c.on('close', () => next());
  });
  (function next() {
    const s = steps.shift();
    if (s) s(next);
    else { srv.close(() => console.log(serverLog.join('\n') + '\nserver closed')); self.close(); }
  })();
}
`

// A paused TLSSocket stops reading: a Go client writing as fast as it can
// stalls once the socket buffers and at most a few chunks are taken, and
// every byte arrives after resume. The idle timeout fires on a quiet
// socket.
func TestPauseBackPressureAndTimeout(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	pki := testpki.New(t, dir)
	script := testutil.WriteFile(t, dir, "server.js", `
const tls = require('tls'), fs = require('fs');
const srv = tls.createServer({ key: fs.readFileSync(__dirname + '/leaf-key.pem'), cert: fs.readFileSync(__dirname + '/leaf.pem') }, (s) => {
  let got = 0;
  s.setTimeout(300, () => console.log('timeout'));
  s.once('data', (d) => {
    got += d.length;
    s.pause();
    console.log('paused');
    // The test makes the file "go" once it saw the client stall.
    const poll = setInterval(() => {
      if (!fs.existsSync(__dirname + '/go')) return;
      clearInterval(poll);
      console.log('resume after ' + (got < 1 << 20 ? 'little' : got));
      s.on('data', (d) => { got += d.length; });
      s.resume();
    }, 20);
  });
  s.on('end', () => { console.log('got ' + got); s.end(); srv.close(); });
});
srv.listen(0, '127.0.0.1', () => console.log('listening ' + srv.address().port));
`)
	p := testutil.Start(t, testutil.RunOpts{Dir: dir}, script)
	port := listenPort(t, p)
	c, err := tls.Dial("tcp", "127.0.0.1:"+port, &tls.Config{RootCAs: pki.CAPool, ServerName: "localhost"})
	if err != nil {
		t.Fatal(err)
	}
	p.WaitLine(t, "timeout", 10*time.Second) // nothing sent yet: the idle timer fires
	const total = 64 << 20
	var written atomic.Int64
	done := make(chan error, 1)
	go func() {
		buf := make([]byte, 64<<10)
		for written.Load() < total {
			n, err := c.Write(buf)
			written.Add(int64(n))
			if err != nil {
				done <- err
				return
			}
		}
		done <- c.CloseWrite()
	}()
	p.WaitLine(t, "paused", 10*time.Second)
	// Wait until the writer stalls.
	last := int64(-1)
	for i := 0; i < 100; i++ {
		time.Sleep(50 * time.Millisecond)
		w := written.Load()
		if w == last {
			break
		}
		last = w
	}
	if w := written.Load(); w >= total {
		t.Fatalf("the writer never stalled: %d bytes taken by a paused socket", w)
	} else {
		t.Logf("stalled after %d bytes", w)
	}
	if err := os.WriteFile(filepath.Join(dir, "go"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, c)
	c.Close()
	if code := p.Wait(t, 20*time.Second); code != 0 {
		t.Fatalf("exit %d\n%s", code, p.Stderr())
	}
	out := p.Stdout()
	if !strings.Contains(out, "resume after little\n") || !strings.Contains(out, fmt.Sprintf("got %d\n", total)) {
		t.Errorf("stdout:\n%s", out)
	}
}

// checkServerIdentity replaces the name check (and can reject), under
// node v20 and gonode.
func TestCheckServerIdentityVsNode(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	testpki.New(t, dir)
	script := testutil.WriteFile(t, dir, "csi.js", `
const tls = require('tls'), fs = require('fs');
const f = (n) => fs.readFileSync(__dirname + '/' + n);
const ca = f('ca.pem');
// Client b aborts right after its side of the handshake: it never sends
// its Finished (node's client does not either), so the server never gets
// a socket for it, only a 'tlsClientError' (client_abort.js checks that).
const srv = tls.createServer({ key: f('leaf-key.pem'), cert: f('leaf.pem') }, (s) => { s.end('hi'); });
srv.listen(0, '127.0.0.1', () => {
  const port = srv.address().port;
  const a = tls.connect({ port, host: '127.0.0.1', ca, servername: 'other.example',
    checkServerIdentity: (h, c) => { console.log('check', h, c.subject.CN, c.issuer.CN); } }, () => console.log('a secure', a.authorized));
  a.on('data', (d) => console.log('a data', String(d)));
  a.on('close', () => {
    const b = tls.connect({ port, host: '127.0.0.1', ca,
      checkServerIdentity: (h) => { const e = new Error('nope ' + h); e.code = 'MY_CODE'; return e; } }, () => console.log('b secure?!'));
    b.on('error', (e) => { console.log('b error', e.code, e.message); srv.close(); });
  });
});
`)
	difftest.Compare(t, script)
}

// A TLSSocket's write() answers false over the high-water mark, counts
// what its writer has not flushed in writableLength and emits 'drain'
// once it is out, as node's does (small writes, one 1 MiB write, rounds of
// writes to a reader that pauses, callbacks, end(bigChunk)); every byte
// arrives intact.
func TestWriteBackPressureVsNode(t *testing.T) {
	t.Parallel()
	compareWithCerts(t, "testdata/write_backpressure.js")
}

// write() then destroy() in the same turn, from a server socket and from a
// client one, under node v20 and gonode (testdata/write_destroy.js): the
// peer gets what was written, intact, as with node (gonode's writer
// goroutine sends the queued bytes before it closes; it lost them before).
func TestWriteThenDestroyVsNode(t *testing.T) {
	t.Parallel()
	compareWithCerts(t, "testdata/write_destroy.js")
}

// A TLS client that gives up right after its half of the handshake, under
// node v20 and gonode (testdata/client_abort.js: verification or
// checkServerIdentity failures, destroy() in 'secureConnect', in a tick,
// in a promise job, TLS 1.2): the client's events and the server's
// ('tlsClientError' ECONNRESET "socket hang up" when the client's Finished
// never came, 'secureConnection' then 'end' when it did); and good clients
// whose 1 MiB, written before or in 'secureConnect', arrives whole after
// their held Finished.
func TestClientAbortVsNode(t *testing.T) {
	t.Parallel()
	compareWithCerts(t, "testdata/client_abort.js")
}

const abortServer = `
const tls = require('tls'), fs = require('fs');
const f = (n) => fs.readFileSync(process.env.CERTS + '/' + n);
let n = 0;
const srv = tls.createServer({ key: f('leaf-key.pem'), cert: f('leaf.pem') }, (s) => {
  const id = ++n;
  console.log(id, 'secureConnection', s.getProtocol());
  s.on('data', (d) => {
    console.log(id, 'data', JSON.stringify(String(d)));
    if (String(d) === 'quit') { s.end(); srv.close(() => console.log('server closed')); }
  });
  s.on('error', (e) => console.log(id, 'socket error', e.code, e.message));
  s.on('end', () => console.log(id, 'end'));
  s.on('close', (hadError) => console.log(id, 'close', hadError, 'done'));
});
srv.on('tlsClientError', (e) => {
  const id = ++n;
  const msg = e.code === 'ECONNRESET' ? JSON.stringify(e.message) + ' ' + e.errno + ' ' + e.syscall : '';
  console.log(id, 'tlsClientError', e.code, msg, 'done');
});
srv.listen(0, '127.0.0.1', () => console.log('listening ' + srv.address().port));
`

// dropConn discards writes once drop is set: a client whose Finished
// never leaves.
type dropConn struct {
	net.Conn
	drop atomic.Bool
}

func (d *dropConn) Write(b []byte) (int, error) {
	if d.drop.Load() {
		return len(b), nil
	}
	return d.Conn.Write(b)
}

// Go's crypto/tls clients that abort at the end of the handshake in each
// way a client can (FIN or RST without the Finished, a bad_certificate
// alert, TLS 1.2 close_notify after a complete handshake) against the same
// server script under node v20 and gonode: the server's events are the
// same.
func TestServerSeesAbortingGoClientsVsNode(t *testing.T) {
	t.Parallel()
	nodeBin := difftest.Node(t)
	dir := t.TempDir()
	pki := testpki.New(t, dir)
	script := testutil.WriteFile(t, dir, "server.js", abortServer)
	env := []string{"CERTS=" + dir}

	modes := []string{"fin without finished", "rst without finished", "alert", "tls1.2 close", "fin without finished"}
	client := func(addr, mode string) {
		raw, err := net.DialTimeout("tcp", addr, 5*time.Second)
		if err != nil {
			t.Error(err)
			return
		}
		tcp := raw.(*net.TCPConn)
		dc := &dropConn{Conn: raw}
		cfg := &tls.Config{RootCAs: pki.CAPool, ServerName: "localhost"}
		switch mode {
		case "fin without finished", "rst without finished":
			cfg.VerifyConnection = func(tls.ConnectionState) error { dc.drop.Store(true); return nil }
		case "alert":
			cfg.VerifyConnection = func(tls.ConnectionState) error { return fmt.Errorf("no") }
		case "tls1.2 close":
			cfg.MaxVersion = tls.VersionTLS12
		}
		c := tls.Client(dc, cfg)
		c.SetDeadline(time.Now().Add(5 * time.Second))
		herr := c.Handshake()
		switch mode {
		case "rst without finished":
			tcp.SetLinger(0)
			tcp.Close()
		case "tls1.2 close":
			if herr != nil {
				t.Errorf("%s: %v", mode, herr)
			}
			c.Close()
		default:
			tcp.Close()
		}
	}
	run := func(name string, p *testutil.Proc) string {
		line := p.WaitLine(t, "listening ", 10*time.Second)
		addr := "127.0.0.1:" + strings.TrimPrefix(line, "listening ")
		for i, m := range modes {
			client(addr, m)
			id := fmt.Sprintf("%d ", i+1)
			p.WaitLineMatch(t, "of client "+id+"ending with done", func(l string) bool {
				return strings.HasPrefix(l, id) && strings.Contains(l, "done")
			}, 10*time.Second)
		}
		seen := strings.TrimPrefix(p.Stdout(), line+"\n") // the aborted clients' lines
		c, err := tls.Dial("tcp", addr, &tls.Config{RootCAs: pki.CAPool, ServerName: "localhost"})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		c.Write([]byte("quit"))
		io.Copy(io.Discard, c)
		c.Close()
		p.WaitLine(t, "server closed", 10*time.Second)
		return seen
	}
	var want, got string
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		want = run("node", testutil.Start(t, testutil.RunOpts{Bin: nodeBin, Dir: dir, Env: env}, script))
	}()
	got = run("gonode", testutil.Start(t, testutil.RunOpts{Dir: dir, Env: env}, script))
	wg.Wait()
	if t.Failed() {
		return
	}
	if got != want {
		t.Errorf("server events differ (- node, + gonode):\n%s", difftest.Diff(want, got))
	}
	if !strings.Contains(want, `tlsClientError ECONNRESET "socket hang up"`) || !strings.Contains(want, `tlsClientError ECONNRESET "read ECONNRESET" -104 read`) {
		t.Errorf("node did not report the aborted handshakes as expected:\n%s", want)
	}
}

// Clients that send a plain HTTP request, a CONNECT or other bytes to a TLS
// server, under node v20 and gonode (testdata/plain_clients.js): each is a
// 'tlsClientError' with OpenSSL's code, library and reason, and a
// destroyed TLSSocket that still tells the client's address (it was null:
// a listener logging socket.remoteAddress threw).
func TestPlainClientsVsNode(t *testing.T) {
	t.Parallel()
	compareWithCerts(t, "testdata/plain_clients.js")
}

// compareWithCerts runs a testdata script under node v20 and gonode with a
// fresh set of test certificates in $CERTS, and compares their output.
func compareWithCerts(t *testing.T, script string) {
	t.Helper()
	dir := t.TempDir()
	testpki.New(t, dir)
	difftest.CompareOpts(t, script, difftest.Options{Env: []string{"CERTS=" + dir}})
}
