// Today's net echo server: the same file runs under Node v20 and gonode.
const net = require('net');
const port = +process.argv[2] || 9000;
net.createServer((s) => {
  s.on('data', (d) => s.write(d));
  s.on('error', () => {});
}).listen(port, '127.0.0.1', () => console.log('listening ' + port));
