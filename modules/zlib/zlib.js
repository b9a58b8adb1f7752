// zlib: node's compression module over Go's flate/zlib/gzip (binding).
// Streams are stream.Transform subclasses; flush() travels through the
// write queue as a marked empty chunk so it is ordered with the writes.
'use strict';

var Transform = require('stream').Transform;
var util = require('util');

var constants = {
  Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5,
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
  Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
  Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1,
  Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0, ZLIB_VERNUM: 4865,
  DEFLATE: 1, INFLATE: 2, GZIP: 3, GUNZIP: 4, DEFLATERAW: 5, INFLATERAW: 6, UNZIP: 7, BROTLI_DECODE: 8, BROTLI_ENCODE: 9,
  Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15, Z_MIN_CHUNK: 64, Z_MAX_CHUNK: Infinity,
  Z_DEFAULT_CHUNK: 16384, Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9, Z_DEFAULT_MEMLEVEL: 8, Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9,
  Z_DEFAULT_LEVEL: -1
};
Object.freeze(constants);

var kFlush = Symbol('zlib.flush');

function rangeCheck(name, v, lo, hi) {
  if (v === undefined) return;
  if (typeof v !== 'number' || v !== v) {
    var te = new TypeError('The "options.' + name + '" property must be of type number. Received ' + util.inspect(v));
    te.code = 'ERR_INVALID_ARG_TYPE';
    throw te;
  }
  if (v < lo || v > hi) {
    var re = new RangeError('The value of "options.' + name + '" is out of range. It must be >= ' + lo + ' and <= ' + hi + '. Received ' + v);
    re.code = 'ERR_OUT_OF_RANGE';
    throw re;
  }
}

function checkOptions(opts, mode) {
  opts = opts || {};
  rangeCheck('level', opts.level, -1, 9);
  rangeCheck('memLevel', opts.memLevel, 1, 9);
  rangeCheck('strategy', opts.strategy, 0, 4);
  rangeCheck('chunkSize', opts.chunkSize, 64, Infinity);
  if (opts.windowBits !== undefined && opts.windowBits !== 0) rangeCheck('windowBits', opts.windowBits, mode === 'deflate' ? 8 : 8, 15);
  return opts;
}

function Zlib(opts, mode, format) {
  opts = checkOptions(opts, mode);
  Transform.call(this, opts);
  this._mode = mode;
  this._format = format;
  this._level = opts.level === undefined ? -1 : opts.level;
  this._handle = binding.create(mode, format, this._level);
  this._finishFlush = opts.finishFlush === undefined ? constants.Z_FINISH : opts.finishFlush;
  this._defaultFlush = opts.flush === undefined ? constants.Z_NO_FLUSH : opts.flush;
  this.bytesWritten = 0;
  this._closed = false;
}
util.inherits(Zlib, Transform);

Object.defineProperty(Zlib.prototype, '_closedOrNull', { get: function () { return this._closed; } });

Zlib.prototype._transform = function (chunk, encoding, cb) {
  if (this._closed) return cb(closedError());
  var out;
  try {
    if (chunk[kFlush] !== undefined) {
      out = binding.flush(this._handle);
    } else {
      if (typeof chunk === 'string') chunk = Buffer.from(chunk, encoding);
      this.bytesWritten += chunk.length;
      out = binding.write(this._handle, chunk);
      if (this._defaultFlush !== constants.Z_NO_FLUSH) {
        var more = binding.flush(this._handle);
        if (more.length) out = Buffer.concat([out, more]);
      }
    }
  } catch (err) {
    return cb(err);
  }
  if (out.length) this.push(out);
  cb();
};

Zlib.prototype._flush = function (cb) {
  if (this._closed) return cb();
  var out;
  try {
    out = this._finishFlush === constants.Z_SYNC_FLUSH && this._mode === 'inflate' ? binding.flush(this._handle) : binding.finish(this._handle);
  } catch (err) {
    return cb(err);
  }
  if (out.length) this.push(out);
  cb();
};

Zlib.prototype._destroy = function (err, cb) {
  this.close();
  cb(err);
};

Zlib.prototype.flush = function flush(kind, callback) {
  if (typeof kind === 'function' || (kind === undefined && !callback)) {
    callback = kind;
    kind = constants.Z_FULL_FLUSH;
  }
  if (this.writableFinished) {
    if (callback) process.nextTick(callback);
  } else if (this.writableEnded) {
    if (callback) this.once('end', callback);
  } else {
    var marker = Buffer.alloc(0);
    marker[kFlush] = kind;
    this.write(marker, callback);
  }
};

Zlib.prototype.reset = function reset() {
  if (this._closed) throw closedError();
  binding.reset(this._handle);
};

Zlib.prototype.params = function params(level, strategy, callback) {
  rangeCheck('level', level, -1, 9);
  rangeCheck('strategy', strategy, 0, 4);
  this._level = level;
  if (callback) process.nextTick(callback);
};

Zlib.prototype.close = function close(callback) {
  if (callback) process.nextTick(callback);
  if (this._closed) return;
  this._closed = true;
  binding.close(this._handle);
  if (!this.destroyed) this.destroy();
};

function closedError() {
  var e = new Error('zlib binding closed');
  e.code = 'ERR_ZLIB_BINDING_CLOSED';
  return e;
}

function makeClass(name, mode, format) {
  var C = function (opts) {
    if (!(this instanceof C)) return new C(opts);
    Zlib.call(this, opts, mode, format);
  };
  Object.defineProperty(C, 'name', { value: name });
  util.inherits(C, Zlib);
  return C;
}

var Deflate = makeClass('Deflate', 'deflate', 'zlib');
var Inflate = makeClass('Inflate', 'inflate', 'zlib');
var DeflateRaw = makeClass('DeflateRaw', 'deflate', 'raw');
var InflateRaw = makeClass('InflateRaw', 'inflate', 'raw');
var Gzip = makeClass('Gzip', 'deflate', 'gzip');
var Gunzip = makeClass('Gunzip', 'inflate', 'gzip');
var Unzip = makeClass('Unzip', 'inflate', 'auto');

function toBuffer(buffer, name) {
  if (typeof buffer === 'string') return Buffer.from(buffer);
  if (buffer instanceof ArrayBuffer) return Buffer.from(buffer);
  if (ArrayBuffer.isView(buffer)) return Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  var e = new TypeError('The "' + (name || 'buffer') + '" argument must be of type string or an instance of Buffer, TypedArray, DataView, or ArrayBuffer. Received ' + describe(buffer));
  e.code = 'ERR_INVALID_ARG_TYPE';
  throw e;
}

function describe(v) {
  if (v === null || v === undefined) return String(v);
  if (typeof v === 'object') return 'an instance of ' + ((v.constructor && v.constructor.name) || 'Object');
  if (typeof v === 'function') return 'function ' + v.name;
  return 'type ' + typeof v + ' (' + util.inspect(v) + ')';
}

function syncFn(mode, format, C) {
  return function (buffer, opts) {
    buffer = toBuffer(buffer);
    opts = checkOptions(opts, mode);
    var out = binding.oneShot(mode, format, opts.level === undefined ? -1 : opts.level, buffer);
    if (opts.info) return { buffer: out, engine: new C(opts) };
    return out;
  };
}

function asyncFn(sync) {
  return function (buffer, opts, callback) {
    if (typeof opts === 'function') { callback = opts; opts = {}; }
    if (typeof callback !== 'function') {
      var e = new TypeError('The "callback" argument must be of type function. Received ' + describe(callback));
      e.code = 'ERR_INVALID_ARG_TYPE';
      throw e;
    }
    var result, error = null;
    try { result = sync(buffer, opts); } catch (err) { error = err; }
    // Node completes on the thread pool; the result arrives on a later tick.
    setImmediate(function () { error ? callback(error) : callback(null, result); });
  };
}

var deflateSync = syncFn('deflate', 'zlib', Deflate);
var inflateSync = syncFn('inflate', 'zlib', Inflate);
var deflateRawSync = syncFn('deflate', 'raw', DeflateRaw);
var inflateRawSync = syncFn('inflate', 'raw', InflateRaw);
var gzipSync = syncFn('deflate', 'gzip', Gzip);
var gunzipSync = syncFn('inflate', 'gzip', Gunzip);
var unzipSync = syncFn('inflate', 'auto', Unzip);

module.exports = {
  Deflate: Deflate, Inflate: Inflate, DeflateRaw: DeflateRaw, InflateRaw: InflateRaw, Gzip: Gzip, Gunzip: Gunzip, Unzip: Unzip,
  createDeflate: function createDeflate(o) { return new Deflate(o); },
  createInflate: function createInflate(o) { return new Inflate(o); },
  createDeflateRaw: function createDeflateRaw(o) { return new DeflateRaw(o); },
  createInflateRaw: function createInflateRaw(o) { return new InflateRaw(o); },
  createGzip: function createGzip(o) { return new Gzip(o); },
  createGunzip: function createGunzip(o) { return new Gunzip(o); },
  createUnzip: function createUnzip(o) { return new Unzip(o); },
  deflateSync: deflateSync, inflateSync: inflateSync, deflateRawSync: deflateRawSync, inflateRawSync: inflateRawSync,
  gzipSync: gzipSync, gunzipSync: gunzipSync, unzipSync: unzipSync,
  deflate: asyncFn(deflateSync), inflate: asyncFn(inflateSync), deflateRaw: asyncFn(deflateRawSync), inflateRaw: asyncFn(inflateRawSync),
  gzip: asyncFn(gzipSync), gunzip: asyncFn(gunzipSync), unzip: asyncFn(unzipSync),
  crc32: function crc32(data, value) {
    if (typeof data !== 'string' && !ArrayBuffer.isView(data)) {
      var e = new TypeError('The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received ' + describe(data));
      e.code = 'ERR_INVALID_ARG_TYPE';
      throw e;
    }
    return binding.crc32(typeof data === 'string' ? Buffer.from(data) : data, value === undefined ? 0 : value);
  },
  constants: constants,
  codes: {
    Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
    '0': 'Z_OK', '1': 'Z_STREAM_END', '2': 'Z_NEED_DICT', '-1': 'Z_ERRNO', '-2': 'Z_STREAM_ERROR', '-3': 'Z_DATA_ERROR', '-4': 'Z_MEM_ERROR', '-5': 'Z_BUF_ERROR', '-6': 'Z_VERSION_ERROR'
  }
};
// The legacy top-level constant names (zlib.Z_SYNC_FLUSH …).
Object.keys(constants).forEach(function (k) {
  if (k.indexOf('Z_') === 0 && !(k in module.exports)) {
    Object.defineProperty(module.exports, k, { value: constants[k], enumerable: false, writable: false });
  }
});
