// posix: node v0.1.21's file module. Every call returns a process.Promise
// that emits "success" with the call's results or "error" with a
// node-shaped Error (errno, code, syscall, path). The ...Sync twins return
// the result or throw that Error.
//
// Encodings are the 2009 ones: "binary" (the default of read and write:
// one char per byte, the low 8 bits of each char on write), "ascii" (low 8
// bits on write; decoded as UTF-8 on read, as v0.1.21's Encode() did) and
// "utf8". An unknown name means "binary", as ParseEncoding() had it.
'use strict';

var Promise2009 = require('events').Promise;

function writeEncoding(e) {
  e = typeof e === 'string' ? e.toLowerCase() : '';
  return e === 'utf8' ? 'utf8' : 'latin1';
}
function readEncoding(e) {
  e = typeof e === 'string' ? e.toLowerCase() : '';
  return e === 'utf8' || e === 'ascii' ? 'utf8' : 'latin1';
}
function pos(p) { return typeof p === 'number' && p >= 0 ? p : -1; }

function Stats(a) {
  this.dev = a[0];
  this.ino = a[7];
  this.mode = a[1];
  this.nlink = a[2];
  this.uid = a[3];
  this.gid = a[4];
  this.rdev = a[5];
  this.size = a[8];
  this.blksize = a[6];
  this.blocks = a[9];
  this.atime = new Date(a[10]);
  this.mtime = new Date(a[11]);
  this.ctime = new Date(a[12]);
}
function fmt(s) { return (s.mode & process.S_IFMT); }
Stats.prototype.isFile = function () { return fmt(this) === process.S_IFREG; };
Stats.prototype.isDirectory = function () { return fmt(this) === process.S_IFDIR; };
Stats.prototype.isBlockDevice = function () { return fmt(this) === process.S_IFBLK; };
Stats.prototype.isCharacterDevice = function () { return fmt(this) === process.S_IFCHR; };
Stats.prototype.isSymbolicLink = function () { return fmt(this) === process.S_IFLNK; };
Stats.prototype.isFIFO = function () { return fmt(this) === process.S_IFIFO; };
Stats.prototype.isSocket = function () { return fmt(this) === process.S_IFSOCK; };
exports.Stats = Stats;
process.Stats = Stats;

// call runs binding[name](args..., cb) and returns a promise settled by cb;
// shape turns the native result into the success arguments.
function call(name, args, shape) {
  var promise = new Promise2009();
  args.push(function (err, result) {
    if (err) {
      promise.emitError(err);
      return;
    }
    promise.emitSuccess.apply(promise, shape ? shape(result) : []);
  });
  binding[name].apply(null, args);
  return promise;
}
function one(v) { return [v]; }

exports.open = function (path, flags, mode) {
  return call('open', [String(path), flags | 0, mode === undefined ? 438 : mode], one);
};
exports.openSync = function (path, flags, mode) {
  return binding.open(String(path), flags | 0, mode === undefined ? 438 : mode);
};

exports.close = function (fd) { return call('close', [fd]); };
exports.closeSync = function (fd) { binding.close(fd); };

exports.read = function (fd, length, position, encoding) {
  return call('read', [fd, length, pos(position), readEncoding(encoding)], function (r) { return r; });
};
exports.readSync = function (fd, length, position, encoding) {
  return binding.read(fd, length, pos(position), readEncoding(encoding));
};

exports.write = function (fd, data, position, encoding) {
  return call('write', [fd, String(data), pos(position), writeEncoding(encoding)], one);
};
exports.writeSync = function (fd, data, position, encoding) {
  return binding.write(fd, String(data), pos(position), writeEncoding(encoding));
};

exports.rename = function (path1, path2) { return call('rename', [String(path1), String(path2)]); };
exports.renameSync = function (path1, path2) { binding.rename(String(path1), String(path2)); };

exports.truncate = function (fd, len) { return call('ftruncate', [fd, len || 0]); };
exports.truncateSync = function (fd, len) { binding.ftruncate(fd, len || 0); };

exports.unlink = function (path) { return call('unlink', [String(path)]); };
exports.unlinkSync = function (path) { binding.unlink(String(path)); };

exports.rmdir = function (path) { return call('rmdir', [String(path)]); };
exports.rmdirSync = function (path) { binding.rmdir(String(path)); };

exports.mkdir = function (path, mode) {
  return call('mkdir', [String(path), mode === undefined ? 511 : mode, false]);
};
exports.mkdirSync = function (path, mode) {
  binding.mkdir(String(path), mode === undefined ? 511 : mode, false);
};

exports.readdir = function (path) { return call('readdir', [String(path), false], one); };
exports.readdirSync = function (path) { return binding.readdir(String(path), false); };

exports.stat = function (path) {
  return call('stat', [String(path)], function (a) { return [new Stats(a)]; });
};
exports.statSync = function (path) { return new Stats(binding.stat(String(path))); };

exports.lstat = function (path) {
  return call('lstat', [String(path)], function (a) { return [new Stats(a)]; });
};
exports.lstatSync = function (path) { return new Stats(binding.lstat(String(path))); };

exports.sendfile = function (outFd, inFd, inOffset, length) {
  return call('sendfile', [outFd, inFd, inOffset, length], one);
};
exports.sendfileSync = function (outFd, inFd, inOffset, length) {
  return binding.sendfile(outFd, inFd, inOffset, length);
};

// cat(filename, encoding="utf8"): the whole file as one string.
exports.cat = function (path, encoding) {
  return call('readFile', [String(path), process.O_RDONLY, readEncoding(encoding || 'utf8')], one);
};
exports.catSync = function (path, encoding) {
  return binding.readFile(String(path), process.O_RDONLY, readEncoding(encoding || 'utf8'));
};

// process.watchFile(filename, [options,] listener): poll the file and call
// listener(curr, prev) with posix.Stats when it changes. Options as in
// v0.1.21: persistent (default true: keeps the process alive) and interval
// (ms). v0.1.21's default interval 0 meant libev's inotify-backed ev_stat,
// which noticed changes at once; polling every 100 ms stands in for it.
var watchers = Object.create(null);
exports._watchFile = function (filename, options, listener) {
  if (typeof options === 'function') { listener = options; options = {}; }
  options = options || {};
  filename = String(filename);
  var persistent = options.persistent === undefined ? true : !!options.persistent;
  var interval = options.interval > 0 ? options.interval : 100;
  var w = watchers[filename];
  if (!w) {
    w = watchers[filename] = { listeners: [], stop: null };
    w.stop = binding.watch(filename, interval, persistent, function (curr, prev) {
      var c = new Stats(curr), p = new Stats(prev), ls = w.listeners.slice();
      for (var i = 0; i < ls.length; i++) ls[i].call(null, c, p);
    });
  }
  if (typeof listener === 'function') w.listeners.push(listener);
};
exports._unwatchFile = function (filename) {
  filename = String(filename);
  var w = watchers[filename];
  if (!w) return;
  delete watchers[filename];
  w.stop();
};
