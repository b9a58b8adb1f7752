// A client's connect as the loop makes it (to an IP: no lookup): writes
// and end() before the connection is up, destroy() while connecting, a
// refused port on IPv4 and IPv6, a socket reused with connect() after
// close, and the order of 'connect', 'ready', 'data', 'end', 'close'.
const net = require('net');
const log = [];
// The server answers once the client has ended: what it got, in one piece
// (however the client's writes were split on the wire).
const server = net.createServer((s) => {
  let got = '';
  s.on('data', (d) => { got += d; });
  s.on('end', () => s.end('echo:' + got));
  s.on('error', () => {});
});
const steps = [
  (next) => { // writes and end() queued while connecting
    const c = net.connect(server.address().port, '127.0.0.1');
    log.push('early ' + c.readyState + ' ' + c.pending + ' write ' + c.write('a'));
    c.end('b');
    log.push('early after end ' + c.readyState + ' ' + c.writableEnded);
    c.setEncoding('utf8');
    let got = '';
    c.on('connect', () => log.push('early connect ' + c.readyState + ' ' + c.remoteAddress + ' ' + (c.remotePort === server.address().port)));
    c.on('ready', () => log.push('early ready'));
    c.on('data', (d) => { got += d; });
    c.on('end', () => log.push('early end ' + got));
    c.on('close', (h) => { log.push('early close ' + h + ' ' + c.bytesWritten); next(); });
  },
  (next) => { // destroyed while connecting
    const c = net.connect(server.address().port, '127.0.0.1');
    c.on('connect', () => log.push('destroyed connect?!'));
    c.on('error', (e) => log.push('destroyed error ' + e.code));
    c.on('close', (h) => { log.push('destroyed close ' + h + ' ' + c.destroyed + ' ' + c.connecting); next(); });
    c.destroy();
    log.push('destroyed now ' + c.readyState);
  },
  (next) => { // refused, IPv6
    const probe = net.createServer().listen(0, '::1', () => {
      const port = probe.address().port;
      probe.close(() => {
        const c = net.connect(port, '::1');
        c.on('error', (e) => log.push('refused6 ' + e.code + ' ' + e.syscall + ' ' + e.address + ' ' + (e.message === 'connect ECONNREFUSED ::1:' + port)));
        c.on('close', (h) => { log.push('refused6 close ' + h); next(); });
      });
    });
  },
  (next) => { // reuse after close
    const c = new net.Socket();
    let round = 0;
    c.on('connect', () => { log.push('reuse connect ' + round); c.end('r' + round); });
    c.on('data', (d) => log.push('reuse data ' + d));
    c.on('close', () => {
      log.push('reuse close ' + round + ' ' + c.destroyed);
      if (++round < 2) c.connect(server.address().port, '127.0.0.1');
      else next();
    });
    c.connect(server.address().port, '127.0.0.1');
  }
];
let i = 0;
function next() {
  if (i === steps.length) { server.close(() => console.log(log.join('\n'))); return; }
  steps[i++](next);
}
server.listen(0, '127.0.0.1', next);
