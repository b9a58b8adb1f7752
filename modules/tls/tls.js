// tls: TLS sockets and servers over Go's crypto/tls.
//
// A TLSSocket is net.Socket (a stream.Duplex) wired to a TLS handle instead
// of a TCP one: the handle speaks the same protocol (setCallbacks,
// writeNow, shutdown, pause/resume...), so everything a net.Socket does, a
// TLSSocket does. tls.Server is a net.Server whose listen makes a TLS
// listener; only connections whose handshake succeeded reach JS.
'use strict';

var net = require('net');

function makeError(Ctor, code, message) {
  var e = new Ctor(message);
  e.code = code;
  return e;
}

function notSupported(what) {
  return makeError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'gonode: ' + what + ' is not supported');
}

function validatePort(port, name) {
  var n = typeof port === 'string' && port.trim() !== '' ? Number(port) : port;
  if (typeof n !== 'number' || !(n >= 0 && n <= 65535) || Math.floor(n) !== n) {
    throw makeError(RangeError, 'ERR_SOCKET_BAD_PORT',
      (name || 'Port') + ' should be >= 0 and < 65536. Received ' +
      (typeof port === 'string' ? "type string ('" + port + "')" : typeof port === 'number' ? 'type number (' + port + ')' : String(port)) + '.');
  }
  return n;
}

// ---------------------------------------------------------------- SecureContext

function SecureContext(options) {
  this._options = Object.assign({}, options);
  this.context = {};
}

function createSecureContext(options) {
  return new SecureContext(options);
}

// The options TLS reads, with a secureContext's merged under them.
function tlsOptions(options) {
  var o = Object.assign({}, options);
  if (o.secureContext instanceof SecureContext) {
    var base = o.secureContext._options;
    for (var k in base) if (o[k] === undefined) o[k] = base[k];
  }
  return o;
}

// ---------------------------------------------------------------- TLSSocket

function TLSSocket(socket, options) {
  if (!(this instanceof TLSSocket)) return new TLSSocket(socket, options);
  options = options || {};
  if (socket) throw notSupported('wrapping an existing socket in TLS (new tls.TLSSocket(socket), STARTTLS)');
  net.Socket.call(this, {
    handle: options._handle,
    allowHalfOpen: options.allowHalfOpen,
    pauseOnCreate: options.pauseOnConnect
  });
  this.encrypted = true;
  this.authorized = false;
  this.authorizationError = null;
  this.alpnProtocol = false;
  this.servername = null;
  this._tlsInfo = null;
  if (options._handle) this._readInfo();
}
Object.setPrototypeOf(TLSSocket.prototype, net.Socket.prototype);
Object.setPrototypeOf(TLSSocket, net.Socket);

TLSSocket.prototype._readInfo = function () {
  var info = this._handle && this._handle.tlsInfo && this._handle.tlsInfo(false);
  if (!info) return;
  this._tlsInfo = info;
  this.authorized = info.authorized;
  this.authorizationError = info.authorizationError || null;
  this.alpnProtocol = info.alpnProtocol;
  this.servername = info.servername || false;
};

TLSSocket.prototype.getPeerCertificate = function (detailed) {
  if (!this._tlsInfo) return null;
  if (detailed && this._handle && !this._handleClosed) {
    var full = this._handle.tlsInfo(true);
    if (full) return full.peerCertificate || {};
  }
  return this._tlsInfo.peerCertificate || {};
};

TLSSocket.prototype.getProtocol = function () {
  return this._tlsInfo ? this._tlsInfo.protocol : null;
};

TLSSocket.prototype.getCipher = function () {
  if (!this._tlsInfo) return null;
  var name = this._tlsInfo.cipher;
  return { name: name, standardName: name, version: this._tlsInfo.protocol };
};

TLSSocket.prototype.isSessionReused = function () {
  return !!(this._tlsInfo && this._tlsInfo.resumed);
};

TLSSocket.prototype.getSession = function () { return undefined; };
TLSSocket.prototype.getTLSTicket = function () { return undefined; };
TLSSocket.prototype.getCertificate = function () { return this._tlsInfo ? {} : null; };
TLSSocket.prototype.setMaxSendFragment = function () { return false; };
TLSSocket.prototype.renegotiate = function (opts, cb) {
  var err = notSupported('TLS renegotiation');
  if (typeof cb === 'function') process.nextTick(cb, err);
  return false;
};
TLSSocket.prototype.setServername = function () { throw notSupported('setServername'); };
// gonode never renegotiates: there is nothing to disable.
TLSSocket.prototype.disableRenegotiation = function () {};
TLSSocket.prototype.setSession = function () { throw notSupported('TLS session resumption (setSession)'); };
TLSSocket.prototype.setKeyCert = function () { throw notSupported('setKeyCert'); };
TLSSocket.prototype.exportKeyingMaterial = function () { throw notSupported('exportKeyingMaterial'); };

// ---------------------------------------------------------------- connect

function normalizeConnectArgs(args) {
  var options = {}, cb;
  var i = 0;
  if (args[i] !== null && typeof args[i] === 'object') {
    options = Object.assign({}, args[i++]);
  } else {
    if (args[i] !== undefined) options.port = args[i];
    i++;
    if (typeof args[i] === 'string') options.host = args[i++];
    if (args[i] !== null && typeof args[i] === 'object') {
      var extra = args[i++];
      for (var k in extra) if (options[k] === undefined) options[k] = extra[k];
    }
  }
  if (typeof args[i] === 'function') cb = args[i];
  return [options, cb];
}

function connect() {
  var a = normalizeConnectArgs(arguments);
  var options = tlsOptions(a[0]), cb = a[1];
  if (options.socket) throw notSupported('tls.connect({socket}) over an existing socket');
  if (options.path !== undefined && options.path !== null) throw notSupported('TLS over a Unix domain socket');
  var port = validatePort(options.port);
  var host = options.host === undefined || options.host === null || options.host === '' ? 'localhost' : String(options.host);
  var socket = new TLSSocket(null, { allowHalfOpen: options.allowHalfOpen });
  if (typeof cb === 'function') socket.once('secureConnect', cb);
  // net.Socket emits "connect" then "ready" once the handle connected (for
  // TLS: handshaken and verified); "secureConnect" comes between.
  socket.once('ready', function () {
    socket._readInfo();
    // A custom checkServerIdentity replaces the name check (the chain was
    // checked in Go); its error rejects like node's own would.
    if (typeof options.checkServerIdentity === 'function' && options.rejectUnauthorized !== false) {
      var name = options.servername || host;
      var err = options.checkServerIdentity(name, socket.getPeerCertificate(true));
      if (err) {
        socket.authorized = false;
        socket.authorizationError = err.code || err.message;
        socket.destroy(err);
        return;
      }
    }
    socket.emit('secureConnect');
  });
  socket.connecting = true;
  socket._attach(binding.connect(host, port, options));
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket;
}

// ---------------------------------------------------------------- Server

function Server(options, listener) {
  if (!(this instanceof Server)) return new Server(options, listener);
  if (typeof options === 'function') {
    listener = options;
    options = {};
  }
  options = options || {};
  net.Server.call(this, { allowHalfOpen: options.allowHalfOpen, pauseOnConnect: options.pauseOnConnect });
  this._tlsOptions = tlsOptions(options);
  if (typeof listener === 'function') this.on('secureConnection', listener);
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

function onsecure(handle) {
  if (this.maxConnections !== undefined && this._connections >= this.maxConnections) {
    handle.destroy();
    this.emit('drop', {});
    return;
  }
  var socket = new TLSSocket(null, { _handle: handle, allowHalfOpen: this.allowHalfOpen, pauseOnConnect: this.pauseOnConnect });
  socket.server = this;
  socket._server = this;
  if (this.noDelay) socket.setNoDelay(true);
  this._connections++;
  this.emit('secureConnection', socket);
}

// A handshake that failed never reached JS as a socket (server.go keeps
// it in Go). Node's 'tlsClientError' gets the TLSSocket, whose addresses
// listeners read (to log the client): this one is made for the event,
// answers remoteAddress/remotePort/remoteFamily, localAddress/localPort
// and address() as that connection's (undefined when the client hung up:
// node's socket has lost its handle then), and is destroyed, as node's
// is when the event comes.
function onclienterror(err, remote, local) {
  if (this.listenerCount('tlsClientError') === 0) return;
  var socket = new TLSSocket(null, { allowHalfOpen: this.allowHalfOpen });
  socket.server = this;
  socket._server = this;
  var r = remote || {}, l = local || {};
  Object.defineProperties(socket, {
    remoteAddress: { value: r.address, configurable: true },
    remotePort: { value: r.port, configurable: true },
    remoteFamily: { value: r.family, configurable: true },
    localAddress: { value: l.address, configurable: true },
    localPort: { value: l.port, configurable: true },
    address: { value: function () { return local || {}; }, configurable: true, writable: true }
  });
  socket.destroy(); // node's is destroyed when the event comes
  this.emit('tlsClientError', err, socket);
}

Server.prototype.listen = function () {
  var args = Array.prototype.slice.call(arguments);
  var cb = typeof args[args.length - 1] === 'function' ? args.pop() : null;
  var options;
  if (args[0] !== null && typeof args[0] === 'object') {
    options = args[0];
  } else {
    options = { port: args[0] };
    if (typeof args[1] === 'string') options.host = args[1];
  }
  if (options.path !== undefined) throw notSupported('TLS over a Unix domain socket');
  if (this._handle) {
    throw makeError(Error, 'ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.');
  }
  var port = options.port === undefined || options.port === null ? 0 : validatePort(options.port, 'options.port');
  var host = options.host === undefined || options.host === null || options.host === '' ? null : String(options.host);
  if (cb) this.once('listening', cb);
  var self = this;
  try {
    this._handle = binding.listen(host, port, this._tlsOptions, this, onsecure, onclienterror);
  } catch (e) {
    if (e && e.syscall === 'listen') {
      process.nextTick(function () { self.emit('error', e); });
      return this;
    }
    throw e;
  }
  if (this._unref) this._handle.unref();
  process.nextTick(function () { if (self._handle) self.emit('listening'); });
  return this;
};

Server.prototype.setSecureContext = function (options) {
  if (this._handle) throw notSupported('setSecureContext on a listening server');
  this._tlsOptions = tlsOptions(options);
};
Server.prototype.addContext = function () { throw notSupported('SNI contexts (server.addContext)'); };
Server.prototype.getTicketKeys = function () { throw notSupported('getTicketKeys'); };
Server.prototype.setTicketKeys = function () { throw notSupported('setTicketKeys'); };

function createServer(options, listener) {
  return new Server(options, listener);
}

// ---------------------------------------------------------------- helpers

// checkServerIdentity(hostname, cert): node's name check on a certificate
// object (getPeerCertificate's shape); undefined when it matches.
function checkServerIdentity(hostname, cert) {
  var alt = cert && cert.subjectaltname ? String(cert.subjectaltname).split(', ') : [];
  var dns = [], ips = [];
  for (var i = 0; i < alt.length; i++) {
    if (alt[i].indexOf('DNS:') === 0) dns.push(alt[i].slice(4));
    else if (alt[i].indexOf('IP Address:') === 0) ips.push(alt[i].slice(11));
  }
  var reason;
  if (net.isIP(hostname)) {
    if (ips.indexOf(hostname) >= 0) return undefined;
    reason = 'IP: ' + hostname + " is not in the cert's list: " + ips.join(', ');
  } else {
    var host = String(hostname).toLowerCase().replace(/\.$/, '');
    var names = dns.length ? dns : (cert && cert.subject && cert.subject.CN ? [cert.subject.CN] : []);
    for (var j = 0; j < names.length; j++) {
      var n = names[j].toLowerCase();
      if (n === host) return undefined;
      if (n.indexOf('*.') === 0 && host.indexOf('.') > 0 && host.slice(host.indexOf('.')) === n.slice(1)) return undefined;
    }
    reason = 'Host: ' + hostname + ". is not in the cert's altnames: " + alt.join(', ');
  }
  var err = makeError(Error, 'ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames: " + reason);
  err.reason = reason;
  err.host = hostname;
  err.cert = cert;
  return err;
}

function getCiphers() {
  return ['tls_aes_128_gcm_sha256', 'tls_aes_256_gcm_sha384', 'tls_chacha20_poly1305_sha256',
    'ecdhe-ecdsa-aes128-gcm-sha256', 'ecdhe-rsa-aes128-gcm-sha256', 'ecdhe-ecdsa-aes256-gcm-sha384',
    'ecdhe-rsa-aes256-gcm-sha384', 'ecdhe-ecdsa-chacha20-poly1305', 'ecdhe-rsa-chacha20-poly1305'];
}

function convertALPNProtocols(protocols, out) {
  var parts = [];
  for (var i = 0; i < protocols.length; i++) {
    var b = Buffer.from(String(protocols[i]));
    parts.push(Buffer.from([b.length]), b);
  }
  out.ALPNProtocols = Buffer.concat(parts);
}

exports.TLSSocket = TLSSocket;
exports.Server = Server;
exports.SecureContext = SecureContext;
exports.createServer = createServer;
exports.createSecureContext = createSecureContext;
exports.connect = connect;
exports.checkServerIdentity = checkServerIdentity;
exports.getCiphers = getCiphers;
exports.convertALPNProtocols = convertALPNProtocols;
exports.createSecurePair = function () { throw notSupported('tls.createSecurePair (removed API)'); };
exports.DEFAULT_MIN_VERSION = 'TLSv1.2';
exports.DEFAULT_MAX_VERSION = 'TLSv1.3';
exports.DEFAULT_ECDH_CURVE = 'auto';
exports.DEFAULT_CIPHERS = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384';
exports.CLIENT_RENEG_LIMIT = 3;
exports.CLIENT_RENEG_WINDOW = 600;
Object.defineProperty(exports, 'rootCertificates', {
  enumerable: true,
  configurable: true,
  get: function () { return []; }
});
// For Go modules (http's upgraded https and wss sockets).
Object.defineProperty(exports, '_fromHandle', {
  enumerable: false,
  value: function (handle) { return new TLSSocket(null, { _handle: handle }); }
});
