package stream_test

import (
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"time"

	"gonode/internal/testutil"
)

// TestStdinReads feeds stdin through a pipe and checks that data, encoding
// and end arrive as in node.
func TestStdinReads(t *testing.T) {
	t.Parallel()
	r := testutil.Run(t, testutil.RunOpts{Stdin: "line one\nline two é\n"}, "-e", `
		let got = '';
		process.stdin.setEncoding('utf8');
		process.stdin.on('data', (d) => { got += d; });
		process.stdin.on('end', () => console.log(JSON.stringify(got), 'end'));
	`)
	if r.Code != 0 {
		t.Fatalf("exit %d, stderr %s", r.Code, r.Stderr)
	}
	if want := `"line one\nline two é\n" end` + "\n"; r.Stdout != want {
		t.Fatalf("stdout %q, want %q", r.Stdout, want)
	}
}

// TestStdinPipeToStdout copies a large stdin to stdout with pipe(), the
// classic cat, and checks every byte arrived.
func TestStdinPipeToStdout(t *testing.T) {
	t.Parallel()
	var in strings.Builder
	for i := 0; i < 20000; i++ {
		in.WriteString("0123456789abcdef0123456789abcdef\n")
	}
	r := testutil.Run(t, testutil.RunOpts{Stdin: in.String()}, "-e", `process.stdin.pipe(process.stdout)`)
	if r.Code != 0 {
		t.Fatalf("exit %d, stderr %s", r.Code, r.Stderr)
	}
	if r.Stdout != in.String() {
		t.Fatalf("got %d bytes, want %d", len(r.Stdout), in.Len())
	}
}

// TestStdinDoesNotHoldProcess: touching process.stdin, or pausing it after
// one chunk, must not keep gonode alive while the pipe stays open.
func TestStdinDoesNotHoldProcess(t *testing.T) {
	t.Parallel()
	for _, script := range []string{
		`process.stdin; console.log('touched')`,
		`process.stdin.once('data', (d) => { console.log('first', String(d).trim()); process.stdin.pause(); })`,
	} {
		cmd := exec.Command(testutil.Binary(t), "-e", script)
		stdin, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		var out strings.Builder
		cmd.Stdout = &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		stdin.Write([]byte("hello\n")) // and keep the pipe open
		err = testutil.WaitExit(t, cmd, 10*time.Second, func() string {
			return fmt.Sprintf("%s: still running with stdin open (output %q)", script, out.String())
		})
		if err != nil {
			t.Fatalf("%s: %v", script, err)
		}
		stdin.Close()
		if out.Len() == 0 {
			t.Fatalf("%s: no output", script)
		}
	}
}

// TestStdinKeepsProcessWhileReading: a script reading stdin waits for data
// that comes late.
func TestStdinKeepsProcessWhileReading(t *testing.T) {
	t.Parallel()
	cmd := exec.Command(testutil.Binary(t), "-e", `process.stdin.on('data', (d) => console.log('got', String(d).trim()))`)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	cmd.Stdout = &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	stdin.Write([]byte("late\n"))
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	if out.String() != "got late\n" {
		t.Fatalf("stdout %q", out.String())
	}
}
