// npm's ws as a client, gonode's own `websocket` module as the server
// (gonode-only: node has no `websocket` module). The two sides' "close"
// events are printed together once both happened: their order is timing.
const WebSocket = require('ws');
const closes = {};
function closed(side, code, reason) {
  closes[side] = side + ' close ' + code + ' ' + reason;
  if (closes.server && closes.client) {
    console.log(closes.server);
    console.log(closes.client);
    wss.close();
  }
}
const websocket = require('websocket');
const wss = websocket.createServer({ port: 0, host: '127.0.0.1' });
wss.on('listening', () => {
  console.log('listening');
  const c = new WebSocket('ws://127.0.0.1:' + wss.address().port + '/room?x=1');
  c.on('open', () => { console.log('client open'); c.send('hello'); c.send(Buffer.from([1, 2, 3])); });
  c.on('message', (data, isBinary) => {
    console.log('client got', isBinary, isBinary ? Array.from(data).join(',') : data.toString());
    if (isBinary) c.close(1000, 'bye');
  });
  c.on('close', (code, reason) => closed('client', code, reason.toString()));
});
wss.on('connection', (conn) => {
  console.log('server connection', conn.path);
  conn.on('message', (data, isBinary) => conn.send(isBinary ? data : 'echo ' + data));
  conn.on('close', (code, reason) => closed('server', code, String(reason)));
});
