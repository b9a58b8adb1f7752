package http_test

import (
	"fmt"
	"io"
	"net"
	nethttp "net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"gonode/internal/testutil"
)

// goServer is a Go HTTP server the client scripts talk to; it echoes what
// it received.
func goServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &nethttp.Server{Handler: nethttp.HandlerFunc(func(w nethttp.ResponseWriter, r *nethttp.Request) {
		body, _ := io.ReadAll(r.Body)
		switch r.URL.Path {
		case "/missing":
			w.WriteHeader(404)
			return
		case "/bin":
			w.Write([]byte{0xff, 0x00, 'h', 0xc3, 0xa9})
			return
		case "/stream":
			fl := w.(nethttp.Flusher)
			for i := 0; i < 3; i++ {
				fmt.Fprintf(w, "part%d;", i)
				fl.Flush()
				time.Sleep(50 * time.Millisecond)
			}
			return
		}
		w.Header().Set("X-Method", r.Method)
		w.Header().Add("Set-Cookie", "a=1")
		w.Header().Add("Set-Cookie", "b=2")
		te := "identity"
		if len(r.TransferEncoding) > 0 {
			te = r.TransferEncoding[0]
		}
		fmt.Fprintf(w, "%s %s host=%s x=%s te=%s cl=%d body=%s", r.Method, r.URL.RequestURI(), r.Host, r.Header.Get("X-Test"), te, r.ContentLength, body)
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

func TestClient2009(t *testing.T) {
	t.Parallel()
	addr := goServer(t)
	host, port, _ := net.SplitHostPort(addr)
	r := testutil.Run(t, testutil.RunOpts{}, "-e", `
var sys = require('sys'), http = require('http');
var client = http.createClient(`+port+`, '`+host+`');
var req = client.get('/path?q=1', {'X-Test': 'yes'});
req.finish(function (res) {
  sys.puts('STATUS ' + res.statusCode + ' ' + res.httpVersion + ' ' + (res.client === client));
  sys.puts('METHOD ' + res.headers['x-method'] + ' COOKIES ' + JSON.stringify(res.headers['set-cookie']));
  res.setBodyEncoding('utf8');
  var body = '';
  res.addListener('body', function (chunk) { body += chunk; });
  res.addListener('complete', function () {
    sys.puts('BODY ' + body);
    var post = client.post('/up', {'Content-Length': 5});
    post.sendBody('hello');
    post.finish(function (res) {
      res.addListener('body', function (c) { sys.puts('POST ' + c); });
      res.addListener('complete', function () {
        var chunked = client.put('/chunks', [['Transfer-Encoding', 'chunked']]);
        chunked.sendBody('a');
        chunked.sendBody('b');
        chunked.finish(function (res) {
          res.addListener('body', function (c) { sys.puts('PUT ' + c); });
          res.addListener('complete', function () {
            var bin = client.get('/bin');
            bin.finish(function (res) {
              var s = '';
              res.addListener('body', function (c) { s += c; });
              res.addListener('complete', function () {
                sys.puts('BIN ' + s.split('').map(function (c) { return c.charCodeAt(0); }).join(','));
                var del = client.del('/gone');
                del.finish(function (res) {
                  res.addListener('body', function (c) { sys.puts('DEL ' + c); });
                });
              });
            });
          });
        });
      });
    });
  });
});
`)
	want := []string{
		"STATUS 200 1.1 true",
		`METHOD GET COOKIES ["a=1","b=2"]`,
		"BODY GET /path?q=1 host=" + addr + " x=yes te=identity cl=0 body=",
		"POST POST /up host=" + addr + " x= te=identity cl=5 body=hello",
		"PUT PUT /chunks host=" + addr + " x= te=chunked cl=-1 body=ab",
		"BIN 255,0,104,195,169",
		"DEL DELETE /gone host=" + addr + " x= te=identity cl=0 body=",
	}
	if r.Code != 0 || r.Stdout != strings.Join(want, "\n")+"\n" {
		t.Errorf("code %d\nstdout:\n%s\nwant:\n%s\nstderr:\n%s", r.Code, r.Stdout, strings.Join(want, "\n"), r.Stderr)
	}
}

func TestClientModern(t *testing.T) {
	t.Parallel()
	addr := goServer(t)
	r := testutil.Run(t, testutil.RunOpts{}, "-e", `
const http = require('http');
http.get('http://`+addr+`/g?x=1', (res) => {
  const chunks = [];
  res.on('data', (c) => chunks.push(c));
  res.on('end', () => {
    console.log(res.statusCode, Buffer.isBuffer(chunks[0]), Buffer.concat(chunks).toString());
    const req = http.request({ host: '`+strings.Split(addr, ":")[0]+`', port: `+strings.Split(addr, ":")[1]+`, method: 'POST', path: '/p', headers: { 'X-Test': 'm' } }, (res) => {
      res.setEncoding('utf8');
      let s = '';
      res.on('data', (c) => { s += c; });
      res.on('end', () => {
        console.log(s);
        http.get('http://`+addr+`/stream', (res) => {
          const parts = [];
          res.on('data', (c) => parts.push(String(c)));
          res.on('end', () => {
            console.log('stream ' + parts.join(''));
            const bad = http.get('http://127.0.0.1:1/', () => {});
            bad.on('error', (e) => console.log('error ' + e.code + ' ' + e.message));
          });
        });
      });
    });
    req.write('he');
    req.end('llo');
  });
});
`)
	want := "200 true GET /g?x=1 host=" + addr + " x= te=identity cl=0 body=\n" +
		"POST /p host=" + addr + " x=m te=identity cl=5 body=hello\n" +
		"stream part0;part1;part2;\n" +
		"error ECONNREFUSED connect ECONNREFUSED 127.0.0.1:1\n"
	if r.Code != 0 || r.Stdout != want {
		t.Errorf("code %d\nstdout:\n%s\nwant:\n%s\nstderr:\n%s", r.Code, r.Stdout, want, r.Stderr)
	}
}

func TestHTTPCat(t *testing.T) {
	t.Parallel()
	addr := goServer(t)
	r := testutil.Run(t, testutil.RunOpts{}, "-e", `
var sys = require('sys'), http = require('http');
http.cat('http://`+addr+`/cat').addCallback(function (content) {
  sys.puts('OK ' + content);
  http.cat('http://`+addr+`/missing').addErrback(function (code) {
    sys.puts('ERR ' + code);
    var p = http.cat('http://127.0.0.1:1/');
    p.addErrback(function (e) { sys.puts('REFUSED ' + e.code); });
  });
});
`)
	want := "OK GET /cat host=" + addr + " x= te=identity cl=0 body=\nERR 404\nREFUSED ECONNREFUSED\n"
	if r.Code != 0 || r.Stdout != want {
		t.Errorf("code %d\nstdout:\n%s\nstderr:\n%s", r.Code, r.Stdout, r.Stderr)
	}
}

// The client talks to gonode's own server in one script: both halves on
// one loop, many requests at once.
func TestClientAgainstOwnServer(t *testing.T) {
	t.Parallel()
	r := testutil.Run(t, testutil.RunOpts{}, "-e", `
const http = require('http');
const server = http.createServer((req, res) => {
  let n = 0;
  req.on('data', (c) => { n += c.length; });
  req.on('end', () => { res.end(req.method + ' ' + req.url + ' ' + n); });
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  let left = 20;
  const seen = [];
  for (let i = 0; i < 20; i++) {
    const req = http.request({ port, method: 'POST', path: '/r' + i }, (res) => {
      let s = '';
      res.on('data', (c) => { s += c; });
      res.on('end', () => {
        seen.push(s);
        if (--left === 0) {
          seen.sort();
          console.log(seen.length, seen[0], seen[19]);
          server.close();
        }
      });
    });
    req.end('x'.repeat(i * 1000));
  }
});
`)
	if r.Code != 0 || r.Stdout != "20 POST /r0 0 POST /r9 9000\n" {
		t.Errorf("code %d stdout %q stderr %q", r.Code, r.Stdout, r.Stderr)
	}
}

var _ = sync.Mutex{}

// A 2009 client request with declared framing streams its body: the server
// has the first chunk before the script sends the next.
func TestClientStreamsBody(t *testing.T) {
	t.Parallel()
	r := testutil.Run(t, testutil.RunOpts{}, "-e", `
var sys = require('sys'), http = require('http');
var sent = [];
var server = http.createServer(function (req, res) {
  var got = [];
  req.setBodyEncoding('utf8');
  req.addListener('body', function (c) { got.push(c + '@' + sent.length); });
  req.addListener('complete', function () {
    res.sendHeader(200, {'Content-Type': 'text/plain'});
    res.sendBody(req.headers['transfer-encoding'] + ' ' + req.headers['content-length'] + ' ' + got.join(','));
    res.finish();
  });
});
server.listen(0, '127.0.0.1');
var client = http.createClient(server.address().port, '127.0.0.1');
function run(headers, done) {
  sent = [];
  var req = client.post('/s', headers);
  req.sendBody('one'); sent.push('one');
  setTimeout(function () {
    req.sendBody('two'); sent.push('two');
    req.finish(function (res) {
      res.addListener('body', function (c) { sys.puts(c); });
      res.addListener('complete', done);
    });
  }, 300);
}
run([['Transfer-Encoding', 'chunked']], function () {
  run({'Content-Length': 6}, function () { server.close(); });
});
`)
	want := "chunked undefined one@1,two@2\nundefined 6 one@1,two@2\n"
	if r.Code != 0 || r.Stdout != want {
		t.Errorf("code %d stdout %q want %q stderr %q", r.Code, r.Stdout, want, r.Stderr)
	}
}
