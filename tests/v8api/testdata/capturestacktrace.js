// Error.captureStackTrace / prepareStackTrace / stackTraceLimit.
const path = require('path');
function inner(obj, fn) { Error.captureStackTrace(obj, fn); return obj; }
function outer(obj, fn) { return inner(obj, fn); }
const o = outer({});
console.log(typeof o.stack, o.stack.split('\n')[0], Object.getOwnPropertyDescriptor(o, 'stack').enumerable);
const e = outer(new TypeError('bad'));
console.log(e.stack.split('\n')[0]);
const named = outer({ name: 'Custom', message: 'msg' });
console.log(named.stack.split('\n')[0]);
const orig = Error.prepareStackTrace;
Error.prepareStackTrace = (err, sites) => sites;
const s1 = outer({}).stack;
const s2 = outer({}, inner).stack;
const s3 = outer({}, outer).stack;
Error.prepareStackTrace = orig;
const desc = (sites) => sites.filter((c) => c.getFileName() === __filename).slice(0, 3).map((c) => [c.getFunctionName(), path.basename(c.getFileName()), c.getLineNumber(), typeof c.getColumnNumber(), c.isNative(), c.isEval()].join(' '));
console.log(desc(s1));
console.log(desc(s2));
console.log(desc(s3));
console.log(Error.stackTraceLimit, typeof Error.captureStackTrace);
Error.stackTraceLimit = 1;
Error.prepareStackTrace = (err, sites) => sites.filter((c) => c.getFileName() === __filename).length;
console.log(outer({}).stack);
Error.prepareStackTrace = (err, sites) => 'custom ' + err.message;
console.log(outer({ message: 'm' }).stack);
Error.prepareStackTrace = orig; Error.stackTraceLimit = 10;
class MyErr extends Error { constructor(m) { super(m); this.name = 'MyErr'; Error.captureStackTrace(this, MyErr); } }
console.log(new MyErr('x').stack.split('\n')[0], new MyErr('y') instanceof MyErr);
