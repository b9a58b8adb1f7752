// perf_hooks: the User Timing parts of node's performance API.
'use strict';

var now = binding.now;

function PerformanceEntry() { throw new TypeError('Illegal constructor'); }
function makeEntry(proto, name, type, start, duration, detail) {
  var e = Object.create(proto);
  Object.defineProperty(e, '_name', { value: name });
  Object.defineProperty(e, '_type', { value: type });
  Object.defineProperty(e, '_start', { value: start });
  Object.defineProperty(e, '_duration', { value: duration });
  Object.defineProperty(e, '_detail', { value: detail === undefined ? null : detail });
  return e;
}
['name:_name', 'entryType:_type', 'startTime:_start', 'duration:_duration', 'detail:_detail'].forEach(function (p) {
  var kv = p.split(':');
  Object.defineProperty(PerformanceEntry.prototype, kv[0], { get: function () { return this[kv[1]]; }, enumerable: true, configurable: true });
});
PerformanceEntry.prototype.toJSON = function () {
  return { name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration, detail: this.detail };
};

function PerformanceMark(name, options) {
  if (!(this instanceof PerformanceMark)) throw new TypeError("Class constructor PerformanceMark cannot be invoked without 'new'");
  options = options || {};
  var start = options.startTime !== undefined ? options.startTime : now();
  return makeEntry(PerformanceMark.prototype, String(name), 'mark', start, 0, options.detail);
}
PerformanceMark.prototype = Object.create(PerformanceEntry.prototype, { constructor: { value: PerformanceMark, configurable: true, writable: true } });
function PerformanceMeasure() { throw new TypeError('Illegal constructor'); }
PerformanceMeasure.prototype = Object.create(PerformanceEntry.prototype, { constructor: { value: PerformanceMeasure, configurable: true, writable: true } });

var entries = [];
var observers = [];

function notify(entry) {
  observers.forEach(function (o) {
    if (o._types.indexOf(entry.entryType) !== -1) {
      o._buffer.push(entry);
      if (!o._scheduled) {
        o._scheduled = true;
        setImmediate(function () {
          o._scheduled = false;
          var list = new PerformanceObserverEntryList(o._buffer.splice(0));
          o._callback(list, o);
        });
      }
    }
  });
}

function markTime(name) {
  if (name === undefined) return undefined;
  if (typeof name === 'number') return name;
  for (var i = entries.length - 1; i >= 0; i--) {
    if (entries[i].entryType === 'mark' && entries[i].name === name) return entries[i].startTime;
  }
  var msg = 'The "' + name + '" performance mark has not been set';
  if (typeof DOMException === 'function') throw new DOMException(msg, 'SyntaxError');
  var e = new SyntaxError(msg);
  e.code = 12;
  throw e;
}

function Performance() { throw new TypeError('Illegal constructor'); }
var performance = Object.create(Performance.prototype);
Performance.prototype.now = function () { return now(); };
Object.defineProperty(Performance.prototype, 'timeOrigin', { get: function () { return binding.timeOrigin; }, enumerable: true, configurable: true });
Performance.prototype.mark = function mark(name, options) {
  var m = new PerformanceMark(name, options);
  entries.push(m);
  notify(m);
  return m;
};
Performance.prototype.measure = function measure(name, startOrOptions, endMark) {
  var start, end, detail;
  if (startOrOptions !== null && typeof startOrOptions === 'object') {
    start = markTime(startOrOptions.start);
    end = startOrOptions.end !== undefined ? markTime(startOrOptions.end) : startOrOptions.duration !== undefined && start !== undefined ? start + startOrOptions.duration : undefined;
    if (start === undefined && end !== undefined && startOrOptions.duration !== undefined) start = end - startOrOptions.duration;
    detail = startOrOptions.detail;
  } else {
    start = markTime(startOrOptions);
    end = markTime(endMark);
  }
  if (start === undefined) start = 0;
  if (end === undefined) end = now();
  var m = makeEntry(PerformanceMeasure.prototype, String(name), 'measure', start, end - start, detail);
  entries.push(m);
  notify(m);
  return m;
};
Performance.prototype.getEntries = function () { return entries.slice(); };
Performance.prototype.getEntriesByName = function (name, type) {
  return entries.filter(function (e) { return e.name === name && (type === undefined || e.entryType === type); });
};
Performance.prototype.getEntriesByType = function (type) {
  return entries.filter(function (e) { return e.entryType === type; });
};
Performance.prototype.clearMarks = function (name) {
  entries = entries.filter(function (e) { return !(e.entryType === 'mark' && (name === undefined || e.name === name)); });
};
Performance.prototype.clearMeasures = function (name) {
  entries = entries.filter(function (e) { return !(e.entryType === 'measure' && (name === undefined || e.name === name)); });
};
Performance.prototype.clearResourceTimings = function () {};
Performance.prototype.setResourceTimingBufferSize = function () {};
Performance.prototype.eventLoopUtilization = function () { return { idle: 0, active: 0, utilization: 0 }; };
Performance.prototype.timerify = function (fn) {
  var self = this;
  return function timerified() {
    var start = now();
    var r = new.target ? Reflect.construct(fn, arguments, new.target) : fn.apply(this, arguments);
    var e = makeEntry(PerformanceEntry.prototype, fn.name, 'function', start, now() - start);
    notify(e);
    void self;
    return r;
  };
};
Object.defineProperty(Performance.prototype, 'nodeTiming', {
  get: function () { return { name: 'node', entryType: 'node', startTime: 0, duration: now() }; }, enumerable: true, configurable: true
});
Performance.prototype.toJSON = function () {
  return { nodeTiming: this.nodeTiming, timeOrigin: this.timeOrigin, eventLoopUtilization: this.eventLoopUtilization() };
};
Object.defineProperty(Performance.prototype, Symbol.toStringTag, { value: 'Performance', configurable: true });

function PerformanceResourceTiming() { throw new TypeError('Illegal constructor'); }
PerformanceResourceTiming.prototype = Object.create(PerformanceEntry.prototype, { constructor: { value: PerformanceResourceTiming, configurable: true, writable: true } });

function PerformanceObserverEntryList(list) { this._list = list; }
PerformanceObserverEntryList.prototype.getEntries = function () { return this._list.slice(); };
PerformanceObserverEntryList.prototype.getEntriesByName = function (name, type) {
  return this._list.filter(function (e) { return e.name === name && (type === undefined || e.entryType === type); });
};
PerformanceObserverEntryList.prototype.getEntriesByType = function (type) {
  return this._list.filter(function (e) { return e.entryType === type; });
};

function PerformanceObserver(callback) {
  if (!(this instanceof PerformanceObserver)) throw new TypeError("Class constructor PerformanceObserver cannot be invoked without 'new'");
  if (typeof callback !== 'function') {
    var e = new TypeError('The "callback" argument must be of type function. Received ' + require('util').inspect(callback));
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
  this._callback = callback;
  this._types = [];
  this._buffer = [];
  this._scheduled = false;
}
PerformanceObserver.prototype.observe = function observe(options) {
  options = options || {};
  this._types = options.entryTypes ? options.entryTypes.slice() : options.type ? [options.type] : [];
  if (observers.indexOf(this) === -1) observers.push(this);
};
PerformanceObserver.prototype.disconnect = function disconnect() {
  var i = observers.indexOf(this);
  if (i !== -1) observers.splice(i, 1);
};
PerformanceObserver.prototype.takeRecords = function takeRecords() { return this._buffer.splice(0); };
PerformanceObserver.supportedEntryTypes = ['dns', 'function', 'gc', 'http', 'http2', 'mark', 'measure', 'net', 'resource'];

function createHistogram() {
  var values = [];
  var h = {
    record: function (v) { values.push(Number(v)); },
    recordDelta: function () {},
    reset: function () { values = []; },
    percentile: function (p) {
      if (values.length === 0) return 0;
      var sorted = values.slice().sort(function (a, b) { return a - b; });
      return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
    }
  };
  ['min', 'max', 'mean', 'stddev', 'count'].forEach(function (k) {
    Object.defineProperty(h, k, {
      get: function () {
        if (k === 'count') return values.length;
        if (values.length === 0) return k === 'min' ? 9223372036854776000 : k === 'max' ? 0 : NaN;
        if (k === 'min') return Math.min.apply(null, values);
        if (k === 'max') return Math.max.apply(null, values);
        var mean = values.reduce(function (a, b) { return a + b; }, 0) / values.length;
        if (k === 'mean') return mean;
        return Math.sqrt(values.reduce(function (a, b) { return a + (b - mean) * (b - mean); }, 0) / values.length);
      },
      enumerable: true
    });
  });
  return h;
}

function monitorEventLoopDelay() {
  var h = createHistogram();
  h.enable = function () { return true; };
  h.disable = function () { return true; };
  return h;
}

module.exports = {
  Performance: Performance,
  PerformanceEntry: PerformanceEntry,
  PerformanceMark: PerformanceMark,
  PerformanceMeasure: PerformanceMeasure,
  PerformanceObserver: PerformanceObserver,
  PerformanceObserverEntryList: PerformanceObserverEntryList,
  PerformanceResourceTiming: PerformanceResourceTiming,
  monitorEventLoopDelay: monitorEventLoopDelay,
  createHistogram: createHistogram,
  performance: performance,
  constants: { NODE_PERFORMANCE_GC_MAJOR: 4, NODE_PERFORMANCE_GC_MINOR: 1, NODE_PERFORMANCE_GC_INCREMENTAL: 8, NODE_PERFORMANCE_GC_WEAKCB: 16, NODE_PERFORMANCE_GC_FLAGS_NO: 0, NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2, NODE_PERFORMANCE_GC_FLAGS_FORCED: 4, NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8, NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16, NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32, NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64 }
};
