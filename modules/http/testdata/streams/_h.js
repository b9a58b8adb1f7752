// Shared by the http stream scripts: one server whose handler each test
// replaces, a client helper, an ordered log and a sequential runner.
'use strict';
const http = require('http');
const log = [];
function L(...a) { if (process.env.TRACE) console.error(...a); log.push(a.map((x) => (typeof x === 'object' && x !== null ? JSON.stringify(x) : String(x))).join(' ')); }
let handler = null;
const server = http.createServer((req, res) => handler(req, res));
const tests = [];
function test(name, fn) { tests.push([name, fn]); }
// send makes a request and calls cb(status, body) once the response ended.
function send(opts, body, cb) {
  opts = Object.assign({ port: server.address().port, host: '127.0.0.1', method: body === null ? 'GET' : 'POST', path: '/' }, opts);
  const req = http.request(opts, (res) => {
    const parts = [];
    res.on('data', (d) => parts.push(d));
    res.on('end', () => cb(res.statusCode, Buffer.concat(parts).toString()));
  });
  req.on('error', (e) => { L('client error', e.code); cb(0, ''); });
  if (body !== null) req.end(body); else req.end();
}
function run() {
  server.listen(0, '127.0.0.1', () => {
    let i = 0;
    function next() {
      if (i >= tests.length) {
        console.log(log.join('\n'));
        server.close();
        return;
      }
      const [name, fn] = tests[i++];
      L('### ' + name);
      fn(() => setTimeout(next, 10));
    }
    next();
  });
}
module.exports = { L, test, run, send, setHandler: (h) => { handler = h; }, server };
