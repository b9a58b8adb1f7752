// How a server hands new sockets to its 'connection' listeners, in the
// case gonode's socket core dispatches itself (one plain listener) and
// those it leaves to emit: `this` and arguments, a once() listener (the
// next connection finds none), two listeners, emit overridden on the
// server, a listener that throws (uncaughtException; the server goes on
// accepting), and a listener added by createServer's callback plus one
// added later.
const net = require('net');
const log = [];
process.on('uncaughtException', (e) => log.push('uncaught ' + e.message));

function connectOnce(port) {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1');
    c.on('data', () => {});
    c.on('error', () => {});
    c.on('close', () => resolve());
    c.end('x');
  });
}

// Each case: a server (its listeners set by setup) served two connections
// one after the other.
const cases = [
  ['plain', (srv) => srv.on('connection', function (s) {
    log.push('plain ' + (this === srv) + ' ' + arguments.length + ' ' + (s instanceof net.Socket) + ' ' + (s.server === srv));
    s.destroy();
  })],
  ['once', (srv) => {
    srv.once('connection', function (s) { log.push('once ' + (this === srv) + ' ' + srv.listenerCount('connection')); s.destroy(); });
    srv.on('connection', (s) => { log.push('after-once ' + srv.listenerCount('connection')); s.destroy(); });
  }],
  ['two', (srv) => {
    srv.on('connection', (s) => log.push('first'));
    srv.on('connection', (s) => { log.push('second'); s.destroy(); });
  }],
  ['emit-override', (srv) => {
    const orig = srv.emit;
    srv.emit = function (ev, ...args) {
      if (ev === 'connection') log.push('emit-override ' + (args[0] instanceof net.Socket));
      return orig.apply(this, [ev, ...args]);
    };
    srv.on('connection', (s) => { log.push('listener'); s.destroy(); });
  }],
  ['throwing', (srv) => {
    srv.on('connection', (s) => {
      log.push('throwing');
      s.destroy();
      throw new Error('connection listener threw');
    });
  }],
  ['callback-and-later', null],
];

async function main() {
  for (const [name, setup] of cases) {
    let srv;
    if (setup) {
      srv = net.createServer();
      setup(srv);
    } else {
      srv = net.createServer((s) => { log.push(name + ' callback ' + srv.listenerCount('connection')); s.destroy(); });
    }
    await new Promise((r) => srv.listen(0, '127.0.0.1', r));
    const port = srv.address().port;
    await connectOnce(port);
    if (!setup) srv.on('connection', () => log.push(name + ' later'));
    await connectOnce(port);
    await new Promise((r) => srv.close(r));
    log.push('-- ' + name);
  }
  done = true;
  console.log(log.join('\n'));
}
let done = false;
process.on('exit', () => { if (!done) console.log('unfinished:\n' + log.join('\n')); });
main().catch((e) => console.log('main failed ' + e.stack));
