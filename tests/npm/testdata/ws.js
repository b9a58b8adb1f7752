// ws@8 in-process: a WebSocketServer and ws's own client, echo round trip.
const WebSocket = require('ws');
const wss = new WebSocket.Server({ port: 0, host: '127.0.0.1' }, () => {
  const port = wss.address().port;
  console.log('listening');
  const c = new WebSocket('ws://127.0.0.1:' + port + '/path?q=1');
  c.on('open', () => { console.log('client open'); c.send('hello'); c.send(Buffer.from([1, 2, 3])); });
  c.on('message', (data, isBinary) => {
    console.log('client got', isBinary, isBinary ? Array.from(data) : data.toString());
    if (isBinary) c.close(1000, 'bye');
  });
  c.on('close', (code, reason) => { console.log('client close', code, reason.toString()); wss.close(() => console.log('server closed')); });
});
wss.on('connection', (sock, req) => {
  console.log('server connection', req.url, req.headers.upgrade, req.socket.remoteAddress === '127.0.0.1');
  sock.on('message', (data, isBinary) => sock.send(data, { binary: isBinary }));
  sock.on('close', (code, reason) => console.log('server saw close', code, reason.toString()));
});
