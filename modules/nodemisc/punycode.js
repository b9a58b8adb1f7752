// punycode: RFC 3492 Bootstring with the IDNA parameters, plus ucs2 helpers
// and toASCII/toUnicode over domain labels (node's deprecated module,
// still required by packages such as uri-js).
'use strict';

var base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700, initialBias = 72, initialN = 128;
var maxInt = 2147483647;

function error(type) {
  var messages = {
    overflow: 'Overflow: input needs wider integers to process',
    'not-basic': 'Illegal input >= 0x80 (not a basic code point)',
    'invalid-input': 'Invalid input'
  };
  throw new RangeError(messages[type]);
}

function ucs2decode(s) {
  var out = [];
  for (var i = 0; i < s.length; i++) {
    var c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      var d = s.charCodeAt(i + 1);
      if ((d & 0xfc00) === 0xdc00) {
        out.push(((c & 0x3ff) << 10) + (d & 0x3ff) + 0x10000);
        i++;
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

function ucs2encode(cps) { return String.fromCodePoint.apply(null, cps); }

function digitToBasic(d) { return d + 22 + 75 * (d < 26 ? 1 : 0); }
function basicToDigit(c) {
  if (c >= 0x30 && c < 0x3a) return 26 + (c - 0x30);
  if (c >= 0x41 && c < 0x5b) return c - 0x41;
  if (c >= 0x61 && c < 0x7b) return c - 0x61;
  return base;
}

function adapt(delta, numPoints, firstTime) {
  var k = 0;
  delta = firstTime ? Math.floor(delta / damp) : delta >> 1;
  delta += Math.floor(delta / numPoints);
  for (; delta > ((base - tMin) * tMax) >> 1; k += base) delta = Math.floor(delta / (base - tMin));
  return Math.floor(k + ((base - tMin + 1) * delta) / (delta + skew));
}

function decode(input) {
  var output = [];
  var i = 0, n = initialN, bias = initialBias;
  var basic = input.lastIndexOf('-');
  if (basic < 0) basic = 0;
  for (var j = 0; j < basic; j++) {
    if (input.charCodeAt(j) >= 0x80) error('not-basic');
    output.push(input.charCodeAt(j));
  }
  for (var index = basic > 0 ? basic + 1 : 0; index < input.length;) {
    var oldi = i;
    for (var w = 1, k = base; ; k += base) {
      if (index >= input.length) error('invalid-input');
      var digit = basicToDigit(input.charCodeAt(index++));
      if (digit >= base) error('invalid-input');
      if (digit > Math.floor((maxInt - i) / w)) error('overflow');
      i += digit * w;
      var t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
      if (digit < t) break;
      if (w > Math.floor(maxInt / (base - t))) error('overflow');
      w *= base - t;
    }
    var out = output.length + 1;
    bias = adapt(i - oldi, out, oldi === 0);
    if (Math.floor(i / out) > maxInt - n) error('overflow');
    n += Math.floor(i / out);
    i %= out;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint.apply(null, output);
}

function encode(input) {
  var cps = ucs2decode(input);
  var output = [];
  var n = initialN, delta = 0, bias = initialBias;
  for (var a = 0; a < cps.length; a++) if (cps[a] < 0x80) output.push(String.fromCharCode(cps[a]));
  var basicLength = output.length;
  var handled = basicLength;
  if (basicLength) output.push('-');
  while (handled < cps.length) {
    var m = maxInt;
    for (var b = 0; b < cps.length; b++) if (cps[b] >= n && cps[b] < m) m = cps[b];
    var inc = handled + 1;
    if (m - n > Math.floor((maxInt - delta) / inc)) error('overflow');
    delta += (m - n) * inc;
    n = m;
    for (var c = 0; c < cps.length; c++) {
      var cp = cps[c];
      if (cp < n && ++delta > maxInt) error('overflow');
      if (cp === n) {
        var q = delta;
        for (var k = base; ; k += base) {
          var t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
          if (q < t) break;
          var qt = q - t, bt = base - t;
          output.push(String.fromCharCode(digitToBasic(t + (qt % bt))));
          q = Math.floor(qt / bt);
        }
        output.push(String.fromCharCode(digitToBasic(q)));
        bias = adapt(delta, inc, handled === basicLength);
        delta = 0;
        ++handled;
      }
    }
    ++delta;
    ++n;
  }
  return output.join('');
}

// mapDomain keeps an e-mail's local part and maps each label.
function mapDomain(domain, fn) {
  var parts = domain.split('@');
  var result = '';
  if (parts.length > 1) {
    result = parts[0] + '@';
    domain = parts[1];
  }
  domain = domain.replace(/[\x2E\u3002\uFF0E\uFF61]/g, '.');
  return result + domain.split('.').map(fn).join('.');
}

function toUnicode(input) {
  return mapDomain(input, function (s) { return /^xn--/.test(s) ? decode(s.slice(4).toLowerCase()) : s; });
}

function toASCII(input) {
  return mapDomain(input, function (s) { return /[^\0-\x7F]/.test(s) ? 'xn--' + encode(s) : s; });
}

module.exports = {
  version: '2.1.0',
  ucs2: { decode: ucs2decode, encode: ucs2encode },
  decode: decode,
  encode: encode,
  toASCII: toASCII,
  toUnicode: toUnicode
};
