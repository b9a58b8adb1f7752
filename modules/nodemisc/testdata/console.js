const { Console } = require('console');
const { PassThrough } = require('stream');
const out = new PassThrough(), err = new PassThrough();
let o = '', e = '';
out.on('data', (d) => { o += d; }); err.on('data', (d) => { e += d; });
const c = new Console({ stdout: out, stderr: err });
c.log('hello %s', 'world', { a: 1 });
c.info('info'); c.debug('debug'); c.warn('warn'); c.error('error', new Map([[1, 2]]));
c.dir({ deep: { deeper: { deepest: { x: 1 } } } }, { depth: 0 });
c.assert(true, 'no'); c.assert(false, 'yes %d', 1); c.assert(false);
c.count(); c.count(); c.count('x'); c.countReset(); c.count();
c.group('G'); c.log('inside'); c.group(); c.log('deeper\nmulti'); c.groupEnd(); c.groupEnd(); c.log('out');
const c2 = new Console(out);
c2.error('to stdout too');
console.log(Object.keys(c).sort().join(','));
setTimeout(() => { console.log(JSON.stringify(o)); console.log(JSON.stringify(e)); }, 10);
console.log(require('console') === console, typeof console.Console, typeof console.clear, typeof console.timeStamp);
try { new Console(); } catch (x) { console.log(x.name, x.code); }
