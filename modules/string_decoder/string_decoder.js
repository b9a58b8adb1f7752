// StringDecoder for gonode: holds back the bytes of a character split
// across chunks (utf8, utf16le) or of an incomplete base64 group, and
// decodes the rest with the buffer module's Go codecs.
'use strict';

var bufferMod = require('buffer');
var Buffer = bufferMod.Buffer;
var internal = bufferMod._internal;
var binding = internal.binding;
var ENC_NAMES = ['utf8', 'utf16le', 'latin1', 'ascii', 'base64', 'base64url', 'hex'];

function StringDecoder(encoding) {
  var enc = internal.normEnc(encoding);
  if (enc < 0 || encoding === '') throw internal.unknownEncoding(encoding);
  this.encoding = ENC_NAMES[enc];
  this._enc = enc;
  this._pending = null; // bytes held back from the previous write
  this.lastChar = Buffer.alloc(4);
  this.lastNeed = 0;
  this.lastTotal = 0;
}

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
  var all = buf;
  if (this._pending !== null) {
    all = Buffer.concat([this._pending, buf]);
    this._pending = null;
  }
  var keep = held(this._enc, all);
  // utf16le: an odd byte after a complete high surrogate does not hold
  // the surrogate back (node's behaviour).
  var cut = all.length - keep;
  if (keep > 0) {
    this._pending = Buffer.from(all.subarray(cut));
    this.lastNeed = this._enc === 0 ? utf8Total(all[cut]) - keep : this._enc === 1 ? (keep === 1 ? 1 : 2) : 3 - keep;
    this.lastTotal = keep + this.lastNeed;
    binding.copy(this._pending, 0, keep, this.lastChar, 0);
  } else {
    this.lastNeed = 0;
    this.lastTotal = 0;
  }
  return cut > 0 ? binding.toString(all, this._enc, 0, cut) : '';
};

function utf8Total(lead) {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
}

StringDecoder.prototype.end = function end(buf) {
  var out = '';
  if (buf !== undefined && buf !== null) out = this.write(buf);
  if (this._pending !== null) {
    var p = this._pending;
    this._pending = null;
    this.lastNeed = 0;
    this.lastTotal = 0;
    if (this._enc === 0) out += '\ufffd';
    else out += binding.toString(p, this._enc, 0, p.length);
  }
  return out;
};

StringDecoder.prototype.text = function text(buf, offset) {
  return this.write(buf.subarray(offset));
};

module.exports = { StringDecoder: StringDecoder };
