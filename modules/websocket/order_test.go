package websocket_test

import (
	"fmt"
	"net"
	"net/http"
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
