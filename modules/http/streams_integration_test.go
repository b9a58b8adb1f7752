package http_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"gonode/internal/testutil"
)

// startScript runs a server script that prints "listening PORT" and
// returns the base URL.
func startScript(t *testing.T, name, src string, args ...string) string {
	t.Helper()
	script := testutil.WriteFile(t, t.TempDir(), name, src)
	p := testutil.Start(t, testutil.RunOpts{}, append([]string{script}, args...)...)
	port := strings.TrimPrefix(p.WaitLine(t, "listening ", 20*time.Second), "listening ")
	return "http://127.0.0.1:" + port + "/"
}

// TestUploadPipedToFile: 20 MB uploaded by Go's client, written with
// req.pipe(fs.createWriteStream(...)). The file must be byte-identical and
// the request's buffer must stay bounded (the write stream's back-pressure
// pauses the request, which stops reading the socket).
func TestUploadPipedToFile(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "upload.bin")
	url := startScript(t, "upload.js", `
const http = require('http');
const fs = require('fs');
const out = process.argv[2];
http.createServer((req, res) => {
  const file = fs.createWriteStream(out);
  let maxBuffered = 0, pauses = 0;
  req.on('pause', () => pauses++);
  req.on('data', () => { maxBuffered = Math.max(maxBuffered, req.readableLength); });
  req.pipe(file);
  file.on('finish', () => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ size: fs.statSync(out).size, maxBuffered, pauses, ended: req.readableEnded }));
  });
}).listen(0, '127.0.0.1', function () { console.log('listening ' + this.address().port); });
`, out)
	body := make([]byte, 20<<20)
	rand.Read(body)
	resp, err := (&http.Client{Timeout: 120 * time.Second}).Post(url, "application/octet-stream", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var got struct {
		Size        int  `json:"size"`
		MaxBuffered int  `json:"maxBuffered"`
		Pauses      int  `json:"pauses"`
		Ended       bool `json:"ended"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil {
		t.Fatal(err)
	}
	if got.Size != len(body) || !got.Ended {
		t.Fatalf("server wrote %d bytes (ended %v), want %d", got.Size, got.Ended, len(body))
	}
	if got.Pauses == 0 {
		t.Errorf("the request was never paused by the file's back-pressure")
	}
	if got.MaxBuffered > 1<<20 {
		t.Errorf("the request buffered up to %d bytes: back-pressure did not hold", got.MaxBuffered)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if sha256.Sum256(data) != sha256.Sum256(body) {
		t.Fatalf("file differs from the upload")
	}
}

// TestPipelineGzip: stream.pipeline(req, zlib.createGzip(), res) compresses
// an upload on the fly; Go's gzip reader must get the same bytes back.
func TestPipelineGzip(t *testing.T) {
	t.Parallel()
	url := startScript(t, "gzip.js", `
const http = require('http');
const zlib = require('zlib');
const { pipeline } = require('stream');
http.createServer((req, res) => {
  res.setHeader('content-encoding', 'gzip');
  pipeline(req, zlib.createGzip(), res, (err) => {
    if (err) console.error('pipeline failed', err.code);
  });
}).listen(0, '127.0.0.1', function () { console.log('listening ' + this.address().port); });
`)
	var body bytes.Buffer
	for i := 0; body.Len() < 5<<20; i++ {
		body.WriteString("line " + strings.Repeat("x", i%97) + "\n")
	}
	req, _ := http.NewRequest("POST", url, bytes.NewReader(body.Bytes()))
	tr := &http.Transport{DisableCompression: true}
	defer tr.CloseIdleConnections()
	resp, err := (&http.Client{Transport: tr, Timeout: 120 * time.Second}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("content-encoding %q", resp.Header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, body.Bytes()) {
		t.Fatalf("gunzipped %d bytes, want the %d sent", len(got), body.Len())
	}
}

// TestTCPBackPressure: while the destination of req.pipe() does not take
// data, the client cannot send the whole body (the server stops reading
// the socket and TCP's windows fill up); once it does, everything arrives.
func TestTCPBackPressure(t *testing.T) {
	t.Parallel()
	url := startScript(t, "hold.js", `
const http = require('http');
const { Writable } = require('stream');
http.createServer((req, res) => {
  let got = 0, held = [], holding = true;
  const w = new Writable({
    write(c, e, cb) { got += c.length; if (holding) held.push(cb); else cb(); }
  });
  setTimeout(() => { holding = false; held.forEach((cb) => cb()); held = []; }, 1500);
  w.on('finish', () => res.end(String(got)));
  req.pipe(w);
}).listen(0, '127.0.0.1', function () { console.log('listening ' + this.address().port); });
`)
	const total = 64 << 20
	var sent atomic.Int64
	pr, pw := io.Pipe()
	go func() {
		chunk := bytes.Repeat([]byte("y"), 64<<10)
		for n := 0; n < total; n += len(chunk) {
			if _, err := pw.Write(chunk); err != nil {
				return
			}
			sent.Add(int64(len(chunk)))
		}
		pw.Close()
	}()
	req, _ := http.NewRequest("POST", url, pr)
	req.ContentLength = total
	type result struct {
		body string
		err  error
	}
	done := make(chan result, 1)
	go func() {
		resp, err := (&http.Client{Timeout: 120 * time.Second}).Do(req)
		if err != nil {
			done <- result{err: err}
			return
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		done <- result{string(b), err}
	}()
	time.Sleep(1200 * time.Millisecond)
	// Held: what the client got out is bounded by the kernel's socket
	// buffers plus the server's small in-flight allowance.
	if s := sent.Load(); s >= total/2 {
		t.Errorf("the client sent %d of %d bytes while the server held the data: no back-pressure", s, total)
	}
	r := <-done
	if r.err != nil {
		t.Fatal(r.err)
	}
	if r.body != "67108864" {
		t.Fatalf("server got %q bytes, want %d", r.body, total)
	}
}

// TestLazyStreamState pins the design that keeps plain requests fast: a
// request read with 'data'/'end', or not read, or only asked for
// readable/readableEnded/destroyed, builds no ReadableState (it shows as
// an own _readableState once built; node always has one); pipe() and
// read() build it.
func TestLazyStreamState(t *testing.T) {
	t.Parallel()
	url := startScript(t, "lazy.js", `
const http = require('http');
const { Writable } = require('stream');
const own = (req) => Object.prototype.hasOwnProperty.call(req, '_readableState');
http.createServer((req, res) => {
  const flags = [req.readable, req.readableEnded, req.destroyed].join(',');
  if (req.url === '/data') {
    req.setEncoding('utf8');
    let s = '';
    req.on('data', (d) => { s += d; });
    req.on('end', () => res.end(own(req) + ' ' + s.length + ' ' + flags));
  } else if (req.url === '/ignore') {
    res.end(own(req) + ' ' + flags);
  } else if (req.url === '/pipe') {
    let n = 0;
    req.pipe(new Writable({ write(c, e, cb) { n += c.length; cb(); } })).on('finish', () => res.end(own(req) + ' ' + n));
  } else {
    req.on('readable', () => { while (req.read() !== null); });
    req.on('end', () => res.end(own(req) + ' ' + req.readableEnded));
  }
}).listen(0, '127.0.0.1', function () { console.log('listening ' + this.address().port); });
`)
	for _, c := range []struct{ path, want string }{
		{"data", "false 2500 true,false,false"},
		{"ignore", "false true,false,false"},
		{"pipe", "true 5000"},
		{"read", "true true"},
	} {
		resp, err := http.Post(url+c.path, "text/plain", strings.NewReader(strings.Repeat("é", 2500)))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if string(b) != c.want {
			t.Errorf("%s: got %q, want %q", c.path, b, c.want)
		}
	}
}

// TestAbortAfterResponse: a request still piping its body after its
// response ended gets "aborted" and "close" when the client goes away.
func TestAbortAfterResponse(t *testing.T) {
	t.Parallel()
	script := testutil.WriteFile(t, t.TempDir(), "abort.js", `
const http = require('http');
const stream = require('stream');
http.createServer((req, res) => {
  res.end('early');
  req.on('aborted', () => console.log('aborted ' + req.aborted));
  req.on('close', () => console.log('req close ' + req.destroyed));
  req.pipe(new stream.Writable({ write(c, e, cb) { setTimeout(cb, 5); } }));
}).listen(0, '127.0.0.1', function () { console.log('listening ' + this.address().port); });
`)
	p := testutil.Start(t, testutil.RunOpts{}, script)
	port := strings.TrimPrefix(p.WaitLine(t, "listening ", 20*time.Second), "listening ")
	c, err := net.Dial("tcp", "127.0.0.1:"+port)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n%s", strings.Repeat("x", 1000))
	br := bufio.NewReader(c)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := io.ReadAll(resp.Body); string(b) != "early" {
		t.Fatalf("response %q", b)
	}
	c.Close()
	p.WaitLine(t, "aborted true", 10*time.Second)
	p.WaitLine(t, "req close true", 10*time.Second)
}
