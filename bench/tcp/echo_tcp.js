// node v0.1.21's tcp echo server (gonode only: Node v20 has no "tcp").
var tcp = require('tcp'), sys = require('sys');
var port = +process.argv[2] || 9000;
var s = tcp.createServer(function (c) {
  c.addListener('receive', function (d) { c.send(d, 'binary'); });
  c.addListener('eof', function () { c.close(); });
});
s.listen(port, '127.0.0.1');
sys.puts('listening ' + port);
