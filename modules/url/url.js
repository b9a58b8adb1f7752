// url: the WHATWG URL Standard's parser (as node v20 implements it) for URL
// and URLSearchParams, and node's legacy url.parse/format/resolve.
'use strict';

// Regexp literals are hoisted: goja compiles a literal each time the
// expression runs, which cost more than the URL parse itself.
var reAllASCII = /^[\x00-\x7f]*$/;
var reDigits = /^[0-9]+$/;
var reHexPrefix = /^0x/;
var reOuterC0Space = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
var reTabNL = /[\t\n\r]/g;
var rePlus = /\+/g;
var reFormSafe = /^[A-Za-z0-9*\-._]*$/;
var reQueryOrHash = /[?#]/;
var reBackslash = /\\/g;
var reSlashAuth = /^\/\/[^@/]+@[^@/]+/;
var reHashOrQuery = /[#?]/g;
var reHash = /#/g;
var reColonEnc = /%3A/gi;
var reFileProto = /^file:?$/;
var reHexDigits = /^[0-9a-fA-F]+$/;
var reOctDigits = /^[0-7]+$/;

var querystring = require('querystring');
var inspect = require('util').inspect;

// ---- errors -----------------------------------------------------------------

function invalidURL(input, base) {
  var e = new TypeError('Invalid URL');
  e.code = 'ERR_INVALID_URL';
  e.input = input;
  if (base !== undefined) e.base = base;
  return e;
}

function argType(name, type, v) {
  var r;
  if (v === null) r = 'null';
  else if (v === undefined) r = 'undefined';
  else if (typeof v === 'function') r = 'function ' + v.name;
  else if (typeof v === 'object') r = 'an instance of ' + ((v.constructor && v.constructor.name) || 'Object');
  else {
    var s = inspect(v);
    if (s.length > 28) s = s.slice(0, 25) + '...';
    r = 'type ' + typeof v + ' (' + s + ')';
  }
  var e = new TypeError('The "' + name + '" argument must be ' + type + '. Received ' + r);
  e.code = 'ERR_INVALID_ARG_TYPE';
  return e;
}

// ---- percent-encoding ----------------------------------------------------------

var specialSchemes = { 'ftp:': 21, 'file:': null, 'http:': 80, 'https:': 443, 'ws:': 80, 'wss:': 443 };
var specialSet = { ftp: true, file: true, http: true, https: true, ws: true, wss: true };
function isSpecialScheme(s) { return specialSet[s] === true; }

function inC0(c) { return c < 0x20 || c > 0x7e; }
function inFragment(c) { return inC0(c) || c === 0x20 || c === 0x22 || c === 0x3c || c === 0x3e || c === 0x60; }
function inQuery(c) { return inC0(c) || c === 0x20 || c === 0x22 || c === 0x23 || c === 0x3c || c === 0x3e; }
function inSpecialQuery(c) { return inQuery(c) || c === 0x27; }
function inPath(c) { return inQuery(c) || c === 0x3f || c === 0x60 || c === 0x7b || c === 0x7d; }
function inUserinfo(c) {
  return inPath(c) || c === 0x2f || c === 0x3a || c === 0x3b || c === 0x3d || c === 0x40 ||
    (c >= 0x5b && c <= 0x5e) || c === 0x7c;
}

var hexUpper = '0123456789ABCDEF';
function pctByte(b) { return '%' + hexUpper[b >> 4] + hexUpper[b & 15]; }

function utf8Bytes(cp) {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
}

// goja's charCodeAt/codePointAt box the string on every call (µs each), so
// the parser works on arrays of code points made in one Go call
// (binding.codePoints) and on these tables.
var ASCII = [], PCT = [];
for (var ai = 0; ai < 256; ai++) {
  ASCII.push(String.fromCharCode(ai));
  PCT.push('%' + hexUpper[ai >> 4] + hexUpper[ai & 15]);
}
function cpStr(c) { return c < 128 ? ASCII[c] : String.fromCodePoint(c); }

// encodeCode percent-encodes code point cp when inSet says so (non-ASCII
// always, as UTF-8 bytes); lone surrogates become U+FFFD first.
function encodeCode(cp, inSet) {
  if (cp < 0x80) return inSet(cp) ? PCT[cp] : ASCII[cp];
  if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
  var bytes = utf8Bytes(cp);
  var out = '';
  for (var i = 0; i < bytes.length; i++) out += PCT[bytes[i]];
  return out;
}

function encodeStr(s, inSet) {
  var cps = binding.codePoints(s);
  var out = '';
  for (var i = 0; i < cps.length; i++) out += encodeCode(cps[i], inSet);
  return out;
}

function hexVal(c) {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

// percentDecodeBytes turns a string into bytes (UTF-8) decoding %XX.
function percentDecodeBytes(s) {
  var cps = binding.codePoints(s);
  var bytes = [];
  for (var i = 0; i < cps.length; i++) {
    var c = cps[i];
    if (c === 0x25 && i + 2 < cps.length && hexVal(cps[i + 1]) >= 0 && hexVal(cps[i + 2]) >= 0) {
      bytes.push(hexVal(cps[i + 1]) * 16 + hexVal(cps[i + 2]));
      i += 2;
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
      var b = utf8Bytes(c);
      for (var k = 0; k < b.length; k++) bytes.push(b[k]);
    }
  }
  return bytes;
}

// UTF-8 bytes to a string, bad sequences as U+FFFD: querystring's decoder,
// shared rather than kept twice.
var utf8Decode = querystring._utf8Decode;

// ---- hosts ----------------------------------------------------------------------

function isForbiddenHost(c) {
  return c === 0 || c === 9 || c === 0xa || c === 0xd || c === 0x20 || c === 0x23 || c === 0x2f || c === 0x3a ||
    c === 0x3c || c === 0x3e || c === 0x3f || c === 0x40 || c === 0x5b || c === 0x5c || c === 0x5d || c === 0x5e || c === 0x7c;
}
function isForbiddenDomain(c) { return isForbiddenHost(c) || inC0(c) || c === 0x25 || c === 0x7f; }

var FAIL = {};

function parseHost(input, notSpecial) {
  if (input[0] === '[') {
    if (input[input.length - 1] !== ']') return FAIL;
    var v6 = parseIPv6(input.slice(1, -1));
    return v6 === FAIL ? FAIL : '[' + serializeIPv6(v6) + ']';
  }
  if (notSpecial) {
    var hc = binding.codePoints(input);
    for (var i = 0; i < hc.length; i++) {
      if (isForbiddenHost(hc[i])) return FAIL;
    }
    return encodeStr(input, inC0);
  }
  var domain = input.indexOf('%') === -1 ? input : utf8Decode(percentDecodeBytes(input));
  var ascii = domainToASCIIInternal(domain);
  if (ascii === FAIL || ascii === '') return FAIL;
  var ac = binding.codePoints(ascii);
  for (var k = 0; k < ac.length; k++) {
    if (isForbiddenDomain(ac[k])) return FAIL;
  }
  if (endsInNumber(ascii)) {
    var v4 = parseIPv4(ascii);
    return v4 === FAIL ? FAIL : serializeIPv4(v4);
  }
  return ascii;
}

function domainToASCIIInternal(domain) {
  // Pure ASCII without punycode labels only needs lower-casing; the rest
  // goes through UTS #46 (Go's x/net/idna).
  if (reAllASCII.test(domain) && domain.toLowerCase().indexOf('xn--') === -1) return domain.toLowerCase();
  var r = binding.toASCII(domain);
  return r === null ? FAIL : r;
}

function endsInNumber(s) {
  var parts = s.split('.');
  if (parts[parts.length - 1] === '') {
    if (parts.length === 1) return false;
    parts.pop();
  }
  var last = parts[parts.length - 1];
  if (last !== '' && reDigits.test(last)) return true;
  return parseIPv4Number(last) !== FAIL;
}

function parseIPv4Number(s) {
  if (s === '') return FAIL;
  var radix = 10;
  if (s.length >= 2 && s[0] === '0' && (s[1] === 'x' || s[1] === 'X')) { s = s.slice(2); radix = 16; }
  else if (s.length >= 2 && s[0] === '0') { s = s.slice(1); radix = 8; }
  if (s === '') return 0;
  var re = radix === 10 ? reDigits : radix === 16 ? reHexDigits : reOctDigits;
  if (!re.test(s)) return FAIL;
  return parseInt(s, radix);
}

function parseIPv4(s) {
  var parts = s.split('.');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
  if (parts.length > 4) return FAIL;
  var nums = [];
  for (var i = 0; i < parts.length; i++) {
    var n = parseIPv4Number(parts[i]);
    if (n === FAIL) return FAIL;
    nums.push(n);
  }
  for (var j = 0; j < nums.length - 1; j++) if (nums[j] > 255) return FAIL;
  if (nums[nums.length - 1] >= Math.pow(256, 5 - nums.length)) return FAIL;
  var ipv4 = nums[nums.length - 1];
  for (var k = 0; k < nums.length - 1; k++) ipv4 += nums[k] * Math.pow(256, 3 - k);
  return ipv4;
}

function serializeIPv4(n) {
  var out = [];
  for (var i = 0; i < 4; i++) { out.unshift(String(n % 256)); n = Math.floor(n / 256); }
  return out.join('.');
}

function parseIPv6(input) {
  var addr = [0, 0, 0, 0, 0, 0, 0, 0];
  var piece = 0, compress = null, p = 0;
  var cs = binding.codePoints(input);
  function c(i) { return i < cs.length ? cs[i] : -1; }
  if (c(p) === 0x3a) {
    if (c(p + 1) !== 0x3a) return FAIL;
    p += 2;
    piece++;
    compress = piece;
  }
  while (c(p) !== -1) {
    if (piece === 8) return FAIL;
    if (c(p) === 0x3a) {
      if (compress !== null) return FAIL;
      p++;
      piece++;
      compress = piece;
      continue;
    }
    var value = 0, length = 0;
    while (length < 4 && hexVal(c(p)) >= 0) {
      value = value * 16 + hexVal(c(p));
      p++;
      length++;
    }
    if (c(p) === 0x2e) {
      if (length === 0) return FAIL;
      p -= length;
      if (piece > 6) return FAIL;
      var seen = 0;
      while (c(p) !== -1) {
        var v4 = null;
        if (seen > 0) {
          if (c(p) === 0x2e && seen < 4) p++;
          else return FAIL;
        }
        if (!(c(p) >= 0x30 && c(p) <= 0x39)) return FAIL;
        while (c(p) >= 0x30 && c(p) <= 0x39) {
          var num = c(p) - 0x30;
          if (v4 === null) v4 = num;
          else if (v4 === 0) return FAIL;
          else v4 = v4 * 10 + num;
          if (v4 > 255) return FAIL;
          p++;
        }
        addr[piece] = addr[piece] * 256 + v4;
        seen++;
        if (seen === 2 || seen === 4) piece++;
      }
      if (seen !== 4) return FAIL;
      break;
    } else if (c(p) === 0x3a) {
      p++;
      if (c(p) === -1) return FAIL;
    } else if (c(p) !== -1) {
      return FAIL;
    }
    addr[piece] = value;
    piece++;
  }
  if (compress !== null) {
    var swaps = piece - compress;
    piece = 7;
    while (piece !== 0 && swaps > 0) {
      var t = addr[piece];
      addr[piece] = addr[compress + swaps - 1];
      addr[compress + swaps - 1] = t;
      piece--;
      swaps--;
    }
  } else if (piece !== 8) {
    return FAIL;
  }
  return addr;
}

function serializeIPv6(a) {
  // Compress the first longest run (length > 1) of zero pieces.
  var best = -1, bestLen = 1;
  for (var i = 0; i < 8;) {
    if (a[i] !== 0) { i++; continue; }
    var j = i;
    while (j < 8 && a[j] === 0) j++;
    if (j - i > bestLen) { best = i; bestLen = j - i; }
    i = j;
  }
  var out = '';
  var ignore0 = false;
  for (var k = 0; k < 8; k++) {
    if (ignore0 && a[k] === 0) continue;
    ignore0 = false;
    if (best === k) {
      out += k === 0 ? '::' : ':';
      ignore0 = true;
      continue;
    }
    out += a[k].toString(16);
    if (k !== 7) out += ':';
  }
  return out;
}

// ---- the basic URL parser ---------------------------------------------------------

function isAlpha(c) { return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a); }
function isDigit(c) { return c >= 0x30 && c <= 0x39; }
function isWinLetter(s, normalizedOnly) {
  return s.length === 2 && isAlpha(s.charCodeAt(0)) && (s[1] === ':' || (!normalizedOnly && s[1] === '|'));
}
function startsWithWinLetter(cps, p) {
  if (cps.length - p < 2) return false;
  if (!isAlpha(cps[p]) || (cps[p + 1] !== 0x3a && cps[p + 1] !== 0x7c)) return false;
  if (cps.length - p === 2) return true;
  var c = cps[p + 2];
  return c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23;
}
function isSingleDot(s) { return s === '.' || s.toLowerCase() === '%2e'; }
function isDoubleDot(s) {
  s = s.toLowerCase();
  return s === '..' || s === '.%2e' || s === '%2e.' || s === '%2e%2e';
}

function newRecord() {
  return { scheme: '', username: '', password: '', host: null, port: null, path: [], opaque: false, query: null, fragment: null };
}

function shortenPath(url) {
  var path = url.path;
  if (url.scheme === 'file' && path.length === 1 && isWinLetter(path[0], true)) return;
  path.pop();
}

function cpArray(s) { return binding.codePoints(s); }

// parse runs the state machine over input. url and stateOverride are for
// the setters; the result is a record or FAIL.
// The fast path: most URLs a server sees are absolute http(s)/ws(s) URLs
// or absolute paths against a special base, made only of characters that
// need no encoding, with no dot segments and a plain DNS name. The state
// machine is exact but costs ~50 µs per URL in goja; these regexps settle
// the common case in a few µs and give up (null) on anything unusual.
var fastAbs = /^(https?|wss?):\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::([0-9]{1,5}))?(\/[A-Za-z0-9\-._~!$&()*+,;=:@\/]*)?(?:\?([A-Za-z0-9\-._~!$&()*+,;=:@\/?]*))?(?:#([A-Za-z0-9\-._~!$&()*+,;=:@\/?]*))?$/;
var fastRel = /^(\/[A-Za-z0-9\-._~!$&()*+,;=:@\/]*)(?:\?([A-Za-z0-9\-._~!$&()*+,;=:@\/?]*))?(?:#([A-Za-z0-9\-._~!$&()*+,;=:@\/?]*))?$/;
var dotSegment = /(^|\/)\.\.?(\/|$)/;

function fastPath(url, path) {
  if (path === undefined || path === '') { url.path = ['']; return true; }
  if (dotSegment.test(path)) return false;
  url.path = path.slice(1).split('/');
  return true;
}

function fastParse(input, base) {
  var m;
  if (base === null) {
    m = fastAbs.exec(input);
    if (m === null) return null;
    var host = m[2];
    var last = host.slice(host.lastIndexOf('.') + 1);
    if (reDigits.test(last) || reHexPrefix.test(last) || host.indexOf('xn--') !== -1) return null;
    var url = newRecord();
    url.scheme = m[1];
    url.host = host;
    if (m[3] !== undefined) {
      var port = parseInt(m[3], 10);
      if (port > 65535) return null;
      url.port = specialSchemes[url.scheme + ':'] === port ? null : port;
    }
    if (!fastPath(url, m[4])) return null;
    if (m[5] !== undefined) url.query = m[5];
    if (m[6] !== undefined) url.fragment = m[6];
    return url;
  }
  if (base.opaque || !isSpecialScheme(base.scheme) || base.scheme === 'file') return null;
  if (input[1] === '/') return null; // "//host": a network-path reference
  m = fastRel.exec(input);
  if (m === null) return null;
  var r = newRecord();
  r.scheme = base.scheme;
  r.username = base.username;
  r.password = base.password;
  r.host = base.host;
  r.port = base.port;
  if (!fastPath(r, m[1])) return null;
  if (m[2] !== undefined) r.query = m[2];
  if (m[3] !== undefined) r.fragment = m[3];
  return r;
}

function parse(input, base, url, stateOverride) {
  if (!url) {
    var fast = fastParse(input, base);
    if (fast !== null) return fast;
    url = newRecord();
    input = input.replace(reOuterC0Space, '');
  }
  input = input.replace(reTabNL, '');
  var state = stateOverride || 'schemeStart';
  var buffer = '';
  var atSign = false, insideBrackets = false, passwordToken = false;
  var cps = cpArray(input);
  var p = 0;
  // p runs one past the end: that position is EOF (-1), and a state that
  // steps back (p--) at EOF sees EOF again in its successor state.
  for (; p <= cps.length; p++) {
    var c = p < cps.length ? cps[p] : -1;
    switch (state) {
      case 'schemeStart':
        if (c !== -1 && isAlpha(c)) {
          buffer += c >= 0x41 && c <= 0x5a ? ASCII[c + 32] : cpStr(c);
          state = 'scheme';
        } else if (!stateOverride) {
          state = 'noScheme';
          p--;
        } else return FAIL;
        break;
      case 'scheme':
        if (c !== -1 && (isAlpha(c) || isDigit(c) || c === 0x2b || c === 0x2d || c === 0x2e)) {
          buffer += c >= 0x41 && c <= 0x5a ? ASCII[c + 32] : cpStr(c);
        } else if (c === 0x3a) {
          if (stateOverride) {
            if (isSpecialScheme(url.scheme) !== isSpecialScheme(buffer)) return url;
            if ((url.username !== '' || url.password !== '' || url.port !== null) && buffer === 'file') return url;
            if (url.scheme === 'file' && (url.host === '' || url.host === null)) return url;
          }
          url.scheme = buffer;
          if (stateOverride) {
            if (url.port === specialSchemes[url.scheme + ':']) url.port = null;
            return url;
          }
          buffer = '';
          if (url.scheme === 'file') {
            state = 'file';
          } else if (isSpecialScheme(url.scheme) && base && base.scheme === url.scheme) {
            state = 'specialRelativeOrAuthority';
          } else if (isSpecialScheme(url.scheme)) {
            state = 'specialAuthoritySlashes';
          } else if (cps[p + 1] === 0x2f) {
            state = 'pathOrAuthority';
            p++;
          } else {
            url.opaque = true;
            url.path = '';
            state = 'opaquePath';
          }
        } else if (!stateOverride) {
          buffer = '';
          state = 'noScheme';
          p = -1;
        } else return FAIL;
        break;
      case 'noScheme':
        if (!base || (base.opaque && c !== 0x23)) return FAIL;
        if (base.opaque && c === 0x23) {
          url.scheme = base.scheme;
          url.path = base.path;
          url.opaque = true;
          url.query = base.query;
          url.fragment = '';
          state = 'fragment';
        } else if (base.scheme !== 'file') {
          state = 'relative';
          p--;
        } else {
          state = 'file';
          p--;
        }
        break;
      case 'specialRelativeOrAuthority':
        if (c === 0x2f && cps[p + 1] === 0x2f) {
          state = 'specialAuthorityIgnoreSlashes';
          p++;
        } else {
          state = 'relative';
          p--;
        }
        break;
      case 'pathOrAuthority':
        if (c === 0x2f) state = 'authority';
        else {
          state = 'path';
          p--;
        }
        break;
      case 'relative':
        url.scheme = base.scheme;
        if (c === 0x2f) state = 'relativeSlash';
        else if (isSpecialScheme(url.scheme) && c === 0x5c) state = 'relativeSlash';
        else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === 0x3f) {
            url.query = '';
            state = 'query';
          } else if (c === 0x23) {
            url.fragment = '';
            state = 'fragment';
          } else if (c !== -1) {
            url.query = null;
            shortenPath(url);
            state = 'path';
            p--;
          }
        }
        break;
      case 'relativeSlash':
        if (isSpecialScheme(url.scheme) && (c === 0x2f || c === 0x5c)) {
          state = 'specialAuthorityIgnoreSlashes';
        } else if (c === 0x2f) {
          state = 'authority';
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          state = 'path';
          p--;
        }
        break;
      case 'specialAuthoritySlashes':
        if (c === 0x2f && cps[p + 1] === 0x2f) {
          state = 'specialAuthorityIgnoreSlashes';
          p++;
        } else {
          state = 'specialAuthorityIgnoreSlashes';
          p--;
        }
        break;
      case 'specialAuthorityIgnoreSlashes':
        if (c !== 0x2f && c !== 0x5c) {
          state = 'authority';
          p--;
        }
        break;
      case 'authority':
        if (c === 0x40) {
          if (atSign) buffer = '%40' + buffer;
          atSign = true;
          var bcps = cpArray(buffer);
          for (var bi = 0; bi < bcps.length; bi++) {
            var bc = bcps[bi];
            if (bc === 0x3a && !passwordToken) {
              passwordToken = true;
              continue;
            }
            var enc = encodeCode(bc, inUserinfo);
            if (passwordToken) url.password += enc;
            else url.username += enc;
          }
          buffer = '';
        } else if (c === -1 || c === 0x2f || c === 0x3f || c === 0x23 || (isSpecialScheme(url.scheme) && c === 0x5c)) {
          if (atSign && buffer === '') return FAIL;
          p -= cpArray(buffer).length + 1;
          buffer = '';
          state = 'host';
        } else {
          buffer += cpStr(c);
        }
        break;
      case 'host':
      case 'hostname':
        if (stateOverride && url.scheme === 'file') {
          p--;
          state = 'fileHost';
        } else if (c === 0x3a && !insideBrackets) {
          if (buffer === '') return FAIL;
          if (stateOverride === 'hostname') return FAIL;
          var h = parseHost(buffer, !isSpecialScheme(url.scheme));
          if (h === FAIL) return FAIL;
          url.host = h;
          buffer = '';
          state = 'port';
        } else if (c === -1 || c === 0x2f || c === 0x3f || c === 0x23 || (isSpecialScheme(url.scheme) && c === 0x5c)) {
          p--;
          if (isSpecialScheme(url.scheme) && buffer === '') return FAIL;
          if (stateOverride && buffer === '' && (url.username !== '' || url.password !== '' || url.port !== null)) return FAIL;
          var h2 = parseHost(buffer, !isSpecialScheme(url.scheme));
          if (h2 === FAIL) return FAIL;
          url.host = h2;
          buffer = '';
          state = 'pathStart';
          if (stateOverride) return url;
        } else {
          if (c === 0x5b) insideBrackets = true;
          if (c === 0x5d) insideBrackets = false;
          buffer += cpStr(c);
        }
        break;
      case 'port':
        if (c !== -1 && isDigit(c)) {
          buffer += cpStr(c);
        } else if (c === -1 || c === 0x2f || c === 0x3f || c === 0x23 || (isSpecialScheme(url.scheme) && c === 0x5c) || stateOverride) {
          if (buffer !== '') {
            var port = parseInt(buffer, 10);
            if (port > 65535) return FAIL;
            url.port = specialSchemes[url.scheme + ':'] === port ? null : port;
            buffer = '';
          }
          if (stateOverride) return url;
          state = 'pathStart';
          p--;
        } else return FAIL;
        break;
      case 'file':
        url.scheme = 'file';
        url.host = '';
        if (c === 0x2f || c === 0x5c) {
          state = 'fileSlash';
        } else if (base && base.scheme === 'file') {
          url.host = base.host;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === 0x3f) {
            url.query = '';
            state = 'query';
          } else if (c === 0x23) {
            url.fragment = '';
            state = 'fragment';
          } else if (c !== -1) {
            url.query = null;
            if (!startsWithWinLetter(cps, p)) shortenPath(url);
            else url.path = [];
            state = 'path';
            p--;
          }
        } else {
          state = 'path';
          p--;
        }
        break;
      case 'fileSlash':
        if (c === 0x2f || c === 0x5c) {
          state = 'fileHost';
        } else {
          if (base && base.scheme === 'file') {
            url.host = base.host;
            if (!startsWithWinLetter(cps, p) && base.path.length > 0 && isWinLetter(base.path[0], true)) url.path.push(base.path[0]);
          }
          state = 'path';
          p--;
        }
        break;
      case 'fileHost':
        if (c === -1 || c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23) {
          p--;
          if (!stateOverride && isWinLetter(buffer, false)) {
            state = 'path';
          } else if (buffer === '') {
            url.host = '';
            if (stateOverride) return url;
            state = 'pathStart';
          } else {
            var fh = parseHost(buffer, false);
            if (fh === FAIL) return FAIL;
            if (fh === 'localhost') fh = '';
            url.host = fh;
            if (stateOverride) return url;
            buffer = '';
            state = 'pathStart';
          }
        } else {
          buffer += cpStr(c);
        }
        break;
      case 'pathStart':
        if (isSpecialScheme(url.scheme)) {
          state = 'path';
          if (c !== 0x2f && c !== 0x5c) p--;
        } else if (!stateOverride && c === 0x3f) {
          url.query = '';
          state = 'query';
        } else if (!stateOverride && c === 0x23) {
          url.fragment = '';
          state = 'fragment';
        } else if (c !== -1) {
          state = 'path';
          if (c !== 0x2f) p--;
        } else if (stateOverride && url.host === null) {
          url.path.push('');
        }
        break;
      case 'path':
        if (c === -1 || c === 0x2f || (isSpecialScheme(url.scheme) && c === 0x5c) || (!stateOverride && (c === 0x3f || c === 0x23))) {
          if (isDoubleDot(buffer)) {
            shortenPath(url);
            if (c !== 0x2f && !(isSpecialScheme(url.scheme) && c === 0x5c)) url.path.push('');
          } else if (isSingleDot(buffer) && c !== 0x2f && !(isSpecialScheme(url.scheme) && c === 0x5c)) {
            url.path.push('');
          } else if (!isSingleDot(buffer)) {
            if (url.scheme === 'file' && url.path.length === 0 && isWinLetter(buffer, false)) buffer = buffer[0] + ':';
            url.path.push(buffer);
          }
          buffer = '';
          if (c === 0x3f) {
            url.query = '';
            state = 'query';
          }
          if (c === 0x23) {
            url.fragment = '';
            state = 'fragment';
          }
        } else {
          buffer += encodeCode(c, inPath);
        }
        break;
      case 'opaquePath':
        if (c === 0x3f) {
          url.query = '';
          state = 'query';
        } else if (c === 0x23) {
          url.fragment = '';
          state = 'fragment';
        } else if (c !== -1) {
          url.path += encodeCode(c, inC0);
        }
        break;
      case 'query':
        if ((!stateOverride && c === 0x23) || c === -1) {
          url.query += encodeStr(buffer, isSpecialScheme(url.scheme) ? inSpecialQuery : inQuery);
          buffer = '';
          if (c === 0x23) {
            url.fragment = '';
            state = 'fragment';
          }
        } else if (c !== -1) {
          buffer += cpStr(c);
        }
        break;
      case 'fragment':
        if (c !== -1) url.fragment += encodeCode(c, inFragment);
        break;
    }
  }
  return url;
}

function serializePath(u) {
  if (u.opaque) return u.path;
  var out = '';
  for (var i = 0; i < u.path.length; i++) out += '/' + u.path[i];
  return out;
}

function serialize(u, excludeFragment) {
  var out = u.scheme + ':';
  if (u.host !== null) {
    out += '//';
    if (u.username !== '' || u.password !== '') {
      out += u.username;
      if (u.password !== '') out += ':' + u.password;
      out += '@';
    }
    out += u.host;
    if (u.port !== null) out += ':' + u.port;
  }
  if (u.host === null && !u.opaque && u.path.length > 1 && u.path[0] === '') out += '/.';
  out += serializePath(u);
  if (u.query !== null) out += '?' + u.query;
  if (!excludeFragment && u.fragment !== null) out += '#' + u.fragment;
  return out;
}

// ---- URL --------------------------------------------------------------------------

var ctx = typeof WeakMap === 'function' ? new WeakMap() : null;
function rec(self) {
  var r = ctx.get(self);
  if (r === undefined) {
    var e = new TypeError('Receiver must be an instance of class URL');
    e.code = 'ERR_INVALID_THIS';
    throw e;
  }
  return r;
}

// toUSV: USVString conversion in Go (a lone surrogate becomes U+FFFD when
// goja hands the string to Go); a regexp with the needed lookahead runs on
// regexp2 and costs more than the whole parse.
function toUSV(v) { return binding.usv(String(v)); }

function URL(input, base) {
  if (!(this instanceof URL)) throw new TypeError("Class constructor URL cannot be invoked without 'new'");
  if (arguments.length === 0) {
    var me = new TypeError('The "url" argument must be specified');
    me.code = 'ERR_MISSING_ARGS';
    throw me;
  }
  input = toUSV(input);
  var baseRec;
  if (base !== undefined) {
    base = toUSV(base);
    baseRec = parse(base, null);
    if (baseRec === FAIL) throw invalidURL(input, base);
  }
  var r = parse(input, baseRec || null);
  if (r === FAIL) throw invalidURL(input, base);
  ctx.set(this, r);
  r.searchParams = null;
}

function getSearchParams(self) {
  var r = rec(self);
  if (r.searchParams === null) {
    var sp = new URLSearchParams(r.query || '');
    spState(sp).url = self;
    r.searchParams = sp;
  }
  return r.searchParams;
}

function updateSearchFromParams(url) {
  var r = rec(url);
  var s = serializeParams(spState(r.searchParams).list);
  r.query = s === '' ? null : s;
}

function reparseParams(r) {
  if (r.searchParams !== null) spState(r.searchParams).list = parseParams(r.query || '');
}

function accessor(name, get, set) {
  Object.defineProperty(URL.prototype, name, { get: get, set: set, enumerable: true, configurable: true });
}

accessor('href', function () { return serialize(rec(this)); }, function (v) {
  var r = parse(toUSV(v), null);
  if (r === FAIL) throw invalidURL(String(v));
  var old = rec(this);
  r.searchParams = old.searchParams;
  ctx.set(this, r);
  reparseParams(r);
});
accessor('origin', function () {
  var r = rec(this);
  if (r.scheme === 'blob') {
    var inner = parse(serializePath(r), null);
    if (inner !== FAIL && (inner.scheme === 'http' || inner.scheme === 'https')) return originOf(inner);
    return 'null';
  }
  return originOf(r);
});
function originOf(r) {
  if (r.scheme === 'file' || !isSpecialScheme(r.scheme)) return 'null';
  return r.scheme + '://' + r.host + (r.port !== null ? ':' + r.port : '');
}
accessor('protocol', function () { return rec(this).scheme + ':'; }, function (v) {
  parse(toUSV(v) + ':', null, rec(this), 'schemeStart');
});
function cannotHaveCreds(r) { return r.host === null || r.host === '' || r.scheme === 'file'; }
accessor('username', function () { return rec(this).username; }, function (v) {
  var r = rec(this);
  if (cannotHaveCreds(r)) return;
  r.username = encodeStr(toUSV(v), inUserinfo);
});
accessor('password', function () { return rec(this).password; }, function (v) {
  var r = rec(this);
  if (cannotHaveCreds(r)) return;
  r.password = encodeStr(toUSV(v), inUserinfo);
});
accessor('host', function () {
  var r = rec(this);
  if (r.host === null) return '';
  return r.port === null ? r.host : r.host + ':' + r.port;
}, function (v) {
  var r = rec(this);
  if (r.opaque) return;
  var copy = copyRec(r);
  if (parse(toUSV(v), null, copy, 'host') !== FAIL) assignRec(r, copy);
});
accessor('hostname', function () {
  var r = rec(this);
  return r.host === null ? '' : r.host;
}, function (v) {
  var r = rec(this);
  if (r.opaque) return;
  var copy = copyRec(r);
  if (parse(toUSV(v), null, copy, 'hostname') !== FAIL) assignRec(r, copy);
});
accessor('port', function () {
  var r = rec(this);
  return r.port === null ? '' : String(r.port);
}, function (v) {
  var r = rec(this);
  if (r.host === null || r.host === '' || r.scheme === 'file') return;
  v = toUSV(v);
  if (v === '') { r.port = null; return; }
  var copy = copyRec(r);
  if (parse(v, null, copy, 'port') !== FAIL) assignRec(r, copy);
});
accessor('pathname', function () { return serializePath(rec(this)); }, function (v) {
  var r = rec(this);
  if (r.opaque) return;
  r.path = [];
  parse(toUSV(v), null, r, 'pathStart');
});
accessor('search', function () {
  var r = rec(this);
  return r.query === null || r.query === '' ? '' : '?' + r.query;
}, function (v) {
  var r = rec(this);
  v = toUSV(v);
  if (v === '') {
    r.query = null;
    if (r.searchParams !== null) spState(r.searchParams).list = [];
    return;
  }
  if (v[0] === '?') v = v.slice(1);
  r.query = '';
  parse(v, null, r, 'query');
  reparseParams(r);
});
Object.defineProperty(URL.prototype, 'searchParams', {
  get: function () { return getSearchParams(this); }, enumerable: true, configurable: true
});
accessor('hash', function () {
  var r = rec(this);
  return r.fragment === null || r.fragment === '' ? '' : '#' + r.fragment;
}, function (v) {
  var r = rec(this);
  v = toUSV(v);
  if (v === '') { r.fragment = null; return; }
  if (v[0] === '#') v = v.slice(1);
  r.fragment = '';
  parse(v, null, r, 'fragment');
});

function copyRec(r) {
  var c = {};
  for (var k in r) c[k] = r[k];
  if (Array.isArray(r.path)) c.path = r.path.slice();
  return c;
}
function assignRec(r, c) { for (var k in c) r[k] = c[k]; }

URL.prototype.toString = function toString() { return serialize(rec(this)); };
URL.prototype.toJSON = function toJSON() { return serialize(rec(this)); };
Object.defineProperty(URL.prototype, Symbol.toStringTag, { value: 'URL', configurable: true });
URL.prototype[inspect.custom] = function (depth, opts) {
  if (typeof depth === 'number' && depth < 0) return this;
  var obj = {
    href: this.href, origin: this.origin, protocol: this.protocol, username: this.username, password: this.password,
    host: this.host, hostname: this.hostname, port: this.port, pathname: this.pathname, search: this.search,
    searchParams: this.searchParams, hash: this.hash
  };
  return 'URL ' + inspect(obj, Object.assign({}, opts, { depth: depth })).replace(/^\{/, '{');
};
URL.canParse = function canParse(input, base) {
  if (arguments.length === 0) {
    var me = new TypeError('The "url" argument must be specified');
    me.code = 'ERR_MISSING_ARGS';
    throw me;
  }
  var b = null;
  if (base !== undefined) {
    b = parse(toUSV(base), null);
    if (b === FAIL) return false;
  }
  return parse(toUSV(input), b) !== FAIL;
};
URL.createObjectURL = function createObjectURL() {
  var e = new Error('URL.createObjectURL is not supported by gonode');
  e.code = 'ERR_METHOD_NOT_IMPLEMENTED';
  throw e;
};
URL.revokeObjectURL = function revokeObjectURL() {};

// ---- URLSearchParams ----------------------------------------------------------------

var spStates = new WeakMap();
function spState(sp) {
  var s = spStates.get(sp);
  if (s === undefined) {
    var e = new TypeError('Value of "this" must be of type URLSearchParams');
    e.code = 'ERR_INVALID_THIS';
    throw e;
  }
  return s;
}

function formDecode(s) {
  if (s.indexOf('%') === -1) return s.indexOf('+') === -1 ? s : s.replace(rePlus, ' ');
  return utf8Decode(percentDecodeBytes(s.replace(rePlus, ' ')));
}

function parseParams(s) {
  var list = [];
  if (s === '') return list;
  var parts = s.split('&');
  for (var i = 0; i < parts.length; i++) {
    var part = parts[i];
    if (part === '') continue;
    var eq = part.indexOf('=');
    var name = eq === -1 ? part : part.slice(0, eq);
    var value = eq === -1 ? '' : part.slice(eq + 1);
    list.push([formDecode(name), formDecode(value)]);
  }
  return list;
}

function inForm(c) {
  return !(isAlpha(c) || isDigit(c) || c === 0x2a || c === 0x2d || c === 0x2e || c === 0x5f);
}

function formEncode(s) {
  if (reFormSafe.test(s)) return s;
  var cps = binding.codePoints(s);
  var out = '';
  for (var i = 0; i < cps.length; i++) out += cps[i] === 0x20 ? '+' : encodeCode(cps[i], inForm);
  return out;
}

function serializeParams(list) {
  var out = [];
  for (var i = 0; i < list.length; i++) out.push(formEncode(list[i][0]) + '=' + formEncode(list[i][1]));
  return out.join('&');
}

function URLSearchParams(init) {
  if (!(this instanceof URLSearchParams)) throw new TypeError("Class constructor URLSearchParams cannot be invoked without 'new'");
  var st = { list: [], url: null };
  spStates.set(this, st);
  if (init === undefined || init === null) return;
  if (typeof init === 'object' || typeof init === 'function') {
    if (typeof init[Symbol.iterator] === 'function') {
      var it = init[Symbol.iterator]();
      for (var step = it.next(); !step.done; step = it.next()) {
        var pair = step.value;
        if ((typeof pair !== 'object' && typeof pair !== 'function') || pair === null || typeof pair[Symbol.iterator] !== 'function') {
          var te = new TypeError('Each query pair must be an iterable [name, value] tuple');
          te.code = 'ERR_INVALID_TUPLE';
          throw te;
        }
        var arr = Array.from(pair);
        if (arr.length !== 2) {
          var te2 = new TypeError('Each query pair must be an iterable [name, value] tuple');
          te2.code = 'ERR_INVALID_TUPLE';
          throw te2;
        }
        st.list.push([toUSV(arr[0]), toUSV(arr[1])]);
      }
    } else {
      var keys = Reflect.ownKeys(init);
      for (var k = 0; k < keys.length; k++) {
        var key = keys[k];
        if (typeof key !== 'string') continue;
        var d = Reflect.getOwnPropertyDescriptor(init, key);
        if (d !== undefined && d.enumerable) st.list.push([toUSV(key), toUSV(init[key])]);
      }
    }
    return;
  }
  var s = toUSV(init);
  if (s[0] === '?') s = s.slice(1);
  st.list = parseParams(s);
}

function spUpdate(sp) {
  var st = spState(sp);
  if (st.url !== null) updateSearchFromParams(st.url);
}

function needArgs(n, args, names) {
  if (args.length < n) {
    var e = new TypeError('The ' + names + ' must be specified');
    e.code = 'ERR_MISSING_ARGS';
    throw e;
  }
}

URLSearchParams.prototype.append = function append(name, value) {
  needArgs(2, arguments, '"name" and "value" arguments');
  spState(this).list.push([toUSV(name), toUSV(value)]);
  spUpdate(this);
};
URLSearchParams.prototype.delete = function (name, value) {
  needArgs(1, arguments, '"name" argument');
  var st = spState(this);
  name = toUSV(name);
  var hasValue = value !== undefined;
  if (hasValue) value = toUSV(value);
  st.list = st.list.filter(function (p) { return !(p[0] === name && (!hasValue || p[1] === value)); });
  spUpdate(this);
};
URLSearchParams.prototype.get = function get(name) {
  needArgs(1, arguments, '"name" argument');
  name = toUSV(name);
  var list = spState(this).list;
  for (var i = 0; i < list.length; i++) if (list[i][0] === name) return list[i][1];
  return null;
};
URLSearchParams.prototype.getAll = function getAll(name) {
  needArgs(1, arguments, '"name" argument');
  name = toUSV(name);
  return spState(this).list.filter(function (p) { return p[0] === name; }).map(function (p) { return p[1]; });
};
URLSearchParams.prototype.has = function has(name, value) {
  needArgs(1, arguments, '"name" argument');
  name = toUSV(name);
  var hasValue = value !== undefined;
  if (hasValue) value = toUSV(value);
  return spState(this).list.some(function (p) { return p[0] === name && (!hasValue || p[1] === value); });
};
URLSearchParams.prototype.set = function set(name, value) {
  needArgs(2, arguments, '"name" and "value" arguments');
  name = toUSV(name);
  value = toUSV(value);
  var st = spState(this);
  var found = false;
  st.list = st.list.filter(function (p) {
    if (p[0] !== name) return true;
    if (found) return false;
    found = true;
    p[1] = value;
    return true;
  });
  if (!found) st.list.push([name, value]);
  spUpdate(this);
};
URLSearchParams.prototype.sort = function sort() {
  var st = spState(this);
  // A stable sort by UTF-16 code units of the names.
  var indexed = st.list.map(function (p, i) { return [p, i]; });
  indexed.sort(function (a, b) {
    if (a[0][0] < b[0][0]) return -1;
    if (a[0][0] > b[0][0]) return 1;
    return a[1] - b[1];
  });
  st.list = indexed.map(function (x) { return x[0]; });
  spUpdate(this);
};
URLSearchParams.prototype.forEach = function forEach(cb, thisArg) {
  if (typeof cb !== 'function') throw argType('callback', 'of type function', cb);
  var list = spState(this).list;
  for (var i = 0; i < list.length; i++) cb.call(thisArg, list[i][1], list[i][0], this);
};
function makeIterator(sp, kind) {
  var i = 0;
  var it = {
    next: function () {
      var list = spState(sp).list;
      if (i >= list.length) return { value: undefined, done: true };
      var p = list[i++];
      return { value: kind === 'keys' ? p[0] : kind === 'values' ? p[1] : [p[0], p[1]], done: false };
    }
  };
  it[Symbol.iterator] = function () { return this; };
  Object.defineProperty(it, Symbol.toStringTag, { value: 'URLSearchParams Iterator' });
  return it;
}
URLSearchParams.prototype.keys = function keys() { return makeIterator(this, 'keys'); };
URLSearchParams.prototype.values = function values() { return makeIterator(this, 'values'); };
URLSearchParams.prototype.entries = function entries() { return makeIterator(this, 'entries'); };
URLSearchParams.prototype[Symbol.iterator] = URLSearchParams.prototype.entries;
URLSearchParams.prototype.toString = function toString() { return serializeParams(spState(this).list); };
Object.defineProperty(URLSearchParams.prototype, 'size', {
  get: function () { return spState(this).list.length; }, enumerable: true, configurable: true
});
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, { value: 'URLSearchParams', configurable: true });
URLSearchParams.prototype[inspect.custom] = function (depth, opts) {
  var list = spState(this).list;
  if (list.length === 0) return 'URLSearchParams {}';
  var parts = list.map(function (p) { return inspect(p[0], opts) + ' => ' + inspect(p[1], opts); });
  var one = 'URLSearchParams { ' + parts.join(', ') + ' }';
  if (one.length <= 80) return one;
  return 'URLSearchParams {\n  ' + parts.join(',\n  ') + ' }';
};

// ---- helpers around URL ---------------------------------------------------------------

function domainToASCII(domain) {
  if (arguments.length < 1) {
    var e = new TypeError('The "domain" argument must be specified');
    e.code = 'ERR_MISSING_ARGS';
    throw e;
  }
  var r = parseHost(String(domain), false);
  return r === FAIL ? '' : r;
}

function domainToUnicode(domain) {
  if (arguments.length < 1) {
    var e = new TypeError('The "domain" argument must be specified');
    e.code = 'ERR_MISSING_ARGS';
    throw e;
  }
  var r = parseHost(String(domain), false);
  if (r === FAIL) return '';
  return binding.toUnicode(r);
}

function fileURLToPath(path) {
  var u = path;
  if (typeof path === 'string') u = new URL(path);
  else if (!(path instanceof URL)) throw argType('path', 'of type string or an instance of URL', path);
  if (u.protocol !== 'file:') {
    var e = new TypeError('The URL must be of scheme file');
    e.code = 'ERR_INVALID_URL_SCHEME';
    throw e;
  }
  if (u.hostname !== '') {
    var e2 = new TypeError('File URL host must be "localhost" or empty on linux');
    e2.code = 'ERR_INVALID_FILE_URL_HOST';
    throw e2;
  }
  var pathname = u.pathname;
  for (var n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      var third = pathname.codePointAt(n + 2) | 0x20;
      if (pathname[n + 1] === '2' && third === 102) {
        var e3 = new TypeError('File URL path must not include encoded / characters');
        e3.code = 'ERR_INVALID_FILE_URL_PATH';
        throw e3;
      }
    }
  }
  return decodeURIComponent(pathname);
}

function pathToFileURL(filepath) {
  if (typeof filepath !== 'string') throw argType('path', 'of type string', filepath);
  var resolved = require('path').resolve(filepath);
  if (filepath.charCodeAt(filepath.length - 1) === 0x2f && resolved[resolved.length - 1] !== '/') resolved += '/';
  var u = new URL('file://');
  // Encode what the path parser would otherwise treat specially.
  resolved = resolved.replace(/%/g, '%25').replace(reBackslash, '%5C').replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/\t/g, '%09');
  u.pathname = resolved;
  if (resolved.indexOf('?') !== -1 || resolved.indexOf('#') !== -1) {
    var r = rec(u);
    r.path = resolved.slice(1).split('/').map(function (seg) {
      return encodeStr(seg, inPath).replace(/\?/g, '%3F').replace(reHash, '%23');
    });
  }
  return u;
}

function urlToHttpOptions(url) {
  var options = {
    __proto__: null,
    protocol: url.protocol,
    hostname: typeof url.hostname === 'string' && url.hostname[0] === '[' ? url.hostname.slice(1, -1) : url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: (url.pathname || '') + (url.search || ''),
    href: url.href
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) options.auth = decodeURIComponent(url.username) + ':' + decodeURIComponent(url.password);
  return options;
}

// ---- the legacy API: url.parse / url.format / url.resolve ------------------------------

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

var protocolRe = /^[a-z0-9.+-]+:/i;
var portRe = /:[0-9]*$/;
var hostPartRe = /^[+a-z0-9A-Z_-]{0,63}$/;
var hostPartStartRe = /^([+a-z0-9A-Z_-]{0,63})(.*)$/;
var simplePathRe = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;
var hostlessProtocol = { javascript: true, 'javascript:': true };
var unsafeProtocol = { javascript: true, 'javascript:': true };
var slashedProtocol = {
  http: true, 'http:': true, https: true, 'https:': true, ftp: true, 'ftp:': true, gopher: true, 'gopher:': true,
  file: true, 'file:': true, ws: true, 'ws:': true, wss: true, 'wss:': true
};
// Characters that end a host name, and those escaped in the rest.
var autoEscape = { '\t': '%09', '\n': '%0A', '\r': '%0D', ' ': '%20', '"': '%22', '\'': '%27', '<': '%3C', '>': '%3E', '\\': '%5C', '^': '%5E', '`': '%60', '{': '%7B', '|': '%7C', '}': '%7D' };

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  var u = new Url();
  u.parse(url, parseQueryString, slashesDenoteHost);
  return u;
}

Url.prototype.parse = function parseLegacy(url, parseQueryString, slashesDenoteHost) {
  if (typeof url !== 'string') throw argType('url', 'of type string', url);
  // Backslashes before the query become slashes; whitespace is trimmed.
  var qIdx = url.search(reQueryOrHash);
  var head = qIdx === -1 ? url : url.slice(0, qIdx);
  url = head.replace(reBackslash, '/') + (qIdx === -1 ? '' : url.slice(qIdx));
  var rest = url.trim();
  if (!slashesDenoteHost && url.split('#').length === 1) {
    var simple = simplePathRe.exec(rest);
    if (simple) {
      this.path = rest;
      this.href = rest;
      this.pathname = simple[1];
      if (simple[2]) {
        this.search = simple[2];
        this.query = parseQueryString ? querystring.parse(this.search.slice(1)) : this.search.slice(1);
      } else if (parseQueryString) {
        this.search = null;
        this.query = Object.create(null);
      }
      return this;
    }
  }
  var proto = protocolRe.exec(rest);
  var lowerProto;
  if (proto) {
    proto = proto[0];
    lowerProto = proto.toLowerCase();
    this.protocol = lowerProto;
    rest = rest.slice(proto.length);
  }
  var slashes;
  if (slashesDenoteHost || proto || reSlashAuth.test(rest)) {
    slashes = rest.slice(0, 2) === '//';
    if (slashes && !(proto && hostlessProtocol[lowerProto])) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }
  if (!hostlessProtocol[lowerProto] && (slashes || (proto && !slashedProtocol[proto]))) {
    // The host runs to the first of / ? # ; an "@" before that ends auth.
    var hostEnd = -1, atSign = -1, nonHost = -1;
    for (var i = 0; i < rest.length; i++) {
      var ch = rest[i];
      if (ch === '\t' || ch === '\n' || ch === '\r' || ch === ' ' || ch === '"' || ch === '%' || ch === '\'' ||
          ch === ';' || ch === '<' || ch === '>' || ch === '\\' || ch === '^' || ch === '`' || ch === '{' || ch === '|' || ch === '}') {
        if (nonHost === -1) nonHost = i;
      } else if (ch === '#' || ch === '/' || ch === '?') {
        if (nonHost === -1) nonHost = i;
        hostEnd = i;
        break;
      } else if (ch === '@') {
        atSign = i;
        nonHost = -1;
      }
    }
    var start = 0;
    if (atSign !== -1) {
      this.auth = decodeURIComponent(rest.slice(0, atSign));
      start = atSign + 1;
    }
    if (nonHost === -1) {
      this.host = rest.slice(start);
      rest = '';
    } else {
      this.host = rest.slice(start, nonHost);
      rest = rest.slice(nonHost);
    }
    this.parseHost();
    if (typeof this.hostname !== 'string') this.hostname = '';
    var hostname = this.hostname;
    var ipv6 = hostname[0] === '[' && hostname[hostname.length - 1] === ']';
    if (!ipv6) {
      var parts = hostname.split('.');
      for (var pi = 0; pi < parts.length; pi++) {
        var part = parts[pi];
        if (!part || hostPartRe.test(part)) continue;
        // An invalid character ends the host; the remainder joins the path.
        var newpart = '';
        for (var k = 0; k < part.length; k++) newpart += part.charCodeAt(k) > 127 ? 'x' : part[k];
        if (hostPartRe.test(newpart)) continue;
        var valid = parts.slice(0, pi);
        var notHost = parts.slice(pi + 1);
        var bit = hostPartStartRe.exec(part);
        if (bit) {
          valid.push(bit[1]);
          notHost.unshift(bit[2]);
        }
        if (notHost.length) rest = '/' + notHost.join('.') + rest;
        this.hostname = valid.join('.');
        break;
      }
    }
    if (this.hostname.length > 255) this.hostname = '';
    else this.hostname = this.hostname.toLowerCase();
    if (this.hostname !== '' && !ipv6) {
      var ascii = binding.toASCII(this.hostname);
      this.hostname = ascii === null ? '' : ascii;
    }
    var p = this.port ? ':' + this.port : '';
    this.host = (this.hostname || '') + p;
    if (ipv6) {
      this.hostname = this.hostname.slice(1, -1);
      if (rest[0] !== '/') rest = '/' + rest;
    }
  }
  if (!unsafeProtocol[lowerProto]) {
    var escaped = '';
    for (var e = 0; e < rest.length; e++) escaped += autoEscape[rest[e]] || rest[e];
    rest = escaped;
  }
  var hash = rest.indexOf('#');
  if (hash !== -1) {
    this.hash = rest.slice(hash);
    rest = rest.slice(0, hash);
  }
  var qm = rest.indexOf('?');
  if (qm !== -1) {
    this.search = rest.slice(qm);
    this.query = rest.slice(qm + 1);
    if (parseQueryString) this.query = querystring.parse(this.query);
    rest = rest.slice(0, qm);
  } else if (parseQueryString) {
    this.search = null;
    this.query = Object.create(null);
  }
  var firstIdx = qm !== -1 && (hash === -1 || qm < hash) ? qm : hash;
  void firstIdx;
  if (rest.length > 0) this.pathname = rest;
  else if (slashedProtocol[lowerProto] && this.hostname) this.pathname = '/';
  if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');
  this.href = this.format();
  return this;
};

Url.prototype.parseHost = function parseHost_() {
  var host = this.host;
  var port = portRe.exec(host);
  if (port) {
    port = port[0];
    if (port !== ':') this.port = port.slice(1);
    host = host.slice(0, host.length - port.length);
  }
  if (host) this.hostname = host;
};

Url.prototype.format = function formatLegacy() {
  var auth = this.auth || '';
  if (auth) {
    auth = encodeURIComponent(auth).replace(reColonEnc, ':');
    auth += '@';
  }
  var protocol = this.protocol || '';
  var pathname = this.pathname || '';
  var hash = this.hash || '';
  var host = '';
  var query = '';
  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    host = auth + (this.hostname.indexOf(':') === -1 ? this.hostname : '[' + this.hostname + ']');
    if (this.port) host += ':' + this.port;
  }
  if (this.query !== null && typeof this.query === 'object') query = querystring.stringify(this.query);
  var search = this.search || (query && ('?' + query)) || '';
  if (protocol && protocol.charCodeAt(protocol.length - 1) !== 58) protocol += ':';
  pathname = pathname.replace(reHashOrQuery, function (c) { return c === '#' ? '%23' : '%3F'; });
  if (this.slashes || slashedProtocol[protocol]) {
    if (this.slashes || host) {
      if (pathname && pathname[0] !== '/') pathname = '/' + pathname;
      host = '//' + host;
    } else if (protocol.slice(0, 4) === 'file') {
      host = '//';
    }
  }
  search = search.replace(reHash, '%23');
  if (hash && hash[0] !== '#') hash = '#' + hash;
  if (search && search[0] !== '?') search = '?' + search;
  return protocol + host + pathname + search + hash;
};

function urlFormat(obj, options) {
  if (typeof obj === 'string') {
    obj = urlParse(obj);
  } else if (typeof obj !== 'object' || obj === null) {
    throw argType('urlObject', 'one of type object or string', obj);
  } else if (obj instanceof URL) {
    var fragment = true, unicode = false, search = true, auth = true;
    if (options) {
      if (options.fragment !== undefined) fragment = !!options.fragment;
      if (options.unicode !== undefined) unicode = !!options.unicode;
      if (options.search !== undefined) search = !!options.search;
      if (options.auth !== undefined) auth = !!options.auth;
    }
    var r = copyRec(rec(obj));
    if (!fragment) r.fragment = null;
    if (!search) r.query = null;
    if (!auth) { r.username = ''; r.password = ''; }
    if (unicode && r.host) r.host = binding.toUnicode(r.host);
    return serialize(r);
  }
  return Url.prototype.format.call(obj);
}

Url.prototype.resolve = function resolve(relative) {
  return this.resolveObject(urlParse(relative, false, true)).format();
};

function urlResolve(source, relative) {
  return urlParse(source, false, true).resolve(relative);
}

Url.prototype.resolveObject = function resolveObject(relative) {
  if (typeof relative === 'string') {
    var rel = new Url();
    rel.parse(relative, false, true);
    relative = rel;
  }
  var result = new Url();
  var k;
  for (k in this) if (Object.prototype.hasOwnProperty.call(this, k)) result[k] = this[k];
  result.hash = relative.hash;
  if (relative.href === '') {
    result.href = result.format();
    return result;
  }
  if (relative.slashes && !relative.protocol) {
    for (k in relative) if (Object.prototype.hasOwnProperty.call(relative, k) && k !== 'protocol') result[k] = relative[k];
    if (slashedProtocol[result.protocol] && result.hostname && !result.pathname) result.path = result.pathname = '/';
    result.href = result.format();
    return result;
  }
  if (relative.protocol && relative.protocol !== result.protocol) {
    if (!slashedProtocol[relative.protocol]) {
      for (k in relative) if (Object.prototype.hasOwnProperty.call(relative, k)) result[k] = relative[k];
      result.href = result.format();
      return result;
    }
    result.protocol = relative.protocol;
    if (!relative.host && !reFileProto.test(relative.protocol) && !hostlessProtocol[relative.protocol]) {
      var rp = (relative.pathname || '').split('/');
      while (rp.length && !(relative.host = rp.shift()));
      if (!relative.host) relative.host = '';
      if (!relative.hostname) relative.hostname = '';
      if (rp[0] !== '') rp.unshift('');
      if (rp.length < 2) rp.unshift('');
      result.pathname = rp.join('/');
    } else {
      result.pathname = relative.pathname;
    }
    result.search = relative.search;
    result.query = relative.query;
    result.host = relative.host || '';
    result.auth = relative.auth;
    result.hostname = relative.hostname || relative.host;
    result.port = relative.port;
    if (result.pathname || result.search) result.path = (result.pathname || '') + (result.search || '');
    result.slashes = result.slashes || relative.slashes;
    result.href = result.format();
    return result;
  }
  var isSourceAbs = result.pathname && result.pathname[0] === '/';
  var isRelAbs = relative.host || (relative.pathname && relative.pathname[0] === '/');
  var mustEndAbs = isRelAbs || isSourceAbs || (result.host && relative.pathname);
  var removeAllDots = mustEndAbs;
  var srcPath = (result.pathname && result.pathname.split('/')) || [];
  var relPath = (relative.pathname && relative.pathname.split('/')) || [];
  var noLeadingSlashes = result.protocol && !slashedProtocol[result.protocol];
  if (noLeadingSlashes) {
    result.hostname = '';
    result.port = null;
    if (result.host) {
      if (srcPath[0] === '') srcPath[0] = result.host;
      else srcPath.unshift(result.host);
    }
    result.host = '';
    if (relative.protocol) {
      relative.hostname = null;
      relative.port = null;
      if (relative.host) {
        if (relPath[0] === '') relPath[0] = relative.host;
        else relPath.unshift(relative.host);
      }
      relative.host = null;
    }
    mustEndAbs = mustEndAbs && (relPath[0] === '' || srcPath[0] === '');
  }
  var authInHost;
  if (isRelAbs) {
    if (relative.host || relative.host === '') {
      if (result.host !== relative.host) result.auth = null;
      result.host = relative.host;
      result.port = relative.port;
    }
    if (relative.hostname || relative.hostname === '') {
      if (result.hostname !== relative.hostname) result.auth = null;
      result.hostname = relative.hostname;
    }
    result.search = relative.search;
    result.query = relative.query;
    srcPath = relPath;
  } else if (relPath.length) {
    srcPath.pop();
    srcPath = srcPath.concat(relPath);
    result.search = relative.search;
    result.query = relative.query;
  } else if (relative.search !== null && relative.search !== undefined) {
    if (noLeadingSlashes) {
      result.hostname = result.host = srcPath.shift();
      authInHost = result.host && result.host.indexOf('@') > 0 ? result.host.split('@') : false;
      if (authInHost) {
        result.auth = authInHost.shift();
        result.host = result.hostname = authInHost.shift();
      }
    }
    result.search = relative.search;
    result.query = relative.query;
    if (result.pathname !== null || result.search !== null) result.path = (result.pathname ? result.pathname : '') + (result.search ? result.search : '');
    result.href = result.format();
    return result;
  }
  if (!srcPath.length) {
    result.pathname = null;
    result.path = result.search ? '/' + result.search : null;
    result.href = result.format();
    return result;
  }
  var last = srcPath[srcPath.length - 1];
  var hasTrailingSlash = ((result.host || relative.host || srcPath.length > 1) && (last === '.' || last === '..')) || last === '';
  var up = 0;
  for (var i = srcPath.length - 1; i >= 0; i--) {
    last = srcPath[i];
    if (last === '.') srcPath.splice(i, 1);
    else if (last === '..') { srcPath.splice(i, 1); up++; }
    else if (up) { srcPath.splice(i, 1); up--; }
  }
  if (!mustEndAbs && !removeAllDots) while (up--) srcPath.unshift('..');
  if (mustEndAbs && srcPath[0] !== '' && (!srcPath[0] || srcPath[0][0] !== '/')) srcPath.unshift('');
  if (hasTrailingSlash && srcPath.join('/').slice(-1) !== '/') srcPath.push('');
  var isAbsolute = srcPath[0] === '' || (srcPath[0] && srcPath[0][0] === '/');
  if (noLeadingSlashes) {
    result.hostname = result.host = isAbsolute ? '' : srcPath.length ? srcPath.shift() : '';
    authInHost = result.host && result.host.indexOf('@') > 0 ? result.host.split('@') : false;
    if (authInHost) {
      result.auth = authInHost.shift();
      result.host = result.hostname = authInHost.shift();
    }
  }
  mustEndAbs = mustEndAbs || (result.host && srcPath.length);
  if (mustEndAbs && !isAbsolute) srcPath.unshift('');
  if (srcPath.length > 0) {
    result.pathname = srcPath.join('/');
  } else {
    result.pathname = null;
    result.path = null;
  }
  if (result.pathname !== null || result.search !== null) result.path = (result.pathname ? result.pathname : '') + (result.search ? result.search : '');
  result.auth = relative.auth || result.auth;
  result.slashes = result.slashes || relative.slashes;
  result.href = result.format();
  return result;
};

function urlResolveObject(source, relative) {
  if (!source) return relative;
  return urlParse(source, false, true).resolveObject(relative);
}

exports.URL = URL;
exports.URLSearchParams = URLSearchParams;
exports.domainToASCII = domainToASCII;
exports.domainToUnicode = domainToUnicode;
exports.fileURLToPath = fileURLToPath;
exports.pathToFileURL = pathToFileURL;
exports.urlToHttpOptions = urlToHttpOptions;
exports.Url = Url;
exports.parse = urlParse;
exports.format = urlFormat;
exports.resolve = urlResolve;
exports.resolveObject = urlResolveObject;
