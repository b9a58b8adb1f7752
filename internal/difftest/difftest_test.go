package difftest

import (
	"strings"
	"testing"

	"gonode/internal/testutil"
)

func TestMain(m *testing.M) { testutil.Main(m) }

// The corpus of this package checks the harness itself (console.log of
// primitives, exit codes) and doubles as a smoke test of gonode.
func TestCorpus(t *testing.T) { RunDir(t, "testdata") }

// A deliberately different pair of outputs must produce a failure that
// shows the differing lines.
func TestDiffShowsChangedLines(t *testing.T) {
	d := Diff("a\nb\nc\n", "a\nB\nc\nd\n")
	for _, want := range []string{"- b\n", "+ B\n", "+ d\n", "  a\n"} {
		if !strings.Contains(d, want) {
			t.Errorf("diff lacks %q:\n%s", want, d)
		}
	}
	if d := Diff("x\n", "x\n"); d != "" {
		t.Errorf("equal inputs gave a diff: %q", d)
	}
	if d := Diff("x \n", "x\n"); !strings.Contains(d, "- x·") {
		t.Errorf("trailing space not shown: %q", d)
	}
}

// Compare must fail (not pass) when the runtimes disagree: run it against
// a fake test and a script whose output depends on the runtime.
func TestCompareDetectsDifference(t *testing.T) {
	Node(t)
	dir := t.TempDir()
	p := testutil.WriteFile(t, dir, "diff.js", `console.log(typeof process.versions.v8 === 'string' ? 'node' : 'other');`)
	ft := &fakeT{TB: t}
	func() {
		defer func() { recover() }()
		Compare(ft, p)
	}()
	if !ft.failed {
		t.Fatal("Compare did not fail on differing outputs")
	}
	if !strings.Contains(ft.msg, "- node") || !strings.Contains(ft.msg, "+ other") {
		t.Errorf("failure message lacks the diff:\n%s", ft.msg)
	}
}

type fakeT struct {
	testing.TB
	failed bool
	msg    string
}

func (f *fakeT) Helper() {}
func (f *fakeT) Error(args ...any) {
	f.failed = true
	for _, a := range args {
		f.msg += a.(string)
	}
}
func (f *fakeT) Errorf(format string, args ...any) { f.failed = true; f.msg += format }
func (f *fakeT) Fatal(args ...any)                 { f.Error(args...); panic("fatal") }
func (f *fakeT) Fatalf(format string, args ...any) { f.Errorf(format, args...); panic("fatal") }
