package http_test

import (
	"bufio"
	"crypto/sha1"
	"fmt"
	"io"
	"net"
	nethttp "net/http"
	"net/http/httptrace"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"gonode/internal/testutil"
)

func TestMain(m *testing.M) { testutil.Main(m) }

// serve starts script (which must print "PORT <n>" once listening) and
// returns the process and its address.
func serve(t *testing.T, script string) (*testutil.Proc, string) {
	t.Helper()
	dir := t.TempDir()
	f := testutil.WriteFile(t, dir, "server.js", script)
	p := testutil.Start(t, testutil.RunOpts{Dir: dir}, f)
	line := p.WaitLine(t, "PORT ", 20*time.Second)
	port := strings.Fields(line[strings.Index(line, "PORT ")+5:])[0]
	return p, "127.0.0.1:" + port
}

// listenTail is appended to server scripts: listen on an ephemeral port
// and report it.
const listenTail = `
server.listen(0, '127.0.0.1', function () { console.log('PORT ' + server.address().port); });
`

// rawExchange sends raw bytes and reads until the server closes the
// connection or timeout passes.
func rawExchange(t *testing.T, addr, send string, timeout time.Duration) string {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := io.WriteString(c, send); err != nil {
		t.Fatal(err)
	}
	c.SetReadDeadline(time.Now().Add(timeout))
	b, _ := io.ReadAll(c)
	return string(b)
}

func get(t *testing.T, url string) (*nethttp.Response, string) {
	t.Helper()
	resp, err := nethttp.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

// TestHelloScript runs the talk's hello world itself on its fixed port 8000.
func TestHelloScript(t *testing.T) {
	src, err := os.ReadFile(testutil.Script("hello.js"))
	if err != nil {
		t.Fatal(err)
	}
	want := "var sys = require('sys'),\n   http = require('http')\n\nhttp.createServer(function (req, res) {\n   setTimeout(function () {\n      res.sendHeader(200, {'Content-Type': 'text/plain'})\n      res.sendBody('Hello World')\n      res.finish()\n   }, 2000)\n}).listen(8000)\n\nsys.puts('Server running at http://127.0.0.1:8000/')\n"
	if string(src) != want {
		t.Fatalf("scripts/hello.js is not the talk's hello world verbatim:\n%q", src)
	}
	// Port 8000 is fixed by the slide, and other packages' tests (the tcp
	// module's talk script) use it too: wait for it to be free, and start
	// over if another process took it first.
	deadline := time.Now().Add(30 * time.Second)
	for {
		ln, err := net.Listen("tcp", ":8000")
		if err == nil {
			ln.Close()
			p := testutil.Start(t, testutil.RunOpts{}, testutil.Script("hello.js"))
			p.WaitLine(t, "Server running at http://127.0.0.1:8000/", 20*time.Second)
			time.Sleep(300 * time.Millisecond) // a lost race shows as EADDRINUSE
			if !strings.Contains(p.Stderr(), "EADDRINUSE") {
				break
			}
			p.Stop()
		}
		if time.Now().After(deadline) {
			t.Skipf("port 8000 stayed taken for 30 s (%v); scripts/hello.js listens on 8000 only", err)
		}
		time.Sleep(200 * time.Millisecond)
	}

	const n = 50
	start := time.Now()
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := nethttp.Get("http://127.0.0.1:8000/")
			if err != nil {
				errs <- err
				return
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != 200 || string(b) != "Hello World" || resp.Header.Get("Content-Type") != "text/plain" {
				errs <- fmt.Errorf("got %d %q %v", resp.StatusCode, b, resp.Header)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	el := time.Since(start)
	if el < 2*time.Second {
		t.Errorf("answered in %v, before the 2 s timer", el)
	}
	if el > 4*time.Second {
		t.Errorf("%d concurrent requests took %v: they were not served concurrently", n, el)
	}
	// The talk's response is chunked (no Content-Length), as v0.1.21's was.
	out := rawExchange(t, "127.0.0.1:8000", "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5*time.Second)
	if !strings.Contains(out, "Transfer-Encoding: chunked\r\n") || !strings.HasSuffix(out, "\r\n\r\nb\r\nHello World\r\n0\r\n\r\n") {
		t.Errorf("raw response:\n%q", out)
	}
}

func Test2009Server(t *testing.T) {
	t.Parallel()
	_, addr := serve(t, `
var sys = require('sys'), http = require('http');
var server = http.createServer(function (req, res) {
  var self = this;
  var body = [];
  if (req.uri.path === '/utf8') req.setBodyEncoding('utf8');
  req.addListener('body', function (chunk) { body.push(chunk); });
  req.addListener('complete', function () {
    var info = JSON.stringify({
      thisIsServer: self === server,
      method: req.method, uri: req.uri, headers: req.headers,
      httpVersion: req.httpVersion, body: body.join(''),
      codes: body.join('').split('').map(function (c) { return c.charCodeAt(0); }),
      remote: req.connection.remoteAddress
    });
    res.sendHeader(200, [['Content-Type', 'application/json'], ['X-Two', 'a'], ['X-Two', 'b']]);
    res.sendBody(info);
    res.finish();
  });
});
`+listenTail)

	// A GET with a query string, repeated headers.
	req, _ := nethttp.NewRequest("GET", "http://"+addr+"/status?name=ryan&x=1", nil)
	req.Header.Add("X-Rep", "1")
	req.Header.Add("X-Rep", "2")
	resp, err := nethttp.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	s := string(b)
	for _, want := range []string{
		`"thisIsServer":true`, `"method":"GET"`,
		`"uri":{"full":"/status?name=ryan&x=1","path":"/status","queryString":"name=ryan&x=1","params":{"name":"ryan","x":"1"},"fragment":""}`,
		`"x-rep":"1, 2"`, `"httpVersion":"1.1"`, `"remote":"127.0.0.1"`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("response lacks %s:\n%s", want, s)
		}
	}
	if got := resp.Header.Values("X-Two"); len(got) != 2 {
		t.Errorf("X-Two headers %v, want two lines", got)
	}
	if len(resp.TransferEncoding) != 1 || resp.TransferEncoding[0] != "chunked" {
		t.Errorf("2009 response without Content-Length should be chunked, got %v", resp.TransferEncoding)
	}

	// Bodies: Content-Length and chunked, binary strings by default.
	post := func(path, body string, chunked bool) string {
		var send string
		if chunked {
			send = "POST " + path + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" +
				fmt.Sprintf("%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n", 3, body[:3], len(body)-3, body[3:])
		} else {
			send = "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + strconv.Itoa(len(body)) + "\r\nConnection: close\r\n\r\n" + body
		}
		return rawExchange(t, addr, send, 5*time.Second)
	}
	out := post("/bin", "h\xc3\xa9llo", false)
	// Binary string in, and sendBody's default encoding writes it back byte for byte.
	if !strings.Contains(out, "\"body\":\"h\xc3\xa9llo\"") || !strings.Contains(out, `"codes":[104,195,169,108,108,111]`) {
		t.Errorf("binary body: %q", out)
	}
	out = post("/utf8", "h\xc3\xa9llo w\xc3\xb6rld", true)
	if !strings.Contains(out, `"codes":[104,233,108,108,111,32,119,246,114,108,100]`) {
		t.Errorf("utf8 chunked body: %q", out)
	}

	// HTTP/1.0: no chunks; the connection closes at the end.
	out = rawExchange(t, addr, "GET /old HTTP/1.0\r\n\r\n", 5*time.Second)
	if strings.Contains(out, "chunked") || !strings.Contains(out, "Connection: close") || !strings.HasSuffix(out, "}") {
		t.Errorf("HTTP/1.0 response: %q", out)
	}
}

func TestModernServer(t *testing.T) {
	t.Parallel()
	_, addr := serve(t, `
const http = require('http');
const server = http.createServer();
server.on('request', (req, res) => {
  if (req.url === '/echo') {
    let got = '';
    req.setEncoding('utf8');
    req.on('data', (c) => { got += c; });
    req.on('end', () => {
      res.statusCode = 201;
      res.setHeader('Content-Type', 'text/plain');
      res.setHeader('X-Gone', 'yes');
      res.removeHeader('X-Gone');
      res.setHeader('X-Seen', res.getHeader('content-type') + '|' + res.hasHeader('x-gone') + '|' + res.headersSent);
      res.end(req.method + ' ' + got);
    });
    return;
  }
  if (req.url === '/stream') {
    res.writeHead(200, 'Fine', { 'X-A': '1' });
    res.write('one,');
    res.write('two,');
    res.end('three', () => {});
    return;
  }
  res.writeHead(404).end();
});
let listening = 0;
server.on('listening', () => { listening++; });
server.listen(0, () => { console.log('PORT ' + server.address().port + ' ' + listening + ' ' + server.address().family); });
`)
	resp, err := nethttp.Post("http://"+addr+"/echo", "text/plain", strings.NewReader("hé body"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 201 || string(b) != "POST hé body" || resp.ContentLength != int64(len("POST hé body")) {
		t.Errorf("echo: %d %q cl=%d", resp.StatusCode, b, resp.ContentLength)
	}
	if got := resp.Header.Get("X-Seen"); got != "text/plain|false|false" {
		t.Errorf("X-Seen %q", got)
	}
	if resp.Header.Get("X-Gone") != "" || resp.Header.Get("Date") == "" {
		t.Errorf("headers %v", resp.Header)
	}
	resp, body := get(t, "http://"+addr+"/stream")
	if resp.Status != "200 Fine" || body != "one,two,three" || resp.Header.Get("X-A") != "1" {
		t.Errorf("stream: %q %q %v", resp.Status, body, resp.Header)
	}
	resp, _ = get(t, "http://"+addr+"/nothing")
	if resp.StatusCode != 404 {
		t.Errorf("status %d", resp.StatusCode)
	}
}

func TestListenEvents(t *testing.T) {
	t.Parallel()
	r := testutil.Run(t, testutil.RunOpts{}, "-e", `
const http = require('http');
const s = http.createServer((req, res) => res.end('x'));
s.listen(0, () => {
  const a = s.address();
  console.log(typeof a.port, a.port > 0, a.family);
  const s2 = http.createServer();
  s2.on('error', (e) => {
    console.log('error', e.code, e.syscall);
    s.close((err) => {
      console.log('closed', err);
      s.close((err) => console.log('again', err.code));
    });
  });
  s2.listen(a.port);
});
`)
	if r.Code != 0 || r.Stdout != "number true IPv6\nerror EADDRINUSE listen\nclosed undefined\nagain ERR_SERVER_NOT_RUNNING\n" {
		t.Errorf("code %d stdout %q stderr %q", r.Code, r.Stdout, r.Stderr)
	}
}

// Keep-alive and pipelining: responses come back in request order even
// when a later one is ready first.
func TestPipelining(t *testing.T) {
	t.Parallel()
	_, addr := serve(t, `
const http = require('http');
const server = http.createServer((req, res) => {
  const d = req.url === '/slow' ? 200 : 0;
  setTimeout(() => { res.end('body' + req.url); }, d);
});
`+listenTail)
	out := rawExchange(t, addr, "GET /slow HTTP/1.1\r\nHost: x\r\n\r\nGET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5*time.Second)
	i1, i2, i3 := strings.Index(out, "body/slow"), strings.Index(out, "body/a"), strings.Index(out, "body/b")
	if i1 < 0 || i2 < 0 || i3 < 0 || !(i1 < i2 && i2 < i3) {
		t.Errorf("pipelined responses out of order:\n%s", out)
	}
	if strings.Count(out, "HTTP/1.1 200 OK") != 3 {
		t.Errorf("want 3 responses:\n%s", out)
	}

	// Keep-alive with Go's client: one connection for many requests.
	tr := &nethttp.Transport{MaxIdleConnsPerHost: 1}
	defer tr.CloseIdleConnections()
	cl := &nethttp.Client{Transport: tr}
	conns := map[string]bool{}
	for i := 0; i < 5; i++ {
		req, _ := nethttp.NewRequest("GET", "http://"+addr+"/k"+strconv.Itoa(i), nil)
		var local string
		trace := &httptrace.ClientTrace{GotConn: func(i httptrace.GotConnInfo) { local = i.Conn.LocalAddr().String() }}
		resp, err := cl.Do(req.WithContext(httptrace.WithClientTrace(req.Context(), trace)))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if string(b) != "body/k"+strconv.Itoa(i) {
			t.Errorf("keep-alive body %q", b)
		}
		conns[local] = true
	}
	if len(conns) != 1 {
		t.Errorf("keep-alive used %d connections, want 1", len(conns))
	}
}

// Comet: a long poll is held while other requests are served, and
// streamed chunks reach the client before the response ends.
func TestCometLongPollAndStreaming(t *testing.T) {
	t.Parallel()
	_, addr := serve(t, `
const http = require('http');
let waiting = [];
const server = http.createServer((req, res) => {
  if (req.url === '/poll') { waiting.push(res); return; }
  if (req.url === '/post') {
    waiting.forEach((r) => { r.sendHeader(200, {'Content-Type': 'text/plain'}); r.sendBody('news'); r.finish(); });
    const n = waiting.length; waiting = [];
    res.writeHead(200); res.end('woke ' + n); return;
  }
  if (req.url === '/stream') {
    res.writeHead(200, {'Content-Type': 'text/event-stream'});
    let i = 0;
    const t = setInterval(() => {
      res.write('data: ' + i + '\n\n');
      if (++i === 3) { clearInterval(t); setTimeout(() => res.end(), 300); }
    }, 100);
    return;
  }
  res.end('other');
});
`+listenTail)
	polled := make(chan string, 1)
	go func() {
		resp, err := nethttp.Get("http://" + addr + "/poll")
		if err != nil {
			polled <- err.Error()
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		polled <- string(b)
	}()
	time.Sleep(300 * time.Millisecond)
	for i := 0; i < 5; i++ {
		if _, body := get(t, "http://"+addr+"/x"); body != "other" {
			t.Fatalf("while polling: %q", body)
		}
	}
	select {
	case s := <-polled:
		t.Fatalf("long poll answered early: %q", s)
	default:
	}
	if _, body := get(t, "http://"+addr+"/post"); body != "woke 1" {
		t.Errorf("post: %q", body)
	}
	select {
	case s := <-polled:
		if s != "news" {
			t.Errorf("poll got %q", s)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("long poll never answered")
	}

	// Streaming: the first event arrives long before the end.
	start := time.Now()
	resp, err := nethttp.Get("http://" + addr + "/stream")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	br := bufio.NewReader(resp.Body)
	line, err := br.ReadString('\n')
	first := time.Since(start)
	if err != nil || line != "data: 0\n" {
		t.Fatalf("first line %q %v", line, err)
	}
	rest, _ := io.ReadAll(br)
	total := time.Since(start)
	if string(rest) != "\ndata: 1\n\ndata: 2\n\n" {
		t.Errorf("rest %q", rest)
	}
	if total-first < 300*time.Millisecond {
		t.Errorf("first chunk at %v, end at %v: chunks were held back", first, total)
	}
}

// A client that goes away while its response is pending is noticed.
func TestClientDisconnect(t *testing.T) {
	t.Parallel()
	p, addr := serve(t, `
const http = require('http');
const server = http.createServer((req, res) => {
  console.log('got ' + req.url);
  req.on('close', () => console.log('req close ' + req.url + ' ended=' + res.writableEnded));
  res.on('close', () => console.log('res close ' + req.url));
});
`+listenTail)
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(c, "GET /hang HTTP/1.1\r\nHost: x\r\n\r\n")
	p.WaitLine(t, "got /hang", 5*time.Second)
	c.Close()
	p.WaitLine(t, "req close /hang ended=false", 5*time.Second)
	p.WaitLine(t, "res close /hang", 5*time.Second)
}

// Framing corners and the less common events.
func TestServerCorners(t *testing.T) {
	t.Parallel()
	p, addr := serve(t, `
const http = require('http');
const server = http.createServer((req, res) => {
  if (req.url === '/nobody') { res.writeHead(204, {'X-A': 'b'}); res.end('ignored'); return; }
  if (req.url === '/pause') {
    const got = [];
    let paused = false;
    req.on('data', (c) => {
      got.push(Buffer.isBuffer(c) ? 'buf' + c.length : 'str');
      if (!paused) { paused = true; req.pause(); setTimeout(() => req.resume(), 100); }
    });
    req.on('end', () => res.end(got.join(',') + ' complete=' + req.complete));
    return;
  }
  res.end('body for ' + req.method);
});
server.on('connection', (sock) => console.log('CONNECTION ' + sock.remoteAddress + ' ' + (typeof sock.remotePort)));
`+listenTail)
	// HEAD: headers (with the length a GET would have), no body.
	out := rawExchange(t, addr, "HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5*time.Second)
	if !strings.HasPrefix(out, "HTTP/1.1 200 OK\r\n") || !strings.HasSuffix(out, "\r\n\r\n") || strings.Contains(out, "body for") {
		t.Errorf("HEAD: %q", out)
	}
	p.WaitLine(t, "CONNECTION 127.0.0.1 number", 5*time.Second)
	// 204: no body, no framing headers.
	out = rawExchange(t, addr, "GET /nobody HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5*time.Second)
	if !strings.HasPrefix(out, "HTTP/1.1 204 No Content\r\n") || strings.Contains(out, "ignored") || strings.Contains(out, "chunked") || strings.Contains(out, "Content-Length") {
		t.Errorf("204: %q", out)
	}
	// Expect: 100-continue is answered before the body is sent.
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	io.WriteString(c, "POST /pause HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nExpect: 100-continue\r\n\r\n")
	br := bufio.NewReader(c)
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	line, _ := br.ReadString('\n')
	if line != "HTTP/1.1 100 Continue\r\n" {
		t.Fatalf("expect: %q", line)
	}
	br.ReadString('\n')
	io.WriteString(c, "12345")
	time.Sleep(50 * time.Millisecond)
	io.WriteString(c, "67890")
	resp, err := nethttp.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	if string(b) != "buf5,buf5 complete=true" {
		t.Errorf("pause/resume body: %q", b)
	}
}

// A large upload, Content-Length and chunked, arrives whole and in order.
func TestLargeUpload(t *testing.T) {
	t.Parallel()
	_, addr := serve(t, `
const http = require('http');
const crypto = require('crypto');
const server = http.createServer((req, res) => {
  let n = 0, chunks = 0;
  const h = crypto.createHash('sha1');
  req.on('data', (c) => { n += c.length; chunks++; h.update(c); });
  req.on('end', () => res.end(n + ' ' + h.digest('hex')));
});
`+listenTail)
	body := make([]byte, 4<<20)
	for i := range body {
		body[i] = byte(i * 7 % 251)
	}
	sum := fmt.Sprintf("%x", sha1Sum(body))
	for _, chunked := range []bool{false, true} {
		var r io.Reader = strings.NewReader(string(body))
		req, _ := nethttp.NewRequest("POST", "http://"+addr+"/up", r)
		if chunked {
			req.ContentLength = -1
			req.Body = io.NopCloser(strings.NewReader(string(body)))
		}
		resp, err := nethttp.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if want := fmt.Sprintf("%d %s", len(body), sum); string(b) != want {
			t.Errorf("chunked=%v: got %q want %q", chunked, b, want)
		}
	}
}

func sha1Sum(b []byte) []byte { s := sha1.Sum(b); return s[:] }
