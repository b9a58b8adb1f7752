// fs.watch on a folder and on a file (inotify), and its error.
const fs = require('fs');
const { err, log, p } = require('./_h');
try { fs.watch(p('nope')); } catch (e) { err('watch missing', e); log('filename', e.filename); }
fs.mkdirSync(p('wd'));
const seen = [];
const w = fs.watch(p('wd'), (t, f) => seen.push(t + ':' + f));
log('watcher', w.constructor.name, typeof w.close, typeof fs.FSWatcher);
fs.writeFileSync(p('wf.txt'), '1');
const seen2 = [];
const fw = fs.watch(p('wf.txt'));
fw.on('change', (t, f) => seen2.push(t + ':' + f));
setTimeout(() => fs.writeFileSync(p('wd/a.txt'), 'x'), 50);
setTimeout(() => fs.appendFileSync(p('wd/a.txt'), 'y'), 100);
setTimeout(() => fs.renameSync(p('wd/a.txt'), p('wd/b.txt')), 150);
setTimeout(() => fs.unlinkSync(p('wd/b.txt')), 200);
setTimeout(() => fs.appendFileSync(p('wf.txt'), '2'), 60);
setTimeout(() => {
  log('dir events', seen.join(' '));
  log('file events', seen2.join(' '));
  w.on('close', () => log('closed'));
  w.close();
  w.close();
  fw.close();
}, 400);
