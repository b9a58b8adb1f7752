// RedisBus: the chat room's message bus shared by every chat process that
// points at the same Redis (`gonode scripts/chat.js --redis URL`). It has the
// five methods of the bus interface in room.js (publish, subscribe, history,
// presence, members), so Room and chat.js do not change.
//
//   var bus = new RedisBus({ url: 'redis://127.0.0.1:6379', historySize: 50 });
//
// How it maps onto Redis, per room (keys are prefixed "chat:<room>:"):
//   seq        INCR counter: room-wide message ids
//   history    a list capped at historySize (JSON messages, oldest first)
//   messages   the pub/sub channel every process subscribes to
//   procs      a set of process ids that have members in the room
//   presence:<proc>  a hash nick -> connection count, one per process, with
//              a TTL the process keeps refreshing: a process that dies takes
//              its members with it within PRESENCE_TTL seconds.
// publish runs one Lua script (INCR, RPUSH, LTRIM, PUBLISH), so ids, history
// order and delivery order are the same in every process. Each process
// holds one SUBSCRIBE per room and fans out to its own clients, so every
// client gets every message exactly once, in id order.
//
// When Redis is down: publish delivers to this process's clients only (with
// ids continuing this process's sequence), history comes from a local copy,
// presence is counted locally, the outage is logged once. Local messages get
// fractional ids after the last Redis id (41.000001, 41.000002...), so ids
// only grow for this process's clients. What is published during the
// outage never reaches the other processes (at-most-once, as socket.io's
// Redis adapter). When Redis returns: the local presence is written back,
// the id counter is raised to at least the last id this process received
// (so ids keep growing even if Redis lost its data), and any message
// this process missed while its subscription was down is fetched from the
// Redis history (up to historySize) and delivered in order before newer
// ones.
//
// Written against the node_redis 3 API (callbacks), so it also runs on Node
// with `redis@3` (with enable_offline_queue: false) for side-by-side
// benchmarks.
'use strict';

var PRESENCE_TTL = 30;          // seconds
var PRESENCE_REFRESH_MS = 10000;

// KEYS: seq, history, channel. ARGV: message JSON without id, historySize.
// The id is put in front of the JSON as text: no JSON library needed in Lua.
var PUBLISH_LUA = [
  "local id = redis.call('INCR', KEYS[1])",
  "local s = '{\"id\":' .. id .. ',' .. string.sub(ARGV[1], 2)",
  "redis.call('RPUSH', KEYS[2], s)",
  "redis.call('LTRIM', KEYS[2], -tonumber(ARGV[2]), -1)",
  "redis.call('PUBLISH', KEYS[3], s)",
  "return s"
].join('\n');

// KEYS: seq. ARGV: the highest id this process has used.
var RAISE_SEQ_LUA = [
  "local cur = tonumber(redis.call('GET', KEYS[1]) or '0')",
  "if cur < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end",
  "return 1"
].join('\n');

// KEYS: procs set, this process's hash. ARGV: prefix of process hashes,
// this process id, nick, delta, ttl. Returns nick's connections in all
// live processes after the change.
var PRESENCE_LUA = [
  "local n = redis.call('HINCRBY', KEYS[2], ARGV[3], tonumber(ARGV[4]))",
  "if n <= 0 then redis.call('HDEL', KEYS[2], ARGV[3]) end",
  "redis.call('SADD', KEYS[1], ARGV[2])",
  "redis.call('EXPIRE', KEYS[2], tonumber(ARGV[5]))",
  "local total = 0",
  "for _, p in ipairs(redis.call('SMEMBERS', KEYS[1])) do",
  "  local k = ARGV[1] .. p",
  "  if redis.call('EXISTS', k) == 1 then",
  "    total = total + tonumber(redis.call('HGET', k, ARGV[3]) or '0')",
  "  elseif p ~= ARGV[2] then redis.call('SREM', KEYS[1], p) end",
  "end",
  "return total"
].join('\n');

// KEYS: procs set. ARGV: prefix of process hashes. Returns the nicks.
var MEMBERS_LUA = [
  "local seen, out = {}, {}",
  "for _, p in ipairs(redis.call('SMEMBERS', KEYS[1])) do",
  "  local k = ARGV[1] .. p",
  "  if redis.call('EXISTS', k) == 1 then",
  "    for _, nick in ipairs(redis.call('HKEYS', k)) do",
  "      if not seen[nick] then seen[nick] = true; out[#out + 1] = nick end",
  "    end",
  "  else redis.call('SREM', KEYS[1], p) end",
  "end",
  "return out"
].join('\n');

function RedisBus(options) {
  options = options || {};
  var redis = require('redis');
  this.url = options.url;
  this.historySize = options.historySize || 50;
  this.log = options.log || function (s) { console.log(s); };
  this.procId = options.procId || (Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 8));
  this._uidSeq = 0;
  this._raised = true;     // after a reconnection: the id counter has been raised
  var clientOpts = { enable_offline_queue: false, retry_max_delay: options.maxDelay || 2000 };
  this.cmd = redis.createClient(this.url, clientOpts);
  this.sub = redis.createClient(this.url, clientOpts);
  this._rooms = Object.create(null);
  this._down = false;
  this._started = false;   // both clients connected once, or the first attempt failed
  this._waiting = [];
  var self = this;
  [['cmd', this.cmd], ['sub', this.sub]].forEach(function (pair) {
    var name = pair[0], c = pair[1];
    c.on('error', function (err) {
      self._outage(err);
      if (name === 'sub') self._subLost();
      self._start();
    });
    c.on('ready', function () {
      self._ready();
      if (self.cmd.ready && self.sub.ready) self._start();
    });
  });
  this.sub.on('message', function (channel, text) { self._onMessage(channel, text); });
  this.sub.on('subscribe', function (channel) { self._onSubscribed(channel); });
  // The presence hashes live only while this process refreshes them.
  this._refresh = setInterval(function () { self._refreshPresence(); }, PRESENCE_REFRESH_MS);
  if (this._refresh.unref) this._refresh.unref();
}

// Until the clients have connected once (or failed to), operations wait:
// node_redis 3 without its offline queue would refuse them.
RedisBus.prototype._start = function () {
  if (this._started) return;
  this._started = true;
  var w = this._waiting;
  this._waiting = [];
  for (var i = 0; i < w.length; i++) w[i]();
};

RedisBus.prototype._whenStarted = function (fn) {
  if (this._started) fn(); else this._waiting.push(fn);
};

RedisBus.prototype._key = function (room, part) { return 'chat:' + room + ':' + part; };

RedisBus.prototype._room = function (name) {
  var r = this._rooms[name];
  if (!r) {
    r = this._rooms[name] = {
      name: name,
      subs: [],
      history: [],             // what this process delivered (after what it loaded)
      // Redis ids deliver once: the uids (process id + counter) of the
      // last messages delivered here are remembered; top is the highest
      // Redis id delivered.
      top: 0,
      seen: Object.create(null),
      seenOrder: [],
      localSeq: 0,             // messages published here during an outage, since top
      own: [],                 // our published messages not yet seen on the subscription
      outbox: [],              // our publishes, in order, until settled
      presence: Object.create(null), // this process's connections per nick
      hold: false,             // live messages wait (history being read)
      inflight: false,         // an LRANGE of the history is running
      again: false,            // ... and another is wanted after it
      loaded: false,           // the Redis history has been read once
      subDown: false,          // the subscription is known broken
      held: [],
      onLoaded: []
    };
  }
  return r;
};

// ---- state: one log line per outage, one when it ends

RedisBus.prototype._outage = function (err) {
  this._raised = false;
  if (this._down) return;
  this._down = true;
  this.log('chat: Redis at ' + this.url + ' unavailable (' + (err && err.message) +
    '); delivering to local clients only until it returns');
};

// The subscriber connection broke: our own messages that Redis accepted
// but that the subscription did not bring back are delivered now, so this
// process's clients never miss what they (or their neighbours) said.
RedisBus.prototype._subLost = function () {
  var self = this;
  Object.keys(this._rooms).forEach(function (name) {
    var r = self._rooms[name];
    r.subDown = true;
    self._flushOwn(r);
  });
};

RedisBus.prototype._flushOwn = function (r) {
  var own = r.own;
  r.own = [];
  own.sort(function (a, b) { return a.id - b.id; });
  for (var i = 0; i < own.length; i++) this._deliver(r, own[i]);
};

RedisBus.prototype._ready = function () {
  this._maybeBack();
};

// _maybeBack ends an outage once both connections are back: first the id
// counter is raised to at least the highest id this process saw (so ids
// keep growing even if Redis came back empty; nothing is published before
// that) and this process's members are written back, then the log says so.
RedisBus.prototype._maybeBack = function () {
  if (!this._down || !this.cmd.ready || !this.sub.ready) return;
  var self = this;
  // Not before every room is subscribed again: a message published then
  // could reach the others before this process hears theirs.
  var names = Object.keys(this._rooms);
  for (var i = 0; i < names.length; i++) {
    var room = this._rooms[names[i]];
    if (room.subs.length && room.subDown) return;
  }
  if (!this._raised) {
    if (this._raising) return;
    this._raising = true;
    var left = names.length + 1, failed = false;
    var done = function (err) {
      if (err) failed = true;
      if (--left > 0) return;
      self._raising = false;
      if (failed) return; // the client reports the error; we try again at its next "ready"
      self._raised = true;
      self._maybeBack();
    };
    names.forEach(function (name) {
      var r = self._rooms[name];
      self.cmd.eval(RAISE_SEQ_LUA, 1, self._key(name, 'seq'), Math.ceil(r.top), done);
      self._rewritePresence(r);
    });
    done();
    return;
  }
  this._down = false;
  this.log('chat: Redis at ' + this.url + ' is back; cross-process delivery resumed');
};

// ---- delivery

// subscribe(room, fn[, cb]): cb() once the room's history is loaded and
// every later message will reach fn (an addition to the bus interface that
// callers may ignore).
RedisBus.prototype.subscribe = function (room, fn, cb) {
  var r = this._room(room);
  r.subs.push(fn);
  if (cb) {
    if (r.loaded) process.nextTick(cb); else r.onLoaded.push(cb);
  }
  if (r.subs.length > 1) return;
  // Live messages wait until the history is loaded (see _sync), which
  // starts when Redis confirms the subscription (_onSubscribed).
  r.hold = true;
  var self = this;
  this._whenStarted(function () {
    self.sub.subscribe(self._key(room, 'messages'), function (err) {
      if (err && !r.inflight) {
        // Redis is down at start: serve what we have; the history is
        // read when the subscription is taken up again.
        r.hold = false;
        self._loadedNow(r);
        self._flushHeld(r);
      }
    });
  });
};

// Every SUBSCRIBE confirmation, including the re-subscription after a
// reconnection: from now on nothing is missed, so read what was.
RedisBus.prototype._onSubscribed = function (channel) {
  var m = /^chat:(.*):messages$/.exec(channel);
  var r = m && this._rooms[m[1]];
  if (!r) return;
  r.subDown = false;
  this._sync(r);
  this._maybeBack();
};

RedisBus.prototype._onMessage = function (channel, text) {
  var m = /^chat:(.*):messages$/.exec(channel);
  if (!m) return;
  var r = this._rooms[m[1]];
  if (!r) return;
  var msg;
  try { msg = JSON.parse(text); } catch (e) { return; }
  if (r.hold) { r.held.push(msg); return; }
  if (r.loaded && msg.id > r.top + 1) {
    // A gap: messages published while our subscription was down.
    r.held.push(msg);
    this._sync(r);
    return;
  }
  this._deliver(r, msg);
};

// _sync reads the room's history from Redis. The first time it is the
// room's history here (nothing is delivered: clients get it through
// history()); later it delivers, in id order, what this process missed,
// then the live messages that waited meanwhile. Afterwards every id up to
// the highest known is settled: what the history no longer holds is lost
// (at most once).
RedisBus.prototype._sync = function (r) {
  if (r.inflight) { r.again = true; return; }
  r.inflight = true;
  r.hold = true;
  var self = this;
  this.cmd.lrange(this._key(r.name, 'history'), 0, -1, function (err, items) {
    r.inflight = false;
    r.hold = false;
    if (err) {
      self._loadedNow(r);
      self._flushHeld(r);
      return;
    }
    var stored = [];
    for (var i = 0; i < items.length; i++) {
      try { stored.push(JSON.parse(items[i])); } catch (e) { /* skip */ }
    }
    if (!r.loaded) {
      r.loaded = true;
      var keep = r.history; // local messages from an outage at start
      r.history = stored.concat(keep).slice(-self.historySize);
      stored.forEach(function (m) { self._settle(r, m); });
      // Clients that asked for the history meanwhile get it first, then
      // the live messages that waited (those already in it are skipped).
      self._loadedNow(r);
      self._flushHeld(r);
    } else {
      r.held = stored.concat(r.held);
      self._flushHeld(r);
    }
    if (r.again) { r.again = false; self._sync(r); }
  });
};

RedisBus.prototype._loadedNow = function (r) {
  var cbs = r.onLoaded;
  r.onLoaded = [];
  for (var i = 0; i < cbs.length; i++) cbs[i]();
};

RedisBus.prototype._flushHeld = function (r) {
  var all = r.held;
  r.held = [];
  all.sort(function (a, b) { return a.id - b.id; });
  for (var j = 0; j < all.length; j++) this._deliver(r, all[j]);
};

// _settle records msg as delivered here (or present in the loaded history).
RedisBus.prototype._settle = function (r, msg) {
  if (msg.id > r.top) r.top = msg.id;
  var uid = msg.uid || msg.id;
  if (r.seen[uid]) return;
  r.seen[uid] = true;
  r.seenOrder.push(uid);
  // Enough to cover the Redis history and what arrives while reading it.
  var cap = Math.max(1000, 4 * this.historySize);
  while (r.seenOrder.length > cap) delete r.seen[r.seenOrder.shift()];
};

// _deliver hands msg to this process's clients once (by uid). Local ids
// (during an outage) are this process's own.
RedisBus.prototype._deliver = function (r, msg, local) {
  if (!local) {
    if (r.seen[msg.uid || msg.id]) return;
    this._settle(r, msg);
    r.localSeq = 0;
    if (r.own.length) {
      r.own = r.own.filter(function (m) { return m.uid !== msg.uid; });
    }
  }
  r.history.push(msg);
  if (r.history.length > this.historySize) r.history.splice(0, r.history.length - this.historySize);
  var subs = r.subs.slice();
  for (var i = 0; i < subs.length; i++) subs[i](msg);
};

// publish: one Lua script on Redis, or, while Redis is down, straight to
// this process's clients. Messages are settled in publish order (an answer
// from Redis that comes late holds back later local ones), so a sender's
// messages never swap places here.
RedisBus.prototype.publish = function (room, msg, cb) {
  var self = this;
  if (!this._started) return this._whenStarted(function () { self.publish(room, msg, cb); });
  var r = this._room(room);
  msg.time = Date.now();
  msg.uid = this.procId + '.' + (++this._uidSeq);
  var entry = { msg: msg, cb: cb, done: false, sent: null };
  r.outbox.push(entry);
  if (this._down) {
    entry.done = true;
    return this._drain(r);
  }
  this.cmd.eval(PUBLISH_LUA, 3, this._key(room, 'seq'), this._key(room, 'history'),
    this._key(room, 'messages'), JSON.stringify(msg), this.historySize, function (err, text) {
      entry.done = true;
      if (err) {
        self._outage(err);
      } else {
        try { entry.sent = JSON.parse(text); } catch (e) { entry.sent = null; }
      }
      self._drain(r);
    });
};

RedisBus.prototype._drain = function (r) {
  while (r.outbox.length && r.outbox[0].done) {
    var e = r.outbox.shift(), msg = e.msg;
    if (e.sent) {
      // Delivered to us (and everyone) through the subscription; kept
      // until then in case the subscription breaks first.
      msg.id = e.sent.id;
      if (!r.seen[e.sent.uid]) {
        r.own.push(e.sent);
        if (r.own.length > this.historySize) r.own.shift();
        if (r.subDown) this._flushOwn(r);
      }
    } else {
      // Redis is down: this process's clients still get it. Its id sits
      // between the last Redis id and the next one (which Redis will hand
      // out above every id any process saw), so ids keep growing for this
      // process's clients across the outage.
      msg.id = r.top + (++r.localSeq) / 1e6;
      this._deliver(r, msg, true);
    }
    if (e.cb) e.cb(null, msg);
  }
};

// history answers from this process's copy: it is exactly what this
// process has delivered (after the Redis history it loaded at start), so a
// client that gets the history and then the live messages sees each
// message once, and no Redis round trip is needed per connection.
RedisBus.prototype.history = function (room, afterId, cb) {
  var r = this._room(room);
  if (r.hold && !r.loaded) {
    // Still loading the Redis history (just started): answer once it is
    // here, before any live message reaches this process's clients.
    var self = this;
    r.onLoaded.push(function () { self.history(room, afterId, cb); });
    return;
  }
  var h = r.history, out = [];
  for (var i = 0; i < h.length; i++) if (h[i].id > afterId) out.push(h[i]);
  cb(null, out);
};

// ---- presence

RedisBus.prototype._procKey = function (room) { return this._key(room, 'presence:' + this.procId); };

RedisBus.prototype.presence = function (room, nick, delta, cb) {
  var self = this;
  if (!this._started) return this._whenStarted(function () { self.presence(room, nick, delta, cb); });
  var r = this._room(room);
  var n = (r.presence[nick] || 0) + delta;
  if (n <= 0) delete r.presence[nick]; else r.presence[nick] = n;
  var local = n > 0 ? n : 0;
  this.cmd.eval(PRESENCE_LUA, 2, this._key(room, 'procs'), this._procKey(room),
    this._key(room, 'presence:'), this.procId, nick, delta, PRESENCE_TTL, function (err, total) {
      if (cb) cb(null, err ? local : Number(total));
    });
};

RedisBus.prototype.members = function (room, cb) {
  var self = this;
  if (!this._started) return this._whenStarted(function () { self.members(room, cb); });
  var r = this._room(room);
  this.cmd.eval(MEMBERS_LUA, 1, this._key(room, 'procs'), this._key(room, 'presence:'), function (err, nicks) {
    cb(null, err ? Object.keys(r.presence) : nicks);
  });
};

RedisBus.prototype._rewritePresence = function (r) {
  var key = this._procKey(r.name);
  var nicks = Object.keys(r.presence);
  var m = this.cmd.multi().del(key);
  if (nicks.length) {
    var pairs = [];
    nicks.forEach(function (n) { pairs.push(n, r.presence[n]); });
    m.hset(key, pairs).expire(key, PRESENCE_TTL).sadd(this._key(r.name, 'procs'), this.procId);
  }
  m.exec(function () {});
};

RedisBus.prototype._refreshPresence = function () {
  if (this._down) return;
  var self = this;
  Object.keys(this._rooms).forEach(function (name) {
    if (Object.keys(self._rooms[name].presence).length) self.cmd.expire(self._procKey(name), PRESENCE_TTL, function () {});
  });
};

RedisBus.prototype.close = function (cb) {
  clearInterval(this._refresh);
  var self = this;
  var keys = Object.keys(this._rooms).map(function (n) { return self._procKey(n); });
  var done = function () { self.sub.quit(); self.cmd.quit(function () { if (cb) cb(); }); };
  if (keys.length && !this._down) this.cmd.del(keys, done); else done();
};

exports.RedisBus = RedisBus;
