// querystring: node's URL query string codec. '+' decodes to a space,
// repeated keys become arrays, parse results have a null prototype, and
// malformed percent escapes are decoded leniently rather than throwing.
'use strict';

// Hoisted: goja compiles a regexp literal every time it is evaluated.
var rePlus = /\+/g;

function escape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  try {
    return encodeURIComponent(str);
  } catch (e) {
    var err = new URIError('URI malformed');
    err.code = 'ERR_INVALID_URI';
    throw err;
  }
}

function hexVal(c) {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

// unescapeBytes turns %XX escapes into bytes, leaving malformed ones as
// they are, then decodes the bytes as UTF-8 with U+FFFD for bad sequences.
function unescapeBytes(s, decodeSpaces) {
  var bytes = [];
  for (var i = 0; i < s.length; i++) {
    var c = s.charCodeAt(i);
    if (c === 43 && decodeSpaces) { bytes.push(32); continue; }
    if (c === 37 && i + 2 < s.length + 0 && i + 2 <= s.length - 1) {
      var h = hexVal(s.charCodeAt(i + 1)), l = hexVal(s.charCodeAt(i + 2));
      if (h >= 0 && l >= 0) { bytes.push(h * 16 + l); i += 2; continue; }
    }
    if (c < 0x80) bytes.push(c);
    else {
      var enc = unescapeUTF8(s, i);
      for (var k = 0; k < enc.bytes.length; k++) bytes.push(enc.bytes[k]);
      i = enc.next - 1;
    }
  }
  return utf8Decode(bytes);
}

function unescapeUTF8(s, i) {
  var cp = s.codePointAt(i);
  var next = i + (cp > 0xffff ? 2 : 1);
  if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
  var b;
  if (cp < 0x800) b = [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  else if (cp < 0x10000) b = [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  else b = [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return { bytes: b, next: next };
}

function utf8Decode(b) {
  var out = '';
  for (var i = 0; i < b.length;) {
    var c = b[i];
    var need = 0, cp = 0, min = 0;
    if (c < 0x80) { out += String.fromCharCode(c); i++; continue; }
    else if (c >= 0xc2 && c <= 0xdf) { need = 1; cp = c & 0x1f; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { need = 2; cp = c & 0x0f; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { need = 3; cp = c & 0x07; min = 0x10000; }
    else { out += '\ufffd'; i++; continue; }
    var j = 1;
    for (; j <= need; j++) {
      var cc = b[i + j];
      if (cc === undefined || (cc & 0xc0) !== 0x80) break;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (j <= need || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      out += '\ufffd';
      i += j; // j >= 1: the lead byte and the continuation bytes it had
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

function unescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch (e) {
    return unescapeBytes(s, decodeSpaces);
  }
}

function stringifyPrimitive(v) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && isFinite(v)) return '' + v;
  if (typeof v === 'bigint') return '' + v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function stringify(obj, sep, eq, options) {
  sep = sep || '&';
  eq = eq || '=';
  var encode = escape;
  if (options && typeof options.encodeURIComponent === 'function') encode = options.encodeURIComponent;
  if (obj === null || typeof obj !== 'object') return '';
  var keys = Object.keys(obj);
  var fields = [];
  for (var i = 0; i < keys.length; i++) {
    var k = keys[i];
    var v = obj[k];
    var ks = encode(stringifyPrimitive(k)) + eq;
    if (Array.isArray(v)) {
      for (var j = 0; j < v.length; j++) fields.push(ks + encode(stringifyPrimitive(v[j])));
    } else {
      fields.push(ks + encode(stringifyPrimitive(v)));
    }
  }
  return fields.join(sep);
}

function parse(qs, sep, eq, options) {
  var obj = Object.create(null);
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  sep = sep ? String(sep) : '&';
  eq = eq ? String(eq) : '=';
  var maxKeys = 1000;
  if (options && typeof options.maxKeys === 'number') maxKeys = options.maxKeys;
  var decode = unescape;
  var custom = options && typeof options.decodeURIComponent === 'function' && options.decodeURIComponent !== unescape;
  if (custom) decode = options.decodeURIComponent;
  var parts = qs.split(sep);
  if (maxKeys > 0 && parts.length > maxKeys) parts = parts.slice(0, maxKeys);
  for (var i = 0; i < parts.length; i++) {
    var part = parts[i];
    if (part.length === 0 && i > 0 && i < parts.length) continue;
    if (part.length === 0) continue;
    var idx = part.indexOf(eq);
    var k, v;
    if (idx >= 0) { k = part.slice(0, idx); v = part.slice(idx + eq.length); }
    else { k = part; v = ''; }
    if (k.indexOf('+') !== -1) k = k.replace(rePlus, ' ');
    if (v.indexOf('+') !== -1) v = v.replace(rePlus, ' ');
    k = decodeStr(k, decode);
    v = decodeStr(v, decode);
    var cur = obj[k];
    if (cur === undefined) obj[k] = v;
    else if (Array.isArray(cur)) cur.push(v);
    else obj[k] = [cur, v];
  }
  return obj;
}

function decodeStr(s, decode) {
  if (s.indexOf('%') < 0) return s;
  try {
    return decode(s);
  } catch (e) {
    return unescape(s, true);
  }
}

exports.unescapeBuffer = function (s, decodeSpaces) {
  var str = unescapeBytes(String(s), decodeSpaces);
  return typeof Buffer === 'function' ? Buffer.from(str) : str;
};
exports.unescape = unescape;
// For url's percent-decoding; not enumerable, so the module's names stay node's.
Object.defineProperty(exports, '_utf8Decode', { value: utf8Decode });
exports.escape = escape;
exports.stringify = stringify;
exports.encode = stringify;
exports.parse = parse;
exports.decode = parse;
