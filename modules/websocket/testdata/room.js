// A test room: every text message is broadcast to everyone; "echo:x" comes
// back to the sender only; binary messages are echoed; "close:CODE" makes
// the server close with CODE; "flood:N:SIZE" broadcasts N messages of SIZE
// bytes. Options (JSON) go to createServer.
var websocket = require('websocket');
var opts = JSON.parse(process.argv[2] || '{}');
opts.port = 0;
opts.host = '127.0.0.1';
var srv = websocket.createServer(opts);
srv.on('listening', function () { console.log('listening ' + srv.address().port); });
srv.on('connection', function (c, req) {
  console.log('open ' + c._id + ' path=' + c.path + ' proto=' + c.protocol + ' ua=' + (req.headers['user-agent'] || ''));
  c.on('message', function (d, bin) {
    if (bin) {
      console.log('binary ' + c._id + ' ' + Buffer.isBuffer(d) + ' ' + d.byteLength);
      c.send(d);
      return;
    }
    if (d.indexOf('echo:') === 0) return c.send(d.slice(5));
    if (d.indexOf('close:') === 0) return c.close(+d.slice(6), 'asked');
    if (d.indexOf('flood:') === 0) {
      var p = d.split(':'), s = new Array(+p[2] + 1).join('x');
      for (var i = 0; i < +p[1]; i++) srv.broadcast(s);
      return;
    }
    if (d === 'count') return c.send('count=' + srv.clients.size);
    srv.broadcast(d);
  });
  c.on('close', function (code, reason) {
    console.log('close ' + c._id + ' ' + code + ' ' + reason + ' clients=' + srv.clients.size);
  });
});
