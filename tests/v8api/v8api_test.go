// Package v8api checks the V8-specific APIs gonode emulates on goja
// (Error.captureStackTrace, Error.prepareStackTrace, Error.stackTraceLimit)
// against node v20: npm packages such as depd (express, body-parser) and
// http-errors depend on them.
package v8api

import (
	"testing"

	"gonode/internal/difftest"
	"gonode/internal/testutil"
)

func TestMain(m *testing.M) { testutil.Main(m) }

func TestAgainstNode(t *testing.T) { difftest.RunDir(t, "testdata") }
