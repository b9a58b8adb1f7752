package child_process_test

import (
	"fmt"
	"strings"
	"testing"

	"gonode/internal/difftest"
	"gonode/internal/testutil"
)

func TestMain(m *testing.M) { testutil.Main(m) }

// Today's API: the same script under node v20 and gonode prints the same.
func TestModernMatchesNode(t *testing.T) {
	t.Parallel()
	difftest.Compare(t, "testdata/modern.js")
}

// More of today's API: shell, buffers, stdio inherit/ignore, a bad cwd,
// signals by number, big stdin, argument errors.
func TestMoreMatchesNode(t *testing.T) {
	t.Parallel()
	difftest.Compare(t, "testdata/more.js")
}

// node v0.1.21's createChildProcess and sys.exec, with stdin/stdout,
// stderr, exit codes, kill, env and a command that does not exist.
func Test2009(t *testing.T) {
	t.Parallel()
	r := testutil.Run(t, testutil.RunOpts{}, "testdata/v2009.js")
	want := `cat pid number true
cat exit 0 "hello wörld �"
cat order true true
sh exit 7 pidmatch true stderr "oops\n"
env 0 "env works\n"
kill exit 143
kill SIGKILL exit 137
missing exit 127 "execvp(): No such file or directory\n"
no error listener exit 0
exec success "out\n" "err\n"
exec failure 3 "partial\n" "bad\n"
exec wait ["waited\n",""]
`
	if r.Code != 0 || r.Stdout != want {
		t.Fatalf("code %d stderr %q\ngot:\n%s\nwant:\n%s", r.Code, r.Stderr, r.Stdout, want)
	}
}

// Many children later the process holds as many descriptors as before.
func TestNoDescriptorLeak(t *testing.T) {
	t.Parallel()
	r := testutil.Eval(t, `
const cp = require('child_process'), fs = require('posix');
const count = () => fs.readdirSync('/proc/self/fd').length;
const before = count();
let left = 40;
function done() { if (--left === 0) console.log('before=' + before + ' after=' + count()); }
for (let i = 0; i < 10; i++) {
  const c = cp.spawn('sh', ['-c', 'read x; echo $x; exit ' + i]);
  c.stdout.on('data', () => {});
  c.on('close', done);
  c.stdin.end('hi\n');
  cp.exec('echo ' + i, done);
  cp.spawn('nope-missing-cmd').on('error', () => {}).on('close', done);
  const k = cp.spawn('sleep', ['10']);
  k.on('close', done);
  setTimeout(() => k.kill(), 20);
}`)
	var before, after int
	if _, err := fmt.Sscanf(r.Stdout, "before=%d after=%d\n", &before, &after); err != nil || r.Code != 0 {
		t.Fatalf("stdout %q stderr %q: %v", r.Stdout, r.Stderr, err)
	}
	if before != after {
		t.Fatalf("fds before %d, after %d", before, after)
	}
}

// A big output through a pipe arrives whole and in order; a big input
// reaches the child whole (writes are queued off the loop).
func TestLargeStdio(t *testing.T) {
	t.Parallel()
	r := testutil.Eval(t, `
const cp = require('child_process');
const c = cp.spawn('cat');
const chunk = 'x'.repeat(1023) + '\n';
let n = 0, got = 0, lines = 0;
c.stdout.on('data', (d) => { got += d.length; });
c.on('close', (code) => console.log('code', code, 'got', got));
for (let i = 0; i < 4096; i++) c.stdin.write(chunk);
c.stdin.end();
`)
	if r.Code != 0 || strings.TrimSpace(r.Stdout) != "code 0 got 4194304" {
		t.Fatalf("code %d stdout %q stderr %q", r.Code, r.Stdout, r.Stderr)
	}
}

// A paused stdout stops gonode reading the pipe: the child blocks on it
// (it cannot finish) and its output does not pile up in memory; resuming
// delivers every byte.
func TestStdoutBackPressure(t *testing.T) {
	t.Parallel()
	r := testutil.Eval(t, `
const cp = require('child_process');
const c = cp.spawn('sh', ['-c', 'head -c 50000000 /dev/zero; echo done >&2']);
let got = 0, errOut = '';
c.stderr.on('data', (d) => { errOut += d; });
c.stdout.on('data', (d) => { got += d.length; });
c.stdout.pause();
setTimeout(() => {
  console.log('paused', got <= 1048576, 'child finished', errOut.includes('done'));
  c.stdout.resume();
}, 500);
c.on('close', (code) => console.log('close', code, got, errOut.trim()));
`)
	want := "paused true child finished false\nclose 0 50000000 done\n"
	if r.Code != 0 || r.Stdout != want {
		t.Fatalf("code %d stdout %q (want %q) stderr %q", r.Code, r.Stdout, want, r.Stderr)
	}
}
