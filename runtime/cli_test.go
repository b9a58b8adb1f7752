package runtime_test

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"gonode/internal/testutil"
)

func TestMain(m *testing.M) { testutil.Main(m) }

// TestScripts runs each testdata/NAME.js and compares stdout with NAME.out.
func TestScripts(t *testing.T) {
	t.Parallel()
	outs, _ := filepath.Glob("testdata/*.out")
	if len(outs) == 0 {
		t.Fatal("no testdata/*.out files")
	}
	for _, out := range outs {
		name := strings.TrimSuffix(filepath.Base(out), ".out")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			want, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			r := testutil.Run(t, testutil.RunOpts{}, filepath.Join("testdata", name+".js"))
			if r.Code != 0 {
				t.Fatalf("exit code %d, stderr:\n%s", r.Code, r.Stderr)
			}
			if r.Stdout != string(want) {
				t.Errorf("stdout differs\n--- got\n%s\n--- want\n%s", r.Stdout, want)
			}
		})
	}
}

// TestOrderingMatchesNode: timers, immediates, nextTick and promise jobs run
// in node's order. Compared with the installed node directly.
func TestOrderingMatchesNode(t *testing.T) {
	t.Parallel()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed; the differential check needs it")
	}
	want, err := exec.Command(node, "testdata/ordering.js").Output()
	if err != nil {
		t.Fatal(err)
	}
	r := testutil.Run(t, testutil.RunOpts{}, "testdata/ordering.js")
	if r.Stdout != string(want) {
		t.Errorf("gonode:\n%s\nnode:\n%s", r.Stdout, want)
	}
}

func TestVersionAndHelp(t *testing.T) {
	t.Parallel()
	r := testutil.Run(t, testutil.RunOpts{}, "--version")
	if r.Code != 0 || !strings.HasPrefix(r.Stdout, "gonode v") {
		t.Errorf("--version: code %d, %q", r.Code, r.Stdout)
	}
	r = testutil.Run(t, testutil.RunOpts{}, "--help")
	if r.Code != 0 || !strings.Contains(r.Stdout, "Usage: gonode") || !strings.Contains(r.Stdout, "-e, --eval") {
		t.Errorf("--help: code %d, %q", r.Code, r.Stdout)
	}
	r = testutil.Run(t, testutil.RunOpts{}, "--no-such-flag")
	if r.Code != 9 || !strings.Contains(r.Stderr, "bad option") {
		t.Errorf("bad flag: code %d, stderr %q", r.Code, r.Stderr)
	}
}

func TestArgvAndEval(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	script := testutil.WriteFile(t, dir, "argv.js", `require("sys").puts(JSON.stringify(process.argv.slice(1)) + " " + (process.ARGV === process.argv));`)
	r := testutil.Run(t, testutil.RunOpts{}, script, "a", "b c")
	want := `["` + script + `","a","b c"] true` + "\n"
	if r.Stdout != want {
		t.Errorf("argv: got %q want %q", r.Stdout, want)
	}
	r = testutil.Eval(t, `console.log("%s=%d %j %i", "x", 42, {a:[1]}, 3.9, "extra")`)
	if r.Stdout != "x=42 {\"a\":[1]} 3 extra\n" {
		t.Errorf("-e/console format: %q", r.Stdout)
	}
	r = testutil.Run(t, testutil.RunOpts{}, "-p", "[1, 2].map(function (x) { return x * 2 })")
	if r.Stdout != "[ 2, 4 ]\n" {
		t.Errorf("-p: %q", r.Stdout)
	}
}

func TestExitCodes(t *testing.T) {
	t.Parallel()
	cases := []struct {
		code     string
		wantCode int
		wantOut  string
	}{
		{`process.addListener("exit", function (c) { console.log("exit", c) })`, 0, "exit 0\n"},
		{`process.on("exit", function (c) { console.log("exit", c) }); process.exit(3); console.log("not reached")`, 3, "exit 3\n"},
		{`process.on("exit", function (c) { console.log("exit", c) }); setTimeout(function () { throw new Error("late") }, 5)`, 1, "exit 1\n"},
		{`process.exitCode = 4`, 4, ""},
		{`setTimeout(function () { console.log("timer kept it alive") }, 30)`, 0, "timer kept it alive\n"},
		{`Promise.reject(new Error("nobody catches"))`, 1, ""},
		{`process.on("unhandledRejection", function (r) { console.log("handled", r.message) }); Promise.reject(new Error("x"))`, 0, "handled x\n"},
	}
	for _, c := range cases {
		r := testutil.Eval(t, c.code)
		if r.Code != c.wantCode || r.Stdout != c.wantOut {
			t.Errorf("%s\n got code %d stdout %q stderr %q\nwant code %d stdout %q", c.code, r.Code, r.Stdout, r.Stderr, c.wantCode, c.wantOut)
		}
	}
}

func TestUncaughtExceptionReport(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	script := testutil.WriteFile(t, dir, "boom.js", "var x = 1;\nfunction f() {\n  throw new Error(\"boom\");\n}\nf();\n")
	r := testutil.Run(t, testutil.RunOpts{}, script)
	if r.Code != 1 {
		t.Fatalf("code %d", r.Code)
	}
	for _, want := range []string{
		script + ":3\n",
		"  throw new Error(\"boom\");\n        ^\n",
		"Error: boom\n",
		"at f (" + script + ":3:9)",
		script + ":5:2",
	} {
		if !strings.Contains(r.Stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.Stderr)
		}
	}
}

func TestUncaughtExceptionListenerKeepsRunning(t *testing.T) {
	t.Parallel()
	r := testutil.Eval(t, `
var n = 0;
process.addListener("uncaughtException", function (e) { console.log("caught", e.message); });
var iv = setInterval(function () { n++; if (n === 3) { clearInterval(iv); console.log("still running"); return; } throw new Error("tick " + n); }, 2);
process.nextTick(function () { throw new Error("from nextTick"); });`)
	want := "caught from nextTick\ncaught tick 1\ncaught tick 2\nstill running\n"
	if r.Code != 0 || r.Stdout != want {
		t.Errorf("code %d stdout %q stderr %q", r.Code, r.Stdout, r.Stderr)
	}
}

func TestSyntaxErrorReport(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	script := testutil.WriteFile(t, dir, "bad.js", "var a = 1;\nfoo(;\n")
	r := testutil.Run(t, testutil.RunOpts{}, script)
	if r.Code != 1 {
		t.Fatalf("code %d", r.Code)
	}
	for _, want := range []string{script + ":2\n", "foo(;\n    ^\n", "SyntaxError: Unexpected token ;", script + ":2:5"} {
		if !strings.Contains(r.Stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.Stderr)
		}
	}
	// A syntax error in a required module is a catchable SyntaxError.
	testutil.WriteFile(t, dir, "lib.js", "exports.x = ;\n")
	main := testutil.WriteFile(t, dir, "main.js", `try { require("./lib") } catch (e) { console.log(e.name, e.message.indexOf("lib.js:1") >= 0) }`)
	r = testutil.Run(t, testutil.RunOpts{}, main)
	if r.Stdout != "SyntaxError true\n" {
		t.Errorf("required syntax error: %q %q", r.Stdout, r.Stderr)
	}
}

func TestREPL(t *testing.T) {
	t.Parallel()
	in := strings.Join([]string{
		"1 + 1",
		"var q = 5",
		"q * 2",
		"function g() {",
		"  return 7 }",
		"g()",
		"_ + 1",
		"{a: [1, 'x']}",
		"throw new Error('oops')",
		"setTimeout(function () { console.log('timer from repl') }, 1)",
		".exit",
	}, "\n") + "\n"
	r := testutil.Run(t, testutil.RunOpts{Stdin: in})
	if r.Code != 0 {
		t.Fatalf("code %d stderr %s", r.Code, r.Stderr)
	}
	for _, want := range []string{"> 2\n", "> undefined\n", "> 10\n", "... undefined\n", "> 7\n", "> 8\n",
		"{\n \"a\": [\n  1,\n  \"x\"\n ]\n}\n", "Uncaught Error: oops"} {
		if !strings.Contains(r.Stdout, want) {
			t.Errorf("REPL output lacks %q:\n%s", want, r.Stdout)
		}
	}
	// Ctrl-D (end of input) leaves too, after pending timers.
	r = testutil.Run(t, testutil.RunOpts{Stdin: "setTimeout(function () { console.log('done') }, 20)\n"})
	if r.Code != 0 || !strings.Contains(r.Stdout, "done") {
		t.Errorf("EOF: code %d %q", r.Code, r.Stdout)
	}
}

func TestSignalListenerReplacesDefault(t *testing.T) {
	t.Parallel()
	p := testutil.Start(t, testutil.RunOpts{}, "-e", `
var iv = setInterval(function () {}, 1000);
process.addListener("SIGINT", function () { console.log("got SIGINT"); clearInterval(iv); });
console.log("ready");`)
	p.WaitLine(t, "ready", 10*time.Second)
	p.Cmd.Process.Signal(syscall.SIGINT)
	p.WaitLine(t, "got SIGINT", 10*time.Second)
	if code := p.Wait(t, 10*time.Second); code != 0 {
		t.Errorf("exit code %d", code)
	}
	// Without a listener SIGINT ends the process.
	q := testutil.Start(t, testutil.RunOpts{}, "-e", `setInterval(function () {}, 1000); console.log("ready")`)
	q.WaitLine(t, "ready", 10*time.Second)
	q.Cmd.Process.Signal(syscall.SIGINT)
	q.Wait(t, 10*time.Second)
}

func TestProcessObject(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	r := testutil.Run(t, testutil.RunOpts{Env: []string{"GONODE_TEST_VAR=hello"}}, "-e", `
var sys = require("sys");
sys.puts(process.ENV.GONODE_TEST_VAR + " " + (process.env === process.ENV));
sys.puts(typeof process.pid + " " + (process.pid > 0) + " " + process.platform);
sys.puts(process.version.charAt(0) + " " + typeof process.versions.gonode);
process.chdir(`+"`"+dir+"`"+`);
sys.puts(process.cwd());
try { process.chdir("/no/such/dir"); } catch (e) { sys.puts(e.code + " " + e.syscall); }
var old = process.umask(0o027); sys.puts("umask " + process.umask(old).toString(8));
var m = process.memoryUsage(); sys.puts(["rss", "vsize", "heapTotal", "heapUsed"].map(function (k) { return k + ":" + (typeof m[k] === "number" && m[k] > 0); }).join(" "));
sys.puts(JSON.stringify(process.mixin({a: 1}, {b: 2}, {c: undefined})));
sys.puts(JSON.stringify(process.mixin(true, {}, {deep: {x: [1, 2]}})));
process.mixin({mixedIntoGlobal: 7}); sys.puts(mixedIntoGlobal);
sys.puts(process.compile("1 + 2", "sum.js"));
try { process.compile("1 +", "broken.js"); } catch (e) { sys.puts(e.name + " " + (e.message.indexOf("broken.js") >= 0)); }
sys.puts(process.kill(process.pid, 0) + " " + typeof process.O_CREAT + " " + typeof process.S_IFDIR);
try { process.kill(process.pid, "SIGNOPE"); } catch (e) { sys.puts(e.code); }
process.nextTick(function (a) { sys.puts("nextTick " + a); }, "arg");
sys.puts(typeof GLOBAL + " " + (GLOBAL === global) + " " + (typeof __filename));
`)
	want := strings.Join([]string{
		"hello true",
		"number true linux",
		"v string",
		dir,
		"ENOENT chdir",
		"umask 27",
		"rss:true vsize:true heapTotal:true heapUsed:true",
		`{"a":1,"b":2}`,
		`{"deep":{"x":[1,2]}}`,
		"7",
		"3",
		"SyntaxError true",
		"true number number",
		"ERR_UNKNOWN_SIGNAL",
		"object true string",
		"nextTick arg",
	}, "\n") + "\n"
	if r.Stdout != want {
		t.Errorf("got:\n%s\nwant:\n%s\nstderr:%s", r.Stdout, want, r.Stderr)
	}
}

// TestStdio2009: process.stdio.open() delivers stdin as "data" events, then
// "close" at end of input; close() lets the process exit with input pending.
func TestStdio2009(t *testing.T) {
	t.Parallel()
	r := testutil.Run(t, testutil.RunOpts{Stdin: "line one\nline two\n"}, "-e", `
var got = "";
process.stdio.open("utf8");
process.stdio.addListener("data", function (d) { got += d; });
process.stdio.addListener("close", function () { process.stdio.write("closed: " + JSON.stringify(got) + "\n"); });
process.stdio.writeError("to stderr\n");`)
	if r.Code != 0 || r.Stdout != "closed: \"line one\\nline two\\n\"\n" || r.Stderr != "to stderr\n" {
		t.Errorf("code %d stdout %q stderr %q", r.Code, r.Stdout, r.Stderr)
	}
	p := testutil.Start(t, testutil.RunOpts{Stdin: "first\n"}, "-e", `
process.stdio.open();
process.stdio.addListener("data", function (d) { process.stdio.write("got " + d); process.stdio.close(); });`)
	p.WaitLine(t, "got first", 10*time.Second)
	if code := p.Wait(t, 10*time.Second); code != 0 {
		t.Errorf("exit code %d", code)
	}
}

func TestProcessIdentity(t *testing.T) {
	t.Parallel()
	r := testutil.Eval(t, `
var u = process.cpuUsage(); for (var i = 0; i < 1e5; i++) {}
var d = process.cpuUsage(u);
console.log(process.getuid() === process.geteuid(), typeof process.getgid(), typeof process.getegid(),
  Array.isArray(process.getgroups()), d.user >= 0 && d.system >= 0, typeof process.argv0);`)
	if r.Stdout != "true number number true true string\n" {
		t.Errorf("got %q, stderr %q", r.Stdout, r.Stderr)
	}
}

// TestDefaultSignalActionsAsNode: with no JS listener, a signal whose
// default action ends a process ends gonode by that signal, as node
// (which resets every signal's action at start): also when the parent
// started it with the signal ignored (a non-interactive shell's `cmd &`),
// for the signals the Go runtime would drop (SIGUSR2, SIGALRM), and for
// SIGQUIT without Go's goroutine dump. A listener replaces the action.
func TestDefaultSignalActionsAsNode(t *testing.T) {
	t.Parallel()
	bin := testutil.Binary(t)
	cases := []struct {
		sig     syscall.Signal
		trap    string // the shell ignores it before exec
		listens bool
	}{
		{syscall.SIGINT, "INT", false},
		{syscall.SIGHUP, "HUP", false},
		{syscall.SIGINT, "", false},
		{syscall.SIGUSR2, "", false},
		{syscall.SIGALRM, "", false},
		{syscall.SIGQUIT, "", false},
		{syscall.SIGUSR2, "USR2", true},
	}
	for _, c := range cases {
		script := `setInterval(function () {}, 1000); console.log("ready")`
		if c.listens {
			script = `var iv = setInterval(function () {}, 1000);
process.on("` + unix.SignalName(c.sig) + `", function () { console.log("heard"); clearInterval(iv); });
console.log("ready")`
		}
		shell := "exec " + bin + " -e '" + script + "'"
		if c.trap != "" {
			shell = "trap '' " + c.trap + "; " + shell
		}
		p := testutil.Start(t, testutil.RunOpts{Bin: "sh"}, "-c", shell)
		p.WaitLine(t, "ready", 10*time.Second)
		p.Cmd.Process.Signal(c.sig)
		code := p.Wait(t, 10*time.Second)
		name := unix.SignalName(c.sig)
		if c.trap != "" {
			name += " (ignored by the parent)"
		}
		if c.listens {
			p.WaitLine(t, "heard", 5*time.Second)
			if code != 0 {
				t.Errorf("%s with a listener: exit code %d, want 0", name, code)
			}
			continue
		}
		ws, _ := p.Cmd.ProcessState.Sys().(syscall.WaitStatus)
		if !ws.Signaled() || ws.Signal() != c.sig {
			t.Errorf("%s: process ended with %v (code %d), want killed by the signal\nstderr:\n%s", name, p.Cmd.ProcessState, code, p.Stderr())
		}
		if strings.Contains(p.Stderr(), "goroutine") {
			t.Errorf("%s: Go's stack dump on stderr:\n%s", name, p.Stderr())
		}
	}
}

// TestStdoutEPIPEAsNode: a reader that goes away (`gonode script.js | head`)
// makes stdout's writes fail with EPIPE, as in node (SIGPIPE does not kill):
// process.stdout emits 'error' (a listener decides what happens; without one
// the error is uncaught, exit 1). Both runtimes run the same scripts.
func TestStdoutEPIPEAsNode(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not installed")
	}
	scripts := []struct{ name, src string }{
		{"no listener", `var i = 0; setInterval(function () { console.log("line " + i++); }, 2);`},
		{"listener", `process.stdout.on("error", function (e) {
  process.stderr.write("stdout error " + e.code + " " + e.syscall + "\n"); process.exit(3);
});
var i = 0; setInterval(function () { console.log("line " + i++); }, 2);`},
	}
	for _, s := range scripts {
		for _, bin := range []string{testutil.Binary(t), "node"} {
			cmd := exec.Command(bin, "-e", s.src)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			buf := make([]byte, 64)
			if _, err := io.ReadAtLeast(out, buf, 8); err != nil {
				t.Fatalf("%s %s: no output: %v", s.name, bin, err)
			}
			out.Close() // the reader goes away
			testutil.WaitExit(t, cmd, 10*time.Second, func() string {
				return fmt.Sprintf("%s %s: still running 10 s after its reader left", s.name, filepath.Base(bin))
			})
			ws := cmd.ProcessState.Sys().(syscall.WaitStatus)
			if ws.Signaled() {
				t.Errorf("%s %s: killed by %v, want an exit", s.name, filepath.Base(bin), ws.Signal())
				continue
			}
			want, wantErr := 1, "write EPIPE"
			if s.name == "listener" {
				want, wantErr = 3, "stdout error EPIPE write"
			}
			if ws.ExitStatus() != want || !strings.Contains(stderr.String(), wantErr) {
				t.Errorf("%s %s: exit %d, stderr %q; want exit %d and %q", s.name, filepath.Base(bin), ws.ExitStatus(), stderr.String(), want, wantErr)
			}
		}
	}
}
