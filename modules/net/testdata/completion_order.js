// Socket completions (write callbacks, the shutdown behind end(): then
// 'prefinish'/'finish') against setImmediate: since libuv 1.45, Node runs
// the completions that became ready in a poll phase before that turn's
// immediates.
const net = require('net');
const log = [];
let round = 0;
const srv = net.createServer((s) => {
  const r = ++round;
  s.on('prefinish', () => log.push(r + ' prefinish'));
  s.on('finish', () => log.push(r + ' finish'));
  s.on('close', () => { log.push(r + ' close'); if (r === 2) srv.close(() => console.log(log.join('\n'))); else next(); });
  if (r === 1) {
    // The automatic end() after the peer's FIN, an immediate queued at 'end'.
    s.on('data', () => {});
    s.on('end', () => { log.push('1 end'); setImmediate(() => log.push('1 immediate')); });
    return;
  }
  s.on('data', () => {
    setImmediate(() => log.push('2 immediate before write'));
    s.write(Buffer.alloc(4 << 20), () => log.push('2 write cb (big)'));
    s.write('x', () => log.push('2 write cb small'));
    setImmediate(() => log.push('2 immediate after write'));
    s.end(() => log.push('2 end cb'));
    setImmediate(() => log.push('2 immediate after end'));
  });
});
function next() {
  const c = net.connect(srv.address().port, () => c.write('go'));
  c.resume();
  c.on('end', () => c.end());
}
srv.listen(0, '127.0.0.1', () => {
  const c = net.connect(srv.address().port, () => c.end('q'));
  c.resume();
});
