// Server sockets (light until their stream state is needed, in gonode)
// at the edges of their life: a peer's reset, half-open servers, idle
// timeouts, destroy with an error, end() before any data, a write after
// the peer's FIN, and a paused start.
const net = require('net');
const log = [];
function st(s) {
  return [s.readyState, s.readable, s.writable, s.destroyed, s.readableEnded, s.writableEnded, s.writableFinished].join(' ');
}
function watch(s, name) {
  for (const ev of ['end', 'finish', 'timeout']) s.on(ev, () => log.push(name + ' ' + ev + ' ' + st(s)));
  s.on('error', (e) => log.push(name + ' error ' + e.code + ' ' + e.message));
  s.on('close', (h) => log.push(name + ' close ' + h + ' ' + st(s)));
}
const cases = [
  {
    name: 'reset',
    server: (s) => { s.on('data', (d) => log.push('reset data ' + d)); },
    client: (c, done) => { c.write('x', () => setTimeout(() => { c.resetAndDestroy(); done(); }, 20)); }
  },
  {
    name: 'halfopen',
    opts: { allowHalfOpen: true },
    server: (s) => {
      s.on('data', (d) => s.write('got ' + d));
      s.on('end', () => setImmediate(() => { s.write('after end'); s.end(' bye'); }));
    },
    client: (c, done) => { let got = ''; c.on('data', (d) => { got += d; }); c.end('hi'); c.on('end', () => log.push('halfopen client got ' + got)); c.on('close', done); }
  },
  {
    name: 'timeout',
    server: (s) => { s.setTimeout(30); s.on('timeout', () => s.end('idle')); },
    client: (c, done) => { let got = ''; c.on('data', (d) => { got += d; }); c.on('end', () => { log.push('timeout client got ' + got); c.end(); }); c.on('close', done); }
  },
  {
    name: 'destroyErr',
    server: (s) => { s.on('data', () => s.destroy(new Error('boom'))); },
    client: (c, done) => { c.write('x'); c.on('error', () => {}); c.on('close', done); }
  },
  {
    name: 'endFirst',
    server: (s) => { s.end('first'); log.push('endFirst after end ' + st(s)); s.on('data', (d) => log.push('endFirst data ' + d + ' ' + st(s))); },
    client: (c, done) => { c.on('data', (d) => { log.push('endFirst client data ' + d); c.end('late'); }); c.on('close', done); }
  },
  {
    name: 'writeAfterFin',
    server: (s) => {
      s.on('data', () => {});
      // Two ticks after 'end': end() has run (the tick between), the
      // shutdown is not done yet.
      s.on('end', () => process.nextTick(() => process.nextTick(() =>
        log.push('writeAfterFin write ' + s.write('z', (e) => log.push('writeAfterFin cb ' + (e && e.code)))))));
    },
    client: (c, done) => { c.end('q'); c.on('close', done); }
  },
  {
    name: 'paused',
    opts: { pauseOnConnect: true },
    server: (s) => {
      log.push('paused flowing ' + s.readableFlowing + ' ' + s.isPaused());
      setTimeout(() => { s.on('data', (d) => { log.push('paused data ' + d); s.end(); }); s.resume(); }, 20);
    },
    client: (c, done) => { c.write('w'); c.on('close', done); }
  }
];
function run(i) {
  if (i === cases.length) { console.log(log.join('\n')); return; }
  const k = cases[i];
  let pending = 2;
  const next = () => { if (--pending === 0) setTimeout(() => run(i + 1), 5); };
  const server = net.createServer(k.opts || {}, (s) => {
    watch(s, k.name);
    s.on('close', () => server.close(next));
    k.server(s);
  });
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect(server.address().port, '127.0.0.1');
    c.on('error', (e) => log.push(k.name + ' client error ' + e.code));
    k.client(c, next);
  });
}
run(0);
