// A net.Socket is a stream.Duplex: read(), 'readable', pipe through a
// Transform, finished(), async iteration, instanceof.
const net = require('net');
const stream = require('stream');
const slog = [], clog = [];
let left = 2;
function done() { if (--left === 0) server.close(() => console.log(slog.concat(clog).join('\n'))); }
const server = net.createServer((s) => {
  slog.push('server socket is Duplex ' + (s instanceof stream.Duplex) + ' ' + (s instanceof stream.Readable) + ' ' + (s instanceof net.Socket));
  const upper = new stream.Transform({
    transform(chunk, enc, cb) { cb(null, chunk.toString().toUpperCase()); }
  });
  s.pipe(upper).pipe(s);
  stream.finished(s, (err) => slog.push('server socket finished ' + (err ? err.code : err)));
  s.on('close', done);
});
server.listen(0, '127.0.0.1', async () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.setEncoding('utf8');
  c.once('readable', () => {
    let d, got = '';
    while ((d = c.read()) !== null) got += d;
    clog.push('readable read ' + got);
    c.end('second');
    (async () => {
      let rest = '';
      const it = c[Symbol.asyncIterator]();
      for (let r = await it.next(); !r.done; r = await it.next()) rest += r.value;
      clog.push('async iterated ' + rest);
      done();
    })();
  });
  c.write('first');
});
