// StringDecoder for gonode: holds back the bytes of a character split
// across chunks (utf8, utf16le) or of an incomplete base64 group, and
// decodes the rest with the buffer module's Go codecs.
'use strict';

var bufferMod = require('buffer');
var Buffer = bufferMod.Buffer;
var internal = bufferMod._internal;
var binding = internal.binding;
var ENC_NAMES = ['utf8', 'utf16le', 'latin1', 'ascii', 'base64', 'base64url', 'hex'];

var kState = Symbol('kNativeDecoder');

function StringDecoder(encoding) {
  var enc = internal.normEnc(encoding);
  if (enc < 0 || encoding === '') throw internal.unknownEncoding(encoding);
  this.encoding = ENC_NAMES[enc];
  // Only `encoding` is an own enumerable property, as in node; the rest
  // is internal state read through the lastChar/lastNeed/lastTotal getters.
  Object.defineProperty(this, kState, {
    value: { enc: enc, pending: null, lastChar: Buffer.alloc(4), lastNeed: 0, lastTotal: 0 }
  });
}

Object.defineProperties(StringDecoder.prototype, {
  lastChar: { configurable: true, enumerable: true, get: function () { return this[kState].lastChar; } },
  lastNeed: { configurable: true, enumerable: true, get: function () { return this[kState].lastNeed; } },
  lastTotal: { configurable: true, enumerable: true, get: function () { return this[kState].lastTotal; } }
});

function toBytes(buf) {
  if (typeof buf === 'string') return buf;
  if (buf instanceof Uint8Array) return buf;
  if (ArrayBuffer.isView(buf)) return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  throw internal.argType('buf', 'an instance of Buffer, TypedArray, or DataView', buf);
}

// split returns how many trailing bytes of all must wait for more input.
function held(enc, all) {
  switch (enc) {
    case 0:
      return binding.utf8Incomplete(all);
    case 1: {
      var odd = all.length & 1;
      if (odd) return 1;
      if (all.length >= 2) {
        var hi = all[all.length - 1];
        if (hi >= 0xd8 && hi <= 0xdb) return 2;
      }
      return 0;
    }
    case 4:
    case 5:
      return all.length % 3;
  }
  return 0;
}

StringDecoder.prototype.write = function write(buf) {
  buf = toBytes(buf);
  if (typeof buf === 'string') return buf;
  var st = this[kState];
  var all = buf;
  if (st.pending !== null) {
    all = Buffer.concat([st.pending, buf]);
    st.pending = null;
  }
  var keep = held(st.enc, all);
  var cut = all.length - keep;
  if (keep > 0) {
    st.pending = Buffer.from(all.subarray(cut));
    st.lastNeed = st.enc === 0 ? utf8Total(all[cut]) - keep : st.enc === 1 ? (keep === 1 ? 1 : 2) : 3 - keep;
    st.lastTotal = keep + st.lastNeed;
    binding.copy(st.pending, 0, keep, st.lastChar, 0);
  } else {
    st.lastNeed = 0;
    st.lastTotal = 0;
  }
  return cut > 0 ? binding.toString(all, st.enc, 0, cut) : '';
};

function utf8Total(lead) {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
}

StringDecoder.prototype.end = function end(buf) {
  var out = '';
  if (buf !== undefined && buf !== null) out = this.write(buf);
  var st = this[kState];
  if (st.pending !== null) {
    var p = st.pending;
    st.pending = null;
    st.lastNeed = 0;
    st.lastTotal = 0;
    if (st.enc === 0) out += '\ufffd';
    else out += binding.toString(p, st.enc, 0, p.length);
  }
  return out;
};

StringDecoder.prototype.text = function text(buf, offset) {
  return this.write(buf.subarray(offset));
};

module.exports = { StringDecoder: StringDecoder };
