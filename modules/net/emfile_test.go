package net_test

import (
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"gonode/internal/testutil"
)

// A server out of file descriptors (EMFILE) neither spins nor dies: the
// loop stops accepting for a moment, the waiting connections stay in the
// backlog, and once descriptors are free again every one of them is
// accepted and served.
func TestAcceptSurvivesEMFILE(t *testing.T) {
	t.Parallel()
	p, port := startScript(t, echoServer)
	pid := p.Cmd.Process.Pid
	// Leave the server room for 8 connections.
	lim := unix.Rlimit{Cur: uint64(testutil.CountFDs(t, pid) + 8), Max: 0}
	var old unix.Rlimit
	if err := unix.Prlimit(pid, unix.RLIMIT_NOFILE, nil, &old); err != nil {
		t.Skipf("prlimit: %v", err)
	}
	lim.Max = old.Max
	if err := unix.Prlimit(pid, unix.RLIMIT_NOFILE, &lim, nil); err != nil {
		t.Skipf("prlimit: %v", err)
	}
	const n = 24
	conns := make([]*net.TCPConn, n)
	for i := range conns {
		conns[i] = dial(t, port) // the kernel completes the handshake: backlog
		fmt.Fprintf(conns[i], "hello %d", i)
	}
	// Some are served, the rest wait while the server is at its limit.
	served := make([]bool, n)
	release := make(chan struct{})
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i, c := range conns {
		wg.Add(1)
		go func(i int, c *net.TCPConn) {
			defer wg.Done()
			c.SetReadDeadline(time.Now().Add(30 * time.Second))
			buf := make([]byte, 64)
			k, err := io.ReadAtLeast(c, buf, len(fmt.Sprintf("hello %d", i)))
			if err == nil && string(buf[:k]) == fmt.Sprintf("hello %d", i) {
				mu.Lock()
				served[i] = true
				mu.Unlock()
			}
			<-release
			c.Close() // frees a descriptor for the next one
		}(i, c)
	}
	// The served ones hold their descriptors: the server is at its limit
	// with connections waiting. It must not busy-loop meanwhile.
	time.Sleep(300 * time.Millisecond)
	cpu0 := cpuTicks(t, pid)
	time.Sleep(time.Second)
	if busy := cpuTicks(t, pid) - cpu0; busy > 30 { // ticks of 10 ms; a spin is ~100
		t.Errorf("server used %d CPU ticks in 1 s while out of descriptors", busy)
	}
	mu.Lock()
	early := 0
	for _, ok := range served {
		if ok {
			early++
		}
	}
	mu.Unlock()
	if early == 0 || early == n {
		t.Errorf("%d of %d served before descriptors were freed: the limit did not bite", early, n)
	}
	close(release)
	wg.Wait()
	for i, ok := range served {
		if !ok {
			t.Errorf("connection %d was never served", i)
		}
	}
	// Still healthy afterwards.
	c := dial(t, port)
	c.Write([]byte("after"))
	c.CloseWrite()
	got, _ := io.ReadAll(c)
	if string(got) != "after" {
		t.Fatalf("echo after EMFILE: %q", got)
	}
}

func cpuTicks(t *testing.T, pid int) int {
	t.Helper()
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		t.Fatal(err)
	}
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+2:]))
	u, _ := strconv.Atoi(f[11])
	s, _ := strconv.Atoi(f[12])
	return u + s
}
