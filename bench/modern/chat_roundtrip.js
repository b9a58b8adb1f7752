// Round-trips of a chat message (the talk's Room sends these): JSON
// encode/decode, Buffer encode/decode, and both together as a server does
// (object -> JSON -> bytes on the wire -> JSON -> object).
// Usage: <runtime> chat_roundtrip.js [seconds-per-case]
'use strict';
const secs = Number(process.argv[2] || 2);
const msg = {
  type: 'message',
  nick: 'ryah',
  room: 'node.js',
  text: 'Hello from the event loop! Today\'s comet server handles 10,000 idle clients — ünïcödé ✓',
  time: 1259600000000,
  seq: 42,
  tags: ['comet', 'long-poll', 'v8']
};
const json = JSON.stringify(msg);
const bytes = Buffer.from(json);

function bench(name, fn) {
  // warm up, then run batches until the time budget is spent
  for (let i = 0; i < 2000; i++) fn();
  let n = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(Math.round(secs * 1e9));
  let elapsed = 0n;
  while (elapsed < budget) {
    for (let i = 0; i < 1000; i++) fn();
    n += 1000;
    elapsed = process.hrtime.bigint() - start;
  }
  const opsPerSec = n / (Number(elapsed) / 1e9);
  console.log(name + ' ' + Math.round(opsPerSec));
}

let sink = 0;
bench('json', () => { sink += JSON.parse(JSON.stringify(msg)).seq; });
bench('buffer', () => { sink += Buffer.from(json).toString().length; });
bench('buffer_base64', () => { sink += Buffer.from(bytes.toString('base64'), 'base64').length; });
bench('json_buffer', () => { sink += JSON.parse(Buffer.from(JSON.stringify(msg)).toString()).seq; });
if (sink === 0) console.log('unreachable');
