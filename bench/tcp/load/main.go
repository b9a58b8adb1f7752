// Command load drives a TCP echo server for bench/tcp/run.sh.
//
//	load -mode throughput -addr 127.0.0.1:9000 -conns 50 -size 16384 -d 5s
//	    every connection writes size-byte chunks as fast as the server
//	    echoes them (at most 64 KiB in flight per connection); prints
//	    echoed MB/s.
//	load -mode connrate -addr 127.0.0.1:9000 -conns 50 -d 5s
//	    conns workers loop: connect, send 16 bytes, read them back, close;
//	    prints connections per second.
//	load -mode idle -gonode PATH -rounds 3
//	    only the idle-connection memory part of compare.
//	load -mode compare -gonode PATH -rounds 3 -d 3s
//	    runs each benchmark against Node v20's net echo server, gonode's
//	    net echo server and gonode's 2009 tcp echo server, one after
//	    another in each round, each round starting with the next server
//	    (the machine is shared: alternation spreads the noise), and prints
//	    medians, the CPU the server used per unit of work (from /proc,
//	    robust when the machine is busy), ratios of the medians and the
//	    paired ratio (the median of the per-round ratios to node, and in
//	    how many rounds gonode was faster);
//	    then the memory each idle connection costs the server: clients
//	    connect, echo 16 bytes and stay; the growth of the server's RSS
//	    per connection from 1,000 to 5,000 of them, each point measured
//	    after a rest.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	mode := flag.String("mode", "throughput", "throughput or connrate")
	addr := flag.String("addr", "127.0.0.1:9000", "server address")
	conns := flag.Int("conns", 50, "concurrent connections or workers")
	size := flag.Int("size", 16384, "chunk size for throughput")
	d := flag.Duration("d", 5*time.Second, "duration")
	gonode := flag.String("gonode", "gonode", "gonode binary (compare)")
	rounds := flag.Int("rounds", 3, "rounds (compare)")
	dir := flag.String("dir", "bench/tcp", "folder with echo_net.js and echo_tcp.js (compare)")
	flag.Parse()
	switch *mode {
	case "compare":
		compare(*gonode, *dir, *rounds, *d)
	case "throughput":
		throughput(*addr, *conns, *size, *d)
	case "connrate":
		connrate(*addr, *conns, *d)
	case "idle":
		idleMemory(echoServers(*gonode, *dir), *rounds)
	default:
		fmt.Fprintln(os.Stderr, "unknown mode")
		os.Exit(2)
	}
}

func throughput(addr string, conns, size int, d time.Duration) {
	fmt.Printf("%.1f MB/s\n", measureThroughput(addr, conns, size, d))
}

func measureThroughput(addr string, conns, size int, d time.Duration) float64 {
	var total atomic.Int64
	var counting atomic.Bool
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var errs atomic.Int64
	window := int64(64 << 10)
	if int64(size) > window {
		window = int64(size)
	}
	for i := 0; i < conns; i++ {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		wg.Add(2)
		var inflight atomic.Int64
		credit := make(chan struct{}, 1)
		go func() { // writer: keep at most window bytes unechoed
			defer wg.Done()
			buf := make([]byte, size)
			for {
				select {
				case <-stop:
					c.(*net.TCPConn).CloseWrite()
					return
				default:
				}
				for inflight.Load()+int64(size) > window {
					select {
					case <-credit:
					case <-stop:
						c.(*net.TCPConn).CloseWrite()
						return
					}
				}
				if _, err := c.Write(buf); err != nil {
					errs.Add(1)
					return
				}
				inflight.Add(int64(size))
			}
		}()
		go func() {
			defer wg.Done()
			defer c.Close()
			buf := make([]byte, 64<<10)
			for {
				n, err := c.Read(buf)
				if n > 0 {
					if counting.Load() {
						total.Add(int64(n))
					}
					inflight.Add(-int64(n))
					select {
					case credit <- struct{}{}:
					default:
					}
				}
				if err != nil {
					return
				}
			}
		}()
	}
	time.Sleep(500 * time.Millisecond) // warm up
	counting.Store(true)
	start := time.Now()
	time.Sleep(d)
	counting.Store(false)
	el := time.Since(start)
	close(stop)
	wg.Wait()
	if errs.Load() > 0 {
		fmt.Fprintf(os.Stderr, "%d write errors\n", errs.Load())
	}
	return float64(total.Load()) / el.Seconds() / 1e6
}

func connrate(addr string, workers int, d time.Duration) {
	fmt.Printf("%.0f conn/s\n", measureConnrate(addr, workers, d))
}

func measureConnrate(addr string, workers int, d time.Duration) float64 {
	var done, errs atomic.Int64
	deadline := time.Now().Add(d)
	var wg sync.WaitGroup
	msg := []byte("0123456789abcdef")
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := make([]byte, len(msg))
			for time.Now().Before(deadline) {
				c, err := net.Dial("tcp", addr)
				if err != nil {
					errs.Add(1)
					time.Sleep(time.Millisecond)
					continue
				}
				c.SetDeadline(time.Now().Add(5 * time.Second))
				if _, err := c.Write(msg); err != nil {
					errs.Add(1)
					c.Close()
					continue
				}
				if _, err := io.ReadFull(c, buf); err != nil {
					errs.Add(1)
					c.Close()
					continue
				}
				c.Close()
				done.Add(1)
			}
		}()
	}
	wg.Wait()
	if errs.Load() > 0 {
		fmt.Fprintf(os.Stderr, "%d errors\n", errs.Load())
	}
	return float64(done.Load()) / d.Seconds()
}

type server struct {
	name string
	argv []string
}

// startServer runs argv plus a port, waits for its "listening" line and
// returns the process and the address.
func startServer(argv []string) (*exec.Cmd, string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, "", err
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	cmd := exec.Command(argv[0], append(argv[1:], strconv.Itoa(port))...)
	out, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, "", err
	}
	sc := bufio.NewScanner(out)
	ok := make(chan bool, 1)
	go func() {
		for sc.Scan() {
			if strings.Contains(sc.Text(), "listening") {
				ok <- true
				io.Copy(io.Discard, out)
				return
			}
		}
		ok <- false
	}()
	select {
	case good := <-ok:
		if !good {
			cmd.Process.Kill()
			cmd.Wait()
			return nil, "", fmt.Errorf("%v exited before listening", argv)
		}
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		cmd.Wait()
		return nil, "", fmt.Errorf("%v did not listen", argv)
	}
	return cmd, "127.0.0.1:" + strconv.Itoa(port), nil
}

// mustStartServer is startServer that ends the program on failure.
func mustStartServer(argv []string) (*exec.Cmd, string) {
	cmd, addr, err := startServer(argv)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	return cmd, addr
}

// cpuTicks is utime+stime of pid in clock ticks (1/100 s).
func cpuTicks(pid int) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	u, _ := strconv.ParseFloat(f[11], 64)
	k, _ := strconv.ParseFloat(f[12], 64)
	return u + k
}

// pairedRatios compares two servers round by round: the median of the
// per-round ratios a[r]/b[r], and in how many rounds a was faster. Rounds
// run minutes apart on a shared machine whose speed drifts; a ratio taken
// within one round cancels most of that drift, where the ratio of two
// medians does not.
func pairedRatios(a, b []float64) (ratio float64, wins int) {
	var rs []float64
	for r := range a {
		if r < len(b) && b[r] > 0 {
			rs = append(rs, a[r]/b[r])
			if a[r] >= b[r] {
				wins++
			}
		}
	}
	return median(rs), wins
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}

func echoServers(gonode, dir string) []server {
	return []server{
		{"node net", []string{"node", filepath.Join(dir, "echo_net.js")}},
		{"gonode net", []string{gonode, filepath.Join(dir, "echo_net.js")}},
		{"gonode tcp", []string{gonode, filepath.Join(dir, "echo_tcp.js")}},
	}
}

func compare(gonode, dir string, rounds int, d time.Duration) {
	servers := echoServers(gonode, dir)
	type bench struct {
		name, unit, cpuUnit string
		run                 func(addr string) float64 // returns work units
		perCPU              float64                   // work per CPU-second scale
	}
	benches := []bench{
		{"echo throughput, 50 connections, 16 KiB writes", "MB/s", "CPU ms per 100 MB", func(a string) float64 { return measureThroughput(a, 50, 16384, d) }, 100},
		{"echo throughput, 1 connection, 64 KiB writes", "MB/s", "CPU ms per 100 MB", func(a string) float64 { return measureThroughput(a, 1, 65536, d) }, 100},
		{"connection rate, 50 workers (connect, 16 B echo, close)", "conn/s", "CPU ms per 1000 conns", func(a string) float64 { return measureConnrate(a, 50, d) }, 1000},
	}
	for _, b := range benches {
		rates := make([][]float64, len(servers))
		cpus := make([][]float64, len(servers))
		for r := 0; r < rounds; r++ {
			// Each round starts with a different server, so that no server
			// is always the one measured first (after a server of the
			// other kind, or after the pause between benchmarks).
			for k := range servers {
				i := (k + r) % len(servers)
				s := servers[i]
				cmd, addr := mustStartServer(s.argv)
				t0 := cpuTicks(cmd.Process.Pid)
				rate := b.run(addr)
				t1 := cpuTicks(cmd.Process.Pid)
				cmd.Process.Kill()
				cmd.Wait()
				rates[i] = append(rates[i], rate)
				// ticks are 10 ms; the measurement window is d (plus the
				// warm-up for throughput, counted in the work as well).
				work := rate * d.Seconds()
				if work > 0 {
					cpus[i] = append(cpus[i], (t1-t0)*10/work*b.perCPU)
				}
			}
		}
		fmt.Printf("\n%s (median of %d, %v each)\n", b.name, rounds, d)
		fmt.Printf("  %-12s %12s %8s %22s %8s\n", "server", b.unit, "ratio", b.cpuUnit, "ratio")
		base, baseCPU := median(rates[0]), median(cpus[0])
		for i, s := range servers {
			m, c := median(rates[i]), median(cpus[i])
			fmt.Printf("  %-12s %12.1f %7.2fx %22.1f %7.2fx", s.name, m, m/base, c, baseCPU/c)
			if i > 0 {
				paired, wins := pairedRatios(rates[i], rates[0])
				fmt.Printf("   paired %5.2fx, faster in %d of %d", paired, wins, len(rates[i]))
			}
			fmt.Println()
		}
	}
	idleMemory(servers, rounds)
	fmt.Println("\nratio: gonode / node for the rate; node CPU / gonode CPU for efficiency (>1: gonode better);")
	fmt.Println("node memory / gonode memory for idle connections (>1: gonode smaller)")
}

const idleConns = 5000

func idleMemory(servers []server, rounds int) {
	kbs := make([][]float64, len(servers))
	for r := 0; r < rounds; r++ {
		for i, s := range servers {
			cmd, addr := mustStartServer(s.argv)
			if kb, err := idleGrowth(addr, cmd.Process.Pid, idleConns); err != nil {
				fmt.Fprintln(os.Stderr, s.name, err)
			} else {
				kbs[i] = append(kbs[i], kb)
			}
			cmd.Process.Kill()
			cmd.Wait()
		}
	}
	fmt.Printf("\nidle connections: clients each echo 16 B and stay; RSS growth from %d to %d (median of %d)\n", idleConns/5, idleConns, rounds)
	fmt.Printf("  %-12s %22s %8s\n", "server", "server RSS KB per conn", "ratio")
	base := median(kbs[0])
	for i, s := range servers {
		m := median(kbs[i])
		fmt.Printf("  %-12s %22.2f %7.2fx\n", s.name, m, base/m)
	}
}

// idleGrowth is what each idle connection costs the server, in KB of
// RSS: the growth from n/5 connections to n, each point measured after a
// rest in which both runtimes collect (gonode after 1 s without
// allocating, node's memory reducer on its own schedule). Measuring from a
// first batch rather than from an empty server keeps start-up garbage out
// of the figure: whether a runtime had collected it before the first
// point used to move the result by 10%.
func idleGrowth(addr string, pid, n int) (float64, error) {
	first, err := openEchoed(addr, n/5)
	defer closeAll(first)
	if err != nil {
		return 0, err
	}
	time.Sleep(3 * time.Second)
	before := rssKB(pid)
	rest, err := openEchoed(addr, n-n/5)
	defer closeAll(rest)
	if err != nil {
		return 0, err
	}
	time.Sleep(3 * time.Second)
	return float64(rssKB(pid)-before) / float64(n-n/5), nil
}

func openEchoed(addr string, n int) ([]net.Conn, error) {
	msg := []byte("0123456789abcdef")
	buf := make([]byte, len(msg))
	conns := make([]net.Conn, 0, n)
	for i := 0; i < n; i++ {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			return conns, err
		}
		conns = append(conns, c)
		c.SetDeadline(time.Now().Add(10 * time.Second))
		if _, err := c.Write(msg); err != nil {
			return conns, err
		}
		if _, err := io.ReadFull(c, buf); err != nil {
			return conns, err
		}
	}
	return conns, nil
}

func closeAll(conns []net.Conn) {
	for _, c := range conns {
		c.Close()
	}
}

// rssKB is the resident set size of pid in KB.
func rssKB(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			f := strings.Fields(line)
			if len(f) >= 2 {
				v, _ := strconv.ParseInt(f[1], 10, 64)
				return v
			}
		}
	}
	return 0
}
