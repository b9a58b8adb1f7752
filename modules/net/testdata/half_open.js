// allowHalfOpen: the server answers after the client's FIN, several times.
const net = require('net');
const log = [], clog = [];
const server = net.createServer({ allowHalfOpen: true }, (s) => {
  let got = '';
  s.setEncoding('utf8');
  s.on('data', (d) => { got += d; });
  s.on('end', () => {
    log.push('server end ' + s.readyState + ' got ' + got);
    let n = 0;
    const t = setInterval(() => {
      s.write(got.toUpperCase() + n + ';');
      if (++n === 3) { clearInterval(t); s.end('bye'); log.push('server ended ' + s.readyState); }
    }, 10);
  });
  s.on('close', (h) => { log.push('server close ' + h); server.close(); });
});
server.listen(0, () => {
  const c = net.connect({ port: server.address().port, host: '127.0.0.1', allowHalfOpen: true });
  let got = '';
  c.on('connect', () => { c.write('abc'); c.end('def'); clog.push('client ' + c.readyState); });
  c.on('data', (d) => { got += d; });
  c.on('end', () => { clog.push('client end ' + c.readyState + ' ' + got); c.end(); });
  c.on('close', (h) => clog.push('client close ' + h + ' ' + c.readyState));
});
server.on('close', () => setTimeout(() => console.log(log.concat(clog).join('\n')), 50));
