// Package npm runs real, popular, pure-JS npm packages under node v20 and
// gonode and compares what they print. The packages come from the npm
// registry, installed once per test run into one temporary folder.
package npm

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gonode/internal/difftest"
	"gonode/internal/testutil"
)

// Packages pins CommonJS versions: several of these packages went ESM-only
// in later majors (uuid 10+, marked 5+ ship ESM first), and gonode loads
// CommonJS only.
var Packages = []string{
	"lodash@4.17.21",
	"async@3.2.6",
	"uuid@9.0.1",
	"minimist@1.2.8",
	"semver@7.6.3",
	"qs@6.13.0",
	"ms@2.1.3",
	"debug@4.3.7",
	"mustache@4.2.0",
	"marked@4.3.0",
	"eventemitter3@5.0.1",
	"ws@8.18.0",
	// Beyond the list: more popular pure-JS packages.
	"chalk@4.1.2", // 5+ is ESM-only
	"commander@9.5.0",
	"dayjs@1.11.13",
	"moment@2.30.1",
	"bluebird@3.7.2",
	"underscore@1.13.7",
	"yargs@17.7.2",
	"validator@13.12.0",
	"immutable@4.3.7",
	"ramda@0.30.1",
	"ajv@6.12.6",
	"joi@17.13.3",
	"handlebars@4.7.8",
	"ejs@3.1.10",
	"js-yaml@4.1.0",
	"xml2js@0.6.2",
	"date-fns@2.30.0", // 3+ is ESM-first
	"nanoid@3.3.7",    // 4+ is ESM-only
	"jsonwebtoken@9.0.2",
	"bcryptjs@2.4.3",
	"cookie@0.6.0",
	"mime@3.0.0",
	"path-to-regexp@6.3.0",
	"iconv-lite@0.6.3",
	"csv-parse@4.16.3",
	// express over gonode's http: needs Error.captureStackTrace (depd).
	"express@4.21.2",
	"koa@2.15.3",
	"http-errors@2.0.0",
}

// knownGaps are packages that do not yet run under gonode, with why. Their
// subtests still run both runtimes; a difference is reported with t.Skip
// (and the diff), a match is logged so the entry can be deleted. Every
// other package must match node exactly.
var knownGaps = map[string]string{
	"mime": "mime@3's getExtension reads the legacy RegExp.$1, which goja does not have",
}

func TestMain(m *testing.M) { testutil.Main(m) }

// install runs one `npm install` of every package into dir.
func install(t *testing.T, dir string) {
	t.Helper()
	if _, err := exec.LookPath("npm"); err != nil {
		t.Skip("npm is not installed: real-package tests skipped")
	}
	difftest.Node(t)
	testutil.WriteFile(t, dir, "package.json", `{"name":"gonode-npm-test","private":true}`)
	args := append([]string{"install", "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error"}, Packages...)
	cmd := exec.Command("npm", args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("npm install failed: %v\n%s", err, out)
	}
}

// TestPackages copies each testdata/NAME.js next to node_modules and
// compares node's and gonode's output.
func TestPackages(t *testing.T) {
	// One folder and one `npm install` for the whole run; every package
	// script is a parallel subtest inside it, so TempDir outlives them all.
	dir := t.TempDir()
	install(t, dir)
	scripts, _ := filepath.Glob("testdata/*.js")
	sort.Strings(scripts)
	if len(scripts) < len(Packages) {
		t.Fatalf("%d scripts for %d packages", len(scripts), len(Packages))
	}
	for _, s := range scripts {
		name := strings.TrimSuffix(filepath.Base(s), ".js")
		src, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		dst := testutil.WriteFile(t, dir, name+".js", string(src))
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			report := difftest.Check(t, dst, difftest.Options{Args: []string{"--flag", "-xy", "pos"}})
			gap, known := knownGaps[name]
			switch {
			case report == "" && known:
				t.Logf("%s now matches node: remove it from knownGaps", name)
			case report == "":
			case known:
				t.Skipf("known gap (%s):\n%s", gap, report)
			default:
				t.Error(report)
			}
		})
	}
	t.Run("ws-server-gonode-client", func(t *testing.T) {
		t.Parallel()
		wsWithGonodeClient(t, dir)
	})
	t.Run("ws-client-gonode-server", func(t *testing.T) {
		t.Parallel()
		wsClientGonodeServer(t, dir)
	})
}
