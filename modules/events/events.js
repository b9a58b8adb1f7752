// events: EventEmitter and the 2009 process.Promise.
//
// EventEmitter keeps node v0.1.21's observable rules (addListener ignores a
// non-function and returns this, "newListener" fires before the listener is
// added, listeners(type) returns the live array, listeners run with
// this = the emitter) and adds today's names (on, once, off, prepend...,
// removeAllListeners, listenerCount, setMaxListeners, "error" that throws
// when nobody listens).
//
// _events[type] is as in node: the listener itself while it is the only
// one, an array from the second on. Why: an array is a whole goja object
// (about 600 bytes with its property map), and most emitters have one
// listener per event: a server socket's 'data' and 'error' listeners cost
// 1.2 KB as arrays. listeners(type), whose live array v0.1.21 promised
// ("this array can be manipulated"), turns a single listener into an array
// in place and returns it; an array, once made, stays one (even emptied),
// so an array handed out stays live.
'use strict';

var defaultMaxListeners = 10;

function EventEmitter(opts) {
  EventEmitter.init.call(this, opts);
}

EventEmitter.init = function () {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    this._events = Object.create(null);
    this._eventsCount = 0;
  }
  this._maxListeners = this._maxListeners || undefined;
};

Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
  enumerable: true,
  get: function () { return defaultMaxListeners; },
  set: function (n) {
    if (typeof n !== 'number' || n < 0 || n !== n) {
      throw new RangeError('The value of "defaultMaxListeners" is out of range. It must be a non-negative number. Received ' + n);
    }
    defaultMaxListeners = n;
  }
});

EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;

function checkListener(listener) {
  if (typeof listener !== 'function') {
    var err = new TypeError('The "listener" argument must be of type function. Received ' +
      (listener === null ? 'null' : typeof listener === 'object' ? 'an instance of ' + ((listener.constructor && listener.constructor.name) || 'Object') : 'type ' + typeof listener + ' (' + String(listener) + ')'));
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
}

EventEmitter.prototype.setMaxListeners = function (n) {
  if (typeof n !== 'number' || n < 0 || n !== n) {
    var err = new RangeError('The value of "n" is out of range. It must be a non-negative number. Received ' + n);
    err.code = 'ERR_OUT_OF_RANGE';
    throw err;
  }
  this._maxListeners = n;
  return this;
};

EventEmitter.prototype.getMaxListeners = function () {
  return this._maxListeners === undefined ? defaultMaxListeners : this._maxListeners;
};

// emit takes its arguments as a rest parameter: in goja, a function that
// mentions `arguments` builds an arguments object on every call (0.8 us
// measured, more than the rest of a one-listener emit), a rest array costs
// a third of that. Every I/O event goes through here.
EventEmitter.prototype.emit = function (type, ...args) {
  var events = this._events;
  var handlers = events !== undefined ? events[type] : undefined;
  // The single listener, stored as itself or (after listeners()) as a
  // one-element array, is called here directly: a helper function would
  // add a JS call to every emit.
  var h;
  if (typeof handlers === 'function') {
    h = handlers;
  } else if (handlers === undefined || handlers.length === 0) {
    if (type === 'error') {
      var er = args[0];
      if (er instanceof Error) throw er;
      var err = new Error('Unhandled error.' + (er === undefined ? '' : ' (' + describeValue(er) + ')'));
      err.code = 'ERR_UNHANDLED_ERROR';
      err.context = er;
      throw err;
    }
    return false;
  } else if (handlers.length === 1) {
    h = handlers[0];
  }
  if (h !== undefined) {
    switch (args.length) {
      case 0: h.call(this); break;
      case 1: h.call(this, args[0]); break;
      case 2: h.call(this, args[0], args[1]); break;
      case 3: h.call(this, args[0], args[1], args[2]); break;
      default: h.apply(this, args);
    }
    return true;
  }
  var list = handlers.slice();
  for (var i = 0; i < list.length; i++) {
    list[i].apply(this, args);
  }
  return true;
};

// listening: has list (an _events entry) any listener?
function listening(list) {
  return list !== undefined && (typeof list === 'function' || list.length > 0);
}

function describeValue(v) {
  if (typeof v === 'string') return "'" + v + "'";
  try { return JSON.stringify(v); } catch (e) { return String(v); }
}

function addListener(target, type, listener, prepend) {
  var events = target._events;
  if (events === undefined) {
    events = target._events = Object.create(null);
    target._eventsCount = 0;
  } else if (listening(events.newListener)) {
    target.emit('newListener', type, listener.listener ? listener.listener : listener);
    events = target._events;
  }
  var list = events[type];
  if (list === undefined) {
    // The common case, a first listener: stored as itself (see the top).
    events[type] = listener;
    target._eventsCount++;
    return target;
  }
  if (typeof list === 'function') {
    list = events[type] = prepend ? [listener, list] : [list, listener];
  } else if (prepend) {
    list.unshift(listener);
  } else {
    list.push(listener);
  }
  // The limit is read from _maxListeners, not through getMaxListeners(),
  // as node does (an override of the method does not change it); goja: a
  // method call per listener added was a tenth of addListener's time.
  var m = target._maxListeners;
  if (m === undefined) m = defaultMaxListeners;
  if (m > 0 && list.length > m && !list.warned) {
    list.warned = true;
    var name = (target.constructor && target.constructor.name) || 'EventEmitter';
    var msg = 'Possible EventEmitter memory leak detected. ' + list.length + ' ' + String(type) +
      ' listeners added to [' + name + ']. MaxListeners is ' + m + '. Use emitter.setMaxListeners() to increase limit';
    if (typeof process !== 'undefined' && process.emitWarning) {
      process.emitWarning(msg, 'MaxListenersExceededWarning');
    }
  }
  return target;
}

// The 2009 name: a non-function is ignored, as node v0.1.21 did.
EventEmitter.prototype.addListener = function (type, listener) {
  if (typeof listener !== 'function') return this;
  return addListener(this, type, listener, false);
};

EventEmitter.prototype.on = function (type, listener) {
  if (typeof listener !== 'function') checkListener(listener);
  return addListener(this, type, listener, false);
};

EventEmitter.prototype.prependListener = function (type, listener) {
  checkListener(listener);
  return addListener(this, type, listener, true);
};

// The wrapper keeps its state in its closure (no state object) and takes
// a rest parameter: goja builds an arguments object for every call of a
// function that mentions arguments (~1 us), a rest array is a third.
function onceWrapper(target, type, listener) {
  var fired = false;
  var wrapped = function (...args) {
    if (fired) return;
    fired = true;
    target.removeListener(type, wrapped);
    return listener.apply(target, args);
  };
  wrapped.listener = listener;
  return wrapped;
}

EventEmitter.prototype.once = function (type, listener) {
  checkListener(listener);
  // Through this.on, as node does, so subclasses that act on new listeners
  // (Readable's 'readable'/'data') see once() listeners too.
  return this.on(type, onceWrapper(this, type, listener));
};

EventEmitter.prototype.prependOnceListener = function (type, listener) {
  checkListener(listener);
  return this.prependListener(type, onceWrapper(this, type, listener));
};

EventEmitter.prototype.removeListener = function (type, listener) {
  var events = this._events;
  if (events === undefined) return this;
  var list = events[type];
  if (list === undefined) return this;
  if (typeof list === 'function') {
    if (list === listener || list.listener === listener) {
      delete events[type];
      this._eventsCount--;
      if (listening(events.removeListener)) this.emit('removeListener', type, list.listener || list);
    }
    return this;
  }
  for (var i = list.length - 1; i >= 0; i--) {
    if (list[i] === listener || list[i].listener === listener) {
      var removed = list[i];
      // An emptied array stays: someone may hold it from listeners().
      list.splice(i, 1);
      if (listening(events.removeListener)) this.emit('removeListener', type, removed.listener || removed);
      break;
    }
  }
  return this;
};

EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners = function (type) {
  var events = this._events;
  if (events === undefined) return this;
  var hasRemoveListeners = listening(events.removeListener);
  if (arguments.length === 0) {
    if (hasRemoveListeners) {
      var keys = Object.keys(events);
      for (var k = 0; k < keys.length; k++) {
        if (keys[k] !== 'removeListener') this.removeAllListeners(keys[k]);
      }
      this.removeAllListeners('removeListener');
    }
    this._events = Object.create(null);
    this._eventsCount = 0;
    return this;
  }
  var list = events[type];
  if (list === undefined) return this;
  if (hasRemoveListeners && type !== 'removeListener') {
    if (typeof list === 'function') {
      this.removeListener(type, list);
    } else {
      for (var i = list.length - 1; i >= 0; i--) this.removeListener(type, list[i]);
    }
    if (events[type] === undefined) return this; // the last removal deleted it
  }
  delete events[type];
  this._eventsCount--;
  return this;
};

// listeners returns the live array (node v0.1.21: "This array can be
// manipulated, e.g. to remove listeners"); once-wrappers show through as
// the wrapper, as they did then.
EventEmitter.prototype.listeners = function (type) {
  var events = this._events;
  if (events === undefined) events = this._events = Object.create(null);
  var list = events[type];
  if (list === undefined) {
    list = events[type] = [];
    this._eventsCount++;
  } else if (typeof list === 'function') {
    list = events[type] = [list];
  }
  return list;
};

EventEmitter.prototype.rawListeners = function (type) {
  var list = this._events && this._events[type];
  if (typeof list === 'function') return [list];
  return list ? list.slice() : [];
};

EventEmitter.prototype.listenerCount = function (type) {
  var list = this._events && this._events[type];
  if (list === undefined) return 0;
  return typeof list === 'function' ? 1 : list.length;
};

EventEmitter.listenerCount = function (emitter, type) {
  return emitter.listenerCount(type);
};

EventEmitter.prototype.eventNames = function () {
  var events = this._events;
  if (!events) return [];
  var names = [];
  var keys = Reflect.ownKeys(events);
  for (var i = 0; i < keys.length; i++) {
    var l = events[keys[i]];
    if (l && (typeof l === 'function' || l.length > 0)) names.push(keys[i]);
  }
  return names;
};

// events.once(emitter, name): a native Promise of the next emission.
EventEmitter.once = function (emitter, name) {
  return new Promise(function (resolve, reject) {
    var onError;
    var handler = function () {
      if (onError) emitter.removeListener('error', onError);
      resolve(Array.prototype.slice.call(arguments));
    };
    if (name !== 'error') {
      onError = function (err) {
        emitter.removeListener(name, handler);
        reject(err);
      };
      emitter.once('error', onError);
    }
    emitter.once(name, handler);
  });
};

EventEmitter.errorMonitor = Symbol('events.errorMonitor');
EventEmitter.captureRejections = false;

// ---------------------------------------------------------------------------
// process.Promise, node v0.1.21: an EventEmitter that emits "success" or
// "error" (at most once, never both) or is cancelled.
//
// Beyond the 2009 manual: a callback or errback added after the promise
// fired runs at once with the stored values (node 0.1.27 made late callbacks
// fire), and a promise is a thenable, so `await posix.stat(f)` works. An
// error nobody listens for is kept (wait() and late errbacks still see it)
// rather than thrown: 2009 scripts often ignore the errback of an unlink.

var runUntil = binding && binding.runUntil;

function Promise2009() {
  EventEmitter.call(this);
  this.hasFired = false;
  this._values = undefined;
  this._cancelled = false;
  this._timer = null;
  this._timeoutMs = undefined;
}
Promise2009.prototype = Object.create(EventEmitter.prototype, {
  constructor: { value: Promise2009, writable: true, configurable: true }
});

function settle(p, kind, args) {
  if (p.hasFired || p._cancelled) return false;
  p.hasFired = kind;
  p._values = args;
  if (p._timer !== null) {
    clearTimeout(p._timer);
    p._timer = null;
  }
  if (!listening(p._events && p._events[kind])) return false;
  return EventEmitter.prototype.emit.apply(p, [kind].concat(args));
}

Promise2009.prototype.emit = function (type) {
  if (type === 'success' || type === 'error') {
    return settle(this, type, Array.prototype.slice.call(arguments, 1));
  }
  return EventEmitter.prototype.emit.apply(this, arguments);
};

Promise2009.prototype.emitSuccess = function () {
  settle(this, 'success', Array.prototype.slice.call(arguments));
};

Promise2009.prototype.emitError = function () {
  settle(this, 'error', Array.prototype.slice.call(arguments));
};

Promise2009.prototype.emitCancel = function () {
  var args = Array.prototype.slice.call(arguments);
  EventEmitter.prototype.emit.apply(this, ['cancel'].concat(args));
};

function addLate(p, kind, listener) {
  if (typeof listener !== 'function') return p;
  if (p.hasFired === kind) {
    listener.apply(p, p._values);
    return p;
  }
  if (p.hasFired || p._cancelled) return p;
  EventEmitter.prototype.addListener.call(p, kind, listener);
  return p;
}

Promise2009.prototype.addCallback = function (listener) { return addLate(this, 'success', listener); };
Promise2009.prototype.addErrback = function (listener) { return addLate(this, 'error', listener); };
Promise2009.prototype.addCancelback = function (listener) {
  return EventEmitter.prototype.addListener.call(this, 'cancel', listener);
};

Promise2009.prototype.cancel = function () {
  if (this._cancelled) return;
  this._cancelled = true;
  if (this._events) {
    delete this._events.success;
    delete this._events.error;
  }
  if (this._timer !== null) {
    clearTimeout(this._timer);
    this._timer = null;
  }
  this.emitCancel();
};

Promise2009.prototype.timeout = function (ms) {
  if (arguments.length === 0) return this._timeoutMs;
  this._timeoutMs = ms;
  if (this._timer !== null) clearTimeout(this._timer);
  this._timer = null;
  if (this.hasFired || this._cancelled || ms === undefined) return this;
  var self = this;
  this._timer = setTimeout(function () {
    self._timer = null;
    self.emitError(new Error('timeout'));
  }, ms);
  return this;
};

Promise2009.prototype.wait = function () {
  var self = this;
  if (!this.hasFired && !this._cancelled) {
    runUntil(function () { return self.hasFired !== false || self._cancelled; });
  }
  var v = this._values;
  if (this.hasFired === 'success') {
    return v.length === 0 ? undefined : v.length === 1 ? v[0] : v;
  }
  if (this.hasFired === 'error') {
    throw v.length > 0 && v[0] !== undefined ? v[0] : new Error('promise failed');
  }
  if (this._cancelled) throw new Error('promise.wait(): the promise was cancelled');
  throw new Error('promise.wait(): nothing is left that could settle this promise');
};

// then: lets `await` and native promise chains consume a 2009 promise.
Promise2009.prototype.then = function (onSuccess, onError) {
  var self = this;
  return new Promise(function (resolve, reject) {
    self.addCallback(function () {
      resolve(arguments.length > 1 ? Array.prototype.slice.call(arguments) : arguments[0]);
    });
    self.addErrback(function (e) { reject(e); });
  }).then(onSuccess, onError);
};

module.exports = EventEmitter;
EventEmitter.EventEmitter = EventEmitter;
EventEmitter.Promise = Promise2009;

// ---------------------------------------------------------------------------
// Today's static helpers (node's events module functions beyond the class).

function abortError(signal) {
  var e = new Error('The operation was aborted');
  e.name = 'AbortError';
  e.code = 'ABORT_ERR';
  if (signal && signal.reason !== undefined) e.cause = signal.reason;
  return e;
}

// events.on(emitter, name[, {signal}]): an async iterator of emissions'
// argument arrays; an 'error' emission rejects the pending next().
EventEmitter.on = function on(emitter, event, options) {
  var signal = options && options.signal;
  if (signal && signal.aborted) throw abortError(signal);
  var unconsumed = [], waiting = [], error = null, finished = false;
  function onEvent() {
    var args = Array.prototype.slice.call(arguments);
    var w = waiting.shift();
    if (w) w.resolve({ value: args, done: false });
    else unconsumed.push(args);
  }
  function onError(err) {
    finished = true;
    var w = waiting.shift();
    if (w) w.reject(err);
    else error = err;
    it.return();
  }
  function onAbort() { onError(abortError(signal)); }
  emitter.on(event, onEvent);
  if (event !== 'error') emitter.on('error', onError);
  if (signal) signal.addEventListener('abort', onAbort, { once: true });
  var it = {
    next: function () {
      var v = unconsumed.shift();
      if (v) return Promise.resolve({ value: v, done: false });
      if (error) { var p = Promise.reject(error); error = null; return p; }
      if (finished) return Promise.resolve({ value: undefined, done: true });
      return new Promise(function (resolve, reject) { waiting.push({ resolve: resolve, reject: reject }); });
    },
    return: function () {
      emitter.removeListener(event, onEvent);
      emitter.removeListener('error', onError);
      if (signal) signal.removeEventListener('abort', onAbort);
      finished = true;
      while (waiting.length) waiting.shift().resolve({ value: undefined, done: true });
      return Promise.resolve({ value: undefined, done: true });
    },
    throw: function (err) {
      error = err;
      emitter.removeListener(event, onEvent);
      emitter.removeListener('error', onError);
      return Promise.reject(err);
    }
  };
  it[Symbol.asyncIterator] = function () { return this; };
  return it;
};

// getEventListeners works for emitters and EventTargets (node's does too).
EventEmitter.getEventListeners = function getEventListeners(target, name) {
  if (typeof target.listeners === 'function') return target.listeners(name);
  if (typeof target._gonodeListeners === 'function') return target._gonodeListeners(name);
  return [];
};

EventEmitter.setMaxListeners = function setMaxListeners(n) {
  if (typeof n !== 'number' || n < 0 || n !== n) {
    var e = new RangeError('The value of "n" is out of range. It must be a non-negative number. Received ' + n);
    e.code = 'ERR_OUT_OF_RANGE';
    throw e;
  }
  if (arguments.length <= 1) {
    EventEmitter.defaultMaxListeners = n;
    return;
  }
  for (var i = 1; i < arguments.length; i++) {
    var t = arguments[i];
    if (t && typeof t.setMaxListeners === 'function') t.setMaxListeners(n);
  }
};

EventEmitter.getMaxListeners = function getMaxListeners(emitter) {
  if (emitter && typeof emitter.getMaxListeners === 'function') return emitter.getMaxListeners();
  return EventEmitter.defaultMaxListeners;
};

EventEmitter.captureRejectionSymbol = Symbol.for('nodejs.rejection');
EventEmitter.usingDomains = false;

// addAbortListener(signal, listener): listen once for 'abort'; returns a
// disposable that removes the listener.
EventEmitter.addAbortListener = function addAbortListener(signal, listener) {
  if (signal === undefined || signal === null || typeof signal.addEventListener !== 'function') {
    var e = new TypeError('The "signal" argument must be an instance of AbortSignal.');
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
  if (typeof listener !== 'function') {
    var e2 = new TypeError('The "listener" argument must be of type function.');
    e2.code = 'ERR_INVALID_ARG_TYPE';
    throw e2;
  }
  var removed = false;
  if (signal.aborted) queueMicrotask(function () { listener(); });
  else signal.addEventListener('abort', listener, { once: true });
  var d = {};
  var dispose = function () {
    if (removed) return;
    removed = true;
    signal.removeEventListener('abort', listener);
  };
  if (typeof Symbol.dispose === 'symbol') d[Symbol.dispose] = dispose;
  d.dispose = dispose;
  return d;
};
