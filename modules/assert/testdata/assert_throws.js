const assert = require('assert');
function t(label, fn) {
  try { fn(); console.log(label, 'passes'); }
  catch (e) {
    console.log(label, '->', e.name, e.code, e.generatedMessage, e.operator);
    console.log(e.message);
    console.log('---');
  }
}
const thrower = (e) => () => { throw e; };
class MyErr extends Error { constructor(m) { super(m); this.name = 'MyErr'; this.code = 'E_MINE'; } }
t('throws any', () => assert.throws(thrower(new Error('x'))));
t('throws none', () => assert.throws(() => {}));
t('throws none msg', () => assert.throws(() => {}, 'should throw'));
t('throws none class', () => assert.throws(() => {}, TypeError));
t('throws none class msg', () => assert.throws(() => {}, TypeError, 'with msg'));
t('throws class', () => assert.throws(thrower(new TypeError('t')), TypeError));
t('throws wrong class', () => assert.throws(thrower(new RangeError('r')), TypeError));
t('throws regexp', () => assert.throws(thrower(new Error('hello world')), /world/));
t('throws regexp fail', () => assert.throws(thrower(new Error('hello')), /world/));
t('throws object', () => assert.throws(thrower(new MyErr('mine')), { name: 'MyErr', code: 'E_MINE', message: /mi/ }));
t('throws object fail', () => assert.throws(thrower(new MyErr('mine')), { name: 'MyErr', code: 'E_OTHER' }));
t('throws error instance', () => assert.throws(thrower(new TypeError('same')), new TypeError('same')));
t('throws error instance fail', () => assert.throws(thrower(new TypeError('same')), new TypeError('other')));
t('throws validate fn', () => assert.throws(thrower(new Error('v')), (e) => e.message === 'v'));
t('throws validate fn fail', () => assert.throws(thrower(new Error('v')), function check(e) { return false; }));
t('throws non-error', () => assert.throws(thrower('a string'), /string/));
t('throws primitive vs object', () => assert.throws(thrower(42), { a: 1 }));
t('throws not fn', () => assert.throws(42));
t('throws bad expected', () => assert.throws(thrower(new Error()), 42));
t('throws empty obj', () => assert.throws(thrower(new Error()), {}));
t('throws ambiguous', () => assert.throws(thrower(new Error('same')), 'same'));
t('throws rethrows custom', () => assert.throws(thrower(new Error('x')), MyErr));
t('doesNotThrow', () => assert.doesNotThrow(() => {}));
t('doesNotThrow fail', () => assert.doesNotThrow(thrower(new Error('oops'))));
t('doesNotThrow fail msg', () => assert.doesNotThrow(thrower(new Error('oops')), 'context'));
t('doesNotThrow class match', () => assert.doesNotThrow(thrower(new TypeError('tt')), TypeError));
t('doesNotThrow class mismatch', () => assert.doesNotThrow(thrower(new RangeError('rr')), TypeError));
(async () => {
  const at = async (label, p) => {
    try { await p; console.log(label, 'passes'); }
    catch (e) { console.log(label, '->', e.name, e.code, e.generatedMessage, e.operator); console.log(e.message); console.log('---'); }
  };
  await at('rejects', assert.rejects(Promise.reject(new Error('r'))));
  await at('rejects fn', assert.rejects(async () => { throw new TypeError('tt'); }, TypeError));
  await at('rejects none', assert.rejects(Promise.resolve(1)));
  await at('rejects none class', assert.rejects(async () => 1, TypeError));
  await at('rejects wrong', assert.rejects(Promise.reject(new Error('a')), /b/));
  await at('rejects bad fn', assert.rejects(() => 5));
  await at('rejects bad arg', assert.rejects(5));
  await at('doesNotReject', assert.doesNotReject(Promise.resolve(1)));
  await at('doesNotReject fail', assert.doesNotReject(Promise.reject(new Error('no'))));
  await at('doesNotReject fn fail', assert.doesNotReject(async () => { throw new Error('nope'); }));
  console.log('done');
})();
