package http_test

import (
	"bufio"
	"io"
	"net"
	nethttp "net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"

	_ "gonode/modules/all"
	httpmod "gonode/modules/http"
	"gonode/runtime"
)

// TestUpgradeHook drives the Go contract the websocket module builds on,
// in-process: a hook that hijacks (and finds the bytes sent after the head
// in the ReadWriter), a hook that refuses with an error response, the JS
// "upgrade" event when no hook takes the request, and an Upgrade request
// treated as an ordinary one when nobody wants it.
func TestUpgradeHook(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "up.js")
	os.WriteFile(script, []byte(`
const http = require('http');
const srv = http.createServer((req, res) => {
  if (req.url === '/quit') { res.end('bye'); srv.close(); srv2.close(); return; }
  res.end('plain ' + req.url);
});
srv.on('upgrade', (req, socket, head) => {
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: js\r\nConnection: Upgrade\r\n\r\n');
  socket.write('head=' + head + ';');
  socket.on('data', (d) => { socket.write(String(d).toUpperCase()); if (String(d).indexOf('end') >= 0) socket.end(); });
});
srv.listen(0, '127.0.0.1');
const srv2 = http.createServer((req, res) => res.end('srv2 ' + req.headers.upgrade));
srv2.listen(0, '127.0.0.1');
globalThis.srv = srv;
globalThis.srv2 = srv2;
`), 0o644)

	exited := make(chan int, 1)
	l, err := runtime.New(runtime.Options{Args: []string{"gonode", script}, Exit: func(code int) { exited <- code }})
	if err != nil {
		t.Fatal(err)
	}
	addrs := make(chan [2]string, 1)
	hookSaw := make(chan string, 4)
	hook := func(w nethttp.ResponseWriter, r *nethttp.Request) bool {
		switch r.URL.Path {
		case "/hook":
			if r.Host != "example" || r.Header.Get("Upgrade") != "echo" {
				hookSaw <- "bad request view: " + r.Host + " " + r.Header.Get("Upgrade")
			}
			conn, brw, err := w.(nethttp.Hijacker).Hijack()
			if err != nil {
				hookSaw <- err.Error()
				return true
			}
			hookSaw <- "buffered " + itoa(brw.Reader.Buffered())
			go func() {
				defer conn.Close()
				io.WriteString(conn, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n")
				buf := make([]byte, 100)
				for {
					n, err := brw.Read(buf)
					if n > 0 {
						conn.Write([]byte(strings.ToUpper(string(buf[:n]))))
					}
					if err != nil {
						return
					}
				}
			}()
			return true
		case "/deny":
			nethttp.Error(w, "go away", nethttp.StatusForbidden)
			return true
		}
		return false
	}
	go func() {
		code := l.Run(func() error {
			if err := l.RunMain(script); err != nil {
				return err
			}
			srv := l.VM.Get("srv").(*goja.Object)
			srv2 := l.VM.Get("srv2").(*goja.Object)
			if err := httpmod.AddUpgradeHook(srv, hook); err != nil {
				return err
			}
			if err := httpmod.AddUpgradeHook(l.VM.NewObject(), hook); err == nil {
				t.Error("AddUpgradeHook accepted a non-server")
			}
			addrs <- [2]string{httpmod.Addr(srv).String(), httpmod.Addr(srv2).String()}
			return nil
		})
		exited <- code
	}()
	var a [2]string
	select {
	case a = <-addrs:
	case code := <-exited:
		t.Fatalf("script ended early with %d", code)
	case <-time.After(10 * time.Second):
		t.Fatal("no address")
	}
	addr, addr2 := a[0], a[1]

	// 1. The hook hijacks; bytes sent with the head are in its reader.
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(c, "GET /hook HTTP/1.1\r\nHost: example\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\nearly")
	br := bufio.NewReader(c)
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	status, _ := br.ReadString('\n')
	if !strings.HasPrefix(status, "HTTP/1.1 101") {
		t.Fatalf("hook status %q", status)
	}
	for {
		line, err := br.ReadString('\n')
		if err != nil || line == "\r\n" {
			break
		}
	}
	got := make([]byte, 5)
	io.ReadFull(br, got)
	if string(got) != "EARLY" {
		t.Errorf("early bytes echoed as %q", got)
	}
	io.WriteString(c, "later")
	io.ReadFull(br, got)
	if string(got) != "LATER" {
		t.Errorf("echo %q", got)
	}
	c.Close()
	if s := <-hookSaw; s != "buffered 5" {
		t.Errorf("hook: %s", s)
	}

	// 2. A hook that refuses: its error response, then the connection closes.
	out := rawExchange(t, addr, "GET /deny HTTP/1.1\r\nHost: x\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n", 5*time.Second)
	if !strings.HasPrefix(out, "HTTP/1.1 403 Forbidden\r\n") || !strings.HasSuffix(out, "go away\n") {
		t.Errorf("deny: %q", out)
	}

	// 3. No hook takes it: the JS "upgrade" event gets req, socket, head.
	c, err = net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(c, "GET /js HTTP/1.1\r\nHost: x\r\nUpgrade: js\r\nConnection: Upgrade\r\n\r\nHD")
	time.Sleep(100 * time.Millisecond)
	io.WriteString(c, "abc end")
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	b, _ := io.ReadAll(c)
	c.Close()
	if !strings.HasPrefix(string(b), "HTTP/1.1 101 Switching Protocols\r\n") || !strings.HasSuffix(string(b), "\r\n\r\nhead=HD;ABC END") {
		t.Errorf("js upgrade: %q", b)
	}

	// 4. Nobody wants the upgrade: an ordinary request.
	out = rawExchange(t, addr2, "GET /x HTTP/1.1\r\nHost: x\r\nUpgrade: nobody\r\nConnection: Upgrade, close\r\n\r\n", 5*time.Second)
	if !strings.HasPrefix(out, "HTTP/1.1 200 OK") || !strings.HasSuffix(out, "srv2 nobody\r\n0\r\n\r\n") && !strings.HasSuffix(out, "srv2 nobody") {
		t.Errorf("ordinary upgrade request: %q", out)
	}

	// Ordinary requests still work on the hooked server; /quit ends the script.
	_, body := get(t, "http://"+addr+"/quit")
	if body != "bye" {
		t.Errorf("quit: %q", body)
	}
	select {
	case code := <-exited:
		if code != 0 {
			t.Errorf("exit code %d", code)
		}
	case <-time.After(10 * time.Second):
		t.Error("script did not end after the servers closed")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
