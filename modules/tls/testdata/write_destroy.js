// A TLS socket that writes and is destroyed in the same turn: node hands
// the encrypted bytes to the kernel inside write(), so the peer gets
// them; gonode's writer goroutine must send them before it closes. Sizes
// stay below what a loopback socket's send buffer takes at once (above
// that, node drops the rest too, by an amount the kernel decides). Not
// tested: a server's write of ~100 bytes then destroy(), which node v20
// loses every time (its peer gets nothing) and gonode delivers. Also the
// write callbacks around such a destroy.
const tls = require('tls');
const fs = require('fs');
const crypto = require('crypto');
const dir = process.env.CERTS || process.argv[2];
const f = (n) => fs.readFileSync(dir + '/' + n);
const sizes = [6000, 40000];
const log = [];
const sha = (b) => crypto.createHash('sha256').update(b).digest('hex').slice(0, 12);

// receive logs, once `sock` closes, what it read against what was written.
function receive(sock, writer, reader, payload, done) {
  const chunks = [];
  sock.on('data', (d) => chunks.push(d));
  sock.on('error', (e) => log.push(writer + ' ' + payload.length + ' ' + reader + ' error ' + e.code));
  sock.on('close', () => {
    const got = Buffer.concat(chunks);
    log.push(writer + ' wrote ' + payload.length + ', ' + reader + ' got ' + got.length + (got.equals(payload) ? ' intact' : ' ' + sha(got)));
    done();
  });
}

function serverCase(size, done) {
  const payload = Buffer.alloc(size, 'abcdefghij');
  const srv = tls.createServer({ key: f('leaf-key.pem'), cert: f('leaf.pem') }, (s) => {
    s.on('error', () => {});
    s.write(payload);
    s.destroy();
  });
  srv.listen(0, '127.0.0.1', () => {
    const c = tls.connect({ port: srv.address().port, host: '127.0.0.1', ca: f('ca.pem'), servername: 'localhost' });
    receive(c, 'server', 'client', payload, () => srv.close(done));
  });
}

function clientCase(size, done) {
  const payload = Buffer.alloc(size, 'klmnopqrst');
  const srv = tls.createServer({ key: f('leaf-key.pem'), cert: f('leaf.pem') }, (s) => {
    receive(s, 'client', 'server', payload, () => srv.close(done));
  });
  srv.listen(0, '127.0.0.1', () => {
    const c = tls.connect({ port: srv.address().port, host: '127.0.0.1', ca: f('ca.pem'), servername: 'localhost' }, () => {
      setImmediate(() => { c.write(payload); c.destroy(); });
    });
    c.on('error', () => {});
  });
}

const cases = [];
for (let round = 0; round < 3; round++) {
  for (const size of sizes) {
    cases.push((done) => serverCase(size, done));
    cases.push((done) => clientCase(size, done));
  }
}
// The write callbacks: a write the socket handed over before destroy()
// succeeds (its bytes go out); one still buffered in the stream behind it
// fails with ERR_STREAM_DESTROYED; both after the destroy's own tick.
function callbackCase(done) {
  const srv = tls.createServer({ key: f('leaf-key.pem'), cert: f('leaf.pem') }, (s) => {
    const chunks = [];
    s.on('data', (d) => chunks.push(d));
    s.on('close', () => {
      log.push('callbacks: server got ' + Buffer.concat(chunks).length);
      srv.close(done);
    });
  });
  srv.listen(0, '127.0.0.1', () => {
    const c = tls.connect({ port: srv.address().port, host: '127.0.0.1', ca: f('ca.pem'), servername: 'localhost' }, () => {
      setImmediate(() => {
        c.write(Buffer.alloc(6000, 'u'), (err) => log.push('callbacks: first ' + (err && err.code)));
        c.write('behind it', (err) => log.push('callbacks: second ' + (err && err.code)));
        c.destroy();
        process.nextTick(() => log.push('callbacks: tick after destroy'));
      });
    });
    c.on('error', (e) => log.push('callbacks: client error ' + e.code));
    c.on('close', () => log.push('callbacks: client close'));
  });
}
cases.push(callbackCase);

(function next() {
  const c = cases.shift();
  if (!c) { console.log(log.join('\n')); return; }
  c(next);
})();
