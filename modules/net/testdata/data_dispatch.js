// How a server socket hands chunks to its 'data' listeners, in the cases
// gonode's socket core dispatches itself (one plain listener) and those it
// leaves to emit: `this` and arguments, a once() listener, a second
// listener added and removed mid-stream, an emit overridden on the
// instance, a listener that throws (uncaughtException, and reading goes
// on), and a paused socket resumed.
const net = require('net');
const log = [];
let thrown = 0;
process.on('uncaughtException', (e) => { log.push('uncaught ' + e.message); thrown++; });

const cases = [
  (s, name) => {
    s.on('data', function (d) { log.push(name + ' plain ' + (this === s) + ' ' + arguments.length + ' ' + d); s.write('ack'); });
  },
  (s, name) => {
    s.once('data', function (d) { log.push(name + ' once ' + (this === s) + ' ' + d); });
    s.on('data', (d) => { log.push(name + ' after-once ' + d); s.write('ack'); });
  },
  (s, name) => {
    const second = (d) => log.push(name + ' second ' + d);
    s.on('data', function (d) {
      log.push(name + ' first ' + d + ' ' + s.listenerCount('data'));
      if (String(d) === 'c1') s.on('data', second);
      if (String(d) === 'c2') s.removeListener('data', second);
      s.write('ack');
    });
  },
  (s, name) => {
    const orig = s.emit;
    s.emit = function (ev, ...args) {
      if (ev === 'data') log.push(name + ' emit-override ' + args[0]);
      return orig.apply(this, [ev, ...args]);
    };
    s.on('data', (d) => { log.push(name + ' listener ' + d); s.write('ack'); });
  },
  (s, name) => {
    s.on('data', (d) => {
      log.push(name + ' throwing ' + d);
      s.write('ack');
      if (String(d) === 'c1') throw new Error(name + ' listener threw');
    });
  },
  (s, name) => {
    s.pause();
    setTimeout(() => { log.push(name + ' resume'); s.resume(); }, 20);
    s.on('data', (d) => { log.push(name + ' after-pause ' + d + ' ' + s.isPaused()); s.write('ack'); });
  },
];

let current = 0;
const server = net.createServer((s) => {
  const name = 'case' + current;
  s.on('error', (e) => log.push(name + ' error ' + e.code));
  cases[current](s, name);
});

function runCase() {
  if (current === cases.length) {
    server.close();
    console.log(log.join('\n'));
    console.log('thrown ' + thrown);
    return;
  }
  const c = net.connect(server.address().port, '127.0.0.1');
  let n = 0;
  const send = () => { if (n < 3) c.write('c' + n++); else c.end(); };
  c.on('connect', send);
  c.on('data', (d) => { for (let k = 0; k < String(d).split('ack').length - 1; k++) send(); });
  c.on('close', () => { current++; runCase(); });
}
server.listen(0, '127.0.0.1', runCase);
