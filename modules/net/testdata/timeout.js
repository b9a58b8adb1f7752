// setTimeout: 'timeout' is only an event; the socket stays open.
const net = require('net');
const server = net.createServer((s) => {
  s.on('data', (d) => s.write(d));
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  let timeouts = 0, pinged = false, echoed = false;
  const start = Date.now();
  c.setTimeout(100, () => console.log('timeout cb'));
  c.on('timeout', () => {
    if (pinged && !echoed) return; // a loaded machine: the echo is late, not the test's subject
    timeouts++;
    console.log('timeout ' + timeouts + ' ' + c.readyState + ' ' + (Date.now() - start >= 90));
    if (timeouts === 1) {
      pinged = true;
      c.write('ping');
    } else {
      c.setTimeout(0);
      c.end();
    }
  });
  c.on('data', (d) => { echoed = true; console.log('data ' + d); });
  c.on('close', (h) => { console.log('close ' + h + ' timeouts ' + timeouts); server.close(); });
});
