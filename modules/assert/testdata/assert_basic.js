const assert = require('assert');
function t(label, fn) {
  try { fn(); console.log(label, 'passes'); }
  catch (e) {
    console.log(label, '->', e.name, e.code, e.generatedMessage, e.operator, e instanceof assert.AssertionError);
    console.log(e.message);
    console.log('---');
  }
}
t('ok true', () => assert.ok(1));
t('ok false', () => assert.ok(false));
t('ok expr', () => assert.ok(typeof 123 === 'string'));
t('assert fn', () => assert(0 > 1));
t('ok multiline', () => assert.ok(
  [1, 2].length === 3
));
t('ok message', () => assert.ok(null, 'custom message'));
t('ok no args', () => assert.ok());
t('ok error message', () => assert.ok(false, new TypeError('own error')));
t('equal', () => assert.equal(1, '1'));
t('equal fail', () => assert.equal(1, 2));
t('equal NaN', () => assert.equal(NaN, NaN));
t('equal objs', () => assert.equal({ a: 1 }, { a: 1 }));
t('notEqual', () => assert.notEqual(1, '1'));
t('notEqual ok', () => assert.notEqual(1, 2));
t('strictEqual', () => assert.strictEqual(1, 1));
t('strictEqual fail', () => assert.strictEqual(1, 2));
t('strictEqual str', () => assert.strictEqual('hello world', 'hello there'));
t('strictEqual short str', () => assert.strictEqual('a', 'b'));
t('strictEqual types', () => assert.strictEqual(1, '1'));
t('strictEqual objs', () => assert.strictEqual({ a: 1 }, { a: 1 }));
t('strictEqual -0', () => assert.strictEqual(0, -0));
t('strictEqual NaN', () => assert.strictEqual(NaN, NaN));
t('strictEqual multiline', () => assert.strictEqual('a\nb\nc', 'a\nB\nc'));
t('strictEqual msg', () => assert.strictEqual(1, 2, 'my message'));
t('notStrictEqual', () => assert.notStrictEqual(1, 1));
t('notStrictEqual long', () => assert.notStrictEqual('abcdefgh', 'abcdefgh'));
t('notStrictEqual obj', () => { const o = { a: 1 }; assert.notStrictEqual(o, o); });
t('deepEqual', () => assert.deepEqual({ a: [1, 2] }, { a: ['1', 2] }));
t('deepEqual fail', () => assert.deepEqual({ a: 1 }, { a: 2 }));
t('notDeepEqual', () => assert.notDeepEqual({ a: 1 }, { a: 1 }));
t('notDeepEqual diff repr', () => assert.notDeepEqual({ a: 1 }, { a: '1' }));
t('deepStrictEqual', () => assert.deepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }));
t('deepStrictEqual fail', () => assert.deepStrictEqual({ a: 1, b: 2 }, { a: 1, b: 3 }));
t('deepStrictEqual types', () => assert.deepStrictEqual({ a: 1 }, { a: '1' }));
t('deepStrictEqual arrays', () => assert.deepStrictEqual([1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 3, 4, 5, 6, 7, 9]));
t('deepStrictEqual long', () => assert.deepStrictEqual(
  { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10 },
  { a: 1, b: 2, c: 3, d: 4, e: 5, f: 0, g: 7, h: 8, i: 9, j: 10 }));
t('deepStrictEqual extra key', () => assert.deepStrictEqual({ a: 1 }, { a: 1, b: 2 }));
t('deepStrictEqual proto', () => assert.deepStrictEqual(Object.create(null), {}));
t('deepStrictEqual same repr', () => assert.deepStrictEqual([Symbol('x')], [Symbol('x')]));
t('deepStrictEqual maps', () => assert.deepStrictEqual(new Map([[1, { a: 1 }]]), new Map([[1, { a: 2 }]])));
t('deepStrictEqual sets ok', () => assert.deepStrictEqual(new Set([{ a: 1 }, 2]), new Set([2, { a: 1 }])));
t('deepStrictEqual dates', () => assert.deepStrictEqual(new Date(0), new Date(1)));
t('deepStrictEqual nested', () => assert.deepStrictEqual({ x: { y: { z: [1, 2, { w: 'a' }] } } }, { x: { y: { z: [1, 2, { w: 'b' }] } } }));
t('deepStrictEqual str vs num', () => assert.deepStrictEqual('1', 1));
t('notDeepStrictEqual', () => assert.notDeepStrictEqual({ a: 1 }, { a: 1 }));
t('notDeepStrictEqual multi', () => assert.notDeepStrictEqual({ a: 1, b: 'x'.repeat(80) }, { a: 1, b: 'x'.repeat(80) }));
t('fail', () => assert.fail());
t('fail msg', () => assert.fail('boom'));
t('fail error', () => assert.fail(new RangeError('mine')));
t('fail legacy', () => assert.fail(1, 2, undefined, '>'));
t('fail legacy2', () => assert.fail(1, 2));
t('ifError null', () => assert.ifError(null));
t('ifError err', () => assert.ifError(new Error('bad thing')));
t('ifError value', () => assert.ifError('str'));
t('match', () => assert.match('abc', /b/));
t('match fail', () => assert.match('abc', /x/));
t('match nonstring', () => assert.match(123, /x/));
t('match bad regexp', () => assert.match('abc', 'b'));
t('doesNotMatch', () => assert.doesNotMatch('abc', /b/));
t('missing args', () => assert.strictEqual(1));
t('AssertionError ctor', () => { throw new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' }); });
t('AssertionError message', () => { throw new assert.AssertionError({ message: 'given' }); });
console.log(new assert.AssertionError({ message: 'm' }).toString());
console.log(Object.keys(new assert.AssertionError({ actual: 1, expected: 2, operator: 'x' })));
console.log(typeof assert.strict, assert.strict.strict === assert.strict, assert.strict.equal === assert.strictEqual, require('assert/strict') === assert.strict, require('node:assert') === assert);
t('strict equal', () => assert.strict.equal(1, '1'));
t('strict deepEqual', () => assert.strict.deepEqual([1], ['1']));
t('strict fn', () => assert.strict(false));
