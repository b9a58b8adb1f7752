// Command load measures a chat server (scripts/chat.js under gonode or
// Node+ws) with many idle WebSocket clients:
//
//   - server memory per idle connection: the growth of the server's RSS
//     (/proc/PID/status VmRSS) from before the clients connect to after they
//     all connected and sat idle, divided by the number of clients;
//
//   - broadcasts to all of them: a sender posts a chat message stamped with
//     the send time; every client records when it arrived. This is done
//     -rounds times, a second apart; reported are how many clients got the
//     first one, and the median over the rounds of each round's p50, p99
//     and max delivery latency (the machine is shared: one round can be
//     unlucky), with every round's p99 listed.
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

// cpuMs is the CPU time (user+system) the process has used, in ms.
func cpuMs(pid int) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return -1
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	u, _ := strconv.ParseFloat(f[11], 64)
	k, _ := strconv.ParseFloat(f[12], 64)
	return (u + k) * 10 // clock ticks of 10 ms
}

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
	Name        string    `json:"name"`
	Clients     int       `json:"clients"`
	Connected   int       `json:"connected"`
	RSSBeforeKB int       `json:"rss_before_kb"`
	RSSIdleKB   int       `json:"rss_idle_kb"`
	PerConnKB   float64   `json:"per_conn_kb"`
	ConnectSecs float64   `json:"connect_secs"`
	Received    int       `json:"received"`
	P50ms       float64   `json:"p50_ms"`
	P99ms       float64   `json:"p99_ms"`
	MaxMs       float64   `json:"max_ms"`
	RoundsP99   []float64 `json:"rounds_p99_ms"`
	CPUPerBcast float64   `json:"server_cpu_ms_per_broadcast"`
	RSSAfterKB  int       `json:"rss_after_broadcast_kb"`
}

func main() {
	url := flag.String("url", "ws://127.0.0.1:8080/chat", "chat WebSocket URL")
	pid := flag.Int("pid", 0, "server process id (for RSS)")
	n := flag.Int("n", 15000, "idle clients")
	conc := flag.Int("c", 64, "clients connecting at once")
	name := flag.String("name", "server", "label for the result")
	settle := flag.Duration("settle", 3*time.Second, "idle time before measuring memory")
	rounds := flag.Int("rounds", 9, "broadcasts to time")
	flag.Parse()

	res := result{Name: *name, Clients: *n}
	time.Sleep(500 * time.Millisecond)
	res.RSSBeforeKB = rssKB(*pid)

	var (
		mu       sync.Mutex
		conns    = make([]*websocket.Conn, *n)
		failures atomic.Int64
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
	// Readers: each records when each round's marker message arrives.
	lats := make([][]time.Duration, *rounds)
	dones := make([]sync.WaitGroup, *rounds)
	for r := range dones {
		dones[r].Add(res.Connected)
	}
	for _, c := range conns {
		if c == nil {
			continue
		}
		go func(c *websocket.Conn) {
			next := 0
			defer func() {
				for ; next < *rounds; next++ {
					dones[next].Done()
				}
			}()
			for next < *rounds {
				_, b, err := c.ReadMessage()
				if err != nil {
					return
				}
				if !strings.Contains(string(b), marker) {
					continue
				}
				now := time.Now().UnixNano()
				var m struct{ Message string }
				json.Unmarshal(b, &m)
				var round int
				var sent int64
				fmt.Sscanf(strings.TrimPrefix(m.Message, marker+" "), "%d %d", &round, &sent)
				if round != next {
					continue
				}
				mu.Lock()
				lats[round] = append(lats[round], time.Duration(now-sent))
				mu.Unlock()
				dones[round].Done()
				next++
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
	var p50s, p99s, maxs []float64
	cpu0 := cpuMs(*pid)
	for r := 0; r < *rounds; r++ {
		msg, _ := json.Marshal(map[string]string{"from": "bench", "message": fmt.Sprintf("%s %d %d", marker, r, time.Now().UnixNano())})
		sender.WriteMessage(websocket.TextMessage, msg)
		waited := make(chan struct{})
		go func() { dones[r].Wait(); close(waited) }()
		select {
		case <-waited:
		case <-time.After(60 * time.Second):
		}
		mu.Lock()
		lat := append([]time.Duration(nil), lats[r]...)
		mu.Unlock()
		if r == 0 {
			res.Received = len(lat)
		}
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		pct := func(p float64) float64 {
			if len(lat) == 0 {
				return -1
			}
			return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000
		}
		p50s, p99s, maxs = append(p50s, pct(0.5)), append(p99s, pct(0.99)), append(maxs, pct(1))
		time.Sleep(time.Second)
	}
	// The rounds are a second apart with nothing else going on, so the
	// server's CPU time over them is the broadcasts' (plus idle ticks).
	res.CPUPerBcast = (cpuMs(*pid) - cpu0) / float64(*rounds)
	res.RoundsP99 = append([]float64(nil), p99s...)
	res.P50ms, res.P99ms, res.MaxMs = median(p50s), median(p99s), median(maxs)
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

func median(v []float64) float64 {
	if len(v) == 0 {
		return -1
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[len(s)/2]
}
