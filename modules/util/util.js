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


// The rarely used parts of util (deep equality, TextEncoder/TextDecoder,
// parseArgs, MIMEType, styleText, …) live in util_extras.js and are
// compiled on first use: console.log loads this module, so its size is
// start-up time for nearly every script.
var extrasCache = null;
function extras() {
  if (extrasCache === null) extrasCache = require('internal/util/extras');
  return extrasCache;
}
function lazyExport(name) {
  Object.defineProperty(exports, name, {
    get: function () {
      var v = extras()[name];
      Object.defineProperty(exports, name, { value: v, writable: true, enumerable: true, configurable: true });
      return v;
    },
    set: function (v) {
      Object.defineProperty(exports, name, { value: v, writable: true, enumerable: true, configurable: true });
    },
    enumerable: true, configurable: true
  });
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
lazyExport('isDeepStrictEqual');
exports.types = types;
exports.debuglog = debuglog;
exports.debug = debuglog;
exports.toUSVString = toUSVString;
exports.stripVTControlCharacters = stripVTControlCharacters;
exports.getSystemErrorName = getSystemErrorName;
lazyExport('styleText');
exports.getSystemErrorMap = function getSystemErrorMap() {
  var m = new Map();
  binding.errnoList().forEach(function (e) { m.set(e[0], [e[1], e[2]]); });
  return m;
};
lazyExport('parseArgs');
lazyExport('MIMEType');
lazyExport('MIMEParams');
lazyExport('parseEnv');
lazyExport('log');
lazyExport('aborted');
exports.isBuffer = function isBuffer(b) { return typeof Buffer === 'function' && Buffer.isBuffer(b); };
// gonode has one thread: nothing is transferred, the values are returned.
exports.transferableAbortSignal = function transferableAbortSignal(s) { return s; };
exports.transferableAbortController = function transferableAbortController() { return new AbortController(); };
lazyExport('TextEncoder');
lazyExport('TextDecoder');
// Shared with assert (not a public API): loose and strict deep equality.
Object.defineProperty(exports, '_deepEqual', { get: function () { return extras()._deepEqual; }, configurable: true });
// Helpers the extras module (util_extras.js) shares with this one.
Object.defineProperty(exports, '_internal', {
  value: {
    toStr: toStr, hasOwn: hasOwn, isError: isError, boxedKind: boxedKind, formatPrimitive: formatPrimitive,
    defaultOptions: defaultOptions, throwType: throwType, getConstructorName: getConstructorName, customSymbol: customSymbol
  }
});
