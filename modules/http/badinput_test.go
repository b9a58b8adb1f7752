package http_test

import (
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"gonode/internal/testutil"
)

// Malformed requests get a 4xx from the server itself; JS never sees them
// and the server goes on serving.
func TestBadInput(t *testing.T) {
	t.Parallel()
	p, addr := serve(t, `
const http = require('http');
process.on('uncaughtException', (e) => console.log('UNCAUGHT ' + e.message));
const server = http.createServer({ headersTimeout: 400 }, (req, res) => {
  console.log('REQUEST ' + req.url);
  res.end('ok');
});
if (server.headersTimeout !== 400 || server.keepAliveTimeout !== 5000) throw new Error('options not applied');
`+listenTail)
	cases := []struct {
		name, send, status string
	}{
		{"garbage request line", "HELLO\r\n\r\n", "400"},
		{"no version", "GET /\r\n\r\n", "400"},
		{"bad version", "GET / HTTP/x.y\r\n\r\n", "400"},
		{"http/2 line", "GET / HTTP/2.0\r\nHost: x\r\n\r\n", "505"},
		{"space in method", "G(T / HTTP/1.1\r\n\r\n", "400"},
		{"header without colon", "GET / HTTP/1.1\r\nHost x\r\n\r\n", "400"},
		{"space before colon", "GET / HTTP/1.1\r\nHost : x\r\n\r\n", "400"},
		{"folded header", "GET / HTTP/1.1\r\nX-A: 1\r\n  continued\r\n\r\n", "400"},
		{"control char in value", "GET / HTTP/1.1\r\nX-A: a\x01b\r\n\r\n", "400"},
		{"bad content-length", "POST / HTTP/1.1\r\nContent-Length: 12x\r\n\r\n", "400"},
		{"two content-lengths", "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", "400"},
		{"te and cl", "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "400"},
		{"unknown te", "POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", "400"},
		{"bad percent escape", "GET /a%zzb HTTP/1.1\r\nHost: x\r\n\r\n", "400"},
		{"truncated percent escape", "GET /a%4 HTTP/1.1\r\nHost: x\r\n\r\n", "400"},
		{"oversized headers", "GET / HTTP/1.1\r\nX-Big: " + strings.Repeat("a", 20000) + "\r\n\r\n", "431"},
	}
	for _, tc := range cases {
		out := rawExchange(t, addr, tc.send, 5*time.Second)
		if !strings.HasPrefix(out, "HTTP/1.1 "+tc.status+" ") || !strings.Contains(out, "Connection: close") {
			t.Errorf("%s: got %q, want status %s and a closed connection", tc.name, out, tc.status)
		}
	}
	// A bad chunk comes after a good head: the handler answered already,
	// then the server answers 400 and closes.
	out := rawExchange(t, addr, "POST /chunks HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n", 5*time.Second)
	if !strings.HasPrefix(out, "HTTP/1.1 200 OK\r\n") || !strings.HasSuffix(out, "okHTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n") {
		t.Errorf("bad chunk: %q", out)
	}
	// Nothing else reached JS.
	out = p.Stdout()
	if strings.Contains(out, "UNCAUGHT") {
		t.Errorf("an exception reached JS:\n%s", out)
	}
	if n := strings.Count(out, "REQUEST"); n > 1 {
		t.Errorf("%d bad requests reached JS:\n%s", n, out)
	}
	// Still serving.
	if _, body := get(t, "http://"+addr+"/after"); body != "ok" {
		t.Errorf("after bad input: %q", body)
	}

	// A client too slow with its headers is cut off after headersTimeout.
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	io.WriteString(c, "GET /slow HTTP/1.1\r\nHost: x\r\n")
	start := time.Now()
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	b, _ := io.ReadAll(c)
	el := time.Since(start)
	if !strings.HasPrefix(string(b), "HTTP/1.1 408 ") {
		t.Errorf("slow headers: got %q after %v", b, el)
	}
	if el < 300*time.Millisecond || el > 3*time.Second {
		t.Errorf("slow headers cut off after %v, want about 400ms", el)
	}
	// An idle keep-alive connection is closed after keepAliveTimeout, a
	// connection that never sends anything after headersTimeout.
	c2, _ := net.Dial("tcp", addr)
	defer c2.Close()
	c2.SetReadDeadline(time.Now().Add(5 * time.Second))
	b, _ = io.ReadAll(c2)
	if !strings.HasPrefix(string(b), "HTTP/1.1 408 ") {
		t.Errorf("silent connection: got %q", b)
	}
}

// Misuse: sendHeader twice and sendBody after finish throw; an exception in
// a handler goes to "uncaughtException" and the server keeps serving.
func TestMisuse(t *testing.T) {
	t.Parallel()
	_, addr := serve(t, `
const http = require('http');
process.on('uncaughtException', (e) => console.log('UNCAUGHT ' + e.message));
const server = http.createServer((req, res) => {
  if (req.url === '/twice') {
    res.sendHeader(200, {'Content-Type': 'text/plain'});
    let msg = 'none';
    try { res.sendHeader(200, {}); } catch (e) { msg = (e instanceof Error) + ' ' + e.code + ' ' + e.message; }
    res.sendBody(msg);
    res.finish();
    return;
  }
  if (req.url === '/after') {
    res.sendHeader(200, {});
    res.finish();
    try { res.sendBody('late'); } catch (e) { console.log('AFTER ' + e.code + ' ' + e.message); }
    try { res.finish(); } catch (e) { console.log('FINISH2 ' + e.message); }
    return;
  }
  if (req.url === '/headers') {
    let msg = '';
    try { res.setHeader('Bad Name', 'x'); } catch (e) { msg += e.code + ';'; }
    try { res.setHeader('X-Split', 'a\r\nInjected: 1'); res.end(); } catch (e) { msg += e.code + ';'; }
    try { res.statusMessage = 'OK\r\nInjected: 1'; res.end(); } catch (e) { msg += e.code + ';'; }
    res.statusMessage = 'Fine';
    res.writeHead(200);
    res.end(msg);
    return;
  }
  if (req.url === '/throw') {
    throw new Error('boom in handler');
  }
  res.end('fine');
});
`+listenTail)
	_, body := get(t, "http://"+addr+"/twice")
	if body != "true ERR_HTTP_HEADERS_SENT sendHeader() was already called for this response" {
		t.Errorf("sendHeader twice: %q", body)
	}
	get(t, "http://"+addr+"/after")
	_, body = get(t, "http://"+addr+"/headers")
	if body != "ERR_INVALID_HTTP_TOKEN;ERR_INVALID_CHAR;ERR_INVALID_CHAR;" {
		t.Errorf("header validation: %q", body)
	}
	// The thrown request never gets an answer; the client gives up.
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(c, "GET /throw HTTP/1.1\r\nHost: x\r\n\r\n")
	time.Sleep(200 * time.Millisecond)
	c.Close()
	for i := 0; i < 3; i++ {
		if _, body := get(t, "http://"+addr+"/ok"); body != "fine" {
			t.Errorf("after exception: %q", body)
		}
	}
}

func TestMisuseOutput(t *testing.T) {
	t.Parallel()
	p, addr := serve(t, `
const http = require('http');
process.on('uncaughtException', (e) => console.log('UNCAUGHT ' + e.message));
const server = http.createServer((req, res) => {
  if (req.url === '/after') {
    res.sendHeader(200, {});
    res.finish();
    try { res.sendBody('late'); } catch (e) { console.log('AFTER ' + (e instanceof Error) + ' ' + e.code + ' ' + e.message); }
    try { res.finish(); } catch (e) { console.log('FINISH2 ' + e.message); }
    return;
  }
  throw new Error('boom in handler');
});
`+listenTail)
	get(t, "http://"+addr+"/after")
	p.WaitLine(t, "AFTER true ERR_STREAM_WRITE_AFTER_END sendBody() called after finish()", 5*time.Second)
	p.WaitLine(t, "FINISH2 finish() called twice", 5*time.Second)
	c, _ := net.Dial("tcp", addr)
	io.WriteString(c, "GET /throw HTTP/1.1\r\nHost: x\r\n\r\n")
	p.WaitLine(t, "UNCAUGHT boom in handler", 5*time.Second)
	c.Close()
}

// Without an uncaughtException listener a throwing handler ends the
// process with the stack, as node does.
func TestHandlerExceptionFatal(t *testing.T) {
	t.Parallel()
	p, addr := serve(t, `
const http = require('http');
const server = http.createServer((req, res) => { throw new Error('fatal in handler'); });
`+listenTail)
	c, _ := net.Dial("tcp", addr)
	defer c.Close()
	io.WriteString(c, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
	if code := p.Wait(t, 10*time.Second); code != 1 {
		t.Errorf("exit code %d", code)
	}
	if !strings.Contains(p.Stderr(), "fatal in handler") || !strings.Contains(p.Stderr(), "server.js:") {
		t.Errorf("stderr %q", p.Stderr())
	}
	_ = testutil.FreePort
}

// A client that stops reading while the script keeps writing is cut off
// once its queue passes the bound, instead of growing the server's memory;
// write() reported the backlog on the way.
func TestSlowClientDisconnected(t *testing.T) {
	t.Parallel()
	p, addr := serve(t, `
const http = require('http');
const chunk = 'x'.repeat(256 * 1024);
const server = http.createServer((req, res) => {
  res.writeHead(200, {'Content-Type': 'text/plain'});
  let sawFalse = false, sent = 0;
  const t = setInterval(() => {
    if (!res.write(chunk)) sawFalse = true;
    sent += chunk.length;
  }, 2);
  res.on('close', () => {
    clearInterval(t);
    console.log('CLOSED backpressure=' + sawFalse + ' sentMB=' + Math.round(sent / 1048576));
  });
});
`+listenTail)
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if tc, ok := c.(*net.TCPConn); ok {
		tc.SetReadBuffer(4096)
	}
	io.WriteString(c, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
	line := p.WaitLine(t, "CLOSED", 30*time.Second)
	if !strings.Contains(line, "backpressure=true") {
		t.Errorf("write() never returned false: %s", line)
	}
}
