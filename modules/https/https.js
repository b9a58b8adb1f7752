// https: http over TLS. The server is http.Server with TLS on each
// accepted connection; the client is http.request with the TLS options
// (ca, rejectUnauthorized, servername, key, cert...) carried to Go.
'use strict';

var http = require('http');
require('tls');

function Server(options, listener) {
  if (!(this instanceof Server)) return new Server(options, listener);
  if (typeof options === 'function') {
    listener = options;
    options = {};
  }
  options = options || {};
  http.Server.call(this, options, listener);
  binding.setTLS(this, options);
}
Object.setPrototypeOf(Server.prototype, http.Server.prototype);
Object.setPrototypeOf(Server, http.Server);
// node's https.Server has these as its own (it inherits tls.Server and
// borrows http's); here they are http.Server's.
['close', 'closeAllConnections', 'closeIdleConnections', 'setTimeout'].forEach(function (name) {
  if (typeof http.Server.prototype[name] === 'function') Server.prototype[name] = http.Server.prototype[name];
});

function createServer(options, listener) {
  return new Server(options, listener);
}

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  this.options = Object.assign({}, options);
  this.defaultPort = 443;
  this.protocol = 'https:';
  this.maxSockets = Infinity;
}

// Connections are Go's (a Transport per TLS configuration); these two are
// for code that calls them directly.
Agent.prototype.getName = function (options) {
  options = options || {};
  var name = (options.host || 'localhost') + ':' + (options.port || '') + ':' + (options.localAddress || '');
  var keys = ['ca', 'cert', 'ciphers', 'key', 'pfx', 'rejectUnauthorized', 'servername', 'minVersion', 'maxVersion'];
  for (var i = 0; i < keys.length; i++) {
    var v = options[keys[i]];
    name += ':' + (v === undefined ? '' : v);
  }
  return name;
};
Agent.prototype.createConnection = function (options, cb) {
  return require('tls').connect(options, cb);
};

var globalAgent = new Agent({ keepAlive: true });

var tlsKeys = ['ca', 'cert', 'key', 'pfx', 'passphrase', 'servername', 'rejectUnauthorized',
  'ALPNProtocols', 'minVersion', 'maxVersion', 'secureContext', 'ciphers'];
// checkServerIdentity is left out on purpose: requests verify in Go, where a
// JS function cannot run, so the default name check always applies.

function urlToOptions(u) {
  var url;
  try {
    url = typeof u === 'string' ? new URL(u) : u;
  } catch (e) {
    var err = new TypeError('Invalid URL');
    err.code = 'ERR_INVALID_URL';
    err.input = u;
    throw err;
  }
  if (url.protocol !== 'https:') {
    var e2 = new TypeError('Protocol "' + url.protocol + '" not supported. Expected "https:"');
    e2.code = 'ERR_INVALID_PROTOCOL';
    throw e2;
  }
  var hostname = url.hostname;
  if (hostname.charAt(0) === '[') hostname = hostname.slice(1, -1);
  return {
    protocol: 'https:',
    hostname: hostname,
    port: url.port ? Number(url.port) : 443,
    path: (url.pathname || '/') + (url.search || '')
  };
}

function request(url, options, cb) {
  if (typeof options === 'function') { cb = options; options = undefined; }
  var opts;
  if (typeof url === 'string' || (url && typeof url.href === 'string' && url.hostname !== undefined)) {
    opts = urlToOptions(url);
    if (options) for (var k in options) opts[k] = options[k];
  } else {
    opts = Object.assign({}, url);
    if (typeof options === 'object' && options) for (var k2 in options) opts[k2] = options[k2];
  }
  if (opts.protocol && opts.protocol !== 'https:') {
    var e = new TypeError('Protocol "' + opts.protocol + '" not supported. Expected "https:"');
    e.code = 'ERR_INVALID_PROTOCOL';
    throw e;
  }
  if (opts.port === undefined || opts.port === null || opts.port === '') {
    if (!(opts.host && /:\d+$/.test(opts.host))) opts.port = 443;
  }
  // TLS options: the request's own, over its agent's.
  var t = {};
  var agent = opts.agent && opts.agent.options ? opts.agent.options : null;
  for (var i = 0; i < tlsKeys.length; i++) {
    var name = tlsKeys[i];
    if (opts[name] !== undefined) t[name] = opts[name];
    else if (agent && agent[name] !== undefined) t[name] = agent[name];
  }
  if (t.servername === undefined) {
    var h = opts.hostname || (opts.host ? String(opts.host).replace(/:\d+$/, '') : 'localhost');
    if (!require('net').isIP(h)) t.servername = h;
  }
  if (t.secureContext && t.secureContext._options) {
    var base = t.secureContext._options;
    for (var k3 in base) if (t[k3] === undefined) t[k3] = base[k3];
  }
  opts._tls = t;
  return new http.ClientRequest(opts, cb);
}

function get(url, options, cb) {
  var req = request(url, options, cb);
  req.end();
  return req;
}

exports.Server = Server;
exports.createServer = createServer;
exports.Agent = Agent;
exports.globalAgent = globalAgent;
exports.request = request;
exports.get = get;
