package runtime_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"

	"gonode/internal/testutil"
)

// openPty opens a pseudo-terminal pair: the master the test types into and
// reads from, and the terminal gonode gets as stdin, stdout and stderr.
func openPty(t *testing.T) (master, tty *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	unlock := 0
	if _, _, errno := unix.Syscall(unix.SYS_IOCTL, m.Fd(), unix.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); errno != 0 {
		m.Close()
		t.Fatalf("unlockpt: %v", errno)
	}
	n, err := unix.IoctlGetInt(int(m.Fd()), unix.TIOCGPTN)
	if err != nil {
		m.Close()
		t.Fatalf("ptsname: %v", err)
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		m.Close()
		t.Fatalf("open pts: %v", err)
	}
	return m, s
}

// ttyREPL runs gonode's REPL on a terminal of its own (its controlling
// terminal, so that Ctrl+C typed on it is SIGINT to gonode, as in a shell).
type ttyREPL struct {
	t      *testing.T
	master *os.File
	cmd    *exec.Cmd
	mu     sync.Mutex
	out    bytes.Buffer
}

func startTTYREPL(t *testing.T) *ttyREPL {
	master, tty := openPty(t)
	cmd := exec.Command(testutil.Binary(t))
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tty.Close()
	r := &ttyREPL{t: t, master: master, cmd: cmd}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := master.Read(buf)
			r.mu.Lock()
			r.out.Write(buf[:n])
			r.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		master.Close()
	})
	return r
}

// typeAndWait types s and waits until the output so far has want in it
// count times.
func (r *ttyREPL) typeAndWait(s, want string, count int) {
	r.t.Helper()
	if _, err := r.master.WriteString(s); err != nil {
		r.t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		r.mu.Lock()
		out := r.out.String()
		r.mu.Unlock()
		if strings.Count(out, want) >= count {
			return
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("after typing %q: waited for %d× %q; output:\n%q", s, count, want, out)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Ctrl+C in the REPL on a terminal does what it does in node's: it stops
// an entry that is running, drops an unfinished one, says how to leave at
// an empty prompt, and leaves (status 0) when pressed twice in a row.
func TestREPLCtrlCAsNode(t *testing.T) {
	t.Parallel()
	r := startTTYREPL(t)
	const hint = "(To exit, press Ctrl+C again or Ctrl+D or type .exit)"
	r.typeAndWait("", "> ", 1)
	r.typeAndWait("1+1\r", "2\r\n> ", 1)
	// A running entry is stopped; the loop goes on (a timer still fires).
	r.typeAndWait("while (true) {}\r", "while (true) {}\r\n", 1)
	time.Sleep(100 * time.Millisecond) // let it spin
	r.typeAndWait("\x03", "Uncaught Error: Script execution was interrupted by `SIGINT`\r\n> ", 1)
	r.typeAndWait("setTimeout(function () { console.log('timer ' + (40 + 2)) }, 1); 0\r", "timer 42", 1)
	// An unfinished entry is dropped, with no hint.
	r.typeAndWait("function f() {\r", "... ", 1)
	r.typeAndWait("\x03", "\r\n> ", 4)
	r.typeAndWait("typeof f\r", "\"undefined\"", 1) // sys.inspect of 2009 quotes as JSON
	// At an empty prompt: the hint, and a line in between starts over.
	r.typeAndWait("\x03", hint, 1)
	r.typeAndWait("3+3\r", "6\r\n> ", 1)
	r.typeAndWait("\x03", hint, 2)
	if _, err := r.master.WriteString("\x03"); err != nil {
		t.Fatal(err)
	}
	err := testutil.WaitExit(t, r.cmd, 10*time.Second, func() string { return "the REPL did not leave after a second Ctrl+C" })
	if err != nil {
		r.mu.Lock()
		defer r.mu.Unlock()
		t.Fatalf("second Ctrl+C: %v (want status 0); output:\n%q", err, r.out.String())
	}
}

// With stdin not a terminal (a pipe), SIGINT ends the REPL by the signal,
// as it ends `node -i` reading from a pipe (status 130 in a shell).
func TestREPLOnAPipeDiesOfSIGINT(t *testing.T) {
	t.Parallel()
	cmd := exec.Command(testutil.Binary(t))
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	prompt := make([]byte, 2)
	if _, err := io.ReadFull(stdout, prompt); err != nil || string(prompt) != "> " {
		t.Fatalf("no prompt: %q %v", prompt, err)
	}
	cmd.Process.Signal(syscall.SIGINT)
	testutil.WaitExit(t, cmd, 10*time.Second, func() string { return "the REPL on a pipe outlived SIGINT" })
	ws, _ := cmd.ProcessState.Sys().(syscall.WaitStatus)
	if !ws.Signaled() || ws.Signal() != syscall.SIGINT {
		t.Fatalf("REPL on a pipe after SIGINT: %v, want killed by SIGINT", cmd.ProcessState)
	}
}
