const util = require('util');
// Stacks differ between engines: print only the first line and the shape.
const first = (s) => s.split('\n')[0];
const log = (v, o) => console.log(first(util.inspect(v, o)));
log(new Error('plain'));
log(new TypeError('typed'));
log(new RangeError(''));
const e = new Error('with props'); e.code = 'E_CODE'; e.extra = { a: 1 };
const s = util.inspect(e); console.log(first(s), s.includes("code: 'E_CODE'"), s.includes('extra: { a: 1 }'), s.trimEnd().endsWith('}'));
class MyError extends Error { constructor(m) { super(m); this.name = 'MyError'; } }
log(new MyError('mine'));
class NoName extends Error {}
log(new NoName('noname'));
const nostack = new Error('nostack'); nostack.stack = undefined; console.log(util.inspect(nostack));
const strstack = new Error('x'); strstack.stack = 'custom stack text'; console.log(util.inspect(strstack));
console.log(util.inspect({ err: Object.assign(new Error('in obj'), { stack: 'Error: in obj' }) }));
console.log(util.inspect([Object.assign(new Error('in arr'), { stack: 'Error: in arr' })]));
const named = new Error('n'); named.name = 'Renamed'; named.stack = 'Renamed: n'; console.log(util.inspect(named));
const agg = new AggregateError([new Error('a')], 'many'); agg.stack = 'AggregateError: many'; console.log(first(util.inspect(agg)));
const cause = new Error('outer', { cause: 'inner' }); cause.stack = 'Error: outer'; console.log(util.inspect(cause));
console.log(util.format('%s', new Error('fmt')).split('\n')[0]);
console.log(util.inspect(Object.assign(new Error('m'), { stack: 'Error: m' }), { compact: false }));
