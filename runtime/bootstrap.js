// The JS half of start-up: runs once with (global, process, natives) before
// the main script. Natives are the Go functions in process.go. Keep it small:
// everything here is paid for by every `gonode -e ''`.
'use strict';

// The legacy accessor API (__defineGetter__ and friends) that 2009 code
// used everywhere; goja implements only the ES5 way.
(function () {
  function def(name, fn) {
    if (!Object.prototype[name]) {
      Object.defineProperty(Object.prototype, name, { value: fn, writable: true, configurable: true, enumerable: false });
    }
  }
  function lookup(obj, key, kind) {
    for (var o = Object(obj); o !== null; o = Object.getPrototypeOf(o)) {
      var d = Object.getOwnPropertyDescriptor(o, key);
      if (d) return d[kind];
    }
    return undefined;
  }
  def('__defineGetter__', function (key, fn) {
    Object.defineProperty(this, key, { get: fn, enumerable: true, configurable: true });
  });
  def('__defineSetter__', function (key, fn) {
    Object.defineProperty(this, key, { set: fn, enumerable: true, configurable: true });
  });
  def('__lookupGetter__', function (key) { return lookup(this, key, 'get'); });
  def('__lookupSetter__', function (key) { return lookup(this, key, 'set'); });
})();

var EventEmitter = process.constructor;
process.EventEmitter = EventEmitter;
process.Promise = EventEmitter.Promise;

// process.mixin([deep], [target], obj1, ..., objN), node v0.1.21: copies
// own and inherited properties that are not undefined; with no target the
// global object is extended; getters and setters are copied as such.
process.mixin = function () {
  var target = arguments[0] || {}, i = 1, length = arguments.length, deep = false;
  if (typeof target === 'boolean') {
    deep = target;
    target = arguments[1] || {};
    i = 2;
  }
  if (typeof target !== 'object' && typeof target !== 'function') target = {};
  if (length === i) {
    target = global;
    --i;
  }
  for (; i < length; i++) {
    var source = arguments[i];
    if (source === null || source === undefined) continue;
    for (var k in source) {
      var getter = source.__lookupGetter__ && source.__lookupGetter__(k);
      var setter = source.__lookupSetter__ && source.__lookupSetter__(k);
      if (getter || setter) {
        if (getter) target.__defineGetter__(k, getter);
        if (setter) target.__defineSetter__(k, setter);
        continue;
      }
      var src = target[k], copy = source[k];
      if (target === copy) continue;
      if (deep && copy && typeof copy === 'object' && !copy.nodeType) {
        target[k] = process.mixin(deep, src || (copy.length != null ? [] : {}), copy);
      } else if (copy !== undefined) {
        target[k] = copy;
      }
    }
  }
  return target;
};

function inherits(ctor, superCtor) {
  if (typeof ctor !== 'function' || typeof superCtor !== 'function') {
    var err = new TypeError('The "ctor" and "superCtor" arguments must be of type function');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  ctor.super_ = superCtor;
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}
process.inherits = inherits;

// node v0.1.21's child processes and file watching live on process; they
// are thin forwarders so the modules behind them load only when used.
process.createChildProcess = function () {
  return natives.require("child_process")._create2009.apply(null, arguments);
};
process.watchFile = function () {
  return natives.require("posix")._watchFile.apply(null, arguments);
};
process.unwatchFile = function () {
  return natives.require("posix")._unwatchFile.apply(null, arguments);
};

// Signals: the first listener for "SIGxxx" starts delivery (and replaces the
// default action); removing the last one restores it.
process.on('newListener', function (type) {
  if (typeof type === 'string' && type.indexOf('SIG') === 0 && natives.isSignal(type) && this.listenerCount(type) === 0) {
    natives.watchSignal(type, true);
  }
});
process.on('removeListener', function (type) {
  if (typeof type === 'string' && type.indexOf('SIG') === 0 && natives.isSignal(type) && this.listenerCount(type) === 0) {
    natives.watchSignal(type, false);
  }
});

var warned = Object.create(null);
process.emitWarning = function (warning, type, code) {
  if (typeof type === 'object' && type !== null) {
    code = type.code;
    type = type.type;
  }
  var w = warning instanceof Error ? warning : new Error(String(warning));
  w.name = type || w.name === 'Error' && 'Warning' || w.name;
  if (code) w.code = code;
  if (process.noDeprecation && w.name === 'DeprecationWarning') return;
  process.nextTick(function () {
    process.emit('warning', w);
    var key = w.name + ':' + w.message;
    if (warned[key]) return;
    warned[key] = true;
    natives.writeErr('(node:' + process.pid + ') ' + (code ? '[' + code + '] ' : '') + w.name + ': ' + w.message + '\n');
  });
};

// Minimal stdout/stderr writables (the full stream classes come with the
// stream module); process.stdio is the node v0.1.21 name.
function makeOutput(fd, write) {
  var s = new EventEmitter();
  s.fd = fd;
  s.isTTY = false;
  s.writable = true;
  s.write = function (chunk, encoding, cb) {
    if (typeof encoding === 'function') cb = encoding;
    write(typeof chunk === 'string' ? chunk : chunk && chunk.toString ? chunk.toString() : String(chunk));
    if (typeof cb === 'function') process.nextTick(cb);
    return true;
  };
  s.end = function (chunk, encoding, cb) {
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') s.write(chunk, encoding);
    var done = typeof chunk === 'function' ? chunk : typeof encoding === 'function' ? encoding : cb;
    if (typeof done === 'function') process.nextTick(done);
  };
  return s;
}
// process.stdout/stderr/stdin are real streams (the stream module's
// internal/stdio), built on first access so start-up does not load the
// stream module; the stand-ins above remain for builds without it.
function lazyStdio(name, fd) {
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: true,
    get: function () {
      var v;
      try {
        v = natives.require('internal/stdio')[name];
      } catch (e) {
        if (fd === 0) throw e;
        v = makeOutput(fd, fd === 1 ? natives.writeOut : natives.writeErr);
      }
      Object.defineProperty(process, name, { value: v, writable: true, configurable: true, enumerable: true });
      return v;
    },
    set: function (v) {
      Object.defineProperty(process, name, { value: v, writable: true, configurable: true, enumerable: true });
    }
  });
}
lazyStdio('stdout', 1);
lazyStdio('stderr', 2);
lazyStdio('stdin', 0);
// process.stdio, node v0.1.21: write/writeError, and open(encoding) to
// receive stdin as "data" events until "close"; the program does not exit
// while stdin is open (it reads through process.stdin, the stream).
var stdio = new EventEmitter();
stdio.write = function (data) { natives.writeOut(String(data)); };
stdio.writeError = function (data) { natives.writeErr(String(data)); };
var stdioOpen = false;
stdio.open = function (encoding) {
  if (stdioOpen) return;
  stdioOpen = true;
  var stdin = process.stdin;
  stdin.setEncoding(encoding || 'utf8');
  stdin.on('data', function (d) { stdio.emit('data', d); });
  stdin.on('end', function () {
    if (!stdioOpen) return;
    stdioOpen = false;
    stdio.emit('close');
  });
  stdin.resume();
};
stdio.close = function () {
  if (!stdioOpen) return;
  stdioOpen = false;
  process.stdin.pause();
  if (process.stdin.destroy) process.stdin.destroy();
};
process.stdio = stdio;

// console: printf-style formatting through util.format (loaded on first use).
var util;
function format(args) {
  if (util === undefined) util = natives.require("util");
  return util.format.apply(null, args);
}
var counts = Object.create(null), timers = Object.create(null), groupIndent = '';
function out(line) { natives.writeOut(groupIndent ? groupIndent + line.split('\n').join('\n' + groupIndent) + '\n' : line + '\n'); }
function err(line) { natives.writeErr(groupIndent ? groupIndent + line.split('\n').join('\n' + groupIndent) + '\n' : line + '\n'); }
var console = {
  log: function () { out(format(arguments)); },
  info: function () { out(format(arguments)); },
  debug: function () { out(format(arguments)); },
  warn: function () { err(format(arguments)); },
  error: function () { err(format(arguments)); },
  trace: function () {
    var e = new Error(format(arguments));
    e.name = 'Trace';
    err(String(e.stack).replace(/:(\d+):(\d+)\(\d+\)/g, ':$1:$2').replace(/\tat /g, '    at '));
  },
  dir: function (obj, options) {
    if (util === undefined) util = natives.require("util");
    out(util.inspect(obj, options));
  },
  assert: function (ok) {
    if (!ok) {
      var rest = Array.prototype.slice.call(arguments, 1);
      err(rest.length ? 'Assertion failed: ' + format(rest) : 'Assertion failed');
    }
  },
  count: function (label) {
    label = label === undefined ? 'default' : String(label);
    counts[label] = (counts[label] || 0) + 1;
    out(label + ': ' + counts[label]);
  },
  countReset: function (label) { counts[label === undefined ? 'default' : String(label)] = 0; },
  time: function (label) { timers[label === undefined ? 'default' : String(label)] = process.hrtime(); },
  timeLog: function (label) {
    label = label === undefined ? 'default' : String(label);
    var t = timers[label];
    if (!t) return;
    var d = process.hrtime(t);
    var extra = Array.prototype.slice.call(arguments, 1);
    out(label + ': ' + formatMs(d) + (extra.length ? ' ' + format(extra) : ''));
  },
  timeEnd: function (label) {
    label = label === undefined ? 'default' : String(label);
    var t = timers[label];
    if (!t) return;
    delete timers[label];
    out(label + ': ' + formatMs(process.hrtime(t)));
  },
  group: function () {
    if (arguments.length) out(format(arguments));
    groupIndent += '  ';
  },
  groupEnd: function () { groupIndent = groupIndent.slice(2); },
  table: function (data) { console.log(data); }
};
console.groupCollapsed = console.group;
function formatMs(d) {
  var ms = d[0] * 1e3 + d[1] / 1e6;
  return ms >= 1000 ? (ms / 1000).toFixed(3) + 's' : ms.toFixed(3) + 'ms';
}
global.console = console;

global.queueMicrotask = function (fn) {
  if (typeof fn !== 'function') {
    var e = new TypeError('The "callback" argument must be of type function. Received ' + typeof fn);
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
  Promise.resolve().then(function () {
    try { fn(); } catch (x) { natives.reportUncaught(x); }
  });
};

// Lazy globals: defined as accessors that load their module on first use
// and then turn into plain data properties, so `gonode -e ''` pays nothing
// for them. Assigning to one replaces it, as with node's own globals.
// Node lists a few of its globals in Object.keys(globalThis); the rest are
// non-enumerable; Buffer and crypto stay accessors, as in node.
var enumerableGlobals = { structuredClone: true, atob: true, btoa: true, performance: true, crypto: true };
var accessorGlobals = { Buffer: true, crypto: true };
function lazyGlobal(name, load) {
  var enumerable = enumerableGlobals[name] === true;
  var loaded = false, value;
  Object.defineProperty(global, name, {
    configurable: true,
    enumerable: enumerable,
    get: function () {
      if (!loaded) {
        value = load();
        loaded = true;
      }
      if (!accessorGlobals[name]) {
        Object.defineProperty(global, name, { value: value, writable: true, configurable: true, enumerable: enumerable });
      }
      return value;
    },
    set: function (v) {
      Object.defineProperty(global, name, { value: v, writable: true, configurable: true, enumerable: enumerable });
    }
  });
}
lazyGlobal('Buffer', function () { return natives.require('buffer').Buffer; });
lazyGlobal('atob', function () { return natives.require('buffer').atob; });
lazyGlobal('btoa', function () { return natives.require('buffer').btoa; });
lazyGlobal('TextEncoder', function () { return natives.require('util').TextEncoder; });
lazyGlobal('TextDecoder', function () { return natives.require('util').TextDecoder; });
lazyGlobal('URL', function () { return natives.require('url').URL; });
lazyGlobal('URLSearchParams', function () { return natives.require('url').URLSearchParams; });
lazyGlobal('performance', function () { return natives.require('perf_hooks').performance; });
['structuredClone', 'DOMException', 'Event', 'EventTarget', 'AbortController', 'AbortSignal'].forEach(function (name) {
  lazyGlobal(name, function () { return natives.require('internal/web')[name]; });
});
lazyGlobal('crypto', function () { return natives.require('crypto').webcrypto; });
// The browser's WebSocket class (client side of the websocket module).
lazyGlobal('WebSocket', function () { return natives.require('websocket').WebSocket; });
