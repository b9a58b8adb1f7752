const fs = require('fs');
const { err, log, p, step, run, fdCount } = require('./_h');
// node opens descriptors of its own on the first async call (thread
// pool): take the baseline after one.
let before;
step((next) => fs.stat('.', () => { before = fdCount(); next(); }));

fs.writeFileSync(p('a.txt'), 'héllo\n');
log('readFileSync buffer', fs.readFileSync(p('a.txt')));
log('readFileSync utf8', JSON.stringify(fs.readFileSync(p('a.txt'), 'utf8')));
log('readFileSync opts', JSON.stringify(fs.readFileSync(p('a.txt'), { encoding: 'latin1' })));
log('readFileSync hex', fs.readFileSync(p('a.txt'), 'hex'), fs.readFileSync(p('a.txt'), 'base64'));
fs.appendFileSync(p('a.txt'), Buffer.from([0xff, 0x41]));
log('after append', JSON.stringify(fs.readFileSync(p('a.txt'), 'utf8')), fs.readFileSync(p('a.txt')).length);
fs.writeFileSync(p('b.txt'), 'aGk=', 'base64');
log('base64 write', fs.readFileSync(p('b.txt'), 'utf8'));
fs.writeFileSync(p('c.txt'), new Uint8Array([49, 50, 51]));
log('uint8array write', fs.readFileSync(p('c.txt'), 'utf8'));
try { fs.writeFileSync(p('c.txt'), 'x', { flag: 'wx' }); } catch (e) { err('writeFileSync wx', e); }
try { fs.readFileSync(p('missing.txt')); } catch (e) { err('readFileSync missing', e); }
try { fs.readFileSync(p('')); } catch (e) { err('readFileSync dir', e); }
try { fs.writeFileSync(p('no/such/dir.txt'), 'x'); } catch (e) { err('writeFileSync missing dir', e); }
try { fs.readFileSync(p('a.txt'), 'nope-enc'); } catch (e) { err('readFileSync bad encoding', e); }
const fd = fs.openSync(p('a.txt'), 'r');
log('readFileSync fd', JSON.stringify(fs.readFileSync(fd, 'utf8').slice(0, 5)));
fs.closeSync(fd);

step((next) => {
  fs.readFile(p('a.txt'), 'utf8', (e, d) => {
    log('readFile cb', e, JSON.stringify(d));
    fs.readFile(p('missing.txt'), (e2, d2) => {
      err('readFile missing', e2);
      log('readFile missing data', d2);
      next();
    });
  });
});
step((next) => {
  fs.writeFile(p('d.txt'), 'one', (e) => {
    log('writeFile cb', e);
    fs.appendFile(p('d.txt'), '+two', 'utf8', (e2) => {
      log('appendFile cb', e2, fs.readFileSync(p('d.txt'), 'utf8'));
      fs.writeFile(p('d.txt'), 'x', { flag: 'wx' }, (e3) => { err('writeFile wx', e3); next(); });
    });
  });
});
step(async (next) => {
  await fs.promises.writeFile(p('e.txt'), 'promised');
  await fs.promises.appendFile(p('e.txt'), '!');
  log('promises readFile', await fs.promises.readFile(p('e.txt'), 'utf8'), (await fs.promises.readFile(p('e.txt'))).length);
  try { await fs.promises.readFile(p('nope')); } catch (e) { err('promises readFile missing', e); }
  try { await fs.promises.writeFile(p('e.txt'), 'x', { flag: 'wx' }); } catch (e) { err('promises writeFile wx', e); }
  const fsp = require('fs/promises');
  log('fs/promises is fs.promises', fsp === fs.promises, typeof fsp.readFile);
  next();
});
step(() => { log('fds back to baseline', fdCount() === before); });
run();
