// net: today's Node sockets over gonode's socket core (internal/netcore).
//
// A Socket is an EventEmitter with the stream surface scripts and pipe()
// use: write/end/destroy, pause/resume, setEncoding, flowing mode that
// starts when a "data" listener is added (until then the socket does not
// read, so the peer meets back-pressure, as in Node), "drain" after a
// write that returned false, "finish", "end", "close"(hadError), "error".
'use strict';

var EventEmitter = require('events');
var BufferCtor = require('buffer').Buffer;

function inherits(ctor, superCtor) {
  ctor.super_ = superCtor;
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
  Object.setPrototypeOf(ctor, superCtor);
}

function makeError(Ctor, code, message) {
  var e = new Ctor(message);
  e.code = code;
  return e;
}

function validatePort(port, name) {
  var n = typeof port === 'string' && port.trim() !== '' ? Number(port) : port;
  if (typeof n !== 'number' || !(n >= 0 && n <= 65535) || Math.floor(n) !== n) {
    throw makeError(RangeError, 'ERR_SOCKET_BAD_PORT',
      (name || 'Port') + ' should be >= 0 and < 65536. Received ' + describe(port) + '.');
  }
  return n;
}

function describe(v) {
  if (typeof v === 'string') return "type string ('" + v + "')";
  if (typeof v === 'number') return 'type number (' + v + ')';
  if (v === undefined || v === null) return String(v);
  if (typeof v === 'function') return 'function ' + v.name;
  return 'an instance of ' + ((v.constructor && v.constructor.name) || 'Object');
}

// ---------------------------------------------------------------- Socket

var callbacks = {
  onread: function (data) {
    this.emit('data', data);
  },
  onend: function () {
    this._readableEnded = true;
    this.readable = false;
    this.emit('end');
    if (!this.allowHalfOpen && !this._ending) this.end();
  },
  ondrain: function () {
    var cbs = this._writeCbs;
    this._writeCbs = [];
    for (var i = 0; i < cbs.length; i++) cbs[i](null);
    if (this._needDrain && this._handle && this._handle.bufferSize() === 0) {
      this._needDrain = false;
      this.emit('drain');
    }
  },
  ontimeout: function () {
    this.emit('timeout');
  },
  onconnect: function (err) {
    if (err) {
      this._connectError = err;
      return;
    }
    this.connecting = false;
    this._pending = false;
    this.readable = this._wantReadable;
    this.writable = this._wantWritable && !this._ending;
    if (this._timeoutMs) this._handle.setTimeout(this._timeoutMs);
    this.emit('connect');
    this.emit('ready');
  },
  onclose: function (err) {
    var handle = this._handle;
    if (handle) {
      this._bytesRead = handle.bytesRead();
      this._bytesWritten = handle.bytesWritten();
    }
    err = err || this._connectError || this._destroyError || null;
    this._closed = true;
    this.connecting = false;
    this.destroyed = true;
    this.readable = this.writable = false;
    var cbs = this._writeCbs;
    this._writeCbs = [];
    if (cbs.length) {
      var werr = err || makeError(Error, 'ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed');
      for (var i = 0; i < cbs.length; i++) cbs[i](werr);
    }
    if (this.server) this.server._connectionClosed();
    if (err) this.emit('error', err);
    this.emit('close', !!err);
  }
};

function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  EventEmitter.call(this);
  options = options || {};
  this._handle = null;
  this.connecting = false;
  this._pending = true;
  this.destroyed = false;
  this.readable = false;
  this.writable = false;
  this.allowHalfOpen = !!options.allowHalfOpen;
  this._wantReadable = options.readable !== false;
  this._wantWritable = options.writable !== false;
  this._ending = false;
  this._finished = false;
  this._readableEnded = false;
  this._closed = false;
  this._flowing = null;
  this._encoding = null;
  this._needDrain = false;
  this._writeCbs = [];
  this._timeoutMs = 0;
  this._bytesRead = 0;
  this._bytesWritten = 0;
  this._connectError = null;
  this._destroyError = null;
  this.server = null;
  if (options.handle) this._attach(options.handle);
}
inherits(Socket, EventEmitter);

Socket.prototype._attach = function (handle) {
  this._handle = handle;
  handle.setCallbacks(this, callbacks);
  if (this._encoding) handle.setEncoding(this._encoding);
  // Not flowing until someone listens for data or calls resume().
  if (this._flowing !== true) handle.pause();
};

// Adding a "data" listener starts the flow, as in Node's Readable.
Socket.prototype.on = function (type, listener) {
  var r = EventEmitter.prototype.on.call(this, type, listener);
  if (type === 'data' && this._flowing !== false) this.resume();
  return r;
};
Socket.prototype.addListener = Socket.prototype.on;
Socket.prototype.prependListener = function (type, listener) {
  var r = EventEmitter.prototype.prependListener.call(this, type, listener);
  if (type === 'data' && this._flowing !== false) this.resume();
  return r;
};

Socket.prototype.pause = function () {
  this._flowing = false;
  if (this._handle) this._handle.pause();
  return this;
};

Socket.prototype.resume = function () {
  this._flowing = true;
  if (this._handle) this._handle.resume();
  return this;
};

Socket.prototype.isPaused = function () {
  return this._flowing === false;
};

Socket.prototype.setEncoding = function (enc) {
  if (enc !== undefined && enc !== null && !BufferCtor.isEncoding(enc)) {
    throw makeError(TypeError, 'ERR_UNKNOWN_ENCODING', 'Unknown encoding: ' + enc);
  }
  this._encoding = enc === undefined || enc === null ? null : String(enc);
  if (this._handle) this._handle.setEncoding(this._encoding);
  return this;
};

Socket.prototype.connect = function () {
  var args = normalizeConnectArgs(arguments);
  var options = args[0], cb = args[1];
  if (this._handle && !this._closed) {
    throw makeError(Error, 'ERR_SOCKET_CONNECTION_TIMEOUT', 'Socket is already connected or connecting');
  }
  if (options.path !== undefined) {
    throw makeError(Error, 'ERR_NOT_SUPPORTED', 'gonode: Unix domain sockets are not supported');
  }
  var port = validatePort(options.port);
  var host = options.host === undefined || options.host === null || options.host === '' ? 'localhost' : String(options.host);
  if (typeof cb === 'function') this.once('connect', cb);
  this._closed = false;
  this.destroyed = false;
  this._ending = this._finished = this._readableEnded = false;
  this._connectError = this._destroyError = null;
  this.connecting = true;
  this._attach(binding.connect(host, port));
  return this;
};

function normalizeConnectArgs(args) {
  var options = {}, cb;
  var a0 = args[0];
  if (a0 !== null && typeof a0 === 'object') {
    options = a0;
    cb = args[1];
  } else if (typeof a0 === 'string' && !/^\d+$/.test(a0) && typeof args[1] !== 'string' && Number.isNaN(Number(a0))) {
    options = { path: a0 };
    cb = args[1];
  } else {
    options = { port: a0 };
    if (typeof args[1] === 'string') {
      options.host = args[1];
      cb = args[2];
    } else {
      cb = args[1];
    }
  }
  return [options, cb];
}

Socket.prototype.write = function (data, encoding, cb) {
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  if (typeof data !== 'string' && !(data instanceof Uint8Array)) {
    if (data === null) throw makeError(TypeError, 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream');
    throw makeError(TypeError, 'ERR_INVALID_ARG_TYPE',
      'The "chunk" argument must be of type string or an instance of Buffer or Uint8Array. Received ' + describe(data));
  }
  var err = null;
  if (this._ending) err = makeError(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end');
  else if (this.destroyed || !this._handle) err = makeError(Error, 'ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed');
  if (err) {
    // As Node: the callback gets the error; writing after end() also
    // destroys the socket ('error', then 'close'), after destroy it is
    // only the callback.
    if (typeof cb === 'function') process.nextTick(cb, err);
    if (!this.destroyed) this.destroy(err);
    return false;
  }
  if (typeof encoding === 'string' && !BufferCtor.isEncoding(encoding)) {
    throw makeError(TypeError, 'ERR_UNKNOWN_ENCODING', 'Unknown encoding: ' + encoding);
  }
  var notify = typeof cb === 'function';
  if (notify) this._writeCbs.push(cb);
  var ok = this._handle.write(data, encoding || 'utf8', notify);
  if (!ok) this._needDrain = true;
  return ok;
};

Socket.prototype.end = function (data, encoding, cb) {
  if (typeof data === 'function') {
    cb = data;
    data = null;
  } else if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  if (data !== null && data !== undefined) this.write(data, encoding);
  if (this._ending) {
    if (typeof cb === 'function') {
      if (this._finished) process.nextTick(cb);
      else this.once('finish', cb);
    }
    return this;
  }
  this._ending = true;
  this.writable = false;
  if (typeof cb === 'function') this.once('finish', cb);
  if (!this._handle || this.destroyed) return this;
  var self = this;
  this._writeCbs.push(function (err) {
    if (err) return;
    self._finished = true;
    self.emit('finish');
  });
  this._handle.write('', 'utf8', true);
  this._handle.shutdown();
  return this;
};

Socket.prototype.destroy = function (err) {
  if (this.destroyed) return this;
  this.destroyed = true;
  this.readable = this.writable = false;
  this.connecting = false;
  if (err) this._destroyError = err;
  if (this._handle) {
    this._handle.destroy();
  } else {
    var self = this;
    process.nextTick(function () {
      if (err) self.emit('error', err);
      self.emit('close', !!err);
    });
  }
  return this;
};

Socket.prototype.destroySoon = function () {
  if (this.writable) this.end();
  if (this._finished) this.destroy();
  else this.once('finish', this.destroy);
};

Socket.prototype.resetAndDestroy = function () {
  return this.destroy();
};

Socket.prototype.setTimeout = function (ms, cb) {
  if (typeof ms !== 'number' || !(ms >= 0)) {
    throw makeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "msecs" argument must be of type number. Received ' + describe(ms));
  }
  this._timeoutMs = ms;
  if (this._handle && !this.connecting) this._handle.setTimeout(ms);
  if (typeof cb === 'function') {
    if (ms === 0) this.removeListener('timeout', cb);
    else this.once('timeout', cb);
  }
  return this;
};

Socket.prototype.setNoDelay = function (noDelay) {
  if (this._handle) this._handle.setNoDelay(noDelay === undefined ? true : !!noDelay);
  return this;
};

Socket.prototype.setKeepAlive = function (enable, initialDelay) {
  if (this._handle) this._handle.setKeepAlive(!!enable, +initialDelay || 0);
  return this;
};

Socket.prototype.address = function () {
  return (this._handle && this._handle.localAddress()) || {};
};

Socket.prototype.ref = function () {
  if (this._handle) this._handle.ref();
  return this;
};

Socket.prototype.unref = function () {
  if (this._handle) this._handle.unref();
  return this;
};

// A minimal pipe: enough for socket.pipe(socket) and socket.pipe(writable)
// with back-pressure, until gonode's stream module provides Readable.
Socket.prototype.pipe = function (dest, opts) {
  var src = this;
  var endDest = !opts || opts.end !== false;
  function ondata(chunk) {
    if (dest.write(chunk) === false) src.pause();
  }
  function ondrain() { src.resume(); }
  src.on('data', ondata);
  dest.on('drain', ondrain);
  if (endDest) {
    src.once('end', function () { dest.end(); });
  }
  src.once('close', function () {
    src.removeListener('data', ondata);
    dest.removeListener('drain', ondrain);
  });
  if (typeof dest.emit === 'function') dest.emit('pipe', src);
  return dest;
};

function getter(name, fn) {
  Object.defineProperty(Socket.prototype, name, { configurable: true, enumerable: false, get: fn });
}
function remote(self) { return self._handle && !self._closed ? self._handle.remoteAddress() : undefined; }
function local(self) { return self._handle && !self._closed ? self._handle.localAddress() : undefined; }
getter('remoteAddress', function () { var a = remote(this); return a && a.address; });
getter('remotePort', function () { var a = remote(this); return a && a.port; });
getter('remoteFamily', function () { var a = remote(this); return a && a.family; });
getter('localAddress', function () { var a = local(this); return a && a.address; });
getter('localPort', function () { var a = local(this); return a && a.port; });
getter('localFamily', function () { var a = local(this); return a && a.family; });
getter('pending', function () { return !this._handle || this.connecting; });
getter('bytesRead', function () { return this._handle && !this._closed ? this._handle.bytesRead() : this._bytesRead; });
getter('bytesWritten', function () { return this._handle && !this._closed ? this._handle.bytesWritten() : this._bytesWritten; });
getter('bufferSize', function () { return this._handle && !this._closed ? this._handle.bufferSize() : 0; });
getter('writableLength', function () { return this._handle && !this._closed ? this._handle.bufferSize() : 0; });
getter('writableHighWaterMark', function () { return binding.highWaterMark; });
getter('readableHighWaterMark', function () { return binding.highWaterMark; });
getter('writableEnded', function () { return this._ending; });
getter('writableFinished', function () { return this._finished; });
getter('readableEnded', function () { return this._readableEnded; });
getter('readableFlowing', function () { return this._flowing; });
getter('timeout', function () { return this._timeoutMs || undefined; });
getter('readyState', function () {
  if (this.connecting) return 'opening';
  if (this.readable && this.writable) return 'open';
  if (this.readable && !this.writable) return 'readOnly';
  if (!this.readable && this.writable) return 'writeOnly';
  return 'closed';
});

// ---------------------------------------------------------------- Server

function Server(options, listener) {
  if (!(this instanceof Server)) return new Server(options, listener);
  EventEmitter.call(this);
  if (typeof options === 'function') {
    listener = options;
    options = {};
  }
  options = options || {};
  if (typeof listener === 'function') this.on('connection', listener);
  this._handle = null;
  this._connections = 0;
  this._unref = false;
  this.allowHalfOpen = !!options.allowHalfOpen;
  this.pauseOnConnect = !!options.pauseOnConnect;
  this.noDelay = !!options.noDelay;
  this.keepAlive = !!options.keepAlive;
  this.maxConnections = undefined;
}
inherits(Server, EventEmitter);

function onconnection(handle) {
  if (this.maxConnections !== undefined && this._connections >= this.maxConnections) {
    handle.destroy();
    this.emit('drop', {});
    return;
  }
  var socket = new Socket({ handle: handle, allowHalfOpen: this.allowHalfOpen });
  socket.connecting = false;
  socket._pending = false;
  socket.readable = socket.writable = true;
  socket.server = this;
  socket._server = this;
  if (this.noDelay) handle.setNoDelay(true);
  if (this.keepAlive) handle.setKeepAlive(true, 0);
  this._connections++;
  if (this.pauseOnConnect) socket._flowing = false;
  this.emit('connection', socket);
}

Server.prototype._connectionClosed = function () {
  this._connections--;
  this._emitCloseIfDrained();
};

Server.prototype._emitCloseIfDrained = function () {
  if (this._handle || this._connections > 0 || !this._closing) return;
  this._closing = false;
  var self = this;
  process.nextTick(function () { self.emit('close'); });
};

Server.prototype.listen = function () {
  var args = Array.prototype.slice.call(arguments);
  var cb = typeof args[args.length - 1] === 'function' ? args.pop() : null;
  var options;
  if (args[0] !== null && typeof args[0] === 'object') {
    options = args[0];
  } else {
    options = { port: args[0] };
    if (typeof args[1] === 'string') {
      options.host = args[1];
      if (typeof args[2] === 'number') options.backlog = args[2];
    } else if (typeof args[1] === 'number') {
      options.backlog = args[1];
    }
  }
  if (options.path !== undefined) {
    throw makeError(Error, 'ERR_NOT_SUPPORTED', 'gonode: Unix domain sockets are not supported');
  }
  if (this._handle) {
    throw makeError(Error, 'ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.');
  }
  var port = options.port === undefined || options.port === null ? 0 : validatePort(options.port, 'options.port');
  var host = options.host === undefined || options.host === null || options.host === '' ? null : String(options.host);
  if (cb) this.once('listening', cb);
  var self = this;
  try {
    this._handle = binding.listen(host, port, options.backlog || 511, this, onconnection);
  } catch (e) {
    process.nextTick(function () { self.emit('error', e); });
    return this;
  }
  if (this._unref) this._handle.unref();
  process.nextTick(function () { if (self._handle) self.emit('listening'); });
  return this;
};

Server.prototype.address = function () {
  return this._handle ? this._handle.address() : null;
};

Server.prototype.close = function (cb) {
  if (typeof cb === 'function') {
    if (!this._handle) {
      this.once('close', function () {
        cb(makeError(Error, 'ERR_SERVER_NOT_RUNNING', 'Server is not running.'));
      });
    } else {
      this.once('close', cb);
    }
  }
  if (this._handle) {
    this._handle.close();
    this._handle = null;
  }
  this._closing = true;
  this._emitCloseIfDrained();
  return this;
};

Server.prototype.getConnections = function (cb) {
  var n = this._connections;
  if (typeof cb === 'function') process.nextTick(function () { cb(null, n); });
  return this;
};

Server.prototype.ref = function () {
  this._unref = false;
  if (this._handle) this._handle.ref();
  return this;
};

Server.prototype.unref = function () {
  this._unref = true;
  if (this._handle) this._handle.unref();
  return this;
};

Object.defineProperty(Server.prototype, 'listening', {
  configurable: true,
  get: function () { return !!this._handle; }
});

// ---------------------------------------------------------------- exports

function createServer(options, listener) {
  return new Server(options, listener);
}

function connect() {
  var args = normalizeConnectArgs(arguments);
  var options = args[0];
  var socket = new Socket(options);
  if (options.timeout) socket.setTimeout(options.timeout);
  return Socket.prototype.connect.apply(socket, arguments);
}

function isIP(s) { return binding.isIP(String(s)); }

exports.Socket = Socket;
exports.Stream = Socket;
exports.Server = Server;
exports.createServer = createServer;
exports.connect = connect;
exports.createConnection = connect;
exports.isIP = isIP;
exports.isIPv4 = function (s) { return isIP(s) === 4; };
exports.isIPv6 = function (s) { return isIP(s) === 6; };
exports.getDefaultAutoSelectFamily = function () { return true; };
exports.setDefaultAutoSelectFamily = function () {};
