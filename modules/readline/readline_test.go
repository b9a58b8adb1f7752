package readline_test

import (
	"testing"

	"gonode/internal/difftest"
	"gonode/internal/testutil"
)

func TestMain(m *testing.M) { testutil.Main(m) }

// Every script in testdata prints what path returns for a grid of inputs;
// node v20 is the reference.
func TestAgainstNode(t *testing.T) { difftest.RunDir(t, "testdata") }

// process.stdin through readline, with the same input fed to both runtimes.
func TestStdinLines(t *testing.T) {
	t.Parallel()
	difftest.CompareOpts(t, "testdata/stdin/stdin.js", difftest.Options{Stdin: "first\nsecond line\r\nthird ünï\nno newline at end"})
}
