// pause/resume, drain after a write that returned false, pipe echo, bytes.
const net = require('net');
const log = [];
const big = Buffer.alloc(1 << 20, 'x');
const server = net.createServer((s) => {
  s.pipe(s); // echo through pipe
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  let got = 0, drains = 0, pausedData = 0, paused = false;
  c.on('connect', () => {
    c.write(big); // its result depends on how much the kernel takes at once
    log.push('wrote ' + big.length);
    c.pause();
    paused = true;
    log.push('paused ' + c.isPaused());
    setTimeout(() => { paused = false; c.resume(); log.push('resumed ' + c.isPaused()); }, 100);
  });
  c.on('drain', () => { drains++; });
  c.on('data', (d) => {
    if (paused) pausedData++;
    got += d.length;
    if (got === big.length) {
      log.push('echoed all ' + got + ' drains ' + drains + ' data while paused ' + pausedData);
      c.end();
    }
  });
  c.on('close', () => {
    log.push('client close ' + c.bytesWritten + ' ' + c.bytesRead);
    server.close(() => console.log(log.join('\n')));
  });
});
