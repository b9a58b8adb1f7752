const fs = require('fs');
const { err, log, p, step, run } = require('./_h');

fs.writeFileSync(p('s.txt'), '12345');
fs.utimesSync(p('s.txt'), 1000.0007, new Date(2000123));
const s = fs.statSync(p('s.txt'));
log('keys', JSON.stringify(Object.keys(s)));
log('types', Object.keys(s).map((k) => typeof s[k] + (s[k] instanceof Date ? ':Date' : '')).join(','));
log('size', s.size, s.isFile(), s.isDirectory(), s.isSymbolicLink(), s.isFIFO(), s.isSocket(), s.isBlockDevice(), s.isCharacterDevice());
log('times', s.atimeMs, s.atime.getTime(), s.mtimeMs, s.mtime.toISOString());
log('mode', (s.mode & 0o777).toString(8), s.nlink, s instanceof fs.Stats);
log('dir', fs.statSync(p('')).isDirectory());
log('chr', fs.statSync('/dev/null').isCharacterDevice());
log('throwIfNoEntry', fs.statSync(p('nope'), { throwIfNoEntry: false }), fs.lstatSync(p('nope'), { throwIfNoEntry: false }));
try { fs.statSync(p('nope')); } catch (e) { err('statSync missing', e); }
try { fs.lstatSync(p('nope')); } catch (e) { err('lstatSync missing', e); }
try { fs.statSync(p('s.txt/x')); } catch (e) { err('statSync under file', e); }
try { fs.statSync(42); } catch (e) { err('statSync number', e); }
try { fs.statSync('a\u0000b'); } catch (e) { err('statSync null byte', e); }
fs.chmodSync(p('s.txt'), 0o600);
log('chmod', (fs.statSync(p('s.txt')).mode & 0o777).toString(8));
fs.chmodSync(p('s.txt'), '644');
log('chmod string', (fs.statSync(p('s.txt')).mode & 0o777).toString(8));
fs.truncateSync(p('s.txt'), 2);
log('truncateSync', fs.readFileSync(p('s.txt'), 'utf8'));

step((next) => {
  fs.stat(p('s.txt'), (e, st) => {
    log('stat cb', e, st.size, st.isFile());
    fs.lstat(p('nope'), (e2, st2) => {
      err('lstat cb missing', e2);
      log('lstat cb missing stats', st2);
      fs.stat(p('s.txt'), { bigint: false }, (e3, st3) => { log('stat cb opts', e3, st3.size); next(); });
    });
  });
});
step(async (next) => {
  const st = await fs.promises.stat(p('s.txt'));
  log('promises stat', st.size, st instanceof fs.Stats);
  try { await fs.promises.lstat(p('nope')); } catch (e) { err('promises lstat', e); }
  next();
});
step(() => {
  try { fs.stat(p('s.txt')); } catch (e) { err('stat no cb', e); }
  try { fs.readFile(p('s.txt')); } catch (e) { err('readFile no cb', e); }
});
run();
