package stream_test

import (
	"testing"

	"gonode/internal/difftest"
	"gonode/internal/testutil"
)

func TestMain(m *testing.M) { testutil.Main(m) }

// TestDiff compares every testdata script (event order included) under
// node v20 and gonode.
func TestDiff(t *testing.T) { difftest.RunDir(t, "testdata") }
