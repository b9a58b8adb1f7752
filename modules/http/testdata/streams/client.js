// Client side: the response is a Readable, the request an OutgoingMessage;
// event order around the end of a response, read with 'data' or piped.
const http = require('http');
const stream = require('stream');
const { L, test, run, setHandler, server } = require('./_h');

function get(mode, done) {
  const ev = [];
  setHandler((q, r) => r.end('hello'));
  const creq = http.get({ port: server.address().port, host: '127.0.0.1' }, (res) => {
    res.on('end', () => ev.push('res end ' + res.readableEnded + ' ' + res.complete));
    res.on('close', () => ev.push('res close ' + res.destroyed));
    if (mode === 'pipe') {
      let s = '';
      res.pipe(new stream.Writable({ write(c, e, cb) { s += c; cb(); } })).on('finish', () => ev.push('piped ' + s));
    } else if (mode === 'read') {
      res.on('readable', () => { let c; while ((c = res.read()) !== null) ev.push('read ' + c); });
    } else {
      res.setEncoding('utf8');
      res.on('data', (d) => ev.push('data ' + d));
    }
  });
  creq.on('finish', () => ev.push('req finish ' + creq.writableFinished));
  creq.on('close', () => { ev.push('req close'); setTimeout(() => { L(ev.join(', ')); done(); }, 20); });
}

test("response read with 'data'", (done) => get('data', done));
test('response piped', (done) => get('pipe', done));
test("response read with 'readable'", (done) => get('read', done));

test('request write/end callbacks', (done) => {
  const ev = [];
  setHandler((q, r) => { let n = 0; q.on('data', (d) => { n += d.length; }); q.on('end', () => r.end(String(n))); });
  const creq = http.request({ port: server.address().port, host: '127.0.0.1', method: 'POST' }, (res) => {
    let s = '';
    res.on('data', (d) => { s += d; });
    res.on('end', () => { ev.push('got ' + s); });
  });
  L('before end', creq.writableEnded, creq.writableFinished, creq.finished);
  creq.write('abc', () => ev.push('write cb'));
  creq.end('def', () => ev.push('end cb ' + creq.writableFinished));
  L('after end', creq.writableEnded, creq.finished);
  creq.on('close', () => setTimeout(() => { L(ev.join(', ')); done(); }, 20));
});

test('pipeline(Readable.from, clientRequest)', (done) => {
  const ev = [];
  setHandler((q, r) => { let s = ''; q.setEncoding('utf8'); q.on('data', (d) => { s += d; }); q.on('end', () => r.end('server got ' + s)); });
  const creq = http.request({ port: server.address().port, host: '127.0.0.1', method: 'PUT' }, (res) => {
    let s = '';
    res.on('data', (d) => { s += d; });
    res.on('end', () => ev.push(s));
  });
  stream.pipeline(stream.Readable.from(['a', 'b', 'c']), creq, (err) => ev.push('pipeline ' + (err ? err.code : 'ok')));
  creq.on('close', () => setTimeout(() => { L(ev.join(', ')); done(); }, 20));
});

run();
