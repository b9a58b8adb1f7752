package runtime_test

import (
	"path/filepath"
	"strings"
	"testing"

	"gonode/internal/testutil"
)

// TestRequire builds a module tree in a temp dir and checks every lookup
// rule: relative and absolute files with and without .js, directories with
// index.js or package.json main, node_modules up the tree, require.paths and
// NODE_PATH, .json, one instance per file, cycles, module.exports, built-ins
// with and without node:, and what a failed lookup says.
func TestRequire(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	w := func(name, src string) string { return testutil.WriteFile(t, dir, name, src) }
	w("app/circle.js", "var PI = 3.14;\nexports.area = function (r) { return PI * r * r; };\n")
	w("app/counter.js", "exports.n = (exports.n || 0) + 1; exports.loads = (global.loads = (global.loads || 0) + 1);\n")
	w("app/replace.js", "module.exports = function () { return 'replaced'; };\nexports.ignored = true;\n")
	w("app/thisexports.js", "this.viaThis = 'yes';\n")
	w("app/data.json", `{"name": "data", "list": [1, 2]}`)
	w("app/dir/index.js", "exports.where = 'dir/index.js';\n")
	w("app/pkgdir/package.json", `{"main": "lib/main.js"}`)
	w("app/pkgdir/lib/main.js", "exports.where = 'pkgdir main';\n")
	w("app/a.js", "exports.fromA = 'a-start'; var b = require('./b'); exports.sawB = b.fromB; exports.done = true;\n")
	w("app/b.js", "var a = require('./a'); exports.fromB = 'b saw a partially: ' + a.fromA + ' done=' + a.done;\n")
	w("node_modules/uptree/index.js", "exports.where = 'node_modules up the tree';\n")
	w("app/node_modules/near/package.json", `{"name": "near", "main": "./near.js"}`)
	w("app/node_modules/near/near.js", "exports.where = 'near'; exports.filename = __filename; exports.dirname = __dirname;\n")
	w("app/node_modules/exp/package.json", `{"name": "exp", "main": "wrong.js", "exports": {".": {"import": "./esm.mjs", "require": "./cjs.js"}, "./feature": "./feature.js", "./sub/*": "./subs/*.js"}}`)
	w("app/node_modules/exp/cjs.js", "exports.where = 'exports require condition';\n")
	w("app/node_modules/exp/feature.js", "exports.where = 'exports subpath';\n")
	w("app/node_modules/exp/subs/x.js", "exports.where = 'exports pattern';\n")
	w("app/node_modules/@scope/pkg/index.js", "exports.where = 'scoped';\n")
	w("libs/frompaths.js", "exports.where = 'require.paths';\n")
	w("nodepath/fromenv.js", "exports.where = 'NODE_PATH';\n")
	abs := w("abs/absolute.js", "exports.where = 'absolute';\n")
	main := w("app/main.js", `
var sys = require("sys");
var out = [];
function p(s) { out.push(s); }
p(require("./circle").area(2).toFixed(2));
p(require("./circle.js") === require("./circle") ? "same instance" : "two instances");
p(require("./counter").loads + " " + require("./counter").loads);
p(require("./replace")());
p(require("./thisexports").viaThis);
var d = require("./data.json"); p(d.name + " " + d.list.length);
p(require("./dir").where);
p(require("./pkgdir").where);
var a = require("./a"); p(a.sawB); p("a.done=" + a.done);
p(require("uptree").where);
var near = require("near"); p(near.where + " " + (near.filename === require.resolve("near")) + " " + (near.dirname === __dirname + "/node_modules/near"));
p(require("exp").where);
p(require("exp/feature").where);
p(require("exp/sub/x").where);
p(require("@scope/pkg").where);
require.paths.unshift(__dirname + "/../libs");
p(require("frompaths").where);
p(require("fromenv").where);
p(require(`+"`"+abs+"`"+`).where);
p(require("events") === require("node:events") ? "node: prefix" : "node: prefix broken");
p(typeof require("sys").puts);
p(module.id + " " + (require.main === module) + " " + (module.filename === __filename));
p("cache has main: " + (require.cache[__filename] === module));
delete require.cache[require.resolve("./counter")];
p("reloaded: " + require("./counter").loads);
try { require("./missing"); } catch (e) { p(e.code + " | " + e.message.split("\n")[0] + " | from main.js: " + (e.message.indexOf("main.js") >= 0)); }
try { require("nopkg"); } catch (e) { p(e.message.split("\n")[0]); }
try { require("node:nosuch"); } catch (e) { p(e.message.split("\n")[0]); }
sys.puts(out.join("\n"));
`)
	r := testutil.Run(t, testutil.RunOpts{Env: []string{"NODE_PATH=" + filepath.Join(dir, "nodepath")}}, main)
	want := strings.Join([]string{
		"12.56",
		"same instance",
		"1 1",
		"replaced",
		"yes",
		"data 2",
		"dir/index.js",
		"pkgdir main",
		"b saw a partially: a-start done=undefined",
		"a.done=true",
		"node_modules up the tree",
		"near true true",
		"exports require condition",
		"exports subpath",
		"exports pattern",
		"scoped",
		"require.paths",
		"NODE_PATH",
		"absolute",
		"node: prefix",
		"function",
		". true true",
		"cache has main: true",
		"reloaded: 2",
		"MODULE_NOT_FOUND | Cannot find module './missing' | from main.js: true",
		"Cannot find module 'nopkg'",
		"No such built-in module: node:nosuch",
	}, "\n") + "\n"
	if r.Stdout != want {
		t.Errorf("got:\n%s\nwant:\n%s\nstderr:\n%s", r.Stdout, want, r.Stderr)
	}
}

// TestMainModuleErrors: a missing script or an uncaught failed require says
// what was asked for.
func TestMainModuleErrors(t *testing.T) {
	t.Parallel()
	r := testutil.Run(t, testutil.RunOpts{}, "/no/such/script.js")
	if r.Code == 0 || !strings.Contains(r.Stderr, "/no/such/script.js") {
		t.Errorf("missing script: code %d stderr %q", r.Code, r.Stderr)
	}
	r = testutil.Eval(t, `require("./definitely-missing")`)
	if r.Code != 1 || !strings.Contains(r.Stderr, "Cannot find module './definitely-missing'") || !strings.Contains(r.Stderr, "MODULE_NOT_FOUND") {
		t.Errorf("failed require: code %d stderr %q", r.Code, r.Stderr)
	}
}
