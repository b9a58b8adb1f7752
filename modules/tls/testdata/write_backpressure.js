// A TLSSocket's write() answers, writableLength and 'drain' as Node's:
// small writes, one 1 MiB write, rounds of writes to a reader that pauses,
// writes with callbacks, end(bigChunk). Every byte must arrive intact.
// Certificates come from $CERTS (the test makes them).
'use strict';
const tls = require('tls'), fs = require('fs'), crypto = require('crypto');
const dir = process.env.CERTS || __dirname;
const f = (n) => fs.readFileSync(dir + '/' + n);

// n bytes of a 251-byte unit (a prime: records and chunks never line up
// with it), so a lost, doubled or reordered piece changes the hash.
function pattern(n, seed) {
  const unit = Buffer.alloc(251);
  for (let i = 0; i < unit.length; i++) unit[i] = (i * 31 + seed) & 0xff;
  return Buffer.alloc(n, unit);
}

// Each case is (serverSocket, log, done): it writes and logs what it
// observes; the client side counts bytes and hashes them.
const cases = [
  ['small writes', (s, log, done) => {
    let drains = 0;
    s.on('drain', () => drains++);
    for (const m of ['hello', ' ', 'world', Buffer.from('!\n')]) {
      const r = s.write(m);
      log('write', JSON.stringify(String(m)), r, s.writableLength, s.writableNeedDrain);
    }
    s.end(() => { log('finished', s.writableLength, 'drains', drains); done(); });
  }],
  ['one 1 MiB write', (s, log, done) => {
    let drains = 0;
    const big = pattern(1 << 20, 1);
    const r = s.write(big);
    log('write 1MiB', r, s.writableLength, s.writableNeedDrain);
    process.nextTick(() => log('next tick', s.writableLength, s.writableNeedDrain));
    s.on('drain', () => {
      drains++;
      log('drain', s.writableLength, s.writableNeedDrain);
      const r2 = s.write('tail');
      log('write tail', r2, s.writableLength, s.writableNeedDrain);
      s.end(() => { log('finished drains', drains); done(); });
    });
  }],
  ['rounds to a paused reader', (s, log, done) => {
    let round = 0, drains = 0;
    const chunk = pattern(5000, 7);
    s.on('drain', () => { drains++; next(); });
    function next() {
      if (round === 40) return s.end(() => { log('finished drains', drains); done(); });
      round++;
      const rs = [];
      let r;
      do {
        r = s.write(chunk);
        rs.push(r + ':' + s.writableLength);
      } while (r);
      if (round <= 3 || round === 40) log('round', round, rs.join(' '), s.writableNeedDrain);
    }
    next();
  }, { pauseMs: 150 }],
  ['write callbacks', (s, log, done) => {
    const order = [];
    s.on('drain', () => order.push('drain ' + s.writableLength));
    const r1 = s.write('abc', (err) => order.push('cb1 ' + err + ' ' + s.writableLength));
    log('write abc', r1, s.writableLength);
    const r2 = s.write(pattern(100000, 3), (err) => order.push('cb2 ' + err + ' ' + s.writableLength));
    log('write 100000', r2, s.writableLength, s.writableNeedDrain);
    const r3 = s.write('def', 'latin1', (err) => order.push('cb3 ' + err + ' ' + s.writableLength));
    log('write def', r3, s.writableLength);
    s.end(() => { log('order', order.join(', ')); done(); });
  }],
  ['end(bigChunk)', (s, log, done) => {
    let drains = 0;
    s.on('drain', () => drains++);
    s.on('finish', () => log('finish', s.writableLength, 'drains', drains));
    const ret = s.end(pattern(3 << 20, 9));
    log('end 3MiB', ret === s, s.writableLength, s.writableNeedDrain, s.writableEnded, s.writableFinished);
    s.on('close', () => done());
  }, { pauseMs: 100 }],
];

// A case that never ends (a 'drain' that does not come) fails fast.
const watchdog = setTimeout(() => { console.log('stuck'); process.exit(1); }, 20000);
watchdog.unref();

const srv = tls.createServer({ key: f('leaf-key.pem'), cert: f('leaf.pem') });
let current = null;
srv.on('secureConnection', (s) => current(s));
srv.listen(0, '127.0.0.1', () => {
  const port = srv.address().port;
  (function run(i) {
    if (i === cases.length) { srv.close(() => console.log('server closed')); return; }
    const [name, body, opts] = cases[i];
    const lines = [];
    const log = (...a) => lines.push('  ' + a.join(' '));
    let serverDone = false, clientDone = false;
    const finish = () => {
      if (!serverDone || !clientDone) return;
      console.log(name);
      console.log(lines.join('\n'));
      run(i + 1);
    };
    current = (s) => {
      s.on('error', (e) => log('server error', e.code));
      body(s, log, () => { serverDone = true; finish(); });
    };
    const c = tls.connect({ port, host: '127.0.0.1', ca: f('ca.pem') });
    const h = crypto.createHash('sha256');
    let n = 0;
    c.on('data', (d) => { n += d.length; h.update(d); });
    if (opts && opts.pauseMs) {
      c.pause();
      setTimeout(() => c.resume(), opts.pauseMs);
    }
    c.on('end', () => {
      const digest = h.digest('hex').slice(0, 16);
      c.end(() => {
        // The client's view goes last: the server's 'finish' can come on
        // either side of the client's 'end'.
        lines.push('  client got ' + n + ' bytes sha256 ' + digest);
        clientDone = true;
        finish();
      });
    });
    c.on('error', (e) => lines.push('  client error ' + e.code));
  })(0);
});
