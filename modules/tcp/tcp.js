// tcp: node v0.1.21's TCP server and client over gonode's socket core.
//
// 2009 semantics kept on purpose:
// - data arrives as "binary" strings (one char per byte) until
//   setEncoding; send() keeps the low 8 bits of each char for "binary" and
//   "ascii" (the default) and encodes UTF-8 for "utf8";
// - "ascii" received data is decoded as UTF-8, which is what v0.1.21 did
//   (it handed the bytes to V8's String::New, a UTF-8 decoder);
// - close() is a half-close (FIN after the queue is flushed; reading goes
//   on); forceClose() drops everything; "close" carries (hadError, strerror);
// - "drain" follows every flush of the write queue; "timeout" (60 s of
//   inactivity by default) is followed by a forced close.
'use strict';

var EventEmitter = require('events').EventEmitter;
var baseEmit = EventEmitter.prototype.emit;

function inherits(ctor, superCtor) {
  ctor.super_ = superCtor;
  ctor.prototype = Object.create(superCtor.prototype, {
    constructor: { value: ctor, enumerable: false, writable: true, configurable: true }
  });
}

// How v0.1.21 named encodings -> what the socket core should do.
function recvEncoding(enc) {
  switch (String(enc).toLowerCase()) {
    case 'utf8': case 'utf-8': case 'ascii': return 'utf8';
    default: return 'binary'; // v0.1.21's parser fell back to binary
  }
}
function sendEncoding(enc) {
  switch (String(enc).toLowerCase()) {
    case 'utf8': case 'utf-8': return 'utf8';
    default: return 'binary'; // "ascii" and "binary": the low 8 bits
  }
}

var callbacks = {
  // A single "receive" listener with the standard emit is handed back for
  // the socket core to call (netcore's Callbacks.Read): what emit would do,
  // minus a Function.prototype.call.
  onread: function (data) {
    var ev = this._events;
    var h = ev !== undefined ? ev.receive : undefined;
    if (typeof h === 'function' && this.emit === baseEmit) return h;
    this.emit('receive', data);
  },
  onend: function () {
    this._readable = false;
    this.emit('eof');
  },
  // v0.1.21 emitted "drain" after every flush, so an echo server gets one
  // per chunk; with the standard emit and no listener that emit does
  // nothing observable, and it is skipped (one JS call less per chunk).
  ondrain: function () {
    var ev = this._events;
    if (ev !== undefined && ev.drain === undefined && this.emit === baseEmit) return;
    this.emit('drain');
  },
  ontimeout: function () {
    this.emit('timeout');
    this.forceClose();
  },
  onconnect: function (err) {
    if (err) {
      this._error = err;
      return;
    }
    this._connecting = false;
    this._readable = true;
    this._writable = !this._shutdown;
    this.emit('connect');
  },
  onclose: function (err) {
    err = err || this._error;
    this._handle = null;
    this._connecting = this._readable = this._writable = false;
    this._error = null;
    if (err) {
      this.emit('close', true, err.strerror || err.message);
    } else {
      this.emit('close', false);
    }
  }
};

function Connection() {
  EventEmitter.call(this);
}
inherits(Connection, EventEmitter);
// Per-connection fields start from these shared defaults: a goja object's
// properties live in a Go map, and a server's connection with eight own
// fields besides its emitter's and remoteAddress outgrew the map's first
// group (measured: 0.26 KB less per idle connection with the change in
// _attach below).
Connection.prototype._handle = null;
Connection.prototype._connecting = false;
Connection.prototype._readable = false;
Connection.prototype._writable = false;
Connection.prototype._shutdown = false;
Connection.prototype._encoding = 'binary';
Connection.prototype._timeout = 60000;
Connection.prototype._error = null;

Object.defineProperty(Connection.prototype, 'readyState', {
  enumerable: true,
  get: function () {
    if (this._connecting) return 'opening';
    if (this._readable && this._writable) return 'open';
    if (this._readable) return 'readOnly';
    if (this._writable) return 'writeOnly';
    return 'closed';
  }
});

Connection.prototype._attach = function (handle) {
  this._handle = handle;
  // (Assigned only when they differ: an own property costs a map slot.)
  if (this._shutdown) this._shutdown = false;
  if (this._error !== null) this._error = null;
  handle.setCallbacks(this, callbacks);
  if (this._encoding !== 'binary') handle.setEncoding(recvEncoding(this._encoding));
  handle.setTimeout(this._timeout);
};

Connection.prototype.connect = function (port, host) {
  if (this.readyState !== 'closed' || this._handle) {
    throw new Error('Socket is not in CLOSED state.');
  }
  port = parsePort(port);
  if (host === undefined || host === null) host = '127.0.0.1';
  this._connecting = true;
  this._attach(binding.connect(String(host), port));
};

Connection.prototype.setEncoding = function (enc) {
  this._encoding = enc === undefined ? 'binary' : enc;
  if (this._handle) this._handle.setEncoding(recvEncoding(this._encoding));
};

Connection.prototype.send = function (data, encoding) {
  // readyState "opening", "open" or "writeOnly", without the getter's call.
  if (!this._connecting && !this._writable) {
    throw new Error('Socket is not open for writing');
  }
  if (typeof data !== 'string' && !(data && typeof data === 'object' && typeof data.byteLength === 'number')) {
    data = String(data);
  }
  // The common spellings need no call and no lowercasing.
  var enc = encoding === undefined || encoding === 'binary' || encoding === 'ascii' ? 'binary' : sendEncoding(encoding);
  return this._handle.write(data, enc, false);
};

// close: half-close. No more writes; a FIN follows the queued data.
Connection.prototype.close = function () {
  if (!this._handle || this._shutdown) return;
  this._shutdown = true;
  this._writable = false;
  this._handle.shutdown();
};

Connection.prototype.forceClose = function () {
  if (!this._handle) return;
  this._connecting = this._readable = this._writable = false;
  this._handle.destroy();
};

Connection.prototype.readPause = function () {
  if (this._handle) this._handle.pause();
};

Connection.prototype.readResume = function () {
  if (this._handle) this._handle.resume();
};

Connection.prototype.setTimeout = function (ms) {
  ms = Number(ms);
  if (!(ms >= 0)) ms = 0;
  this._timeout = ms;
  if (this._handle) this._handle.setTimeout(ms);
};

Connection.prototype.setNoDelay = function (noDelay) {
  if (this._handle) this._handle.setNoDelay(noDelay === undefined ? true : !!noDelay);
};

Connection.prototype.verifyPeer = function () {
  throw new Error('TLS is not supported by gonode');
};
Connection.prototype.getPeerCertificate = Connection.prototype.verifyPeer;

function parsePort(port) {
  var n = Number(port);
  if (port === '' || port === null || !(n >= 0 && n < 65536) || Math.floor(n) !== n) {
    var err = new RangeError('Port should be >= 0 and < 65536. Received ' + port + '.');
    err.code = 'ERR_SOCKET_BAD_PORT';
    throw err;
  }
  return n;
}

function createConnection(port, host) {
  var c = new Connection();
  c.connect(port, host);
  return c;
}

function Server(listener) {
  EventEmitter.call(this);
  this._handle = null;
  if (typeof listener === 'function') this.addListener('connection', listener);
}
inherits(Server, EventEmitter);

function onconnection(handle) {
  var c = new Connection();
  c.server = this;
  var ra = handle.remoteAddress();
  if (ra) {
    c.remoteAddress = ra.address.indexOf('::ffff:') === 0 ? ra.address.slice(7) : ra.address;
  }
  c._attach(handle);
  c._readable = c._writable = true;
  this.emit('connection', c);
  c.emit('connect');
}

Server.prototype.listen = function (port, host, backlog) {
  if (this._handle) throw new Error('Server is already listening');
  port = parsePort(port);
  if (host === undefined) host = null;
  this._handle = binding.listen(host, port, backlog === undefined ? 128 : backlog, this, onconnection);
};

Server.prototype.close = function () {
  if (!this._handle) return;
  this._handle.close();
  this._handle = null;
  var self = this;
  process.nextTick(function () { self.emit('close', 0); });
};

Server.prototype.address = function () {
  return this._handle ? this._handle.address() : null;
};

Server.prototype.setSecure = function () {
  throw new Error('TLS is not supported by gonode');
};

function createServer(listener) {
  return new Server(listener);
}

exports.Server = Server;
exports.Connection = Connection;
exports.createServer = createServer;
exports.createConnection = createConnection;
// Not part of v0.1.21: goroutine and handle counts, for leak tests.
exports._stats = binding.stats;
