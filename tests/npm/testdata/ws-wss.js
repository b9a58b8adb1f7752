// ws@8 over TLS in-process: an https server carrying a WebSocketServer
// and a plain https route, ws's client over wss:// trusting the server's
// certificate, and one that does not. The certificate is a throw-away
// self-signed one for localhost (valid for 100 years), made for this test.
const WebSocket = require('ws');
const https = require('https');
const key = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgG2fVfwtFP0X+YPy0
MYbgR0CTJ6bdmbZ94TTuwTyJZzShRANCAASdIIUdGu7/jwdm2ei3YdAP2lxw1jH9
7nJEu9HKRNgDKT1hwBoEkXgejMym2RXBFYyBx5SUmJ/HmDIs2xyHphRv
-----END PRIVATE KEY-----
`;
const cert = `-----BEGIN CERTIFICATE-----
MIIBnDCCAUGgAwIBAgIUZMCQIluDPSFKTDxMj4IjCnhts14wCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyNzA4NTMwMVoYDzIxMjYxMTAz
MDg1MzAxWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAASdIIUdGu7/jwdm2ei3YdAP2lxw1jH97nJEu9HKRNgDKT1hwBoEkXge
jMym2RXBFYyBx5SUmJ/HmDIs2xyHphRvo28wbTAdBgNVHQ4EFgQUIAHNpKjwnh1A
wTpxYfQDP5ZiLecwHwYDVR0jBBgwFoAUIAHNpKjwnh1AwTpxYfQDP5ZiLecwDwYD
VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARgglsb2NhbGhvc3SHBH8AAAEwCgYIKoZI
zj0EAwIDSQAwRgIhAIdwvvNSrY/GrTfYDwI8WefMW/gEMwbWSXQx4IHqaSgDAiEA
xDJD6NrM+iZi40xYWzRDM8W0vy/AMGD1kCz2J3s/SAI=
-----END CERTIFICATE-----
`;
const server = https.createServer({ key, cert }, (req, res) => {
  res.end('plain https ' + req.url + ' ' + req.socket.encrypted);
});
const wss = new WebSocket.Server({ server });
const serverLog = [];
wss.on('connection', (sock, req) => {
  serverLog.push('server connection ' + req.url + ' ' + req.socket.encrypted + ' ' + req.socket.authorized + ' ' + (sock._socket instanceof require('tls').TLSSocket));
  sock.on('message', (d, isBinary) => sock.send(isBinary ? d : 'echo:' + d, { binary: isBinary }));
  sock.on('close', (code) => serverLog.push('server saw close ' + code));
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  https.get({ host: '127.0.0.1', port, path: '/x', ca: cert }, (res) => {
    let body = '';
    res.on('data', (d) => body += d);
    res.on('end', () => {
      console.log('https', res.statusCode, body);
      const c = new WebSocket('wss://localhost:' + port + '/sec', { ca: cert });
      c.on('open', () => { console.log('client open', c._socket.authorized, c._socket.authorizationError, c._socket.getProtocol(), c.protocol === '', c.url === 'wss://localhost:' + port + '/sec'); c.send('hi'); c.send(Buffer.alloc(70000, 7)); });
      c.on('message', (d, isBinary) => {
        console.log('client got', isBinary, isBinary ? d.length + ' bytes, sum ' + d.reduce((a, b) => a + b, 0) : d.toString());
        if (isBinary) c.close(4000, 'done');
      });
      c.on('close', (code, reason) => {
        console.log('client close', code, reason.toString());
        const bad = new WebSocket('wss://localhost:' + port + '/sec');
        bad.on('error', (e) => {
          console.log('untrusted:', e.code, e.message);
          wss.close();
          server.close(() => console.log(serverLog.join('\n') + '\nserver closed'));
        });
      });
    });
  });
});
