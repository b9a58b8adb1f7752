// fs: today's node file API (callbacks with err first, ...Sync, promises)
// over the native layer shared with the 2009 posix module. This file only
// checks arguments, converts flags and modes, and shapes results; every
// system call is in Go (modules/internal/fsbind).
'use strict';

var B = binding.fs;
var EventEmitter = require('events');

// ---------------------------------------------------------------- constants

var constants = {
  UV_FS_SYMLINK_DIR: 1, UV_FS_SYMLINK_JUNCTION: 2, O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2,
  UV_DIRENT_UNKNOWN: 0, UV_DIRENT_FILE: 1, UV_DIRENT_DIR: 2, UV_DIRENT_LINK: 3, UV_DIRENT_FIFO: 4,
  UV_DIRENT_SOCKET: 5, UV_DIRENT_CHAR: 6, UV_DIRENT_BLOCK: 7,
  EXTENSIONLESS_FORMAT_JAVASCRIPT: 0, EXTENSIONLESS_FORMAT_WASM: 1,
  S_IFMT: 61440, S_IFREG: 32768, S_IFDIR: 16384, S_IFCHR: 8192, S_IFBLK: 24576, S_IFIFO: 4096,
  S_IFLNK: 40960, S_IFSOCK: 49152, O_CREAT: 64, O_EXCL: 128, UV_FS_O_FILEMAP: 0, O_NOCTTY: 256,
  O_TRUNC: 512, O_APPEND: 1024, O_DIRECTORY: 65536, O_NOATIME: 262144, O_NOFOLLOW: 131072,
  O_SYNC: 1052672, O_DSYNC: 4096, O_DIRECT: 16384, O_NONBLOCK: 2048,
  S_IRWXU: 448, S_IRUSR: 256, S_IWUSR: 128, S_IXUSR: 64, S_IRWXG: 56, S_IRGRP: 32, S_IWGRP: 16,
  S_IXGRP: 8, S_IRWXO: 7, S_IROTH: 4, S_IWOTH: 2, S_IXOTH: 1,
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1,
  UV_FS_COPYFILE_EXCL: 1, COPYFILE_EXCL: 1, UV_FS_COPYFILE_FICLONE: 2, COPYFILE_FICLONE: 2,
  UV_FS_COPYFILE_FICLONE_FORCE: 4, COPYFILE_FICLONE_FORCE: 4
};
Object.freeze(constants);
exports.constants = constants;
exports.F_OK = 0; exports.R_OK = 4; exports.W_OK = 2; exports.X_OK = 1;

// ---------------------------------------------------------------- argument checks

function received(v) {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'function') return 'function ' + v.name;
  if (typeof v === 'object') {
    if (v.constructor && v.constructor.name) return 'an instance of ' + v.constructor.name;
    return require('util').inspect(v, { depth: -1 });
  }
  var s = typeof v === 'string' ? "'" + (v.length > 28 ? v.slice(0, 25) + '...' : v) + "'" : String(v);
  return 'type ' + typeof v + ' (' + s + ')';
}

function argType(name, what, v) {
  var e = new TypeError('The "' + name + '" argument must be ' + what + '. Received ' + received(v));
  e.code = 'ERR_INVALID_ARG_TYPE';
  return e;
}

function argValue(name, v, reason) {
  var e = new TypeError("The argument '" + name + "' " + (reason || 'is invalid') + '. Received ' + require('util').inspect(v));
  e.code = 'ERR_INVALID_ARG_VALUE';
  return e;
}

function outOfRange(name, range, v) {
  var e = new RangeError('The value of "' + name + '" is out of range. It must be ' + range + '. Received ' + v);
  e.code = 'ERR_OUT_OF_RANGE';
  return e;
}

function isBytes(v) {
  return v !== null && typeof v === 'object' && ArrayBuffer.isView(v);
}

function toPath(p, name) {
  name = name || 'path';
  if (typeof p === 'string') {
    // fall through
  } else if (isBytes(p)) {
    p = Buffer.from(p.buffer, p.byteOffset, p.byteLength).toString();
  } else if (p !== null && typeof p === 'object' && p.href !== undefined && p.protocol !== undefined) {
    if (p.protocol !== 'file:') {
      var e = new TypeError('The URL must be of scheme file');
      e.code = 'ERR_INVALID_URL_SCHEME';
      throw e;
    }
    p = decodeURIComponent(p.pathname);
  } else {
    throw argType(name, 'of type string or an instance of Buffer or URL', p);
  }
  if (p.indexOf('\u0000') !== -1) {
    throw argValue(name, p, 'must be a string, Uint8Array, or URL without null bytes');
  }
  return p;
}

function toFd(fd) {
  if (typeof fd !== 'number') throw argType('fd', 'of type number', fd);
  if (fd !== Math.floor(fd)) throw outOfRange('fd', 'an integer', fd);
  if (fd < 0 || fd > 2147483647) throw outOfRange('fd', '>= 0 && <= 2147483647', fd);
  return fd;
}

function toCallback(cb) {
  if (typeof cb !== 'function') throw argType('cb', 'of type function', cb);
  return cb;
}

var flagTable = {
  r: 0, rs: 1052672, sr: 1052672, 'r+': 2, 'rs+': 1052674, 'sr+': 1052674,
  w: 577, wx: 705, xw: 705, 'w+': 578, 'wx+': 706, 'xw+': 706,
  a: 1089, ax: 1217, xa: 1217, as: 1053761, sa: 1053761,
  'a+': 1090, 'ax+': 1218, 'xa+': 1218, 'as+': 1053762, 'sa+': 1053762
};

function toFlags(flags, def) {
  if (flags === undefined || flags === null) return def;
  if (typeof flags === 'number') return flags;
  if (typeof flags === 'string' && Object.prototype.hasOwnProperty.call(flagTable, flags)) return flagTable[flags];
  throw argValue('flags', flags);
}

function toMode(mode, def) {
  if (mode === undefined || mode === null) return def;
  if (typeof mode === 'number') return mode;
  if (typeof mode === 'string' && /^[0-7]+$/.test(mode)) return parseInt(mode, 8);
  if (typeof mode === 'string') {
    throw argValue('mode', mode, 'must be a 32-bit unsigned integer or an octal string');
  }
  throw argType('mode', 'a 32-bit unsigned integer or an octal string', mode);
}

function encodingOf(options, def) {
  if (options === undefined || options === null || typeof options === 'function') return def;
  if (typeof options === 'string') return options;
  if (typeof options === 'object') return options.encoding === undefined ? def : options.encoding;
  throw argType('options', 'one of type string or an instance of Object', options);
}

function opts(options, defaults) {
  if (options === undefined || options === null || typeof options === 'function') return Object.assign({}, defaults);
  if (typeof options === 'string') return Object.assign({}, defaults, { encoding: options });
  if (typeof options !== 'object') throw argType('options', 'one of type string or an instance of Object', options);
  return Object.assign({}, defaults, options);
}

function checkEncoding(enc) {
  if (enc === null || enc === undefined || enc === 'buffer') return;
  if (!Buffer.isEncoding(enc)) {
    var e = new TypeError("The argument 'encoding' is invalid encoding. Received '" + enc + "'");
    e.code = 'ERR_INVALID_ARG_VALUE';
    throw e;
  }
}

function nativeEncoding(enc) {
  return enc === null || enc === undefined || enc === 'buffer' ? 'buffer' : String(enc);
}

// ---------------------------------------------------------------- Stats, Dirent

function Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  this.dev = dev;
  this.mode = mode;
  this.nlink = nlink;
  this.uid = uid;
  this.gid = gid;
  this.rdev = rdev;
  this.blksize = blksize;
  this.ino = ino;
  this.size = size;
  this.blocks = blocks;
  this.atimeMs = atimeMs;
  this.mtimeMs = mtimeMs;
  this.ctimeMs = ctimeMs;
  this.birthtimeMs = birthtimeMs;
  this.atime = dateOf(atimeMs);
  this.mtime = dateOf(mtimeMs);
  this.ctime = dateOf(ctimeMs);
  this.birthtime = dateOf(birthtimeMs);
}
function dateOf(ms) { return new Date(Math.round(ms)); }
function kind(mode) { return mode & 61440; }
Stats.prototype.isDirectory = function () { return kind(this.mode) === 16384; };
Stats.prototype.isFile = function () { return kind(this.mode) === 32768; };
Stats.prototype.isBlockDevice = function () { return kind(this.mode) === 24576; };
Stats.prototype.isCharacterDevice = function () { return kind(this.mode) === 8192; };
Stats.prototype.isSymbolicLink = function () { return kind(this.mode) === 40960; };
Stats.prototype.isFIFO = function () { return kind(this.mode) === 4096; };
Stats.prototype.isSocket = function () { return kind(this.mode) === 49152; };
exports.Stats = Stats;

function toStats(a) {
  return new Stats(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13]);
}

var kType = typeof Symbol === 'function' ? Symbol('type') : '_type';
function Dirent(name, type, path) {
  this.name = name;
  this.parentPath = path;
  this.path = path;
  this[kType] = type;
}
Dirent.prototype.isDirectory = function () { return this[kType] === 2; };
Dirent.prototype.isFile = function () { return this[kType] === 1; };
Dirent.prototype.isBlockDevice = function () { return this[kType] === 7; };
Dirent.prototype.isCharacterDevice = function () { return this[kType] === 6; };
Dirent.prototype.isSymbolicLink = function () { return this[kType] === 3; };
Dirent.prototype.isFIFO = function () { return this[kType] === 4; };
Dirent.prototype.isSocket = function () { return this[kType] === 5; };
exports.Dirent = Dirent;

// ---------------------------------------------------------------- the three forms

// Each operation is described once: how to turn the user's arguments into
// the native call's arguments (prep), and how to shape the native result
// (shape). callbackForm, syncForm and promiseForm derive the three APIs.
function callbackForm(prep, shape) {
  return function () {
    var args = Array.prototype.slice.call(arguments);
    // The callback is the last argument; when it is missing node names
    // what stands where it belongs (usually undefined).
    if (typeof args[args.length - 1] !== 'function') toCallback(args[prep.length]);
    var cb = args.pop();
    var call = prep.apply(null, args);
    call.args.push(function (err, result) {
      if (err) { cb(err); return; }
      var r = shape ? shape(result, call) : [];
      cb.apply(null, [null].concat(r));
    });
    B[call.op].apply(null, call.args);
  };
}

function syncForm(prep, shape) {
  return function () {
    var call = prep.apply(null, arguments);
    var result = B[call.op].apply(null, call.args);
    var r = shape ? shape(result, call) : [];
    return r[0];
  };
}

function promiseForm(prep, shape) {
  return function () {
    var args = arguments;
    return new Promise(function (resolve, reject) {
      var call = prep.apply(null, args);
      call.args.push(function (err, result) {
        if (err) { reject(err); return; }
        var r = shape ? shape(result, call) : [];
        resolve(r[0]);
      });
      B[call.op].apply(null, call.args);
    });
  };
}

function define(name, prep, shape) {
  exports[name] = callbackForm(prep, shape);
  exports[name + 'Sync'] = syncForm(prep, shape);
  promises[name] = promiseForm(prep, shape);
}

var promises = {};
exports.promises = promises;

function one(v) { return [v]; }
function none() { return []; }

// Callers may pass fewer arguments before the callback: drop a trailing
// function so prep functions see only the real arguments.
function stripCb(args) {
  var a = Array.prototype.slice.call(args);
  while (a.length && typeof a[a.length - 1] === 'function') a.pop();
  return a;
}

define('access', function (path, mode) {
  return { op: 'access', args: [toPath(path), mode === undefined || typeof mode === 'function' ? 0 : mode | 0] };
}, none);

exports.exists = function (path, cb) {
  toCallback(cb);
  var p;
  try { p = toPath(path); } catch (e) { process.nextTick(cb, false); return; }
  B.exists(p, function (err, ok) { cb(!err && ok); });
};
exports.existsSync = function (path) {
  try { return B.exists(toPath(path)); } catch (e) { return false; }
};

define('stat', function (path) { return { op: 'stat', args: [toPath(path)] }; }, function (a) { return [toStats(a)]; });
define('lstat', function (path) { return { op: 'lstat', args: [toPath(path)] }; }, function (a) { return [toStats(a)]; });
define('fstat', function (fd) { return { op: 'fstat', args: [toFd(fd)] }; }, function (a) { return [toStats(a)]; });
var statSync = exports.statSync, lstatSync = exports.lstatSync;
exports.statSync = function (path, options) {
  if (options && options.throwIfNoEntry === false) {
    try { return statSync(path); } catch (e) { if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return undefined; throw e; }
  }
  return statSync(path);
};
exports.lstatSync = function (path, options) {
  if (options && options.throwIfNoEntry === false) {
    try { return lstatSync(path); } catch (e) { if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return undefined; throw e; }
  }
  return lstatSync(path);
};
// stat(path, options, cb): options (bigint) accepted and ignored.
['stat', 'lstat', 'fstat'].forEach(function (name) {
  var f = exports[name];
  exports[name] = function (p, options, cb) { return f(p, typeof options === 'function' ? options : cb); };
});

define('readdir', function (path, options) {
  var o = opts(options, {});
  return { op: 'readdir', args: [toPath(path), !!o.withFileTypes], withTypes: !!o.withFileTypes, path: toPath(path) };
}, function (r, call) {
  if (!call.withTypes) return [r];
  var names = r[0], types = r[1], out = [];
  for (var i = 0; i < names.length; i++) out.push(new Dirent(names[i], types[i], call.path));
  return [out];
});
var readdirCb = exports.readdir;
exports.readdir = function (path, options, cb) {
  if (typeof options === 'function') { cb = options; options = undefined; }
  return readdirCb(path, options, cb);
};

define('mkdir', function (path, options) {
  var recursive = false, mode = 511;
  if (typeof options === 'number' || typeof options === 'string') mode = toMode(options, 511);
  else if (options && typeof options === 'object') {
    recursive = !!options.recursive;
    mode = toMode(options.mode, 511);
  }
  return { op: 'mkdir', args: [toPath(path), mode, recursive] };
}, one);
var mkdirCb = exports.mkdir;
exports.mkdir = function (path, options, cb) {
  if (typeof options === 'function') { cb = options; options = undefined; }
  toCallback(cb);
  return mkdirCb(path, options, function (err, made) {
    if (err) cb(err);
    else if (made === undefined) cb(null);
    else cb(null, made);
  });
};

define('rmdir', function (path, options) {
  var p = toPath(path);
  if (options && typeof options === 'object' && options.recursive) return { op: 'rmdirRecursive', args: [p] };
  return { op: 'rmdir', args: [p] };
}, none);
var rmdirCb = exports.rmdir;
exports.rmdir = function (path, options, cb) {
  if (typeof options === 'function') { cb = options; options = undefined; }
  return rmdirCb(path, options, cb);
};

define('rm', function (path, options) {
  var o = opts(options, {});
  return { op: 'rm', args: [toPath(path), !!o.recursive, !!o.force] };
}, none);
var rmCb = exports.rm;
exports.rm = function (path, options, cb) {
  if (typeof options === 'function') { cb = options; options = undefined; }
  return rmCb(path, options, cb);
};

define('unlink', function (path) { return { op: 'unlink', args: [toPath(path)] }; }, none);
define('rename', function (from, to) {
  return { op: 'rename', args: [toPath(from, 'oldPath'), toPath(to, 'newPath')] };
}, none);
define('copyFile', function (src, dst, mode) {
  return { op: 'copyFile', args: [toPath(src, 'src'), toPath(dst, 'dest'), typeof mode === 'number' ? mode : 0] };
}, none);
var copyFileCb = exports.copyFile;
exports.copyFile = function (src, dst, mode, cb) {
  if (typeof mode === 'function') { cb = mode; mode = 0; }
  return copyFileCb(src, dst, mode, cb);
};
define('truncate', function (path, len) {
  if (typeof path === 'number') return { op: 'ftruncate', args: [toFd(path), len | 0] };
  return { op: 'truncate', args: [toPath(path), typeof len === 'number' ? len : 0] };
}, none);
var truncateCb = exports.truncate;
exports.truncate = function (path, len, cb) {
  if (typeof len === 'function') { cb = len; len = 0; }
  return truncateCb(path, len, cb);
};
define('ftruncate', function (fd, len) { return { op: 'ftruncate', args: [toFd(fd), typeof len === 'number' ? len : 0] }; }, none);
var ftruncateCb = exports.ftruncate;
exports.ftruncate = function (fd, len, cb) {
  if (typeof len === 'function') { cb = len; len = 0; }
  return ftruncateCb(fd, len, cb);
};
define('fsync', function (fd) { return { op: 'fsync', args: [toFd(fd)] }; }, none);
define('fdatasync', function (fd) { return { op: 'fsync', args: [toFd(fd)] }; }, none);
define('symlink', function (target, path) {
  return { op: 'symlink', args: [toPath(target, 'target'), toPath(path)] };
}, none);
var symlinkCb = exports.symlink;
exports.symlink = function (target, path, type, cb) {
  if (typeof type === 'function') cb = type;
  return symlinkCb(target, path, cb);
};
define('readlink', function (path) { return { op: 'readlink', args: [toPath(path)] }; }, one);
define('realpath', function (path) { return { op: 'realpath', args: [toPath(path)] }; }, one);
var realpathCb = exports.realpath;
exports.realpath = function (path, options, cb) {
  if (typeof options === 'function') cb = options;
  return realpathCb(path, cb);
};
exports.realpath.native = exports.realpath;
exports.realpathSync.native = exports.realpathSync;
define('chmod', function (path, mode) { return { op: 'chmod', args: [toPath(path), toMode(mode, 0)] }; }, none);
function toTime(t) {
  if (t instanceof Date) return t.getTime() / 1000;
  if (typeof t === 'string' && +t === +t) return +t;
  return t;
}
define('utimes', function (path, atime, mtime) {
  return { op: 'utimes', args: [toPath(path), toTime(atime), toTime(mtime)] };
}, none);
define('link', function (existing, newPath) {
  return { op: 'link', args: [toPath(existing, 'existingPath'), toPath(newPath, 'newPath')] };
}, none);
function toId(v, name) {
  if (typeof v !== 'number') throw argType(name, 'of type number', v);
  return v;
}
define('chown', function (path, uid, gid) {
  return { op: 'chown', args: [toPath(path), toId(uid, 'uid'), toId(gid, 'gid'), true] };
}, none);
define('lchown', function (path, uid, gid) {
  return { op: 'chown', args: [toPath(path), toId(uid, 'uid'), toId(gid, 'gid'), false] };
}, none);
define('fchown', function (fd, uid, gid) {
  return { op: 'fchown', args: [toFd(fd), toId(uid, 'uid'), toId(gid, 'gid')] };
}, none);
define('fchmod', function (fd, mode) { return { op: 'fchmod', args: [toFd(fd), toMode(mode, 0)] }; }, none);
define('futimes', function (fd, atime, mtime) {
  return { op: 'futimes', args: [toFd(fd), toTime(atime), toTime(mtime)] };
}, none);
define('lutimes', function (path, atime, mtime) {
  return { op: 'lutimes', args: [toPath(path), toTime(atime), toTime(mtime)] };
}, none);
define('lchmod', function (path, mode) { return { op: 'chmod', args: [toPath(path), toMode(mode, 0)] }; }, none);
delete exports.lchmod; delete exports.lchmodSync; delete promises.lchmod; // not on Linux, as in node
delete promises.fchown; delete promises.fchmod; delete promises.futimes;

define('mkdtemp', function (prefix) { return { op: 'mkdtemp', args: [toPath(prefix, 'prefix')] }; }, one);
var mkdtempCb = exports.mkdtemp;
exports.mkdtemp = function (prefix, options, cb) {
  if (typeof options === 'function') cb = options;
  return mkdtempCb(prefix, cb);
};

// open/close
define('open', function (path, flags, mode) {
  return { op: 'open', args: [toPath(path), toFlags(flags, 0), toMode(mode, 438)] };
}, one);
var openCb = exports.open;
exports.open = function (path, flags, mode, cb) {
  if (typeof flags === 'function') { cb = flags; flags = undefined; mode = undefined; }
  else if (typeof mode === 'function') { cb = mode; mode = undefined; }
  return openCb(path, flags, mode, cb);
};
define('close', function (fd) { return { op: 'close', args: [toFd(fd)] }; }, none);
var closeCb = exports.close;
exports.close = function (fd, cb) {
  return closeCb(fd, typeof cb === 'function' ? cb : function () {});
};

// ---------------------------------------------------------------- read/write

function readArgs(fd, buffer, offset, length, position) {
  toFd(fd);
  if (buffer !== null && typeof buffer === 'object' && !isBytes(buffer)) {
    // read(fd, { buffer, offset, length, position })
    var o = buffer;
    buffer = o.buffer || Buffer.alloc(16384);
    offset = o.offset; length = o.length; position = o.position;
  } else if (offset !== null && typeof offset === 'object') {
    var o2 = offset;
    offset = o2.offset; length = o2.length; position = o2.position;
  }
  if (!isBytes(buffer)) throw argType('buffer', 'an instance of Buffer, TypedArray, or DataView', buffer);
  offset = offset === undefined || offset === null ? 0 : offset;
  if (typeof offset !== 'number') throw argType('offset', 'of type number', offset);
  if (length === undefined || length === null) length = buffer.byteLength - offset;
  if (offset < 0 || offset > buffer.byteLength) throw outOfRange('offset', '>= 0 && <= ' + buffer.byteLength, offset);
  if (length < 0 || length > buffer.byteLength - offset) throw outOfRange('length', '>= 0 && <= ' + (buffer.byteLength - offset), length);
  if (position === undefined || position === null || position === -1) position = -1;
  else if (typeof position === 'bigint') position = Number(position);
  return [fd, buffer, offset, length, position];
}

exports.read = function (fd, buffer, offset, length, position, cb) {
  var args = Array.prototype.slice.call(arguments);
  if (typeof args[args.length - 1] !== 'function') toCallback(undefined);
  cb = args.pop();
  if (args.length === 1) args.push({});
  var a = readArgs.apply(null, args);
  B.readInto(a[0], a[1], a[2], a[3], a[4], function (err, n) {
    if (err) cb(err);
    else cb(null, n, a[1]);
  });
};
exports.readSync = function (fd, buffer, offset, length, position) {
  var a = readArgs.apply(null, arguments);
  return B.readInto(a[0], a[1], a[2], a[3], a[4]);
};

function writeArgs(fd, data, a, b, c) {
  toFd(fd);
  if (isBytes(data)) {
    var offset = a, length = b, position = c;
    if (offset !== null && typeof offset === 'object') {
      var o = offset;
      offset = o.offset; length = o.length; position = o.position;
    }
    offset = offset === undefined || offset === null ? 0 : offset;
    if (length === undefined || length === null) length = data.byteLength - offset;
    if (offset < 0 || offset > data.byteLength) throw outOfRange('offset', '>= 0 && <= ' + data.byteLength, offset);
    if (length < 0 || length > data.byteLength - offset) throw outOfRange('length', '>= 0 && <= ' + (data.byteLength - offset), length);
    var view = new Uint8Array(data.buffer, data.byteOffset + offset, length);
    return { fd: fd, data: view, position: typeof position === 'number' ? position : -1, encoding: 'buffer', orig: data };
  }
  if (typeof data !== 'string') {
    throw argType('buffer', 'of type string or an instance of Buffer, TypedArray, or DataView', data);
  }
  var enc = typeof b === 'string' ? b : 'utf8';
  return { fd: fd, data: data, position: typeof a === 'number' ? a : -1, encoding: enc, orig: data };
}

exports.write = function (fd, data) {
  var args = Array.prototype.slice.call(arguments);
  if (typeof args[args.length - 1] !== 'function') toCallback(undefined);
  var cb = args.pop();
  var w = writeArgs(args[0], args[1], args[2], args[3], args[4]);
  B.write(w.fd, w.data, w.position, w.encoding, function (err, n) {
    if (err) cb(err);
    else cb(null, n, w.orig);
  });
};
exports.writeSync = function (fd, data, a, b, c) {
  var w = writeArgs(fd, data, a, b, c);
  try {
    return B.write(w.fd, w.data, w.position, w.encoding);
  } catch (e) {
    // node's writeSync error lists its keys as errno, syscall, code
    if (e && e.code && e.syscall === 'write') { var code = e.code; delete e.code; e.code = code; }
    throw e;
  }
};

// ---------------------------------------------------------------- whole files

function readFilePrep(path, options) {
  var o = opts(options, { encoding: null, flag: 'r' });
  checkEncoding(o.encoding);
  var target = typeof path === 'number' ? toFd(path) : toPath(path);
  return { op: 'readFile', args: [target, toFlags(o.flag, 0), nativeEncoding(o.encoding)] };
}
define('readFile', readFilePrep, one);
var readFileCb = exports.readFile;
exports.readFile = function (path, options, cb) {
  if (typeof options === 'function') { cb = options; options = undefined; }
  toCallback(cb || options);
  return readFileCb(path, options, cb);
};

function dataOf(data, name) {
  if (typeof data === 'string' || isBytes(data)) return data;
  throw argType(name || 'data', 'of type string or an instance of Buffer, TypedArray, or DataView', data);
}

function writeFilePrep(flagDefault) {
  return function (path, data, options) {
    var o = opts(options, { encoding: 'utf8', mode: 438, flag: flagDefault });
    checkEncoding(o.encoding);
    var target = typeof path === 'number' ? toFd(path) : toPath(path, 'file');
    return {
      op: 'writeFile',
      args: [target, dataOf(data), String(o.encoding || 'utf8'), toFlags(o.flag, 577), toMode(o.mode, 438)]
    };
  };
}
define('writeFile', writeFilePrep('w'), none);
define('appendFile', writeFilePrep('a'), none);
['writeFile', 'appendFile'].forEach(function (name) {
  var f = exports[name];
  exports[name] = function (path, data, options, cb) {
    if (typeof options === 'function') { cb = options; options = undefined; }
    toCallback(cb || options);
    return f(path, data, options, cb);
  };
});

// ---------------------------------------------------------------- promises extras

function FileHandle(fd) {
  EventEmitter.call(this);
  this.fd = fd;
}
FileHandle.prototype = Object.create(EventEmitter.prototype, { constructor: { value: FileHandle, writable: true, configurable: true } });
function p(fn) {
  return function () {
    var args = Array.prototype.slice.call(arguments), self = this;
    return new Promise(function (resolve, reject) {
      args.push(function (err, v) { if (err) reject(err); else resolve(v); });
      fn.apply(self, args);
    });
  };
}
FileHandle.prototype.close = p(function (cb) {
  var fd = this.fd;
  this.fd = -1;
  B.close(fd, cb);
});
FileHandle.prototype.stat = function () { return handleStat(this.fd); };
FileHandle.prototype.truncate = function (len) { return handleTruncate(this.fd, len); };
FileHandle.prototype.sync = function () { return handleSync(this.fd); };
FileHandle.prototype.datasync = FileHandle.prototype.sync;
FileHandle.prototype.readFile = function (options) { return promises.readFile(this.fd, options); };
FileHandle.prototype.writeFile = function (data, options) { return promises.writeFile(this.fd, data, options); };
FileHandle.prototype.appendFile = FileHandle.prototype.writeFile;
FileHandle.prototype.read = function (buffer, offset, length, position) {
  var fd = this.fd;
  if (buffer === undefined) buffer = Buffer.alloc(16384);
  var a = readArgs(fd, buffer, offset, length, position);
  return new Promise(function (resolve, reject) {
    B.readInto(a[0], a[1], a[2], a[3], a[4], function (err, n) {
      if (err) reject(err);
      else resolve({ bytesRead: n, buffer: a[1] });
    });
  });
};
FileHandle.prototype.write = function (data, a, b, c) {
  var w = writeArgs(this.fd, data, a, b, c);
  return new Promise(function (resolve, reject) {
    B.write(w.fd, w.data, w.position, w.encoding, function (err, n) {
      if (err) reject(err);
      else resolve(isBytes(w.orig) ? { bytesWritten: n, buffer: w.orig } : { bytesWritten: n, buffer: w.orig });
    });
  });
};
promises.open = function (path, flags, mode) {
  return new Promise(function (resolve, reject) {
    B.open(toPath(path), toFlags(flags, 0), toMode(mode, 438), function (err, fd) {
      if (err) reject(err);
      else resolve(new FileHandle(fd));
    });
  });
};
// Not in fs.promises (node has them only on FileHandle).
delete promises.close;
delete promises.fstat;
delete promises.ftruncate;
delete promises.fsync;
delete promises.fdatasync;
var handleStat = promiseForm(function (fd) { return { op: 'fstat', args: [fd] }; }, function (a) { return [toStats(a)]; });
var handleTruncate = promiseForm(function (fd, len) { return { op: 'ftruncate', args: [fd, len | 0] }; }, none);
var handleSync = promiseForm(function (fd) { return { op: 'fsync', args: [fd] }; }, none);
promises.readFile = (function (rf) {
  return function (path, options) {
    if (path instanceof FileHandle) path = path.fd;
    return rf(path, options);
  };
})(promises.readFile);
['writeFile', 'appendFile'].forEach(function (name) {
  var f = promises[name];
  promises[name] = function (path, data, options) {
    if (path instanceof FileHandle) path = path.fd;
    return f(path, data, options);
  };
});
promises.constants = constants;

// ---------------------------------------------------------------- streams

// The stream classes load the stream module, which is big: they are built
// on first use (node's own fs.ReadStream is a lazy getter too).
var ReadStream, WriteStream, stream;
function makeStreams() {
  if (ReadStream) return;
  stream = require('stream');
  var Readable = stream.Readable, Writable = stream.Writable;
  ReadStream = RS;
  WriteStream = WS;

  function RS(path, options) {
    if (!(this instanceof ReadStream)) return new ReadStream(path, options);
    var o = opts(options, { flags: 'r', mode: 438, autoClose: true, highWaterMark: 65536 });
    this.fd = o.fd === undefined ? null : o.fd;
    this.path = this.fd === null ? toPath(path) : undefined;
    this.flags = o.flags === undefined ? 'r' : o.flags;
    this.mode = o.mode === undefined ? 438 : o.mode;
    this.start = o.start;
    this.end = o.end === undefined ? Infinity : o.end;
    this.pos = o.start;
    this.bytesRead = 0;
    this.autoClose = o.autoClose === undefined ? true : o.autoClose;
    Readable.call(this, {
      highWaterMark: o.highWaterMark, encoding: o.encoding,
      autoDestroy: this.autoClose, emitClose: o.emitClose !== false
    });
  }
  Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
  Object.setPrototypeOf(ReadStream, Readable);
  Object.defineProperty(ReadStream.prototype, 'pending', {
    configurable: true,
    get: function () { return this.fd === null; }
  });

  // _construct opens the file before the first _read/_write (the stream
  // module holds them back until the callback).
  function openStream(stream, defaultFlags, cb) {
    if (stream.fd !== null) { cb(); return; }
    B.open(stream.path, toFlags(stream.flags, defaultFlags), toMode(stream.mode, 438), function (err, fd) {
      if (err) { cb(err); return; }
      stream.fd = fd;
      cb();
      stream.emit('open', fd);
      stream.emit('ready');
    });
  }
  function closeStream(stream, err, cb) {
    if (stream.fd !== null && stream.autoClose) {
      var fd = stream.fd;
      stream.fd = null;
      B.close(fd, function (e) { cb(err || e); });
    } else {
      cb(err);
    }
  }

  ReadStream.prototype._construct = function (cb) { openStream(this, 0, cb); };
  ReadStream.prototype._read = function (n) {
    var self = this;
    var toRead = n;
    var pos = this.pos === undefined ? -1 : this.pos;
    if (this.end !== Infinity) {
      var left = this.end - (this.pos === undefined ? this.bytesRead : this.pos) + 1;
      if (left <= 0) { this.push(null); return; }
      toRead = Math.min(n, left);
    }
    B.read(this.fd, toRead, pos, 'buffer', function (err, r) {
      if (err) { self.destroy(err); return; }
      var got = r[1];
      if (got === 0) { self.push(null); return; }
      self.bytesRead += got;
      if (self.pos !== undefined) self.pos += got;
      self.push(r[0]);
    });
  };
  ReadStream.prototype._destroy = function (err, cb) { closeStream(this, err, cb); };
  ReadStream.prototype.close = function (cb) {
    if (typeof cb === 'function') stream.finished(this, cb);
    this.destroy();
  };

  function WS(path, options) {
    if (!(this instanceof WriteStream)) return new WriteStream(path, options);
    var o = opts(options, { flags: 'w', mode: 438, autoClose: true });
    this.fd = o.fd === undefined ? null : o.fd;
    this.path = this.fd === null ? toPath(path) : undefined;
    this.flags = o.flags === undefined ? 'w' : o.flags;
    this.mode = o.mode === undefined ? 438 : o.mode;
    this.start = o.start;
    this.pos = o.start;
    this.bytesWritten = 0;
    this.autoClose = o.autoClose === undefined ? true : o.autoClose;
    Writable.call(this, {
      highWaterMark: o.highWaterMark, defaultEncoding: o.encoding || 'utf8', decodeStrings: true,
      autoDestroy: this.autoClose, emitClose: o.emitClose !== false
    });
  }
  Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
  Object.setPrototypeOf(WriteStream, Writable);
  Object.defineProperty(WriteStream.prototype, 'pending', {
    configurable: true,
    get: function () { return this.fd === null; }
  });
  WriteStream.prototype._construct = function (cb) { openStream(this, 577, cb); };
  WriteStream.prototype._write = function (chunk, encoding, cb) {
    var self = this;
    var pos = this.pos === undefined ? -1 : this.pos;
    B.write(this.fd, chunk, pos, typeof chunk === 'string' ? encoding : 'buffer', function (err, n) {
      if (err) { cb(err); return; }
      self.bytesWritten += n;
      if (self.pos !== undefined) self.pos += n;
      cb();
    });
  };
  WriteStream.prototype._destroy = function (err, cb) { closeStream(this, err, cb); };
  WriteStream.prototype.close = function (cb) {
    if (typeof cb === 'function') {
      if (this.closed) { process.nextTick(cb); return; }
      this.on('close', cb);
    }
    if (!this.autoClose) this.on('finish', this.destroy);
    this.end();
  };
  WriteStream.prototype.destroySoon = WriteStream.prototype.end;
}
// Constructors callable before the classes exist (and as plain functions).
function RS_(path, options) { makeStreams(); return new ReadStream(path, options); }
function WS_(path, options) { makeStreams(); return new WriteStream(path, options); }
Object.defineProperty(exports, 'ReadStream', {
  enumerable: true, configurable: true,
  get: function () { makeStreams(); return ReadStream; },
  set: function (v) { ReadStream = v; }
});
Object.defineProperty(exports, 'WriteStream', {
  enumerable: true, configurable: true,
  get: function () { makeStreams(); return WriteStream; },
  set: function (v) { WriteStream = v; }
});
exports.createReadStream = RS_;
exports.createWriteStream = WS_;

// ---------------------------------------------------------------- watchFile

// fs.watchFile polls (default every 5007 ms, as node) through the same
// native poller as process.watchFile; listeners get (curr, prev) fs.Stats.
var statWatchers = Object.create(null);
function StatWatcher() { EventEmitter.call(this); }
StatWatcher.prototype = Object.create(EventEmitter.prototype, { constructor: { value: StatWatcher, writable: true, configurable: true } });
StatWatcher.prototype.ref = function () { return this; };
StatWatcher.prototype.unref = function () { return this; };

exports.watchFile = function (filename, options, listener) {
  var p = toPath(filename, 'filename');
  if (typeof options === 'function') { listener = options; options = {}; }
  options = Object.assign({ interval: 5007, persistent: true }, options);
  if (typeof listener !== 'function') throw argType('listener', 'of type function', listener);
  var w = statWatchers[p];
  if (!w) {
    w = statWatchers[p] = new StatWatcher();
    w._stop = B.watch(p, options.interval, options.persistent, function (curr, prev) {
      w.emit('change', toStats(curr), toStats(prev));
    });
  }
  w.addListener('change', listener);
  return w;
};
exports.unwatchFile = function (filename, listener) {
  var p = toPath(filename, 'filename');
  var w = statWatchers[p];
  if (!w) return;
  if (typeof listener === 'function') w.removeListener('change', listener);
  else w.removeAllListeners('change');
  if (w.listenerCount('change') === 0) {
    delete statWatchers[p];
    w._stop();
    w.emit('stop');
  }
};

// ---------------------------------------------------------------- watch

// fs.watch: inotify underneath (one instance per watcher); events are
// "change" (content or attributes) and "rename" (created, deleted, moved),
// with the entry's name, as node reports them on Linux.
function FSWatcher() {
  EventEmitter.call(this);
  this._close = null;
}
FSWatcher.prototype = Object.create(EventEmitter.prototype, { constructor: { value: FSWatcher, writable: true, configurable: true } });
FSWatcher.prototype.close = function () {
  if (!this._close) return;
  var c = this._close;
  this._close = null;
  c();
  var self = this;
  process.nextTick(function () { self.emit('close'); });
};
FSWatcher.prototype.ref = function () { return this; };
FSWatcher.prototype.unref = function () { return this; };


exports.watch = function (filename, options, listener) {
  var p = toPath(filename, 'filename');
  if (typeof options === 'function') { listener = options; options = {}; }
  options = opts(options, { persistent: true, recursive: false });
  var w = new FSWatcher();
  if (typeof listener === 'function') w.on('change', listener);
  w._close = B.inotify(p, options.persistent !== false, function (type, name) {
    w.emit('change', type, name);
  });
  return w;
};

// ---------------------------------------------------------------- opendir

// Dir reads the whole listing at open (one scandir, sorted as node's
// readdir) and hands entries out one by one.
function Dir(path, names, types) {
  this.path = path;
  this._names = names;
  this._types = types;
  this._i = 0;
  this._closed = false;
}
function dirClosed() {
  var e = new Error('Directory handle was closed');
  e.code = 'ERR_DIR_CLOSED';
  return e;
}
Dir.prototype.readSync = function () {
  if (this._closed) throw dirClosed();
  if (this._i >= this._names.length) return null;
  var i = this._i++;
  return new Dirent(this._names[i], this._types[i], this.path);
};
Dir.prototype.read = function (cb) {
  var self = this;
  var p = new Promise(function (resolve, reject) {
    try { var d = self.readSync(); } catch (e) { reject(e); return; }
    process.nextTick(resolve, d);
  });
  if (typeof cb !== 'function') return p;
  p.then(function (d) { cb(null, d); }, cb);
};
Dir.prototype.closeSync = function () {
  if (this._closed) throw dirClosed();
  this._closed = true;
};
Dir.prototype.close = function (cb) {
  var self = this;
  var p = new Promise(function (resolve, reject) {
    try { self.closeSync(); } catch (e) { reject(e); return; }
    process.nextTick(resolve);
  });
  if (typeof cb !== 'function') return p;
  p.then(function () { cb(null); }, cb);
};
Dir.prototype[Symbol.asyncIterator] = function () {
  var dir = this;
  return {
    next: function () {
      try {
        var d = dir._closed ? null : dir.readSync();
      } catch (e) { return Promise.reject(e); }
      if (d === null) {
        dir._closed = true;
        return Promise.resolve({ value: undefined, done: true });
      }
      return Promise.resolve({ value: d, done: false });
    },
    return: function () {
      dir._closed = true;
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]: function () { return this; }
  };
};
exports.Dir = Dir;
exports.opendirSync = function (path) {
  var p = toPath(path);
  var r = B.readdir(p, true, undefined, true);
  return new Dir(p, r[0], r[1]);
};
exports.opendir = function (path, options, cb) {
  if (typeof options === 'function') cb = options;
  toCallback(cb);
  var p = toPath(path);
  B.readdir(p, true, function (err, r) {
    if (err) cb(err);
    else cb(null, new Dir(p, r[0], r[1]));
  }, true);
};
promises.opendir = function (path) {
  return new Promise(function (resolve, reject) {
    var p = toPath(path);
    B.readdir(p, true, function (err, r) {
      if (err) reject(err);
      else resolve(new Dir(p, r[0], r[1]));
    }, true);
  });
};
