// redis: a Redis client in node_redis's vocabulary.
//
//   var redis = require('redis');
//   var client = redis.createClient();            // or (port, host), (url), ({...})
//   client.on('error', function (err) { ... });
//   client.set('k', 'v', redis.print);             // err-first callback ...
//   client.get('k').then(function (v) { ... });    // ... and a promise, always
//   sub.on('message', function (channel, message) { ... });
//   sub.subscribe('news');
//
// The Go half (binding) owns the connections. Commands are queued in order
// and the queue goes out as one pipeline; replies come back in order on the
// loop. While Redis is down commands fail at once (AbortError, code
// NR_OFFLINE) and the client reconnects in the background with back-off; the
// outage is one "error" event, then "reconnecting" per attempt, then
// "connect" and "ready" when Redis is back, with every subscription taken up
// again.
'use strict';

var EventEmitter = require('events');

function noop() {}

// ReplyError: Redis answered with an error ("WRONGTYPE ...", "ERR ...").
// AbortError: the command never reached Redis (client closed or offline).
function ReplyError(message) {
  var e = new Error(message);
  Object.setPrototypeOf(e, ReplyError.prototype);
  return e;
}
ReplyError.prototype = Object.create(Error.prototype, {
  constructor: { value: ReplyError, writable: true, configurable: true },
  name: { value: 'ReplyError', writable: true, configurable: true }
});

function AbortError(message) {
  var e = new Error(message);
  Object.setPrototypeOf(e, AbortError.prototype);
  return e;
}
AbortError.prototype = Object.create(Error.prototype, {
  constructor: { value: AbortError, writable: true, configurable: true },
  name: { value: 'AbortError', writable: true, configurable: true }
});

function makeError(name, message, code, command, args) {
  var e = name === 'ReplyError' ? new ReplyError(message)
    : name === 'AbortError' ? new AbortError(message) : new Error(message);
  if (code) e.code = code;
  if (command) e.command = command;
  if (args) e.args = args;
  return e;
}

// The commands that get a method of their own (lower and upper case).
// Anything else: client.sendCommand(name, args, cb).
var COMMANDS = (
  // strings and keys
  'get set setnx setex psetex getset getdel getex mget mset msetnx append strlen ' +
  'incr incrby incrbyfloat decr decrby getrange setrange substr lcs ' +
  'del unlink exists expire expireat pexpire pexpireat expiretime ttl pttl persist ' +
  'type keys scan rename renamenx randomkey dbsize flushdb flushall select move copy ' +
  'dump restore object touch sort ' +
  // hashes
  'hget hset hsetnx hmset hmget hgetall hdel hexists hincrby hincrbyfloat hkeys hvals ' +
  'hlen hscan hstrlen hrandfield ' +
  // lists
  'lpush rpush lpushx rpushx lpop rpop llen lrange lindex lset lrem ltrim linsert lpos ' +
  'lmove blmove blpop brpop brpoplpush rpoplpush lmpop blmpop ' +
  // sets
  'sadd srem smembers sismember smismember scard spop srandmember smove sinter ' +
  'sinterstore sintercard sunion sunionstore sdiff sdiffstore sscan ' +
  // sorted sets
  'zadd zrem zscore zmscore zincrby zcard zcount zrange zrangestore zrangebyscore ' +
  'zrevrange zrevrangebyscore zrangebylex zrevrangebylex zlexcount zrank zrevrank ' +
  'zremrangebyrank zremrangebyscore zremrangebylex zscan zpopmin zpopmax bzpopmin ' +
  'bzpopmax zunionstore zinterstore zdiffstore zunion zinter zdiff zrandmember ' +
  // streams
  'xadd xrange xrevrange xlen xread xreadgroup xtrim xdel xgroup xack xpending xclaim ' +
  'xautoclaim xinfo ' +
  // hyperloglog, bits, geo
  'pfadd pfcount pfmerge setbit getbit bitcount bitop bitpos bitfield ' +
  'geoadd geodist geopos geohash georadius georadiusbymember geosearch geosearchstore ' +
  // server, scripting, transactions, pub/sub introspection
  'ping echo info time auth client config eval evalsha eval_ro evalsha_ro script ' +
  'fcall function watch unwatch publish spublish pubsub wait lastsave save bgsave ' +
  'bgrewriteaof memory command hello slowlog debug monitor role swapdb'
).split(' ');

// parseArgs turns a method's arguments into [args, callback]: the last
// function is the callback; arrays are spread; a plain object becomes
// field, value pairs (client.hmset('h', {a: 1})), as node_redis does.
function parseArgs(list) {
  var cb = null;
  var n = list.length;
  if (n > 0 && typeof list[n - 1] === 'function') { cb = list[n - 1]; n--; }
  else if (n > 0 && list[n - 1] === undefined) n--; // client.get('k', undefined)
  var out = [];
  for (var i = 0; i < n; i++) flatten(list[i], out);
  return [out, cb];
}

function flatten(v, out) {
  if (Array.isArray(v)) {
    for (var i = 0; i < v.length; i++) flatten(v[i], out);
  } else if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v) && !(v instanceof ArrayBuffer)) {
    var keys = Object.keys(v);
    for (var k = 0; k < keys.length; k++) { out.push(keys[k]); flatten(v[keys[k]], out); }
  } else {
    out.push(v);
  }
}

// Replies node_redis reshapes.
var TRANSFORMS = {
  hgetall: function (r) {
    if (!r || r.length === 0) return null;
    var o = {};
    for (var i = 0; i + 1 < r.length; i += 2) o[r[i]] = r[i + 1];
    return o;
  }
};

function settle(cb, resolve, reject) {
  return function (err, reply) {
    if (err) reject(err); else resolve(reply);
    if (cb) cb(err, err ? undefined : reply);
  };
}

// A promise for a command. It is marked handled: a script that passes a
// callback, or ignores the result, is not crashed by an unhandled
// rejection; one that awaits it still gets the error.
function deferred() {
  var d = {};
  d.promise = new Promise(function (resolve, reject) { d.resolve = resolve; d.reject = reject; });
  d.promise.catch(noop);
  return d;
}

function RedisClient(options) {
  EventEmitter.call(this);
  this.options = options;
  this.connected = false;
  this.ready = false;
  this.closing = false;
  this._subs = { subscribe: Object.create(null), psubscribe: Object.create(null) };
  this._pendingSubs = [];
  this._h = binding.connect(this, options, makeError);
  this.address = this._h.address;
}
Object.setPrototypeOf(RedisClient.prototype, EventEmitter.prototype);
Object.setPrototypeOf(RedisClient, EventEmitter);

Object.defineProperty(RedisClient.prototype, 'isOpen', {
  get: function () { return !this.closing; }
});
Object.defineProperty(RedisClient.prototype, 'isReady', {
  get: function () { return this.ready; }
});

// _event is how the Go half reports the connection's state.
RedisClient.prototype._event = function (name) {
  switch (name) {
    case 'connect': this.connected = true; break;
    case 'ready': this.ready = true; break;
    case 'error': this.connected = false; this.ready = false; break;
    case 'reconnecting': this.connected = false; this.ready = false; break;
    case 'end': this.connected = false; this.ready = false; this.closing = true; this._ended = true; break;
  }
  this.emit.apply(this, arguments);
};

RedisClient.prototype._command = function (name, args, cb) {
  var d = deferred();
  var transform = TRANSFORMS[name];
  var done = settle(typeof cb === 'function' ? cb : null, d.resolve, d.reject);
  this._h.command(name, args, transform ? function (err, reply) {
    done(err, err ? reply : transform(reply));
  } : done);
  return d.promise;
};

// sendCommand(name, args, cb) (node_redis 3's send_command), or
// sendCommand([name, ...args]) (node_redis 4).
RedisClient.prototype.sendCommand = function (name, args, cb) {
  if (Array.isArray(name)) {
    cb = typeof args === 'function' ? args : null;
    args = name.slice(1);
    name = name[0];
  } else if (typeof args === 'function') {
    cb = args;
    args = [];
  }
  if (typeof name !== 'string' || name === '') {
    throw makeTypeError('The command name must be a non-empty string');
  }
  var p = parseArgs(args || []);
  return this._command(name.toLowerCase(), p[0], cb || p[1]);
};
RedisClient.prototype.send_command = RedisClient.prototype.sendCommand;

function makeTypeError(msg) {
  var e = new TypeError(msg);
  e.code = 'ERR_INVALID_ARG_TYPE';
  return e;
}

COMMANDS.forEach(function (name) {
  var fn = function () {
    var p = parseArgs(arguments);
    return this._command(name, p[0], p[1]);
  };
  RedisClient.prototype[name] = fn;
  RedisClient.prototype[name.toUpperCase()] = fn;
});

// --- pub/sub ---------------------------------------------------------------
// The mirror of what the script asked to be subscribed to, so
// unsubscribe() with no names knows them. Confirmations from Redis arrive
// through _onSubscription; each emits "subscribe"/"psubscribe"/
// "unsubscribe"/"punsubscribe"(name, count) and settles the request that
// asked for it. The re-subscriptions after a reconnection emit the events
// too (as node_redis 3 does), but no callback runs twice.
RedisClient.prototype._sub = function (kind, list) {
  var p = parseArgs(list);
  var names = p[0].map(String), cb = p[1];
  var d = deferred();
  var done = settle(cb, d.resolve, d.reject);
  var set = this._subs[kind.indexOf('p') === 0 ? 'psubscribe' : 'subscribe'];
  if (kind === 'unsubscribe' || kind === 'punsubscribe') {
    if (names.length === 0) names = Object.keys(set);
    names.forEach(function (n) { delete set[n]; });
  } else {
    names.forEach(function (n) { set[n] = true; });
  }
  if (names.length === 0) {
    process.nextTick(function () { done(null, null); });
    return d.promise;
  }
  var req = { kind: kind, left: names.slice(), names: names, done: done };
  var self = this;
  this._pendingSubs.push(req);
  this._h.subscribe(kind, names, function (err) {
    if (!err) return; // the confirmations will settle it
    var i = self._pendingSubs.indexOf(req);
    if (i >= 0) self._pendingSubs.splice(i, 1);
    done(err);
  });
  return d.promise;
};

RedisClient.prototype._onSubscription = function (kind, name, count) {
  var req = null;
  for (var i = 0; i < this._pendingSubs.length; i++) {
    var j = this._pendingSubs[i].kind === kind ? this._pendingSubs[i].left.indexOf(name) : -1;
    if (j < 0) continue;
    req = this._pendingSubs[i];
    req.left.splice(j, 1);
    if (req.left.length === 0) this._pendingSubs.splice(i, 1);
    break;
  }
  this.emit(kind, name, count);
  if (req && req.left.length === 0) req.done(null, req.names.length === 1 ? req.names[0] : req.names);
};

['subscribe', 'psubscribe', 'unsubscribe', 'punsubscribe'].forEach(function (kind) {
  var fn = function () { return this._sub(kind, arguments); };
  RedisClient.prototype[kind] = fn;
  RedisClient.prototype[kind.toUpperCase()] = fn;
});

// --- transactions and batches ----------------------------------------------
// client.multi().set('a', 1).incr('a').exec(cb): MULTI, the commands and
// EXEC go to Redis as one unbroken run; cb(err, replies). client.batch()
// is the same without MULTI/EXEC (replies may hold errors).
function Multi(client, atomic, commands) {
  this._client = client;
  this._atomic = atomic;
  this._queue = [];
  var self = this;
  (commands || []).forEach(function (c) {
    self._queue.push([String(c[0]).toLowerCase(), parseArgs(c.slice(1))[0], null]);
  });
}
COMMANDS.concat(['subscribe', 'psubscribe', 'unsubscribe', 'punsubscribe']).forEach(function (name) {
  var fn = function () {
    var p = parseArgs(arguments);
    this._queue.push([name, p[0], p[1]]);
    return this;
  };
  Multi.prototype[name] = fn;
  Multi.prototype[name.toUpperCase()] = fn;
});
Multi.prototype.addCommand = function (args) {
  this._queue.push([String(args[0]).toLowerCase(), parseArgs(args.slice(1))[0], null]);
  return this;
};

Multi.prototype.exec = function (cb) {
  var d = deferred();
  var done = settle(typeof cb === 'function' ? cb : null, d.resolve, d.reject);
  var queue = this._queue;
  this._queue = [];
  var atomic = this._atomic;
  var list = queue.map(function (q) { return [q[0], q[1]]; });
  if (atomic) list = [['multi', []]].concat(list, [['exec', []]]);
  if (list.length === 0) {
    process.nextTick(function () { done(null, []); });
    return d.promise;
  }
  var replies = [];
  var firstErr = null;
  this._client._h.commands(list, function (i, err, reply) {
    if (!atomic) {
      var q = queue[i];
      var r = err || (TRANSFORMS[q[0]] ? TRANSFORMS[q[0]](reply) : reply);
      replies.push(r);
      if (q[2]) q[2](err, err ? undefined : r);
      if (i === list.length - 1) done(null, replies);
      return;
    }
    if (i === 0 || i < list.length - 1) {
      // MULTI's OK and each command's QUEUED (or an error that aborts).
      if (err && !firstErr) firstErr = err;
      return;
    }
    // EXEC
    if (err || reply === null) {
      var e = err || makeError('AbortError', 'EXEC was aborted: a WATCHed key changed', 'EXECABORT', 'EXEC');
      if (firstErr && err) { e.errors = [firstErr]; }
      queue.forEach(function (q) { if (q[2]) q[2](e); });
      done(e);
      return;
    }
    var out = reply.map(function (r, k) {
      var q = queue[k];
      if (!(r instanceof Error) && TRANSFORMS[q[0]]) r = TRANSFORMS[q[0]](r);
      if (q[2]) q[2](r instanceof Error ? r : null, r instanceof Error ? undefined : r);
      return r;
    });
    done(null, out);
  });
  return d.promise;
};
Multi.prototype.EXEC = Multi.prototype.exec;
Multi.prototype.execAsync = Multi.prototype.exec;

RedisClient.prototype.multi = function (commands) { return new Multi(this, true, commands); };
RedisClient.prototype.MULTI = RedisClient.prototype.multi;
RedisClient.prototype.batch = function (commands) { return new Multi(this, false, commands); };
RedisClient.prototype.BATCH = RedisClient.prototype.batch;

// --- life cycle ------------------------------------------------------------

// quit(cb): QUIT once everything queued before it is answered, then close.
RedisClient.prototype.quit = function (cb) {
  var d = deferred();
  this.closing = true;
  this._h.quit(settle(typeof cb === 'function' ? cb : null, d.resolve, d.reject));
  return d.promise;
};
RedisClient.prototype.QUIT = RedisClient.prototype.quit;

// disconnect(): close now (node_redis 4); end(flush) is node_redis 3's name.
// Commands not yet answered fail.
RedisClient.prototype.disconnect = function () {
  var d = deferred();
  this.closing = true;
  this._h.disconnect();
  if (this._ended) d.resolve();
  else this.once('end', function () { d.resolve(); });
  return d.promise;
};
RedisClient.prototype.end = function () { this.disconnect(); };

// connect(): clients connect as soon as they are created (node_redis 3);
// this is for node_redis 4 code that awaits it. It resolves at "ready".
RedisClient.prototype.connect = function () {
  var self = this;
  if (this.ready) return Promise.resolve(this);
  return new Promise(function (resolve, reject) {
    function onReady() { self.removeListener('error', onError); resolve(self); }
    function onError(err) { self.removeListener('ready', onReady); reject(err); }
    self.once('ready', onReady);
    self.once('error', onError);
  });
};

// unref(): this client no longer keeps the process alive (ref() undoes it).
RedisClient.prototype.unref = function () { this._h.unref(); return this; };
RedisClient.prototype.ref = function () { this._h.ref(); return this; };

// duplicate(options): a new client with the same options (the usual way
// to get a second connection for subscribing).
RedisClient.prototype.duplicate = function (overrides, cb) {
  if (typeof overrides === 'function') { cb = overrides; overrides = null; }
  var o = Object.assign({}, this.options, overrides || {});
  var c = new RedisClient(o);
  if (cb) {
    c.once('ready', function () { cb(null, c); });
  }
  return c;
};

// createClient(), (port, host, options), (url, options), (unix path,
// options), (options) with node_redis 3 names (host, port, path, url,
// password/auth_pass, db, connect_timeout, retry_max_delay) or node_redis 4
// names (url, socket: {host, port, path, connectTimeout}, password,
// username, database).
function createClient(a, b, c) {
  var o = {};
  if (typeof a === 'number' || (typeof a === 'string' && /^\d+$/.test(a))) {
    o.port = Number(a);
    if (typeof b === 'string') { o.host = b; Object.assign(o, c || {}); }
    else Object.assign(o, b || {});
  } else if (typeof a === 'string') {
    if (a.charAt(0) === '/') o.path = a; else o.url = a;
    Object.assign(o, b || {});
  } else if (a !== null && typeof a === 'object') {
    Object.assign(o, a);
  } else if (a !== undefined && a !== null) {
    throw makeTypeError('createClient takes a port, a URL or an options object');
  }
  var s = o.socket || {};
  var norm = {
    url: o.url || undefined,
    host: s.host || o.host || undefined,
    port: s.port !== undefined ? s.port : o.port,
    path: s.path || o.path || undefined,
    password: o.password || o.auth_pass || undefined,
    username: o.username || o.user || undefined,
    db: o.database !== undefined ? o.database : o.db,
    connectTimeout: s.connectTimeout || o.connect_timeout || o.connectTimeout || undefined,
    maxDelay: o.retry_max_delay || o.maxDelay || undefined
  };
  if (norm.port !== undefined && (typeof norm.port !== 'number' || norm.port !== norm.port)) {
    var port = Number(norm.port);
    if (port !== port) throw makeTypeError('The Redis port must be a number. Received ' + String(norm.port));
    norm.port = port;
  }
  return new RedisClient(norm);
}

// print is node_redis's callback for trying things out.
function print(err, reply) {
  if (err) console.log('Error: ' + (err && err.message));
  else console.log('Reply: ' + reply);
}

exports.createClient = createClient;
exports.RedisClient = RedisClient;
exports.Multi = Multi;
exports.ReplyError = ReplyError;
exports.AbortError = AbortError;
exports.print = print;
