// npm ws: server and client in one process, N sequential echo round trips
// (argv[2], default 5000) of a small chat message, plain ws:// or wss://
// (argv[3] === 'wss', certificates in $CERTS).
const WebSocket = require('ws');
const fs = require('fs');
const n = Number(process.argv[2]) || 5000;
const secure = process.argv[3] === 'wss';
let server;
if (secure) {
  const dir = process.env.CERTS;
  server = require('https').createServer({ key: fs.readFileSync(dir + '/key.pem'), cert: fs.readFileSync(dir + '/cert.pem') });
} else {
  server = require('http').createServer();
}
const wss = new WebSocket.Server({ server });
wss.on('connection', (s) => s.on('message', (d) => s.send(d, { binary: false })));
server.listen(0, '127.0.0.1', () => {
  const url = (secure ? 'wss' : 'ws') + '://localhost:' + server.address().port + '/';
  const c = new WebSocket(url, secure ? { rejectUnauthorized: false } : {});
  let left = n;
  const msg = JSON.stringify({ user: 'ryan', text: 'hello, comet world', t: 1 });
  c.on('open', () => c.send(msg));
  c.on('message', () => { if (--left > 0) c.send(msg); else c.close(); });
  c.on('close', () => { wss.close(); server.close(); });
});
