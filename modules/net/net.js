// net: today's Node sockets over gonode's socket core (internal/netcore).
//
// net.Socket is a stream.Duplex, wired to the native handle the way Node
// wires it to libuv: _read starts the reader, push() returning false pauses
// it (real back-pressure), _write/_writev hand bytes to the core (the
// callback runs at once when the kernel took everything, else after the
// flush), _final half-closes, _destroy closes and "close" follows when the
// core reports the fd closed.
'use strict';

var EventEmitter = require('events');
var stream = require('stream');
var BufferCtor = require('buffer').Buffer;
var baseEmit = EventEmitter.prototype.emit;
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
    // Fast path: what Readable's addChunk does for a flowing stream with
    // nothing buffered (the common case: a 'data' listener), without the
    // generic push machinery around it. Anything else takes push().
    var st = this._readableState;
    if (st.flowing && st.length === 0 && !st.sync && !st.decoder && !st.ended && !st.destroyed && !st.errored) {
      st.reading = false;
      if (st.multiAwaitDrain) st.awaitDrainWriters.clear();
      else st.awaitDrainWriters = null;
      st.dataEmitted = true;
      // One 'data' listener and the standard emit: call it directly (what
      // emit would do, without its arguments object).
      var h = this._events !== undefined ? this._events.data : undefined;
      if (h !== undefined && typeof h !== 'function' && h.length === 1 && this.emit === baseEmit) {
        h[0].call(this, data);
      } else {
        this.emit('data', data);
      }
      return;
    }
    if (!this.push(data)) this._handle.pause();
  },
  onend: function () {
    this.push(null);
    this.read(0);
  },
  ondrain: function () {
    var cbs = this._writeCbs;
    this._writeCbs = [];
    for (var i = 0; i < cbs.length; i++) cbs[i]();
  },
  onshutdown: function () {
    var cb = this._finalCb;
    this._finalCb = null;
    if (cb) cb();
  },
  ontimeout: function () {
    this.emit('timeout');
  },
  onconnect: function (err) {
    if (err) {
      this.connecting = false;
      this.destroy(err);
      return;
    }
    this.connecting = false;
    if (this._timeoutMs) this._handle.setTimeout(this._timeoutMs);
    // The stream may have asked for data while we were connecting.
    if (this._wantRead) this._handle.resume();
    this.emit('connect');
    this.emit('ready');
  },
  onclose: function (err) {
    var handle = this._handle;
    if (handle) {
      this._bytesRead = handle.bytesRead();
      this._bytesWritten = handle.bytesWritten();
    }
    this._handleClosed = true;
    var cbs = this._writeCbs;
    this._writeCbs = [];
    if (cbs.length) {
      var werr = err || makeError(Error, 'ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed');
      for (var i = 0; i < cbs.length; i++) cbs[i](werr);
    }
    if (this._finalCb) {
      var fcb = this._finalCb;
      this._finalCb = null;
      fcb(err || makeError(Error, 'ERR_STREAM_DESTROYED', 'Cannot call end after a stream was destroyed'));
    }
    if (this._destroyCalled) {
      this._emitClose();
    } else {
      // The core closed by itself: an I/O error, or both directions done
      // while the stream still has buffered data to hand out. An error
      // destroys now; a clean close waits for the stream to finish.
      if (err) this.destroy(err);
    }
  }
};

function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  options = Object.assign({}, options);
  var allowHalfOpen = !!options.allowHalfOpen;
  var handle = options.handle;
  delete options.handle;
  // As Node: the Duplex itself does the automatic end() when the socket
  // is not half-open; "close" is ours to emit once the fd is closed.
  options.allowHalfOpen = allowHalfOpen;
  options.emitClose = false;
  options.autoDestroy = true;
  options.decodeStrings = false;
  stream.Duplex.call(this, options);
  // The other fields start from Socket.prototype's defaults (below): fewer
  // own properties make a socket much cheaper to build in goja.
  this._writeCbs = [];
  if (handle) {
    this._attach(handle);
    if (options.pauseOnCreate) {
      this.readableFlowing = false;
    } else {
      this.read(0);
    }
  }
}
Object.setPrototypeOf(Socket.prototype, stream.Duplex.prototype);
Object.setPrototypeOf(Socket, stream.Duplex);
// Per-socket defaults, shared until a socket assigns its own value.
Socket.prototype._handle = null;
Socket.prototype.connecting = false;
Socket.prototype._handleClosed = false;
Socket.prototype._destroyCalled = false;
Socket.prototype._destroyErr = null;
Socket.prototype._closeEmitted = false;
Socket.prototype._wantRead = false;
Socket.prototype._finalCb = null;
Socket.prototype._timeoutMs = 0;
Socket.prototype._bytesRead = 0;
Socket.prototype._bytesWritten = 0;
Socket.prototype.server = null;
Socket.prototype._server = null;

Socket.prototype._attach = function (handle) {
  this._handle = handle;
  this._handleClosed = false;
  handle.setCallbacks(this, callbacks);
  // Reading starts when the stream asks for data (_read).
  handle.pause();
};

Socket.prototype._read = function () {
  this._wantRead = true;
  if (this._handle && !this.connecting) this._handle.resume();
};

// Node v20.20's Writable decides write()'s result after _write ran (a
// chunk the kernel took at once leaves length 0: true, and no "drain").
// gonode's stream module decides before; until it follows Node, correct it
// here so sockets answer as Node's do.
Socket.prototype.write = function (chunk, encoding, cb) {
  var ws = this._writableState;
  // Fast path, the common case of a server answering: nothing buffered or
  // in flight, no callback, default encoding. The core writes at once (and
  // queues what the kernel leaves); the Writable machinery has nothing to
  // track, as in Node where such a write completes synchronously. Anything
  // else (and any chunk the handle will not take) goes the full way. Every
  // handle a Socket runs on has tryWrite (netcore's and tls's).
  if (ws.length === 0 && encoding === undefined && cb === undefined && !ws.corked &&
      !ws.ending && !ws.destroyed && !ws.errored && ws.defaultEncoding === 'utf8' &&
      this._handle !== null && !this._handleClosed && !this.connecting &&
      this._handle.tryWrite(chunk)) {
    return true;
  }
  var before = ws.needDrain;
  var ret = stream.Duplex.prototype.write.call(this, chunk, encoding, cb);
  if (!ret && !before && !ws.destroyed && !ws.errored && (ws.length < ws.highWaterMark || ws.length === 0)) {
    ws.needDrain = false;
    return true;
  }
  return ret;
};

Socket.prototype._write = function (data, encoding, cb) {
  if (!this._handle || this._handleClosed) {
    cb(makeError(Error, 'ERR_SOCKET_CLOSED', 'Socket is closed'));
    return;
  }
  if (this._handle.writeNow(data, encoding)) cb();
  else this._writeCbs.push(cb);
};

Socket.prototype._writev = function (chunks, cb) {
  if (!this._handle || this._handleClosed) {
    cb(makeError(Error, 'ERR_SOCKET_CLOSED', 'Socket is closed'));
    return;
  }
  var allDone = true;
  for (var i = 0; i < chunks.length; i++) {
    if (!this._handle.writeNow(chunks[i].chunk, chunks[i].encoding)) allDone = false;
  }
  if (allDone) cb();
  else this._writeCbs.push(cb);
};

Socket.prototype._final = function (cb) {
  if (!this._handle || this._handleClosed) return cb();
  this._finalCb = cb;
  this._handle.shutdown();
};

Socket.prototype._destroy = function (err, cb) {
  this._destroyCalled = true;
  this._destroyErr = err || null;
  this.connecting = false;
  if (this._server) {
    var server = this._server;
    this._server = null;
    server._connectionClosed();
  }
  cb(err);
  if (!this._handle || this._handleClosed) {
    var self = this;
    process.nextTick(function () { self._emitClose(); });
  } else {
    this._handle.destroy();
  }
};

Socket.prototype._emitClose = function () {
  if (this._closeEmitted) return;
  this._closeEmitted = true;
  this.emit('close', !!this._destroyErr);
};

Socket.prototype.setEncoding = function (enc) {
  if (enc !== undefined && enc !== null && !BufferCtor.isEncoding(enc)) {
    throw makeError(TypeError, 'ERR_UNKNOWN_ENCODING', 'Unknown encoding: ' + enc);
  }
  return stream.Duplex.prototype.setEncoding.call(this, enc);
};

Socket.prototype.connect = function () {
  var args = normalizeConnectArgs(arguments);
  var options = args[0], cb = args[1];
  if (this.connecting || (this._handle && !this._handleClosed)) {
    throw makeError(Error, 'ERR_SOCKET_CONNECTION_TIMEOUT', 'Socket is already connected or connecting');
  }
  if (options.path !== undefined) {
    throw makeError(Error, 'ERR_NOT_SUPPORTED', 'gonode: Unix domain sockets are not supported');
  }
  var port = validatePort(options.port);
  var host = options.host === undefined || options.host === null || options.host === '' ? 'localhost' : String(options.host);
  if (this.destroyed) {
    this._undestroy();
    this._handle = null;
    this._destroyCalled = false;
    this._destroyErr = null;
    this._closeEmitted = false;
  }
  if (typeof cb === 'function') this.once('connect', cb);
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
  } else if (typeof a0 === 'string' && Number.isNaN(Number(a0))) {
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

Socket.prototype.destroySoon = function () {
  if (this.writable) this.end();
  if (this.writableFinished) this.destroy();
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
  if (this._handle && !this.connecting && !this._handleClosed) this._handle.setTimeout(ms);
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
  return (this._handle && !this._handleClosed && this._handle.localAddress()) || {};
};

Socket.prototype.ref = function () {
  if (this._handle) this._handle.ref();
  return this;
};

Socket.prototype.unref = function () {
  if (this._handle) this._handle.unref();
  return this;
};

function getter(name, fn) {
  Object.defineProperty(Socket.prototype, name, { configurable: true, enumerable: false, get: fn });
}
function remote(self) { return self._handle && !self._handleClosed ? self._handle.remoteAddress() : undefined; }
function local(self) { return self._handle && !self._handleClosed ? self._handle.localAddress() : undefined; }
getter('remoteAddress', function () { var a = remote(this); return a && a.address; });
getter('remotePort', function () { var a = remote(this); return a && a.port; });
getter('remoteFamily', function () { var a = remote(this); return a && a.family; });
getter('localAddress', function () { var a = local(this); return a && a.address; });
getter('localPort', function () { var a = local(this); return a && a.port; });
getter('localFamily', function () { var a = local(this); return a && a.family; });
getter('pending', function () { return !this._handle || this.connecting; });
getter('bytesRead', function () { return this._handle && !this._handleClosed ? this._handle.bytesRead() : this._bytesRead; });
getter('bytesWritten', function () { return this._handle && !this._handleClosed ? this._handle.bytesWritten() : this._bytesWritten; });
getter('bufferSize', function () { return this._handle ? this.writableLength : undefined; });
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
  var socket = new Socket({ handle: handle, allowHalfOpen: this.allowHalfOpen, pauseOnCreate: this.pauseOnConnect });
  socket.server = this;
  socket._server = this;
  if (this.noDelay) handle.setNoDelay(true);
  if (this.keepAlive) handle.setKeepAlive(true, 0);
  this._connections++;
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
