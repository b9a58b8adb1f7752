const fs = require('fs');
const { err, log, p, step, run } = require('./_h');

fs.mkdirSync(p('d1'));
try { fs.mkdirSync(p('d1')); } catch (e) { err('mkdirSync exists', e); }
log('mkdirSync recursive', fs.mkdirSync(p('d2/x/y'), { recursive: true }));
log('mkdirSync recursive again', fs.mkdirSync(p('d2/x/y'), { recursive: true }));
fs.writeFileSync(p('d1/file.txt'), 'f');
fs.writeFileSync(p('d1/b.txt'), 'b');
fs.mkdirSync(p('d1/sub'));
fs.symlinkSync(p('d1/file.txt'), p('d1/link'));
try { fs.mkdirSync(p('d1/file.txt/x'), { recursive: true }); } catch (e) { err('mkdirSync under file', e); }
try { fs.mkdirSync(p('d1/file.txt'), { recursive: true }); } catch (e) { err('mkdirSync recursive on file', e); }
try { fs.mkdirSync(p('nope/x')); } catch (e) { err('mkdirSync missing parent', e); }
log('readdirSync', fs.readdirSync(p('d1')));
for (const d of fs.readdirSync(p('d1'), { withFileTypes: true })) {
  log('dirent', d.name, d.isFile(), d.isDirectory(), d.isSymbolicLink(), d instanceof fs.Dirent, d.path === p('d1'));
}
try { fs.readdirSync(p('d1/file.txt')); } catch (e) { err('readdirSync file', e); }
try { fs.readdirSync(p('nope')); } catch (e) { err('readdirSync missing', e); }

log('readlinkSync', fs.readlinkSync(p('d1/link')));
log('lstatSync link', fs.lstatSync(p('d1/link')).isSymbolicLink(), fs.statSync(p('d1/link')).isSymbolicLink());
log('realpathSync', fs.realpathSync(p('d1/link')));
try { fs.readlinkSync(p('d1/file.txt')); } catch (e) { err('readlinkSync not link', e); }
try { fs.symlinkSync('x', p('d1/link')); } catch (e) { err('symlinkSync exists', e); }

fs.accessSync(p('d1/file.txt'));
fs.accessSync(p('d1/file.txt'), fs.constants.R_OK | fs.constants.W_OK);
try { fs.accessSync(p('nope')); } catch (e) { err('accessSync missing', e); }
log('existsSync', fs.existsSync(p('d1')), fs.existsSync(p('nope')), fs.existsSync(), fs.existsSync(42));

fs.copyFileSync(p('d1/file.txt'), p('copy.txt'));
log('copyFileSync', fs.readFileSync(p('copy.txt'), 'utf8'));
try { fs.copyFileSync(p('d1/b.txt'), p('copy.txt'), fs.constants.COPYFILE_EXCL); } catch (e) { err('copyFileSync excl', e); }
try { fs.copyFileSync(p('nope'), p('copy2.txt')); } catch (e) { err('copyFileSync missing', e); }

fs.renameSync(p('copy.txt'), p('moved.txt'));
log('renameSync', fs.existsSync(p('copy.txt')), fs.existsSync(p('moved.txt')));
try { fs.renameSync(p('nope'), p('x')); } catch (e) { err('renameSync missing', e); }

fs.unlinkSync(p('moved.txt'));
try { fs.unlinkSync(p('moved.txt')); } catch (e) { err('unlinkSync missing', e); }
try { fs.unlinkSync(p('d1')); } catch (e) { err('unlinkSync dir', e); }
try { fs.rmdirSync(p('d1')); } catch (e) { err('rmdirSync not empty', e); }
try { fs.rmdirSync(p('nope')); } catch (e) { err('rmdirSync missing', e); }
try { fs.rmSync(p('d1')); } catch (e) { err('rmSync dir', e); }
try { fs.rmSync(p('nope')); } catch (e) { err('rmSync missing', e); }
log('rmSync force missing', fs.rmSync(p('nope'), { force: true }));
fs.rmSync(p('d2'), { recursive: true });
log('rmSync recursive', fs.existsSync(p('d2')));
fs.rmdirSync(p('d1/sub'));
log('rmdirSync', fs.existsSync(p('d1/sub')));

step((next) => {
  fs.mkdir(p('m/n'), { recursive: true }, (e, made) => {
    log('mkdir cb recursive', e, made);
    fs.mkdir(p('m'), (e2) => {
      err('mkdir cb exists', e2);
      fs.readdir(p('m'), (e3, names) => {
        log('readdir cb', e3, names);
        fs.readdir(p('m'), { withFileTypes: true }, (e4, ents) => {
          log('readdir cb types', e4, ents.map((d) => d.name + ':' + d.isDirectory()));
          next();
        });
      });
    });
  });
});
step((next) => {
  fs.access(p('m'), (e) => {
    log('access cb', e);
    fs.access(p('nope'), fs.constants.F_OK, (e2) => {
      err('access cb missing', e2);
      fs.exists(p('m'), (ok) => {
        log('exists cb', ok);
        fs.exists(p('nope'), (ok2) => { log('exists cb missing', ok2); next(); });
      });
    });
  });
});
step((next) => {
  fs.writeFileSync(p('m/f'), 'data');
  fs.copyFile(p('m/f'), p('m/g'), (e) => {
    log('copyFile cb', e, fs.readFileSync(p('m/g'), 'utf8'));
    fs.rename(p('m/g'), p('m/h'), (e2) => {
      log('rename cb', e2);
      fs.rename(p('nope'), p('m/i'), (e3) => {
        err('rename cb missing', e3);
        fs.unlink(p('m/h'), (e4) => {
          log('unlink cb', e4);
          fs.rmdir(p('m'), (e5) => {
            err('rmdir cb not empty', e5);
            fs.rm(p('m'), { recursive: true, force: true }, (e6) => {
              log('rm cb', e6, fs.existsSync(p('m')));
              fs.rm(p('m'), (e7) => { err('rm cb missing', e7); next(); });
            });
          });
        });
      });
    });
  });
});
step(async (next) => {
  const P = fs.promises;
  log('promises mkdir', await P.mkdir(p('q/r'), { recursive: true }));
  await P.writeFile(p('q/r/s.txt'), 's');
  log('promises readdir', await P.readdir(p('q/r')));
  log('promises access', await P.access(p('q/r/s.txt')));
  await P.copyFile(p('q/r/s.txt'), p('q/t.txt'));
  await P.rename(p('q/t.txt'), p('q/u.txt'));
  await P.unlink(p('q/u.txt'));
  try { await P.rmdir(p('q')); } catch (e) { err('promises rmdir', e); }
  try { await P.access(p('nope')); } catch (e) { err('promises access', e); }
  try { await P.rm(p('q')); } catch (e) { err('promises rm dir', e); }
  await P.rm(p('q'), { recursive: true });
  log('promises rm', fs.existsSync(p('q')));
  next();
});
run();
