// console: the global console, completed with node's Console class (a
// console over any pair of streams) and the few methods the core console
// lacks (clear, dirxml, profile, profileEnd, timeStamp, context, createTask).
'use strict';

var util = require('util');
var g = globalThis.console;

function Console(stdout, stderr, ignoreErrors) {
  if (!(this instanceof Console)) return new Console(stdout, stderr, ignoreErrors);
  var opts = stdout;
  if (!opts || typeof opts.write === 'function') opts = { stdout: stdout, stderr: stderr, ignoreErrors: ignoreErrors };
  if (!opts.stdout || typeof opts.stdout.write !== 'function') {
    var e = new TypeError('The "stdout" argument must be an instance of Stream. Received ' + util.inspect(opts.stdout));
    e.code = 'ERR_CONSOLE_WRITABLE_STREAM';
    throw e;
  }
  var out = opts.stdout, err = opts.stderr || opts.stdout;
  var inspectOptions = opts.inspectOptions || {};
  var indentStep = opts.groupIndentation === undefined ? 2 : opts.groupIndentation;
  var indent = '';
  var counts = new Map();
  var timers = new Map();
  var self = this;
  function write(stream, args) {
    var s = util.formatWithOptions.apply(null, [inspectOptions].concat(Array.prototype.slice.call(args)));
    if (indent) s = indent + s.split('\n').join('\n' + indent);
    try { stream.write(s + '\n'); } catch (e) { if (opts.ignoreErrors === false) throw e; }
  }
  // Methods are own, bound properties, as node's Console instances have.
  var methods = {
    log: function () { write(out, arguments); },
    info: function () { write(out, arguments); },
    debug: function () { write(out, arguments); },
    dirxml: function () { write(out, arguments); },
    warn: function () { write(err, arguments); },
    error: function () { write(err, arguments); },
    trace: function () {
      var e = { name: 'Trace', message: util.format.apply(null, arguments) };
      Error.captureStackTrace ? Error.captureStackTrace(e, methods.trace) : (e.stack = new Error().stack);
      write(err, [String(e.stack || '').replace(/^Error/, 'Trace: ' + e.message)]);
    },
    dir: function (obj, options) {
      write(out, [util.inspect(obj, Object.assign({ customInspect: false }, inspectOptions, options))]);
    },
    assert: function (ok) {
      if (ok) return;
      var rest = Array.prototype.slice.call(arguments, 1);
      if (typeof rest[0] === 'string') rest[0] = 'Assertion failed: ' + rest[0];
      else rest.unshift('Assertion failed');
      write(err, rest);
    },
    count: function (label) {
      label = label === undefined ? 'default' : String(label);
      var n = (counts.get(label) || 0) + 1;
      counts.set(label, n);
      write(out, [label + ': ' + n]);
    },
    countReset: function (label) {
      label = label === undefined ? 'default' : String(label);
      if (!counts.has(label)) { process.emitWarning("Count for '" + label + "' does not exist"); return; }
      counts.delete(label);
    },
    time: function (label) {
      label = label === undefined ? 'default' : String(label);
      if (timers.has(label)) { process.emitWarning("Label '" + label + "' already exists for console.time()"); return; }
      timers.set(label, process.hrtime.bigint());
    },
    timeLog: function (label) {
      label = label === undefined ? 'default' : String(label);
      var t = timers.get(label);
      if (t === undefined) { process.emitWarning("No such label '" + label + "' for console.timeLog()"); return; }
      write(out, [label + ': ' + fmtDuration(t)].concat(Array.prototype.slice.call(arguments, 1)));
    },
    timeEnd: function (label) {
      label = label === undefined ? 'default' : String(label);
      var t = timers.get(label);
      if (t === undefined) { process.emitWarning("No such label '" + label + "' for console.timeEnd()"); return; }
      timers.delete(label);
      write(out, [label + ': ' + fmtDuration(t)]);
    },
    group: function () {
      if (arguments.length > 0) write(out, arguments);
      indent += ' '.repeat(indentStep);
    },
    groupCollapsed: function () { methods.group.apply(null, arguments); },
    groupEnd: function () { indent = indent.slice(0, Math.max(0, indent.length - indentStep)); },
    table: function (data) { write(out, [data]); },
    clear: function () {}
  };
  Object.keys(methods).forEach(function (k) {
    Object.defineProperty(self, k, { value: methods[k], writable: true, enumerable: true, configurable: true });
  });
}

function fmtDuration(start) {
  var ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (ms >= 1000) return (ms / 1000).toFixed(3) + 's';
  return ms.toFixed(3) + 'ms';
}

// Inspector-only methods: no-ops, on the prototype as in node.
Console.prototype.profile = function () {};
Console.prototype.profileEnd = function () {};
Console.prototype.timeStamp = function () {};

if (g && g.Console === undefined) {
  Object.defineProperty(g, 'Console', { value: Console, writable: true, enumerable: true, configurable: true });
}
['clear', 'profile', 'profileEnd', 'timeStamp'].forEach(function (k) {
  if (g && typeof g[k] !== 'function') Object.defineProperty(g, k, { value: function () {}, writable: true, enumerable: true, configurable: true });
});
if (g && typeof g.dirxml !== 'function') {
  Object.defineProperty(g, 'dirxml', { value: function () { g.log.apply(g, arguments); }, writable: true, enumerable: true, configurable: true });
}
if (g && typeof g.context !== 'function') {
  Object.defineProperty(g, 'context', { value: function () { return new Console(process.stdout, process.stderr); }, writable: true, enumerable: true, configurable: true });
}
if (g && typeof g.createTask !== 'function') {
  Object.defineProperty(g, 'createTask', { value: function () { return { run: function (f) { return f(); } }; }, writable: true, enumerable: true, configurable: true });
}

module.exports = g;
