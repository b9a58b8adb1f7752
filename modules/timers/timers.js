// timers: the global timer functions, as a module. They are looked up on
// each call so that a script replacing a global (fake timers in tests)
// sees its replacement here too, as in node where both are the same.
'use strict';
var g = globalThis;
exports.setTimeout = function setTimeout() { return g.setTimeout.apply(g, arguments); };
exports.clearTimeout = function clearTimeout(t) { return g.clearTimeout(t); };
exports.setInterval = function setInterval() { return g.setInterval.apply(g, arguments); };
exports.clearInterval = function clearInterval(t) { return g.clearInterval(t); };
exports.setImmediate = function setImmediate() { return g.setImmediate.apply(g, arguments); };
exports.clearImmediate = function clearImmediate(t) { return g.clearImmediate(t); };
Object.defineProperty(exports, 'promises', {
  enumerable: true, configurable: true,
  get: function () { return require('timers/promises'); }
});

// The deprecated idle-timer API (node still exports it, with warnings): an
// object with _idleTimeout gets _onTimeout called after that many ms.
function unenroll(item) {
  if (item._idleTimer) { g.clearTimeout(item._idleTimer); item._idleTimer = null; }
  item._idleTimeout = -1;
}
function enroll(item, msecs) {
  unenroll(item);
  item._idleTimeout = msecs;
}
function active(item) {
  if (item._idleTimer) g.clearTimeout(item._idleTimer);
  if (typeof item._idleTimeout === 'number' && item._idleTimeout >= 0) {
    item._idleTimer = g.setTimeout(function () {
      item._idleTimer = null;
      if (typeof item._onTimeout === 'function') item._onTimeout();
    }, item._idleTimeout);
  }
}
function unrefActive(item) {
  active(item);
  if (item._idleTimer && typeof item._idleTimer.unref === 'function') item._idleTimer.unref();
}
var deprecate = require('util').deprecate;
exports.enroll = deprecate(enroll, 'timers.enroll() is deprecated. Please use setTimeout instead.', 'DEP0095');
exports.unenroll = deprecate(unenroll, 'timers.unenroll() is deprecated. Please use clearTimeout instead.', 'DEP0096');
exports.active = deprecate(active, 'timers.active() is deprecated. Please use timeout.refresh() instead.', 'DEP0126');
exports._unrefActive = deprecate(unrefActive, 'timers._unrefActive() is deprecated. Please use timeout.refresh() instead.', 'DEP0127');
