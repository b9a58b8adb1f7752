// websocket: the server side (createServer / Server, on its own port or on an
// http server's upgrade path) and the browser's WebSocket class. The wire
// work is Go's (binding); this half shapes it into EventEmitters and
// browser-style event targets.
'use strict';

var EventEmitter = require('events');

function inherits(ctor, superCtor) {
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
  Object.setPrototypeOf(ctor, superCtor);
}

function typeError(code, msg) {
  var e = new TypeError(msg);
  e.code = code;
  return e;
}

function domException(name, msg) {
  var e = new Error(msg);
  e.name = name;
  return e;
}

// ---- server side ----------------------------------------------------------

function Server(options, onConnection) {
  if (!(this instanceof Server)) return new Server(options, onConnection);
  EventEmitter.call(this);
  if (typeof options === 'function') {
    onConnection = options;
    options = {};
  }
  options = options || {};
  if (typeof options !== 'object') throw typeError('ERR_INVALID_ARG_TYPE', 'The "options" argument must be of type object');
  this.options = options;
  this.path = options.path === undefined ? null : String(options.path);
  // The set of open connections (ws's name); connections in the 2009 style.
  this.clients = new Set();
  this._listening = false;
  this._address = null;
  var origins = options.origins === undefined ? options.allowOrigins : options.origins;
  if (typeof origins === 'string') origins = [origins];
  var protocols = options.protocols;
  if (typeof protocols === 'string') protocols = [protocols];
  this._h = binding.serverCreate(this, {
    path: this.path,
    origins: origins || [],
    protocols: protocols || [],
    maxPayload: options.maxPayload,
    maxQueued: options.maxQueued,
    pingInterval: options.pingInterval,
    writeTimeout: options.writeTimeout
  });
  if (typeof onConnection === 'function') this.on('connection', onConnection);
  if (options.server) {
    this.attach(options.server);
  } else if (options.port !== undefined && options.port !== null) {
    this.listen(options.port, options.host);
  }
}
inherits(Server, EventEmitter);

Object.defineProperty(Server.prototype, 'connections', {
  get: function () { return Array.from(this.clients); }
});

// attach(httpServer[, path]): answer upgrades for path on httpServer, so a
// page and its socket share one port.
Server.prototype.attach = function (httpServer, path) {
  if (path !== undefined) throw typeError('ERR_INVALID_ARG_VALUE', 'give the path in the options: createServer({server, path})');
  binding.serverAttach(this._h, httpServer);
  this._attached = httpServer;
  return this;
};

Server.prototype.listen = function (port, host, cb) {
  if (typeof host === 'function') {
    cb = host;
    host = undefined;
  }
  var self = this;
  if (typeof cb === 'function') this.once('listening', cb);
  binding.serverListen(this._h, port === undefined ? 0 : Number(port), host == null ? '' : String(host), function (err, p, addr) {
    if (err) {
      self.emit('error', err);
      return;
    }
    self._listening = true;
    self._address = { address: addr, family: addr.indexOf(':') >= 0 ? 'IPv6' : 'IPv4', port: p };
    self.emit('listening');
  });
  return this;
};

Server.prototype.address = function () { return this._address; };

// broadcast(data[, {except: conn}]): one framing, fanned out in Go to every
// open connection. Returns how many connections it was queued on.
Server.prototype.broadcast = function (data, options) {
  var except = options && options.except;
  if (except && typeof except === 'object') except = except._id;
  return binding.broadcast(this._h, data, except == null ? undefined : except);
};

Server.prototype.close = function (cb) {
  var self = this;
  if (this._h === 0) {
    if (typeof cb === 'function') process.nextTick(cb, new Error('The server is not running'));
    return this;
  }
  binding.serverClose(this._h, true, this._listening);
  this._h = 0;
  this._listening = false;
  if (typeof cb === 'function') this.once('close', cb);
  process.nextTick(function () { self.emit('close'); });
  return this;
};

// Go calls these three on the loop. A connection's events go to its own
// listeners and also to the server's "message" / "disconnect" listeners
// (conn first): a script that handles every connection alike can listen once
// on the server instead of adding closures to each of thousands of
// connections, which is what keeps an idle connection small.
Server.prototype._newConn = function (id) {
  var conn = new Connection(this, id);
  this.clients.add(conn);
  this.emit('connection', conn, new UpgradeRequest(conn));
  return conn;
};

Server.prototype._onmessage = function (conn, data, isBinary) {
  if (conn._events !== undefined && conn._events.message !== undefined) conn.emit('message', data, isBinary);
  if (this._events.message !== undefined) this.emit('message', conn, data, isBinary);
};

Server.prototype._onclose = function (conn, code, reason) {
  conn.readyState = 3;
  this.clients.delete(conn);
  if (code === 1002 || code === 1007 || code === 1009 || code === 1013) {
    var e = new Error(reason || 'connection failed');
    e.code = 'WS_CLOSE_' + code;
    e.closeCode = code;
    if (conn.listenerCount('error') > 0) conn.emit('error', e);
  }
  if (conn._events !== undefined) conn.emit('close', code, reason);
  if (this._events.disconnect !== undefined) this.emit('disconnect', conn, code, reason);
};

// The upgrade request as the "connection" listener's second argument (ws's
// shape): url, headers, socket.remoteAddress.
function UpgradeRequest(conn) {
  this.method = 'GET';
  this._conn = conn;
}
Object.defineProperties(UpgradeRequest.prototype, {
  url: { get: function () { return this._conn.path; } },
  headers: { get: function () { return this._conn.headers; } },
  socket: { get: function () { return { remoteAddress: this._conn.remoteAddress, remotePort: this._conn.remotePort }; } }
});

// A server-side connection. Events: "message"(data, isBinary) with text as a
// string and binary as a Buffer, "close"(code, reason), "error"(err).
// Only _id and readyState live on the object; path, headers, the peer's
// address and the subprotocol are read from Go on first use and then kept.
function Connection(server, id) {
  this._id = id;
  this.readyState = 1;
}
inherits(Connection, EventEmitter);

function lazyInfo(name, what) {
  return {
    configurable: true,
    get: function () {
      var v = binding.info(this._id, what);
      Object.defineProperty(this, name, { value: v, writable: true, configurable: true, enumerable: true });
      return v;
    }
  };
}
Object.defineProperties(Connection.prototype, {
  path: lazyInfo('path', 'path'),
  url: lazyInfo('url', 'path'),
  headers: lazyInfo('headers', 'headers'),
  remoteAddress: lazyInfo('remoteAddress', 'ip'),
  remotePort: lazyInfo('remotePort', 'port'),
  protocol: lazyInfo('protocol', 'protocol')
});

Connection.CONNECTING = Connection.prototype.CONNECTING = 0;
Connection.OPEN = Connection.prototype.OPEN = 1;
Connection.CLOSING = Connection.prototype.CLOSING = 2;
Connection.CLOSED = Connection.prototype.CLOSED = 3;

Connection.prototype.send = function (data, options, cb) {
  if (typeof options === 'function') cb = options;
  var ok = this.readyState === 1 && binding.send(this._id, data);
  if (typeof cb === 'function') process.nextTick(cb, ok ? null : new Error('WebSocket is not open'));
  return ok;
};
// write: the stream-ish name some 2009 websocket servers used.
Connection.prototype.write = Connection.prototype.send;

Connection.prototype.ping = function (data) {
  return this.readyState === 1 && binding.ping(this._id, data === undefined ? '' : data);
};

Connection.prototype.close = function (code, reason) {
  if (this.readyState !== 1) return;
  checkClose(code, reason, true);
  this.readyState = 2;
  binding.close(this._id, code === undefined ? 0 : code, reason === undefined ? '' : String(reason));
};

Connection.prototype.terminate = function () {
  if (this.readyState === 3) return;
  this.readyState = 2;
  binding.terminate(this._id);
};

Object.defineProperty(Connection.prototype, 'bufferedAmount', {
  get: function () { return this.readyState === 3 ? 0 : binding.bufferedAmount(this._id); }
});

function checkClose(code, reason, server) {
  if (code !== undefined) {
    if (typeof code !== 'number' || code !== (code | 0) ||
        !(code === 1000 || (code >= 3000 && code <= 4999) || (server && code >= 1001 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006))) {
      throw domException('InvalidAccessError', "Failed to execute 'close' on 'WebSocket': The code must be either 1000, or between 3000 and 4999. " + code + ' is neither.');
    }
  }
  if (reason !== undefined && utf8Length(String(reason)) > 123) {
    throw domException('SyntaxError', "Failed to execute 'close' on 'WebSocket': The message must not be greater than 123 bytes.");
  }
}

function utf8Length(s) {
  var n = 0;
  for (var i = 0; i < s.length; i++) {
    var c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

function createServer(options, onConnection) {
  return new Server(options, onConnection);
}

// ---- client side: the browser's WebSocket --------------------------------

function WebSocket(url, protocols, options) {
  if (!(this instanceof WebSocket)) {
    throw new TypeError("Failed to construct 'WebSocket': Please use the 'new' operator, this DOM object constructor cannot be called as a function.");
  }
  if (arguments.length === 0) {
    throw new TypeError("Failed to construct 'WebSocket': 1 argument required, but only 0 present.");
  }
  url = String(url);
  var m = /^(wss?|https?):\/\/[^\/?#]+/i.exec(url);
  if (!m) throw domException('SyntaxError', "Failed to construct 'WebSocket': The URL '" + url + "' is invalid.");
  var scheme = m[1].toLowerCase();
  if (scheme === 'http') url = 'ws' + url.slice(4);
  else if (scheme === 'https') url = 'wss' + url.slice(5);
  if (url.indexOf('#') >= 0) throw domException('SyntaxError', "Failed to construct 'WebSocket': The URL contains a fragment identifier ('" + url.slice(url.indexOf('#')) + "'). Fragment identifiers are not allowed in WebSocket URLs.");
  if (protocols === undefined || protocols === null) protocols = [];
  else if (typeof protocols === 'string') protocols = [protocols];
  else protocols = Array.prototype.slice.call(protocols).map(String);
  options = options || {};
  this.url = url;
  this.readyState = 0;
  this.protocol = '';
  this.extensions = '';
  this.binaryType = 'arraybuffer';
  this.onopen = null;
  this.onmessage = null;
  this.onclose = null;
  this.onerror = null;
  this._id = 0;
  this._listeners = Object.create(null);
  var headers = {};
  if (options.headers) for (var k in options.headers) headers[k] = String(options.headers[k]);
  if (options.origin) headers.Origin = String(options.origin);
  this._cancel = binding.dial(this, url, protocols, headers, options.maxPayload || 0);
}

WebSocket.CONNECTING = WebSocket.prototype.CONNECTING = 0;
WebSocket.OPEN = WebSocket.prototype.OPEN = 1;
WebSocket.CLOSING = WebSocket.prototype.CLOSING = 2;
WebSocket.CLOSED = WebSocket.prototype.CLOSED = 3;

Object.defineProperty(WebSocket.prototype, 'bufferedAmount', {
  get: function () { return this._id && this.readyState === 1 ? binding.bufferedAmount(this._id) : 0; }
});

WebSocket.prototype.send = function (data) {
  if (this.readyState === 0) throw domException('InvalidStateError', "Failed to execute 'send' on 'WebSocket': Still in CONNECTING state.");
  if (this.readyState !== 1) return;
  binding.send(this._id, data);
};

WebSocket.prototype.close = function (code, reason) {
  checkClose(code, reason, false);
  if (this.readyState >= 2) return;
  if (this.readyState === 0) {
    this.readyState = 2;
    this._cancel();
    return;
  }
  this.readyState = 2;
  binding.close(this._id, code === undefined ? 0 : code, reason === undefined ? '' : String(reason));
};

WebSocket.prototype.addEventListener = function (type, listener, options) {
  if (listener == null) return;
  type = String(type);
  var list = this._listeners[type] || (this._listeners[type] = []);
  for (var i = 0; i < list.length; i++) if (list[i].fn === listener) return;
  list.push({ fn: listener, once: !!(options && typeof options === 'object' && options.once) });
};

WebSocket.prototype.removeEventListener = function (type, listener) {
  var list = this._listeners[String(type)];
  if (!list) return;
  for (var i = 0; i < list.length; i++) {
    if (list[i].fn === listener) {
      list.splice(i, 1);
      return;
    }
  }
};

WebSocket.prototype.dispatchEvent = function (ev) {
  ev.target = ev.currentTarget = this;
  var h = this['on' + ev.type];
  if (typeof h === 'function') h.call(this, ev);
  var list = this._listeners[ev.type];
  if (list) {
    list = list.slice();
    for (var i = 0; i < list.length; i++) {
      var l = list[i];
      if (l.once) this.removeEventListener(ev.type, l.fn);
      if (typeof l.fn === 'function') l.fn.call(this, ev);
      else if (l.fn && typeof l.fn.handleEvent === 'function') l.fn.handleEvent(ev);
    }
  }
  return true;
};

WebSocket.prototype._onopen = function (id, protocol) {
  this._id = id;
  if (this.readyState === 2) {
    // close() was called while connecting but the handshake won the race.
    binding.close(id, 0, '');
    return;
  }
  this.readyState = 1;
  this.protocol = protocol;
  this.dispatchEvent({ type: 'open' });
};

WebSocket.prototype._onmessage = function (data, binary) {
  if (this.readyState === 3) return;
  if (binary && this.binaryType !== 'nodebuffer') {
    // The browser's binaryType "arraybuffer" (gonode has no Blob).
    data = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data.buffer : data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  }
  this.dispatchEvent({ type: 'message', data: data, origin: this.url.replace(/^(wss?:\/\/[^\/?#]+).*$/, '$1'), lastEventId: '' });
};

WebSocket.prototype._onerror = function (msg) {
  this.dispatchEvent({ type: 'error', message: msg, error: new Error(msg) });
};

WebSocket.prototype._onclose = function (code, reason, wasClean) {
  this.readyState = 3;
  this.dispatchEvent({ type: 'close', code: code, reason: reason, wasClean: wasClean });
};

exports.Server = Server;
exports.WebSocketServer = Server;
exports.Connection = Connection;
exports.createServer = createServer;
exports.WebSocket = WebSocket;
