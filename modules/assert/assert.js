// assert: node's assertion module. Messages follow node v20's shapes
// (the "+ actual - expected" line diff for strict comparisons, the quoted
// expression for a failed ok()), since scripts and test runners print them.
'use strict';

var util = require('util');
var inspect = util.inspect;
var deepEqual = util._deepEqual;

var readable = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values have same structure but are not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:'
};

function inspectValue(v) {
  return inspect(v, {
    compact: false, customInspect: false, depth: 1000, maxArrayLength: Infinity,
    showHidden: false, showProxy: false, sorted: true, getters: true
  });
}

function isObjectLike(v) { return (typeof v === 'object' && v !== null) || typeof v === 'function'; }

// lineDiff renders the "+ actual - expected" comparison of two inspected
// values: common trailing lines are folded, runs of identical lines are
// shortened, diverging lines are grouped as +++ then ---.
// A custom message replaces the header line (except for the "same
// structure" case, as in node).
function lineDiff(actual, expected, operator, custom) {
  var aText = inspectValue(actual);
  var aLines = aText.split('\n');
  var eLines = inspectValue(expected).split('\n');
  var indicator = '';
  var pos = 0;
  if (operator === 'strictEqual' && ((typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null) ||
      (typeof actual === 'function' && typeof expected === 'function'))) {
    operator = 'strictEqualObject';
  }
  if (aLines.length === 1 && eLines.length === 1 && aLines[0] !== eLines[0]) {
    var total = aLines[0].length + eLines[0].length;
    if (total <= 12) {
      if (!isObjectLikeOrNull(actual) && !isObjectLikeOrNull(expected) && (actual !== 0 || expected !== 0)) {
        return (custom !== undefined ? custom : readable[operator]) + '\n\n' + aLines[0] + ' !== ' + eLines[0] + '\n';
      }
    } else if (operator !== 'strictEqualObject') {
      var width = process.stderr && process.stderr.isTTY ? process.stderr.columns : 80;
      if (total < width) {
        while (aLines[0][pos] === eLines[0][pos]) pos++;
        if (pos > 2) {
          indicator = '\n  ' + ' '.repeat(pos) + '^';
          pos = 0;
        }
      }
    }
  }
  // Fold the common tail: up to three lines are kept as context.
  var tail = '', folded = '';
  var count = pos;
  while (aLines.length > 0 && eLines.length > 0 && aLines[aLines.length - 1] === eLines[eLines.length - 1]) {
    var line = aLines.pop();
    eLines.pop();
    if (count++ < 3) tail = '\n  ' + line + tail;
    else folded = line;
  }
  var longest = Math.max(aLines.length, eLines.length);
  if (longest === 0) {
    var all = aText.split('\n');
    if (all.length > 50) {
      all[46] = '...';
      all.length = 47;
    }
    return readable.notIdentical + '\n\n' + all.join('\n') + '\n';
  }
  var skipped = false;
  if (count >= 5) {
    tail = '\n...' + tail;
    skipped = true;
  }
  if (folded !== '') tail = '\n  ' + folded + tail;

  var out = '', pending = '', printed = 0, same = 0;
  var longer = aLines, sign = '+', shortLen = eLines.length;
  if (aLines.length < longest) { longer = eLines; sign = '-'; shortLen = aLines.length; }
  function flushSame(lines, i) {
    if (same > 2) {
      if (same > 3) {
        if (same > 4) {
          if (same === 5) { out += '\n  ' + lines[i - 3]; printed++; }
          else { out += '\n...'; skipped = true; }
        }
        out += '\n  ' + lines[i - 2];
        printed++;
      }
      out += '\n  ' + lines[i - 1];
      printed++;
    }
    same = 0;
  }
  var head = (custom !== undefined ? custom : readable[operator]) + '\n+ actual - expected';
  for (var i = 0; i < longest; i++) {
    if (i >= shortLen) {
      flushSame(longer, i);
      if (longer === aLines) out += '\n' + sign + ' ' + longer[i];
      else pending += '\n' + sign + ' ' + longer[i];
      printed++;
    } else {
      var e = eLines[i], a = aLines[i];
      var differ = a !== e && (a.slice(-1) !== ',' || a.slice(0, -1) !== e);
      if (differ && e.slice(-1) === ',' && e.slice(0, -1) === a) { differ = false; a += ','; }
      if (differ) {
        flushSame(aLines, i);
        out += '\n+ ' + a;
        pending += '\n- ' + e;
        printed += 2;
      } else {
        out += pending;
        pending = '';
        same++;
        if (same <= 2) { out += '\n  ' + a; printed++; }
      }
    }
    if (printed > 50 && i < longest - 2) {
      return head + ' ... Lines skipped\n' + out + '\n...' + pending + '\n...';
    }
  }
  return head + (skipped ? ' ... Lines skipped' : '') + '\n' + out + pending + tail + indicator;
}

function isObjectLikeOrNull(v) { return typeof v === 'object' && v !== null; }

function AssertionError(options) {
  if (!(this instanceof AssertionError)) return new AssertionError(options);
  if (options === null || typeof options !== 'object') {
    var te = new TypeError('The "options" argument must be of type object. Received ' + inspect(options));
    te.code = 'ERR_INVALID_ARG_TYPE';
    throw te;
  }
  var message = options.message, actual = options.actual, expected = options.expected, operator = options.operator;
  var msg;
  if (message != null && !(options.diff && (operator === 'deepStrictEqual' || operator === 'strictEqual'))) {
    msg = String(message);
  } else if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
    msg = lineDiff(actual, expected, operator, message == null ? undefined : String(message));
  } else if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
    var base = readable[operator];
    var lines = inspectValue(actual).split('\n');
    if (operator === 'notStrictEqual' && isObjectLike(actual)) base = readable.notStrictEqualObject;
    if (lines.length > 50) { lines[46] = '...'; lines.length = 47; }
    msg = lines.length === 1 ? base + (lines[0].length > 5 ? '\n\n' : ' ') + lines[0] : base + '\n\n' + lines.join('\n') + '\n';
  } else {
    var res = inspectValue(actual), other = inspectValue(expected);
    var known = readable[operator];
    if (operator === 'notDeepEqual' && res === other) {
      res = known + '\n\n' + res;
      if (res.length > 1024) res = res.slice(0, 1021) + '...';
      msg = res;
    } else {
      if (res.length > 512) res = res.slice(0, 509) + '...';
      if (other.length > 512) other = other.slice(0, 509) + '...';
      if (operator === 'deepEqual') res = known + '\n\n' + res + '\n\nshould loosely deep-equal\n\n';
      else if (readable[operator + 'Unequal']) res = readable[operator + 'Unequal'] + '\n\n' + res + '\n\nshould not loosely deep-equal\n\n';
      else other = ' ' + operator + ' ' + other;
      msg = res + other;
    }
  }
  var err = new Error(msg);
  Object.setPrototypeOf(err, AssertionError.prototype);
  // The stack's first line reads "AssertionError [ERR_ASSERTION]: ..." in
  // node; the name property itself stays "AssertionError".
  if (typeof err.stack === 'string') {
    var nl = err.stack.indexOf('\n');
    var frames = nl === -1 ? '' : err.stack.slice(nl);
    Object.defineProperty(err, 'stack', { value: 'AssertionError [ERR_ASSERTION]: ' + msg + frames, writable: true, configurable: true });
  }
  err.generatedMessage = message == null;
  Object.defineProperty(err, 'code', { value: 'ERR_ASSERTION', enumerable: true, writable: true, configurable: true });
  err.actual = actual;
  err.expected = expected;
  err.operator = operator;
  return err;
}
AssertionError.prototype = Object.create(Error.prototype, {
  constructor: { value: AssertionError, writable: true, configurable: true },
  name: { value: 'AssertionError', writable: true, configurable: true }
});
AssertionError.prototype.toString = function () { return this.name + ' [' + this.code + ']: ' + this.message; };

function innerFail(obj) {
  if (obj.message instanceof Error) throw obj.message;
  throw new AssertionError(obj);
}

function argType(name, type, v) {
  var r;
  if (v === null) r = 'null';
  else if (v === undefined) r = 'undefined';
  else if (typeof v === 'function') r = 'function ' + v.name;
  else if (typeof v === 'object') r = v.constructor && v.constructor.name ? 'an instance of ' + v.constructor.name : inspect(v, { depth: -1 });
  else {
    var s = inspect(v, { colors: false });
    if (s.length > 28) s = s.slice(0, 25) + '...';
    r = 'type ' + typeof v + ' (' + s + ')';
  }
  var e = new TypeError('The "' + name + '" argument must be ' + type + '. Received ' + r);
  e.code = 'ERR_INVALID_ARG_TYPE';
  return e;
}

// ---- ok() and its source-quoting message ------------------------------------

var sourceCache = Object.create(null);

// callSite finds the file, line and column (of the call's "(") of the
// caller of assert's public function, from a fresh stack.
function callSite() {
  var stack = new Error().stack || '';
  var lines = stack.split('\n');
  for (var i = 1; i < lines.length; i++) {
    var l = lines[i];
    if (l.indexOf('node:assert') !== -1) continue;
    var m = /\(?([^\s()]+):(\d+):(\d+)(?:\(\d+\))?\)?\s*$/.exec(l);
    if (!m) continue;
    if (m[1].indexOf('node:') === 0) return null;
    return { file: m[1], line: +m[2], column: +m[3] };
  }
  return null;
}

function expressionAt(site) {
  var src = sourceCache[site.file];
  if (src === undefined) {
    src = binding.readSource(site.file);
    sourceCache[site.file] = src === undefined ? null : src;
  }
  if (!src) return null;
  var lines = src.split('\n');
  if (site.line - 1 >= lines.length) return null;
  var off = 0;
  for (var i = 0; i < site.line - 1; i++) off += lines[i].length + 1;
  var p = off + site.column - 1;
  if (src[p] !== '(') {
    var q = src.indexOf('(', p);
    if (q === -1) return null;
    p = q;
  }
  // Back over the callee (identifiers, dots, whitespace between them).
  var start = p;
  while (start > off && /[\w$.\s]/.test(src[start - 1])) start--;
  while (/\s/.test(src[start])) start++;
  // Forward to the matching ")".
  var depth = 0, end = -1, quote = null;
  for (var k = p; k < src.length; k++) {
    var c = src[k];
    if (quote) {
      if (c === '\\') { k++; continue; }
      if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') { quote = c; continue; }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) { end = k + 1; break; }
    }
  }
  if (end === -1) return null;
  var code = src.slice(start, end);
  var column = start - off;
  if (code.indexOf('\n') !== -1) {
    var parts = code.split('\n');
    code = parts.shift();
    for (var j = 0; j < parts.length; j++) {
      var f = parts[j], n = 0;
      while (n < column && (f[n] === ' ' || f[n] === '\t')) n++;
      code += '\n  ' + f.slice(n);
    }
  }
  return code;
}

function innerOk(fn, argLen, value, message) {
  if (value) return;
  var generated = false;
  if (argLen === 0) {
    generated = true;
    message = 'No value argument passed to `assert.ok()`';
  } else if (message == null) {
    generated = true;
    var site = callSite();
    var code = site ? expressionAt(site) : null;
    message = code === null ? 'The expression evaluated to a falsy value:\n\n  assert.ok(' + inspect(value) + ')\n'
      : 'The expression evaluated to a falsy value:\n\n  ' + code + '\n';
  } else if (message instanceof Error) {
    throw message;
  }
  var err = new AssertionError({ actual: value, expected: true, message: message, operator: '==' });
  err.generatedMessage = generated;
  throw err;
}

function ok() { innerOk(ok, arguments.length, arguments[0], arguments[1]); }
var assert = function assert() { innerOk(assert, arguments.length, arguments[0], arguments[1]); };
module.exports = assert;
assert.ok = ok;
assert.AssertionError = AssertionError;

function needArgs(n, args, names) {
  if (args.length < n) {
    var e = new TypeError('The "' + names + '" argument' + (names.indexOf('" and "') !== -1 ? 's' : '') + ' must be specified');
    e.code = 'ERR_MISSING_ARGS';
    throw e;
  }
}

assert.fail = function fail(actual, expected, message, operator, stackStartFn) {
  var argsLen = arguments.length;
  var internalMessage = false;
  if (actual == null && argsLen <= 1) {
    internalMessage = true;
    message = 'Failed';
  } else if (argsLen === 1) {
    message = actual;
    actual = undefined;
  } else {
    if (argsLen === 2) operator = '!=';
  }
  if (message instanceof Error) throw message;
  var opts = { actual: actual, expected: expected, operator: operator === undefined ? 'fail' : operator, message: message };
  var err = new AssertionError(opts);
  if (internalMessage) err.generatedMessage = true;
  throw err;
};

assert.equal = function equal(actual, expected, message) {
  needArgs(2, arguments, 'actual" and "expected');
  if (actual != expected && (actual === actual || expected === expected)) {
    innerFail({ actual: actual, expected: expected, message: message, operator: '==' });
  }
};
assert.notEqual = function notEqual(actual, expected, message) {
  needArgs(2, arguments, 'actual" and "expected');
  if (actual == expected || (actual !== actual && expected !== expected)) {
    innerFail({ actual: actual, expected: expected, message: message, operator: '!=' });
  }
};
assert.deepEqual = function deepEqual_(actual, expected, message) {
  needArgs(2, arguments, 'actual" and "expected');
  if (!deepEqual(actual, expected, false)) innerFail({ actual: actual, expected: expected, message: message, operator: 'deepEqual' });
};
assert.notDeepEqual = function notDeepEqual(actual, expected, message) {
  needArgs(2, arguments, 'actual" and "expected');
  if (deepEqual(actual, expected, false)) innerFail({ actual: actual, expected: expected, message: message, operator: 'notDeepEqual' });
};
assert.deepStrictEqual = function deepStrictEqual(actual, expected, message) {
  needArgs(2, arguments, 'actual" and "expected');
  if (!deepEqual(actual, expected, true)) innerFail({ actual: actual, expected: expected, message: message, operator: 'deepStrictEqual', diff: true });
};
assert.notDeepStrictEqual = function notDeepStrictEqual(actual, expected, message) {
  needArgs(2, arguments, 'actual" and "expected');
  if (deepEqual(actual, expected, true)) innerFail({ actual: actual, expected: expected, message: message, operator: 'notDeepStrictEqual' });
};
assert.strictEqual = function strictEqual(actual, expected, message) {
  needArgs(2, arguments, 'actual" and "expected');
  if (!Object.is(actual, expected)) innerFail({ actual: actual, expected: expected, message: message, operator: 'strictEqual', diff: true });
};
assert.notStrictEqual = function notStrictEqual(actual, expected, message) {
  needArgs(2, arguments, 'actual" and "expected');
  if (Object.is(actual, expected)) innerFail({ actual: actual, expected: expected, message: message, operator: 'notStrictEqual' });
};

// ---- throws / rejects ---------------------------------------------------------

var NO_EXCEPTION = {};

function getActual(fn) {
  if (typeof fn !== 'function') throw argType('fn', 'of type function', fn);
  try { fn(); } catch (e) { return e; }
  return NO_EXCEPTION;
}

function isPromiseLike(v) { return v !== null && typeof v === 'object' && typeof v.then === 'function' && typeof v.catch === 'function'; }

function waitActual(promiseFn) {
  return Promise.resolve().then(function () {
    var p;
    if (typeof promiseFn === 'function') {
      p = promiseFn();
      if (!isPromiseLike(p)) {
        var e = new TypeError('Expected instance of Promise to be returned from the "promiseFn" function but got ' + (p === null ? 'null' : typeof p === 'object' ? 'an instance of ' + (p.constructor && p.constructor.name) : 'type ' + typeof p + ' (' + inspect(p) + ')') + '.');
        e.code = 'ERR_INVALID_RETURN_VALUE';
        throw e;
      }
    } else if (isPromiseLike(promiseFn)) {
      p = promiseFn;
    } else {
      throw argType('promiseFn', 'of type function or an instance of Promise', promiseFn);
    }
    return p.then(function () { return NO_EXCEPTION; }, function (e) { return e; });
  });
}

function Comparison(obj, keys, actual) {
  for (var i = 0; i < keys.length; i++) {
    var k = keys[i];
    if (k in obj) {
      if (actual !== undefined && typeof actual[k] === 'string' && obj[k] instanceof RegExp && obj[k].exec(actual[k]) !== null) this[k] = actual[k];
      else this[k] = obj[k];
    }
  }
}

function compareKey(actual, expected, key, message, keys, fn) {
  if (!(key in actual) || !deepEqual(actual[key], expected[key], true)) {
    if (!message) {
      var a = new Comparison(actual, keys);
      var b = new Comparison(expected, keys, actual);
      var err = new AssertionError({ actual: a, expected: b, operator: 'deepStrictEqual' });
      err.actual = actual;
      err.expected = expected;
      err.operator = fn.name;
      throw err;
    }
    innerFail({ actual: actual, expected: expected, message: message, operator: fn.name });
  }
}

function expectedException(actual, expected, message, fn) {
  var generated = false;
  var fail = false;
  if (typeof expected !== 'function') {
    if (expected instanceof RegExp) {
      var str = String(actual);
      if (expected.exec(str) !== null) return;
      if (!message) {
        generated = true;
        message = 'The input did not match the regular expression ' + inspect(expected) + '. Input:\n\n' + inspect(str) + '\n';
      }
      fail = true;
    } else if (typeof actual !== 'object' || actual === null) {
      var e0 = new AssertionError({ actual: actual, expected: expected, message: message, operator: 'deepStrictEqual' });
      e0.operator = fn.name;
      throw e0;
    } else {
      var keys = Object.keys(expected);
      if (expected instanceof Error) keys.push('name', 'message');
      else if (keys.length === 0) {
        var ie = new TypeError("The argument 'error' may not be an empty object. Received {}");
        ie.code = 'ERR_INVALID_ARG_VALUE';
        throw ie;
      }
      for (var i = 0; i < keys.length; i++) {
        var k = keys[i];
        if (typeof actual[k] === 'string' && expected[k] instanceof RegExp && expected[k].exec(actual[k]) !== null) continue;
        compareKey(actual, expected, k, message, keys, fn);
      }
      return;
    }
  } else if (expected.prototype !== undefined && actual instanceof expected) {
    return;
  } else if (Error.isPrototypeOf(expected) || expected === Error) {
    if (actual instanceof Error) {
      var ae = new AssertionError({
        actual: actual, expected: expected, operator: fn.name,
        message: message || 'The error is expected to be an instance of "' + expected.name + '". Received "' + (actual.constructor && actual.constructor.name) + '"\n\nError message:\n\n' + actual.message
      });
      ae.generatedMessage = !message;
      throw ae;
    }
    var other = new AssertionError({
      actual: actual, expected: expected, operator: fn.name,
      message: message || 'The error is expected to be an instance of "' + expected.name + '". Received ' + inspect(actual, { depth: -1 })
    });
    other.generatedMessage = !message;
    throw other;
  } else {
    var res = expected.call({}, actual);
    if (res !== true) {
      if (!message) {
        generated = true;
        var nm = expected.name ? '"' + expected.name + '" ' : '';
        message = 'The ' + nm + 'validation function is expected to return "true". Received ' + inspect(res);
        if (actual instanceof Error) message += '\n\nCaught error:\n\n' + actual;
      }
      fail = true;
    }
  }
  if (fail) {
    var err = new AssertionError({ actual: actual, expected: expected, message: message, operator: fn.name });
    err.generatedMessage = generated;
    throw err;
  }
}

function checkExpected(expected, message, actual) {
  if (typeof expected === 'string') {
    if (arguments.length === 3) {
      var e = argType('error', 'of type function or an instance of Error, RegExp, or Object', expected);
      throw e;
    }
    return { expected: undefined, message: expected };
  }
  if (expected !== undefined && typeof expected !== 'function' && (typeof expected !== 'object' || expected === null)) {
    throw argType('error', 'of type function or an instance of Error, RegExp, or Object', expected);
  }
  return { expected: expected, message: message };
}

function expectsError(fn, actual, error, message) {
  if (typeof error === 'string') {
    if (message !== undefined) throw argType('error', 'of type function or an instance of Error, RegExp, or Object', error);
    if (typeof actual === 'object' && actual !== null) {
      if (actual.message === error) {
        var e = new TypeError('The "error/message" argument is ambiguous. The error message "' + actual.message + '" is identical to the message.');
        e.code = 'ERR_AMBIGUOUS_ARGUMENT';
        throw e;
      }
    } else if (actual === error) {
      var e2 = new TypeError('The "error/message" argument is ambiguous. The error "' + actual + '" is identical to the message.');
      e2.code = 'ERR_AMBIGUOUS_ARGUMENT';
      throw e2;
    }
    message = error;
    error = undefined;
  } else if (error != null && typeof error !== 'object' && typeof error !== 'function') {
    throw argType('error', 'of type function or an instance of Error, RegExp, or Object', error);
  }
  if (actual === NO_EXCEPTION) {
    var details = '';
    if (error && error.name) details += ' (' + error.name + ')';
    details += message ? ': ' + message : '.';
    var fnType = fn === assert.rejects ? 'rejection' : 'exception';
    innerFail({ actual: undefined, expected: error, operator: fn.name, message: 'Missing expected ' + fnType + details });
  }
  if (!error) return;
  expectedException(actual, error, message, fn);
}

function hasMatchingError(actual, expected) {
  if (typeof expected !== 'function') {
    if (expected instanceof RegExp) return expected.exec(String(actual)) !== null;
    throw argType('expected', 'of type function or an instance of RegExp', expected);
  }
  if (expected.prototype !== undefined && actual instanceof expected) return true;
  if (Error.isPrototypeOf(expected)) return false;
  return expected.call({}, actual) === true;
}

function expectsNoError(fn, actual, error, message) {
  if (actual === NO_EXCEPTION) return;
  if (typeof error === 'string') { message = error; error = undefined; }
  if (!error || hasMatchingError(actual, error)) {
    var details = message ? ': ' + message : '.';
    var fnType = fn === assert.doesNotReject ? 'rejection' : 'exception';
    innerFail({
      actual: actual, expected: error, operator: fn.name,
      message: 'Got unwanted ' + fnType + details + '\nActual message: "' + (actual && actual.message) + '"'
    });
  }
  throw actual;
}

assert.throws = function throws(fn) {
  var rest = Array.prototype.slice.call(arguments, 1);
  expectsError(throws, getActual(fn), rest[0], rest[1]);
};
assert.rejects = function rejects(promiseFn) {
  var rest = Array.prototype.slice.call(arguments, 1);
  return waitActual(promiseFn).then(function (actual) { expectsError(rejects, actual, rest[0], rest[1]); });
};
assert.doesNotThrow = function doesNotThrow(fn) {
  var rest = Array.prototype.slice.call(arguments, 1);
  expectsNoError(doesNotThrow, getActual(fn), rest[0], rest[1]);
};
assert.doesNotReject = function doesNotReject(fn) {
  var rest = Array.prototype.slice.call(arguments, 1);
  return waitActual(fn).then(function (actual) { expectsNoError(doesNotReject, actual, rest[0], rest[1]); });
};

assert.ifError = function ifError(err) {
  if (err === null || err === undefined) return;
  var message = 'ifError got unwanted exception: ';
  if (typeof err === 'object' && typeof err.message === 'string') {
    if (err.message.length === 0 && err.constructor) message += err.constructor.name;
    else message += err.message;
  } else {
    message += inspect(err);
  }
  var ne = new AssertionError({ actual: err, expected: null, operator: 'ifError', message: message });
  throw ne;
};

function internalMatch(string, regexp, message, fn) {
  if (!(regexp instanceof RegExp)) throw argType('regexp', 'an instance of RegExp', regexp);
  var match = fn === assert.match;
  if (typeof string !== 'string' || (regexp.exec(string) !== null) !== match) {
    if (message instanceof Error) throw message;
    var generated = !message;
    message = message || (typeof string !== 'string'
      ? 'The "string" argument must be of type string. Received type ' + typeof string + ' (' + inspect(string) + ')'
      : (match ? 'The input did not match the regular expression ' : 'The input was expected to not match the regular expression ') +
        inspect(regexp) + '. Input:\n\n' + inspect(string) + '\n');
    var err = new AssertionError({ actual: string, expected: regexp, message: message, operator: fn.name });
    err.generatedMessage = generated;
    throw err;
  }
}
assert.match = function match(string, regexp, message) { internalMatch(string, regexp, message, match); };
assert.doesNotMatch = function doesNotMatch(string, regexp, message) { internalMatch(string, regexp, message, doesNotMatch); };

// assert.strict: the same module where the loose comparisons are the strict
// ones.
var strict = function strict() { innerOk(strict, arguments.length, arguments[0], arguments[1]); };
Object.keys(assert).forEach(function (k) { strict[k] = assert[k]; });
strict.equal = assert.strictEqual;
strict.deepEqual = assert.deepStrictEqual;
strict.notEqual = assert.notStrictEqual;
strict.notDeepEqual = assert.notDeepStrictEqual;
strict.strict = strict;
assert.strict = strict;
