// Clients that do not speak TLS to a TLS server: a plain HTTP request (as
// a browser sends to https:// typed as http://), a proxy's CONNECT, other
// bytes. Each is a 'tlsClientError' whose error has OpenSSL's code, library
// and reason, and whose socket (node passes the TLSSocket; listeners log
// where the client came from) answers the client's address and is
// destroyed. Certificates come from $CERTS (the test makes them).
'use strict';
const tls = require('tls'), net = require('net'), fs = require('fs');
const dir = process.env.CERTS || __dirname;
const f = (n) => fs.readFileSync(dir + '/' + n);

const watchdog = setTimeout(() => { console.log('stuck'); process.exit(1); }, 20000);
watchdog.unref();

const sends = [
  'GET / HTTP/1.1\r\nHost: x\r\n\r\n',
  'POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n',
  'HEAD / HTTP/1.0\r\n\r\n',
  'PUT /a HTTP/1.1\r\n\r\n',
  'DELETE /a HTTP/1.1\r\n\r\n',
  'CONNECT example.com:443 HTTP/1.1\r\n\r\n',
  'hello there, this is not tls\r\n',
];
const srv = tls.createServer({ key: f('leaf-key.pem'), cert: f('leaf.pem') });
let i = 0, clientPort = 0;
srv.on('secureConnection', () => console.log('unexpected secureConnection'));
srv.on('tlsClientError', (e, s) => {
  console.log(JSON.stringify(sends[i].split(' ')[0]), e.code, e instanceof Error, e.library, e.reason);
  console.log('  socket', s instanceof tls.TLSSocket, s.remoteAddress, s.remoteFamily,
    s.remotePort === clientPort, s.localPort === srv.address().port, s.destroyed);
  if (++i === sends.length) srv.close(() => console.log('server closed'));
  else one();
});
function one() {
  const c = net.connect(srv.address().port, '127.0.0.1', () => { clientPort = c.localPort; c.write(sends[i]); });
  c.on('error', () => {});
}
srv.listen(0, '127.0.0.1', one);
