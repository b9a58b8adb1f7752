// npm ws edge cases under node v20 and gonode: a 404 and a verifyClient
// refusal on the client, permessage-deflate with a 1 MiB message and a ping,
// terminate(), and 200 binary messages written in one go.
const WebSocket = require('ws'), http = require('http');
const server = http.createServer((req, res) => { res.writeHead(404); res.end('nope'); });
const wss = new WebSocket.Server({ server, path: '/ok', perMessageDeflate: true, verifyClient: (info) => info.req.headers['x-deny'] === undefined });
wss.on('connection', (s) => {
  s.on('message', (d, bin) => s.send(d, { binary: bin }));
  s.on('ping', (d) => console.log('server ping', String(d)));
});
const steps = [];
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const base = 'ws://127.0.0.1:' + port;
  steps.push((next) => {
    const c = new WebSocket(base + '/nope');
    c.on('unexpected-response', (req, res) => { console.log('unexpected-response', res.statusCode); req.destroy(); next(); });
    c.on('error', (e) => console.log('error 404', e.message));
  });
  steps.push((next) => {
    const c = new WebSocket(base + '/ok', { headers: { 'x-deny': '1' } });
    c.on('error', (e) => console.log('denied:', e.message));
    c.on('close', (code) => { console.log('denied close', code); next(); });
  });
  steps.push((next) => {
    const c = new WebSocket(base + '/ok', { perMessageDeflate: true });
    c.on('open', () => {
      console.log('deflate ext:', c.extensions);
      c.ping('p1');
      c.send('a'.repeat(1 << 20));
    });
    c.on('message', (d) => { console.log('big echo', d.length); c.terminate(); });
    c.on('close', (code) => { console.log('terminated', code); next(); });
  });
  steps.push((next) => {
    const c = new WebSocket(base + '/ok');
    c.on('open', () => {
      const chunks = [];
      for (let i = 0; i < 200; i++) c.send(Buffer.alloc(10000, i % 256));
      let n = 0, sum = 0;
      c.on('message', (d) => { n++; sum += d[0]; if (n === 200) { console.log('200 binary', sum); c.close(); } });
    });
    c.on('close', (code) => { console.log('closed', code); next(); });
  });
  (function next() { const s = steps.shift(); if (s) s(next); else { wss.close(); server.close(() => console.log('done')); } })();
});
