// util extras: the parts of util that most scripts never touch, compiled
// only when first used (see lazyExport in util.js).
'use strict';

var util = require('util');
var I = util._internal;
var inspect = util.inspect;
var format = util.format;
var toStr = I.toStr, hasOwn = I.hasOwn, isError = I.isError, boxedKind = I.boxedKind;
var formatPrimitive = I.formatPrimitive, defaultOptions = I.defaultOptions, throwType = I.throwType;
var getConstructorName = I.getConstructorName, customSymbol = I.customSymbol;
var colors = inspect.colors;

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


exports.isDeepStrictEqual = isDeepStrictEqual;
exports._deepEqual = function (a, b, strict) { return deepEqual(a, b, !!strict); };
exports.styleText = styleText;
exports.parseArgs = parseArgs;
exports.MIMEType = MIMEType;
exports.MIMEParams = MIMEParams;
exports.parseEnv = parseEnv;
exports.log = log;
exports.aborted = aborted;
exports.TextEncoder = TextEncoder;
exports.TextDecoder = TextDecoder;
