// Echo with the full event order of both sockets and the server.
const net = require('net');
const slog = [], clog = [];
let pending = 2;
function done() {
  if (--pending) return;
  console.log(slog.join('\n'));
  console.log('--');
  console.log(clog.join('\n'));
}
const server = net.createServer((s) => {
  slog.push('connection ' + s.readyState + ' ' + s.remoteFamily + ' ' + s.remoteAddress);
  s.on('data', (d) => { slog.push('data ' + Buffer.isBuffer(d) + ' ' + d.length + ' ' + d.toString()); s.write(d); });
  s.on('end', () => slog.push('end ' + s.readyState + ' ' + s.readable + ' ' + s.writable));
  s.on('finish', () => slog.push('finish ' + s.readyState));
  s.on('close', (h) => { slog.push('close ' + h + ' ' + s.readyState + ' ' + s.destroyed); server.close(); });
});
server.on('listening', () => slog.push('listening ' + server.listening));
server.on('close', () => { slog.push('server close ' + server.listening); done(); });
server.listen(0, '127.0.0.1', () => {
  const a = server.address();
  slog.push('address ' + a.address + ' ' + a.family + ' ' + (a.port > 0));
  const c = net.connect(a.port, '127.0.0.1', () => { clog.push('connect cb ' + c.readyState); });
  clog.push('pending ' + c.readyState + ' ' + c.pending + ' ' + c.connecting);
  c.on('connect', () => { clog.push('connect ' + c.remotePort === a.port); c.write('hello', () => clog.push('write cb')); });
  c.on('ready', () => clog.push('ready'));
  c.setEncoding('utf8');
  c.on('data', (d) => { clog.push('data ' + typeof d + ' ' + d); c.end(); clog.push('after end ' + c.readyState + ' ' + c.writableEnded); });
  c.on('end', () => clog.push('end ' + c.readyState));
  c.on('finish', () => clog.push('finish ' + c.readyState + ' ' + c.writableFinished));
  c.on('close', (h) => { clog.push('close ' + h + ' ' + c.readyState + ' ' + c.bytesRead + ' ' + c.bytesWritten); done(); });
});
