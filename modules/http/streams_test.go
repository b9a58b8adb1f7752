package http_test

import (
	"testing"

	"gonode/internal/difftest"
)

// TestStreamsAgainstNode runs testdata/streams/*.js (http messages used as
// streams: pipe, pipeline, read(), setEncoding, finish/close order...)
// under node v20 and gonode; the outputs must be identical.
func TestStreamsAgainstNode(t *testing.T) { difftest.RunDir(t, "testdata/streams") }
