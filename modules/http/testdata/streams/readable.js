// A request consumed as a Readable: 'readable' + read(), setEncoding,
// pause/resume, the readable* getters, destroy.
const stream = require('stream');
const { L, test, run, send, setHandler } = require('./_h');

const text = 'héllo wörld ✓ '.repeat(5000); // multi-byte characters across chunk edges

test("on('readable') + read()", (done) => {
  setHandler((req, res) => {
    L('before', req.readable, req.readableEnded, req.readableLength, req.readableFlowing, req.isPaused());
    let n = 0, reads = 0;
    req.on('readable', () => {
      let c;
      while ((c = req.read()) !== null) { n += c.length; reads++; }
    });
    req.on('end', () => {
      L('read', n, 'bytes; got some chunks', reads > 0, 'ended', req.readableEnded, 'readable', req.readable, 'complete', req.complete);
      res.end('ok');
    });
  });
  send({}, text, (status, body) => { L(status, body); done(); });
});

test('read(n) with sizes', (done) => {
  setHandler((req, res) => {
    const parts = [];
    req.on('readable', function onr() {
      let c;
      while ((c = req.read(1000)) !== null) parts.push(c.length);
    });
    req.on('end', () => {
      const all1000 = parts.slice(0, -1).every((x) => x === 1000);
      L('pieces of 1000', all1000, 'total', parts.reduce((a, b) => a + b, 0));
      res.end();
    });
  });
  send({}, Buffer.alloc(10500, 65), (status) => { L(status); done(); });
});

test("setEncoding('utf8') then 'data'", (done) => {
  setHandler((req, res) => {
    req.setEncoding('utf8');
    let s = '', types = new Set();
    req.on('data', (d) => { types.add(typeof d); s += d; });
    req.on('end', () => {
      L('types', [...types].join(','), 'same text', s === text, 'encoding', req.readableEncoding);
      res.end();
    });
  });
  send({}, text, (status) => { L(status); done(); });
});

test('setEncoding with pipe into an object collector', (done) => {
  setHandler((req, res) => {
    req.setEncoding('utf8');
    let s = '';
    const w = new stream.Writable({ decodeStrings: false, write(c, e, cb) { s += c; cb(); } });
    req.pipe(w).on('finish', () => { L('piped text intact', s === text); res.end(); });
  });
  send({}, text, (status) => { L(status); done(); });
});

test('pause() then resume()', (done) => {
  setHandler((req, res) => {
    let n = 0, whilePaused = 0, paused = true;
    req.on('data', (d) => { n += d.length; if (paused) whilePaused++; });
    req.pause();
    L('isPaused', req.isPaused());
    setTimeout(() => {
      paused = false;
      L('data while paused', whilePaused, 'isPaused', req.isPaused());
      req.resume();
    }, 50);
    req.on('end', () => { L('total', n); res.end(); });
  });
  send({}, text, (status) => { L(status); done(); });
});

test('pause() then read state', (done) => {
  setHandler((req, res) => {
    req.pause();
    setTimeout(() => {
      L('flowing', req.readableFlowing, 'has buffered', req.readableLength > 0);
      let n = 0;
      req.on('data', (d) => { n += d.length; });
      req.resume();
      req.on('end', () => { L('total', n, req.readableEnded); res.end(); });
    }, 50);
  });
  send({}, text, (status) => { L(status); done(); });
});

test('data then switch to pipe mid-body', (done) => {
  setHandler((req, res) => {
    let first = null;
    req.once('data', (d) => {
      first = d.length;
      req.pause();
      let rest = 0;
      const w = new stream.Writable({ write(c, e, cb) { rest += c.length; cb(); } });
      w.on('finish', () => { L('first+rest', first + rest); res.end(); });
      req.pipe(w);
    });
  });
  send({}, text, (status) => { L(status); done(); });
});

test('async iterator with next()', (done) => {
  setHandler((req, res) => {
    const it = req[Symbol.asyncIterator]();
    let n = 0, steps = 0;
    function step() {
      it.next().then((r) => {
        if (r.done) { L('iterated', n, 'bytes, several steps', steps > 1, 'ended', req.readableEnded); res.end(); return; }
        steps++;
        n += r.value.length;
        step();
      });
    }
    step();
  });
  send({}, text, (status) => { L(status); done(); });
});

test('events and flags for a GET', (done) => {
  const ev = [];
  setHandler((req, res) => {
    for (const e of ['end', 'close', 'aborted']) req.on(e, () => ev.push('req ' + e + ' ended=' + req.readableEnded + ' destroyed=' + req.destroyed));
    for (const e of ['finish', 'close']) res.on(e, () => ev.push('res ' + e + ' destroyed=' + res.destroyed));
    req.resume();
    res.end('x');
  });
  send({}, null, (status, body) => {
    setTimeout(() => { L(status, body, ev.join(', ')); done(); }, 20);
  });
});

test('stream.finished(req) and finished(res)', (done) => {
  const ev = [];
  setHandler((req, res) => {
    stream.finished(req, (err) => ev.push('req finished ' + (err ? err.code : 'ok')));
    stream.finished(res, (err) => ev.push('res finished ' + (err ? err.code : 'ok')));
    req.on('data', () => {});
    req.on('end', () => res.end('done'));
  });
  send({}, 'some body', (status, body) => {
    setTimeout(() => { L(status, body, ev.join(', ')); done(); }, 20);
  });
});

test('req.destroy() while the client is sending', (done) => {
  const ev = [];
  setHandler((req, res) => {
    req.on('aborted', () => ev.push('aborted'));
    req.on('close', () => ev.push('req close destroyed=' + req.destroyed));
    res.on('close', () => ev.push('res close'));
    req.once('data', () => { req.destroy(); ev.push('destroyed ' + req.destroyed); });
  });
  const http = require('http');
  const { server } = require('./_h');
  const creq = http.request({ port: server.address().port, host: '127.0.0.1', method: 'POST' });
  let clientErr = '';
  // The client's errno is the kernel's choice, in node as in gonode: a
  // reset when the server closed with unread bytes in its receive buffer
  // (ECONNRESET), or a FIN first when a slow client had left it empty,
  // then a reset for the next bytes (EPIPE). Either means "broken".
  creq.on('error', (e) => { clientErr = e.code === 'ECONNRESET' || e.code === 'EPIPE' ? 'reset or broken pipe' : e.code; });
  creq.end(Buffer.alloc(4 << 20, 120));
  creq.on('close', () => setTimeout(() => { L(ev.join(', ')); L('client error', clientErr); done(); }, 50));
});

run();
