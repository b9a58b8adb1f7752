// Command load measures a chat server (scripts/chat.js under gonode or
// Node+ws) with many idle WebSocket clients:
//
//   - server memory per idle connection: the growth of the server's RSS
//     (/proc/PID/status VmRSS) from before the clients connect to after they
//     all connected and sat idle, divided by the number of clients;
//
//   - one broadcast to all of them: a sender posts one chat message stamped
//     with the send time; every client records when it arrived; reported are
//     how many got it and the p50/p99/max delivery latency.
//
//     go run ./bench/ws/load -url ws://127.0.0.1:8080/chat -pid PID -n 15000
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

func rssKB(pid int) int {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			f := strings.Fields(line)
			n, _ := strconv.Atoi(f[1])
			return n
		}
	}
	return -1
}

type result struct {
	Name        string  `json:"name"`
	Clients     int     `json:"clients"`
	Connected   int     `json:"connected"`
	RSSBeforeKB int     `json:"rss_before_kb"`
	RSSIdleKB   int     `json:"rss_idle_kb"`
	PerConnKB   float64 `json:"per_conn_kb"`
	ConnectSecs float64 `json:"connect_secs"`
	Received    int     `json:"received"`
	P50ms       float64 `json:"p50_ms"`
	P99ms       float64 `json:"p99_ms"`
	MaxMs       float64 `json:"max_ms"`
	RSSAfterKB  int     `json:"rss_after_broadcast_kb"`
}

func main() {
	url := flag.String("url", "ws://127.0.0.1:8080/chat", "chat WebSocket URL")
	pid := flag.Int("pid", 0, "server process id (for RSS)")
	n := flag.Int("n", 15000, "idle clients")
	conc := flag.Int("c", 64, "clients connecting at once")
	name := flag.String("name", "server", "label for the result")
	settle := flag.Duration("settle", 3*time.Second, "idle time before measuring memory")
	flag.Parse()

	res := result{Name: *name, Clients: *n}
	time.Sleep(500 * time.Millisecond)
	res.RSSBeforeKB = rssKB(*pid)

	var (
		mu       sync.Mutex
		lat      []time.Duration
		conns    = make([]*websocket.Conn, *n)
		failures atomic.Int64
		got      sync.WaitGroup
		marker   = "bench-" + strconv.FormatInt(time.Now().UnixNano(), 36)
	)
	var next atomic.Int64
	dialer := websocket.Dialer{
		ReadBufferSize:  1024,
		WriteBufferSize: 1024,
		NetDialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			// Spread source addresses over 127.0.0.2-9 so back-to-back
			// runs never run out of ephemeral ports.
			src := &net.TCPAddr{IP: net.IPv4(127, 0, 0, byte(2+next.Add(1)%8))}
			d := net.Dialer{LocalAddr: src, Timeout: 30 * time.Second}
			return d.DialContext(ctx, network, addr)
		},
		HandshakeTimeout: 30 * time.Second,
	}
	start := time.Now()
	sem := make(chan struct{}, *conc)
	var wg sync.WaitGroup
	for i := 0; i < *n; i++ {
		wg.Add(1)
		sem <- struct{}{}
		go func(i int) {
			defer wg.Done()
			defer func() { <-sem }()
			c, _, err := dialer.Dial(*url, nil)
			if err != nil {
				failures.Add(1)
				return
			}
			conns[i] = c
		}(i)
	}
	wg.Wait()
	res.ConnectSecs = time.Since(start).Seconds()
	for _, c := range conns {
		if c != nil {
			res.Connected++
		}
	}
	// Readers: each waits for the marker message.
	got.Add(res.Connected)
	for _, c := range conns {
		if c == nil {
			continue
		}
		go func(c *websocket.Conn) {
			done := false
			for {
				_, b, err := c.ReadMessage()
				if err != nil {
					if !done {
						got.Done()
					}
					return
				}
				if done || !strings.Contains(string(b), marker) {
					continue
				}
				var m struct{ Message string }
				json.Unmarshal(b, &m)
				sent, _ := strconv.ParseInt(strings.TrimPrefix(m.Message, marker+" "), 10, 64)
				d := time.Duration(time.Now().UnixNano() - sent)
				mu.Lock()
				lat = append(lat, d)
				mu.Unlock()
				done = true
				got.Done()
			}
		}(c)
	}
	time.Sleep(*settle)
	res.RSSIdleKB = rssKB(*pid)
	if res.Connected > 0 {
		res.PerConnKB = float64(res.RSSIdleKB-res.RSSBeforeKB) / float64(res.Connected)
	}

	sender, _, err := dialer.Dial(*url, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, "sender:", err)
		os.Exit(1)
	}
	msg, _ := json.Marshal(map[string]string{"from": "bench", "message": marker + " " + strconv.FormatInt(time.Now().UnixNano(), 10)})
	sender.WriteMessage(websocket.TextMessage, msg)
	waited := make(chan struct{})
	go func() { got.Wait(); close(waited) }()
	select {
	case <-waited:
	case <-time.After(60 * time.Second):
	}
	mu.Lock()
	res.Received = len(lat)
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) float64 {
		if len(lat) == 0 {
			return -1
		}
		i := int(p * float64(len(lat)-1))
		return float64(lat[i].Microseconds()) / 1000
	}
	res.P50ms, res.P99ms, res.MaxMs = pct(0.50), pct(0.99), pct(1)
	mu.Unlock()
	res.RSSAfterKB = rssKB(*pid)
	out, _ := json.Marshal(res)
	fmt.Println(string(out))
	for _, c := range conns {
		if c != nil {
			c.Close()
		}
	}
	sender.Close()
}
