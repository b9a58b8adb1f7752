// Prints, as JSON, every built-in module node v20 has and the names each
// exports (own keys, plus prototype methods of exported classes), as the
// runtime running this script sees them. gen.sh runs it under node and
// gonode and joins the two into the table of docs/compatibility.md.
const mods = ['assert', 'assert/strict', 'async_hooks', 'buffer', 'child_process', 'cluster', 'console', 'constants', 'crypto',
  'dgram', 'diagnostics_channel', 'dns', 'dns/promises', 'domain', 'events', 'fs', 'fs/promises', 'http', 'http2', 'https',
  'inspector', 'module', 'net', 'os', 'path', 'path/posix', 'perf_hooks', 'process', 'punycode', 'querystring', 'readline',
  'readline/promises', 'repl', 'stream', 'stream/promises', 'stream/web', 'string_decoder', 'timers', 'timers/promises', 'tls',
  'trace_events', 'tty', 'url', 'util', 'util/types', 'v8', 'vm', 'wasi', 'worker_threads', 'zlib'];
const out = {};
for (const m of mods) {
  let x;
  try { x = require(m); } catch (e) { out[m] = null; continue; }
  const names = new Set();
  const add = (k) => { if (typeof k === 'string' && !k.startsWith('_')) names.add(k); };
  if (x && (typeof x === 'object' || typeof x === 'function')) {
    for (const k of Object.keys(x)) add(k);
    for (const k of Object.getOwnPropertyNames(x)) if (typeof x === 'function' ? !['length', 'name', 'prototype', 'arguments', 'caller'].includes(k) : true) add(k);
    for (const k of [...names]) {
      let v;
      try { v = x[k]; } catch (e) { continue; }
      if (typeof v === 'function' && /^[A-Z]/.test(k) && v.prototype) {
        for (const pk of Object.getOwnPropertyNames(v.prototype)) if (pk !== 'constructor' && !pk.startsWith('_')) names.add(k + '.prototype.' + pk);
      }
    }
  }
  out[m] = [...names].sort();
}
const globals = ['Buffer', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'AbortController', 'AbortSignal', 'Event', 'EventTarget',
  'structuredClone', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval',
  'atob', 'btoa', 'crypto', 'fetch', 'performance', 'WebSocket', 'BroadcastChannel', 'MessageChannel', 'Blob', 'DOMException', 'global', 'globalThis', 'process', 'console'];
out['(globals)'] = globals.filter((g) => { try { return typeof globalThis[g] !== 'undefined'; } catch (e) { return false; } });
out['(process)'] = Object.keys(process).concat(['stdout', 'stderr', 'stdin']).filter((k, i, a) => !k.startsWith('_') && a.indexOf(k) === i).sort();
process.stdout.write(JSON.stringify(out));
