package stream_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dop251/goja"

	"gonode/internal/testutil"
	_ "gonode/modules/all"
	"gonode/runtime"
)

// BenchmarkPipe runs bench/modern/stream_pipe.js (128 MiB per op)
// in-process, for profiling the stream machinery.
func BenchmarkPipe(b *testing.B) {
	src, err := os.ReadFile(filepath.Join(testutil.RepoRoot(), "bench", "modern", "stream_pipe.js"))
	if err != nil {
		b.Fatal(err)
	}
	if p := os.Getenv("JSPROF"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			b.Fatal(err)
		}
		goja.StartProfile(f)
		defer func() { goja.StopProfile(); f.Close() }()
	}
	for i := 0; i < b.N; i++ {
		l, err := runtime.New(runtime.Options{Args: []string{"gonode", "bench", "128"}, Exit: func(int) {}})
		if err != nil {
			b.Fatal(err)
		}
		if code := l.Run(func() error { _, err := l.RunEval(string(src)); return err }); code != 0 {
			b.Fatalf("exit code %d", code)
		}
	}
}
