// link, chown family, fchmod, futimes/lutimes, opendir.
const fs = require('fs');
const { err, log, p } = require('./_h');
fs.writeFileSync(p('a'), 'a');
fs.linkSync(p('a'), p('hard'));
log('link', fs.statSync(p('a')).nlink, fs.readFileSync(p('hard'), 'utf8'));
try { fs.linkSync(p('a'), p('hard')); } catch (e) { err('link exists', e); }
const st = fs.statSync(p('a'));
fs.chownSync(p('a'), st.uid, st.gid);
fs.lchownSync(p('a'), st.uid, st.gid);
try { fs.chownSync(p('nope'), st.uid, st.gid); } catch (e) { err('chown missing', e); }
try { fs.chownSync(p('a'), 'x', 0); } catch (e) { err('chown bad uid', e); }
const fd = fs.openSync(p('a'), 'r+');
fs.fchmodSync(fd, 0o640);
fs.fchownSync(fd, st.uid, st.gid);
fs.futimesSync(fd, 1234, 5678.5);
const s2 = fs.fstatSync(fd);
log('fchmod/futimes', (s2.mode & 0o777).toString(8), s2.atimeMs, s2.mtimeMs);
fs.closeSync(fd);
fs.symlinkSync(p('a'), p('ln'));
fs.lutimesSync(p('ln'), 100, 200);
log('lutimes', fs.lstatSync(p('ln')).mtimeMs, fs.statSync(p('ln')).mtimeMs === s2.mtimeMs);
fs.mkdirSync(p('d'));
for (const n of ['c', 'a', 'b']) fs.writeFileSync(p('d/' + n), n);
const dir = fs.opendirSync(p('d'));
let e, names = [];
while ((e = dir.readSync()) !== null) names.push(e.name + ':' + e.isFile());
dir.closeSync();
log('opendirSync', names.join(' '));
try { dir.closeSync(); } catch (x) { log('closed twice', x.code); }
(async () => {
  const d2 = await fs.promises.opendir(p('d'));
  const seen = [];
  const it = d2[Symbol.asyncIterator]();
  for (let r = await it.next(); !r.done; r = await it.next()) seen.push(r.value.name);
  log('opendir async iterate', seen.sort().join(' '));
  fs.opendir(p('nope'), (x) => err('opendir missing', x));
})();
