package posix_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"gonode/internal/testutil"
)

func TestMain(m *testing.M) { testutil.Main(m) }

// The talk's slide, as the spec has it: scripts/stat.js must be this block.
func slideBlock(t *testing.T) string {
	t.Helper()
	md, err := os.ReadFile(testutil.SpecFile("talk-comet-with-nodejs-and-v8.md"))
	if err != nil {
		t.Skip("talk text not available:", err)
	}
	s := string(md)
	start := strings.Index(s, "var stat = require(\"posix\").stat,")
	if start < 0 {
		t.Fatal("slide block not found in the talk")
	}
	end := strings.Index(s[start:], "```")
	return s[start : start+end]
}

func TestStatScriptIsTheSlide(t *testing.T) {
	got, err := os.ReadFile(testutil.Script("stat.js"))
	if err != nil {
		t.Fatal(err)
	}
	if want := slideBlock(t); string(got) != want {
		t.Fatalf("scripts/stat.js differs from the slide:\n--- got\n%q\n--- want\n%q", got, want)
	}
}

func TestStatScript(t *testing.T) {
	t.Parallel()
	st, err := os.Stat("/etc/passwd")
	if err != nil {
		t.Skip("no /etc/passwd:", err)
	}
	r := testutil.Run(t, testutil.RunOpts{Env: []string{"TZ=UTC"}}, testutil.Script("stat.js"))
	if r.Code != 0 || r.Stderr != "" {
		t.Fatalf("code %d stderr %q", r.Code, r.Stderr)
	}
	line := strings.TrimSuffix(r.Stdout, "\n")
	if strings.Count(r.Stdout, "\n") != 1 || !strings.HasPrefix(line, "modified: ") {
		t.Fatalf("stdout %q", r.Stdout)
	}
	// "Fri Nov 27 2026 06:21:20 GMT+0000 (...)": Date's toString.
	date := strings.TrimPrefix(line, "modified: ")
	if i := strings.Index(date, " ("); i >= 0 {
		date = date[:i]
	}
	got, err := time.Parse("Mon Jan 02 2006 15:04:05 GMT-0700", date)
	if err != nil {
		t.Fatalf("date %q: %v", date, err)
	}
	if want := st.ModTime().Truncate(time.Second); !got.Equal(want) {
		t.Fatalf("mtime %v, want %v", got, want)
	}
}

func TestStatScriptErrback(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(testutil.Script("stat.js"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	missing := filepath.Join(dir, "no-such-file")
	// Only the argument of stat() changes; the errback's text stays.
	changed := strings.Replace(string(src), `stat("/etc/passwd")`, `stat("`+missing+`")`, 1)
	if changed == string(src) {
		t.Fatal("could not point the script at a missing file")
	}
	script := testutil.WriteFile(t, dir, "stat.js", changed)
	r := testutil.Run(t, testutil.RunOpts{}, script)
	if r.Code != 0 || r.Stderr != "" || r.Stdout != "Could not fetch stats on /etc/passwd\n" {
		t.Fatalf("code %d stdout %q stderr %q", r.Code, r.Stdout, r.Stderr)
	}
	// The errback receives the node-shaped error.
	r = testutil.Eval(t, `require("posix").stat(`+jsString(missing)+`).addErrback(function (e) {
		require("sys").puts([e instanceof Error, e.message, e.errno, e.code, e.syscall, e.path].join("|"));
	})`)
	want := "true|ENOENT: no such file or directory, stat '" + missing + "'|-2|ENOENT|stat|" + missing + "\n"
	if r.Stdout != want {
		t.Fatalf("got %q want %q (stderr %q)", r.Stdout, want, r.Stderr)
	}
}

func jsString(s string) string {
	return `"` + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), `"`, `\"`) + `"`
}

func TestEveryCall(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	r := testutil.Run(t, testutil.RunOpts{}, "testdata/calls.js", dir)
	if r.Code != 0 || r.Stderr != "" {
		t.Fatalf("code %d stderr %q\nstdout:\n%s", r.Code, r.Stderr, r.Stdout)
	}
	want, err := os.ReadFile("testdata/calls.out")
	if err != nil {
		t.Fatal(err)
	}
	got := strings.ReplaceAll(r.Stdout, dir, "DIR")
	if got != string(want) {
		diff(t, got, string(want))
	}
	// What the script left on disk is what it said it wrote.
	b, err := os.ReadFile(filepath.Join(dir, "f.txt"))
	if err != nil || string(b) != "Hello world\nbye\n" {
		t.Fatalf("f.txt = %q, %v", b, err)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Fatalf("dir holds %d entries, want only f.txt", len(ents))
	}
}

func diff(t *testing.T, got, want string) {
	t.Helper()
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			t.Fatalf("line %d:\n got  %q\n want %q\nfull output:\n%s", i+1, a, b, got)
		}
	}
}

// All 256 byte values survive a "binary" write and read, and "binary"
// writes keep only the low 8 bits of each char.
func TestBinaryEncoding(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	f := filepath.Join(dir, "bin")
	r := testutil.Run(t, testutil.RunOpts{}, "-e", `
var posix = require("posix"), sys = require("sys");
var s = ""; for (var i = 0; i < 256; i++) s += String.fromCharCode(i);
s += "\u0141\uffff"; // 0x41 and 0xff after masking
var fd = posix.open(`+jsString(f)+`, process.O_WRONLY|process.O_CREAT|process.O_TRUNC, 0644).wait();
sys.puts("wrote " + posix.write(fd, s, null, "binary").wait());
posix.close(fd).wait();
fd = posix.openSync(`+jsString(f)+`, process.O_RDONLY);
var r = posix.read(fd, 1000, 0).wait();
posix.closeSync(fd);
var ok = r[1] === 258 && r[0].length === 258;
for (var i = 0; i < 256; i++) if (r[0].charCodeAt(i) !== i) ok = false;
sys.puts("read " + r[1] + " " + ok + " " + r[0].charCodeAt(256) + " " + r[0].charCodeAt(257));
sys.puts("utf8 " + JSON.stringify(posix.catSync(`+jsString(f)+`, "utf8").slice(0, 3)));
`)
	if r.Code != 0 || r.Stdout != "wrote 258\nread 258 true 65 255\nutf8 \"\\u0000\\u0001\\u0002\"\n" {
		t.Fatalf("code %d stdout %q stderr %q", r.Code, r.Stdout, r.Stderr)
	}
	b, _ := os.ReadFile(f)
	want := make([]byte, 0, 258)
	for i := 0; i < 256; i++ {
		want = append(want, byte(i))
	}
	want = append(want, 0x41, 0xff)
	if !bytes.Equal(b, want) {
		t.Fatalf("file bytes %v", b)
	}
}

// A file call that blocks in the kernel (opening a FIFO nobody writes to)
// runs off the loop: timers keep firing meanwhile.
func TestCallsDoNotBlockTheLoop(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	p := testutil.Start(t, testutil.RunOpts{}, "-e", `
var posix = require("posix"), sys = require("sys");
var ticks = 0;
var iv = setInterval(function () { ticks++; if (ticks === 3) sys.puts("ticking"); }, 20);
posix.open(`+jsString(fifo)+`, process.O_RDONLY, 0).addCallback(function (fd) {
  posix.read(fd, 100, null, "utf8").addCallback(function (data) {
    sys.puts("read " + data + " after " + (ticks >= 3 ? "ticks" : "no ticks"));
    posix.close(fd);
    clearInterval(iv);
  });
});`)
	p.WaitLine(t, "ticking", 10*time.Second)
	w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	w.WriteString("ping")
	w.Close()
	p.WaitLine(t, "read ping after ticks", 10*time.Second)
	if code := p.Wait(t, 10*time.Second); code != 0 {
		t.Fatalf("exit code %d", code)
	}
}

// Descriptors come back: after many opens, failures and closes the
// process holds as many fds as before.
func TestFdCountReturnsToBaseline(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	testutil.WriteFile(t, dir, "a.txt", "abc")
	r := testutil.Run(t, testutil.RunOpts{Dir: dir}, "-e", `
var posix = require("posix"), sys = require("sys");
function count() { return posix.readdirSync("/proc/self/fd").length; }
var before = count(), pending = 0;
for (var i = 0; i < 50; i++) {
  pending += 3;
  posix.open("a.txt", process.O_RDONLY).addCallback(function (fd) {
    posix.read(fd, 10, 0).addCallback(function () {
      posix.close(fd).addCallback(done);
    });
  });
  posix.cat("a.txt").addCallback(done);
  posix.cat("missing.txt").addErrback(done);
  posix.open("missing.txt", process.O_RDONLY).addErrback(function () { pending--; });
  pending++;
}
function done() {
  if (--pending === 0) sys.puts("before=" + before + " after=" + count());
}
process.addListener("exit", function () { if (pending) sys.puts("pending " + pending); });
`)
	var before, after int
	if _, err := fmtSscanf(r.Stdout, &before, &after); err != nil || r.Code != 0 {
		t.Fatalf("stdout %q stderr %q: %v", r.Stdout, r.Stderr, err)
	}
	if before != after {
		t.Fatalf("fds before %d, after %d", before, after)
	}
}

// process.watchFile sees a change, hands posix.Stats for now and before,
// and unwatchFile lets the process end.
func TestWatchFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	f := testutil.WriteFile(t, dir, "watched.txt", "abc")
	old := time.Now().Add(-time.Hour)
	os.Chtimes(f, old, old)
	p := testutil.Start(t, testutil.RunOpts{}, "-e", `
var sys = require("sys"), posix = require("posix"), f = `+jsString(f)+`;
process.watchFile(f, {persistent: true, interval: 20}, function (curr, prev) {
  sys.puts("changed size " + prev.size + "->" + curr.size + " later " + (curr.mtime > prev.mtime) +
    " stats " + (curr instanceof posix.Stats) + " " + (curr.mtime instanceof Date) + " " + curr.isFile());
  process.unwatchFile(f);
});
sys.puts("watching");`)
	p.WaitLine(t, "watching", 10*time.Second)
	time.Sleep(60 * time.Millisecond)
	// One append: the poller must not see a half-done change.
	af, err := os.OpenFile(f, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := af.WriteString("defghij"); err != nil {
		t.Fatal(err)
	}
	af.Close()
	p.WaitLine(t, "changed size 3->10 later true stats true true true", 10*time.Second)
	if code := p.Wait(t, 10*time.Second); code != 0 {
		t.Fatalf("exit code %d", code)
	}
}

// A watcher with persistent: false does not keep the process alive.
func TestWatchFileNotPersistent(t *testing.T) {
	t.Parallel()
	f := testutil.WriteFile(t, t.TempDir(), "w.txt", "x")
	start := time.Now()
	r := testutil.Eval(t, `process.watchFile(`+jsString(f)+`, {persistent: false}, function () {}); require("sys").puts("set")`)
	if r.Code != 0 || r.Stdout != "set\n" || time.Since(start) > 5*time.Second {
		t.Fatalf("code %d stdout %q stderr %q", r.Code, r.Stdout, r.Stderr)
	}
}
