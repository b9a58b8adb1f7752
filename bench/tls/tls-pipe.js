// A TLS server and client in one process: the client writes MiB (argv[2],
// default 64) in 64 KiB chunks honouring back-pressure, the server counts
// them. Measures both ends of TLS in the runtime.
const tls = require('tls'), fs = require('fs');
const dir = process.env.CERTS;
const total = (Number(process.argv[2]) || 64) << 20;
const chunk = Buffer.alloc(64 << 10, 'x');
const srv = tls.createServer({ key: fs.readFileSync(dir + '/key.pem'), cert: fs.readFileSync(dir + '/cert.pem') }, (s) => {
  let got = 0;
  s.on('data', (d) => { got += d.length; });
  s.on('end', () => { if (got !== total) { console.error('got', got); process.exitCode = 1; } s.end(); srv.close(); });
});
srv.listen(0, '127.0.0.1', () => {
  const c = tls.connect({ port: srv.address().port, host: '127.0.0.1', rejectUnauthorized: false }, () => {
    let sent = 0;
    (function pump() {
      while (sent < total) {
        sent += chunk.length;
        if (!c.write(chunk)) return c.once('drain', pump);
      }
      c.end();
    })();
  });
  c.resume();
});
