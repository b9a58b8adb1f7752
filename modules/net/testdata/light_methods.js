// Stream methods called on a server socket (light in gonode until such a
// call): cork/uncork, write and end with callbacks, destroySoon, pause
// before any data, 'readable' + read(), bufferSize, readyState.
const net = require('net');
const log = [];
const cases = {
  cork: (s) => {
    s.on('data', (d) => {
      s.cork();
      s.write('a');
      s.write('b');
      log.push('cork corked=' + s.writableCorked + ' len=' + s.writableLength);
      process.nextTick(() => { s.uncork(); log.push('cork uncorked len=' + s.writableLength); });
    });
  },
  writeCb: (s) => {
    s.on('data', (d) => {
      log.push('writeCb ret ' + s.write(d, () => log.push('writeCb cb')));
      log.push('writeCb bufferSize ' + s.bufferSize);
    });
    s.on('end', () => s.end('tail', () => log.push('writeCb end cb ' + s.writableFinished)));
  },
  destroySoon: (s) => {
    s.on('data', (d) => { s.write(d); s.destroySoon(); log.push('destroySoon ' + s.readyState + ' ' + s.destroyed); });
  },
  pauseFirst: (s) => {
    s.pause();
    log.push('pauseFirst paused ' + s.isPaused() + ' flowing ' + s.readableFlowing);
    s.on('data', (d) => { log.push('pauseFirst data ' + d); s.write(d); });
    setTimeout(() => { log.push('pauseFirst resume'); s.resume(); }, 30);
  },
  readable: (s) => {
    s.on('readable', () => {
      let chunk;
      while ((chunk = s.read()) !== null) { log.push('readable read ' + chunk); s.write(chunk); }
    });
  },
  endAfterQueued: (s) => {
    // end(data) while the core still holds an earlier write: the data goes
    // out once, after it.
    s.on('data', () => {
      log.push('endAfterQueued write ' + s.write(Buffer.alloc(4 << 20, 'a')));
      s.end('tail');
      log.push('endAfterQueued ended ' + s.writableEnded + ' ' + s.writableLength);
    });
  },
  states: (s) => {
    log.push('states ' + [s.readyState, s.pending, s.connecting, s.readableHighWaterMark, s.writableHighWaterMark, s.readableObjectMode, s.allowHalfOpen].join(' '));
    s.on('data', (d) => s.write(d));
    s.on('end', () => log.push('states end ' + s.readyState + ' ' + s.bytesRead));
  }
};
const names = Object.keys(cases);
let i = 0;
const server = net.createServer((s) => {
  const name = names[i];
  s.on('finish', () => log.push(name + ' finish'));
  s.on('close', (h) => { log.push(name + ' close ' + h + ' ' + s.bytesRead + ' ' + s.bytesWritten); closed(); });
  cases[name](s);
});
// A case ends when both of its sockets have closed (which of the two goes
// first is a race between two sockets, not what this checks).
let closed;
function next() {
  if (i === names.length) { server.close(() => console.log(log.join('\n'))); return; }
  const c = net.connect(server.address().port, '127.0.0.1', () => c.write('x' + i));
  let got = '', closes = 0;
  closed = () => {
    if (++closes < 2) return;
    log.push(names[i] + ' client got ' + (got.length > 100 ? got.length + ' bytes ending ' + got.slice(-6) : got));
    i++;
    setTimeout(next, 20);
  };
  c.on('data', (d) => { got += d; if (got.length >= 2) c.end(); });
  c.on('close', () => closed());
}
server.listen(0, '127.0.0.1', next);
