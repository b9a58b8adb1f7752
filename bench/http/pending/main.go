// Command pending holds N requests pending at once against a server that
// answers after a delay (scripts/hello.js: 2 s) and reports the server's
// memory per pending request and any failures.
//
//	go run ./bench/http/pending -addr 127.0.0.1:8000 -pid PID -n 15000
//
// It first opens all N connections, then sends one request on each as
// fast as it can, samples the server's RSS while every request waits for
// its timer, and finally checks every response ("Hello World", status
// 200). Memory per pending request = (RSS with N pending - RSS before) / N.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func rss(pid int) int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			f := strings.Fields(line)
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb
		}
	}
	return -1
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8000", "server address")
	pid := flag.Int("pid", 0, "server process id (for RSS)")
	n := flag.Int("n", 15000, "requests pending at once")
	sample := flag.Duration("sample", 1500*time.Millisecond, "when to sample RSS after the last request was sent")
	flag.Parse()

	before := rss(*pid)
	conns := make([]net.Conn, *n)
	var dialFail atomic.Int64
	var wg sync.WaitGroup
	sem := make(chan struct{}, 256)
	t0 := time.Now()
	for i := range conns {
		wg.Add(1)
		sem <- struct{}{}
		go func(i int) {
			defer wg.Done()
			defer func() { <-sem }()
			for try := 0; try < 5; try++ {
				c, err := net.DialTimeout("tcp", *addr, 10*time.Second)
				if err == nil {
					conns[i] = c
					return
				}
				time.Sleep(50 * time.Millisecond)
			}
			dialFail.Add(1)
		}(i)
	}
	wg.Wait()
	dialTime := time.Since(t0)
	connected := rss(*pid)

	var ok, bad atomic.Int64
	var firstErr atomic.Value
	t1 := time.Now()
	for _, c := range conns {
		if c == nil {
			continue
		}
		c.SetDeadline(time.Now().Add(60 * time.Second))
		if _, err := io.WriteString(c, "GET / HTTP/1.1\r\nHost: "+*addr+"\r\n\r\n"); err != nil {
			bad.Add(1)
			firstErr.CompareAndSwap(nil, err.Error())
		}
	}
	sent := time.Since(t1)
	for _, c := range conns {
		if c == nil {
			continue
		}
		wg.Add(1)
		go func(c net.Conn) {
			defer wg.Done()
			defer c.Close()
			resp, err := http.ReadResponse(bufio.NewReader(c), nil)
			if err != nil {
				bad.Add(1)
				firstErr.CompareAndSwap(nil, err.Error())
				return
			}
			b, err := io.ReadAll(resp.Body)
			if err != nil || resp.StatusCode != 200 || string(b) != "Hello World" {
				bad.Add(1)
				firstErr.CompareAndSwap(nil, fmt.Sprintf("status %d body %q err %v", resp.StatusCode, b, err))
				return
			}
			ok.Add(1)
		}(c)
	}
	time.Sleep(*sample - time.Since(t1))
	peak := rss(*pid)
	wg.Wait()
	total := time.Since(t1)
	fmt.Printf("connections: %d in %v (dial failures %d); requests sent in %v\n", *n-int(dialFail.Load()), dialTime.Round(time.Millisecond), dialFail.Load(), sent.Round(time.Millisecond))
	fmt.Printf("responses ok %d, failed %d, all done %v after sending", ok.Load(), bad.Load()+dialFail.Load(), total.Round(time.Millisecond))
	if e := firstErr.Load(); e != nil {
		fmt.Printf(" (first error: %v)", e)
	}
	fmt.Println()
	fmt.Printf("server RSS: idle %d KB, %d connections %d KB, %d pending %d KB\n", before, *n, connected, *n, peak)
	fmt.Printf("memory per pending request: %.2f KB\n", float64(peak-before)/float64(*n))
}
