// Package testutil runs the real gonode binary for integration tests: it
// builds it once per test process (with -race when the tests run with
// -race, so the loop contract is checked inside the binary too), runs
// scripts, starts servers and finds free ports.
package testutil

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
	tmpDir    string
)

// Main is TestMain for packages with integration tests: it runs the tests
// and removes the binary afterwards.
//
//	func TestMain(m *testing.M) { testutil.Main(m) }
func Main(m *testing.M) {
	code := m.Run()
	if tmpDir != "" {
		os.RemoveAll(tmpDir)
	}
	os.Exit(code)
}

// RepoRoot is the folder holding go.mod.
func RepoRoot() string {
	_, file, _, _ := goruntime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// Binary returns the path of a freshly built gonode.
func Binary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		readSources(RepoRoot()) // so that go test's cache sees them (sources.go)
		tmpDir, buildErr = os.MkdirTemp("", "gonode-test-")
		if buildErr != nil {
			return
		}
		binPath = filepath.Join(tmpDir, "gonode")
		args := []string{"build", "-o", binPath}
		if raceEnabled {
			args = append(args, "-race")
		}
		args = append(args, "./cmd/gonode")
		cmd := exec.Command("go", args...)
		cmd.Dir = RepoRoot()
		out, err := cmd.CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("building gonode: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// Script returns the path of a file under scripts/.
func Script(name string) string {
	return filepath.Join(RepoRoot(), "scripts", name)
}

// WriteFile writes content to dir/name (creating folders) and returns the path.
func WriteFile(t testing.TB, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// Result is what a finished gonode run produced.
type Result struct {
	Stdout, Stderr string
	Code           int
}

// RunOpts tune Run and Start.
type RunOpts struct {
	Dir     string
	Env     []string
	Stdin   string
	Timeout time.Duration
	// Bin is the program Start runs instead of gonode (node, for a test
	// that drives both with the same script).
	Bin string
}

// Run runs gonode with args to completion (default timeout 30 s).
func Run(t testing.TB, opts RunOpts, args ...string) Result {
	t.Helper()
	if opts.Timeout == 0 {
		opts.Timeout = 30 * time.Second
	}
	ctx, cancel := context.WithTimeout(context.Background(), opts.Timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, Binary(t), args...)
	cmd.Dir = opts.Dir
	cmd.Env = append(os.Environ(), opts.Env...)
	cmd.Stdin = strings.NewReader(opts.Stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("gonode %v timed out after %v\nstdout:\n%s\nstderr:\n%s", args, opts.Timeout, out.String(), errb.String())
	}
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running gonode %v: %v", args, err)
	}
	return Result{out.String(), errb.String(), code}
}

// Eval runs `gonode -e code` and returns its result.
func Eval(t testing.TB, code string) Result {
	t.Helper()
	return Run(t, RunOpts{}, "-e", code)
}

// Proc is a gonode (or RunOpts.Bin) process left running (a server).
type Proc struct {
	Cmd    *exec.Cmd
	name   string // the program, for messages
	lines  chan string
	mu     sync.Mutex
	stdout bytes.Buffer
	stderr bytes.Buffer
	done   chan struct{}
}

// Start starts gonode with args and stops it when the test ends. It does not
// wait for anything; use WaitLine or WaitPort.
func Start(t testing.TB, opts RunOpts, args ...string) *Proc {
	t.Helper()
	bin, name := opts.Bin, filepath.Base(opts.Bin)
	if bin == "" {
		bin, name = Binary(t), "gonode"
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = opts.Dir
	cmd.Env = append(os.Environ(), opts.Env...)
	p := &Proc{Cmd: cmd, name: name, lines: make(chan string, 1024), done: make(chan struct{})}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = &lockedWriter{p: p}
	if opts.Stdin != "" {
		cmd.Stdin = strings.NewReader(opts.Stdin)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(stdout)
		sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
		for sc.Scan() {
			line := sc.Text()
			p.mu.Lock()
			p.stdout.WriteString(line + "\n")
			p.mu.Unlock()
			select {
			case p.lines <- line:
			default:
			}
		}
		io.Copy(io.Discard, stdout)
		cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(func() {
		p.Stop()
		if t.Failed() {
			t.Logf("%s %v stdout:\n%s\nstderr:\n%s", name, args, p.Stdout(), p.Stderr())
		}
	})
	return p
}

type lockedWriter struct{ p *Proc }

func (w *lockedWriter) Write(b []byte) (int, error) {
	w.p.mu.Lock()
	defer w.p.mu.Unlock()
	return w.p.stderr.Write(b)
}

// WaitLine waits for a stdout line containing substr and returns it.
func (p *Proc) WaitLine(t testing.TB, substr string, timeout time.Duration) string {
	t.Helper()
	return p.WaitLineMatch(t, fmt.Sprintf("containing %q", substr), func(line string) bool {
		return strings.Contains(line, substr)
	}, timeout)
}

// WaitLineMatch waits for a stdout line for which match is true and returns
// it; what describes the line in a failure.
func (p *Proc) WaitLineMatch(t testing.TB, what string, match func(line string) bool, timeout time.Duration) string {
	t.Helper()
	deadline := time.After(timeout)
	for {
		select {
		case line := <-p.lines:
			if match(line) {
				return line
			}
		case <-p.done:
			// Drain what is left before giving up.
			for {
				select {
				case line := <-p.lines:
					if match(line) {
						return line
					}
				default:
					t.Fatalf("%s exited before printing a line %s\nstdout:\n%s\nstderr:\n%s", p.name, what, p.Stdout(), p.Stderr())
				}
			}
		case <-deadline:
			t.Fatalf("no line %s within %v\nstdout:\n%s\nstderr:\n%s", what, timeout, p.Stdout(), p.Stderr())
		}
	}
}

// Wait waits for the process to exit (up to timeout) and returns its code.
func (p *Proc) Wait(t testing.TB, timeout time.Duration) int {
	t.Helper()
	select {
	case <-p.done:
		return p.Cmd.ProcessState.ExitCode()
	case <-time.After(timeout):
		t.Fatalf("%s did not exit within %v", p.name, timeout)
		return -1
	}
}

// WaitExit waits for cmd, which the test started itself (not through
// Start), to end and returns what cmd.Wait returned. One still running
// after timeout is killed, and the test fails with what describe returns;
// describe runs after the process has ended, so it may read the output the
// process left.
func WaitExit(t testing.TB, cmd *exec.Cmd, timeout time.Duration, describe func() string) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(timeout):
		cmd.Process.Kill()
		<-done
		t.Fatal(describe())
		return nil
	}
}

// Stop kills the process if it still runs.
func (p *Proc) Stop() {
	select {
	case <-p.done:
		return
	default:
	}
	p.Cmd.Process.Kill()
	<-p.done
}

// Stdout returns everything the process printed on stdout so far.
func (p *Proc) Stdout() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stdout.String()
}

// Stderr returns everything the process printed on stderr so far.
func (p *Proc) Stderr() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stderr.String()
}

// FreePort returns a TCP port that was free a moment ago on every address.
//
// It is drawn at random below the kernel's ephemeral range (32768 and up on
// Linux): a port taken from the ephemeral range can be grabbed, between this
// call and the script's listen, as the local port of some other test's
// outgoing connection. Scripts that can listen on port 0 and print the port
// should prefer that.
func FreePort(t testing.TB) int {
	t.Helper()
	for i := 0; i < 200; i++ {
		port := 20000 + rand.IntN(12000)
		ln, err := net.Listen("tcp", fmt.Sprintf(":%d", port))
		if err != nil {
			continue
		}
		ln.Close()
		return port
	}
	t.Fatal("no free port found")
	return 0
}

// WaitPort waits until addr accepts TCP connections.
func WaitPort(t testing.TB, addr string, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err == nil {
			c.Close()
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s did not accept connections within %v", addr, timeout)
}

// HoldPort serializes, across test processes, the tests that need one fixed
// port (the talk's scripts listen on 8000 and nothing else): it takes an
// exclusive file lock named after the port, waits for the port to be free,
// and keeps the lock until the test ends. go test runs packages in parallel
// processes, so an in-process mutex would not do.
func HoldPort(t testing.TB, port int) {
	t.Helper()
	name := filepath.Join(os.TempDir(), fmt.Sprintf("gonode-test-port-%d.lock", port))
	f, err := os.OpenFile(name, os.O_CREATE|os.O_RDWR, 0o666)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	})
	deadline := time.Now().Add(30 * time.Second)
	for {
		ln, err := net.Listen("tcp", fmt.Sprintf(":%d", port))
		if err == nil {
			ln.Close()
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("port %d stayed taken for 30 s: %v", port, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// SpecFile returns the path of a file of the project's specification
// (../shared/spec beside the repository, as laid out for sessions and CI).
func SpecFile(name string) string {
	return filepath.Join(RepoRoot(), "..", "shared", "spec", name)
}

// FloodWhilePaused writes total bytes to c from a goroutine while the
// server under test is not reading, and checks that the sender stalls:
// real TCP back-pressure, not buffering without bound. It waits for two
// equal samples of the bytes sent 200 ms apart, checks the count stays put
// and is under half of total, and returns the stall point and a channel
// that reports the end of sending (after CloseWrite) once the server reads
// again.
func FloodWhilePaused(t testing.TB, c *net.TCPConn, total int64) (stalledAt int64, done <-chan error) {
	t.Helper()
	var sent atomic.Int64
	finished := make(chan error, 1)
	go func() {
		chunk := make([]byte, 64<<10)
		for n := int64(0); n < total; n += int64(len(chunk)) {
			if _, err := c.Write(chunk); err != nil {
				finished <- err
				return
			}
			sent.Add(int64(len(chunk)))
		}
		finished <- c.CloseWrite()
	}()
	a, b := int64(-1), sent.Load()
	for i := 0; i < 6 && a != b; i++ {
		time.Sleep(200 * time.Millisecond)
		a, b = b, sent.Load()
	}
	time.Sleep(200 * time.Millisecond)
	if now := sent.Load(); a != b || now != b || b >= total/2 {
		t.Fatalf("sender not stalled while paused: %d, %d, %d bytes", a, b, now)
	}
	return b, finished
}

// CountFDs is how many file descriptors process pid has open now (Linux:
// /proc/PID/fd), for tests that check nothing leaks.
func CountFDs(t testing.TB, pid int) int {
	t.Helper()
	ents, err := os.ReadDir(fmt.Sprintf("/proc/%d/fd", pid))
	if err != nil {
		t.Fatal(err)
	}
	return len(ents)
}

// WaitFor polls cond every 50 ms until it holds, and fails the test after
// 10 s with what and the state cond last described.
func WaitFor(t testing.TB, what string, cond func() (ok bool, state string)) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		ok, state := cond()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: %s", what, state)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
