// Pure-compute micro benchmarks of modules written in JS for gonode, run
// identically under node and gonode by run.sh. Prints "name ops/s".
const util = require('util');
const path = require('path');
const qs = require('querystring');
const zlib = require('zlib');
const which = process.argv[2];
function bench(name, n, fn) {
  if (which && which !== name) return;
  for (let i = 0; i < Math.min(n / 10, 1000); i++) fn(i); // warm-up
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn(i);
  const ns = Number(process.hrtime.bigint() - t0);
  console.log(name, Math.round(n / (ns / 1e9)));
}
const msg = { type: 'message', room: 'lobby', from: { id: 42, nick: 'ada' }, text: 'hello world', ts: 1700000000000, tags: ['a', 'b', 'c'] };
bench('util.format', 20000, (i) => util.format('%s said %d: %j', 'ada', i, msg));
bench('util.inspect', 5000, () => util.inspect(msg));
bench('new URL', 20000, (i) => new URL('https://user@example.com:8080/a/b/../c?x=' + i + '#h').href);
bench('URLSearchParams', 20000, (i) => new URLSearchParams('a=1&b=' + i + '&c=%20x').get('b'));
bench('url.parse', 20000, (i) => require('url').parse('http://example.com/p/a/t/h?query=' + i + '#hash').pathname);
bench('querystring.parse', 20000, (i) => qs.parse('a=1&b=' + i + '&c=%20x&c=2'));
bench('path.join', 50000, (i) => path.join('/a/b', '../c', 'd' + i, './e'));
const big = Buffer.from(JSON.stringify(Array.from({ length: 20000 }, (_, i) => ({ i, s: 'value ' + i }))));
bench('zlib 1MiB roundtrip', 5, () => zlib.inflateSync(zlib.deflateSync(big)));
bench('new URL simple', 20000, (i) => new URL('http://example.com/api/users?id=' + i).href);
bench('new URL(path, base)', 20000, (i) => new URL('/api/users?id=' + i, 'http://localhost:8080').pathname);
