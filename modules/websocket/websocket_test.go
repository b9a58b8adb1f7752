package websocket_test

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"gonode/internal/testutil"
)

func TestMain(m *testing.M) { testutil.Main(m) }

// startRoom runs testdata/room.js with createServer options and returns the
// process and the ws:// base URL.
func startRoom(t *testing.T, opts string) (*testutil.Proc, string) {
	t.Helper()
	p := testutil.Start(t, testutil.RunOpts{}, filepath.Join("testdata", "room.js"), opts)
	line := p.WaitLine(t, "listening ", 20*time.Second)
	return p, "ws://127.0.0.1:" + strings.TrimPrefix(line, "listening ")
}

func dial(t *testing.T, url string, h http.Header) *websocket.Conn {
	t.Helper()
	c, _, err := websocket.DefaultDialer.Dial(url, h)
	if err != nil {
		t.Fatalf("dial %s: %v", url, err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func readText(t *testing.T, c *websocket.Conn) string {
	t.Helper()
	c.SetReadDeadline(time.Now().Add(10 * time.Second))
	typ, b, err := c.ReadMessage()
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	if typ != websocket.TextMessage {
		t.Fatalf("got message type %d, want text", typ)
	}
	return string(b)
}

func expectClose(t *testing.T, c *websocket.Conn, code int) {
	t.Helper()
	c.SetReadDeadline(time.Now().Add(10 * time.Second))
	for {
		_, _, err := c.ReadMessage()
		if err == nil {
			continue
		}
		var ce *websocket.CloseError
		if !errors.As(err, &ce) {
			t.Fatalf("want close %d, got %v", code, err)
		}
		if ce.Code != code {
			t.Fatalf("close code %d (%q), want %d", ce.Code, ce.Text, code)
		}
		return
	}
}

// echoWorks checks a bystander connection still gets answers.
func echoWorks(t *testing.T, c *websocket.Conn, s string) {
	t.Helper()
	if err := c.WriteMessage(websocket.TextMessage, []byte("echo:"+s)); err != nil {
		t.Fatal(err)
	}
	if got := readText(t, c); got != s {
		t.Fatalf("echo: got %q want %q", got, s)
	}
}

func TestRoomManyClientsOrderPerSender(t *testing.T) {
	t.Parallel()
	_, url := startRoom(t, "{}")
	const clients, per = 40, 25
	conns := make([]*websocket.Conn, clients)
	for i := range conns {
		conns[i] = dial(t, url+"/room", nil)
	}
	// Every client must see every message, each sender's in order.
	var wg sync.WaitGroup
	errs := make(chan error, clients)
	for i, c := range conns {
		wg.Add(1)
		go func(i int, c *websocket.Conn) {
			defer wg.Done()
			last := map[int]int{}
			for n := 0; n < clients*per; n++ {
				c.SetReadDeadline(time.Now().Add(20 * time.Second))
				_, b, err := c.ReadMessage()
				if err != nil {
					errs <- fmt.Errorf("client %d after %d messages: %v", i, n, err)
					return
				}
				var from, k int
				if _, err := fmt.Sscanf(string(b), "m %d %d", &from, &k); err != nil {
					errs <- fmt.Errorf("client %d: bad message %q", i, b)
					return
				}
				if prev, ok := last[from]; ok && k != prev+1 {
					errs <- fmt.Errorf("client %d: from %d got %d after %d", i, from, k, prev)
					return
				} else if !ok && k != 0 {
					errs <- fmt.Errorf("client %d: from %d got %d first (missed 0..%d)", i, from, k, k-1)
					return
				}
				last[from] = k
			}
		}(i, c)
	}
	for i, c := range conns {
		go func(i int, c *websocket.Conn) {
			for k := 0; k < per; k++ {
				c.WriteMessage(websocket.TextMessage, []byte(fmt.Sprintf("m %d %d", i, k)))
			}
		}(i, c)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestTextAndBinary(t *testing.T) {
	t.Parallel()
	p, url := startRoom(t, "{}")
	c := dial(t, url, http.Header{"User-Agent": {"gorilla-test"}})
	p.WaitLine(t, "ua=gorilla-test", 10*time.Second)
	echoWorks(t, c, "héllo wörld ✓")
	bin := []byte{0, 1, 2, 255, 254, 0}
	big := make([]byte, 200000)
	for i := range big {
		big[i] = byte(i * 7)
	}
	for _, want := range [][]byte{bin, big} {
		if err := c.WriteMessage(websocket.BinaryMessage, want); err != nil {
			t.Fatal(err)
		}
		c.SetReadDeadline(time.Now().Add(10 * time.Second))
		typ, got, err := c.ReadMessage()
		if err != nil || typ != websocket.BinaryMessage || string(got) != string(want) {
			t.Fatalf("binary echo: type %d err %v len %d want %d", typ, err, len(got), len(want))
		}
		p.WaitLine(t, fmt.Sprintf("binary %s", ""), 5*time.Second)
	}
	if !strings.Contains(p.Stdout(), " true 200000") {
		t.Fatalf("binary message did not arrive as a Buffer:\n%s", p.Stdout())
	}
	// A fragmented text message is reassembled.
	raw := rawDial(t, url, "")
	raw.frame(false, 1, []byte("echo:frag"))
	raw.frame(true, 9, []byte("p")) // a ping between fragments
	raw.frame(true, 0, []byte("mented"))
	if op, got := raw.read(t); op != 10 || string(got) != "p" {
		t.Fatalf("ping answer: op %d %q", op, got)
	}
	if op, got := raw.read(t); op != 1 || string(got) != "fragmented" {
		t.Fatalf("fragmented echo: op %d %q", op, got)
	}
}

func TestCloseCodes(t *testing.T) {
	t.Parallel()
	p, url := startRoom(t, "{}")
	// Client-initiated: the script sees the client's code and reason.
	c := dial(t, url, nil)
	c.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(4001, "bye now"))
	expectClose(t, c, 4001)
	p.WaitLine(t, " 4001 bye now clients=0", 10*time.Second)
	// Server-initiated.
	c2 := dial(t, url, nil)
	c2.WriteMessage(websocket.TextMessage, []byte("close:4002"))
	c2.SetReadDeadline(time.Now().Add(10 * time.Second))
	_, _, err := c2.ReadMessage()
	var ce *websocket.CloseError
	if !errors.As(err, &ce) || ce.Code != 4002 || ce.Text != "asked" {
		t.Fatalf("server close: %v", err)
	}
	c2.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(4002, ""))
	p.WaitLine(t, " 4002 ", 10*time.Second)
	// An empty close frame is reported as 1005.
	c3 := dial(t, url, nil)
	c3.WriteMessage(websocket.CloseMessage, nil)
	p.WaitLine(t, " 1005 ", 10*time.Second)
}

func TestSubprotocol(t *testing.T) {
	t.Parallel()
	p, url := startRoom(t, `{"protocols":["chat","superchat"]}`)
	d := websocket.Dialer{Subprotocols: []string{"foo", "superchat"}}
	c, _, err := d.Dial(url, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if c.Subprotocol() != "superchat" {
		t.Fatalf("subprotocol %q", c.Subprotocol())
	}
	p.WaitLine(t, "proto=superchat", 10*time.Second)
}

func TestBadInputs(t *testing.T) {
	t.Parallel()
	p, url := startRoom(t, `{"maxPayload":4096,"origins":["http://allowed.example"]}`)
	by := dial(t, url, nil)
	echoWorks(t, by, "before")

	t.Run("too big", func(t *testing.T) {
		c := dial(t, url, nil)
		c.WriteMessage(websocket.TextMessage, make([]byte, 5000))
		expectClose(t, c, 1009)
		p.WaitLine(t, " 1009 ", 10*time.Second)
		// Fragments adding up past the limit too.
		r := rawDial(t, url, "")
		r.frame(false, 1, make([]byte, 3000))
		r.frame(true, 0, make([]byte, 3000))
		r.expectClose(t, 1009)
	})
	t.Run("invalid utf-8", func(t *testing.T) {
		c := dial(t, url, nil)
		c.WriteMessage(websocket.TextMessage, []byte{'a', 0xff, 0xfe, 'b'})
		expectClose(t, c, 1007)
		p.WaitLine(t, " 1007 ", 10*time.Second)
	})
	t.Run("unmasked frame", func(t *testing.T) {
		r := rawDial(t, url, "")
		r.nc.Write([]byte{0x81, 0x02, 'h', 'i'})
		r.expectClose(t, 1002)
	})
	t.Run("bad opcode and reserved bits", func(t *testing.T) {
		r := rawDial(t, url, "")
		r.frame(true, 5, []byte("x"))
		r.expectClose(t, 1002)
		r2 := rawDial(t, url, "")
		r2.nc.Write([]byte{0xc1, 0x80, 1, 2, 3, 4})
		r2.expectClose(t, 1002)
	})
	t.Run("half a frame does not stall others", func(t *testing.T) {
		r := rawDial(t, url, "")
		f := r.build(true, 1, []byte("echo:late"))
		r.nc.Write(f[:5])
		echoWorks(t, by, "during")
		time.Sleep(100 * time.Millisecond)
		r.nc.Write(f[5:])
		if op, got := r.read(t); op != 1 || string(got) != "late" {
			t.Fatalf("late frame: op %d %q", op, got)
		}
	})
	t.Run("foreign origin refused", func(t *testing.T) {
		_, resp, err := websocket.DefaultDialer.Dial(url, http.Header{"Origin": {"http://evil.example"}})
		if err == nil || resp == nil || resp.StatusCode != 403 {
			t.Fatalf("foreign origin: err %v resp %v", err, resp)
		}
		c := dial(t, url, http.Header{"Origin": {"http://allowed.example"}})
		echoWorks(t, c, "allowed")
		c2 := dial(t, url, http.Header{"Origin": {"http://" + strings.TrimPrefix(url, "ws://")}})
		echoWorks(t, c2, "same origin")
	})
	echoWorks(t, by, "after")
	if strings.Contains(p.Stderr(), "panic") || strings.Contains(p.Stderr(), "DATA RACE") {
		t.Fatalf("server stderr:\n%s", p.Stderr())
	}
}

func TestSlowConsumerIsDropped(t *testing.T) {
	t.Parallel()
	p, url := startRoom(t, `{"maxQueued":262144}`)
	// The slow client has a tiny receive buffer and never reads.
	d := websocket.Dialer{NetDial: func(network, addr string) (net.Conn, error) {
		c, err := net.Dial(network, addr)
		if err == nil {
			c.(*net.TCPConn).SetReadBuffer(4096)
		}
		return c, err
	}}
	slow, _, err := d.Dial(url, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer slow.Close()
	line := p.WaitLine(t, "open ", 10*time.Second)
	slowID := strings.Fields(line)[1]
	fast := dial(t, url, nil)
	p.WaitLine(t, "open ", 10*time.Second)
	// Bursts that fit the queue, repeated: the fast client keeps up, the
	// slow one falls further behind until its queue overflows.
	const n, size = 20, 10000
	dropped := false
	for round := 0; round < 400 && !dropped; round++ {
		fast.WriteMessage(websocket.TextMessage, []byte(fmt.Sprintf("flood:%d:%d", n, size)))
		for i := 0; i < n; i++ {
			fast.SetReadDeadline(time.Now().Add(20 * time.Second))
			if _, b, err := fast.ReadMessage(); err != nil || len(b) != size {
				t.Fatalf("fast client round %d message %d: %v", round, i, err)
			}
		}
		dropped = strings.Contains(p.Stdout(), "close "+slowID+" 1013 slow consumer")
	}
	if !dropped {
		t.Fatalf("slow consumer never dropped:\n%s", p.Stdout())
	}
	echoWorks(t, fast, "still here")
}

func TestAbruptDisconnects(t *testing.T) {
	t.Parallel()
	p, url := startRoom(t, "{}")
	const n = 20
	for i := 0; i < n; i++ {
		c := dial(t, url, nil)
		p.WaitLine(t, "open ", 10*time.Second)
		if i%2 == 0 {
			c.NetConn().(*net.TCPConn).SetLinger(0) // RST instead of FIN
		}
		c.NetConn().Close()
	}
	p.WaitLine(t, "clients=0", 10*time.Second)
	if got := strings.Count(p.Stdout(), " 1006 "); got != n {
		t.Fatalf("%d close events with 1006, want %d\n%s", got, n, p.Stdout())
	}
	c := dial(t, url, nil)
	echoWorks(t, c, "alive")
}

func TestPingDropsDeadPeers(t *testing.T) {
	t.Parallel()
	p, url := startRoom(t, `{"pingInterval":300}`)
	alive := dial(t, url, nil) // gorilla answers pings while it reads
	go func() {
		for {
			if _, _, err := alive.ReadMessage(); err != nil {
				return
			}
		}
	}()
	p.WaitLine(t, "open ", 10*time.Second)
	dead := rawDial(t, url, "") // never answers
	line := p.WaitLine(t, "open ", 10*time.Second)
	id := strings.Fields(line)[1]
	start := time.Now()
	p.WaitLine(t, "close "+id+" 1006 ping timeout", 5*time.Second)
	if el := time.Since(start); el < 400*time.Millisecond {
		t.Fatalf("dead peer dropped after %v, too early", el)
	}
	// The peer that answers pings is still open.
	if strings.Contains(p.Stdout(), "close 1 ") {
		t.Fatalf("live peer dropped:\n%s", p.Stdout())
	}
	_ = dead
	alive.WriteMessage(websocket.TextMessage, []byte("count"))
	time.Sleep(100 * time.Millisecond)
	if strings.Count(p.Stdout(), "ping timeout") != 1 {
		t.Fatalf("want exactly one ping timeout:\n%s", p.Stdout())
	}
}

// gonode's WebSocket client against a gorilla server.
func TestClientAgainstGorillaServer(t *testing.T) {
	t.Parallel()
	up := websocket.Upgrader{Subprotocols: []string{"b"}}
	var gotClose sync.WaitGroup
	gotClose.Add(1)
	closeCode := make(chan int, 1)
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer c.Close()
		for {
			typ, b, err := c.ReadMessage()
			if err != nil {
				var ce *websocket.CloseError
				if errors.As(err, &ce) {
					closeCode <- ce.Code
				}
				return
			}
			c.WriteMessage(typ, append([]byte("re:"), b...))
		}
	}))
	defer hs.Close()
	url := "ws" + strings.TrimPrefix(hs.URL, "http") + "/sock"
	script := testutil.WriteFile(t, t.TempDir(), "client.js", `
var ws = new WebSocket(process.argv[2], ['a', 'b']);
console.log('state', ws.readyState, WebSocket.CONNECTING, WebSocket.OPEN, WebSocket.CLOSING, WebSocket.CLOSED);
try { ws.send('x'); } catch (e) { console.log('send early:', e.name); }
var n = 0;
ws.onopen = function () {
  console.log('open', ws.readyState, ws.protocol);
  ws.send('hello');
  ws.send(new Uint8Array([1, 2, 3]));
};
ws.addEventListener('message', function (e) {
  n++;
  if (typeof e.data === 'string') console.log('text', e.data);
  else console.log('binary', e.data instanceof ArrayBuffer, new Uint8Array(e.data).join(','));
  if (n === 2) ws.close(4000, 'finished');
});
ws.onclose = function (e) { console.log('close', e.code, e.reason, e.wasClean, ws.readyState); };
`)
	res := testutil.Run(t, testutil.RunOpts{}, script, url)
	want := "state 0 0 1 2 3\nsend early: InvalidStateError\nopen 1 b\ntext re:hello\nbinary true 114,101,58,1,2,3\nclose 4000  true 3\n"
	if res.Stdout != want || res.Code != 0 {
		t.Fatalf("got code %d\n%s\nstderr:\n%s\nwant:\n%s", res.Code, res.Stdout, res.Stderr, want)
	}
	select {
	case code := <-closeCode:
		if code != 4000 {
			t.Fatalf("server saw close %d", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("server saw no close frame")
	}
	// A refused connection: error then close 1006.
	res = testutil.Eval(t, `var w = new WebSocket('ws://127.0.0.1:1/'); w.onerror = function (e) { console.log('error', typeof e.message); }; w.onclose = function (e) { console.log('close', e.code, e.wasClean); };`)
	if res.Stdout != "error string\nclose 1006 false\n" {
		t.Fatalf("refused: %q %q", res.Stdout, res.Stderr)
	}
}

// ---- a raw client for frames gorilla would not send ----

type rawConn struct {
	nc net.Conn
	br *bufio.Reader
}

func rawDial(t *testing.T, url, origin string) *rawConn {
	t.Helper()
	hostPath := strings.TrimPrefix(url, "ws://")
	host, path := hostPath, "/"
	if i := strings.IndexByte(hostPath, '/'); i >= 0 {
		host, path = hostPath[:i], hostPath[i:]
	}
	nc, err := net.Dial("tcp", host)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { nc.Close() })
	req := "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
		"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
	if origin != "" {
		req += "Origin: " + origin + "\r\n"
	}
	nc.Write([]byte(req + "\r\n"))
	br := bufio.NewReader(nc)
	nc.SetReadDeadline(time.Now().Add(10 * time.Second))
	resp, err := http.ReadResponse(br, nil)
	if err != nil || resp.StatusCode != 101 {
		t.Fatalf("raw handshake: %v %v", err, resp)
	}
	return &rawConn{nc: nc, br: br}
}

func (r *rawConn) build(fin bool, op byte, payload []byte) []byte {
	b0 := op
	if fin {
		b0 |= 0x80
	}
	f := []byte{b0}
	switch n := len(payload); {
	case n < 126:
		f = append(f, 0x80|byte(n))
	case n < 65536:
		f = append(f, 0x80|126, byte(n>>8), byte(n))
	default:
		f = append(f, 0x80|127)
		f = binary.BigEndian.AppendUint64(f, uint64(n))
	}
	key := []byte{0x12, 0x34, 0x56, 0x78}
	f = append(f, key...)
	for i, c := range payload {
		f = append(f, c^key[i%4])
	}
	return f
}

func (r *rawConn) frame(fin bool, op byte, payload []byte) {
	r.nc.Write(r.build(fin, op, payload))
}

// read returns the next frame from the server (never masked).
func (r *rawConn) read(t *testing.T) (byte, []byte) {
	t.Helper()
	r.nc.SetReadDeadline(time.Now().Add(10 * time.Second))
	h := make([]byte, 2)
	if _, err := readFull(r.br, h); err != nil {
		t.Fatalf("raw read: %v", err)
	}
	n := int(h[1] & 0x7f)
	switch n {
	case 126:
		ext := make([]byte, 2)
		readFull(r.br, ext)
		n = int(binary.BigEndian.Uint16(ext))
	case 127:
		ext := make([]byte, 8)
		readFull(r.br, ext)
		n = int(binary.BigEndian.Uint64(ext))
	}
	p := make([]byte, n)
	if _, err := readFull(r.br, p); err != nil {
		t.Fatalf("raw read payload: %v", err)
	}
	return h[0] & 0x0f, p
}

func (r *rawConn) expectClose(t *testing.T, code int) {
	t.Helper()
	for {
		op, p := r.read(t)
		if op != 8 {
			continue
		}
		if len(p) < 2 || int(binary.BigEndian.Uint16(p)) != code {
			t.Fatalf("close frame %v, want code %d", p, code)
		}
		return
	}
}

func readFull(br *bufio.Reader, b []byte) (int, error) {
	n := 0
	for n < len(b) {
		m, err := br.Read(b[n:])
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// Server-level events, request details read after close, both vocabularies,
// and a gonode client talking to a gonode server in one script.
func TestServerEventsAndDetails(t *testing.T) {
	t.Parallel()
	script := testutil.WriteFile(t, t.TempDir(), "both.js", `
var websocket = require('websocket');
var wss = websocket.createServer({ port: 0, host: '127.0.0.1', path: '/p' });
var seen = [];
wss.on('connection', function (conn, req) {
  seen.push('connection ' + req.url + ' ' + req.headers['x-test'] + ' ' + (req.socket.remoteAddress === '127.0.0.1'));
  conn.addListener('message', function (d) { seen.push('conn message ' + d); });
  conn.on('close', function (code) { seen.push('conn close ' + code + ' ' + conn.headers['x-test'] + ' ' + conn.path); });
});
wss.on('message', function (conn, d, bin) { seen.push('server message ' + d + ' ' + bin); conn.send('got ' + d); });
wss.on('disconnect', function (conn, code, reason) {
  seen.push('disconnect ' + code + ' ' + reason + ' clients=' + wss.clients.size);
  wss.close(function () { console.log(seen.join('\n')); });
});
wss.on('listening', function () {
  var ws = new WebSocket('ws://127.0.0.1:' + wss.address().port + '/p', [], { headers: { 'X-Test': 'yes' } });
  ws.onopen = function () { ws.send('one'); };
  ws.onmessage = function (e) { ws.close(4321, 'over'); };
});
`)
	res := testutil.Run(t, testutil.RunOpts{}, script)
	want := "connection /p yes true\nconn message one\nserver message one false\nconn close 4321 yes /p\ndisconnect 4321 over clients=0\n"
	if res.Stdout != want || res.Code != 0 {
		t.Fatalf("code %d\n%s\nstderr:\n%s\nwant:\n%s", res.Code, res.Stdout, res.Stderr, want)
	}
}

// The global WebSocket is an accessor until first use (start-up does not
// load the module), then the module's class.
func TestGlobalWebSocketIsLazy(t *testing.T) {
	t.Parallel()
	res := testutil.Eval(t, `
var d = Object.getOwnPropertyDescriptor(global, 'WebSocket');
console.log(typeof d.get, d.enumerable);
console.log(typeof WebSocket, WebSocket === require('websocket').WebSocket, 'value' in Object.getOwnPropertyDescriptor(global, 'WebSocket'));
try { WebSocket('ws://x'); } catch (e) { console.log(e.name); }
try { new WebSocket('http://a b/#frag'); } catch (e) { console.log(e.name); }
`)
	want := "function false\nfunction true true\nTypeError\nSyntaxError\n"
	if res.Stdout != want {
		t.Fatalf("got %q (stderr %q), want %q", res.Stdout, res.Stderr, want)
	}
}
