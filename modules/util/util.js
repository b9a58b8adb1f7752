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

// builtInNames: the global constructors, computed on first use without
// touching lazy globals' getters (which may load this very module).
var builtInNames = null;
function isBuiltInName(name) {
  if (builtInNames === null) {
    builtInNames = new Set(Object.getOwnPropertyNames(globalThis).filter(function (n) {
      if (!/^[A-Z]/.test(n)) return false;
      var d = Object.getOwnPropertyDescriptor(globalThis, n);
      return d.get !== undefined || typeof d.value === 'function';
    }));
  }
  return builtInNames.has(name);
}

// hasBuiltInToString: %s prints objects with their own toString (a class
// defining one, say) through it, and built-ins through inspect.
function hasBuiltInToString(v) {
  if (binding.isProxy(v)) return true;
  if (typeof v.toString !== 'function') return true;
  if (hasOwn.call(v, 'toString')) return false;
  var p = v;
  do { p = Object.getPrototypeOf(p); } while (p !== null && !hasOwn.call(p, 'toString'));
  if (p === null) return true;
  var d = Object.getOwnPropertyDescriptor(p, 'constructor');
  return d !== undefined && typeof d.value === 'function' && isBuiltInName(d.value.name);
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
          else if (typeof v === 'object' && v !== null && hasBuiltInToString(v)) rep = inspect(v, { depth: 0, colors: false, compact: 3 });
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

// reSafeSingle: printable ASCII without ' and \ needs no escaping in
// single quotes (the common case; the loop below costs µs per character in
// goja, where charCodeAt boxes the string).
var reSafeSingle = /^[\x20-\x26\x28-\x5b\x5d-\x7e]*$/;
var reClassSrc = /^class\s*[\s{A-Za-z_$]/;
function quote(s) {
  if (reSafeSingle.test(s)) return "'" + s + "'";
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
    else if (code >= 0xd800 && code <= 0xdbff) {
      var nx = s.charCodeAt(i + 1);
      if (nx >= 0xdc00 && nx <= 0xdfff) { out += c + s[i + 1]; i++; }
      else out += '\\u' + code.toString(16);
    } else if (code >= 0xdc00 && code <= 0xdfff) out += '\\u' + code.toString(16);
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

var identRe = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
function formatKey(k) {
  if (typeof k === 'symbol') return '[' + k.toString() + ']';
  if (k === '__proto__') return "['__proto__']";
  return identRe.test(k) ? k : quote(k);
}

function getConstructorName(obj, ctx) {
  var o = obj, firstProto;
  while (o !== null && o !== undefined) {
    var d = Object.getOwnPropertyDescriptor(o, 'constructor');
    if (d && typeof d.value === 'function' && d.value.name !== '' && isInstance(obj, d.value)) return d.value.name;
    o = Object.getPrototypeOf(o);
    if (firstProto === undefined) firstProto = o;
  }
  if (firstProto === null || ctx === undefined) return null;
  // No named constructor on a chain that is not empty: node names the
  // object by its internal class and shows the first prototype.
  var res = toStr.call(obj).slice(8, -1);
  var protoName = getConstructorName(firstProto, ctx);
  if (protoName === null) {
    return res + ' <' + inspect(firstProto, { customInspect: false, depth: -1, breakLength: ctx.breakLength }) + '>';
  }
  return res + ' <' + protoName + '>';
}

function isInstance(obj, ctor) {
  try { return obj instanceof ctor; } catch (e) { return false; }
}

function functionBase(fn, ctor) {
  var src = Function.prototype.toString.call(fn);
  if (src.slice(0, 5) === 'class' && reClassSrc.test(src)) {
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

// v8FunctionKeys orders a function's own names as V8 lists them (length,
// name, then arguments/caller for sloppy plain functions, then the rest,
// prototype last), so showHidden output matches node's.
function v8FunctionKeys(fn, keys) {
  var first = ['length', 'name'].filter(function (k) { return keys.indexOf(k) !== -1; });
  var rest = keys.filter(function (k) { return k !== 'length' && k !== 'name' && k !== 'prototype'; });
  var out = first;
  var src = Function.prototype.toString.call(fn);
  var plain = hasOwn.call(fn, 'prototype') && !/^class\b/.test(src) && toStr.call(fn) === '[object Function]' &&
    !/^[^{]*\{\s*['"]use strict['"]/.test(src);
  // goja has no own arguments/caller on functions; they are shown as V8's
  // null-valued ones (formatProperty supplies the descriptor).
  if (plain && rest.indexOf('arguments') === -1) out = out.concat(['arguments', 'caller']);
  out = out.concat(rest);
  if (keys.indexOf('prototype') !== -1) out.push('prototype');
  return out;
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
        // A returned string is indented to where it is printed, as node does.
        return typeof r === 'string' ? r.split('\n').join('\n' + ' '.repeat(ctx.indentationLvl)) : formatValue(ctx, r, recurseTimes);
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
  var ctor = getConstructorName(value, ctx);
  var tag = value[Symbol.toStringTag];
  // A tag the object carries itself (enumerable own) is shown as a key, not
  // as a prefix.
  if (typeof tag !== 'string' || tag === ctor ||
      (tag !== '' && (ctx.showHidden ? hasOwn : Object.prototype.propertyIsEnumerable).call(value, Symbol.toStringTag))) tag = '';
  var braces, base = '', formatter = null, extrasArray = false, entries = null, noEntries = false;
  // nodePrefix is node's getPrefix: "Ctor(size) [tag] ".
  var nodePrefix = function (fallback, size) {
    var sz = size === undefined ? '' : '(' + size + ')';
    if (ctor === null) return '[' + fallback + sz + ': null prototype] ' + (tag !== '' && tag !== fallback ? '[' + tag + '] ' : '');
    return ctor + sz + (tag !== '' && tag !== ctor ? ' [' + tag + ']' : '') + ' ';
  };
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
    keys = keys.filter(function (k) { return !(String(k >>> 0) === k && (k >>> 0) < value.length); });
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
  } else if (value instanceof ArrayBuffer || toStr.call(value) === '[object SharedArrayBuffer]') {
    braces = [nodePrefix('ArrayBuffer') + '{', '}'];
    formatter = function (ctx2, v) {
      var bytes = new Uint8Array(v);
      var hex = [];
      var n = Math.min(bytes.length, ctx2.maxArrayLength);
      for (var bi = 0; bi < n; bi++) hex.push((bytes[bi] < 16 ? '0' : '') + bytes[bi].toString(16));
      var rest = bytes.length - n;
      return ['[Uint8Contents]: <' + hex.join(' ') + (rest > 0 ? ' ... ' + rest + ' more byte' + (rest > 1 ? 's' : '') : '') + '>', 'byteLength: ' + v.byteLength];
    };
  } else if (value instanceof DataView) {
    braces = [nodePrefix('DataView') + '{', '}'];
    formatter = function (ctx2, v, rt) {
      ctx2.indentationLvl += 2;
      var buf = formatValue(ctx2, v.buffer, rt);
      ctx2.indentationLvl -= 2;
      return ['byteLength: ' + v.byteLength, 'byteOffset: ' + v.byteOffset, 'buffer: ' + buf];
    };
  } else {
    noEntries = true;
    if (typeof value === 'function') {
      base = functionBase(value, ctor);
      keys = keys.filter(function (k) { return k !== 'prototype' || ctx.showHidden; });
      if (ctx.showHidden) keys = v8FunctionKeys(value, keys);
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
      base = formatError(value, ctor, tag);
      var errStack = base;
      keys = keys.filter(function (k) {
        if (k !== 'name' && k !== 'message' && k !== 'stack') return true;
        var ev = value[k];
        return !(typeof ev === 'string' && errStack.indexOf(ev) !== -1);
      });
      if (!ctx.showHidden) {
        if ('cause' in value && keys.indexOf('cause') === -1 && !Object.prototype.propertyIsEnumerable.call(value, 'cause')) keys.push('cause');
        if (Array.isArray(value.errors) && keys.indexOf('errors') === -1 && hasOwn.call(value, 'errors')) keys.push('errors');
      }
      if (keys.length === 0 && symbols.length === 0) return base;
      braces = ['{', '}'];
    } else if (value instanceof Promise) {
      braces = [nodePrefix('Promise') + '{', '}'];
      formatter = function (ctx2, v, rt) {
        var st = binding.promiseState(v);
        if (st === undefined || st[0] === 0) return ['<pending>'];
        ctx2.indentationLvl += 2;
        var r = formatValue(ctx2, st[1], rt);
        ctx2.indentationLvl -= 2;
        return [st[0] === 2 ? '<rejected> ' + r : r];
      };
      noEntries = false;
    } else if (value instanceof WeakMap || value instanceof WeakSet) {
      return (ctor || 'WeakMap') + ' { <items unknown> }';
    } else if (boxedKind(value) !== '') {
      var bk = boxedKind(value);
      base = '[' + bk + ': ' + formatPrimitive(ctx, bk === 'Symbol' ? Symbol.prototype.valueOf.call(value) : BigInt.prototype.valueOf.call(value)) + ']';
      if (keys.length === 0 && symbols.length === 0) return base;
      braces = ['{', '}'];
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
  if (ctx.sorted) {
    var cmp = ctx.sorted === true ? undefined : ctx.sorted;
    if (!extrasArray && formatter === null) output.sort(cmp);
    else if (keys.length > 1) {
      var tail = output.slice(output.length - keys.length).sort(cmp);
      output.splice.apply(output, [output.length - keys.length, keys.length].concat(tail));
    }
  }

  if (ctx.circular !== null) {
    var ci = ctx.circular.get(value);
    if (ci !== undefined) {
      var ref = '<ref *' + ci + '>';
      if (ctx.compact !== true) base = base === '' ? ref : ref + ' ' + base;
      else braces[0] = ref + ' ' + braces[0];
    }
  }
  var res = reduceToSingleString(ctx, output, base, braces, extrasArray, recurseTimes, value);
  return res;
}

function boxedKind(v) {
  if (typeof Symbol.prototype.valueOf !== 'function') return '';
  try { Symbol.prototype.valueOf.call(v); return 'Symbol'; } catch (e) {}
  try { BigInt.prototype.valueOf.call(v); return 'BigInt'; } catch (e) {}
  return '';
}

// formatError follows node: the stack (or "Name: message"), with the
// constructor's name put in front when it differs from err.name, in
// brackets when there are no stack frames.
function formatError(err, ctor, tag) {
  var name = err.name != null ? String(err.name) : 'Error';
  var stack = err.stack ? cleanStack(err.stack) : Error.prototype.toString.call(err);
  var len = name.length;
  if (ctor === null || (/Error$/.test(name) && stack.indexOf(name) === 0 &&
      (stack.length === len || stack[len] === ':' || stack[len] === '\n'))) {
    var fallback = 'Error';
    if (ctor === null) {
      var start = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/.exec(stack) || /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
      fallback = (start && start[1]) || '';
      len = fallback.length;
      fallback = fallback || 'Error';
    }
    var pre = ctor === null ? '[' + fallback + ': null prototype]' : ctor;
    if (tag && tag !== ctor) pre += ' [' + tag + ']';
    if (name !== pre) {
      if (pre.indexOf(name) !== -1) stack = len === 0 ? pre + ': ' + stack : pre + stack.slice(len);
      else stack = pre + ' [' + name + ']' + stack.slice(len);
    }
  }
  var msg = err.message != null ? String(err.message) : '';
  var at = stack.indexOf('\n    at');
  if (at === -1) return '[' + stack + ']';
  // Node indents multi-line messages' continuation... keep the stack as is.
  void msg;
  return stack;
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
  var desc = Object.getOwnPropertyDescriptor(value, key);
  if (desc === undefined) {
    desc = typeof value === 'function' && (key === 'arguments' || key === 'caller') ? { value: null, enumerable: false } : { value: value[key], enumerable: true };
  }
  var str;
  if (desc.value !== undefined || !(desc.get || desc.set)) {
    ctx.indentationLvl += 2;
    str = formatValue(ctx, desc.value, recurseTimes);
    ctx.indentationLvl -= 2;
  } else if (desc.get) {
    var label = desc.set ? 'Getter/Setter' : 'Getter';
    if (ctx.getters && (ctx.getters === true || (ctx.getters === 'get' && !desc.set) || (ctx.getters === 'set' && desc.set))) {
      try {
        var gv = desc.get.call(value);
        ctx.indentationLvl += 2;
        if (gv === null) str = '[' + label + ': null]';
        else if (typeof gv === 'object') str = '[' + label + '] ' + formatValue(ctx, gv, recurseTimes);
        else str = '[' + label + ': ' + formatPrimitive(ctx, gv) + ']';
        ctx.indentationLvl -= 2;
      } catch (err) {
        str = '[' + label + ': <Inspection threw (' + err.message + ')>]';
      }
    } else {
      str = '[' + label + ']';
    }
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
    var numeric = value !== undefined;
    for (var q = 0; numeric && q < output.length; q++) {
      if (typeof value[q] !== 'number' && typeof value[q] !== 'bigint') numeric = false;
    }
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
        var e = new Error('Promise was rejected with falsy value');
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

// ---- deep equality (util.isDeepStrictEqual, assert.deepEqual) -------------

var objKeys = Object.keys;
function ownEnumSymbols(o) {
  return Object.getOwnPropertySymbols(o).filter(function (s) { return Object.prototype.propertyIsEnumerable.call(o, s); });
}

// deepEqual follows node's comparison rules: strict compares with
// Object.is, prototypes and enumerable symbols; loose uses == for
// primitives and ignores prototypes. memos guards cycles.
function deepEqual(a, b, strict, memos) {
  if (a === b) return a !== 0 || !strict || Object.is(a, b);
  if (strict) {
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
      if (typeof a === 'function' || typeof b === 'function') return false;
      return typeof a === 'number' && typeof b === 'number' ? (a !== a && b !== b) : false;
    }
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  } else {
    if (a === null || typeof a !== 'object') {
      if (b === null || typeof b !== 'object') return a == b || (a !== a && b !== b);
      return false;
    }
    if (b === null || typeof b !== 'object') return false;
  }
  var tagA = toStr.call(a), tagB = toStr.call(b);
  if (tagA !== tagB) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    var ka = objKeys(a), kb = objKeys(b);
    if (ka.length !== kb.length) return false;
    return keyCheck(a, b, strict, memos, ka, true);
  }
  if (tagA === '[object Object]' || tagA === '[object Arguments]') {
    // plain objects and class instances: fall through to key check
  } else if (a instanceof Date) {
    if (!(b instanceof Date) || a.getTime() !== b.getTime()) return false;
  } else if (a instanceof RegExp) {
    if (!(b instanceof RegExp) || a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) return false;
  } else if (isError(a)) {
    if (!isError(b) || a.message !== b.message || a.name !== b.name) return false;
  } else if (ArrayBuffer.isView(a)) {
    if (!ArrayBuffer.isView(b)) return false;
    if (a.byteLength !== b.byteLength) return false;
    var ua = new Uint8Array(a.buffer, a.byteOffset, a.byteLength), ub = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    if (!strict && !(a instanceof Float32Array || a instanceof Float64Array)) {
      for (var bi = 0; bi < ua.length; bi++) if (ua[bi] !== ub[bi]) return false;
    } else if (strict) {
      for (var bj = 0; bj < ua.length; bj++) if (ua[bj] !== ub[bj]) return false;
    } else {
      for (var fi = 0; fi < a.length; fi++) if (a[fi] !== b[fi] && !(a[fi] !== a[fi] && b[fi] !== b[fi])) return false;
    }
    var tk = objKeys(a).filter(function (k) { return String(k >>> 0) !== k; });
    var tkb = objKeys(b).filter(function (k) { return String(k >>> 0) !== k; });
    if (tk.length !== tkb.length) return false;
    return keyCheck(a, b, strict, memos, tk, false);
  } else if (a instanceof ArrayBuffer) {
    if (!(b instanceof ArrayBuffer) || a.byteLength !== b.byteLength) return false;
    var xa = new Uint8Array(a), xb = new Uint8Array(b);
    for (var xi = 0; xi < xa.length; xi++) if (xa[xi] !== xb[xi]) return false;
  } else if (boxedKind(a) !== '' || a instanceof Number || a instanceof String || a instanceof Boolean) {
    if (!Object.is(a.valueOf(), b.valueOf())) return false;
  } else if (a instanceof WeakMap || a instanceof WeakSet || a instanceof Promise) {
    return false;
  }
  return keyCheck(a, b, strict, memos, undefined, false);
}

function keyCheck(a, b, strict, memos, keysA, isArr) {
  if (keysA === undefined) {
    keysA = objKeys(a);
    if (keysA.length !== objKeys(b).length) return false;
  }
  for (var i = 0; i < keysA.length; i++) {
    if (!Object.prototype.propertyIsEnumerable.call(b, keysA[i])) return false;
  }
  if (strict) {
    var sa = ownEnumSymbols(a), sb = ownEnumSymbols(b);
    if (sa.length !== sb.length) return false;
    for (var j = 0; j < sa.length; j++) {
      if (!Object.prototype.propertyIsEnumerable.call(b, sa[j])) return false;
    }
    keysA = keysA.concat(sa);
  }
  if (keysA.length === 0 && !(a instanceof Map) && !(a instanceof Set)) return true;
  if (memos === undefined) memos = { a: new Map(), b: new Map(), depth: 0 };
  else {
    var ma = memos.a.get(a);
    if (ma !== undefined) {
      var mb = memos.b.get(b);
      if (mb !== undefined) return ma === mb;
    }
    memos.depth++;
  }
  memos.a.set(a, memos.depth);
  memos.b.set(b, memos.depth);
  var ok = objEquiv(a, b, strict, keysA, memos);
  memos.a.delete(a);
  memos.b.delete(b);
  return ok;
}

function objEquiv(a, b, strict, keys, memos) {
  if (a instanceof Set) {
    if (!(b instanceof Set) || a.size !== b.size || !setEquiv(a, b, strict, memos)) return false;
  } else if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size || !mapEquiv(a, b, strict, memos)) return false;
  }
  for (var i = 0; i < keys.length; i++) {
    if (!deepEqual(a[keys[i]], b[keys[i]], strict, memos)) return false;
  }
  return true;
}

function setEquiv(a, b, strict, memos) {
  var rest = [];
  var ok = true;
  a.forEach(function (v) {
    if (!ok) return;
    if (typeof v === 'object' && v !== null) rest.push(v);
    else if (!b.has(v)) {
      if (strict) { ok = false; return; }
      var found = false;
      b.forEach(function (w) { if (!found && deepEqual(v, w, false, memos)) found = true; });
      if (!found) ok = false;
    }
  });
  if (!ok) return false;
  if (rest.length === 0) return true;
  var cands = [];
  b.forEach(function (w) { if (typeof w === 'object' && w !== null) cands.push(w); });
  for (var i = 0; i < rest.length; i++) {
    var hit = -1;
    for (var j = 0; j < cands.length; j++) {
      if (deepEqual(rest[i], cands[j], strict, memos)) { hit = j; break; }
    }
    if (hit < 0) return false;
    cands.splice(hit, 1);
  }
  return true;
}

function mapEquiv(a, b, strict, memos) {
  var ok = true;
  var objKeysA = [];
  a.forEach(function (v, k) {
    if (!ok) return;
    if (typeof k === 'object' && k !== null) { objKeysA.push([k, v]); return; }
    if (!b.has(k)) {
      if (strict) { ok = false; return; }
      var found = false;
      b.forEach(function (w, k2) { if (!found && deepEqual(k, k2, false, memos) && deepEqual(v, w, false, memos)) found = true; });
      if (!found) ok = false;
      return;
    }
    if (!deepEqual(v, b.get(k), strict, memos)) ok = false;
  });
  if (!ok) return false;
  if (objKeysA.length === 0) return true;
  var cands = [];
  b.forEach(function (w, k) { if (typeof k === 'object' && k !== null) cands.push([k, w]); });
  for (var i = 0; i < objKeysA.length; i++) {
    var hit = -1;
    for (var j = 0; j < cands.length; j++) {
      if (deepEqual(objKeysA[i][0], cands[j][0], strict, memos) && deepEqual(objKeysA[i][1], cands[j][1], strict, memos)) { hit = j; break; }
    }
    if (hit < 0) return false;
    cands.splice(hit, 1);
  }
  return true;
}

function isDeepStrictEqual(a, b) { return deepEqual(a, b, true); }

// ---- util.types -------------------------------------------------------------

function tagIs(t) { return function (v) { return toStr.call(v) === '[object ' + t + ']'; }; }
function typedIs(name) {
  return function (v) { return ArrayBuffer.isView(v) && toStr.call(v) === '[object ' + name + ']'; };
}
var types = {
  isDate: function (v) { return v instanceof Date || tagIs('Date')(v); },
  isRegExp: function (v) { return v instanceof RegExp; },
  isPromise: function (v) { return binding.promiseState(v) !== undefined; },
  isMap: function (v) { return v instanceof Map; },
  isSet: function (v) { return v instanceof Set; },
  isWeakMap: function (v) { return v instanceof WeakMap; },
  isWeakSet: function (v) { return v instanceof WeakSet; },
  isMapIterator: tagIs('Map Iterator'),
  isSetIterator: tagIs('Set Iterator'),
  isNativeError: function (v) { return v instanceof Error; },
  isAsyncFunction: function (v) { return typeof v === 'function' && (toStr.call(v) === '[object AsyncFunction]' || toStr.call(v) === '[object AsyncGeneratorFunction]'); },
  isGeneratorFunction: function (v) { return typeof v === 'function' && (toStr.call(v) === '[object GeneratorFunction]' || toStr.call(v) === '[object AsyncGeneratorFunction]'); },
  isGeneratorObject: tagIs('Generator'),
  isArgumentsObject: tagIs('Arguments'),
  isBoxedPrimitive: function (v) { return v instanceof Number || v instanceof String || v instanceof Boolean || (typeof v === 'object' && boxedKind(v) !== ''); },
  isNumberObject: function (v) { return v instanceof Number; },
  isStringObject: function (v) { return v instanceof String; },
  isBooleanObject: function (v) { return v instanceof Boolean; },
  isSymbolObject: function (v) { return typeof v === 'object' && boxedKind(v) === 'Symbol'; },
  isBigIntObject: function (v) { return typeof v === 'object' && boxedKind(v) === 'BigInt'; },
  isArrayBuffer: function (v) { return v instanceof ArrayBuffer; },
  isSharedArrayBuffer: function (v) { return toStr.call(v) === '[object SharedArrayBuffer]'; },
  isAnyArrayBuffer: function (v) { return v instanceof ArrayBuffer || toStr.call(v) === '[object SharedArrayBuffer]'; },
  isArrayBufferView: function (v) { return ArrayBuffer.isView(v); },
  isDataView: function (v) { return v instanceof DataView; },
  isTypedArray: function (v) { return ArrayBuffer.isView(v) && !(v instanceof DataView); },
  isUint8Array: typedIs('Uint8Array'),
  isUint8ClampedArray: typedIs('Uint8ClampedArray'),
  isUint16Array: typedIs('Uint16Array'),
  isUint32Array: typedIs('Uint32Array'),
  isInt8Array: typedIs('Int8Array'),
  isInt16Array: typedIs('Int16Array'),
  isInt32Array: typedIs('Int32Array'),
  isFloat32Array: typedIs('Float32Array'),
  isFloat64Array: typedIs('Float64Array'),
  isBigInt64Array: typedIs('BigInt64Array'),
  isBigUint64Array: typedIs('BigUint64Array'),
  isProxy: function (v) { return binding.isProxy(v); },
  isExternal: function () { return false; },
  isModuleNamespaceObject: function () { return false; },
  isWeakRef: tagIs('WeakRef'),
  isKeyObject: function () { return false; },
  isCryptoKey: function () { return false; }
};

// ---- small helpers ------------------------------------------------------------

var debugEnv = null;
function debuglog(section, cb) {
  section = String(section).toUpperCase();
  if (debugEnv === null) {
    debugEnv = String(process.env.NODE_DEBUG || '').split(/[\s,]+/).filter(Boolean).map(function (p) {
      return new RegExp('^' + p.toUpperCase().replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replace(/\*/g, '.*') + '$');
    });
  }
  var enabled = debugEnv.some(function (re) { return re.test(section); });
  var fn = function () {
    if (!enabled) return;
    process.stderr.write(section + ' ' + process.pid + ': ' + format.apply(null, arguments) + '\n');
  };
  Object.defineProperty(fn, 'enabled', { get: function () { return enabled; }, enumerable: true, configurable: true });
  if (typeof cb === 'function') cb(fn);
  return fn;
}

function toUSVString(s) {
  s = String(s);
  var out = '';
  for (var i = 0; i < s.length; i++) {
    var c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      var n = s.charCodeAt(i + 1);
      if (n >= 0xdc00 && n <= 0xdfff) { out += s[i] + s[i + 1]; i++; continue; }
      out += '\ufffd';
    } else if (c >= 0xdc00 && c <= 0xdfff) out += '\ufffd';
    else out += s[i];
  }
  return out;
}

var ansiRe = /[\u001B\u009B][[\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\d\/#&.:=?%@~_]+)*|[a-zA-Z\d]+(?:;[-a-zA-Z\d\/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g;
function stripVTControlCharacters(s) {
  if (typeof s !== 'string') throwType('str', 'string', s);
  return s.replace(ansiRe, '');
}

function getSystemErrorName(n) {
  if (typeof n !== 'number') throwType('err', 'number', n);
  if (n >= 0 || !Number.isSafeInteger(n)) {
    var e = new RangeError('The value of "err" is out of range. It must be a negative integer. Received ' + n);
    e.code = 'ERR_OUT_OF_RANGE';
    throw e;
  }
  var name = binding.errnoName(n);
  return name === undefined ? 'Unknown system error ' + n : name;
}

// ---- TextEncoder / TextDecoder (WHATWG Encoding; also the globals) -------

function TextEncoder() {
  if (!(this instanceof TextEncoder)) throw new TypeError("Class constructor TextEncoder cannot be invoked without 'new'");
}
Object.defineProperty(TextEncoder.prototype, 'encoding', { get: function () { return 'utf-8'; }, enumerable: true, configurable: true });
TextEncoder.prototype.encode = function encode(input) {
  return new Uint8Array(binding.utf8Encode(input === undefined ? '' : String(input)));
};
TextEncoder.prototype.encodeInto = function encodeInto(src, dest) {
  src = String(src);
  var read = 0, written = 0;
  for (var i = 0; i < src.length; i++) {
    var cp = src.codePointAt(i);
    var units = cp > 0xffff ? 2 : 1;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    var n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (written + n > dest.length) break;
    if (n === 1) dest[written] = cp;
    else if (n === 2) { dest[written] = 0xc0 | (cp >> 6); dest[written + 1] = 0x80 | (cp & 63); }
    else if (n === 3) { dest[written] = 0xe0 | (cp >> 12); dest[written + 1] = 0x80 | ((cp >> 6) & 63); dest[written + 2] = 0x80 | (cp & 63); }
    else { dest[written] = 0xf0 | (cp >> 18); dest[written + 1] = 0x80 | ((cp >> 12) & 63); dest[written + 2] = 0x80 | ((cp >> 6) & 63); dest[written + 3] = 0x80 | (cp & 63); }
    written += n;
    read += units;
    i += units - 1;
  }
  return { read: read, written: written };
};
TextEncoder.prototype[customSymbol] = function () { return "TextEncoder { encoding: 'utf-8' }"; };
Object.defineProperty(TextEncoder.prototype, Symbol.toStringTag, { value: 'TextEncoder', configurable: true });

var encodingLabels = {
  'utf-8': 'utf-8', 'utf8': 'utf-8', 'unicode-1-1-utf-8': 'utf-8',
  'utf-16le': 'utf-16le', 'utf-16': 'utf-16le', 'ucs-2': 'utf-16le', 'unicode': 'utf-16le', 'csunicode': 'utf-16le', 'iso-10646-ucs-2': 'utf-16le', 'unicodefeff': 'utf-16le',
  'latin1': 'windows-1252', 'iso-8859-1': 'windows-1252', 'ascii': 'windows-1252', 'us-ascii': 'windows-1252', 'windows-1252': 'windows-1252', 'l1': 'windows-1252', 'cp1252': 'windows-1252', 'iso8859-1': 'windows-1252', 'x-cp1252': 'windows-1252'
};

function TextDecoder(label, options) {
  if (!(this instanceof TextDecoder)) throw new TypeError("Class constructor TextDecoder cannot be invoked without 'new'");
  label = label === undefined ? 'utf-8' : String(label).trim().toLowerCase();
  var enc = encodingLabels[label];
  if (enc === undefined) {
    var e = new RangeError('The "' + label + '" encoding is not supported');
    e.code = 'ERR_ENCODING_NOT_SUPPORTED';
    throw e;
  }
  options = options || {};
  this._enc = enc;
  this._fatal = !!options.fatal;
  this._ignoreBOM = !!options.ignoreBOM;
  this._pending = null;
  this._bomSeen = false;
}
Object.defineProperty(TextDecoder.prototype, 'encoding', { get: function () { return this._enc; }, enumerable: true, configurable: true });
Object.defineProperty(TextDecoder.prototype, 'fatal', { get: function () { return this._fatal; }, enumerable: true, configurable: true });
Object.defineProperty(TextDecoder.prototype, 'ignoreBOM', { get: function () { return this._ignoreBOM; }, enumerable: true, configurable: true });
TextDecoder.prototype.decode = function decode(input, options) {
  var stream = !!(options && options.stream);
  var bytes;
  if (input === undefined) bytes = new Uint8Array(0);
  else if (input instanceof ArrayBuffer) bytes = new Uint8Array(input);
  else if (ArrayBuffer.isView(input)) bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  else {
    var te = new TypeError('The "input" argument must be an instance of ArrayBuffer or ArrayBufferView.' + ' Received ' + describeArg(input));
    te.code = 'ERR_INVALID_ARG_TYPE';
    throw te;
  }
  if (this._pending !== null && this._pending.length > 0) {
    var joined = new Uint8Array(this._pending.length + bytes.length);
    joined.set(this._pending, 0);
    joined.set(bytes, this._pending.length);
    bytes = joined;
  }
  this._pending = null;
  var out;
  if (this._enc === 'utf-8') {
    var r = binding.utf8Decode(bytes.buffer, bytes.byteOffset, bytes.byteLength, this._fatal, stream);
    out = r[0];
    if (r[1] < bytes.length) this._pending = bytes.slice(r[1]);
  } else if (this._enc === 'utf-16le') {
    var even = bytes.length - (bytes.length % 2);
    out = binding.utf16leDecode(bytes.buffer, bytes.byteOffset, even);
    if (even < bytes.length) {
      if (stream) this._pending = bytes.slice(even);
      else out += '\ufffd';
    }
  } else {
    out = binding.latin1Decode(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  if (!this._bomSeen && out.length > 0) {
    if (!this._ignoreBOM && out.charCodeAt(0) === 0xfeff) out = out.slice(1);
    this._bomSeen = true;
  }
  if (!stream) this._bomSeen = false;
  return out;
};
Object.defineProperty(TextDecoder.prototype, Symbol.toStringTag, { value: 'TextDecoder', configurable: true });

function describeArg(v) {
  if (v === null) return 'null';
  if (typeof v === 'object') return 'an instance of ' + (getConstructorName(v) || 'Object');
  if (typeof v === 'function') return 'function ' + v.name;
  var s = formatPrimitive(defaultOptions, v);
  if (s.length > 28) s = s.slice(0, 25) + '...';
  return 'type ' + typeof v + ' (' + s + ')';
}

// ---- colours, styleText, parseEnv and other small helpers -------------------

var colors = Object.assign(Object.create(null), {
  reset: [0, 0], bold: [1, 22], dim: [2, 22], italic: [3, 23], underline: [4, 24], blink: [5, 25], inverse: [7, 27],
  hidden: [8, 28], strikethrough: [9, 29], doubleunderline: [21, 24], black: [30, 39], red: [31, 39], green: [32, 39],
  yellow: [33, 39], blue: [34, 39], magenta: [35, 39], cyan: [36, 39], white: [37, 39], bgBlack: [40, 49], bgRed: [41, 49],
  bgGreen: [42, 49], bgYellow: [43, 49], bgBlue: [44, 49], bgMagenta: [45, 49], bgCyan: [46, 49], bgWhite: [47, 49],
  framed: [51, 54], overlined: [53, 55], gray: [90, 39], redBright: [91, 39], greenBright: [92, 39], yellowBright: [93, 39],
  blueBright: [94, 39], magentaBright: [95, 39], cyanBright: [96, 39], whiteBright: [97, 39], bgGray: [100, 49],
  bgRedBright: [101, 49], bgGreenBright: [102, 49], bgYellowBright: [103, 49], bgBlueBright: [104, 49],
  bgMagentaBright: [105, 49], bgCyanBright: [106, 49], bgWhiteBright: [107, 49]
});
['grey:gray', 'blackBright:gray', 'bgGrey:bgGray', 'bgBlackBright:bgGray', 'dim:dim', 'faint:dim', 'crossedout:strikethrough',
  'strikeThrough:strikethrough', 'crossedOut:strikethrough', 'conceal:hidden', 'swapColors:inverse', 'swapcolors:inverse',
  'doubleUnderline:doubleunderline'].forEach(function (pair) {
  var ab = pair.split(':');
  if (!(ab[0] in colors)) Object.defineProperty(colors, ab[0], { get: function () { return colors[ab[1]]; }, set: function (v) { colors[ab[1]] = v; }, configurable: true, enumerable: false });
});
inspect.colors = colors;
inspect.styles = Object.assign(Object.create(null), {
  special: 'cyan', number: 'yellow', bigint: 'yellow', boolean: 'yellow', undefined: 'grey', null: 'bold',
  string: 'green', symbol: 'green', date: 'magenta', regexp: 'red', module: 'underline'
});

function styleText(format, text, options) {
  if (typeof text !== 'string') throwType('text', 'string', text);
  var formats = Array.isArray(format) ? format : [format];
  var open = '', close = '';
  for (var i = 0; i < formats.length; i++) {
    var code = colors[formats[i]];
    if (code === undefined) {
      var e = new TypeError("The argument 'format' must be one of: " + Object.keys(colors).map(function (k) { return "'" + k + "'"; }).join(', ') + '. Received ' + inspect(formats[i]));
      e.code = 'ERR_INVALID_ARG_VALUE';
      throw e;
    }
    open += '\u001b[' + code[0] + 'm';
    close = '\u001b[' + code[1] + 'm' + close;
  }
  // As node 20 does: a single format is dropped when the stream (stdout by
  // default) cannot show colours; a list of formats is always applied.
  if (!Array.isArray(format) && !(options && options.validateStream === false)) {
    var stream = (options && options.stream) || process.stdout;
    var tty = stream && stream.isTTY && (typeof stream.hasColors !== 'function' || stream.hasColors());
    if (!tty || process.env.NO_COLOR !== undefined || process.env.NODE_DISABLE_COLORS !== undefined) return text;
  }
  return open + text + close;
}

// parseEnv parses dotenv text: KEY=value lines, optional "export ",
// quoted values ('…', "…" with \n, `…`), # comments.
function parseEnv(content) {
  if (typeof content !== 'string') throwType('content', 'string', content);
  var out = {};
  var lines = content.replace(/\r\n?/g, '\n');
  var re = /^[ \t]*(?:export[ \t]+)?([\w.-]+)(?:[ \t]*=[ \t]*?|:[ \t]+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\n]+)?[ \t]*(?:#.*)?$/mg;
  var m;
  while ((m = re.exec(lines)) !== null) {
    var key = m[1];
    var value = (m[2] || '').trim();
    var q = value[0];
    value = value.replace(/^(['"`])([\s\S]*)\1$/m, '$2');
    if (q === '"') value = value.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
    out[key] = value;
  }
  return out;
}

var months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function pad2(n) { return n < 10 ? '0' + n : String(n); }
function log() {
  var d = new Date();
  var time = pad2(d.getHours()) + ':' + pad2(d.getMinutes()) + ':' + pad2(d.getSeconds());
  process.stdout.write(d.getDate() + ' ' + months[d.getMonth()] + ' ' + time + ' - ' + format.apply(null, arguments) + '\n');
}

function aborted(signal, resource) {
  if (signal === null || typeof signal !== 'object' || !('aborted' in signal)) throwType('signal', 'AbortSignal', signal);
  if (resource === null || (typeof resource !== 'object' && typeof resource !== 'function')) throwType('resource', 'object', resource);
  if (signal.aborted) return Promise.resolve();
  return new Promise(function (resolve) {
    signal.addEventListener('abort', function () { resolve(); }, { once: true });
  });
}

// ---- parseArgs ------------------------------------------------------------------

function parseArgsError(code, msg) {
  var e = new TypeError(msg);
  e.code = code;
  return e;
}

function parseArgs(config) {
  config = config === undefined ? {} : config;
  if (config === null || typeof config !== 'object') throwType('config', 'object', config);
  var args = config.args !== undefined ? config.args : process.argv.slice(2);
  var strict = config.strict !== undefined ? config.strict : true;
  var allowPositionals = config.allowPositionals !== undefined ? config.allowPositionals : !strict;
  var returnTokens = config.tokens !== undefined ? config.tokens : false;
  var options = config.options !== undefined ? config.options : {};
  if (!Array.isArray(args)) throwType('args', 'Array', args);
  var shorts = Object.create(null);
  Object.keys(options).forEach(function (name) {
    var o = options[name];
    if (o === null || typeof o !== 'object') throwType('options.' + name, 'object', o);
    if (o.type !== 'string' && o.type !== 'boolean') {
      var s = formatPrimitive(defaultOptions, o.type);
      throw parseArgsError('ERR_INVALID_ARG_TYPE', 'The "options.' + name + ".type\" property must be ('string|boolean'). Received type " + typeof o.type + ' (' + s + ')');
    }
    if (o.short !== undefined) {
      if (typeof o.short !== 'string') throwType('options.' + name + '.short', 'string', o.short);
      if (o.short.length !== 1) {
        var ve = new TypeError("The property 'options." + name + ".short' must be a single character. Received " + inspect(o.short));
        ve.code = 'ERR_INVALID_ARG_VALUE';
        throw ve;
      }
      shorts[o.short] = name;
    }
  });
  function label(name) {
    var o = options[name];
    if (o === undefined) return '--' + name;
    var l = (o.short !== undefined ? '-' + o.short + ', ' : '') + '--' + name;
    return o.type === 'string' ? l + ' <value>' : l;
  }
  // Expand "-abc" groups and "-bvalue" into tokens.
  var tokens = [];
  var i = 0;
  while (i < args.length) {
    var arg = args[i];
    var index = i;
    i++;
    if (arg === '--') {
      tokens.push({ kind: 'option-terminator', index: index });
      for (; i < args.length; i++) tokens.push({ kind: 'positional', index: i, value: args[i] });
      break;
    }
    if (arg.length > 1 && arg[0] === '-' && arg[1] !== '-') {
      var chars = arg.slice(1);
      for (var c = 0; c < chars.length; c++) {
        var ch = chars[c];
        var nm = shorts[ch] !== undefined ? shorts[ch] : ch;
        var isString = options[nm] !== undefined && options[nm].type === 'string';
        if (isString) {
          var rest = chars.slice(c + 1);
          if (rest.length > 0) {
            tokens.push({ kind: 'option', name: nm, rawName: '-' + ch, index: index, value: rest, inlineValue: true });
          } else if (i < args.length && !(chars.length > 1 && false)) {
            var next = args[i];
            if (strict && next.length > 0 && next[0] === '-') {
              throw parseArgsError('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', "Option '-" + ch + "' argument is ambiguous.\nDid you forget to specify the option argument for '" + '-' + ch + "'?\nTo specify an option argument starting with a dash use '" + '--' + nm + "=-XYZ' or '-" + ch + "-XYZ'.");
            }
            tokens.push({ kind: 'option', name: nm, rawName: '-' + ch, index: index, value: next, inlineValue: false });
            i++;
          } else {
            tokens.push({ kind: 'option', name: nm, rawName: '-' + ch, index: index, value: undefined, inlineValue: undefined });
          }
          break;
        }
        tokens.push({ kind: 'option', name: nm, rawName: '-' + ch, index: index, value: undefined, inlineValue: undefined });
      }
      continue;
    }
    if (arg.length > 2 && arg[0] === '-' && arg[1] === '-') {
      var eq = arg.indexOf('=');
      if (eq !== -1) {
        tokens.push({ kind: 'option', name: arg.slice(2, eq), rawName: arg.slice(0, eq), index: index, value: arg.slice(eq + 1), inlineValue: true });
        continue;
      }
      var name = arg.slice(2);
      if (options[name] !== undefined && options[name].type === 'string') {
        if (i < args.length) {
          var nv = args[i];
          if (strict && nv.length > 0 && nv[0] === '-') {
            throw parseArgsError('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', "Option '" + arg + "' argument is ambiguous.\nDid you forget to specify the option argument for '" + arg + "'?\nTo specify an option argument starting with a dash use '" + arg + "=-XYZ'.");
          }
          tokens.push({ kind: 'option', name: name, rawName: arg, index: index, value: nv, inlineValue: false });
          i++;
        } else {
          tokens.push({ kind: 'option', name: name, rawName: arg, index: index, value: undefined, inlineValue: undefined });
        }
        continue;
      }
      tokens.push({ kind: 'option', name: name, rawName: arg, index: index, value: undefined, inlineValue: undefined });
      continue;
    }
    tokens.push({ kind: 'positional', index: index, value: arg });
  }
  var values = Object.create(null);
  var positionals = [];
  tokens.forEach(function (t) {
    if (t.kind === 'option') {
      var o = options[t.name];
      if (strict) {
        if (o === undefined) {
          var unknown = t.rawName;
          var hint = allowPositionals ? ". To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- " + JSON.stringify(unknown) : ''; // (sic: node leaves the quote open)
          throw parseArgsError('ERR_PARSE_ARGS_UNKNOWN_OPTION', "Unknown option '" + unknown + "'" + hint);
        }
        if (o.type === 'string' && typeof t.value !== 'string') {
          throw parseArgsError('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', "Option '" + label(t.name) + "' argument missing");
        }
        if (o.type === 'boolean' && t.value !== undefined) {
          throw parseArgsError('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', "Option '" + label(t.name) + "' does not take an argument");
        }
      }
      var v = o !== undefined && o.type === 'boolean' ? true : t.value === undefined ? true : t.value;
      if (o !== undefined && o.type === 'boolean' && !strict && t.value !== undefined) v = t.value;
      if (o !== undefined && o.multiple) {
        if (values[t.name] === undefined) values[t.name] = [];
        values[t.name].push(v);
      } else {
        values[t.name] = v;
      }
    } else if (t.kind === 'positional') {
      if (!allowPositionals) {
        throw parseArgsError('ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL', "Unexpected argument '" + t.value + "'. This command does not take positional arguments");
      }
      positionals.push(t.value);
    }
  });
  Object.keys(options).forEach(function (name) {
    if (options[name].default !== undefined && values[name] === undefined) values[name] = options[name].default;
  });
  var result = { values: values, positionals: positionals };
  if (returnTokens) {
    result.tokens = tokens.map(function (t) {
      if (t.kind !== 'option') return t;
      var o = { kind: 'option', name: t.name, rawName: t.rawName, index: t.index };
      if (t.value !== undefined || t.inlineValue !== undefined) { o.value = t.value; o.inlineValue = t.inlineValue; }
      return o;
    });
  }
  return result;
}

// ---- MIMEType / MIMEParams (WHATWG MIME Sniffing's parser) ------------------

var reToken = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
var reQuotedValue = /^[\t\u0020-\u007e\u0080-\u00ff]*$/;
var reWS = /^[\t\n\r ]+|[\t\n\r ]+$/g;

function mimeError(what, input, at) {
  var e = new TypeError('The MIME syntax for a ' + what + ' in "' + input + '" is invalid' + (at !== undefined ? ' at ' + at : ''));
  e.code = 'ERR_INVALID_MIME_SYNTAX';
  return e;
}

function MIMEParams() {
  if (!(this instanceof MIMEParams)) throw new TypeError("Class constructor MIMEParams cannot be invoked without 'new'");
  Object.defineProperty(this, '_map', { value: new Map() });
}
MIMEParams.prototype.delete = function (name) { this._map.delete(String(name)); };
MIMEParams.prototype.get = function (name) { var v = this._map.get(String(name)); return v === undefined ? null : v; };
MIMEParams.prototype.has = function (name) { return this._map.has(String(name)); };
MIMEParams.prototype.set = function (name, value) {
  name = String(name);
  value = String(value);
  if (!reToken.test(name)) throw mimeError('parameter name', name, invalidAt(name, reTokenChar));
  if (!reQuotedValue.test(value)) throw mimeError('parameter value', value, invalidAt(value, reQuotedChar));
  this._map.set(name, value);
};
MIMEParams.prototype.entries = function () { return this._map.entries(); };
MIMEParams.prototype.keys = function () { return this._map.keys(); };
MIMEParams.prototype.values = function () { return this._map.values(); };
MIMEParams.prototype[Symbol.iterator] = MIMEParams.prototype.entries;
MIMEParams.prototype.toString = function () {
  var out = [];
  this._map.forEach(function (v, k) {
    if (v === '' || !reToken.test(v)) v = '"' + v.replace(/["\\]/g, '\\$&') + '"';
    out.push(k + '=' + v);
  });
  return out.join(';');
};
MIMEParams.prototype.toJSON = MIMEParams.prototype.toString;

var reTokenChar = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
var reQuotedChar = /[\t\u0020-\u007e\u0080-\u00ff]/;
function invalidAt(s, ok) {
  for (var i = 0; i < s.length; i++) if (!ok.test(s[i])) return i;
  return undefined;
}

function parseMIMEParams(params, str, pos) {
  while (pos < str.length) {
    pos++; // past ';'
    while (pos < str.length && /[\t\n\r ]/.test(str[pos])) pos++;
    var name = '';
    while (pos < str.length && str[pos] !== ';' && str[pos] !== '=') name += str[pos++];
    name = name.toLowerCase();
    if (pos < str.length && str[pos] === ';') continue;
    if (pos >= str.length) break;
    pos++; // past '='
    var value = '';
    if (str[pos] === '"') {
      pos++;
      while (pos < str.length) {
        var c = str[pos];
        if (c === '"') { pos++; break; }
        if (c === '\\' && pos + 1 < str.length) { value += str[pos + 1]; pos += 2; continue; }
        if (c === '\\') { value += '\\'; pos++; continue; }
        value += c;
        pos++;
      }
      while (pos < str.length && str[pos] !== ';') pos++;
    } else {
      while (pos < str.length && str[pos] !== ';') value += str[pos++];
      value = value.replace(/[\t\n\r ]+$/, '');
      if (value === '') continue;
    }
    if (name !== '' && reToken.test(name) && reQuotedValue.test(value) && !params._map.has(name)) params._map.set(name, value);
  }
}

function MIMEType(input) {
  if (!(this instanceof MIMEType)) throw new TypeError("Class constructor MIMEType cannot be invoked without 'new'");
  var str = String(input).replace(reWS, '');
  var slash = str.indexOf('/');
  var type = slash === -1 ? str : str.slice(0, slash);
  if (slash === -1 || !reToken.test(type)) throw mimeError('type', str, invalidAt(type, reTokenChar));
  var semi = str.indexOf(';', slash + 1);
  var subtype = (semi === -1 ? str.slice(slash + 1) : str.slice(slash + 1, semi)).replace(/[\t\n\r ]+$/, '');
  if (!reToken.test(subtype)) throw mimeError('subtype', str, invalidAt(subtype, reTokenChar));
  Object.defineProperty(this, '_type', { value: type.toLowerCase(), writable: true });
  Object.defineProperty(this, '_subtype', { value: subtype.toLowerCase(), writable: true });
  var params = new MIMEParams();
  Object.defineProperty(this, '_params', { value: params });
  if (semi !== -1) parseMIMEParams(params, str, semi);
}
Object.defineProperty(MIMEType.prototype, 'type', {
  get: function () { return this._type; },
  set: function (v) {
    v = String(v);
    if (!reToken.test(v)) throw mimeError('type', v, invalidAt(v, reTokenChar));
    this._type = v.toLowerCase();
  },
  enumerable: true, configurable: true
});
Object.defineProperty(MIMEType.prototype, 'subtype', {
  get: function () { return this._subtype; },
  set: function (v) {
    v = String(v);
    if (!reToken.test(v)) throw mimeError('subtype', v, invalidAt(v, reTokenChar));
    this._subtype = v.toLowerCase();
  },
  enumerable: true, configurable: true
});
Object.defineProperty(MIMEType.prototype, 'essence', { get: function () { return this._type + '/' + this._subtype; }, enumerable: true, configurable: true });
Object.defineProperty(MIMEType.prototype, 'params', { get: function () { return this._params; }, enumerable: true, configurable: true });
MIMEType.prototype.toString = function () {
  var p = this._params.toString();
  return this.essence + (p ? ';' + p : '');
};
MIMEType.prototype.toJSON = MIMEType.prototype.toString;

function isDeepEqualLoose(a, b) { return deepEqual(a, b, false); }

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
exports.isDeepStrictEqual = isDeepStrictEqual;
exports.types = types;
exports.debuglog = debuglog;
exports.debug = debuglog;
exports.toUSVString = toUSVString;
exports.stripVTControlCharacters = stripVTControlCharacters;
exports.getSystemErrorName = getSystemErrorName;
exports.styleText = styleText;
exports.getSystemErrorMap = function getSystemErrorMap() {
  var m = new Map();
  binding.errnoList().forEach(function (e) { m.set(e[0], [e[1], e[2]]); });
  return m;
};
exports.parseArgs = parseArgs;
exports.MIMEType = MIMEType;
exports.MIMEParams = MIMEParams;
exports.parseEnv = parseEnv;
exports.log = log;
exports.aborted = aborted;
exports.isBuffer = function isBuffer(b) { return typeof Buffer === 'function' && Buffer.isBuffer(b); };
// gonode has one thread: nothing is transferred, the values are returned.
exports.transferableAbortSignal = function transferableAbortSignal(s) { return s; };
exports.transferableAbortController = function transferableAbortController() { return new AbortController(); };
exports.TextEncoder = TextEncoder;
exports.TextDecoder = TextDecoder;
// Shared with assert (not a public API): loose and strict deep equality.
Object.defineProperty(exports, '_deepEqual', { value: function (a, b, strict) { return deepEqual(a, b, !!strict); } });
void isDeepEqualLoose;
