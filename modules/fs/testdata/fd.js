const fs = require('fs');
const { err, log, p, step, run, fdCount } = require('./_h');
// node opens descriptors of its own on the first async call (thread
// pool): take the baseline after one.
let before;
step((next) => fs.stat('.', () => { before = fdCount(); next(); }));

const fd = fs.openSync(p('f.txt'), 'w+');
log('open', typeof fd, fd > 2);
log('writeSync string', fs.writeSync(fd, 'hello world'));
log('writeSync buffer', fs.writeSync(fd, Buffer.from('XYZ'), 1, 2));
log('writeSync position', fs.writeSync(fd, 'H', 0));
log('writeSync string pos enc', fs.writeSync(fd, '6869', 20, 'hex'));
const buf = Buffer.alloc(30, '.');
log('readSync', fs.readSync(fd, buf, 2, 10, 0), JSON.stringify(buf.toString('latin1')));
log('readSync opts', fs.readSync(fd, buf, { offset: 0, length: 5, position: 6 }), buf.toString('utf8', 0, 5));
log('readSync eof', fs.readSync(fd, buf, 0, 5, 1000));
log('fstatSync', fs.fstatSync(fd).size, fs.fstatSync(fd).isFile());
fs.ftruncateSync(fd, 4);
log('ftruncateSync', fs.fstatSync(fd).size);
fs.closeSync(fd);
try { fs.closeSync(fd); } catch (e) { err('closeSync twice', e); }
try { fs.readSync(fd, buf, 0, 1, 0); } catch (e) { err('readSync closed', e); }
try { fs.writeSync(fd, 'x'); } catch (e) { err('writeSync closed', e); }
try { fs.fstatSync(fd); } catch (e) { err('fstatSync closed', e); }
try { fs.openSync(p('missing/x'), 'r'); } catch (e) { err('openSync missing', e); }
try { fs.openSync(p('f.txt'), 'wx'); } catch (e) { err('openSync wx', e); }
try { fs.openSync(p('f.txt'), 'bogus'); } catch (e) { err('openSync bad flags', e); }
try { fs.readSync(fd, 'notabuffer', 0, 1, 0); } catch (e) { err('readSync bad buffer', e); }
try { fs.closeSync('3'); } catch (e) { err('closeSync string fd', e); }
try { fs.readSync(-1, buf, 0, 1, 0); } catch (e) { err('readSync negative fd', e); }

step((next) => {
  fs.open(p('g.txt'), 'w', (e, fd2) => {
    log('open cb', e, typeof fd2);
    fs.write(fd2, Buffer.from('abcdef'), 0, 6, null, (e2, n, b) => {
      log('write cb', e2, n, Buffer.isBuffer(b), b.toString());
      fs.write(fd2, 'ghi', (e3, n3, s3) => {
        log('write string cb', e3, n3, s3);
        fs.close(fd2, (e4) => {
          log('close cb', e4);
          fs.close(fd2, (e5) => { err('close cb twice', e5); next(); });
        });
      });
    });
  });
});
step((next) => {
  fs.open(p('g.txt'), (e, fd3) => {
    const b = Buffer.alloc(4);
    fs.read(fd3, b, 0, 4, 2, (e2, n, bb) => {
      log('read cb', e2, n, bb === b, b.toString());
      fs.read(fd3, b, 0, 4, null, (e3, n3) => {
        log('read current', e3, n3, b.toString());
        fs.fstat(fd3, (e4, st) => {
          log('fstat cb', e4, st.size);
          fs.closeSync(fd3);
          fs.read(fd3, b, 0, 1, 0, (e5) => { err('read cb closed', e5); next(); });
        });
      });
    });
  });
});
step((next) => {
  fs.open(p('missing/y'), 'r', (e) => { err('open cb missing', e); next(); });
});
step(async (next) => {
  const h = await fs.promises.open(p('h.txt'), 'w+');
  log('FileHandle', typeof h.fd, h.fd > 2);
  const w = await h.write('promise text');
  log('FileHandle write', w.bytesWritten, w.buffer);
  const r = await h.read(Buffer.alloc(7), 0, 7, 8);
  log('FileHandle read', r.bytesRead, r.buffer.toString());
  log('FileHandle stat', (await h.stat()).size);
  await h.truncate(7);
  log('FileHandle readFile', await h.readFile('utf8'));
  await h.close();
  try { await fs.promises.open(p('missing/z')); } catch (e) { err('promises open missing', e); }
  next();
});
step(() => { log('fds back to baseline', fdCount() === before); });
run();
