package websocket_test

import (
	"bytes"
	"fmt"
	"math/rand"
	"net"
	"net/http"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"gonode/internal/testutil"
)

// A client whose handshake has completed is in every broadcast, and every
// walk of srv.clients, that the server makes afterwards, and what the
// "connection" listener sends is the first thing it gets. (The 101 used to
// go out before the connection was registered, so a broadcast in between
// missed the new client: TestRoomManyClientsOrderPerSender saw a client get
// a sender's messages from k > 0 on.) New clients are dialed a few at a
// time, so their handshakes race each other and the broadcasts.
func TestBroadcastReachesJustOpened(t *testing.T) {
	t.Parallel()
	script := testutil.WriteFile(t, t.TempDir(), "join.js", `
var websocket = require('websocket');
var srv = websocket.createServer({port: 0, host: '127.0.0.1'});
srv.on('listening', function () { console.log('listening ' + srv.address().port); });
srv.on('connection', function (c) {
  c.send('welcome');
  c.on('message', function (d) {
    srv.broadcast('b ' + d);
    srv.clients.forEach(function (x) { x.send('e ' + d); });
  });
});
`)
	p := testutil.Start(t, testutil.RunOpts{}, script)
	url := "ws://127.0.0.1:" + p.WaitLine(t, "listening ", 20*time.Second)[len("listening "):]
	speaker := dial(t, url, nil)
	go func() { // drain what the speaker gets back
		for {
			if _, _, err := speaker.ReadMessage(); err != nil {
				return
			}
		}
	}()
	const rounds, batch = 25, 4
	for r := 0; r < rounds; r++ {
		conns := make([]*websocket.Conn, batch)
		var wg sync.WaitGroup
		errs := make(chan error, batch)
		for i := range conns {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				c, _, err := websocket.DefaultDialer.Dial(url, http.Header{})
				if err != nil {
					errs <- err
					return
				}
				conns[i] = c
			}(i)
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatalf("round %d: dial: %v", r, err)
		}
		msg := fmt.Sprintf("r%d", r)
		if err := speaker.WriteMessage(websocket.TextMessage, []byte(msg)); err != nil {
			t.Fatal(err)
		}
		for i, c := range conns {
			for _, want := range []string{"welcome", "b " + msg, "e " + msg} {
				c.SetReadDeadline(time.Now().Add(5 * time.Second))
				_, got, err := c.ReadMessage()
				if err != nil {
					t.Fatalf("round %d client %d: want %q, got error %v", r, i, want, err)
				}
				if string(got) != want {
					t.Fatalf("round %d client %d: got %q, want %q", r, i, got, want)
				}
			}
			c.Close()
		}
	}
}

// The deadline of a blocking write must not outlive it. A flood the peer
// takes slowly (a small receive window) goes out with blocking writes,
// each with the writeTimeout deadline; a message sent after that deadline
// had passed used to find the socket's write side timed out, and the
// connection was dropped (1006) instead of answering.
func TestWriteDeadlineDoesNotOutliveWrite(t *testing.T) {
	t.Parallel()
	p, url := startRoom(t, `{"writeTimeout":2000,"maxQueued":16000000}`)
	d := websocket.Dialer{NetDialContext: (&net.Dialer{Control: func(_, _ string, rc syscall.RawConn) error {
		return rc.Control(func(fd uintptr) {
			syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 4096)
		})
	}}).DialContext}
	c, _, err := d.Dial(url, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	p.WaitLine(t, "open ", 10*time.Second)
	const n, size = 128, 64 * 1024 // 8 MB: more than the socket buffers hold
	if err := c.WriteMessage(websocket.TextMessage, []byte(fmt.Sprintf("flood:%d:%d", n, size))); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		c.SetReadDeadline(time.Now().Add(10 * time.Second))
		_, b, err := c.ReadMessage()
		if err != nil || len(b) != size {
			t.Fatalf("flood message %d: len %d err %v", i, len(b), err)
		}
	}
	time.Sleep(2300 * time.Millisecond) // past the last blocking write's deadline
	for i := 0; i < 3; i++ {
		echoWorks(t, c, fmt.Sprintf("still here %d", i))
	}
}

// Frames that arrive cut at every possible place (a partial header, a
// partial length, a partial payload, several frames in one read) are
// parsed in order: data messages come back in the order sent, fragmented
// messages reassembled around the pings between their fragments, and
// every ping answered.
func TestFramesSplitAcrossSegments(t *testing.T) {
	t.Parallel()
	_, url := startRoom(t, "{}")
	c := rawDial(t, url, "")
	rng := rand.New(rand.NewSource(7))
	type reply struct {
		op   byte
		data string
	}
	var stream []byte
	var want []reply
	pings := 0
	for i := 0; i < 200; i++ {
		switch {
		case i%50 == 7: // 64-bit length
			p := bytes.Repeat([]byte{byte(i)}, 70000)
			stream = append(stream, c.build(true, 2, p)...)
			want = append(want, reply{2, string(p)})
		case i%10 == 5: // 16-bit length
			p := bytes.Repeat([]byte{byte(i)}, 300)
			stream = append(stream, c.build(true, 2, p)...)
			want = append(want, reply{2, string(p)})
		case i%10 == 3: // fragmented, a ping inside
			stream = append(stream, c.build(false, 1, []byte("echo:fr"))...)
			stream = append(stream, c.build(true, 9, []byte(fmt.Sprint("p", pings)))...)
			stream = append(stream, c.build(false, 0, []byte("ag "))...)
			stream = append(stream, c.build(true, 0, []byte(fmt.Sprint(i)))...)
			want = append(want, reply{1, fmt.Sprint("frag ", i)})
			pings++
		default:
			stream = append(stream, c.build(true, 1, []byte(fmt.Sprint("echo:m ", i)))...)
			want = append(want, reply{1, fmt.Sprint("m ", i)})
		}
	}
	go func() {
		for n := 0; len(stream) > 0; n++ {
			k := 1 + rng.Intn(64)
			if rng.Intn(10) == 0 {
				k = 1 + rng.Intn(8192)
			}
			k = min(k, len(stream))
			if _, err := c.nc.Write(stream[:k]); err != nil {
				return
			}
			stream = stream[k:]
			if n%16 == 0 {
				time.Sleep(200 * time.Microsecond) // let the server read a partial frame
			}
		}
	}()
	got, pongs := 0, 0
	for got < len(want) || pongs < pings {
		op, p := c.read(t)
		if op == 10 {
			if string(p) != fmt.Sprint("p", pongs) {
				t.Fatalf("pong %q, want p%d", p, pongs)
			}
			pongs++
			continue
		}
		if got >= len(want) {
			t.Fatalf("extra frame op %d len %d", op, len(p))
		}
		if w := want[got]; op != w.op || string(p) != w.data {
			t.Fatalf("reply %d: op %d len %d %.20q, want op %d len %d %.20q", got, op, len(p), p, w.op, len(w.data), w.data)
		}
		got++
	}
}

// Per-sender order holds when the receivers are slow: small receive
// windows and pauses make the server's non-blocking writes fall short,
// so queues move between the flushers and the blocking writers mid-stream
// while broadcasts keep coming.
func TestBroadcastOrderWithSlowReaders(t *testing.T) {
	t.Parallel()
	_, url := startRoom(t, `{"maxQueued":33554432}`)
	const clients, per = 4, 150
	pad := strings.Repeat("x", 8192)
	d := websocket.Dialer{NetDialContext: (&net.Dialer{Control: func(_, _ string, rc syscall.RawConn) error {
		return rc.Control(func(fd uintptr) {
			syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 4096)
		})
	}}).DialContext}
	conns := make([]*websocket.Conn, clients)
	for i := range conns {
		c, _, err := d.Dial(url, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		conns[i] = c
	}
	var wg sync.WaitGroup
	errs := make(chan error, clients)
	for i, c := range conns {
		wg.Add(1)
		go func(i int, c *websocket.Conn) {
			defer wg.Done()
			last := map[int]int{}
			for n := 0; n < clients*per; n++ {
				if n == 0 {
					time.Sleep(300 * time.Millisecond) // let the socket buffers fill
				} else if n%10 == 0 {
					time.Sleep(3 * time.Millisecond)
				}
				c.SetReadDeadline(time.Now().Add(30 * time.Second))
				_, b, err := c.ReadMessage()
				if err != nil {
					errs <- fmt.Errorf("client %d after %d messages: %v", i, n, err)
					return
				}
				var from, k int
				if _, err := fmt.Sscanf(string(b), "m %d %d ", &from, &k); err != nil || len(b) < len(pad) {
					errs <- fmt.Errorf("client %d: bad message %.30q (len %d)", i, b, len(b))
					return
				}
				if prev, ok := last[from]; ok && k != prev+1 {
					errs <- fmt.Errorf("client %d: from %d got %d after %d", i, from, k, prev)
					return
				} else if !ok && k != 0 {
					errs <- fmt.Errorf("client %d: from %d got %d first", i, from, k)
					return
				}
				last[from] = k
			}
		}(i, c)
	}
	for i, c := range conns {
		go func(i int, c *websocket.Conn) {
			for k := 0; k < per; k++ {
				if c.WriteMessage(websocket.TextMessage, []byte(fmt.Sprintf("m %d %d %s", i, k, pad))) != nil {
					return
				}
			}
		}(i, c)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
