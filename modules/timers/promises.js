// timers/promises: promise forms of the timers. An AbortSignal (if the
// runtime has AbortController) cancels the wait with node's AbortError;
// {ref: false} unrefs the timer so it does not keep the process alive.
'use strict';

function abortError(signal) {
  var e = new Error('The operation was aborted');
  e.name = 'AbortError';
  e.code = 'ABORT_ERR';
  if (signal && signal.reason !== undefined) e.cause = signal.reason;
  return e;
}

function argErr(name, type, v) {
  var r = v === null ? 'null' : typeof v === 'object' ? 'an instance of ' + ((v.constructor && v.constructor.name) || 'Object') : 'type ' + typeof v + ' (' + require('util').inspect(v) + ')';
  var e = new TypeError('The "' + name + '" argument must be of type ' + type + '. Received ' + r);
  e.code = 'ERR_INVALID_ARG_TYPE';
  return e;
}

function checkOptions(options) {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object') throw argErr('options', 'object', options);
  if (options.signal !== undefined && (options.signal === null || typeof options.signal !== 'object' || !('aborted' in options.signal))) {
    throw argErr('options.signal', 'AbortSignal', options.signal);
  }
  if (options.ref !== undefined && typeof options.ref !== 'boolean') throw argErr('options.ref', 'boolean', options.ref);
  return options;
}

function wait(schedule, clear, value, options) {
  var signal;
  try {
    options = checkOptions(options);
    signal = options.signal;
  } catch (e) {
    return Promise.reject(e);
  }
  if (signal && signal.aborted) return Promise.reject(abortError(signal));
  return new Promise(function (resolve, reject) {
    var onAbort;
    var handle = schedule(function () {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve(value);
    });
    if (options.ref === false && handle && typeof handle.unref === 'function') handle.unref();
    if (signal) {
      onAbort = function () {
        clear(handle);
        reject(abortError(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
}

function setTimeoutP(delay, value, options) {
  return wait(function (cb) { return setTimeout(cb, delay); }, clearTimeout, value, options);
}

function setImmediateP(value, options) {
  return wait(function (cb) { return setImmediate(cb); }, clearImmediate, value, options);
}

// setInterval returns an async iterator yielding value every delay ms;
// ticks that arrive while nobody is waiting are counted, not lost.
function setIntervalP(delay, value, options) {
  options = checkOptions(options);
  var signal = options.signal;
  var pending = 0, waiter = null, done = false, handle = null;
  function finish() {
    done = true;
    if (handle !== null) clearInterval(handle);
    handle = null;
    if (signal && onAbort) signal.removeEventListener('abort', onAbort);
  }
  var onAbort = null;
  function start() {
    if (handle !== null || done) return;
    handle = setInterval(function () {
      pending++;
      if (waiter) { var w = waiter; waiter = null; pending--; w.resolve({ value: value, done: false }); }
    }, delay);
    if (options.ref === false && typeof handle.unref === 'function') handle.unref();
    if (signal) {
      onAbort = function () {
        finish();
        if (waiter) { var w = waiter; waiter = null; w.reject(abortError(signal)); }
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  }
  var it = {
    next: function () {
      if (signal && signal.aborted) { finish(); return Promise.reject(abortError(signal)); }
      if (done) return Promise.resolve({ value: undefined, done: true });
      start();
      if (pending > 0) { pending--; return Promise.resolve({ value: value, done: false }); }
      return new Promise(function (resolve, reject) { waiter = { resolve: resolve, reject: reject }; });
    },
    return: function () {
      finish();
      if (waiter) { var w = waiter; waiter = null; w.resolve({ value: undefined, done: true }); }
      return Promise.resolve({ value: undefined, done: true });
    }
  };
  it[Symbol.asyncIterator] = function () { return this; };
  return it;
}

exports.setTimeout = setTimeoutP;
exports.setImmediate = setImmediateP;
exports.setInterval = setIntervalP;
exports.scheduler = {
  wait: function wait(delay, options) { return setTimeoutP(delay, undefined, options); },
  yield: function yield_() { return setImmediateP(); }
};
