// Shared by the stream test scripts: an ordered log and a sequential runner.
'use strict';
const log = [];
function fmt(x) {
  if (Buffer.isBuffer(x)) return '<' + x.toString() + '>';
  if (x instanceof Error) return 'Error(' + (x.code || x.message) + ')';
  if (x && (x._readableState || x._writableState)) return '[stream]';
  if (typeof x === 'object' && x !== null) return JSON.stringify(x);
  return String(x);
}
function L(...a) { log.push(a.map(fmt).join(' ')); }
function watch(name, s, events) {
  for (const ev of events) s.on(ev, (x) => L(name, ev, x === undefined ? '' : x));
}
const tests = [];
function test(name, fn) { tests.push([name, fn]); }
function run() {
  let i = 0;
  function next() {
    if (i >= tests.length) {
      console.log(log.join('\n'));
      return;
    }
    const [name, fn] = tests[i++];
    L('### ' + name);
    fn(() => setTimeout(next, 5));
  }
  next();
}
module.exports = { L, watch, test, run };
