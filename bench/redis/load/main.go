// Command load is bench/redis's WebSocket load tool.
//
//	load -url ws://127.0.0.1:8081/ -n 10000 -rounds 3 -out lat.txt
//	    connects n clients, prints "connected N", then records, for every
//	    client, the delay of each "bench-<unix nanos>" message it receives
//	    (the sender's clock is this machine's clock); writes one latency in
//	    ms per line to -out and a JSON summary on stdout when every client
//	    has every round (or -timeout passed).
//	load -send -url ws://... -rounds 3 -gap 2s
//	    one client that sends the rounds.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

func main() {
	url := flag.String("url", "", "server URL")
	n := flag.Int("n", 1000, "clients")
	rounds := flag.Int("rounds", 3, "broadcasts")
	send := flag.Bool("send", false, "send the rounds instead of receiving")
	gap := flag.Duration("gap", 2*time.Second, "time between rounds (send)")
	out := flag.String("out", "", "latency file")
	timeout := flag.Duration("timeout", 120*time.Second, "give up after")
	flag.Parse()
	d := &websocket.Dialer{ReadBufferSize: 512, WriteBufferSize: 256, HandshakeTimeout: 30 * time.Second}
	if *send {
		c, _, err := d.Dial(*url, nil)
		if err != nil {
			fmt.Fprintln(os.Stderr, "send: dial:", err)
			os.Exit(1)
		}
		go func() {
			for {
				if _, _, err := c.ReadMessage(); err != nil {
					return
				}
			}
		}()
		for i := 0; i < *rounds; i++ {
			time.Sleep(*gap)
			msg := "bench-" + strconv.FormatInt(time.Now().UnixNano(), 10)
			if err := c.WriteMessage(websocket.TextMessage, []byte(msg)); err != nil {
				fmt.Fprintln(os.Stderr, "send:", err)
				os.Exit(1)
			}
		}
		time.Sleep(200 * time.Millisecond)
		c.Close()
		return
	}

	var mu sync.Mutex
	var lats []float64
	var got, want atomic.Int64
	want.Store(int64(*n * *rounds))
	done := make(chan struct{})
	var once sync.Once
	start := time.Now()
	var wg sync.WaitGroup
	sem := make(chan struct{}, 200)
	var connected, failed atomic.Int64
	for i := 0; i < *n; i++ {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			var c *websocket.Conn
			var err error
			for try := 0; try < 5; try++ {
				c, _, err = d.Dial(*url, nil)
				if err == nil {
					break
				}
				time.Sleep(200 * time.Millisecond)
			}
			<-sem
			if err != nil {
				failed.Add(1)
				return
			}
			connected.Add(1)
			go func() {
				for {
					_, data, err := c.ReadMessage()
					if err != nil {
						return
					}
					now := time.Now().UnixNano()
					var m struct {
						Message string `json:"message"`
					}
					if json.Unmarshal(data, &m) != nil || !strings.HasPrefix(m.Message, "bench-") {
						continue
					}
					ts, _ := strconv.ParseInt(strings.TrimPrefix(m.Message, "bench-"), 10, 64)
					mu.Lock()
					lats = append(lats, float64(now-ts)/1e6)
					mu.Unlock()
					if got.Add(1) >= want.Load() {
						once.Do(func() { close(done) })
					}
				}
			}()
		}()
	}
	wg.Wait()
	connectSecs := time.Since(start).Seconds()
	fmt.Printf("connected %d (failed %d) in %.1fs\n", connected.Load(), failed.Load(), connectSecs)
	want.Store(connected.Load() * int64(*rounds))
	if got.Load() >= want.Load() {
		once.Do(func() { close(done) })
	}
	select {
	case <-done:
	case <-time.After(*timeout):
	}
	mu.Lock()
	defer mu.Unlock()
	sort.Float64s(lats)
	pct := func(p float64) float64 {
		if len(lats) == 0 {
			return 0
		}
		return lats[min(len(lats)-1, int(p*float64(len(lats))))]
	}
	if *out != "" {
		var b strings.Builder
		for _, l := range lats {
			fmt.Fprintf(&b, "%.3f\n", l)
		}
		os.WriteFile(*out, []byte(b.String()), 0o644)
	}
	s, _ := json.Marshal(map[string]any{
		"connected": connected.Load(), "received": len(lats), "expected": want.Load(),
		"p50_ms": pct(0.50), "p99_ms": pct(0.99), "max_ms": pct(1), "connect_secs": connectSecs,
	})
	fmt.Println(string(s))
}
