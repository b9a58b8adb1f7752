package perf_hooks_test

import (
	"testing"

	"gonode/internal/difftest"
	"gonode/internal/testutil"
)

func TestMain(m *testing.M) { testutil.Main(m) }

// Every script in testdata prints what path returns for a grid of inputs;
// node v20 is the reference.
func TestAgainstNode(t *testing.T) { difftest.RunDir(t, "testdata") }
