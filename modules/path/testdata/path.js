const path = require('path');
const show = (label, fn) => { try { console.log(label, JSON.stringify(fn())); } catch (e) { console.log(label, 'throws', e.name, e.code, e.message); } };
const samples = ['', '.', '..', '/', '//', '///a', 'a', 'a/', 'a//b', '/a/b/c', '/a/b/c/', 'a/./b', 'a/../b', '../a', '../../a/b/..',
  '/..', '/../a', './a/', 'a/b/../../..', '.hidden', '/x/.hidden', 'file.tar.gz', '/p/file.', 'x/..', '/a/b.js//', 'dir/.', '..a', 'a..'];
for (const s of samples) {
  show('normalize ' + s, () => path.normalize(s));
  show('dirname ' + s, () => path.dirname(s));
  show('basename ' + s, () => path.basename(s));
  show('extname ' + s, () => path.extname(s));
  show('parse ' + s, () => path.parse(s));
  show('isAbsolute ' + s, () => path.isAbsolute(s));
}
for (const [a, b] of [['.js', '.js'], ['js', 'js'], ['/bbb', 'bbb'], ['a/.js', '.js'], ['a/b.js//', '.js'], ['x/b.js', 'b.js'], ['x.js', 's'], ['a/b.txt', '.js']])
  show('basename ' + a + ' ' + b, () => path.basename(a, b));
const joins = [[], [''], ['a', 'b'], ['/a', '/b'], ['a', '', 'b'], ['a/', '/b/'], ['..', 'a'], ['/', '..'], ['a', '../..', 'b'], ['', ''], ['./', './']];
for (const j of joins) show('join ' + JSON.stringify(j), () => path.join(...j));
const cwd = process.cwd();
const rel = (s) => typeof s === 'string' ? s.split(cwd).join('<cwd>') : s;
const resolves = [[], ['/a', 'b'], ['/a', '/b'], ['a', 'b'], ['/a/b', '../c'], ['/', '..', '..'], ['a/', ''], ['/x', './y/', 'z/..']];
for (const r of resolves) show('resolve ' + JSON.stringify(r), () => rel(path.resolve(...r)));
const rels = [['/a/b', '/a/b/c'], ['/a/b/c', '/a/b'], ['/a/b', '/x/y'], ['/', '/a'], ['/a', '/'], ['/a/b', '/a/b'], ['a', 'a/b'], ['/a/bc', '/a/b'], ['/a/b', '/a/bc']];
for (const r of rels) show('relative ' + JSON.stringify(r), () => path.relative(...r));
const fmts = [{ root: '/', dir: '/home/u', base: 'f.txt' }, { root: '/', base: 'f.txt', ext: 'ignored' }, { root: '/', name: 'f', ext: '.txt' }, { name: 'f', ext: 'txt' }, { dir: 'a', name: 'b' }, {}];
for (const f of fmts) show('format ' + JSON.stringify(f), () => path.format(f));
show('format null', () => path.format(null));
show('join number', () => path.join('a', 1));
show('basename undefined', () => path.basename(undefined));
show('resolve obj', () => path.resolve({}));
console.log(path.sep, path.delimiter, path.posix === path, path.posix.join === path.join);
console.log(path.toNamespacedPath('/a/b'));
console.log(require('node:path') === path, require('path/posix') === path.posix);
