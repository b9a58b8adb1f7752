const fs = require('fs');
const { log, p } = require('./_h');
fs.writeFileSync(p('w.txt'), 'abc');
fs.utimesSync(p('w.txt'), 1000, 1000);
let calls = 0;
const w = fs.watchFile(p('w.txt'), { interval: 30 }, (curr, prev) => {
  calls++;
  log('change', prev.size, '->', curr.size, curr.mtimeMs > prev.mtimeMs, curr instanceof fs.Stats, prev instanceof fs.Stats);
  fs.unwatchFile(p('w.txt'));
});
log('watcher', typeof w.on);
setTimeout(() => fs.appendFileSync(p('w.txt'), 'defg'), 150);
process.on('exit', () => log('calls', calls));
