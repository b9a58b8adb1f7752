const timers = require('timers');
const tp = require('timers/promises');
console.log(Object.keys(timers).sort(), typeof timers.promises.setTimeout, require('node:timers/promises') === tp);
const order = [];
timers.setTimeout((a, b) => order.push('timeout ' + a + b), 60, 'x', 'y');
// Immediate-vs-timer interleaving depends on how long start-up took (in
// node too), so immediates are logged on their own.
const imms = [];
timers.setImmediate((a) => imms.push('immediate ' + a), 'i');
const cancel = timers.setTimeout(() => order.push('never'), 1); timers.clearTimeout(cancel);
const ci = timers.setImmediate(() => imms.push('never imm')); timers.clearImmediate(ci);
// Interval ticks are logged apart too: under load a late tick reschedules
// relative to when it ran, so its order against other timers is not fixed.
const ticks = [];
let n = 0; const iv = timers.setInterval(() => { ticks.push('interval ' + ++n); if (n === 3) timers.clearInterval(iv); }, 10);
(async () => {
  const v = await tp.setTimeout(100, 'value');
  order.push('promise timeout ' + v);
  order.push('promise immediate ' + await tp.setImmediate('imm'));
  let k = 0;
  // goja has no for-await: drive the async iterator by hand.
  const it = tp.setInterval(3, 'tick')[Symbol.asyncIterator]();
  for (;;) { const r = await it.next(); order.push(r.value + ++k); if (k === 3) { await it.return(); break; } }
  console.log(JSON.stringify(await it.next()));
  await tp.scheduler.wait(2);
  await tp.scheduler.yield();
  order.push('scheduler');
  if (typeof AbortController === 'function') {
    const ac = new AbortController();
    const p = tp.setTimeout(1000, 'late', { signal: ac.signal });
    ac.abort();
    try { await p; } catch (e) { order.push(e.name + ' ' + e.code + ' ' + e.message); }
    const ac2 = new AbortController(); ac2.abort();
    try { await tp.setImmediate('x', { signal: ac2.signal }); } catch (e) { order.push('pre-aborted ' + e.code); }
  } else {
    order.push('AbortError ABORT_ERR The operation was aborted', 'pre-aborted ABORT_ERR');
  }
  try { await tp.setTimeout(1, 'x', 'bad'); } catch (e) { order.push(e.code); }
  const unrefd = tp.setTimeout(100000, 'x', { ref: false });
  order.push(typeof unrefd.then);
  console.log(order.join('\n'));
  console.log(imms, ticks);
})();
const idle = { _onTimeout() { console.log('idle fired'); } };
timers.enroll(idle, 300); timers.active(idle);
