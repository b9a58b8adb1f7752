// The JS half of "crypto": node's argument checking and object shapes over
// the Go natives in `binding` (crypto.go).
'use strict';

var bufferMod = require('buffer');
var Buffer = bufferMod.Buffer;
var internal = bufferMod._internal;
var codeError = internal.codeError;
var argType = internal.argType;
var outOfRange = internal.outOfRange;

var webMod;
function web() {
  if (webMod === undefined) webMod = require('internal/web');
  return webMod;
}

// toBytes accepts what node's hash.update and friends accept.
function toBytes(data, encoding, name, what) {
  if (typeof data === 'string') {
    var enc = internal.normEnc(encoding);
    return Buffer.from(data, enc < 0 ? 'utf8' : internal.encNames[enc]);
  }
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (what && (data instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && data instanceof SharedArrayBuffer))) return new Uint8Array(data);
  throw argType(name, what || 'of type string or an instance of Buffer, TypedArray, or DataView', data);
}

function output(buf, encoding) {
  if (encoding === undefined || encoding === 'buffer') return buf;
  var enc = internal.normEnc(encoding);
  if (enc < 0) return buf;
  return buf.toString(internal.encNames[enc]);
}

function finalized() {
  return codeError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
}

function Hash(algorithm, options) {
  if (!(this instanceof Hash)) return new Hash(algorithm, options);
  if (typeof algorithm !== 'string') throw argType('algorithm', 'of type string', algorithm);
  var h = binding.hashNew(algorithm);
  if (h === null) throw new Error('Digest method not supported');
  this._handle = h;
  this._done = false;
  initStream(this, options);
}
Hash.prototype.update = function update(data, encoding) {
  if (this._done) throw finalized();
  binding.update(this._handle, toBytes(data, encoding, 'data'));
  return this;
};
Hash.prototype.digest = function digest(encoding) {
  if (this._done) throw finalized();
  this._done = true;
  return output(binding.digest(this._handle), encoding);
};
Hash.prototype.copy = function copy(options) {
  if (this._done) throw finalized();
  var h = Object.create(Hash.prototype);
  h._handle = binding.copy(this._handle);
  h._done = false;
  initStream(h, options);
  return h;
};

function Hmac(hmac, key, options) {
  if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
  if (typeof hmac !== 'string') throw argType('hmac', 'of type string', hmac);
  var k = key instanceof KeyObject && key.type === 'secret' ? key[kKey].handle
    : toBytes(key, options && options.encoding, 'key', 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey');
  var h = binding.hmacNew(hmac, k);
  if (h === null) throw codeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest: ' + hmac);
  this._handle = h;
  this._done = false;
  initStream(this, options);
}
Hmac.prototype.update = Hash.prototype.update;
// node: a second digest() of an Hmac returns an empty result, not an error.
Hmac.prototype.digest = function digest(encoding) {
  if (this._done) return output(Buffer.alloc(0), encoding);
  this._done = true;
  return output(binding.digest(this._handle), encoding);
};

// Hash and Hmac are Transform streams in node (write data, read the
// digest). The Transform state is built on first stream use only, so the
// common update/digest path pays nothing for it.
var Transform = require('stream').Transform;
function initStream(obj, options) {
  obj._options = options;
}
function streamify(Ctor, cipher) {
  Object.setPrototypeOf(Ctor.prototype, Transform.prototype);
  Ctor.prototype._transform = cipher ? function (chunk, encoding, callback) {
    this.push(this.update(chunk));
    callback();
  } : function (chunk, encoding, callback) {
    this.update(chunk, encoding);
    callback();
  };
  Ctor.prototype._flush = function (callback) {
    try {
      this.push(cipher ? this.final() : this.digest());
    } catch (err) {
      callback(err);
      return;
    }
    callback();
  };
  ['_readableState', '_writableState'].forEach(function (k) {
    Object.defineProperty(Ctor.prototype, k, {
      configurable: true,
      get: function () {
        lazyTransform(this);
        return this[k];
      },
      set: function (v) {
        Object.defineProperty(this, k, { value: v, writable: true, configurable: true, enumerable: true });
      }
    });
  });
}
function lazyTransform(obj) {
  // Transform.call assigns _readableState/_writableState, which the
  // setters above turn into own data properties.
  Transform.call(obj, obj._options);
}
streamify(Hash);
streamify(Hmac);

function createHash(algorithm, options) { return new Hash(algorithm, options); }
function createHmac(hmac, key, options) { return new Hmac(hmac, key, options); }

function hashOnce(algorithm, data, outputEncoding) {
  if (typeof algorithm !== 'string') throw argType('algorithm', 'of type string', algorithm);
  if (typeof data !== 'string' && !ArrayBuffer.isView(data)) throw argType('input', 'of type string or an instance of Buffer, TypedArray, or DataView', data);
  if (outputEncoding === undefined) outputEncoding = 'hex';
  var h = binding.hashNew(algorithm);
  if (h === null) throw new Error('Digest method not supported');
  binding.update(h, toBytes(data, 'utf8', 'input'));
  return output(binding.digest(h), outputEncoding);
}

var MAX_SIZE = 2147483647;
function validateSize(size) {
  if (typeof size !== 'number') throw argType('size', 'of type number', size);
  if (!(size >= 0 && size <= MAX_SIZE)) throw outOfRange('size', '>= 0 && <= ' + MAX_SIZE, size);
}
function validateCallback(cb) {
  if (typeof cb !== 'function') throw argType('callback', 'of type function', cb);
}

function randomBytes(size, callback) {
  validateSize(size);
  if (callback !== undefined) {
    validateCallback(callback);
    binding.randomBytesAsync(Math.floor(size), function (buf) { callback(null, buf); });
    return;
  }
  var b = Buffer.alloc(Math.floor(size));
  binding.randomFill(b);
  return b;
}

function viewOf(buf, name) {
  if (buf instanceof Uint8Array) return buf;
  if (ArrayBuffer.isView(buf)) return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf instanceof ArrayBuffer) return new Uint8Array(buf);
  throw argType(name, 'an instance of ArrayBuffer or ArrayBufferView', buf);
}
function fillRange(buf, offset, size) {
  var view = viewOf(buf, 'buf');
  var elem = ArrayBuffer.isView(buf) && buf.BYTES_PER_ELEMENT ? buf.BYTES_PER_ELEMENT : 1;
  var len = view.length;
  if (offset === undefined) offset = 0;
  else {
    if (typeof offset !== 'number') throw argType('offset', 'of type number', offset);
    offset *= elem;
    if (!(offset >= 0 && offset <= len)) throw outOfRange('offset', '>= 0 && <= ' + len, offset);
  }
  if (size === undefined) size = len - offset;
  else {
    if (typeof size !== 'number') throw argType('size', 'of type number', size);
    size *= elem;
    if (!(size >= 0 && size + offset <= len)) throw outOfRange('size + offset', '<= ' + len, size + offset);
  }
  return view.subarray(offset, offset + size);
}
function randomFillSync(buf, offset, size) {
  binding.randomFill(fillRange(buf, offset, size));
  return buf;
}
function randomFill(buf, offset, size, callback) {
  if (typeof offset === 'function') { callback = offset; offset = undefined; size = undefined; }
  else if (typeof size === 'function') { callback = size; size = undefined; }
  validateCallback(callback);
  var region = fillRange(buf, offset, size);
  binding.randomBytesAsync(region.length, function (bytes) {
    region.set(bytes);
    callback(null, buf);
  });
}

function randomUUID(options) {
  var b = Buffer.alloc(16);
  binding.randomFill(b);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  var h = b.toString('hex');
  return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
}

var RAND_MAX = 0xffffffffffff; // 2**48 - 1, node's limit on max - min
function randomInt(min, max, callback) {
  var minNotSpecified = typeof max === 'undefined' || typeof max === 'function';
  if (minNotSpecified) {
    callback = max;
    max = min;
    min = 0;
  }
  if (callback !== undefined) validateCallback(callback);
  if (!Number.isSafeInteger(min)) throw argType('min', 'a safe integer', min);
  if (!Number.isSafeInteger(max)) throw argType('max', 'a safe integer', max);
  if (max <= min) throw outOfRange('max', 'greater than the value of "min" (' + min + ')', max);
  var range = max - min;
  if (!(range <= RAND_MAX)) throw outOfRange('max - min', '<= ' + RAND_MAX, range);
  // Rejection sampling over 48-bit values keeps the result unbiased.
  var limit = RAND_MAX - (RAND_MAX % range);
  var b = Buffer.alloc(6), x;
  do {
    binding.randomFill(b);
    x = b.readUIntBE(0, 6);
  } while (x >= limit);
  var n = min + (x % range);
  if (callback) {
    process.nextTick(callback, undefined, n);
    return;
  }
  return n;
}

function timingSafeEqual(buf1, buf2) {
  function check(b, name) {
    if (ArrayBuffer.isView(b)) return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    if (b instanceof ArrayBuffer) return new Uint8Array(b);
    throw codeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "' + name + '" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.' + describe(b));
  }
  var a = check(buf1, 'buf1'), b = check(buf2, 'buf2');
  if (a.length !== b.length) throw codeError(RangeError, 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length');
  return binding.timingSafeEqual(a, b);
}
// node's timingSafeEqual message names no received value for primitives.
function describe(v) {
  if (v === null || v === undefined) return ' Received ' + v;
  if (typeof v === 'object' && v.constructor && v.constructor.name) return ' Received an instance of ' + v.constructor.name;
  return '';
}

function getRandomValues(data) {
  var DOMException = web().DOMException;
  if (!ArrayBuffer.isView(data) || data instanceof Float32Array || data instanceof Float64Array || data instanceof DataView) {
    throw new DOMException('The data argument must be an integer-type TypedArray', 'TypeMismatchError');
  }
  if (data.byteLength > 65536) {
    throw new DOMException('The requested length exceeds 65,536 bytes', 'QuotaExceededError');
  }
  binding.randomFill(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return data;
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  var pw = toBytes(password, 'utf8', 'password', 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView');
  var s = toBytes(salt, 'utf8', 'salt', 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView');
  if (typeof iterations !== 'number') throw argType('iterations', 'of type number', iterations);
  if (!(iterations >= 1 && iterations <= 2147483647 && Number.isInteger(iterations))) throw outOfRange('iterations', '>= 1 && <= 2147483647', iterations);
  if (typeof keylen !== 'number') throw argType('keylen', 'of type number', keylen);
  if (!(keylen >= 0 && keylen <= 2147483647 && Number.isInteger(keylen))) throw outOfRange('keylen', '>= 0 && <= 2147483647', keylen);
  if (typeof digest !== 'string') throw argType('digest', 'of type string', digest);
  var out = binding.pbkdf2(pw, s, iterations, keylen, digest);
  if (out === null) throw codeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest: ' + digest);
  return out;
}
function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  validateCallback(callback);
  var out = pbkdf2Sync(password, salt, iterations, keylen, digest);
  setImmediate(callback, null, out);
}

function hkdfSync(digest, ikm, salt, info, keylen) {
  if (typeof digest !== 'string') throw argType('digest', 'of type string', digest);
  var what = 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, or KeyObject';
  var k = toBytes(ikm, 'utf8', 'ikm', what);
  var s = toBytes(salt, 'utf8', 'salt', what);
  var i = toBytes(info, 'utf8', 'info', what);
  if (typeof keylen !== 'number') throw argType('length', 'of type number', keylen);
  if (!(keylen >= 0 && keylen <= 4294967296 && Number.isInteger(keylen))) throw outOfRange('length', '>= 0 && <= 4294967296', keylen);
  if (i.length > 1024) throw outOfRange('info', 'must not contain more than 1024 bytes', i.length);
  var out = binding.hkdf(digest, k, s, i, keylen);
  if (out === null) throw codeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest: ' + digest);
  if (out === false) throw codeError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Invalid key length');
  return out;
}
function hkdf(digest, ikm, salt, info, keylen, callback) {
  validateCallback(callback);
  var out = hkdfSync(digest, ikm, salt, info, keylen);
  setImmediate(callback, null, out);
}

// ---- KeyObject, createSecretKey/PrivateKey/PublicKey, sign/verify ----

var kKey = Symbol('kKeyObject');
var allowKeyObject = false;
class KeyObject {
  constructor(type, handle) {
    if (!allowKeyObject) throw argType('handle', 'of type object', handle);
    Object.defineProperty(this, kKey, { value: { type: type, handle: handle } });
  }
  get type() { return this[kKey].type; }
  get symmetricKeySize() { return this[kKey].type === 'secret' ? this[kKey].handle.length : undefined; }
  get asymmetricKeyType() { return this[kKey].type === 'secret' ? undefined : binding.keyInfo(this[kKey].handle)[1]; }
  get asymmetricKeyDetails() { return this[kKey].type === 'secret' ? undefined : binding.keyInfo(this[kKey].handle)[2]; }
  export(options) {
    var st = this[kKey];
    if (st.type === 'secret') {
      if (options && options.format === 'jwk') return { kty: 'oct', k: st.handle.toString('base64url') };
      return Buffer.from(st.handle);
    }
    if (!options || typeof options !== 'object') throw argType('options', 'of type object', options);
    var format = options.format || 'pem';
    var type = options.type || (st.type === 'public' ? 'spki' : 'pkcs8');
    return binding.keyExport(st.handle, format, type);
  }
  equals(other) {
    if (!(other instanceof KeyObject)) throw argType('otherKeyObject', 'an instance of KeyObject', other);
    if (other.type !== this.type) return false;
    if (this.type === 'secret') return timingSafeEqualLen(this[kKey].handle, other[kKey].handle);
    var fmt = this.type === 'public' ? { type: 'spki', format: 'der' } : { type: 'pkcs8', format: 'der' };
    return this.export(fmt).equals(other.export(fmt));
  }
}
Object.defineProperty(KeyObject.prototype, Symbol.toStringTag, { value: 'KeyObject', configurable: true });
function timingSafeEqualLen(a, b) { return a.length === b.length && binding.timingSafeEqual(a, b); }
function newKey(type, handle) {
  allowKeyObject = true;
  try { return new KeyObject(type, handle); } finally { allowKeyObject = false; }
}

var KEY_WHAT = 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey';
function createSecretKey(key, encoding) {
  var b = toBytes(key, encoding, 'key', 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView');
  return newKey('secret', Buffer.from(b));
}
function keyInput(key, wantPrivate) {
  var opts = {};
  if (key !== null && typeof key === 'object' && !ArrayBuffer.isView(key) && !(key instanceof ArrayBuffer) && !(key instanceof KeyObject)) {
    opts = key;
    key = key.key;
  }
  if (key instanceof KeyObject) return { key: key, opts: opts };
  var der = opts.format === 'der';
  var data = typeof key === 'string' ? Buffer.from(key, opts.encoding || 'utf8') : toBytes(key, 'utf8', 'key', KEY_WHAT);
  var h = binding.keyParse(data, der, opts.type || '', wantPrivate);
  var info = binding.keyInfo(h);
  return { key: newKey(info[0], h), opts: opts };
}
function createPrivateKey(key) {
  var k = keyInput(key, true).key;
  if (k.type !== 'private') throw codeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', 'Invalid key object type ' + k.type + ', expected private.');
  return k;
}
function createPublicKey(key) {
  var k = keyInput(key, false).key;
  if (k.type === 'secret') throw codeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', 'Invalid key object type secret, expected private.');
  if (k.type === 'private') return newKey('public', binding.keyPublic(k[kKey].handle));
  return k;
}

var constants = {
  RSA_PKCS1_PADDING: 1, RSA_NO_PADDING: 3, RSA_PKCS1_OAEP_PADDING: 4, RSA_PKCS1_PSS_PADDING: 6,
  RSA_PSS_SALTLEN_DIGEST: -1, RSA_PSS_SALTLEN_MAX_SIGN: -2, RSA_PSS_SALTLEN_AUTO: -2
};

function signArgs(key, wantPrivate) {
  var inp = keyInput(key, wantPrivate);
  var k = inp.key;
  if (wantPrivate && k.type !== 'private') throw codeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', 'Invalid key object type ' + k.type + ', expected private.');
  if (!wantPrivate && k.type === 'private') k = newKey('public', binding.keyPublic(k[kKey].handle));
  if (k.type === 'secret') throw codeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', 'Invalid key object type secret, expected ' + (wantPrivate ? 'private' : 'public') + '.');
  var o = inp.opts;
  return {
    handle: k[kKey].handle,
    padding: o.padding === undefined ? 1 : o.padding,
    saltLength: o.saltLength === undefined ? -2 : o.saltLength,
    p1363: o.dsaEncoding === 'ieee-p1363'
  };
}

function initSigner(obj, algorithm) {
  if (typeof algorithm !== 'string') throw argType('algorithm', 'of type string', algorithm);
  obj._alg = algorithm;
  obj._chunks = [];
}
function Sign(algorithm, options) {
  if (!(this instanceof Sign)) return new Sign(algorithm, options);
  initSigner(this, algorithm);
}
Sign.prototype.update = function (data, encoding) {
  this._chunks.push(Buffer.from(toBytes(data, encoding, 'data')));
  return this;
};
Sign.prototype.write = function (data, encoding, cb) {
  this.update(data, typeof encoding === 'string' ? encoding : undefined);
  if (typeof encoding === 'function') cb = encoding;
  if (typeof cb === 'function') process.nextTick(cb);
  return true;
};
Sign.prototype.end = function (data, encoding, cb) {
  if (data !== undefined && typeof data !== 'function') this.update(data, typeof encoding === 'string' ? encoding : undefined);
  return this;
};
Sign.prototype.sign = function (privateKey, outputEncoding) {
  var a = signArgs(privateKey, true);
  return output(binding.sign(this._alg, Buffer.concat(this._chunks), a.handle, a.padding, a.saltLength, a.p1363), outputEncoding);
};
function Verify(algorithm, options) {
  if (!(this instanceof Verify)) return new Verify(algorithm, options);
  initSigner(this, algorithm);
}
Verify.prototype.update = Sign.prototype.update;
Verify.prototype.write = Sign.prototype.write;
Verify.prototype.end = Sign.prototype.end;
Verify.prototype.verify = function (object, signature, sigEncoding) {
  var a = signArgs(object, false);
  var sig = typeof signature === 'string' ? Buffer.from(signature, sigEncoding || 'utf8') : toBytes(signature, undefined, 'signature');
  return binding.verify(this._alg, Buffer.concat(this._chunks), a.handle, sig, a.padding, a.saltLength, a.p1363);
};

function oneShotSign(algorithm, data, key, callback) {
  var a = signArgs(key, true);
  var out = binding.sign(algorithm == null ? '' : algorithm, toBytes(data, undefined, 'data'), a.handle, a.padding, a.saltLength, a.p1363);
  if (typeof callback === 'function') { process.nextTick(callback, null, out); return; }
  return out;
}
function oneShotVerify(algorithm, data, key, signature, callback) {
  var a = signArgs(key, false);
  var ok = binding.verify(algorithm == null ? '' : algorithm, toBytes(data, undefined, 'data'), a.handle, toBytes(signature, undefined, 'signature'), a.padding, a.saltLength, a.p1363);
  if (typeof callback === 'function') { process.nextTick(callback, null, ok); return; }
  return ok;
}

// ---- Cipheriv / Decipheriv (AES CBC, ECB, CTR, GCM) ----

function cipherKey(key) {
  if (key instanceof KeyObject && key.type === 'secret') return key[kKey].handle;
  return toBytes(key, 'utf8', 'key', 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey');
}
function initCipher(obj, cipher, key, iv, decrypt) {
  if (typeof cipher !== 'string') throw argType('cipher', 'of type string', cipher);
  var k = cipherKey(key);
  var v = iv === null ? null : toBytes(iv, 'utf8', 'iv', 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView');
  var h = binding.cipherNew(cipher, k, v, decrypt);
  if (h === 'ERR_CRYPTO_UNKNOWN_CIPHER') throw codeError(Error, h, 'Unknown cipher');
  if (h === 'ERR_CRYPTO_INVALID_KEYLEN') throw codeError(RangeError, h, 'Invalid key length');
  if (h === 'ERR_CRYPTO_INVALID_IV') throw codeError(TypeError, h, 'Invalid initialization vector');
  obj._handle = h;
  obj._state = 0; // 0 open, 1 finalized
  obj._decoder = null;
}
function cipherOut(obj, buf, outputEncoding) {
  if (outputEncoding === undefined || outputEncoding === null || outputEncoding === 'buffer') return buf;
  var enc = internal.normEnc(outputEncoding);
  if (enc < 0) return buf;
  if (enc === 0 || enc === 1) {
    // multi-byte text may straddle update() calls
    if (obj._decoder === null) obj._decoder = new (require('string_decoder').StringDecoder)(internal.encNames[enc]);
    return obj._decoder.write(buf);
  }
  return buf.toString(internal.encNames[enc]);
}
var cipherProto = {
  update: function (data, inputEncoding, outputEncoding) {
    if (this._state !== 0) throw new Error('Trying to add data in unsupported state');
    return cipherOut(this, binding.cipherUpdate(this._handle, toBytes(data, inputEncoding, 'data')), outputEncoding);
  },
  final: function (outputEncoding) {
    if (this._state !== 0) throw codeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Invalid state');
    this._state = 1;
    var out = binding.cipherFinal(this._handle);
    var s = cipherOut(this, out, outputEncoding);
    if (this._decoder !== null) s += this._decoder.end();
    return s;
  },
  setAutoPadding: function (ap) {
    if (this._state !== 0) throw codeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Invalid state');
    binding.cipherSet(this._handle, 'padding', ap === undefined ? true : !!ap);
    return this;
  },
  setAAD: function (buf, options) {
    binding.cipherSet(this._handle, 'aad', toBytes(buf, undefined, 'buffer'));
    return this;
  }
};
function Cipheriv(cipher, key, iv, options) {
  if (!(this instanceof Cipheriv)) return new Cipheriv(cipher, key, iv, options);
  initCipher(this, cipher, key, iv, false);
}
Object.assign(Cipheriv.prototype, cipherProto);
Cipheriv.prototype.getAuthTag = function () {
  var t = this._state === 1 ? binding.cipherTag(this._handle) : undefined;
  if (t === undefined) throw codeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation getAuthTag');
  return t;
};
function Decipheriv(cipher, key, iv, options) {
  if (!(this instanceof Decipheriv)) return new Decipheriv(cipher, key, iv, options);
  initCipher(this, cipher, key, iv, true);
}
Object.assign(Decipheriv.prototype, cipherProto);
Decipheriv.prototype.setAuthTag = function (tag, encoding) {
  if (this._state !== 0) throw codeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation setAuthTag');
  binding.cipherSet(this._handle, 'tag', toBytes(tag, encoding, 'buffer'));
  return this;
};

// Ciphers are Transform streams too (write plaintext, read ciphertext).
streamify(Cipheriv, true);
streamify(Decipheriv, true);

// webcrypto: the object that is globalThis.crypto in node.
var webcrypto = {
  getRandomValues: function (data) { return getRandomValues(data); },
  randomUUID: function () { return randomUUID(); },
  subtle: {}
};

module.exports = {
  createHash: createHash,
  createHmac: createHmac,
  Hash: Hash,
  Hmac: Hmac,
  hash: hashOnce,
  getHashes: function () { return binding.hashes(); },
  randomBytes: randomBytes,
  pseudoRandomBytes: randomBytes,
  randomFill: randomFill,
  randomFillSync: randomFillSync,
  randomUUID: randomUUID,
  randomInt: randomInt,
  timingSafeEqual: timingSafeEqual,
  getRandomValues: getRandomValues,
  pbkdf2: pbkdf2,
  pbkdf2Sync: pbkdf2Sync,
  hkdf: hkdf,
  hkdfSync: hkdfSync,
  KeyObject: KeyObject,
  Cipheriv: Cipheriv,
  Decipheriv: Decipheriv,
  createCipheriv: function (cipher, key, iv, options) { return new Cipheriv(cipher, key, iv, options); },
  createDecipheriv: function (cipher, key, iv, options) { return new Decipheriv(cipher, key, iv, options); },
  getCiphers: function () { return binding.ciphers(); },
  createSecretKey: createSecretKey,
  createPrivateKey: createPrivateKey,
  createPublicKey: createPublicKey,
  Sign: Sign,
  Verify: Verify,
  createSign: function (algorithm, options) { return new Sign(algorithm, options); },
  createVerify: function (algorithm, options) { return new Verify(algorithm, options); },
  sign: oneShotSign,
  verify: oneShotVerify,
  webcrypto: webcrypto,
  subtle: webcrypto.subtle,
  constants: constants
};
