// http: node v0.1.21's HTTP server and client and today's names on the same
// objects. The protocol work (parsing, framing, keep-alive, writing) is Go's;
// this file only shapes the JS API. Server requests and responses are Go
// objects (see incoming.go, response.go) whose prototypes are made here so
// they are EventEmitters; their methods are Go natives from `binding`.
'use strict';

var EventEmitter = require('events');
var streamMod = require('stream');
var Stream = streamMod.Stream;
var Readable = streamMod.Readable;
var ReadableState = Readable.ReadableState;
var b = binding;

function inherit(C, P) {
  C.prototype = Object.create(P.prototype, {
    constructor: { value: C, writable: true, configurable: true }
  });
  Object.setPrototypeOf(C, P);
}

// ---------------------------------------------------------------------------
// Server side.

// IncomingMessage is a Readable, as in node; ServerResponse and
// ClientRequest are OutgoingMessages, which (as in node) are legacy
// Streams with the Writable surface (write/end callbacks, writable*,
// "finish"/"close"), not Writable instances.
function IncomingMessage() {
  throw new TypeError('IncomingMessage objects are created by the http module');
}
inherit(IncomingMessage, Readable);

function OutgoingMessage() {
  if (!(this instanceof OutgoingMessage)) return new OutgoingMessage();
  Stream.call(this);
  this.writable = true;
  this.finished = false;
  this.writableEnded = false;
  this.writableFinished = false;
  this.headersSent = false;
  this.destroyed = false;
  this.sendDate = false;
}
inherit(OutgoingMessage, Stream);

function ServerResponse() {
  throw new TypeError('ServerResponse objects are created by the http module');
}
inherit(ServerResponse, OutgoingMessage);

// The connection object (2009: http.Connection; today: net.Socket).
function Connection() {
  throw new TypeError('Connection objects are created by the http module');
}
inherit(Connection, EventEmitter);

function Server(options, listener) {
  if (!(this instanceof Server)) return new Server(options, listener);
  if (typeof options === 'function') {
    listener = options;
    options = undefined;
  }
  EventEmitter.call(this);
  if (typeof listener === 'function') this.addListener('request', listener);
  b.initServer(this, options || {});
  if (options) {
    var names = ['headersTimeout', 'keepAliveTimeout', 'requestTimeout', 'maxHeadersCount'];
    for (var i = 0; i < names.length; i++) {
      if (typeof options[names[i]] === 'number') this[names[i]] = options[names[i]];
    }
  }
  // "connection" events cost a job per accepted socket; ask Go for them
  // only when somebody listens.
  var self = this;
  this.on('newListener', function (type) {
    if (type === 'connection') b.wantConnections(self);
  });
}
inherit(Server, EventEmitter);

Server.prototype.listen = function () {
  var args = Array.prototype.slice.call(arguments);
  var cb = typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
  var port = args[0], host = args[1];
  if (port !== null && typeof port === 'object') {
    host = port.host;
    port = port.port;
  }
  if (typeof host !== 'string') host = '';
  if (port === undefined || port === null) port = 0;
  if (typeof port === 'string' && /^[0-9]+$/.test(port)) port = Number(port);
  if (typeof port !== 'number' || port < 0 || port > 65535 || port !== Math.floor(port)) {
    var e = new RangeError('options.port should be >= 0 and < 65536. Received ' + String(port) + '.');
    e.code = 'ERR_SOCKET_BAD_PORT';
    throw e;
  }
  if (cb) this.once('listening', cb);
  var err = b.listen(this, port, host);
  var self = this;
  process.nextTick(function () {
    if (err) self.emit('error', err);
    else self.emit('listening');
  });
  return this;
};

Server.prototype.close = function (cb) {
  if (b.address(this) === null) {
    if (typeof cb === 'function') {
      var e = new Error('Server is not running.');
      e.code = 'ERR_SERVER_NOT_RUNNING';
      process.nextTick(function () { cb(e); });
    }
    return this;
  }
  // The 2009 "close" event carries errorno 0; today's callback gets no error.
  if (typeof cb === 'function') this.once('close', function () { cb(); });
  b.closeServer(this);
  return this;
};

Server.prototype.address = function () { return b.address(this); };
Server.prototype.closeAllConnections = function () { b.closeConnections(this, true); };
Server.prototype.closeIdleConnections = function () { b.closeConnections(this, false); };
Server.prototype.setTimeout = function (ms, cb) {
  if (typeof cb === 'function') this.on('timeout', cb);
  return this;
};
Server.prototype.ref = function () { b.refServer(this, true); return this; };
Server.prototype.unref = function () { b.refServer(this, false); return this; };

['headersTimeout', 'keepAliveTimeout', 'requestTimeout', 'maxHeadersCount'].forEach(function (name) {
  Object.defineProperty(Server.prototype, name, {
    configurable: true,
    enumerable: true,
    get: function () { return b.getOption(this, name); },
    set: function (v) { b.setOption(this, name, v); }
  });
});

Object.defineProperty(Server.prototype, 'listening', {
  configurable: true,
  get: function () { return b.address(this) !== null; }
});

function createServer(options, listener) {
  return new Server(options, listener);
}

// ---------------------------------------------------------------------------
// 2009 request.uri: { full, path, queryString, params, fragment }.

function parseParams(qs) {
  var params = {};
  if (!qs) return params;
  var parts = qs.split('&');
  for (var i = 0; i < parts.length; i++) {
    if (parts[i] === '') continue;
    var eq = parts[i].indexOf('=');
    var k = eq < 0 ? parts[i] : parts[i].slice(0, eq);
    var v = eq < 0 ? '' : parts[i].slice(eq + 1);
    k = unescapePlus(k);
    v = unescapePlus(v);
    if (Object.prototype.hasOwnProperty.call(params, k)) {
      if (Array.isArray(params[k])) params[k].push(v); else params[k] = [params[k], v];
    } else {
      params[k] = v;
    }
  }
  return params;
}

function unescapePlus(s) {
  s = s.replace(/\+/g, ' ');
  try { return decodeURIComponent(s); } catch (e) { return s; }
}

function parseURI(full) {
  var fragment = '', path = full, qs = '';
  var h = path.indexOf('#');
  if (h >= 0) {
    fragment = path.slice(h + 1);
    path = path.slice(0, h);
  }
  var q = path.indexOf('?');
  if (q >= 0) {
    qs = path.slice(q + 1);
    path = path.slice(0, q);
  }
  return { full: full, path: path, queryString: qs, params: parseParams(qs), fragment: fragment };
}

// ---------------------------------------------------------------------------
// Client side (both vocabularies). Go's net/http transport does the work.

function ClientRequest(options, cb) {
  OutgoingMessage.call(this);
  if (typeof options === 'string') options = urlOptions(options);
  options = options || {};
  this.method = String(options.method || 'GET').toUpperCase();
  this.path = options.path || '/';
  this.host = options.hostname || (options.host ? String(options.host).replace(/:\d+$/, '') : 'localhost');
  var port = options.port;
  if (port === undefined && options.host && /:\d+$/.test(options.host)) port = options.host.replace(/^.*:/, '');
  this.port = port === undefined || port === null || port === '' ? 80 : Number(port);
  this._headers = [];
  var hs = options.headers;
  if (Array.isArray(hs)) {
    for (var i = 0; i < hs.length; i++) this._headers.push([String(hs[i][0]), hs[i][1]]);
  } else if (hs) {
    var keys = Object.keys(hs);
    for (var j = 0; j < keys.length; j++) this._headers.push([keys[j], hs[keys[j]]]);
  }
  this.finished = false;
  this.writableEnded = false;
  this.headersSent = false;
  this.aborted = false;
  this.destroyed = false;
  this.reusedSocket = false;
  this._started = false;
  this._encoding2009 = options._2009 ? 'ascii' : 'utf8';
  this._client = options._client;
  this._tls = options._tls || null; // https: the TLS options
  if (typeof cb === 'function') this.once('response', cb);
}
inherit(ClientRequest, OutgoingMessage);

function urlOptions(s) {
  var m = /^([a-z]+:)\/\/([^\/?#:]*)(?::(\d+))?([^#]*)/i.exec(s);
  if (!m) {
    var e = new TypeError('Invalid URL');
    e.code = 'ERR_INVALID_URL';
    e.input = s;
    throw e;
  }
  if (m[1].toLowerCase() !== 'http:') {
    var e2 = new TypeError('Protocol "' + m[1] + '" not supported. Expected "http:"');
    e2.code = 'ERR_INVALID_PROTOCOL';
    throw e2;
  }
  return { protocol: m[1], hostname: m[2], port: m[3] ? Number(m[3]) : 80, path: m[4] || '/' };
}

ClientRequest.prototype._findHeader = function (name) {
  var lower = String(name).toLowerCase();
  for (var i = 0; i < this._headers.length; i++) {
    if (this._headers[i][0].toLowerCase() === lower) return i;
  }
  return -1;
};
ClientRequest.prototype.setHeader = function (name, value) {
  if (this._started) {
    var e = new Error('Cannot set headers after they are sent to the client');
    e.code = 'ERR_HTTP_HEADERS_SENT';
    throw e;
  }
  var i = this._findHeader(name);
  if (i >= 0) this._headers[i] = [String(name), value]; else this._headers.push([String(name), value]);
  return this;
};
ClientRequest.prototype.getHeader = function (name) {
  var i = this._findHeader(name);
  return i >= 0 ? this._headers[i][1] : undefined;
};
ClientRequest.prototype.removeHeader = function (name) {
  var i = this._findHeader(name);
  if (i >= 0) this._headers.splice(i, 1);
};
ClientRequest.prototype.hasHeader = function (name) { return this._findHeader(name) >= 0; };
ClientRequest.prototype.getHeaders = function () {
  var o = Object.create(null);
  for (var i = 0; i < this._headers.length; i++) o[this._headers[i][0].toLowerCase()] = this._headers[i][1];
  return o;
};
ClientRequest.prototype.getHeaderNames = function () {
  return this._headers.map(function (h) { return h[0].toLowerCase(); });
};
ClientRequest.prototype.appendHeader = function (name, value) {
  var i = this._findHeader(name);
  if (i < 0) return this.setHeader(name, value);
  var prev = this._headers[i][1];
  this._headers[i][1] = [].concat(prev, value);
  return this;
};
ClientRequest.prototype.flushHeaders = function () {};
ClientRequest.prototype.cork = function () {};
ClientRequest.prototype.uncork = function () {};
ClientRequest.prototype.setTimeout = function (ms, cb) {
  if (typeof cb === 'function') this.once('timeout', cb);
  return this;
};
ClientRequest.prototype.setNoDelay = function () {};
ClientRequest.prototype.setSocketKeepAlive = function () {};
ClientRequest.prototype._start = function () {
  if (this._started) return;
  this._started = true;
  this.headersSent = true;
  b.clientStart(this, this.method, this.host, this.port, this.path, this._headers, this._tls);
};
ClientRequest.prototype.write = function (chunk, encoding, cb) {
  if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
  if (this.finished) {
    var e = new Error('write after end');
    e.code = 'ERR_STREAM_WRITE_AFTER_END';
    throw e;
  }
  this._start();
  b.clientWrite(this, chunk, encoding || this._encoding2009);
  if (typeof cb === 'function') process.nextTick(cb);
  return true;
};
ClientRequest.prototype.sendBody = function (chunk, encoding) {
  if (Array.isArray(chunk)) chunk = String.fromCharCode.apply(null, chunk);
  return this.write(chunk, encoding || 'ascii');
};
ClientRequest.prototype.end = function (chunk, encoding, cb) {
  if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
  if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
  if (this.finished) return this;
  if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
  this._start();
  this.finished = true;
  this.writableEnded = true;
  b.clientEnd(this);
  if (typeof cb === 'function') this.once('finish', cb);
  var self = this;
  process.nextTick(function () { self.writableFinished = true; self.emit('finish'); });
  return this;
};
// 2009: finish(responseListener) ends the request; the listener gets the
// ClientResponse.
ClientRequest.prototype.finish = function (responseListener) {
  if (typeof responseListener === 'function') this.addListener('response', responseListener);
  return this.end();
};
ClientRequest.prototype.close = ClientRequest.prototype.finish;
ClientRequest.prototype.abort = function () {
  if (this.aborted) return;
  this.aborted = true;
  this.destroyed = true;
  b.clientAbort(this);
  var self = this;
  process.nextTick(function () { self.emit('abort'); self.emit('close'); });
};
ClientRequest.prototype.destroy = function (err) {
  if (this.destroyed) return this;
  this.destroyed = true;
  b.clientAbort(this);
  var self = this;
  process.nextTick(function () {
    if (err) self.emit('error', err);
    self.emit('close');
  });
  return this;
};

// 2009 http.Client: createClient(port, host); get/head/post/del/put.
function Client(port, host) {
  EventEmitter.call(this);
  this.port = port === undefined ? 80 : Number(port);
  this.host = host || 'localhost';
}
inherit(Client, EventEmitter);

Client.prototype.request = function (method, path, headers) {
  if (typeof path !== 'string') {
    headers = path;
    path = method;
    method = 'GET';
  }
  var req = new ClientRequest({
    method: method, hostname: this.host, port: this.port, path: path || '/',
    headers: headers, _2009: true, _client: this
  });
  var client = this;
  req.on('error', function (err) {
    if (client.listeners('error').length > 0) client.emit('error', err);
  });
  return req;
};
Client.prototype.get = function (path, headers) { return this.request('GET', path, headers); };
Client.prototype.head = function (path, headers) { return this.request('HEAD', path, headers); };
Client.prototype.post = function (path, headers) { return this.request('POST', path, headers); };
Client.prototype.del = function (path, headers) { return this.request('DELETE', path, headers); };
Client.prototype.put = function (path, headers) { return this.request('PUT', path, headers); };
Client.prototype.setSecure = function () {
  throw new Error('http.Client.setSecure: TLS is not supported by gonode');
};

function createClient(port, host) { return new Client(port, host); }

function request(url, options, cb) {
  if (typeof options === 'function') { cb = options; options = undefined; }
  var opts;
  if (typeof url === 'string') {
    opts = urlOptions(url);
    if (options) for (var k in options) opts[k] = options[k];
  } else if (url && typeof url.href === 'string' && url.hostname !== undefined) {
    opts = urlOptions(url.href);
    if (options) for (var k2 in options) opts[k2] = options[k2];
  } else {
    opts = url || {};
  }
  return new ClientRequest(opts, cb);
}

function get(url, options, cb) {
  var req = request(url, options, cb);
  req.end();
  return req;
}

// 2009: http.cat(url, encoding, headers) -> process.Promise of the body.
function cat(url, encoding, headers) {
  var promise = new EventEmitter.Promise();
  encoding = encoding || 'utf8';
  var opts;
  try {
    opts = urlOptions(url);
  } catch (e) {
    process.nextTick(function () { promise.emitError(e); });
    return promise;
  }
  var hs = {};
  if (headers) for (var k in headers) hs[k] = headers[k];
  var hasHost = false;
  for (var k2 in hs) if (k2.toLowerCase() === 'host') hasHost = true;
  if (!hasHost) hs.Host = opts.hostname + (opts.port !== 80 ? ':' + opts.port : '');
  var client = createClient(opts.port, opts.hostname);
  var req = client.get(opts.path, hs);
  req.on('error', function (err) { promise.emitError(err); });
  req.finish(function (res) {
    if (res.statusCode < 200 || res.statusCode >= 300) {
      promise.emitError(res.statusCode);
      return;
    }
    res.setBodyEncoding(encoding);
    var content = '';
    res.addListener('body', function (chunk) { content += chunk; });
    res.addListener('complete', function () { promise.emitSuccess(content); });
  });
  return promise;
}

// ---------------------------------------------------------------------------
// IncomingMessage as a Readable, with its stream state made lazily.
//
// A message starts in "Go mode": the Go side emits "data"/"end" (and the
// 2009 "body"/"complete") itself and pause() stops reading the socket.
// Nothing here builds a ReadableState for a handler that only listens for
// "data"/"end" or ignores the body: that is most requests, and building
// the state costs as much as the rest of a small request's JS.
//
// The first access to _readableState (read(), pipe(), on('readable'),
// pipeline, finished, a readable* getter...) makes the state and hands it
// to Go (adopt): what Go had (flowing or paused, the encoding, chunks
// that waited while paused, an end already seen) is copied in, and from
// then on Go delivers each chunk with push() and pauses the socket when
// push says the buffer is full; _read resumes it. The message then is an
// ordinary Readable: back-pressure, 'readable'/read(), pipe/unpipe,
// autoDestroy and "close" all come from the stream module.

var RP = Readable.prototype;
var EEP = EventEmitter.prototype;

function materialize(m) {
  var rs = new ReadableState({ highWaterMark: 16384 }, m, false);
  // As node: no _read before somebody consumes (see _read).
  rs.readingMore = true;
  var info = b.adopt(m, rs);
  if (info === null) return rs;
  if (info.encoding) {
    RP.setEncoding.call(m, info.encoding);
    if (info.held) rs.decoder.write(info.held);
  }
  if (info.flowing === false) {
    rs.flowing = false;
    rs.paused = true;
  }
  if (info.ended) {
    rs.ended = true;
    rs.endEmitted = true;
    if (info.closed) {
      rs.destroyed = true;
      rs.closed = true;
      rs.closeEmitted = true;
    } else {
      process.nextTick(function () { m.destroy(); });
    }
  }
  var q = info.queued;
  for (var i = 0; i < q.length; i++) RP.push.call(m, q[i]);
  // "data" listeners were getting chunks: keep flowing, the way on('data')
  // starts a Readable (resume schedules the first read).
  if (info.flowing === true) RP.resume.call(m);
  return rs;
}

Object.defineProperty(IncomingMessage.prototype, '_readableState', {
  configurable: true,
  enumerable: false,
  get: function () { return materialize(this); },
  set: function (v) { b.adopt(this, v); }
});

function streaming(m) { return b.streaming(m); }

IncomingMessage.prototype.on = function (ev, fn) {
  if (ev === 'readable' || streaming(this)) return RP.on.call(this, ev, fn);
  return EEP.on.call(this, ev, fn);
};
IncomingMessage.prototype.addListener = IncomingMessage.prototype.on;
IncomingMessage.prototype.removeAllListeners = function (ev) {
  if (streaming(this)) return RP.removeAllListeners.apply(this, arguments);
  return EEP.removeAllListeners.apply(this, arguments);
};
IncomingMessage.prototype.setEncoding = function (enc) {
  if (streaming(this)) return RP.setEncoding.call(this, enc || 'utf8');
  b.setEncoding(this, enc || 'utf8', false);
  return this;
};
IncomingMessage.prototype.pause = function () {
  if (streaming(this)) return RP.pause.call(this);
  b.pause(this, true);
  return this;
};
IncomingMessage.prototype.resume = function () {
  if (streaming(this)) return RP.resume.call(this);
  b.pause(this, false);
  return this;
};
IncomingMessage.prototype.isPaused = function () {
  if (streaming(this)) return RP.isPaused.call(this);
  return b.isPaused(this);
};
IncomingMessage.prototype._read = function () {
  if (!this._consuming) {
    this._readableState.readingMore = false;
    this._consuming = true;
  }
  b.readStart(this);
};
IncomingMessage.prototype._destroy = function (err, cb) {
  if (!this.readableEnded || !this.complete) {
    b.setAborted(this);
    this.emit('aborted');
    b.destroy(this);
  }
  b.destroyed(this);
  var self = this;
  process.nextTick(function () {
    if (self.listenerCount('error') === 0) cb(); else cb(err);
  });
};
// _dump throws away a body nobody read once the response is done, so the
// connection can read the next request.
IncomingMessage.prototype._dump = function () {
  if (!this._dumped) {
    this._dumped = true;
    this.removeAllListeners('data');
    this.resume();
  }
};
function dumpUnread(req) {
  if (!req._consuming && !req._readableState.resumeScheduled) req._dump();
}

b.setup({
  IncomingMessage: IncomingMessage,
  OutgoingMessage: OutgoingMessage,
  ServerResponse: ServerResponse,
  Connection: Connection,
  Server: Server,
  parseURI: parseURI,
  push: RP.push,
  dump: dumpUnread,
  destroy: RP.destroy
});

// Shared by server requests and client responses.
IncomingMessage.prototype.setBodyEncoding = function (enc) { b.setEncoding(this, enc || 'binary', true); return this; };
IncomingMessage.prototype.setTimeout = function (ms, cb) {
  if (typeof cb === 'function') this.once('timeout', cb);
  return this;
};

var STATUS_CODES = b.statusCodes();
var METHODS = ['ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK', 'LOCK',
  'M-SEARCH', 'MERGE', 'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE', 'NOTIFY', 'OPTIONS', 'PATCH',
  'POST', 'PROPFIND', 'PROPPATCH', 'PURGE', 'PUT', 'QUERY', 'REBIND', 'REPORT', 'SEARCH', 'SOURCE',
  'SUBSCRIBE', 'TRACE', 'UNBIND', 'UNLINK', 'UNLOCK', 'UNSUBSCRIBE'];

exports.createServer = createServer;
exports.Server = Server;
exports.IncomingMessage = IncomingMessage;
exports.ServerRequest = IncomingMessage;
exports.ServerResponse = ServerResponse;
exports.OutgoingMessage = OutgoingMessage;
exports.Connection = Connection;
exports.createClient = createClient;
exports.Client = Client;
exports.ClientRequest = ClientRequest;
exports.ClientResponse = IncomingMessage;
exports.request = request;
exports.get = get;
exports.cat = cat;
exports.parseURI = parseURI;
exports.STATUS_CODES = STATUS_CODES;
exports.METHODS = METHODS;
exports.maxHeaderSize = 16384;
exports.globalAgent = { maxSockets: Infinity, keepAlive: true };
exports.Agent = function Agent(opts) { this.options = opts || {}; this.maxSockets = Infinity; };
