package net_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"gonode/internal/testutil"
)

func TestMain(m *testing.M) { testutil.Main(m) }

// Differential tests: every script in testdata runs under Node v20 and
// under gonode; stdout, stderr and the exit code must be identical.
func TestDifferentialVsNode(t *testing.T) {
	nodeBin, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	scripts, _ := filepath.Glob("testdata/*.js")
	if len(scripts) == 0 {
		t.Fatal("no scripts in testdata")
	}
	for _, s := range scripts {
		s, _ := filepath.Abs(s)
		t.Run(filepath.Base(s), func(t *testing.T) {
			t.Parallel()
			want := runNode(t, nodeBin, s)
			got := testutil.Run(t, testutil.RunOpts{Timeout: 30 * time.Second}, s)
			if got.Stdout != want.Stdout || got.Stderr != want.Stderr || got.Code != want.Code {
				t.Fatalf("node:\n%s%s(exit %d)\ngonode:\n%s%s(exit %d)", want.Stdout, want.Stderr, want.Code, got.Stdout, got.Stderr, got.Code)
			}
			if strings.TrimSpace(got.Stdout) == "" {
				t.Fatal("the script printed nothing")
			}
		})
	}
}

func runNode(t *testing.T, bin, script string) testutil.Result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, script)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return testutil.Result{Stdout: out.String(), Stderr: errb.String(), Code: code}
}

// startScript writes src to a temp file, starts gonode on it with args
// (argv[2] is "0": scripts listen on an ephemeral port) and waits for the
// line "listening PORT".
func startScript(t *testing.T, src string, args ...string) (*testutil.Proc, int) {
	t.Helper()
	f := testutil.WriteFile(t, t.TempDir(), "s.js", src)
	p := testutil.Start(t, testutil.RunOpts{}, append([]string{f, "0"}, args...)...)
	line := p.WaitLine(t, "listening", 10*time.Second)
	port, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "listening")))
	if err != nil || port <= 0 {
		t.Fatalf("bad listening line %q", line)
	}
	return p, port
}

func dial(t *testing.T, port int) *net.TCPConn {
	t.Helper()
	c, err := net.DialTimeout("tcp", "127.0.0.1:"+strconv.Itoa(port), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	c.SetDeadline(time.Now().Add(30 * time.Second))
	return c.(*net.TCPConn)
}

const echoServer = `
const net = require('net');
const server = net.createServer((s) => {
  s.on('data', (d) => s.write(d));
  s.on('error', (e) => console.log('socket error ' + e.code));
  s.on('close', (h) => { if (h) console.log('closed with error'); });
});
server.listen(+process.argv[2], '127.0.0.1', () => console.log('listening ' + server.address().port));
`

// 100 clients at once, 5 connections each, against a net echo server;
// its fd count returns to the baseline afterwards.
func TestManyClientsNoFDLeak(t *testing.T) {
	t.Parallel()
	p, port := startScript(t, echoServer)
	pid := p.Cmd.Process.Pid
	before := testutil.CountFDs(t, pid)
	var wg sync.WaitGroup
	var bad atomic.Int64
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 5; j++ {
				c, err := net.DialTimeout("tcp", "127.0.0.1:"+strconv.Itoa(port), 10*time.Second)
				if err != nil {
					bad.Add(1)
					return
				}
				c.SetDeadline(time.Now().Add(20 * time.Second))
				msg := fmt.Sprintf("%d/%d", i, j)
				c.Write([]byte(msg))
				c.(*net.TCPConn).CloseWrite()
				got, err := io.ReadAll(c)
				c.Close()
				if err != nil || string(got) != msg {
					bad.Add(1)
					return
				}
			}
		}(i)
	}
	wg.Wait()
	if bad.Load() > 0 {
		t.Fatalf("%d clients failed", bad.Load())
	}
	testutil.WaitFor(t, "fds back to baseline", func() (bool, string) {
		n := testutil.CountFDs(t, pid)
		return n == before, fmt.Sprintf("%d after, %d before", n, before)
	})
}

// A paused net socket stops reading: the sender stalls, then everything
// arrives after resume().
func TestPauseBackPressure(t *testing.T) {
	t.Parallel()
	p, port := startScript(t, `
const net = require('net');
const server = net.createServer((s) => {
  let n = 0;
  s.pause();
  s.on('data', (d) => { n += d.length; });
  s.on('end', () => { console.log('total ' + n); });
  setTimeout(() => { console.log('resume ' + n); s.resume(); }, 3000);
});
server.listen(+process.argv[2], '127.0.0.1', () => console.log('listening ' + server.address().port));
`)
	c := dial(t, port)
	defer c.Close()
	const total = 32 << 20
	_, done := testutil.FloodWhilePaused(t, c, total)
	p.WaitLine(t, "resume 0", 5*time.Second)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if line := p.WaitLine(t, "total", 20*time.Second); line != fmt.Sprintf("total %d", total) {
		t.Fatalf("got %q", line)
	}
}

// A peer reset is an 'error' (ECONNRESET) then 'close'(true); the server
// goes on.
func TestPeerReset(t *testing.T) {
	t.Parallel()
	p, port := startScript(t, echoServer)
	c := dial(t, port)
	c.Write([]byte("x"))
	buf := make([]byte, 1)
	io.ReadFull(c, buf)
	c.SetLinger(0)
	c.Close()
	p.WaitLine(t, "socket error ECONNRESET", 5*time.Second)
	p.WaitLine(t, "closed with error", 5*time.Second)
	c = dial(t, port)
	c.Write([]byte("still here"))
	got := make([]byte, 10)
	if _, err := io.ReadFull(c, got); err != nil || string(got) != "still here" {
		t.Fatalf("%q %v", got, err)
	}
	c.Close()
}
