// Failures reach JS as 'error' then 'close', never as crashes.
const net = require('net');
function show(e) { return e.code + ' ' + e.syscall + ' ' + (e instanceof Error); }
const steps = [];
function next() { const f = steps.shift(); if (f) f(); else console.log('done'); }

steps.push(() => {
  // connect to a port nobody listens on
  const probe = net.createServer().listen(0, '127.0.0.1', () => {
    const port = probe.address().port;
    probe.close(() => {
      const c = net.connect(port, '127.0.0.1');
      c.on('connect', () => console.log('connected?!'));
      c.on('error', (e) => console.log('connect error ' + show(e) + ' ' + (e.message === 'connect ECONNREFUSED 127.0.0.1:' + port) + ' ' + e.address + ' ' + (e.port === port)));
      c.on('close', (h) => { console.log('connect close ' + h + ' ' + c.destroyed); next(); });
    });
  });
});
steps.push(() => {
  // listen on a port in use
  const a = net.createServer().listen(0, '127.0.0.1', () => {
    const port = a.address().port;
    const b = net.createServer();
    b.on('error', (e) => {
      console.log('listen error ' + show(e) + ' ' + (e.message === 'listen EADDRINUSE: address already in use 127.0.0.1:' + port) + ' ' + b.listening);
      a.close(next);
    });
    b.listen(port, '127.0.0.1');
  });
});
steps.push(() => {
  // write after end, write after destroy, destroy(err)
  const s = net.createServer((sock) => { sock.on('data', () => {}); sock.on('end', () => {}); });
  s.listen(0, '127.0.0.1', () => {
    const c = net.connect(s.address().port, '127.0.0.1', () => {
      c.end();
      const r = c.write('late', (e) => console.log('write cb ' + (e && e.code)));
      console.log('write after end returned ' + r);
      c.on('error', (e) => console.log('error ' + e.code + ' ' + e.message));
      c.on('close', (h) => {
        console.log('close ' + h);
        const d = net.connect(s.address().port, '127.0.0.1', () => {
          d.on('error', (e) => console.log('destroy error ' + e.message));
          d.on('close', (h) => {
            console.log('destroy close ' + h + ' ' + d.destroyed);
            d.write('x', (e) => { console.log('write after destroy cb ' + (e && e.code)); s.close(next); });
            d.on('error', () => {});
          });
          d.destroy(new Error('boom'));
        });
      });
    });
  });
});
steps.push(() => {
  // bad arguments throw synchronously
  try { net.connect(70000, '127.0.0.1'); } catch (e) { console.log('bad port ' + e.code + ' ' + e.name); }
  try { net.createServer().listen(-1); } catch (e) { console.log('bad listen port ' + e.code); }
  try { new net.Socket().write(42); } catch (e) { console.log('bad chunk ' + e.code); }
  try { new net.Socket().setEncoding('nope'); } catch (e) { console.log('bad encoding ' + e.code); }
  console.log('isIP ' + net.isIP('127.0.0.1') + net.isIP('::1') + net.isIP('nope') + ' ' + net.isIPv4('1.2.3.4') + ' ' + net.isIPv6('1.2.3.4'));
  next();
});
next();
