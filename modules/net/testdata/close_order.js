// Two sockets of one process closing in the same turn: node (libuv closes
// handles from a stack) reports the one destroyed last first. Also the
// order of finish/end around a write callback that ends the socket.
const net = require('net');
let round = 0;
function run() {
  const srv = net.createServer((s) => {
    s.on('data', () => s.write('bye', () => s.end()));
    s.on('end', () => console.log(round, 'server end'));
    s.on('finish', () => console.log(round, 'server finish'));
    s.on('close', (hadError) => { console.log(round, 'server close', hadError); srv.close(); });
  });
  srv.on('close', () => { console.log(round, 'listener closed'); if (++round < 3) run(); });
  srv.listen(0, '127.0.0.1', () => {
    const c = net.connect(srv.address().port, '127.0.0.1', () => c.write('hi'));
    c.on('data', (d) => { console.log(round, 'client data', String(d)); c.end(); });
    c.on('end', () => console.log(round, 'client end'));
    c.on('finish', () => console.log(round, 'client finish'));
    c.on('close', (hadError) => console.log(round, 'client close', hadError));
  });
}
run();
