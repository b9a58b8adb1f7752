// A TLS server and client in one process: N (argv[2], default 20000)
// sequential round trips of a small message, one write() each way per
// round trip. Measures the cost of a small TLS write (what a server
// answering does), Writable bookkeeping included.
const tls = require('tls'), fs = require('fs');
const dir = process.env.CERTS;
const n = Number(process.argv[2]) || 20000;
const srv = tls.createServer({ key: fs.readFileSync(dir + '/key.pem'), cert: fs.readFileSync(dir + '/cert.pem') }, (s) => {
  s.on('data', (d) => { s.write('pong ' + d.length); });
  s.on('end', () => { s.end(); srv.close(); });
});
srv.listen(0, '127.0.0.1', () => {
  const c = tls.connect({ port: srv.address().port, host: '127.0.0.1', rejectUnauthorized: false }, () => {
    let left = n;
    c.on('data', () => { if (--left === 0) c.end(); else c.write('ping'); });
    c.write('ping');
  });
});
