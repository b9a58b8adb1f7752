// npm's ws as a server, gonode's global WebSocket (browser API) as client.
const { WebSocketServer } = require('ws');
const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', path: '/chat' }, () => {
  console.log('listening');
  const c = new WebSocket('ws://127.0.0.1:' + wss.address().port + '/chat');
  c.onopen = () => { console.log('client open'); c.send('hello'); };
  c.onmessage = (ev) => { console.log('client got ' + ev.data); c.close(1000, 'bye'); };
  c.onclose = (ev) => { console.log('client close ' + ev.code + ' ' + ev.reason); wss.close(() => console.log('server closed')); };
});
wss.on('connection', (sock, req) => {
  console.log('server connection ' + req.url);
  sock.on('message', (data) => { console.log('server got ' + data); sock.send('echo:' + data); });
});
