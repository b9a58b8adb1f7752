// fs.readFile of one 1 MiB file, N times, in one of several forms; prints
// "<mode> <ops/s> <MiB/s>". Runs unchanged under node and gonode.
//   node readfile.js FILE MODE N [CONCURRENCY]
// MODE: cb (Buffer, callback), utf8 (string, callback), sync, promise.
const fs = require('fs');
const [file, mode, nStr, concStr] = process.argv.slice(2);
const n = +nStr || 1000, conc = +concStr || 1;
const size = fs.statSync(file).size;
let done = 0, started = 0, bytes = 0;
const t0 = process.hrtime();
function finish() {
  const d = process.hrtime(t0), s = d[0] + d[1] / 1e9;
  console.log(mode + (conc > 1 ? 'x' + conc : ''), (n / s).toFixed(1), (bytes / s / 1048576).toFixed(1));
}
function check(data) {
  if (data.length !== size && mode !== 'utf8') throw new Error('short read ' + data.length);
  bytes += size;
}
if (mode === 'sync') {
  for (let i = 0; i < n; i++) check(fs.readFileSync(file));
  finish();
} else if (mode === 'promise') {
  (async () => {
    const worker = async () => { while (started < n) { started++; check(await fs.promises.readFile(file)); } };
    await Promise.all(Array.from({ length: conc }, worker));
    finish();
  })();
} else {
  const opts = mode === 'utf8' ? 'utf8' : undefined;
  const next = () => {
    if (started >= n) return;
    started++;
    fs.readFile(file, opts, (err, data) => {
      if (err) throw err;
      check(data);
      if (++done === n) finish(); else next();
    });
  };
  for (let i = 0; i < conc; i++) next();
}
