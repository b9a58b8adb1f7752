// A server socket's life with its stream state first touched at each step
// (gonode builds a server socket's stream state lazily; node has it from
// the start): the events, their order against nextTicks, and the state
// getters must be the same either way.
const net = require('net');
const log = [];
function st(s) {
  return [s.readyState, s.readable, s.writable, s.destroyed, s.readableFlowing, s.readableEnded,
    s.writableEnded, s.writableFinished, s.writableLength, s.readableLength].join(' ');
}
function touch(s, where) {
  // Reading a state is what any stream method does first.
  log.push('  touch@' + where + ' r.ended=' + s._readableState.ended + ' r.flowing=' + s._readableState.flowing +
    ' w.ending=' + s._writableState.ending + ' w.finished=' + s._writableState.finished);
}
const plans = [
  'never', 'connection', 'afterOnData', 'dataBeforeWrite', 'dataAfterWrite', 'inEnd', 'tickAfterEnd',
  'shutdownPending', 'prefinish', 'finish', 'tickAfterFinish', 'close', 'destroyInData', 'endWithChunk',
  'pauseInData', 'endTwice', 'writeAfterEnd', 'destroyThenEnd'
];
let current;
const server = net.createServer((s) => {
  const plan = current;
  log.push(plan + ': connection ' + st(s));
  if (plan === 'connection') touch(s, 'connection');
  s.on('data', (d) => {
    log.push('  data ' + d + ' ' + st(s));
    if (plan === 'dataBeforeWrite') touch(s, 'data');
    if (plan === 'destroyInData') { s.destroy(); log.push('  destroyed ' + st(s)); return; }
    if (plan === 'endWithChunk') { s.end('bye:' + d); log.push('  ended ' + st(s)); return; }
    log.push('  write ' + s.write(d));
    if (plan === 'dataAfterWrite') touch(s, 'data');
    if (plan === 'pauseInData') {
      s.pause();
      log.push('  paused ' + s.isPaused() + ' ' + st(s));
      process.nextTick(() => { log.push('  resume'); s.resume(); });
    }
  });
  if (plan === 'afterOnData') touch(s, 'afterOnData');
  s.on('resume', () => log.push('  resume event ' + st(s)));
  s.on('end', () => {
    log.push('  end ' + st(s));
    if (plan === 'inEnd') touch(s, 'end');
    if (plan === 'endTwice') { s.end(); s.end(); log.push('  ended twice ' + st(s)); }
    if (plan === 'writeAfterEnd') { s.end(); log.push('  write after end ' + s.write('x', (e) => log.push('  write cb ' + (e && e.code)))); }
    if (plan === 'destroyThenEnd') { s.destroy(); s.end(); log.push('  destroy+end ' + st(s)); }
    process.nextTick(() => {
      log.push('  tick after end ' + st(s));
      if (plan === 'tickAfterEnd') touch(s, 'tickAfterEnd');
      process.nextTick(() => {
        log.push('  tick+2 after end ' + st(s));
        if (plan === 'shutdownPending') touch(s, 'shutdownPending');
      });
    });
  });
  s.on('prefinish', () => { log.push('  prefinish ' + st(s)); if (plan === 'prefinish') touch(s, 'prefinish'); });
  s.on('finish', () => {
    log.push('  finish ' + st(s));
    if (plan === 'finish') touch(s, 'finish');
    process.nextTick(() => {
      log.push('  tick after finish ' + st(s));
      if (plan === 'tickAfterFinish') touch(s, 'tickAfterFinish');
    });
  });
  s.on('error', (e) => log.push('  error ' + e.code));
  s.on('close', (h) => {
    log.push('  close ' + h + ' ' + st(s) + ' ' + s.bytesRead + ' ' + s.bytesWritten);
    if (plan === 'close') touch(s, 'close');
    planDone();
  });
});

// A plan ends when both of its sockets have closed; which of the two
// closes first is a race between two sockets, not part of this test.
let planDone;

function runPlan(i) {
  if (i === plans.length) {
    server.close(() => console.log(log.join('\n')));
    return;
  }
  current = plans[i];
  const c = net.connect(server.address().port, '127.0.0.1');
  let got = '';
  c.on('data', (d) => { got += d; });
  c.on('error', (e) => log.push('  client error ' + e.code));
  c.write('p' + i, () => c.end());
  let closes = 0;
  planDone = () => {
    if (++closes < 2) return;
    log.push('  client got ' + JSON.stringify(got));
    setTimeout(() => runPlan(i + 1), 5);
  };
  c.on('close', () => planDone());
}
server.listen(0, '127.0.0.1', () => runPlan(0));
