// Minimal Readable/Writable with the subclass contract of node's stream
// module. Used only while gonode has no "stream" module of its own.
'use strict';

var real = null;
try { real = require('stream'); } catch (e) { real = null; }
if (real && typeof real.Readable === 'function' && typeof real.Writable === 'function') {
  module.exports = { Readable: real.Readable, Writable: real.Writable, real: true };
  return;
}

var EventEmitter = require('events');

function Readable(opts) {
  EventEmitter.call(this);
  opts = opts || {};
  this.readable = true;
  this.destroyed = false;
  this.readableEnded = false;
  this.readableFlowing = null;
  this.readableHighWaterMark = opts.highWaterMark || 16384;
  this.readableEncoding = opts.encoding || null;
  this._rs = { buffer: [], length: 0, ended: false, endEmitted: false, reading: false, scheduled: false, pipes: [] };
  if (typeof opts.read === 'function') this._read = opts.read;
  if (typeof opts.destroy === 'function') this._destroy = opts.destroy;
  var self = this;
  this.on('newListener', function (ev) {
    if (ev === 'data' && self.readableFlowing !== false) self.resume();
  });
}
Readable.prototype = Object.create(EventEmitter.prototype, { constructor: { value: Readable, writable: true, configurable: true } });

function chunkLength(c) { return c == null ? 0 : c.length || 0; }

Readable.prototype.push = function (chunk, encoding) {
  var rs = this._rs;
  if (rs.ended || this.destroyed) return false;
  rs.reading = false;
  if (chunk === null) {
    rs.ended = true;
    schedule(this);
    return false;
  }
  if (this.readableEncoding && typeof chunk !== 'string' && chunk && typeof chunk.toString === 'function' && typeof Buffer === 'function') {
    chunk = Buffer.from(chunk.buffer ? chunk : chunk).toString(this.readableEncoding);
  }
  rs.buffer.push(chunk);
  rs.length += chunkLength(chunk);
  schedule(this);
  return rs.length < this.readableHighWaterMark;
};

function schedule(s) {
  var rs = s._rs;
  if (rs.scheduled) return;
  rs.scheduled = true;
  process.nextTick(function () { rs.scheduled = false; flow(s); });
}

function flow(s) {
  var rs = s._rs;
  if (s.destroyed) return;
  while (s.readableFlowing && rs.buffer.length) {
    var c = rs.buffer.shift();
    rs.length -= chunkLength(c);
    s.emit('data', c);
  }
  if (rs.ended && !rs.buffer.length) {
    if (!rs.endEmitted && s.readableFlowing) {
      rs.endEmitted = true;
      s.readable = false;
      s.readableEnded = true;
      s.emit('end');
      if (s._autoClose !== false) s.destroy();
    }
    return;
  }
  if (s.readableFlowing && !rs.reading && !rs.ended && rs.length < s.readableHighWaterMark) {
    rs.reading = true;
    s._read(s.readableHighWaterMark);
  }
}

Readable.prototype._read = function () {};
Readable.prototype.read = function () {
  var rs = this._rs;
  if (!rs.buffer.length) {
    if (!rs.ended && !rs.reading) { rs.reading = true; this._read(this.readableHighWaterMark); }
    return null;
  }
  var c = rs.buffer.shift();
  rs.length -= chunkLength(c);
  schedule(this);
  return c;
};
Readable.prototype.setEncoding = function (enc) {
  this.readableEncoding = enc;
  if (typeof this._setEncoding === 'function') this._setEncoding(enc);
  return this;
};
Readable.prototype.pause = function () {
  this.readableFlowing = false;
  this.emit('pause');
  return this;
};
Readable.prototype.resume = function () {
  if (!this.readableFlowing) {
    this.readableFlowing = true;
    this.emit('resume');
    schedule(this);
  }
  return this;
};
Readable.prototype.isPaused = function () { return this.readableFlowing === false; };
Readable.prototype.pipe = function (dest, opts) {
  var src = this;
  function ondata(chunk) {
    if (dest.write(chunk) === false) {
      src.pause();
      dest.once('drain', function () { src.resume(); });
    }
  }
  src.on('data', ondata);
  if (!opts || opts.end !== false) {
    src.once('end', function () { dest.end(); });
  }
  this._rs.pipes.push({ dest: dest, ondata: ondata });
  dest.emit('pipe', src);
  src.resume();
  return dest;
};
Readable.prototype.unpipe = function (dest) {
  var pipes = this._rs.pipes;
  for (var i = pipes.length - 1; i >= 0; i--) {
    if (!dest || pipes[i].dest === dest) {
      this.removeListener('data', pipes[i].ondata);
      pipes[i].dest.emit('unpipe', this);
      pipes.splice(i, 1);
    }
  }
  return this;
};
Readable.prototype._destroy = function (err, cb) { cb(err); };
Readable.prototype.destroy = function (err) {
  if (this.destroyed) return this;
  this.destroyed = true;
  this.readable = false;
  var self = this;
  this._destroy(err || null, function (e) {
    process.nextTick(function () {
      if (e) self.emit('error', e);
      self.emit('close');
    });
  });
  return this;
};
if (typeof Symbol === 'function' && Symbol.asyncIterator) {
  Readable.prototype[Symbol.asyncIterator] = function () {
    var s = this, queue = [], waiting = null, done = false, error = null;
    s.on('data', function (c) { if (waiting) { var w = waiting; waiting = null; w.resolve({ value: c, done: false }); } else queue.push(c); });
    s.on('end', function () { done = true; if (waiting) { var w = waiting; waiting = null; w.resolve({ value: undefined, done: true }); } });
    s.on('error', function (e) { error = e; if (waiting) { var w = waiting; waiting = null; w.reject(e); } });
    return {
      next: function () {
        if (queue.length) return Promise.resolve({ value: queue.shift(), done: false });
        if (error) return Promise.reject(error);
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise(function (resolve, reject) { waiting = { resolve: resolve, reject: reject }; });
      },
      return: function () { s.destroy(); return Promise.resolve({ value: undefined, done: true }); },
      [Symbol.asyncIterator]: function () { return this; }
    };
  };
}

function Writable(opts) {
  EventEmitter.call(this);
  opts = opts || {};
  this.writable = true;
  this.destroyed = false;
  this.writableEnded = false;
  this.writableFinished = false;
  this.writableHighWaterMark = opts.highWaterMark || 16384;
  this.writableLength = 0;
  this._ws = { queue: [], writing: false, ending: false, needDrain: false, defaultEncoding: 'utf8', finalCbs: [] };
  if (typeof opts.write === 'function') this._write = opts.write;
  if (typeof opts.final === 'function') this._final = opts.final;
  if (typeof opts.destroy === 'function') this._destroy = opts.destroy;
}
Writable.prototype = Object.create(EventEmitter.prototype, { constructor: { value: Writable, writable: true, configurable: true } });

Writable.prototype.write = function (chunk, encoding, cb) {
  if (typeof encoding === 'function') { cb = encoding; encoding = null; }
  var ws = this._ws, self = this;
  if (ws.ending || this.destroyed) {
    var err = new Error(this.destroyed ? 'Cannot call write after a stream was destroyed' : 'write after end');
    err.code = this.destroyed ? 'ERR_STREAM_DESTROYED' : 'ERR_STREAM_WRITE_AFTER_END';
    process.nextTick(function () {
      if (typeof cb === 'function') cb(err);
      self.emit('error', err);
    });
    return false;
  }
  if (chunk === null) {
    var e2 = new TypeError('May not write null values to stream');
    e2.code = 'ERR_STREAM_NULL_VALUES';
    throw e2;
  }
  ws.queue.push({ chunk: chunk, encoding: encoding || ws.defaultEncoding, cb: cb });
  this.writableLength += chunkLength(chunk);
  var ok = this.writableLength < this.writableHighWaterMark;
  if (!ok) ws.needDrain = true;
  writeNext(this);
  return ok;
};

function writeNext(s) {
  var ws = s._ws;
  if (ws.writing || s.destroyed) return;
  if (!ws.queue.length) {
    if (ws.ending) finish(s);
    return;
  }
  var w = ws.queue.shift();
  ws.writing = true;
  s._write(w.chunk, w.encoding, function (err) {
    ws.writing = false;
    s.writableLength -= chunkLength(w.chunk);
    if (err) {
      if (typeof w.cb === 'function') w.cb(err);
      s.destroy(err);
      return;
    }
    if (typeof w.cb === 'function') w.cb(null);
    if (ws.needDrain && s.writableLength === 0 && !ws.ending) {
      ws.needDrain = false;
      s.emit('drain');
    }
    writeNext(s);
  });
}

function finish(s) {
  var ws = s._ws;
  if (ws.finishing) return;
  ws.finishing = true;
  s._final(function (err) {
    if (err) { s.destroy(err); return; }
    s.writableFinished = true;
    var cbs = ws.finalCbs; ws.finalCbs = [];
    process.nextTick(function () {
      for (var i = 0; i < cbs.length; i++) cbs[i]();
      s.emit('finish');
      if (s._autoClose !== false) s.destroy();
    });
  });
}

Writable.prototype._write = function (chunk, encoding, cb) { cb(); };
Writable.prototype._final = function (cb) { cb(); };
Writable.prototype._destroy = function (err, cb) { cb(err); };
Writable.prototype.setDefaultEncoding = function (enc) { this._ws.defaultEncoding = enc; return this; };
Writable.prototype.cork = function () {};
Writable.prototype.uncork = function () {};
Writable.prototype.end = function (chunk, encoding, cb) {
  if (typeof chunk === 'function') { cb = chunk; chunk = null; encoding = null; }
  else if (typeof encoding === 'function') { cb = encoding; encoding = null; }
  if (chunk !== null && chunk !== undefined) this.write(chunk, encoding);
  var ws = this._ws;
  if (typeof cb === 'function') {
    if (this.writableFinished) process.nextTick(cb);
    else ws.finalCbs.push(cb);
  }
  if (ws.ending) return this;
  ws.ending = true;
  this.writable = false;
  this.writableEnded = true;
  writeNext(this);
  return this;
};
Writable.prototype.destroy = Readable.prototype.destroy;

module.exports = { Readable: Readable, Writable: Writable, real: false };
