// Package require checks CommonJS resolution against node v20 on real
// folder layouts: package.json main and exports, node: prefixes,
// require.resolve, require.cache, node_modules lookup up the tree.
package require

import (
	"testing"

	"gonode/internal/difftest"
	"gonode/internal/testutil"
)

func TestMain(m *testing.M) { testutil.Main(m) }

// layout is a folder tree of packages exercising every resolution rule
// gonode implements.
var layout = map[string]string{
	// main, without extension, pointing at a folder, missing
	"node_modules/plain/package.json":    `{"name":"plain","main":"lib/entry"}`,
	"node_modules/plain/lib/entry.js":    `exports.name = 'plain'; exports.file = require('path').basename(__filename);`,
	"node_modules/maindir/package.json":  `{"main":"./src"}`,
	"node_modules/maindir/src/index.js":  `module.exports = 'maindir/src/index';`,
	"node_modules/nomain/index.js":       `module.exports = 'nomain/index';`,
	"node_modules/nomain/other.js":       `module.exports = 'nomain/other';`,
	"node_modules/jsonmain/package.json": `{"main":"data.json"}`,
	"node_modules/jsonmain/data.json":    `{"x": [1, 2], "y": null}`,
	"node_modules/badmain/package.json":  `{"main":"missing.js"}`,
	"node_modules/badmain/index.js":      `module.exports = 'badmain falls back to index';`,
	"node_modules/cjsext/package.json":   `{"main":"m.cjs"}`,
	"node_modules/cjsext/m.cjs":          `module.exports = 'cjs extension';`,
	// exports: string, conditions, subpaths, patterns, arrays, nesting
	"node_modules/exstr/package.json":        `{"main":"wrong.js","exports":"./right.js"}`,
	"node_modules/exstr/right.js":            `module.exports = 'exports string wins over main';`,
	"node_modules/exstr/wrong.js":            `module.exports = 'main (wrong)';`,
	"node_modules/excond/package.json":       `{"exports":{"import":"./esm.mjs","require":"./cjs.js","default":"./def.js"}}`,
	"node_modules/excond/cjs.js":             `module.exports = 'require condition';`,
	"node_modules/excond/def.js":             `module.exports = 'default condition';`,
	"node_modules/exdef/package.json":        `{"exports":{"import":"./esm.mjs","default":"./def.js"}}`,
	"node_modules/exdef/def.js":              `module.exports = 'default when no require';`,
	"node_modules/exnode/package.json":       `{"exports":{"node":{"import":"./x.mjs","require":"./node-req.js"},"default":"./browser.js"}}`,
	"node_modules/exnode/node-req.js":        `module.exports = 'nested node.require';`,
	"node_modules/exnode/browser.js":         `module.exports = 'browser (wrong)';`,
	"node_modules/exsub/package.json":        `{"exports":{".":"./main.js","./feature":"./lib/feature.js","./utils/*":"./lib/utils/*.js","./data/*.json":"./d/*.json","./package.json":"./package.json","./private/*":null}}`,
	"node_modules/exsub/main.js":             `module.exports = 'exsub main';`,
	"node_modules/exsub/lib/feature.js":      `module.exports = 'exsub feature';`,
	"node_modules/exsub/lib/utils/a.js":      `module.exports = 'exsub utils a';`,
	"node_modules/exsub/lib/utils/deep/b.js": `module.exports = 'exsub utils deep b';`,
	"node_modules/exsub/d/k.json":            `{"k": true}`,
	"node_modules/exsub/lib/hidden.js":       `module.exports = 'hidden';`,
	"node_modules/exsub/private/p.js":        `module.exports = 'private';`,
	"node_modules/exarr/package.json":        `{"exports":{".":[{"import":"./e.mjs"},"./arr.js"]}}`,
	"node_modules/exarr/arr.js":              `module.exports = 'array fallback';`,
	"node_modules/exonlyimport/package.json": `{"exports":{"import":"./e.mjs"}}`,
	"node_modules/exonlyimport/index.js":     `module.exports = 'should not load';`,
	// scoped packages, nested node_modules, lookup up the tree
	"node_modules/@scope/pkg/package.json":              `{"main":"main.js","exports":{".":"./main.js","./sub":"./sub.js"}}`,
	"node_modules/@scope/pkg/main.js":                   `module.exports = '@scope/pkg ' + require('dep');`,
	"node_modules/@scope/pkg/sub.js":                    `module.exports = '@scope/pkg/sub';`,
	"node_modules/@scope/pkg/node_modules/dep/index.js": `module.exports = 'nested dep';`,
	"node_modules/dep/index.js":                         `module.exports = 'top dep';`,
	"lib/deeper/x.js":                                   `module.exports = require('dep') + ' from lib/deeper';`,
	// relative files, folders, json, cycles, cache
	"local/index.js":   `module.exports = 'local folder index';`,
	"local/thing.json": `{"thing": 1}`,
	"local/both.js":    `module.exports = 'both.js wins over both.json';`,
	"local/both.json":  `{"wrong": true}`,
	"cycle/a.js":       "exports.loaded = false;\nconst b = require('./b');\nexports.fromB = b.sawA;\nexports.loaded = true;",
	"cycle/b.js":       "const a = require('./a');\nexports.sawA = a.loaded;",
	"counter.js":       `globalThis.__count = (globalThis.__count || 0) + 1; module.exports = { n: globalThis.__count };`,
	"main.js":          mainScript,
}

const mainScript = `
const path = require('path');
const rel = (s) => typeof s === 'string' ? path.relative(__dirname, s) || '.' : s;
function show(label, fn) {
  try { const v = fn(); console.log(label, '=>', typeof v === 'string' ? v : JSON.stringify(v)); }
  catch (e) { console.log(label, 'throws', e.code); }
}
show('plain', () => require('plain'));
show('maindir', () => require('maindir'));
show('nomain', () => require('nomain'));
show('nomain/other', () => require('nomain/other'));
show('nomain/other.js', () => require('nomain/other.js'));
show('jsonmain', () => require('jsonmain'));
show('badmain', () => require('badmain'));
show('cjsext', () => require('cjsext'));
show('exstr', () => require('exstr'));
show('exstr/wrong.js (not exported)', () => require('exstr/wrong.js'));
show('excond', () => require('excond'));
show('exdef', () => require('exdef'));
show('exnode', () => require('exnode'));
show('exsub', () => require('exsub'));
show('exsub/feature', () => require('exsub/feature'));
show('exsub/utils/a', () => require('exsub/utils/a'));
show('exsub/utils/deep/b', () => require('exsub/utils/deep/b'));
show('exsub/data/k.json', () => require('exsub/data/k.json'));
show('exsub/package.json', () => require('exsub/package.json').exports['./feature']);
show('exsub/lib/hidden.js', () => require('exsub/lib/hidden.js'));
show('exsub/private/p', () => require('exsub/private/p'));
show('exsub/nope', () => require('exsub/nope'));
show('exarr', () => require('exarr'));
show('exonlyimport', () => require('exonlyimport'));
show('@scope/pkg', () => require('@scope/pkg'));
show('@scope/pkg/sub', () => require('@scope/pkg/sub'));
show('lib/deeper', () => require('./lib/deeper/x'));
show('missing pkg', () => require('no-such-package'));
show('missing file', () => require('./no-such-file'));
show('./local', () => require('./local'));
show('./local/', () => require('./local/'));
show('./local/thing', () => require('./local/thing'));
show('./local/both', () => require('./local/both'));
show('cycle', () => require('./cycle/a'));
show('node:path is path', () => require('node:path') === require('path'));
show('node:events', () => typeof require('node:events'));
show('node:nope', () => require('node:nope'));
show('resolve plain', () => rel(require.resolve('plain')));
show('resolve exsub/feature', () => rel(require.resolve('exsub/feature')));
show('resolve @scope/pkg', () => rel(require.resolve('@scope/pkg')));
show('resolve ./local', () => rel(require.resolve('./local')));
show('resolve path', () => require.resolve('path'));
show('resolve node:path', () => require.resolve('node:path'));
show('resolve missing', () => require.resolve('no-such-package'));
show('resolve non-string', () => require.resolve(42));
show('require non-string', () => require({}));
show('require empty', () => require(''));
const c1 = require('./counter');
const c2 = require('./counter');
show('cache same object', () => c1 === c2 && c1.n);
const key = require.resolve('./counter');
show('cache has key', () => key in require.cache);
show('cache entry', () => [require.cache[key].loaded, require.cache[key].exports === c1, rel(require.cache[key].filename), rel(require.cache[key].id)]);
delete require.cache[key];
show('after delete reloads', () => require('./counter').n);
show('main', () => [require.main === module, module.id, rel(module.filename), module.loaded]);
show('children', () => module.children.map(m => rel(m.id)).slice(0, 3));
show('module.paths[0]', () => rel(module.paths[0]));
show('json cached', () => require('./local/thing') === require('./local/thing.json'));
show('plain in cache', () => Object.keys(require.cache).map(rel).filter(k => k.startsWith('node_modules/plain')));
`

// TestResolution runs main.js inside the layout under node and gonode.
func TestResolution(t *testing.T) {
	dir := t.TempDir()
	for name, content := range layout {
		testutil.WriteFile(t, dir, name, content)
	}
	difftest.Compare(t, dir+"/main.js")
}
