// util: today's node formatting helpers. format() is what console.log uses;
// inspect() follows node's current output shape (single quotes, `{ a: 1 }`,
// `[Function: f]`, `<ref *1>` / `[Circular *1]`, line breaking at 80 columns
// for objects nested up to 3 levels).
'use strict';

var hasOwn = Object.prototype.hasOwnProperty;
var toStr = Object.prototype.toString;

function isError(v) {
  return v instanceof Error || toStr.call(v) === '[object Error]';
}

function format() {
  return formatWithOptions.apply(null, [{}].concat(Array.prototype.slice.call(arguments)));
}

function formatWithOptions(opts) {
  var args = Array.prototype.slice.call(arguments, 1);
  var first = args[0];
  var a = 0, str = '';
  if (typeof first === 'string') {
    if (args.length === 1) return first;
    a = 1;
    var last = 0;
    for (var i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) !== 37) continue; // '%'
      var c = first[i + 1];
      if (a >= args.length && c !== '%') continue;
      var rep;
      switch (c) {
        case 's': {
          var v = args[a++];
          if (typeof v === 'bigint') rep = v + 'n';
          else if (typeof v === 'number') rep = Object.is(v, -0) ? '-0' : String(v);
          else if (typeof v === 'object' && v !== null) rep = inspect(v, { depth: 0, colors: false, compact: 3 });
          else if (typeof v === 'symbol') rep = v.toString();
          else rep = String(v);
          break;
        }
        case 'j':
          try { rep = JSON.stringify(args[a++]); } catch (e) { rep = '[Circular]'; }
          if (rep === undefined) rep = 'undefined';
          break;
        case 'd': {
          var n = args[a++];
          if (typeof n === 'bigint') rep = n + 'n';
          else if (typeof n === 'symbol') rep = 'NaN';
          else if (typeof n === 'object' && n !== null) rep = String(Number(n));
          else rep = Object.is(Number(n), -0) ? '-0' : String(Number(n));
          break;
        }
        case 'i': {
          var m = args[a++];
          if (typeof m === 'bigint') rep = m + 'n';
          else if (typeof m === 'symbol') rep = 'NaN';
          else rep = String(parseInt(m));
          break;
        }
        case 'f': {
          var f = args[a++];
          rep = typeof f === 'symbol' ? 'NaN' : String(parseFloat(f));
          break;
        }
        case 'o': rep = inspect(args[a++], { showHidden: true, showProxy: true, depth: 4 }); break;
        case 'O': rep = inspect(args[a++], opts); break;
        case 'c': a++; rep = ''; break;
        case '%': str += first.slice(last, i) + '%'; last = i + 2; i++; continue;
        default: continue;
      }
      str += first.slice(last, i) + rep;
      last = i + 2;
      i++;
    }
    str += first.slice(last);
  }
  for (; a < args.length; a++) {
    var x = args[a];
    if (str.length > 0 || (a > 0)) str += ' ';
    str += typeof x === 'string' ? x : inspect(x, opts);
  }
  return str;
}

// ---- inspect -------------------------------------------------------------

var defaultOptions = {
  showHidden: false, depth: 2, colors: false, customInspect: true,
  showProxy: false, maxArrayLength: 100, maxStringLength: 10000,
  breakLength: 80, compact: 3, sorted: false, getters: false
};
var customSymbol = Symbol.for('nodejs.util.inspect.custom');

function inspect(value, opts) {
  var ctx = {};
  for (var k in defaultOptions) ctx[k] = defaultOptions[k];
  if (typeof opts === 'boolean') {
    ctx.showHidden = opts;
    if (arguments.length > 2 && arguments[2] !== undefined) ctx.depth = arguments[2];
  } else if (opts && typeof opts === 'object') {
    for (var o in opts) ctx[o] = opts[o];
  }
  if (ctx.depth === null) ctx.depth = Infinity;
  ctx.seen = [];
  ctx.circular = null;
  ctx.indentationLvl = 0;
  ctx.currentDepth = 0;
  return formatValue(ctx, value, 0, true);
}
inspect.custom = customSymbol;
inspect.defaultOptions = defaultOptions;

function quote(s) {
  var q = "'";
  if (s.indexOf("'") !== -1) {
    if (s.indexOf('"') === -1) q = '"';
    else if (s.indexOf('`') === -1 && s.indexOf('${') === -1) q = '`';
  }
  var out = '';
  for (var i = 0; i < s.length; i++) {
    var c = s[i], code = s.charCodeAt(i);
    if (c === q || c === '\\') out += '\\' + c;
    else if (c === '\n') out += '\\n';
    else if (c === '\t') out += '\\t';
    else if (c === '\r') out += '\\r';
    else if (c === '\b') out += '\\b';
    else if (c === '\f') out += '\\f';
    else if (c === '\v') out += '\\v';
    else if (code < 0x20 || code === 0x7f) out += '\\x' + (code < 16 ? '0' : '') + code.toString(16).toUpperCase();
    else out += c;
  }
  return q + out + q;
}

function formatPrimitive(ctx, v) {
  switch (typeof v) {
    case 'string': {
      var trailer = '';
      if (v.length > ctx.maxStringLength) {
        trailer = '... ' + (v.length - ctx.maxStringLength) + ' more character' + (v.length - ctx.maxStringLength > 1 ? 's' : '');
        v = v.slice(0, ctx.maxStringLength);
      }
      return quote(v) + trailer;
    }
    case 'number': return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint': return v + 'n';
    case 'boolean': return String(v);
    case 'undefined': return 'undefined';
    case 'symbol': return v.toString();
  }
  return String(v);
}

var identRe = /^[a-zA-Z_$][a-zA-Z_$0-9]*$/;
function formatKey(k) {
  if (typeof k === 'symbol') return '[' + k.toString() + ']';
  return identRe.test(k) ? k : quote(k);
}

function getConstructorName(obj) {
  var o = obj;
  while (o !== null && o !== undefined) {
    var d = Object.getOwnPropertyDescriptor(o, 'constructor');
    if (d && typeof d.value === 'function' && d.value.name !== '') return d.value.name;
    o = Object.getPrototypeOf(o);
  }
  return null;
}

function functionBase(fn, ctor) {
  var src = Function.prototype.toString.call(fn);
  if (src.slice(0, 5) === 'class' && /^class\s*[\s{A-Za-z_$]/.test(src)) {
    var n = fn.name ? 'class ' + fn.name : 'class (anonymous)';
    var sup = Object.getPrototypeOf(fn);
    if (sup && sup.name) n += ' extends ' + sup.name;
    return '[' + n + ']';
  }
  var type = 'Function';
  if (ctor === 'AsyncFunction') type = 'AsyncFunction';
  else if (ctor === 'GeneratorFunction') type = 'GeneratorFunction';
  else if (ctor === 'AsyncGeneratorFunction') type = 'AsyncGeneratorFunction';
  var base = '[' + type + (fn.name ? ': ' + fn.name : ' (anonymous)') + ']';
  if (ctor === null) base += ' [null prototype]';
  return base;
}

function cleanStack(s) {
  return String(s).replace(/:(\d+):(\d+)\(\d+\)/g, ':$1:$2').replace(/\tat /g, '    at ');
}

function formatValue(ctx, value, recurseTimes, typedArray) {
  if (typeof value !== 'object' && typeof value !== 'function') {
    return formatPrimitive(ctx, value);
  }
  if (value === null) return 'null';
  if (ctx.customInspect) {
    var custom = value[customSymbol];
    if (typeof custom === 'function' && custom !== inspect) {
      var depth = ctx.depth === Infinity ? Infinity : ctx.depth - recurseTimes;
      var r = custom.call(value, depth, Object.assign({}, ctx, { stylize: function (s) { return s; } }), inspect);
      if (r !== value) {
        return typeof r === 'string' ? r : formatValue(ctx, r, recurseTimes);
      }
    }
  }
  if (ctx.seen.indexOf(value) !== -1) {
    if (ctx.circular === null) ctx.circular = new Map();
    var idx = ctx.circular.get(value);
    if (idx === undefined) {
      idx = ctx.circular.size + 1;
      ctx.circular.set(value, idx);
    }
    return '[Circular *' + idx + ']';
  }
  return formatRaw(ctx, value, recurseTimes);
}

function formatRaw(ctx, value, recurseTimes) {
  var keys = ctx.showHidden ? Object.getOwnPropertyNames(value) : Object.keys(value);
  var symbols = Object.getOwnPropertySymbols(value).filter(function (s) {
    return ctx.showHidden || Object.prototype.propertyIsEnumerable.call(value, s);
  });
  var ctor = getConstructorName(value);
  var tag = value[Symbol.toStringTag];
  if (typeof tag !== 'string' || tag === ctor) tag = '';
  var braces, base = '', formatter = null, extrasArray = false, entries = null, noEntries = false;
  var prefix = function (fallback, size) {
    var p = ctor === null ? '[' + fallback + ': null prototype] ' : (ctor !== fallback || size !== undefined || tag ? ctor : '');
    if (ctor !== null) {
      if (size !== undefined) p = ctor + '(' + size + ')';
      if (tag) p += ' [' + tag + ']';
      if (p) p += ' ';
    }
    return p;
  };

  if (Array.isArray(value)) {
    keys = keys.filter(function (k) { return !(String(k >>> 0) === k && (k >>> 0) < value.length) && !(ctx.showHidden && k === 'length'); });
    var pre = ctor === 'Array' && !tag ? '' : prefix('Array', value.length);
    braces = [pre + '[', ']'];
    if (value.length === 0 && keys.length === 0 && symbols.length === 0) return braces[0] + ']';
    extrasArray = true;
    formatter = formatArray;
  } else if (value instanceof Set || toStr.call(value) === '[object Set]') {
    braces = [prefix('Set', value.size) + '{', '}'];
    formatter = function (ctx2, v, rt) {
      var out = [];
      ctx2.indentationLvl += 2;
      v.forEach(function (x) { out.push(formatValue(ctx2, x, rt)); });
      ctx2.indentationLvl -= 2;
      return out;
    };
    if (value.size === 0 && keys.length === 0) return braces[0] + '}';
  } else if (value instanceof Map || toStr.call(value) === '[object Map]') {
    braces = [prefix('Map', value.size) + '{', '}'];
    formatter = function (ctx2, v, rt) {
      var out = [];
      ctx2.indentationLvl += 2;
      v.forEach(function (val, k) { out.push(formatValue(ctx2, k, rt) + ' => ' + formatValue(ctx2, val, rt)); });
      ctx2.indentationLvl -= 2;
      return out;
    };
    if (value.size === 0 && keys.length === 0) return braces[0] + '}';
  } else if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    var tctor = ctor || 'TypedArray';
    braces = [(tctor === 'Buffer' ? '<Buffer' : tctor + '(' + value.length + ') ['), tctor === 'Buffer' ? '>' : ']'];
    if (tctor === 'Buffer') {
      var hex = [];
      for (var b = 0; b < Math.min(value.length, 50); b++) hex.push((value[b] < 16 ? '0' : '') + value[b].toString(16));
      var more = value.length - 50;
      return '<Buffer ' + hex.join(' ') + (more > 0 ? ' ... ' + more + ' more byte' + (more > 1 ? 's' : '') : '') + '>';
    }
    keys = keys.filter(function (k) { return !(String(k >>> 0) === k); });
    if (value.length === 0 && keys.length === 0) return braces[0] + ']';
    formatter = formatArray;
    extrasArray = true;
  } else {
    noEntries = true;
    if (typeof value === 'function') {
      base = functionBase(value, ctor);
      keys = keys.filter(function (k) { return k !== 'prototype' || ctx.showHidden; });
      if (keys.length === 0 && symbols.length === 0) return base;
      braces = ['{', '}'];
    } else if (value instanceof RegExp || toStr.call(value) === '[object RegExp]') {
      base = RegExp.prototype.toString.call(value);
      var rp = prefix('RegExp');
      if (rp !== 'RegExp ') base = rp + base;
      keys = keys.filter(function (k) { return k !== 'lastIndex'; });
      if (keys.length === 0 && symbols.length === 0) return base;
      braces = ['{', '}'];
    } else if (value instanceof Date || toStr.call(value) === '[object Date]') {
      base = isNaN(value.getTime()) ? 'Invalid Date' : Date.prototype.toISOString.call(value);
      var dp = prefix('Date');
      if (dp !== 'Date ') base = dp + base;
      if (keys.length === 0 && symbols.length === 0) return base;
      braces = ['{', '}'];
    } else if (isError(value)) {
      base = formatError(value, ctor);
      keys = keys.filter(function (k) { return k !== 'stack' && k !== 'message'; });
      if (keys.length === 0 && symbols.length === 0) return base;
      braces = ['{', '}'];
    } else if (value instanceof Promise) {
      braces = [prefix('Promise') + '{', '}'];
      formatter = function () { return ['<pending>']; };
    } else if (value instanceof WeakMap || value instanceof WeakSet) {
      return (ctor || 'WeakMap') + ' { <items unknown> }';
    } else if (toStr.call(value) === '[object Arguments]') {
      braces = ['[Arguments] [', ']'];
      formatter = formatArray;
      extrasArray = true;
      noEntries = false;
      keys = keys.filter(function (k) { return !(String(k >>> 0) === k); });
    } else if (value instanceof Number || value instanceof String || value instanceof Boolean) {
      var prim = value.valueOf();
      var kind = typeof prim === 'string' ? 'String' : typeof prim === 'number' ? 'Number' : 'Boolean';
      base = '[' + kind + ': ' + formatPrimitive(ctx, prim) + ']';
      if (typeof prim === 'string') keys = keys.filter(function (k) { return !(String(k >>> 0) === k); });
      if (keys.length === 0 && symbols.length === 0) return base;
      braces = ['{', '}'];
    } else {
      var p = ctor === 'Object' && !tag ? '' : prefix('Object');
      if (ctor === 'Object' && toStr.call(value) === '[object Arguments]') p = '[Arguments] ';
      braces = [p + '{', '}'];
      if (keys.length === 0 && symbols.length === 0) {
        return p + '{}';
      }
    }
  }

  if (recurseTimes > ctx.depth) {
    var name = ctor === null ? 'Object: null prototype' : (ctor || tag || 'Object');
    return Array.isArray(value) ? '[Array]' : '[' + name + ']';
  }
  recurseTimes++;
  ctx.seen.push(value);
  ctx.currentDepth = recurseTimes;
  var output = [];
  if (formatter !== null && !noEntries) output = formatter(ctx, value, recurseTimes);
  else if (formatter !== null) output = formatter(ctx, value, recurseTimes);
  for (var i = 0; i < keys.length; i++) output.push(formatProperty(ctx, value, recurseTimes, keys[i], extrasArray));
  for (var j = 0; j < symbols.length; j++) output.push(formatProperty(ctx, value, recurseTimes, symbols[j], extrasArray));
  ctx.seen.pop();

  if (ctx.circular !== null) {
    var ci = ctx.circular.get(value);
    if (ci !== undefined) {
      var ref = '<ref *' + ci + '>';
      if (base === '') braces[0] = ref + ' ' + braces[0];
      else base = ref + ' ' + base;
    }
  }
  var res = reduceToSingleString(ctx, output, base, braces, extrasArray, recurseTimes, value);
  return res;
}

function formatError(err, ctor) {
  var stack = err.stack ? cleanStack(err.stack) : Error.prototype.toString.call(err);
  var name = err.name || 'Error';
  if (ctor && ctor !== name && stack.indexOf(ctor) !== 0 && stack.indexOf(name) === 0) {
    stack = ctor + ' [' + name + ']' + stack.slice(name.length);
  }
  return stack.indexOf('\n    at') === -1 && err.stack ? '[' + stack + ']' : stack;
}

function formatArray(ctx, value, recurseTimes) {
  var len = value.length, out = [];
  var max = Math.min(ctx.maxArrayLength, len);
  var holes = 0;
  ctx.indentationLvl += 2;
  for (var i = 0; i < max; i++) {
    if (!hasOwn.call(value, i)) {
      holes++;
      continue;
    }
    if (holes > 0) {
      out.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>');
      holes = 0;
    }
    out.push(formatValue(ctx, value[i], recurseTimes));
  }
  if (holes > 0) out.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>');
  ctx.indentationLvl -= 2;
  if (len > max) out.push('... ' + (len - max) + ' more item' + (len - max > 1 ? 's' : ''));
  return out;
}

function formatProperty(ctx, value, recurseTimes, key, isArray) {
  var desc = Object.getOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
  var str;
  if (desc.value !== undefined || !(desc.get || desc.set)) {
    ctx.indentationLvl += 2;
    str = formatValue(ctx, desc.value, recurseTimes);
    ctx.indentationLvl -= 2;
  } else if (desc.get) {
    str = desc.set ? '[Getter/Setter]' : '[Getter]';
  } else {
    str = '[Setter]';
  }
  var name = formatKey(key);
  if (desc.enumerable === false) name = '[' + name + ']';
  return name + ': ' + str;
}

function isBelowBreakLength(ctx, output, start, base) {
  var total = output.length + start;
  if (total + output.length > ctx.breakLength) return false;
  for (var i = 0; i < output.length; i++) {
    total += output[i].length;
    if (total > ctx.breakLength) return false;
  }
  return base === '' || base.indexOf('\n') === -1;
}

function groupArrayElements(ctx, output, value) {
  var totalLength = 0, maxLength = 0, i = 0;
  var outputLength = output.length;
  if (ctx.maxArrayLength < output.length) outputLength--;
  var separatorSpace = 2;
  var dataLen = new Array(outputLength);
  for (; i < outputLength; i++) {
    var len = output[i].length;
    dataLen[i] = len;
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  var actualMax = maxLength + separatorSpace;
  if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength &&
      (totalLength / actualMax > 5 || maxLength <= 6)) {
    var averageBias = Math.sqrt(actualMax - totalLength / output.length);
    var biasedMax = Math.max(actualMax - 3 - averageBias, 1);
    var columns = Math.min(
      Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax),
      Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
      ctx.compact * 4,
      15
    );
    if (columns <= 1) return output;
    var tmp = [];
    var maxLineLength = [];
    for (var c = 0; c < columns; c++) {
      var lineLength = 0;
      for (var j = c; j < output.length; j += columns) {
        if (dataLen[j] > lineLength) lineLength = dataLen[j];
      }
      maxLineLength.push(lineLength + separatorSpace);
    }
    var numeric = value !== undefined && Array.isArray(value) && value.every(function (x) { return typeof x === 'number' || typeof x === 'bigint'; });
    for (var k = 0; k < outputLength; k += columns) {
      var max = Math.min(k + columns, outputLength);
      var str = '';
      var m = k;
      for (; m < max - 1; m++) {
        var padding = maxLineLength[m - k] + output[m].length - dataLen[m];
        str += numeric ? padStart(output[m] + ', ', padding) : padEnd(output[m] + ', ', padding);
      }
      if (numeric) {
        var pad = maxLineLength[m - k] + output[m].length - dataLen[m] - separatorSpace;
        str += padStart(output[m], pad);
      } else {
        str += output[m];
      }
      tmp.push(str);
    }
    if (ctx.maxArrayLength < output.length) tmp.push(output[outputLength]);
    output = tmp;
  }
  return output;
}
function padStart(s, n) { while (s.length < n) s = ' ' + s; return s; }
function padEnd(s, n) { while (s.length < n) s += ' '; return s; }

function reduceToSingleString(ctx, output, base, braces, extrasArray, recurseTimes, value) {
  var entries = output.length;
  if (extrasArray && entries > 6) output = groupArrayElements(ctx, output, value);
  if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
    var start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
    if (isBelowBreakLength(ctx, output, start, base)) {
      var joined = output.join(', ');
      if (joined.indexOf('\n') === -1) {
        return (base ? base + ' ' : '') + braces[0] + ' ' + joined + ' ' + braces[1];
      }
    }
  }
  var ind = '\n' + ' '.repeat(ctx.indentationLvl);
  return (base ? base + ' ' : '') + braces[0] + ind + '  ' + output.join(',' + ind + '  ') + ind + braces[1];
}

// ---- the rest of util ------------------------------------------------------

function inherits(ctor, superCtor) {
  if (typeof ctor !== 'function') throwType('ctor', 'function', ctor);
  if (typeof superCtor !== 'function') throwType('superCtor', 'function', superCtor);
  if (superCtor.prototype === undefined) throwType('superCtor.prototype', 'object', superCtor.prototype);
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

function throwType(name, type, v) {
  var e = new TypeError('The "' + name + '" argument must be of type ' + type + '. Received ' + (v === null ? 'null' : typeof v === 'object' ? 'an instance of ' + (getConstructorName(v) || 'Object') : 'type ' + typeof v + ' (' + formatPrimitive(defaultOptions, v) + ')'));
  e.code = 'ERR_INVALID_ARG_TYPE';
  throw e;
}

var customPromisify = Symbol.for('nodejs.util.promisify.custom');
function promisify(original) {
  if (typeof original !== 'function') throwType('original', 'function', original);
  if (original[customPromisify]) {
    var fn0 = original[customPromisify];
    return fn0;
  }
  function fn() {
    var self = this, args = Array.prototype.slice.call(arguments);
    return new Promise(function (resolve, reject) {
      args.push(function (err, value) {
        if (err) return reject(err);
        resolve(value);
      });
      original.apply(self, args);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, customPromisify, { value: fn, configurable: true });
  return Object.defineProperties(fn, Object.getOwnPropertyDescriptors(original));
}
promisify.custom = customPromisify;

function callbackify(original) {
  if (typeof original !== 'function') throwType('original', 'function', original);
  return function () {
    var args = Array.prototype.slice.call(arguments);
    var cb = args.pop();
    if (typeof cb !== 'function') throwType('last argument', 'function', cb);
    var self = this;
    original.apply(this, args).then(function (v) {
      process.nextTick(cb.bind(self, null, v));
    }, function (err) {
      if (!err) {
        var e = new Error('Promise was rejected with a falsy value');
        e.code = 'ERR_FALSY_VALUE_REJECTION';
        e.reason = err;
        err = e;
      }
      process.nextTick(cb.bind(self, err));
    });
  };
}

var deprecated = Object.create(null);
function deprecate(fn, msg, code) {
  var warned = false;
  return function () {
    if (!warned && !process.noDeprecation) {
      warned = true;
      if (!code || !deprecated[code]) {
        if (code) deprecated[code] = true;
        process.emitWarning(msg, 'DeprecationWarning', code);
      }
    }
    return new.target ? Reflect.construct(fn, arguments, new.target) : fn.apply(this, arguments);
  };
}

exports.format = format;
exports.formatWithOptions = formatWithOptions;
exports.inspect = inspect;
exports.inherits = inherits;
exports.promisify = promisify;
exports.callbackify = callbackify;
exports.deprecate = deprecate;
exports.isArray = Array.isArray;
exports.isError = isError;
exports.isDate = function (v) { return v instanceof Date; };
exports.isRegExp = function (v) { return v instanceof RegExp; };
exports.isFunction = function (v) { return typeof v === 'function'; };
exports.isString = function (v) { return typeof v === 'string'; };
exports.isNumber = function (v) { return typeof v === 'number'; };
exports.isObject = function (v) { return v !== null && typeof v === 'object'; };
exports.isPrimitive = function (v) { return v === null || (typeof v !== 'object' && typeof v !== 'function'); };
exports.isUndefined = function (v) { return v === undefined; };
exports.isNull = function (v) { return v === null; };
exports.isNullOrUndefined = function (v) { return v === null || v === undefined; };
exports.isBoolean = function (v) { return typeof v === 'boolean'; };
exports.isSymbol = function (v) { return typeof v === 'symbol'; };
exports._cleanStack = cleanStack;
