package websocket_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"gonode/internal/testutil"
)

type chatMsg struct {
	ID      int    `json:"id"`
	Type    string `json:"type"`
	From    string `json:"from"`
	Message string `json:"message"`
}

// startChat runs scripts/chat.js on a free port and returns its base
// address (host:port).
func startChat(t *testing.T, env ...string) (*testutil.Proc, string) {
	t.Helper()
	port := testutil.FreePort(t)
	p := testutil.Start(t, testutil.RunOpts{Env: env}, testutil.Script("chat.js"), fmt.Sprint(port))
	p.WaitLine(t, "chat: http://127.0.0.1:", 20*time.Second)
	return p, fmt.Sprintf("127.0.0.1:%d", port)
}

// collector gathers chat messages from one client.
type collector struct {
	mu   sync.Mutex
	msgs []chatMsg
}

func (c *collector) add(m chatMsg) {
	c.mu.Lock()
	c.msgs = append(c.msgs, m)
	c.mu.Unlock()
}

func (c *collector) snapshot() []chatMsg {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]chatMsg(nil), c.msgs...)
}

// waitFor waits until pred holds for the messages seen so far.
func (c *collector) waitFor(t *testing.T, what string, pred func([]chatMsg) bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if pred(c.snapshot()) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s: not seen; got %+v", what, c.snapshot())
}

func wsChat(t *testing.T, addr, nick string) (*websocket.Conn, *collector) {
	t.Helper()
	c := dial(t, "ws://"+addr+"/chat", nil)
	col := &collector{}
	go func() {
		for {
			_, b, err := c.ReadMessage()
			if err != nil {
				return
			}
			var m chatMsg
			if json.Unmarshal(b, &m) == nil {
				col.add(m)
			}
		}
	}()
	if nick != "" {
		c.WriteJSON(map[string]any{"from": nick, "join": true})
	}
	return c, col
}

// sseChat reads /events; it returns the collector and the raw lines.
func sseChat(t *testing.T, addr, nick, lastID string) (*collector, *collector, func()) {
	t.Helper()
	req, _ := http.NewRequest("GET", "http://"+addr+"/events?nick="+url.QueryEscape(nick), nil)
	if lastID != "" {
		req.Header.Set("Last-Event-ID", lastID)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("SSE content type %q", ct)
	}
	col, raw := &collector{}, &collector{}
	go func() {
		sc := bufio.NewScanner(resp.Body)
		id := 0
		for sc.Scan() {
			line := sc.Text()
			raw.add(chatMsg{Message: line})
			switch {
			case strings.HasPrefix(line, "id: "):
				fmt.Sscan(line[4:], &id)
			case strings.HasPrefix(line, "data: "):
				var m chatMsg
				if json.Unmarshal([]byte(line[6:]), &m) == nil {
					if m.ID != id {
						m.Type = "BAD-ID"
					}
					col.add(m)
				}
			}
		}
	}()
	return col, raw, func() { resp.Body.Close() }
}

// pollChat long-polls in a loop until stop is closed.
func pollChat(t *testing.T, addr, nick string, stop chan struct{}) *collector {
	col := &collector{}
	go func() {
		since := 0
		for {
			select {
			case <-stop:
				return
			default:
			}
			resp, err := http.Get(fmt.Sprintf("http://%s/poll?since=%d&nick=%s", addr, since, nick))
			if err != nil {
				return
			}
			var r struct {
				Last     int       `json:"last"`
				Messages []chatMsg `json:"messages"`
			}
			json.NewDecoder(resp.Body).Decode(&r)
			resp.Body.Close()
			for _, m := range r.Messages {
				col.add(m)
			}
			since = r.Last
		}
	}()
	return col
}

func postChat(t *testing.T, addr, from, msg string) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"from": from, "message": msg})
	resp, err := http.Post("http://"+addr+"/send", "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("POST /send: %d", resp.StatusCode)
	}
}

// inOrder checks every sender's messages "NICK k" arrive as k = 0, 1, ...,
// and that each listed sender got all n through.
func inOrder(msgs []chatMsg, senders []string, n int) bool {
	next := map[string]int{}
	for _, m := range msgs {
		if m.Type != "message" {
			continue
		}
		var k int
		if _, err := fmt.Sscanf(m.Message, m.From+" %d", &k); err != nil {
			continue
		}
		if k != next[m.From] {
			return false
		}
		next[m.From]++
	}
	for _, s := range senders {
		if next[s] != n {
			return false
		}
	}
	return true
}

func TestChatAllTransportsShareOneRoom(t *testing.T) {
	t.Parallel()
	_, addr := startChat(t, "CHAT_POLL_MS=3000")
	stop := make(chan struct{})
	defer close(stop)
	sse, _, closeSSE := sseChat(t, addr, "streamer", "")
	defer closeSSE()
	poll := pollChat(t, addr, "poller", stop)
	var socks []*websocket.Conn
	var cols []*collector
	for _, nick := range []string{"ann", "bob", "cy"} {
		c, col := wsChat(t, addr, nick)
		socks = append(socks, c)
		cols = append(cols, col)
	}
	all := append([]*collector{sse, poll}, cols...)
	for _, col := range all {
		col.waitFor(t, "cy's join", func(ms []chatMsg) bool {
			for _, m := range ms {
				if m.Type == "join" && m.From == "cy" {
					return true
				}
			}
			return false
		})
	}
	const n = 15
	var wg sync.WaitGroup
	for i, c := range socks {
		wg.Add(1)
		go func(nick string, c *websocket.Conn) {
			defer wg.Done()
			for k := 0; k < n; k++ {
				c.WriteJSON(map[string]string{"from": nick, "message": fmt.Sprintf("%s %d", nick, k)})
			}
		}([]string{"ann", "bob", "cy"}[i], c)
	}
	wg.Add(2)
	go func() {
		defer wg.Done()
		for k := 0; k < n; k++ {
			postChat(t, addr, "streamer", fmt.Sprintf("streamer %d", k))
		}
	}()
	go func() {
		defer wg.Done()
		for k := 0; k < n; k++ {
			http.Get(fmt.Sprintf("http://%s/send?from=poller&message=poller+%d", addr, k))
		}
	}()
	wg.Wait()
	senders := []string{"ann", "bob", "cy", "streamer", "poller"}
	for i, col := range all {
		col.waitFor(t, fmt.Sprintf("client %d: every message, in order per sender", i), func(ms []chatMsg) bool {
			return inOrder(ms, senders, n)
		})
	}
	// Ids are increasing on every transport, with no duplicates.
	for i, col := range []*collector{sse, poll} {
		last := 0
		for _, m := range col.snapshot() {
			if m.Type == "BAD-ID" || m.ID <= last {
				t.Fatalf("client %d: id %d after %d (%+v)", i, m.ID, last, m)
			}
			last = m.ID
		}
	}
	// A leave is announced to everyone.
	socks[1].Close()
	for _, col := range []*collector{sse, poll, cols[0]} {
		col.waitFor(t, "bob left", func(ms []chatMsg) bool {
			for _, m := range ms {
				if m.Type == "leave" && m.From == "bob" {
					return true
				}
			}
			return false
		})
	}
	resp, err := http.Get("http://" + addr + "/who")
	if err != nil {
		t.Fatal(err)
	}
	var who []string
	json.NewDecoder(resp.Body).Decode(&who)
	resp.Body.Close()
	sort.Strings(who)
	if strings.Join(who, ",") != "ann,cy,poller,streamer" {
		t.Fatalf("who: %v", who)
	}
	// An SSE client that goes away leaves too.
	closeSSE()
	cols[0].waitFor(t, "streamer left", func(ms []chatMsg) bool {
		for _, m := range ms {
			if m.Type == "leave" && m.From == "streamer" {
				return true
			}
		}
		return false
	})
}

func TestChatHistoryAndSSEResume(t *testing.T) {
	t.Parallel()
	_, addr := startChat(t, "CHAT_HEARTBEAT_MS=200")
	for k := 0; k < 6; k++ {
		postChat(t, addr, "old", fmt.Sprintf("old %d", k))
	}
	// A newcomer over WebSocket gets the history first.
	_, col := wsChat(t, addr, "")
	col.waitFor(t, "history", func(ms []chatMsg) bool { return inOrder(ms, []string{"old"}, 6) })
	if ms := col.snapshot(); ms[0].ID != 1 {
		t.Fatalf("history starts at %d", ms[0].ID)
	}
	// SSE resumes after Last-Event-ID.
	sse, raw, closeSSE := sseChat(t, addr, "", "4")
	defer closeSSE()
	sse.waitFor(t, "resume after 4", func(ms []chatMsg) bool { return len(ms) >= 2 })
	if ms := sse.snapshot(); ms[0].ID != 5 || ms[1].ID != 6 {
		t.Fatalf("resume from 4 gave %+v", ms)
	}
	postChat(t, addr, "new", "fresh")
	sse.waitFor(t, "a new event", func(ms []chatMsg) bool { return len(ms) == 3 && ms[2].Message == "fresh" && ms[2].ID == 7 })
	raw.waitFor(t, "heartbeat comment", func(ms []chatMsg) bool {
		for _, m := range ms {
			if m.Message == ": heartbeat" {
				return true
			}
		}
		return false
	})
	// Long polling with since=ID answers at once with what came after.
	resp, err := http.Get("http://" + addr + "/poll?since=5")
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Last     int       `json:"last"`
		Messages []chatMsg `json:"messages"`
	}
	json.NewDecoder(resp.Body).Decode(&r)
	resp.Body.Close()
	if r.Last != 7 || len(r.Messages) != 2 {
		t.Fatalf("poll since 5: %+v", r)
	}
	// An id from an earlier run of the server gets the history, at once.
	resp, err = http.Get("http://" + addr + "/poll?since=999")
	if err != nil {
		t.Fatal(err)
	}
	r.Messages = nil
	json.NewDecoder(resp.Body).Decode(&r)
	resp.Body.Close()
	if r.Last != 7 || len(r.Messages) != 7 {
		t.Fatalf("poll since 999: %+v", r)
	}
	// A held poll is answered by the next message.
	start := time.Now()
	done := make(chan []chatMsg, 1)
	go func() {
		resp, err := http.Get("http://" + addr + "/poll?since=7")
		if err != nil {
			done <- nil
			return
		}
		var r struct{ Messages []chatMsg }
		json.NewDecoder(resp.Body).Decode(&r)
		resp.Body.Close()
		done <- r.Messages
	}()
	time.Sleep(300 * time.Millisecond)
	postChat(t, addr, "new", "wake up")
	ms := <-done
	if len(ms) != 1 || ms[0].Message != "wake up" || time.Since(start) < 250*time.Millisecond {
		t.Fatalf("held poll: %+v after %v", ms, time.Since(start))
	}
}

func TestChatPageAndBot(t *testing.T) {
	t.Parallel()
	p, addr := startChat(t)
	resp, err := http.Get("http://" + addr + "/")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(page), `<script src="/client.js">`) || !strings.Contains(resp.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("page: %s", page)
	}
	resp, err = http.Get("http://" + addr + "/client.js")
	if err != nil {
		t.Fatal(err)
	}
	js, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{"Room.ws = new WebSocket('ws://" + addr + "/chat')", "Room.ws.onmessage = Room._onmessage", "var data = evalTxt(m.data)", "function serializeJSON"} {
		if !strings.Contains(string(js), want) {
			t.Fatalf("client.js lacks %q:\n%s", want, js)
		}
	}
	// A foreign page may not open the room (origin check), the same origin may.
	if _, r, err := websocket.DefaultDialer.Dial("ws://"+addr+"/chat", http.Header{"Origin": {"http://evil.example"}}); err == nil || r == nil || r.StatusCode != 403 {
		t.Fatalf("foreign origin: %v %v", err, r)
	}
	dial(t, "ws://"+addr+"/chat", http.Header{"Origin": {"http://" + addr}})
	// A broken handshake (no key) is refused with 400; the server goes on.
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	nc.Write([]byte("GET /chat HTTP/1.1\r\nHost: " + addr + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n"))
	nc.SetReadDeadline(time.Now().Add(5 * time.Second))
	status, _ := bufio.NewReader(nc).ReadString('\n')
	nc.Close()
	if !strings.HasPrefix(status, "HTTP/1.1 400") {
		t.Fatalf("handshake without a key: %q", status)
	}

	bot := testutil.Start(t, testutil.RunOpts{}, testutil.Script("chat-bot.js"), "ws://"+addr+"/chat", "robo")
	bot.WaitLine(t, "* connected", 10*time.Second)
	c, col := wsChat(t, addr, "ann")
	col.waitFor(t, "bot joined", func(ms []chatMsg) bool {
		for _, m := range ms {
			if m.Type == "join" && m.From == "robo" {
				return true
			}
		}
		return false
	})
	c.WriteJSON(map[string]string{"from": "ann", "message": "ping"})
	c.WriteJSON(map[string]string{"from": "ann", "message": "!echo talk to me"})
	col.waitFor(t, "bot answers", func(ms []chatMsg) bool {
		var got []string
		for _, m := range ms {
			if m.From == "robo" && m.Type == "message" {
				got = append(got, m.Message)
			}
		}
		return strings.Join(got, "|") == "pong|talk to me"
	})
	bot.WaitLine(t, "ann: !echo talk to me", 5*time.Second)
	_ = p
}
