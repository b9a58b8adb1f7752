package testutil

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// readSources opens every file the gonode binary is built from: go.mod,
// go.sum, and the non-test .go and .js files under cmd, runtime, modules
// and internal (the .js files are embedded in the binary). Why: go test
// caches a package's result keyed on its own test binary and on the files
// the test opened. An integration test runs gonode, built at test time
// from sources the test binary does not contain, so without this a change
// to, say, net.js alone left `go test ./...` reporting the old result as
// "(cached)". Opened files are hashed for the cache key, so now any change
// to the binary's sources reruns the tests that use it.
func readSources(root string) {
	touch := func(path string) {
		if f, err := os.Open(path); err == nil {
			f.Close()
		}
	}
	touch(filepath.Join(root, "go.mod"))
	touch(filepath.Join(root, "go.sum"))
	for _, dir := range []string{"cmd", "runtime", "modules", "internal"} {
		filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // a folder that is not there: nothing to note
			}
			name := d.Name()
			if d.IsDir() {
				if name == "testdata" || strings.HasPrefix(name, ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasSuffix(name, ".js") || (strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go")) {
				touch(path)
			}
			return nil
		})
	}
}
