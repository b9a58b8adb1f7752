// A TLS client that gives up right after its half of the handshake (its
// verification or checkServerIdentity fails, or it destroys the socket in
// its 'secureConnect' listener or a tick after) and what the server sees:
// with TLS 1.3 node's client never sends its Finished, so the server
// reports 'tlsClientError' (ECONNRESET "socket hang up") and no
// 'secureConnection'; with TLS 1.2 the client's Finished went first, so
// the server has a connection that then ends. Certificates come from
// $CERTS (the test makes them).
'use strict';
const tls = require('tls'), fs = require('fs');
const dir = process.env.CERTS || __dirname;
const f = (n) => fs.readFileSync(dir + '/' + n);
const ca = f('ca.pem');

const watchdog = setTimeout(() => { console.log('stuck'); process.exit(1); }, 20000);
watchdog.unref();

const cases = [
  ['checkServerIdentity error', { ca, checkServerIdentity: (h) => { const e = new Error('nope ' + h); e.code = 'MY_CODE'; return e; } }],
  ['no ca', {}],
  ['wrong servername', { ca, servername: 'wrong.example' }],
  ['destroy in secureConnect', { ca }, (c) => c.destroy()],
  ['destroy in a tick', { ca }, (c) => process.nextTick(() => c.destroy())],
  ['destroy in a promise job', { ca }, (c) => Promise.resolve().then(() => c.destroy())],
  ['TLS 1.2 checkServerIdentity error', { ca, maxVersion: 'TLSv1.2', checkServerIdentity: () => new Error('nope') }],
  ['TLS 1.2 no ca', { maxVersion: 'TLSv1.2' }],
  ['a good client', { ca }, (c) => c.end('hi')],
  // What the client writes goes out after its held Finished, in order.
  ['a good client writing 1 MiB in secureConnect', { ca }, (c) => { c.write(big); c.end('tail'); }],
  ['a good client writing 1 MiB before secureConnect', { ca }, null, (c) => { c.write(big); c.end('tail'); }],
];
const big = Buffer.alloc(1 << 20, 'abcdefg');

const srv = tls.createServer({ key: f('leaf-key.pem'), cert: f('leaf.pem') });
let server = null; // the current case's server log and its "done"
srv.on('secureConnection', (s) => {
  const log = server;
  log.push('secureConnection ' + s.getProtocol());
  let got = 0, last = '';
  s.on('data', (d) => { got += d.length; last = String(d.subarray(-4)); });
  s.on('error', (e) => log.push('socket error ' + e.code));
  s.on('end', () => { log.push('data ' + got + ' bytes ending ' + JSON.stringify(last), 'end'); s.end(); });
  s.on('close', (hadError) => { log.push('close ' + hadError); log.done(); });
});
let clientPort = 0; // the current case's client's local port
srv.on('tlsClientError', (e, s) => {
  server.push('tlsClientError ' + e.code + ' ' + JSON.stringify(e.message) + ' ' + e.errno + ' ' + e.syscall + ' ' + (e instanceof Error));
  // The socket that failed: listeners log where the client came from.
  server.push('from ' + (s instanceof tls.TLSSocket) + ' ' + s.remoteAddress + ' ' + s.remoteFamily + ' ' +
    (s.remotePort === clientPort) + ' ' + (s.localPort === srv.address().port) + ' ' + (s.address().port === srv.address().port));
  server.done();
});

srv.listen(0, '127.0.0.1', () => {
  const port = srv.address().port;
  (function run(i) {
    if (i === cases.length) { srv.close(() => console.log('server closed')); return; }
    const [name, opts, onSecure, before] = cases[i];
    const client = [];
    let pending = 2;
    const done = () => {
      if (--pending) return;
      console.log(name);
      console.log('  client: ' + client.join(', '));
      console.log('  server: ' + server.join(', '));
      run(i + 1);
    };
    server = [];
    server.done = done;
    const c = tls.connect(Object.assign({ port, host: '127.0.0.1' }, opts), () => {
      client.push('secureConnect ' + c.authorized);
      if (onSecure) onSecure(c);
    });
    c.on('connect', () => { clientPort = c.localPort; });
    if (before) before(c);
    c.on('error', (e) => client.push('error ' + e.code));
    c.on('data', (d) => client.push('data ' + d));
    c.on('close', (hadError) => { client.push('close ' + hadError); done(); });
  })(0);
});
