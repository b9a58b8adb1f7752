const util = require('util');
const log = (v, o) => console.log(util.inspect(v, o));
log(new Map([['a', 1], ['b', { c: 2 }]]));
log(new Map());
log(new Set([1, 'two', [3]]));
log(new Set());
log(new Map([[{ k: 1 }, new Set([1])]]));
log(new WeakMap()); log(new WeakSet());
const m = new Map([[1, 2]]); m.prop = 'x'; log(m);
log(new Map(Array.from({ length: 30 }, (_, i) => [i, i])));
log(new Set(Array.from({ length: 30 }, (_, i) => i)));
log({ m: new Map([['nested', new Map([['deep', new Map([['deeper', 1]])]])]]) });
log([1, 2][Symbol.iterator]());
log(Promise.resolve(4));
log(Promise.reject(new Error('x')).catch(() => {}) && 'skip');
log(new Promise(() => {}));
const rej = Promise.reject(3); rej.catch(() => {}); log(rej);
class MyMap extends Map {}
log(new MyMap([[1, 1]]));
class MySet extends Set {}
log(new MySet());
log(new Proxy({ a: 1 }, {}));
log(Object.assign(() => {}, { prop: 1 }));
log(new Number(3)); log(new String('str')); log(new Boolean(false)); log(Object(Symbol('boxed'))); log(Object(5n));
log(globalThis.JSON); log(Math);
