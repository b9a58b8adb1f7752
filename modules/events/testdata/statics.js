// Today's static helpers of the events module, diffed against node.
const events = require('events');
const { EventEmitter } = events;
const e = new EventEmitter();
(async () => {
  const it = events.on(e, 'tick');
  setTimeout(() => { e.emit('tick', 1); e.emit('tick', 2, 'b'); }, 5);
  console.log((await it.next()).value, (await it.next()).value);
  await it.return();
  console.log(e.listenerCount('tick'), e.listenerCount('error'), JSON.stringify(await it.next()));
  const it2 = events.on(e, 'x');
  setTimeout(() => e.emit('error', new Error('bad')), 5);
  try { await it2.next(); } catch (err) { console.log('rejected', err.message); }
  const ac = new AbortController();
  const it3 = events.on(e, 'y', { signal: ac.signal });
  setTimeout(() => ac.abort(), 5);
  try { await it3.next(); } catch (err) { console.log(err.name, err.code); }
  const f = () => {};
  e.on('z', f);
  console.log(events.getEventListeners(e, 'z').length, events.getEventListeners(e, 'z')[0] === f);
  events.setMaxListeners(3, e);
  console.log(e.getMaxListeners(), events.getMaxListeners(e), events.defaultMaxListeners);
  try { events.setMaxListeners(-1); } catch (err) { console.log(err.name, err.code); }
  console.log(events.captureRejectionSymbol === Symbol.for('nodejs.rejection'), events.usingDomains, typeof events.errorMonitor);
  const ac2 = new AbortController();
  const d = events.addAbortListener(ac2.signal, () => console.log('abort listener ran'));
  console.log(typeof d);
  ac2.abort();
  const ac3 = new AbortController(); ac3.abort();
  events.addAbortListener(ac3.signal, () => console.log('already aborted ran'));
  const v = await events.once(e, 'later').catch(() => 'x') && 'never';
  void v;
})();
setTimeout(() => e.emit('later'), 60);
