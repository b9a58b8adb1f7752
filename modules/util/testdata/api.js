const util = require('util');
const { EventEmitter } = require('events');
function A() { EventEmitter.call(this); } util.inherits(A, EventEmitter);
console.log(A.super_ === EventEmitter, new A() instanceof EventEmitter, Object.getPrototypeOf(A.prototype) === EventEmitter.prototype);
try { util.inherits(A, null); } catch (e) { console.log(e.name, e.code); }
try { util.inherits(null, A); } catch (e) { console.log(e.name, e.code); }
const cbFn = (x, cb) => setTimeout(() => (x < 0 ? cb(new Error('neg')) : cb(null, x * 2)), 1);
const p = util.promisify(cbFn);
p(21).then(v => console.log('promisify', v));
p(-1).catch(e => console.log('promisify rejects', e.message));
const custom = function () {}; custom[util.promisify.custom] = () => Promise.resolve('custom!');
util.promisify(custom)().then(v => console.log(v, util.promisify(custom) === custom[util.promisify.custom]));
console.log(typeof util.promisify.custom, util.promisify.custom === Symbol.for('nodejs.util.promisify.custom'));
try { util.promisify(5); } catch (e) { console.log(e.name, e.code, e.message); }
const cbd = util.callbackify(async (x) => { if (x) throw new Error('cb err'); return 'cb ok'; });
cbd(0, (err, v) => console.log('callbackify', err, v));
cbd(1, (err, v) => console.log('callbackify err', err.message, v));
util.callbackify(() => Promise.reject(null))((err) => console.log('null reason', err.code, err.reason, err.message));
const dep = util.deprecate(() => 'dep result', 'this is deprecated', 'DEP0999');
console.log(dep(), dep());
console.log(util.isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), util.isDeepStrictEqual({ a: 1 }, { a: '1' }),
  util.isDeepStrictEqual(new Map([[1, 2]]), new Map([[1, 2]])), util.isDeepStrictEqual(new Set([1]), new Set([2])), util.isDeepStrictEqual(NaN, NaN),
  util.isDeepStrictEqual([1, 2], [1, 2, 3]), util.isDeepStrictEqual(new Date(0), new Date(0)), util.isDeepStrictEqual(/a/g, /a/i), util.isDeepStrictEqual(0, -0));
console.log(util.types.isDate(new Date()), util.types.isRegExp(/x/), util.types.isPromise(Promise.resolve()), util.types.isMap(new Map()),
  util.types.isSet(new Set()), util.types.isWeakMap(new WeakMap()), util.types.isWeakSet(new WeakSet()), util.types.isTypedArray(new Uint8Array()),
  util.types.isUint8Array(new Uint8Array()), util.types.isArrayBuffer(new ArrayBuffer(1)), util.types.isAnyArrayBuffer(new ArrayBuffer(1)),
  util.types.isAsyncFunction(async () => {}), util.types.isAsyncFunction(() => {}), util.types.isGeneratorFunction(function* () {}),
  util.types.isGeneratorObject((function* () {})()), util.types.isNativeError(new TypeError()), util.types.isNativeError({}),
  util.types.isBoxedPrimitive(new String('')), util.types.isNumberObject(new Number(1)), util.types.isStringObject(''), util.types.isSymbolObject(Object(Symbol())),
  util.types.isDataView(new DataView(new ArrayBuffer(1))), util.types.isArrayBufferView(new DataView(new ArrayBuffer(1))), util.types.isProxy({}),
  util.types.isMapIterator(new Map().keys()), util.types.isSetIterator(new Set().values()), util.types.isArgumentsObject((function () { return arguments; })()),
  util.types.isFloat64Array(new Float64Array()), util.types.isInt8Array(new Uint8Array()), util.types.isBigInt64Array(new BigInt64Array(1)), util.types.isDate({}));
console.log(util.isArray([]), util.isDate(new Date()), util.isRegExp(/a/), util.isError(new Error()), util.isFunction(() => {}), util.isPrimitive(1), util.isObject(null));
console.log(typeof util.TextEncoder, typeof util.TextDecoder, typeof util.types, typeof util.debuglog, typeof util.inspect.custom);
console.log(util.inspect.defaultOptions.depth, util.inspect.custom === Symbol.for('nodejs.util.inspect.custom'));
const dl = util.debuglog('gonodetest'); dl('not printed'); console.log(typeof dl, dl.enabled);
console.log(util.toUSVString ? util.toUSVString('a\ud800b') : 'none', util.stripVTControlCharacters ? util.stripVTControlCharacters('\u001b[31mred\u001b[39m') : 'none');
console.log(require('util/types') === util.types, require('node:util') === util);
console.log(typeof util.getSystemErrorName === 'function' ? util.getSystemErrorName(-2) : 'none');
console.log(util.isDeepStrictEqual([1, , 3], [1, undefined, 3]), util.isDeepStrictEqual(Object.create(null), {}));
