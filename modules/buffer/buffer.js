// The JS half of "buffer": the Buffer class and node's argument checking.
// Byte work (encode/decode/search/compare/fill) is done by the Go natives
// in `binding` (buffer.go). Written for gonode; behaviour follows Node v20.
'use strict';

var kMaxLength = 4294967296;
var kStringMaxLength = 536870888;

// Every Buffer is a FastBuffer: a plain Uint8Array subclass. Buffer itself
// is the (deprecated) callable constructor sharing FastBuffer's prototype,
// so `buf instanceof Buffer` and `buf.constructor === Buffer` hold.
class FastBuffer extends Uint8Array {}
binding.setFastBuffer(FastBuffer);

var deprecationWarned = false;
function Buffer(arg, encodingOrOffset, length) {
  if (!deprecationWarned) {
    deprecationWarned = true;
    process.emitWarning('Buffer() is deprecated due to security and usability issues. Please use the Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.', 'DeprecationWarning', 'DEP0005');
  }
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') {
      throw argType('string', 'of type string', arg);
    }
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}
Object.defineProperty(Buffer, 'prototype', { value: FastBuffer.prototype, writable: false, enumerable: false, configurable: false });
Object.defineProperty(FastBuffer.prototype, 'constructor', { value: Buffer, writable: true, enumerable: false, configurable: true });
Object.setPrototypeOf(Buffer, Uint8Array);
// As in node, typed-array methods that make a new array (and ws's
// `new (Buffer[Symbol.species])(ab, off, len)`) get FastBuffer, not the
// deprecated Buffer() with its warning.
Object.defineProperty(Buffer, Symbol.species, { get: function () { return FastBuffer; }, enumerable: false, configurable: true });
var proto = Buffer.prototype;

// ---- errors shaped like node's (name, code, message, toString) ----

var utilMod;
function inspect(v) {
  if (utilMod === undefined) utilMod = require('util');
  return utilMod.inspect(v);
}
// Frames of the helpers that build errors are noise in a stack trace (node
// hides its own the same way).
var helperFrame = /^\s+at (codeError|argType|outOfRange|unknownEncoding|outOfBounds|invalidArgValue|boundsError|err[A-Z]\w*) \(node:.*\)$/;
function codeError(Ctor, code, msg) {
  var e = new Ctor(msg);
  e.code = code;
  var st = e.stack;
  if (typeof st === 'string') {
    var lines = st.split('\n');
    var head = e.name + ': ';
    if (lines[0].indexOf(head) === 0) lines[0] = e.name + ' [' + code + ']: ' + lines[0].slice(head.length);
    e.stack = lines.filter(function (l) { return !helperFrame.test(l); }).join('\n');
  }
  Object.defineProperty(e, 'toString', {
    value: function () { return this.name + ' [' + code + ']: ' + this.message; },
    writable: true, enumerable: false, configurable: true
  });
  return e;
}
function describeReceived(v) {
  if (v === null || v === undefined) return ' Received ' + v;
  if (typeof v === 'function') return ' Received function ' + v.name;
  if (typeof v === 'object') {
    if (v.constructor && v.constructor.name) return ' Received an instance of ' + v.constructor.name;
    return ' Received ' + inspect(v);
  }
  var s = inspect(v);
  if (s.length > 28) s = s.slice(0, 25) + '...';
  return ' Received type ' + typeof v + ' (' + s + ')';
}
// argType('offset', 'of type number', v) -> 'The "offset" argument must be of type number. Received ...'
function argType(name, what, v) {
  var subject = / argument$/.test(name) ? 'The ' + name : 'The "' + name + '" ' + (name.indexOf('.') >= 0 ? 'property' : 'argument');
  return codeError(TypeError, 'ERR_INVALID_ARG_TYPE', subject + ' must be ' + what + '.' + describeReceived(v));
}
function addSeparators(s) {
  var out = '', i = s.length, start = s[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) out = '_' + s.slice(i - 3, i) + out;
  return s.slice(0, i) + out;
}
function outOfRange(name, range, v) {
  var got;
  if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) > 4294967296) got = addSeparators(String(v));
  else if (typeof v === 'bigint') {
    got = String(v);
    if (v > 4294967296n || v < -4294967296n) got = addSeparators(got);
    got += 'n';
  } else got = inspect(v);
  return codeError(RangeError, 'ERR_OUT_OF_RANGE', 'The value of "' + name + '" is out of range. It must be ' + range + '. Received ' + got);
}
function unknownEncoding(enc) {
  return codeError(TypeError, 'ERR_UNKNOWN_ENCODING', 'Unknown encoding: ' + enc);
}
function outOfBounds(name) {
  return codeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS',
    name ? '"' + name + '" is outside of buffer bounds' : 'Attempt to access memory outside buffer bounds');
}
function invalidArgValue(name, v) {
  return codeError(TypeError, 'ERR_INVALID_ARG_VALUE', "The argument '" + name + "' is invalid. Received " + inspect(v));
}

function isUint8Array(v) { return v instanceof Uint8Array; }
function isAnyArrayBuffer(v) {
  return v instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer);
}
function validateNumber(v, name, min, max) {
  if (typeof v !== 'number') throw argType(name, 'of type number', v);
  if ((min !== undefined && v < min) || (max !== undefined && v > max) || ((min !== undefined || max !== undefined) && v !== v)) {
    throw outOfRange(name, (min !== undefined ? '>= ' + min : '') + (min !== undefined && max !== undefined ? ' && ' : '') + (max !== undefined ? '<= ' + max : ''), v);
  }
}
// validateInteger-like check used by write/fill/concat offsets.
function validateOffset(v, name, min, max) {
  if (typeof v !== 'number') throw argType(name, 'of type number', v);
  if (!Number.isInteger(v)) throw outOfRange(name, 'an integer', v);
  if (v < min || v > max) throw outOfRange(name, '>= ' + min + ' && <= ' + max, v);
}

// ---- encodings ----

var ENC = { utf8: 0, ucs2: 1, latin1: 2, ascii: 3, base64: 4, base64url: 5, hex: 6 };
var ENC_NAMES = ['utf8', 'utf16le', 'latin1', 'ascii', 'base64', 'base64url', 'hex'];
// normEnc returns an encoding number, or -1 when enc names no encoding.
function normEnc(enc) {
  switch (enc) {
    case 'utf8': case 'utf-8': return 0;
    case 'hex': return 6;
    case 'base64': return 4;
    case 'latin1': case 'binary': return 2;
    case 'ascii': return 3;
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 1;
    case 'base64url': return 5;
  }
  if (typeof enc !== 'string') {
    if (enc === undefined || enc === null) return 0;
    enc = String(enc);
  }
  var low = enc.toLowerCase();
  if (low !== enc) return normEnc2(low);
  return -1;
}
function normEnc2(low) {
  switch (low) {
    case 'utf8': case 'utf-8': return 0;
    case 'hex': return 6;
    case 'base64': return 4;
    case 'latin1': case 'binary': return 2;
    case 'ascii': return 3;
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 1;
    case 'base64url': return 5;
  }
  return -1;
}
function encOrThrow(enc) {
  var e = normEnc(enc);
  if (e < 0 || enc === '') throw unknownEncoding(enc);
  return e;
}

// ---- static methods ----

function fromString(string, encoding) {
  var enc;
  if (typeof encoding !== 'string' || encoding.length === 0) {
    if (string.length === 0) return new FastBuffer();
    enc = 0;
  } else {
    enc = normEnc(encoding);
    if (enc < 0) throw unknownEncoding(encoding);
    if (string.length === 0) return new FastBuffer();
  }
  return binding.fromString(string, enc);
}

function fromArrayBuffer(ab, byteOffset, length) {
  if (byteOffset === undefined) byteOffset = 0;
  else {
    byteOffset = +byteOffset;
    if (byteOffset !== byteOffset) byteOffset = 0;
  }
  var maxLength = ab.byteLength - byteOffset;
  if (maxLength < 0) throw outOfBounds('offset');
  if (length === undefined) length = maxLength;
  else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw outOfBounds('length');
    } else length = 0;
  }
  return new FastBuffer(ab, byteOffset, length);
}

function fromArrayLike(obj) {
  var n = obj.length;
  if (n <= 0) return new FastBuffer();
  var b = binding.alloc(n);
  if (isUint8Array(obj)) {
    binding.copy(obj, 0, n, b, 0);
    return b;
  }
  for (var i = 0; i < n; i++) b[i] = obj[i];
  return b;
}

function fromObject(obj) {
  if (obj.length !== undefined || isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && Array.isArray(obj.data)) return fromArrayLike(obj.data);
}

var FIRST_ARG = 'of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object';

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
    var valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value && (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    var b = fromObject(value);
    if (b) return b;
    if (typeof value[Symbol.toPrimitive] === 'function') {
      var prim = value[Symbol.toPrimitive]('string');
      if (typeof prim === 'string') return fromString(prim, encodingOrOffset);
    }
  }
  throw argType('first argument', FIRST_ARG, value);
};

Buffer.of = function of() {
  var b = binding.alloc(arguments.length);
  for (var i = 0; i < arguments.length; i++) b[i] = arguments[i];
  return b;
};

function checkSize(size) {
  validateNumber(size, 'size', 0, kMaxLength);
}

Buffer.alloc = function alloc(size, fill, encoding) {
  checkSize(size);
  var b = binding.alloc(size);
  if (fill !== undefined && fill !== 0 && size > 0) return doFill(b, fill, 0, b.length, encoding);
  return b;
};
Buffer.allocUnsafe = function allocUnsafe(size) {
  checkSize(size);
  return binding.alloc(size);
};
Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  checkSize(size);
  return binding.alloc(size);
};

Buffer.isBuffer = function isBuffer(b) { return b instanceof Buffer; };

Buffer.isEncoding = function isEncoding(enc) {
  return typeof enc === 'string' && enc.length !== 0 && normEnc(enc) >= 0;
};

Buffer.byteLength = function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (ArrayBuffer.isView(string) || isAnyArrayBuffer(string)) return string.byteLength;
    throw argType('string', 'of type string or an instance of Buffer or ArrayBuffer', string);
  }
  if (string.length === 0) return 0;
  var enc = normEnc(encoding);
  if (enc < 0) enc = 0;
  return binding.byteLength(string, enc);
};

Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8Array(buf1)) throw argType('buf1', 'an instance of Buffer or Uint8Array', buf1);
  if (!isUint8Array(buf2)) throw argType('buf2', 'an instance of Buffer or Uint8Array', buf2);
  if (buf1 === buf2) return 0;
  return binding.compare(buf1, buf2);
};

Buffer.concat = function concat(list, length) {
  if (!Array.isArray(list)) throw argType('list', 'an instance of Array', list);
  if (list.length === 0) return new FastBuffer();
  var i;
  if (length === undefined) {
    length = 0;
    for (i = 0; i < list.length; i++) {
      if (!isUint8Array(list[i])) throw argType('list[' + i + ']', 'an instance of Buffer or Uint8Array', list[i]);
      length += list[i].length;
    }
  } else {
    validateOffset(length, 'length', 0, kMaxLength);
  }
  var out = binding.alloc(length);
  var pos = 0;
  for (i = 0; i < list.length && pos < length; i++) {
    var b = list[i];
    if (!isUint8Array(b)) throw argType('list[' + i + ']', 'an instance of Buffer or Uint8Array', b);
    pos += binding.copy(b, 0, b.length, out, pos);
  }
  return out;
};

Buffer.poolSize = 8192;

// ---- prototype: strings ----

proto.toString = function toString(encoding, start, end) {
  // The common call, toString() or toString(enc), touches no property of
  // the buffer: each named property read on a typed array costs goja a
  // failed number parse.
  if (start === undefined && end === undefined) {
    if (encoding === undefined) return binding.toString(this, 0);
    var e0 = normEnc(encoding);
    if (e0 < 0 || encoding === null || encoding === '') throw unknownEncoding(encoding);
    return binding.toString(this, e0);
  }
  var len = this.length;
  if (start <= 0) start = 0;
  else if (start >= len) return '';
  else start = start | 0;
  if (end === undefined || end > len) end = len;
  else end = end | 0;
  if (end <= start) return '';
  if (encoding === undefined) return binding.toString(this, 0, start, end);
  var enc = normEnc(encoding);
  if (enc < 0 || encoding === null || encoding === '') throw unknownEncoding(encoding);
  return binding.toString(this, enc, start, end);
};
proto.toLocaleString = proto.toString;

proto.write = function write(string, offset, length, encoding) {
  if (typeof string !== 'string') throw argType('argument', 'of type string', string);
  var len = this.length;
  if (offset === undefined) return binding.write(this, string, 0, len, 0);
  if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    length = len;
    offset = 0;
  } else {
    validateOffset(offset, 'offset', 0, len);
    var remaining = len - offset;
    if (length === undefined) length = remaining;
    else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      validateOffset(length, 'length', 0, len);
      if (length > remaining) length = remaining;
    }
  }
  var enc = 0;
  if (encoding) {
    enc = normEnc(encoding);
    if (enc < 0) throw unknownEncoding(encoding);
  }
  return binding.write(this, string, offset, length, enc);
};

ENC_NAMES.forEach(function (name, enc) {
  if (name === 'utf16le') name = 'ucs2';
  proto[name + 'Slice'] = function (start, end) {
    return binding.toString(this, enc, start, end);
  };
  proto[name + 'Write'] = function (string, offset, length) {
    return binding.write(this, string, offset === undefined ? 0 : offset, length === undefined ? this.length : length, enc);
  };
});

proto.toJSON = function toJSON() {
  var data = new Array(this.length);
  for (var i = 0; i < this.length; i++) data[i] = this[i];
  return { type: 'Buffer', data: data };
};

// ---- prototype: comparing, searching, copying ----

proto.equals = function equals(other) {
  if (!isUint8Array(other)) throw argType('otherBuffer', 'an instance of Buffer or Uint8Array', other);
  if (this === other) return true;
  if (this.byteLength !== other.byteLength) return false;
  return this.byteLength === 0 || binding.compare(this, other) === 0;
};

proto.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  if (!isUint8Array(target)) throw argType('target', 'an instance of Buffer or Uint8Array', target);
  if (targetStart === undefined) targetStart = 0; else validateOffset(targetStart, 'targetStart', 0, kMaxLength);
  if (targetEnd === undefined) targetEnd = target.length; else validateOffset(targetEnd, 'targetEnd', 0, target.length);
  if (sourceStart === undefined) sourceStart = 0; else validateOffset(sourceStart, 'sourceStart', 0, kMaxLength);
  if (sourceEnd === undefined) sourceEnd = this.length; else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
  if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
  if (targetStart >= targetEnd) return 1;
  return binding.compare(
    new Uint8Array(this.buffer, this.byteOffset + sourceStart, Math.min(sourceEnd, this.length) - sourceStart),
    new Uint8Array(target.buffer, target.byteOffset + targetStart, Math.min(targetEnd, target.length) - targetStart));
};

function toInt(v) {
  v = +v;
  if (v !== v) return 0;
  return Math.trunc(v);
}

proto.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  if (!isUint8Array(target)) throw argType('target', 'an instance of Buffer or Uint8Array', target);
  if (targetStart === undefined) targetStart = 0;
  else {
    targetStart = toInt(targetStart);
    if (targetStart < 0) throw outOfRange('targetStart', '>= 0', targetStart);
  }
  if (sourceStart === undefined) sourceStart = 0;
  else {
    sourceStart = toInt(sourceStart);
    if (sourceStart < 0 || sourceStart > this.length) throw outOfRange('sourceStart', '>= 0 && <= ' + this.length, sourceStart);
  }
  if (sourceEnd === undefined) sourceEnd = this.length;
  else {
    sourceEnd = toInt(sourceEnd);
    if (sourceEnd < 0) throw outOfRange('sourceEnd', '>= 0', sourceEnd);
  }
  if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
  return binding.copy(this, sourceStart, sourceEnd, target, targetStart);
};

function searchOffset(byteOffset, len, forward) {
  if (byteOffset > 0x7fffffff) byteOffset = 0x7fffffff;
  else if (byteOffset < -0x80000000) byteOffset = -0x80000000;
  byteOffset = +byteOffset;
  if (byteOffset !== byteOffset) byteOffset = forward ? 0 : len;
  return Math.trunc(byteOffset);
}

function search(buf, val, byteOffset, encoding, forward) {
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  }
  byteOffset = searchOffset(byteOffset, buf.length, forward);
  if (typeof val === 'number') {
    if (buf.length === 0) return -1;
    return binding.indexOf(buf, (val >>> 0) & 255, 0, byteOffset, forward);
  }
  var enc = encoding === undefined ? 0 : normEnc(encoding);
  if (typeof val === 'string') {
    if (enc < 0) throw unknownEncoding(encoding);
    return binding.indexOf(buf, val, enc, byteOffset, forward);
  }
  if (isUint8Array(val)) return binding.indexOf(buf, val, 0, byteOffset, forward);
  throw argType('value', 'one of type number or string or an instance of Buffer or Uint8Array', val);
}

proto.indexOf = function indexOf(val, byteOffset, encoding) {
  return search(this, val, byteOffset, encoding, true);
};
proto.lastIndexOf = function lastIndexOf(val, byteOffset, encoding) {
  return search(this, val, byteOffset, encoding, false);
};
proto.includes = function includes(val, byteOffset, encoding) {
  return search(this, val, byteOffset, encoding, true) !== -1;
};

function adjustOffset(offset, length) {
  offset = Math.trunc(offset);
  if (offset === 0 || offset !== offset) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  return offset < length ? offset : length;
}

// slice and subarray are views (no copy), as in node.
proto.subarray = function subarray(start, end) {
  var len = this.length;
  start = adjustOffset(start, len);
  end = end !== undefined ? adjustOffset(end, len) : len;
  return new FastBuffer(this.buffer, this.byteOffset + start, end > start ? end - start : 0);
};
proto.slice = proto.subarray;

function doFill(buf, value, offset, end, encoding) {
  var enc = 0;
  if (typeof value === 'string') {
    if (typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    if (encoding !== undefined) {
      enc = normEnc(encoding);
      if (typeof encoding !== 'string' || enc < 0) throw unknownEncoding(encoding);
    }
    if (value.length === 0) value = 0;
    else if (value.length === 1 && (enc === 2 || (enc === 0 && value.charCodeAt(0) < 128))) value = value.charCodeAt(0);
  } else if (typeof value === 'boolean') value = +value;
  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset', 0, kMaxLength);
    if (end === undefined) end = buf.length;
    else validateOffset(end, 'end', 0, buf.length);
    if (offset >= end) return buf;
  }
  if (typeof value === 'number') {
    var byte = value & 255;
    for (var i = offset; i < end; i++) buf[i] = byte;
    return buf;
  }
  if (typeof value !== 'string' && !isUint8Array(value)) {
    value = +value;
    byte = value & 255;
    for (i = offset; i < end; i++) buf[i] = byte;
    return buf;
  }
  if (binding.fill(buf, value, enc, offset, end) < 0) throw invalidArgValue('value', value);
  return buf;
}
proto.fill = function fill(value, offset, end, encoding) {
  return doFill(this, value, offset, end, encoding);
};

function swapErr(bits) {
  return codeError(RangeError, 'ERR_INVALID_BUFFER_SIZE', 'Buffer size must be a multiple of ' + bits + '-bits');
}
proto.swap16 = function swap16() {
  if (this.length % 2 !== 0) throw swapErr(16);
  for (var i = 0; i < this.length; i += 2) { var t = this[i]; this[i] = this[i + 1]; this[i + 1] = t; }
  return this;
};
proto.swap32 = function swap32() {
  if (this.length % 4 !== 0) throw swapErr(32);
  for (var i = 0; i < this.length; i += 4) {
    var a = this[i], b = this[i + 1];
    this[i] = this[i + 3]; this[i + 1] = this[i + 2]; this[i + 2] = b; this[i + 3] = a;
  }
  return this;
};
proto.swap64 = function swap64() {
  if (this.length % 8 !== 0) throw swapErr(64);
  for (var i = 0; i < this.length; i += 8) {
    for (var j = 0; j < 4; j++) { var t = this[i + j]; this[i + j] = this[i + 7 - j]; this[i + 7 - j] = t; }
  }
  return this;
};

// ---- prototype: numbers ----

function boundsError(value, length, name) {
  if (Math.floor(value) !== value) {
    if (typeof value !== 'number') throw argType(name || 'offset', 'of type number', value);
    throw outOfRange(name || 'offset', 'an integer', value);
  }
  if (length < 0) throw outOfBounds();
  throw outOfRange(name || 'offset', '>= ' + (name ? 1 : 0) + ' and <= ' + length, value);
}
// rd checks a read of n bytes at offset and returns the offset.
function rd(buf, offset, n) {
  if (offset === undefined) offset = 0;
  else if (typeof offset !== 'number') throw argType('offset', 'of type number', offset);
  if (!(offset >= 0 && offset + n <= buf.length && Math.floor(offset) === offset)) boundsError(offset, buf.length - n);
  return offset;
}
function checkByteLength(byteLength) {
  if (typeof byteLength !== 'number') throw argType('byteLength', 'of type number', byteLength);
  if (!(byteLength >= 1 && byteLength <= 6 && Math.floor(byteLength) === byteLength)) boundsError(byteLength, 6, 'byteLength');
}

function uintLE(buf, o, n) {
  var v = 0, mul = 1;
  for (var i = 0; i < n; i++) { v += buf[o + i] * mul; mul *= 256; }
  return v;
}
function uintBE(buf, o, n) {
  var v = 0;
  for (var i = 0; i < n; i++) v = v * 256 + buf[o + i];
  return v;
}
function signed(v, n) {
  var lim = Math.pow(2, 8 * n - 1);
  return v >= lim ? v - 2 * lim : v;
}

proto.readUInt8 = function readUInt8(offset) { offset = rd(this, offset, 1); return this[offset]; };
proto.readInt8 = function readInt8(offset) { offset = rd(this, offset, 1); var v = this[offset]; return v | (v & 128) * 0x1fffffe; };
proto.readUInt16LE = function readUInt16LE(offset) { offset = rd(this, offset, 2); return this[offset] | this[offset + 1] << 8; };
proto.readUInt16BE = function readUInt16BE(offset) { offset = rd(this, offset, 2); return this[offset] << 8 | this[offset + 1]; };
proto.readInt16LE = function readInt16LE(offset) { offset = rd(this, offset, 2); var v = this[offset] | this[offset + 1] << 8; return v | (v & 0x8000) * 0x1fffe; };
proto.readInt16BE = function readInt16BE(offset) { offset = rd(this, offset, 2); var v = this[offset] << 8 | this[offset + 1]; return v | (v & 0x8000) * 0x1fffe; };
proto.readUInt32LE = function readUInt32LE(offset) {
  offset = rd(this, offset, 4);
  return (this[offset] | this[offset + 1] << 8 | this[offset + 2] << 16) + this[offset + 3] * 0x1000000;
};
proto.readUInt32BE = function readUInt32BE(offset) {
  offset = rd(this, offset, 4);
  return this[offset] * 0x1000000 + (this[offset + 1] << 16 | this[offset + 2] << 8 | this[offset + 3]);
};
proto.readInt32LE = function readInt32LE(offset) {
  offset = rd(this, offset, 4);
  return this[offset] | this[offset + 1] << 8 | this[offset + 2] << 16 | this[offset + 3] << 24;
};
proto.readInt32BE = function readInt32BE(offset) {
  offset = rd(this, offset, 4);
  return this[offset] << 24 | this[offset + 1] << 16 | this[offset + 2] << 8 | this[offset + 3];
};
proto.readUIntLE = function readUIntLE(offset, byteLength) {
  checkByteLength(byteLength);
  offset = rd(this, offset, byteLength);
  return uintLE(this, offset, byteLength);
};
proto.readUIntBE = function readUIntBE(offset, byteLength) {
  checkByteLength(byteLength);
  offset = rd(this, offset, byteLength);
  return uintBE(this, offset, byteLength);
};
proto.readIntLE = function readIntLE(offset, byteLength) {
  checkByteLength(byteLength);
  offset = rd(this, offset, byteLength);
  return signed(uintLE(this, offset, byteLength), byteLength);
};
proto.readIntBE = function readIntBE(offset, byteLength) {
  checkByteLength(byteLength);
  offset = rd(this, offset, byteLength);
  return signed(uintBE(this, offset, byteLength), byteLength);
};

var f32 = new Float32Array(1), f32b = new Uint8Array(f32.buffer);
var f64 = new Float64Array(1), f64b = new Uint8Array(f64.buffer);
var littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
function readF(buf, offset, n, le) {
  offset = rd(buf, offset, n);
  var scratch = n === 4 ? f32b : f64b;
  for (var i = 0; i < n; i++) scratch[le === littleEndian ? i : n - 1 - i] = buf[offset + i];
  return n === 4 ? f32[0] : f64[0];
}
proto.readFloatLE = function readFloatLE(offset) { return readF(this, offset, 4, true); };
proto.readFloatBE = function readFloatBE(offset) { return readF(this, offset, 4, false); };
proto.readDoubleLE = function readDoubleLE(offset) { return readF(this, offset, 8, true); };
proto.readDoubleBE = function readDoubleBE(offset) { return readF(this, offset, 8, false); };

proto.readBigUInt64LE = function readBigUInt64LE(offset) {
  offset = rd(this, offset, 8);
  return BigInt(uintLE(this, offset, 4)) + (BigInt(uintLE(this, offset + 4, 4)) << 32n);
};
proto.readBigUInt64BE = function readBigUInt64BE(offset) {
  offset = rd(this, offset, 8);
  return (BigInt(uintBE(this, offset, 4)) << 32n) + BigInt(uintBE(this, offset + 4, 4));
};
proto.readBigInt64LE = function readBigInt64LE(offset) {
  offset = rd(this, offset, 8);
  return BigInt(uintLE(this, offset, 4)) + (BigInt(signed(uintLE(this, offset + 4, 4), 4)) << 32n);
};
proto.readBigInt64BE = function readBigInt64BE(offset) {
  offset = rd(this, offset, 8);
  return (BigInt(signed(uintBE(this, offset, 4), 4)) << 32n) + BigInt(uintBE(this, offset + 4, 4));
};

// wr checks a write of n bytes at offset and returns the offset.
function wr(buf, offset, n) {
  if (offset === undefined) offset = 0;
  else if (typeof offset !== 'number') throw argType('offset', 'of type number', offset);
  if (!(offset >= 0 && offset + n <= buf.length && Math.floor(offset) === offset)) boundsError(offset, buf.length - n);
  return offset;
}
function checkInt(value, min, max, n) {
  if (value > max || value < min) {
    var range;
    if (n > 4) {
      var big = typeof min === 'bigint' ? 'n' : '';
      if (min === 0 || min === 0n) range = '>= 0' + big + ' and < 2' + big + ' ** ' + (n * 8) + big;
      else range = '>= -(2' + big + ' ** ' + (n * 8 - 1) + big + ') and < 2' + big + ' ** ' + (n * 8 - 1) + big;
    } else range = '>= ' + min + ' and <= ' + max;
    throw outOfRange('value', range, value);
  }
}
function writeLE(buf, v, o, n) {
  for (var i = 0; i < n; i++) {
    buf[o + i] = v & 255;
    v = Math.floor(v / 256);
  }
  return o + n;
}
function writeBE(buf, v, o, n) {
  for (var i = n - 1; i >= 0; i--) {
    buf[o + i] = v & 255;
    v = Math.floor(v / 256);
  }
  return o + n;
}
function uintWriter(n, le) {
  var max = Math.pow(2, 8 * n) - 1;
  return function (value, offset) {
    value = +value;
    checkInt(value, 0, max, n);
    offset = wr(this, offset, n);
    return le ? writeLE(this, value, offset, n) : writeBE(this, value, offset, n);
  };
}
function intWriter(n, le) {
  var max = Math.pow(2, 8 * n - 1) - 1, min = -max - 1;
  return function (value, offset) {
    value = +value;
    checkInt(value, min, max, n);
    offset = wr(this, offset, n);
    if (value < 0) value += max + max + 2;
    return le ? writeLE(this, value, offset, n) : writeBE(this, value, offset, n);
  };
}
proto.writeUInt8 = uintWriter(1, true);
proto.writeUInt16LE = uintWriter(2, true);
proto.writeUInt16BE = uintWriter(2, false);
proto.writeUInt32LE = uintWriter(4, true);
proto.writeUInt32BE = uintWriter(4, false);
proto.writeInt8 = intWriter(1, true);
proto.writeInt16LE = intWriter(2, true);
proto.writeInt16BE = intWriter(2, false);
proto.writeInt32LE = intWriter(4, true);
proto.writeInt32BE = intWriter(4, false);

var uintW = {}, intW = {};
for (var nb = 1; nb <= 6; nb++) {
  uintW[nb] = [uintWriter(nb, true), uintWriter(nb, false)];
  intW[nb] = [intWriter(nb, true), intWriter(nb, false)];
}
function varWriter(table, le) {
  return function (value, offset, byteLength) {
    checkByteLength(byteLength);
    return table[byteLength][le ? 0 : 1].call(this, value, offset);
  };
}
proto.writeUIntLE = varWriter(uintW, true);
proto.writeUIntBE = varWriter(uintW, false);
proto.writeIntLE = varWriter(intW, true);
proto.writeIntBE = varWriter(intW, false);

function writeF(buf, value, offset, n, le) {
  value = +value;
  offset = wr(buf, offset, n);
  var scratch;
  if (n === 4) { f32[0] = value; scratch = f32b; } else { f64[0] = value; scratch = f64b; }
  for (var i = 0; i < n; i++) buf[offset + i] = scratch[le === littleEndian ? i : n - 1 - i];
  return offset + n;
}
proto.writeFloatLE = function writeFloatLE(value, offset) { return writeF(this, value, offset, 4, true); };
proto.writeFloatBE = function writeFloatBE(value, offset) { return writeF(this, value, offset, 4, false); };
proto.writeDoubleLE = function writeDoubleLE(value, offset) { return writeF(this, value, offset, 8, true); };
proto.writeDoubleBE = function writeDoubleBE(value, offset) { return writeF(this, value, offset, 8, false); };

function writeBig(buf, value, offset, min, max, le) {
  checkInt(value, min, max, 8);
  offset = wr(buf, offset, 8);
  var v = BigInt.asUintN(64, value);
  var lo = Number(v & 0xffffffffn), hi = Number(v >> 32n);
  if (le) {
    writeLE(buf, lo, offset, 4);
    writeLE(buf, hi, offset + 4, 4);
  } else {
    writeBE(buf, hi, offset, 4);
    writeBE(buf, lo, offset + 4, 4);
  }
  return offset + 8;
}
var U64MAX = 0xffffffffffffffffn, I64MAX = 0x7fffffffffffffffn, I64MIN = -0x8000000000000000n;
proto.writeBigUInt64LE = function writeBigUInt64LE(value, offset) { return writeBig(this, value, offset, 0n, U64MAX, true); };
proto.writeBigUInt64BE = function writeBigUInt64BE(value, offset) { return writeBig(this, value, offset, 0n, U64MAX, false); };
proto.writeBigInt64LE = function writeBigInt64LE(value, offset) { return writeBig(this, value, offset, I64MIN, I64MAX, true); };
proto.writeBigInt64BE = function writeBigInt64BE(value, offset) { return writeBig(this, value, offset, I64MIN, I64MAX, false); };

// Node's lower-case aliases (readUint8 = readUInt8, ...).
Object.getOwnPropertyNames(proto).forEach(function (k) {
  if (/^(read|write)(Big)?UInt/.test(k)) proto[k.replace('UInt', 'Uint')] = proto[k];
});

// Deprecated aliases node still has: parent is the ArrayBuffer, offset the
// position in it (gonode has no 8 KiB pool, so small Buffers start at 0).
Object.defineProperty(proto, 'parent', {
  enumerable: true, configurable: true,
  get: function () { return this instanceof FastBuffer ? this.buffer : undefined; }
});
Object.defineProperty(proto, 'offset', {
  enumerable: true, configurable: true,
  get: function () { return this instanceof FastBuffer ? this.byteOffset : undefined; }
});
var customInspect = Symbol.for('nodejs.util.inspect.custom');
proto[customInspect] = function inspect(recurseTimes, ctx) {
  var max = module.exports.INSPECT_MAX_BYTES;
  var n = Math.min(max, this.length);
  var hex = binding.toString(this, 6, 0, n).replace(/(.{2})/g, '$1 ').trim();
  var remaining = this.length - max;
  if (remaining > 0) hex += ' ... ' + remaining + ' more byte' + (remaining > 1 ? 's' : '');
  return '<' + this.constructor.name + ' ' + hex + '>';
};
proto.inspect = proto[customInspect];

// transcode re-encodes between the text encodings node's ICU supports
// without loss checks: characters the target cannot hold become '?'.
function transcode(source, fromEncoding, toEncoding) {
  if (!isUint8Array(source)) throw argType('source', 'an instance of Buffer or Uint8Array', source);
  if (source.length === 0) return Buffer.alloc(0);
  var from = normEnc(fromEncoding), to = normEnc(toEncoding);
  if (from < 0 || from > 3 || to < 0 || to > 3) {
    var e = new Error('Unable to transcode Buffer [U_ILLEGAL_ARGUMENT_ERROR]');
    e.code = 'U_ILLEGAL_ARGUMENT_ERROR';
    e.errno = 1;
    throw e;
  }
  var str = binding.toString(source, from, 0, source.length);
  if (to === 2 || to === 3) {
    var max = to === 2 ? 0xff : 0x7f, out = '';
    for (var i = 0; i < str.length; i++) {
      var c = str.charCodeAt(i);
      if (c <= max) { out += str[i]; continue; }
      out += '?';
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
        var d = str.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
    }
    str = out;
  }
  return binding.fromString(str, to);
}

// ---- Blob / File ----

var kBlob = Symbol('kBlobBytes');
function blobPart(part) {
  if (part instanceof Blob) return part[kBlob];
  if (isUint8Array(part)) return part;
  if (ArrayBuffer.isView(part)) return new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
  if (isAnyArrayBuffer(part)) return new Uint8Array(part);
  return binding.fromString(String(part), 0);
}
class Blob {
  constructor(sources, options) {
    if (sources === undefined) sources = [];
    if (sources === null || typeof sources !== 'object' || typeof sources[Symbol.iterator] !== 'function') {
      throw argType('sources', 'a sequence', sources);
    }
    var parts = [];
    for (var p of sources) parts.push(blobPart(p));
    var type = options && options.type !== undefined ? String(options.type) : '';
    Object.defineProperty(this, kBlob, { value: Buffer.concat(parts) });
    Object.defineProperty(this, '_type', { value: /^[\u0020-\u007e]*$/.test(type) ? type.toLowerCase() : '' });
  }
  get size() { return this[kBlob].length; }
  get type() { return this._type; }
  slice(start, end, contentType) {
    var b = Object.create(Blob.prototype);
    Object.defineProperty(b, kBlob, { value: Buffer.from(this[kBlob].subarray(adjustOffset(start === undefined ? 0 : start, this.size), end === undefined ? this.size : adjustOffset(end, this.size))) });
    Object.defineProperty(b, '_type', { value: contentType === undefined ? '' : String(contentType).toLowerCase() });
    return b;
  }
  text() { return Promise.resolve(this[kBlob].toString()); }
  arrayBuffer() {
    var b = this[kBlob];
    return Promise.resolve(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
  }
  bytes() { return Promise.resolve(new Uint8Array(this[kBlob])); }
  [customInspect]() { return 'Blob { size: ' + this.size + ", type: '" + this.type + "' }"; }
}
Object.defineProperty(Blob.prototype, Symbol.toStringTag, { value: 'Blob', configurable: true });
class File extends Blob {
  constructor(fileBits, fileName, options) {
    if (arguments.length < 2) throw codeError(TypeError, 'ERR_MISSING_ARGS', 'The "fileBits" and "fileName" arguments must be specified');
    super(fileBits, options);
    Object.defineProperty(this, '_name', { value: String(fileName) });
    var lm = options && options.lastModified !== undefined ? Number(options.lastModified) : Date.now();
    Object.defineProperty(this, '_lastModified', { value: lm });
  }
  get name() { return this._name; }
  get lastModified() { return this._lastModified; }
}
Object.defineProperty(File.prototype, Symbol.toStringTag, { value: 'File', configurable: true });

// ---- module exports ----

function SlowBuffer(size) {
  checkSize(size);
  return binding.alloc(size);
}
Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(SlowBuffer, Uint8Array);

var latin1Re = /[^\u0000-\u00ff]/;
function btoa(input) {
  if (arguments.length === 0) throw codeError(TypeError, 'ERR_MISSING_ARGS', 'The "input" argument must be specified');
  input = String(input);
  if (latin1Re.test(input)) {
    var e = new Error('Invalid character');
    e.name = 'InvalidCharacterError';
    e.code = 5;
    throw e;
  }
  return binding.toString(binding.fromString(input, 2), 4);
}
function atob(input) {
  if (arguments.length === 0) throw codeError(TypeError, 'ERR_MISSING_ARGS', 'The "input" argument must be specified');
  input = String(input).replace(/[\t\n\f\r ]/g, '');
  if (input.length % 4 === 0) input = input.replace(/==?$/, '');
  var bad = /[^A-Za-z0-9+/]/.test(input);
  if (bad || input.length % 4 === 1) {
    var e = new Error(bad ? 'Invalid character' : 'The string to be decoded is not correctly encoded.');
    e.name = 'InvalidCharacterError';
    e.code = 5;
    throw e;
  }
  return binding.toString(binding.fromString(input, 4), 2);
}

function isUtf8(input) {
  if (!ArrayBuffer.isView(input) && !isAnyArrayBuffer(input)) throw argType('input', 'an instance of ArrayBuffer, Buffer, or TypedArray', input);
  var b = isUint8Array(input) ? input : isAnyArrayBuffer(input) ? new Uint8Array(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  return binding.isUtf8(b);
}
function isAscii(input) {
  if (!ArrayBuffer.isView(input) && !isAnyArrayBuffer(input)) throw argType('input', 'an instance of ArrayBuffer, Buffer, or TypedArray', input);
  var b = isUint8Array(input) ? input : isAnyArrayBuffer(input) ? new Uint8Array(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  for (var i = 0; i < b.length; i++) if (b[i] > 127) return false;
  return true;
}

module.exports = {
  Buffer: Buffer,
  SlowBuffer: SlowBuffer,
  kMaxLength: kMaxLength,
  kStringMaxLength: kStringMaxLength,
  constants: { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength },
  INSPECT_MAX_BYTES: 50,
  atob: atob,
  btoa: btoa,
  isUtf8: isUtf8,
  isAscii: isAscii,
  transcode: transcode,
  Blob: Blob,
  File: File,
  resolveObjectURL: function resolveObjectURL() { return undefined; }
};
// Internal helpers for gonode's other modules (string_decoder, stream,
// crypto): not part of node's API, hidden from enumeration.
Object.defineProperty(module.exports, '_internal', {
  value: {
    FastBuffer: FastBuffer,
    normEnc: normEnc,
    encNames: ENC_NAMES,
    binding: binding,
    codeError: codeError,
    argType: argType,
    outOfRange: outOfRange,
    unknownEncoding: unknownEncoding
  }
});
