// listen(0) and friends: address(), default host, getConnections, unref.
const net = require('net');
const s = net.createServer();
console.log('before ' + s.listening + ' ' + s.address());
s.listen(0, () => {
  const a = s.address();
  console.log('default ' + a.address + ' ' + a.family + ' ' + (a.port > 0) + ' ' + s.listening);
  let ready = 0;
  const both = () => { if (++ready === 2) proceed(); };
  s.on('connection', (sock) => { console.log('server saw ' + sock.remoteFamily + ' ' + sock.remoteAddress); both(); });
  const c = net.connect(a.port, '::1', both);
  function proceed() {
    s.getConnections((err, n) => {
      console.log('connections ' + err + ' ' + n + ' ' + c.remoteAddress + ' ' + c.remoteFamily + ' ' + c.address().family);
      c.destroy();
      s.close(() => {
        console.log('closed ' + s.listening + ' ' + s.address());
        const s2 = net.createServer((sock) => sock.unref()).listen({ port: 0, host: '127.0.0.1' }, () => {
          console.log('options ' + s2.address().address);
          const c4 = net.connect(s2.address().port, '127.0.0.1', () => {
            console.log('v4 ' + c4.remoteFamily + ' ' + c4.localAddress);
            c4.unref();
            s2.unref();
            setTimeout(() => console.log('unref did not let the process end?!'), 100000).unref();
          });
        });
      });
    });
  }
});
