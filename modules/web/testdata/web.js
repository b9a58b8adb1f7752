for (const v of [() => 1, Symbol('x'), { f() {} }, new WeakMap(), Promise.resolve()]) { try { structuredClone(v) } catch (e) { console.log(e.name, e.code, e.message, e instanceof DOMException, e instanceof Error) } }
class A { constructor() { this.x = 1 } get y() { return 2 } }
const o = { a: [1, { b: 2 }], d: new Date(0), r: /x/gi, m: new Map([[1, { z: 1 }]]), s: new Set([1, 'a']), buf: Buffer.from('hi'), u16: new Uint16Array([1, 2]), n: null, u: undefined, big: 10n, inst: new A(), num: new Number(3), str: new String('s') };
o.self = o;
const c = structuredClone(o);
console.log(c, c.self === c, c.buf.constructor.name, c.inst.constructor.name, c.r.lastIndex);
const ab = new ArrayBuffer(4); const c2 = structuredClone({ a: new Uint8Array(ab), b: new Uint16Array(ab) }); console.log(c2.a.buffer === c2.b.buffer);
const e = new DOMException('msg', 'AbortError'); console.log(e.name, e.message, e.code, Object.keys(e), String(e), e instanceof Error, DOMException.ABORT_ERR);
const e2 = new DOMException(); console.log(JSON.stringify(e2.name), JSON.stringify(e2.message), e2.code);
try { new TextDecoder('nope') } catch (e) { console.log(e.name, e.code, e.message) }
try { new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff])) } catch (e) { console.log(e.name, e.code, e.message) }
console.log(new TextDecoder('latin1').encoding, new TextDecoder('UTF8').encoding, new TextDecoder('utf-16').encoding, new TextDecoder('ascii').decode(new Uint8Array([0x80, 0x9f, 0xe9])));
const ac = new AbortController(); ac.signal.addEventListener('abort', (ev) => console.log('abort event', ev.type, ev.constructor.name, ac.signal.reason.name)); ac.signal.onabort = () => console.log('onabort'); ac.abort(); ac.abort(); console.log(ac.signal.aborted, ac.signal.reason.message, ac.signal.reason.code);
try { ac.signal.throwIfAborted() } catch (e) { console.log('thrown', e.name) }
const s2 = AbortSignal.abort('why'); console.log(s2.aborted, s2.reason);
const s3 = AbortSignal.timeout(10); s3.onabort = () => console.log('timeout', s3.reason.name, s3.reason.message, s3.reason.code);
const any = AbortSignal.any([s3, new AbortController().signal]); any.addEventListener('abort', () => console.log('any aborted', any.reason === s3.reason), { once: true });
console.log(typeof EventTarget, typeof Event, Object.prototype.toString.call(ac.signal), String(ac.signal));
const et = new EventTarget(); const ev = new Event('foo', { cancelable: true });
et.addEventListener('foo', function (x) { console.log('foo1', this === et, x === ev, x.target === et, x.eventPhase); x.preventDefault(); });
et.addEventListener('foo', { handleEvent(x) { console.log('foo2', x.defaultPrevented); x.stopImmediatePropagation(); } });
et.addEventListener('foo', () => console.log('never'));
console.log(et.dispatchEvent(ev), ev.defaultPrevented, ev.target === et, ev.eventPhase);
const te = new TextEncoder(); console.log(te.encoding, te.encode('hé€'), te.encode(), te.encodeInto('hé€😀', new Uint8Array(5)), Object.prototype.toString.call(te.encode('a')));
const td = new TextDecoder(); console.log(JSON.stringify(td.decode(new Uint8Array([0xe2, 0x82]), { stream: true }) + '|' + td.decode(new Uint8Array([0xac])) + '|' + td.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])) + '|' + new TextDecoder('utf-8', {ignoreBOM:true}).decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])) + '|' + td.decode(new Uint16Array([0x4241])) + '|' + td.decode(new Uint8Array([0xe2])) + '|' + td.decode()));
console.log(td.fatal, td.ignoreBOM, new TextDecoder('utf-16le').decode(new Uint8Array([0xff, 0xfe, 0x41, 0, 0x3d, 0xd8])));
const ce = structuredClone({ e: new RangeError('bad') }).e;
console.log(ce instanceof RangeError, ce.name, ce.message, Object.keys(ce));
// timers: AbortSignal.timeout fires while something keeps the loop alive
const keep = setTimeout(() => console.log("done"), 100);
const t2 = AbortSignal.timeout(30); // after s3 (10 ms), whatever the script costs
t2.addEventListener('abort', () => console.log('t2 aborted', t2.reason.name, t2.reason.code));
// listener errors go to uncaughtException, after dispatch returns
process.once('uncaughtException', (err) => console.log('uncaught', err.message));
const et2 = new EventTarget();
et2.addEventListener('x', () => { throw new Error('boom'); });
et2.addEventListener('x', () => console.log('second listener runs'));
console.log('dispatch returned', et2.dispatchEvent(new Event('x')));
// once and removal, signal option
const ctl = new AbortController();
let count = 0;
const fn = () => count++;
et2.addEventListener('y', fn, { once: true });
et2.dispatchEvent(new Event('y')); et2.dispatchEvent(new Event('y'));
et2.addEventListener('z', fn, { signal: ctl.signal });
et2.dispatchEvent(new Event('z')); ctl.abort(); et2.dispatchEvent(new Event('z'));
et2.addEventListener('w', fn); et2.addEventListener('w', fn); et2.dispatchEvent(new Event('w'));
et2.removeEventListener('w', fn); et2.dispatchEvent(new Event('w'));
console.log('count', count);
try { new AbortSignal(); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(typeof structuredClone, typeof TextEncoder, typeof AbortController, typeof DOMException, typeof crypto.getRandomValues, typeof crypto.randomUUID);
const te2 = new TextEncoder();
for (const s of ['', 'abc', 'é', '€', '😀', '\ud800', 'a\udc00b']) console.log(JSON.stringify(s), te2.encode(s), JSON.stringify(new TextDecoder().decode(te2.encode(s))), te2.encodeInto(s, new Uint8Array(2)));
// which globals are enumerable, before and after first use
const names = ['Buffer', 'structuredClone', 'atob', 'btoa', 'crypto', 'AbortController', 'AbortSignal', 'Event', 'EventTarget', 'DOMException'];
console.log(names.map((k) => k + ':' + Object.getOwnPropertyDescriptor(globalThis, k).enumerable).join(' '));
names.forEach((k) => globalThis[k]);
console.log(names.map((k) => k + ':' + Object.getOwnPropertyDescriptor(globalThis, k).enumerable + ':' + Object.getOwnPropertyDescriptor(globalThis, k).writable).join(' '));
