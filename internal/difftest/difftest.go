// Package difftest runs a JavaScript file under Node v20 (`node` on PATH)
// and under the gonode binary, and fails the test with a readable diff
// when stdout or the exit code differ. Node is the reference for every
// behaviour of today's vocabulary, so a corpus of small scripts that print
// what they observe is the cheapest way to pin gonode to it.
//
//	func TestMain(m *testing.M) { testutil.Main(m) }
//	func TestCorpus(t *testing.T) { difftest.RunDir(t, "testdata") }
//	func TestOne(t *testing.T)    { difftest.Compare(t, "testdata/x.js") }
//
// Only stdout and the exit code are compared: stderr carries stacks whose
// frames legitimately differ. Scripts run with their own folder as the
// working directory, so relative requires and files resolve the same way.
package difftest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"gonode/internal/testutil"
)

// Timeout bounds each single run of a script (node or gonode).
var Timeout = 60 * time.Second

// Output is what one runtime produced for a script.
type Output struct {
	Stdout, Stderr string
	Code           int
}

// Options tune CompareOpts.
type Options struct {
	Args []string // extra arguments after the script path
	Env  []string // extra environment, KEY=VALUE
	Dir  string   // working directory; default: the script's folder
	// Stdin is fed to the script's standard input (both runtimes get the
	// same bytes); empty means no input (EOF at once).
	Stdin string
}

// Compare runs script under node and gonode and fails t when stdout or
// the exit code differ. It skips the test when node is not installed.
func Compare(t testing.TB, script string) {
	t.Helper()
	CompareOpts(t, script, Options{})
}

// CompareOpts is Compare with arguments, environment or working directory.
func CompareOpts(t testing.TB, script string, o Options) {
	t.Helper()
	if report := Check(t, script, o); report != "" {
		t.Error(report)
	}
}

// Check runs script under node and gonode and returns "" when stdout and
// exit code agree, or a readable report of the difference. It is for
// tests that record known gaps (t.Skip with the report) instead of failing.
func Check(t testing.TB, script string, o Options) string {
	t.Helper()
	nodeBin := Node(t)
	abs, err := filepath.Abs(script)
	if err != nil {
		t.Fatal(err)
	}
	if o.Dir == "" {
		o.Dir = filepath.Dir(abs)
	}
	gonodeBin := testutil.Binary(t)
	// Both runtimes run at once: halves wall time for slow scripts.
	type res struct {
		out Output
		err error
	}
	nc := make(chan res, 1)
	go func() {
		out, err := run(nodeBin, abs, o)
		nc <- res{out, err}
	}()
	got, gerr := run(gonodeBin, abs, o)
	n := <-nc
	if n.err != nil {
		t.Fatalf("node %s: %v", script, n.err)
	}
	if gerr != nil {
		return fmt.Sprintf("gonode %s: %v", script, gerr)
	}
	want := n.out
	if got.Stdout == want.Stdout && got.Code == want.Code {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: gonode differs from node\n", script)
	if got.Code != want.Code {
		fmt.Fprintf(&b, "exit code: node %d, gonode %d\n", want.Code, got.Code)
	}
	if got.Stdout != want.Stdout {
		b.WriteString("stdout diff (- node, + gonode):\n")
		b.WriteString(Diff(want.Stdout, got.Stdout))
	}
	if got.Stderr != "" {
		fmt.Fprintf(&b, "gonode stderr:\n%s", indent(clip(got.Stderr, 4000)))
	}
	if want.Stderr != "" && got.Code != want.Code {
		fmt.Fprintf(&b, "node stderr:\n%s", indent(clip(want.Stderr, 4000)))
	}
	return b.String()
}

// RunDir makes every *.js file directly inside dir a parallel subtest
// comparing node and gonode. Files whose name starts with "_" are helpers
// (required by others) and are not run on their own.
func RunDir(t *testing.T, dir string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.js"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	n := 0
	for _, f := range files {
		name := filepath.Base(f)
		if strings.HasPrefix(name, "_") {
			continue
		}
		n++
		f := f
		t.Run(strings.TrimSuffix(name, ".js"), func(t *testing.T) {
			t.Parallel()
			Compare(t, f)
		})
	}
	if n == 0 {
		t.Fatalf("no *.js scripts in %s", dir)
	}
}

// Node returns the path of the reference node binary, skipping the test
// when there is none. GONODE_REF_NODE overrides the lookup.
func Node(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("GONODE_REF_NODE"); p != "" {
		return p
	}
	p, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node (v20) is not installed: differential test skipped")
	}
	return p
}

// Run runs one script with bin (node or gonode) and returns what it
// printed; exposed for tests that need to post-process outputs.
func Run(t testing.TB, bin, script string, o Options) Output {
	t.Helper()
	abs, err := filepath.Abs(script)
	if err != nil {
		t.Fatal(err)
	}
	if o.Dir == "" {
		o.Dir = filepath.Dir(abs)
	}
	out, err := run(bin, abs, o)
	if err != nil {
		t.Fatalf("%s %s: %v", bin, script, err)
	}
	return out
}

func run(bin, script string, o Options) (Output, error) {
	ctx, cancel := context.WithTimeout(context.Background(), Timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, append([]string{script}, o.Args...)...)
	cmd.Dir = o.Dir
	// NO_COLOR keeps util.inspect / console.log free of ANSI colours in node
	// even if a terminal sneaks in; the rest pins locale-ish behaviour.
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "NODE_DISABLE_COLORS=1", "TZ=UTC", "FORCE_COLOR=0")
	cmd.Env = append(cmd.Env, o.Env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	cmd.Stdin = strings.NewReader(o.Stdin)
	err := cmd.Run()
	if ctx.Err() != nil {
		return Output{}, fmt.Errorf("timed out after %v\nstdout:\n%s\nstderr:\n%s", Timeout, clip(out.String(), 4000), clip(errb.String(), 4000))
	}
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		return Output{}, err
	}
	return Output{out.String(), errb.String(), code}, nil
}

// Diff renders a line diff of a against b (- a, + b) with a little context,
// using a longest-common-subsequence over lines: outputs are small.
func Diff(a, b string) string {
	al := splitLines(a)
	bl := splitLines(b)
	n, m := len(al), len(bl)
	if n*m > 4_000_000 { // too big for LCS: show both heads
		return "--- node (first 2000 bytes)\n" + clip(a, 2000) + "\n+++ gonode (first 2000 bytes)\n" + clip(b, 2000) + "\n"
	}
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if al[i] == bl[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else if lcs[i+1][j] >= lcs[i][j+1] {
				lcs[i][j] = lcs[i+1][j]
			} else {
				lcs[i][j] = lcs[i][j+1]
			}
		}
	}
	type line struct {
		op   byte
		text string
	}
	var ops []line
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && al[i] == bl[j]:
			ops = append(ops, line{' ', al[i]})
			i++
			j++
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			ops = append(ops, line{'+', bl[j]})
			j++
		default:
			ops = append(ops, line{'-', al[i]})
			i++
		}
	}
	// Print changed lines with 2 lines of context.
	const ctx = 2
	keep := make([]bool, len(ops))
	for k, o := range ops {
		if o.op != ' ' {
			for c := max(0, k-ctx); c <= min(len(ops)-1, k+ctx); c++ {
				keep[c] = true
			}
		}
	}
	var sb strings.Builder
	skipped := false
	for k, o := range ops {
		if !keep[k] {
			skipped = true
			continue
		}
		if skipped {
			sb.WriteString("  ...\n")
			skipped = false
		}
		fmt.Fprintf(&sb, "%c %s\n", o.op, visible(o.text))
	}
	return sb.String()
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.Split(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	} else {
		lines[len(lines)-1] += "⏎(no newline at end)"
	}
	return lines
}

// visible shows trailing spaces and control characters, which otherwise
// make two lines that differ look the same.
func visible(s string) string {
	s = strings.ReplaceAll(s, "\r", `\r`)
	s = strings.ReplaceAll(s, "\t", `\t`)
	if t := strings.TrimRight(s, " "); len(t) != len(s) {
		s = t + strings.Repeat("·", len(s)-len(t))
	}
	return s
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "\n…(clipped)"
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n    ") + "\n"
}
