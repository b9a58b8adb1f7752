// The response's Writable surface: write/end callbacks, "prefinish",
// "finish" and "close" in node's order, the writable* flags, cork/uncork,
// destroy, drain.
const stream = require('stream');
const { L, test, run, send, setHandler } = require('./_h');

function flags(r) {
  return 'ended=' + r.writableEnded + ' finished=' + r.writableFinished + ' destroyed=' + r.destroyed + ' closed=' + r.closed;
}

test('end(body, cb): order of callbacks and events', (done) => {
  const ev = [];
  setHandler((req, res) => {
    res.on('prefinish', () => ev.push('prefinish'));
    res.on('finish', () => ev.push('finish ' + flags(res)));
    res.on('close', () => ev.push('close ' + flags(res)));
    res.end('hi', () => ev.push('end cb'));
    ev.push('after end ' + res.writableEnded);
    res.on('finish', () => ev.push('finish listener added after end'));
  });
  send({}, null, (status, body) => {
    setTimeout(() => { L(status, body); L(ev.join(' | ')); done(); }, 20);
  });
});

test('write(chunk, cb) then end(cb)', (done) => {
  const ev = [];
  setHandler((req, res) => {
    L('start', flags(res), 'writable', res.writable);
    res.write('a', () => ev.push('write cb a'));
    res.write('b', 'utf8', () => ev.push('write cb b'));
    const r = res.write(Buffer.from('c'));
    ev.push('write returned ' + r);
    res.on('finish', () => ev.push('finish'));
    res.on('close', () => ev.push('close'));
    res.end(() => ev.push('end cb'));
  });
  send({}, null, (status, body) => {
    setTimeout(() => { L(status, body); L(ev.join(' | ')); done(); }, 20);
  });
});

test('cork/uncork', (done) => {
  setHandler((req, res) => {
    res.cork();
    L('corked', res.writableCorked);
    res.write('x');
    res.write('y');
    res.uncork();
    L('uncorked', res.writableCorked);
    res.end('z');
  });
  send({}, null, (status, body) => { L(status, body); done(); });
});

test('stream.finished(res) after end', (done) => {
  setHandler((req, res) => {
    res.end('done');
    stream.finished(res, (err) => { L('finished cb', err ? err.code : 'ok', flags(res)); });
  });
  send({}, null, (status, body) => { setTimeout(() => { L(status, body); done(); }, 20); });
});

test('finished(res) sees a destroyed response', (done) => {
  const ev = [];
  setHandler((req, res) => {
    stream.finished(res, (err) => { ev.push('finished cb ' + (err ? err.code : 'ok')); });
    res.on('close', () => ev.push('close ' + res.destroyed + ' ' + res.writableFinished));
    setTimeout(() => res.destroy(), 10);
  });
  // A POST: Go's client would retry a GET on a reused connection.
  send({}, 'x', (status) => { setTimeout(() => { L('client status', status); L(ev.join(' | ')); done(); }, 50); });
});

test('pipe a Readable that ends later', (done) => {
  setHandler((req, res) => {
    const src = new stream.Readable({ read() {} });
    src.pipe(res);
    src.push('one,');
    setTimeout(() => { src.push('two'); src.push(null); }, 10);
    res.on('finish', () => L('finish', res.writableEnded));
  });
  send({}, null, (status, body) => { setTimeout(() => { L(status, body); done(); }, 20); });
});

test('end(cb) twice', (done) => {
  const ev = [];
  setHandler((req, res) => {
    res.end('once', () => ev.push('first cb'));
    res.end((err) => ev.push('second cb ' + (err && err.code)));
  });
  send({}, null, (status, body) => { setTimeout(() => { L(status, body, ev.join(' | ')); done(); }, 20); });
});

run();
