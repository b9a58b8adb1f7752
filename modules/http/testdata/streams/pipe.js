// req.pipe(res), pipeline(req, transform, res), Readable.from(...).pipe(res),
// unpipe, and the order of the events around them.
const stream = require('stream');
const { L, test, run, send, setHandler } = require('./_h');

const big = 'abcdefghij'.repeat(20000); // 200 kB: several chunks, back-pressure

function watch(name, s, evs, out) {
  for (const ev of evs) s.on(ev, () => out.push(name + ' ' + ev));
}

test('req.pipe(res) echo', (done) => {
  const ev = [];
  setHandler((req, res) => {
    watch('req', req, ['end', 'close'], ev);
    watch('res', res, ['pipe', 'unpipe', 'prefinish', 'finish', 'close'], ev);
    const r = req.pipe(res);
    L('pipe returns dest', r === res);
  });
  send({}, big, (status, body) => {
    L('echoed', status, body.length, body === big);
    setTimeout(() => { L(ev.join(', ')); done(); }, 20);
  });
});

test('pipeline(req, upper, res)', (done) => {
  const ev = [];
  setHandler((req, res) => {
    const upper = new stream.Transform({
      transform(chunk, enc, cb) { cb(null, chunk.toString().toUpperCase()); }
    });
    watch('res', res, ['finish', 'close'], ev);
    watch('req', req, ['end', 'close'], ev);
    stream.pipeline(req, upper, res, (err) => {
      ev.push('pipeline cb ' + (err ? err.code : 'ok'));
    });
  });
  send({}, big, (status, body) => {
    L('upper', status, body.length, body === big.toUpperCase());
    setTimeout(() => { L(ev.join(', ')); done(); }, 20);
  });
});

test('pipeline with a promise API', (done) => {
  setHandler((req, res) => {
    const chunks = [];
    const sink = new stream.Writable({
      write(c, e, cb) { chunks.push(c); cb(); }
    });
    require('stream/promises').pipeline(req, sink).then(() => {
      res.end('got ' + Buffer.concat(chunks).length);
    }, (e) => res.end('err ' + e.code));
  });
  send({}, big, (status, body) => { L(status, body); done(); });
});

test('Readable.from(...).pipe(res)', (done) => {
  const ev = [];
  setHandler((req, res) => {
    watch('res', res, ['pipe', 'finish', 'close'], ev);
    stream.Readable.from(['one ', 'two ', Buffer.from('three')]).pipe(res);
  });
  send({}, null, (status, body) => {
    L(status, body);
    setTimeout(() => { L(ev.join(', ')); done(); }, 20);
  });
});

test('pipeline(Readable.from, res)', (done) => {
  setHandler((req, res) => {
    res.setHeader('content-type', 'text/plain');
    stream.pipeline(stream.Readable.from(['x', 'y', 'z']), res, (err) => L('cb', err ? err.code : 'ok', res.writableEnded, res.writableFinished));
  });
  send({}, null, (status, body) => { L(status, body); setTimeout(done, 20); });
});

test('unpipe', (done) => {
  setHandler((req, res) => {
    const sink = new stream.PassThrough();
    sink.on('unpipe', (src) => L('unpipe event, src is req', src === req));
    req.pipe(sink);
    req.unpipe(sink);
    L('flowing after unpipe', req.readableFlowing, 'isPaused', req.isPaused());
    let n = 0;
    req.on("data", (d) => { n += d.length; });
    req.resume();
    req.on('end', () => { L('read after unpipe', n, 'sink got', sink.readableLength); res.end('done'); });
  });
  send({}, big, (status, body) => { L(status, body); done(); });
});

// The request's buffer stays bounded while the destination is slow (the
// socket stops being read): far below the 2 MB body.
test('pipe into a slow Writable, then respond', (done) => {
  setHandler((req, res) => {
    let got = 0, maxBuffered = 0;
    const slow = new stream.Writable({
      highWaterMark: 1024,
      write(c, e, cb) { got += c.length; maxBuffered = Math.max(maxBuffered, req.readableLength); setTimeout(cb, 1); }
    });
    slow.on('finish', () => {
      L('slow got', got, 'req buffer stayed bounded', maxBuffered <= 320 * 1024);
      if (maxBuffered > 320 * 1024) console.error('max buffered', maxBuffered);
      res.end('ok');
    });
    req.pipe(slow);
  });
  send({}, big.repeat(10), (status, body) => { L(status, body); done(); });
});

test("a 'data' listener first, then pipe into a slow Writable", (done) => {
  setHandler((req, res) => {
    let seen = 0, got = 0;
    req.on('data', (d) => { seen += d.length; });
    const slow = new stream.Writable({
      highWaterMark: 1024,
      write(c, e, cb) { got += c.length; setImmediate(cb); }
    });
    slow.on('finish', () => { L('listener saw', seen, 'writable got', got); res.end('ok'); });
    req.pipe(slow);
  });
  send({}, big.repeat(3), (status, body) => { L(status, body); done(); });
});

test('client response pipe', (done) => {
  setHandler((req, res) => res.end(big));
  const http = require('http');
  const { server } = require('./_h');
  http.get({ port: server.address().port, host: '127.0.0.1' }, (cres) => {
    let n = 0;
    const sink = new stream.Writable({ write(c, e, cb) { n += c.length; cb(); } });
    stream.pipeline(cres, sink, (err) => {
      L('client pipeline', err ? err.code : 'ok', n, cres.readableEnded, cres.complete);
      done();
    });
  });
});

run();
