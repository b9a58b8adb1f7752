// The chat room on the server side, behind a small message-bus interface so
// the transport between processes can change without touching chat.js.
//
// A Room publishes through its bus and delivers what the bus hands back:
//
//   var room = new Room('lobby', { bus: new LocalBus(), historySize: 50 });
//   room.onMessage(function (msg) { ...deliver to this process's clients... });
//   room.publish({ type: 'message', from: 'ann', message: 'hi' }, cb);
//   room.history(function (err, msgs) {});     // oldest first, ids ascending
//   room.since(id, function (err, msgs) {});   // messages after id
//   room.join(nick, cb); room.leave(nick, cb); room.members(function (err, nicks) {});
//
// A bus implements (all callbacks err-first, all may be asynchronous):
//
//   bus.publish(room, msg, cb)      give msg a room-wide increasing id (msg.id),
//                                   a time (msg.time), record it in the room's
//                                   history, and deliver it to every
//                                   subscriber of room, in every process,
//                                   exactly once, in publish order
//   bus.subscribe(room, fn)         fn(msg) for every message of room
//   bus.history(room, afterId, cb)  cb(null, [msgs with id > afterId]), oldest first,
//                                   at most historySize of them
//   bus.presence(room, nick, delta, cb)   delta +1 / -1: count of nick's
//                                   connections; cb(null, countAfter)
//   bus.members(room, cb)           cb(null, [nicks])
//
// LocalBus is the in-process default. A Redis bus (PUBLISH/SUBSCRIBE for
// delivery, INCR for ids, a capped list for history, a hash for presence)
// slots in by implementing the same five methods.
'use strict';

function LocalBus(options) {
  this.historySize = (options && options.historySize) || 50;
  this._rooms = Object.create(null);
}

LocalBus.prototype._room = function (name) {
  return this._rooms[name] || (this._rooms[name] = { seq: 0, history: [], subs: [], presence: Object.create(null) });
};

LocalBus.prototype.publish = function (room, msg, cb) {
  var r = this._room(room);
  msg.id = ++r.seq;
  msg.time = Date.now();
  r.history.push(msg);
  if (r.history.length > this.historySize) r.history.splice(0, r.history.length - this.historySize);
  var subs = r.subs.slice();
  for (var i = 0; i < subs.length; i++) subs[i](msg);
  if (cb) cb(null, msg);
};

LocalBus.prototype.subscribe = function (room, fn) {
  this._room(room).subs.push(fn);
};

LocalBus.prototype.history = function (room, afterId, cb) {
  var h = this._room(room).history, out = [];
  for (var i = 0; i < h.length; i++) if (h[i].id > afterId) out.push(h[i]);
  cb(null, out);
};

LocalBus.prototype.presence = function (room, nick, delta, cb) {
  var p = this._room(room).presence;
  var n = (p[nick] || 0) + delta;
  if (n <= 0) delete p[nick];
  else p[nick] = n;
  if (cb) cb(null, n > 0 ? n : 0);
};

LocalBus.prototype.members = function (room, cb) {
  cb(null, Object.keys(this._room(room).presence));
};

function Room(name, options) {
  options = options || {};
  this.name = name;
  this.bus = options.bus || new LocalBus(options);
}

Room.prototype.publish = function (msg, cb) { this.bus.publish(this.name, msg, cb); };
Room.prototype.onMessage = function (fn) { this.bus.subscribe(this.name, fn); };
Room.prototype.history = function (cb) { this.bus.history(this.name, 0, cb); };
Room.prototype.since = function (id, cb) { this.bus.history(this.name, id, cb); };
Room.prototype.members = function (cb) { this.bus.members(this.name, cb); };

// join/leave count connections per nickname, so someone with two tabs open
// is announced once, when the first opens and when the last closes.
Room.prototype.join = function (nick, cb) {
  var self = this;
  this.bus.presence(this.name, nick, +1, function (err, n) {
    if (!err && n === 1) self.publish({ type: 'join', from: nick, message: nick + ' joined' });
    if (cb) cb(err);
  });
};

Room.prototype.leave = function (nick, cb) {
  var self = this;
  this.bus.presence(this.name, nick, -1, function (err, n) {
    if (!err && n === 0) self.publish({ type: 'leave', from: nick, message: nick + ' left' });
    if (cb) cb(err);
  });
};

exports.Room = Room;
exports.LocalBus = LocalBus;
