// Web-platform globals for gonode (structuredClone, DOMException,
// Event/EventTarget, AbortController/AbortSignal), with the behaviour of
// Node v20's. TextEncoder/TextDecoder live in util.
'use strict';

var bufferMod = require('buffer');
var internal = bufferMod._internal;
var codeError = internal.codeError;
var argType = internal.argType;

// ---- DOMException ----

var DOM_CODES = {
  IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
  NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InUseAttributeError: 10,
  InvalidStateError: 11, SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14,
  InvalidAccessError: 15, TypeMismatchError: 17, SecurityError: 18, NetworkError: 19,
  AbortError: 20, URLMismatchError: 21, QuotaExceededError: 22, TimeoutError: 23,
  InvalidNodeTypeError: 24, DataCloneError: 25
};
var kName = Symbol('name'), kMessage = Symbol('message');
class DOMException extends Error {
  constructor(message, options) {
    super();
    var name = 'Error';
    if (options !== null && typeof options === 'object') {
      if ('name' in options) name = String(options.name);
      if ('cause' in options) Object.defineProperty(this, 'cause', { value: options.cause, writable: true, configurable: true });
    } else if (options !== undefined) name = String(options);
    Object.defineProperty(this, kName, { value: name });
    Object.defineProperty(this, kMessage, { value: message === undefined ? '' : String(message) });
    delete this.message;
  }
  get name() { return this[kName]; }
  get message() { return this[kMessage]; }
  get code() { return DOM_CODES[this[kName]] || 0; }
}
Object.defineProperty(DOMException.prototype, Symbol.toStringTag, { value: 'DOMException', configurable: true });
var LEGACY = {
  INDEX_SIZE_ERR: 1, DOMSTRING_SIZE_ERR: 2, HIERARCHY_REQUEST_ERR: 3, WRONG_DOCUMENT_ERR: 4,
  INVALID_CHARACTER_ERR: 5, NO_DATA_ALLOWED_ERR: 6, NO_MODIFICATION_ALLOWED_ERR: 7, NOT_FOUND_ERR: 8,
  NOT_SUPPORTED_ERR: 9, INUSE_ATTRIBUTE_ERR: 10, INVALID_STATE_ERR: 11, SYNTAX_ERR: 12,
  INVALID_MODIFICATION_ERR: 13, NAMESPACE_ERR: 14, INVALID_ACCESS_ERR: 15, VALIDATION_ERR: 16,
  TYPE_MISMATCH_ERR: 17, SECURITY_ERR: 18, NETWORK_ERR: 19, ABORT_ERR: 20, URL_MISMATCH_ERR: 21,
  QUOTA_EXCEEDED_ERR: 22, TIMEOUT_ERR: 23, INVALID_NODE_TYPE_ERR: 24, DATA_CLONE_ERR: 25
};
Object.keys(LEGACY).forEach(function (k) {
  Object.defineProperty(DOMException, k, { value: LEGACY[k], enumerable: true });
  Object.defineProperty(DOMException.prototype, k, { value: LEGACY[k], enumerable: true });
});

// ---- structuredClone ----

function cloneError(v) {
  var desc;
  if (typeof v === 'function' || typeof v === 'symbol') desc = String(v);
  else desc = '#<' + (v && v.constructor && v.constructor.name || 'Object') + '>';
  return new DOMException(desc + ' could not be cloned.', 'DataCloneError');
}

var ERROR_CTORS = { Error: Error, EvalError: EvalError, RangeError: RangeError, ReferenceError: ReferenceError, SyntaxError: SyntaxError, TypeError: TypeError, URIError: URIError };
var toStr = Object.prototype.toString;

function structuredClone(value, options) {
  if (arguments.length === 0) throw codeError(TypeError, 'ERR_MISSING_ARGS', 'The "value" argument must be specified');
  var memo = new Map();
  function clone(v) {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function' && typeof v !== 'symbol')) return v;
    if (typeof v === 'function' || typeof v === 'symbol') throw cloneError(v);
    if (memo.has(v)) return memo.get(v);
    var tag = toStr.call(v), out, i;
    if (Array.isArray(v)) {
      out = new Array(v.length);
      memo.set(v, out);
      Object.keys(v).forEach(function (k) { out[k] = clone(v[k]); });
      return out;
    }
    if (v instanceof Date) { out = new Date(v.getTime()); memo.set(v, out); return out; }
    if (v instanceof RegExp) { out = new RegExp(v.source, v.flags); memo.set(v, out); return out; }
    if (v instanceof ArrayBuffer) { out = v.slice(0); memo.set(v, out); return out; }
    if (ArrayBuffer.isView(v)) {
      var buf = clone(v.buffer);
      if (v instanceof DataView) out = new DataView(buf, v.byteOffset, v.byteLength);
      else {
        var C = globalThis[tag.slice(8, -1)] || Uint8Array;
        out = new C(buf, v.byteOffset, v.length);
      }
      memo.set(v, out);
      return out;
    }
    if (v instanceof Map) {
      out = new Map();
      memo.set(v, out);
      v.forEach(function (val, k) { out.set(clone(k), clone(val)); });
      return out;
    }
    if (v instanceof Set) {
      out = new Set();
      memo.set(v, out);
      v.forEach(function (val) { out.add(clone(val)); });
      return out;
    }
    if (v instanceof Error) {
      var name = v.name;
      var Ctor = ERROR_CTORS[name] || Error;
      out = Object.create(Ctor.prototype);
      memo.set(v, out);
      var md = Object.getOwnPropertyDescriptor(v, 'message');
      if (md) Object.defineProperty(out, 'message', { value: String(v.message), writable: true, configurable: true });
      if ('stack' in v) Object.defineProperty(out, 'stack', { value: String(v.stack), writable: true, configurable: true });
      if ('cause' in v) Object.defineProperty(out, 'cause', { value: clone(v.cause), writable: true, configurable: true });
      return out;
    }
    if (tag === '[object Number]') { out = new Number(v.valueOf()); memo.set(v, out); return out; }
    if (tag === '[object String]') { out = new String(v.valueOf()); memo.set(v, out); return out; }
    if (tag === '[object Boolean]') { out = new Boolean(v.valueOf()); memo.set(v, out); return out; }
    if (tag === '[object BigInt]') { out = Object(v.valueOf()); memo.set(v, out); return out; }
    if (tag !== '[object Object]' || v instanceof WeakMap || v instanceof WeakSet || v instanceof Promise) throw cloneError(v);
    out = {};
    memo.set(v, out);
    var keys = Object.keys(v);
    for (i = 0; i < keys.length; i++) out[keys[i]] = clone(v[keys[i]]);
    return out;
  }
  return clone(value);
}

// ---- Event / EventTarget ----

var kEvent = Symbol('event');
class Event {
  constructor(type, options) {
    if (arguments.length === 0) throw codeError(TypeError, 'ERR_MISSING_ARGS', 'The "type" argument must be specified');
    options = options || {};
    this[kEvent] = {
      type: String(type), bubbles: !!options.bubbles, cancelable: !!options.cancelable, composed: !!options.composed,
      defaultPrevented: false, target: null, currentTarget: null, phase: 0, stop: false, stopImmediate: false,
      timeStamp: typeof performance === 'object' && performance && performance.now ? performance.now() : Date.now()
    };
  }
  get type() { return this[kEvent].type; }
  get bubbles() { return this[kEvent].bubbles; }
  get cancelable() { return this[kEvent].cancelable; }
  get composed() { return this[kEvent].composed; }
  get defaultPrevented() { return this[kEvent].cancelable && this[kEvent].defaultPrevented; }
  get returnValue() { return !this.defaultPrevented; }
  get target() { return this[kEvent].target; }
  get currentTarget() { return this[kEvent].currentTarget; }
  get srcElement() { return this[kEvent].target; }
  get eventPhase() { return this[kEvent].phase; }
  get timeStamp() { return this[kEvent].timeStamp; }
  get isTrusted() { return false; }
  get cancelBubble() { return this[kEvent].stop; }
  set cancelBubble(v) { if (v) this[kEvent].stop = true; }
  composedPath() { return this[kEvent].phase ? [this[kEvent].currentTarget] : []; }
  preventDefault() { this[kEvent].defaultPrevented = true; }
  stopPropagation() { this[kEvent].stop = true; }
  stopImmediatePropagation() { this[kEvent].stop = true; this[kEvent].stopImmediate = true; }
}
Event.NONE = 0; Event.CAPTURING_PHASE = 1; Event.AT_TARGET = 2; Event.BUBBLING_PHASE = 3;
Object.defineProperty(Event.prototype, Symbol.toStringTag, { value: 'Event', configurable: true });

var kListeners = Symbol('listeners');
function reportError(err) {
  process.nextTick(function () { throw err; });
}
class EventTarget {
  constructor() { this[kListeners] = new Map(); }
  addEventListener(type, listener, options) {
    if (arguments.length < 2) throw codeError(TypeError, 'ERR_MISSING_ARGS', 'The "type" and "listener" arguments must be specified');
    if (listener === null || listener === undefined) return;
    var once = false, capture = false, signal;
    if (typeof options === 'boolean') capture = options;
    else if (options) { once = !!options.once; capture = !!options.capture; signal = options.signal; }
    if (signal && signal.aborted) return;
    type = String(type);
    var map = this[kListeners] || (this[kListeners] = new Map());
    var list = map.get(type);
    if (!list) map.set(type, list = []);
    for (var i = 0; i < list.length; i++) if (list[i].listener === listener && list[i].capture === capture) return;
    var rec = { listener: listener, capture: capture, once: once, removed: false };
    list.push(rec);
    var self = this;
    if (signal) signal.addEventListener('abort', function () { self.removeEventListener(type, listener, options); }, { once: true });
  }
  removeEventListener(type, listener, options) {
    var map = this[kListeners];
    if (!map) return;
    var capture = typeof options === 'boolean' ? options : !!(options && options.capture);
    var list = map.get(String(type));
    if (!list) return;
    for (var i = 0; i < list.length; i++) {
      if (list[i].listener === listener && list[i].capture === capture) {
        list[i].removed = true;
        list.splice(i, 1);
        return;
      }
    }
  }
  dispatchEvent(event) {
    if (!(event instanceof Event)) throw argType('event', 'an instance of Event', event);
    var st = event[kEvent];
    if (st.phase !== 0) throw new DOMException('The event is already being dispatched.', 'InvalidStateError');
    st.target = this;
    st.currentTarget = this;
    st.phase = 2;
    var map = this[kListeners];
    var list = map && map.get(st.type);
    if (list) {
      list = list.slice();
      for (var i = 0; i < list.length && !st.stopImmediate; i++) {
        var rec = list[i];
        if (rec.removed) continue;
        if (rec.once) this.removeEventListener(st.type, rec.listener, { capture: rec.capture });
        try {
          if (typeof rec.listener === 'function') rec.listener.call(this, event);
          else if (typeof rec.listener.handleEvent === 'function') rec.listener.handleEvent(event);
        } catch (err) {
          reportError(err);
        }
      }
    }
    st.currentTarget = null;
    st.phase = 0;
    return !event.defaultPrevented;
  }
}
Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, { value: 'EventTarget', configurable: true });

// ---- AbortController / AbortSignal ----

var kAborted = Symbol('aborted'), kReason = Symbol('reason'), kOnabort = Symbol('onabort');
var allowSignal = false;
class AbortSignal extends EventTarget {
  constructor() {
    if (!allowSignal) throw codeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
    super();
    this[kAborted] = false;
    this[kReason] = undefined;
    this[kOnabort] = null;
  }
  get aborted() { return this[kAborted]; }
  get reason() { return this[kReason]; }
  get onabort() { return this[kOnabort]; }
  set onabort(fn) {
    if (this[kOnabort]) this.removeEventListener('abort', this[kOnabort]);
    this[kOnabort] = typeof fn === 'function' ? fn : null;
    if (this[kOnabort]) this.addEventListener('abort', this[kOnabort]);
  }
  throwIfAborted() {
    if (this[kAborted]) throw this[kReason];
  }
  static abort(reason) {
    var s = newSignal();
    s[kAborted] = true;
    s[kReason] = reason === undefined ? new DOMException('This operation was aborted', 'AbortError') : reason;
    return s;
  }
  static timeout(delay) {
    if (typeof delay !== 'number') throw argType('delay', 'of type number', delay);
    var s = newSignal();
    var t = setTimeout(function () {
      abortSignal(s, new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    }, delay);
    if (t && typeof t.unref === 'function') t.unref();
    return s;
  }
  static any(signals) {
    var s = newSignal();
    for (var i = 0; i < signals.length; i++) {
      if (signals[i].aborted) {
        s[kAborted] = true;
        s[kReason] = signals[i].reason;
        return s;
      }
    }
    signals.forEach(function (src) {
      src.addEventListener('abort', function () { abortSignal(s, src.reason); }, { once: true });
    });
    return s;
  }
}
Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, { value: 'AbortSignal', configurable: true });
function newSignal() {
  allowSignal = true;
  try { return new AbortSignal(); } finally { allowSignal = false; }
}
function abortSignal(s, reason) {
  if (s[kAborted]) return;
  s[kAborted] = true;
  s[kReason] = reason;
  s.dispatchEvent(new Event('abort'));
}

var kSignal = Symbol('signal');
class AbortController {
  constructor() { this[kSignal] = newSignal(); }
  get signal() { return this[kSignal]; }
  abort(reason) {
    abortSignal(this[kSignal], reason === undefined ? new DOMException('This operation was aborted', 'AbortError') : reason);
  }
}
Object.defineProperty(AbortController.prototype, Symbol.toStringTag, { value: 'AbortController', configurable: true });

module.exports = {
  DOMException: DOMException,
  structuredClone: structuredClone,
  Event: Event,
  EventTarget: EventTarget,
  AbortController: AbortController,
  AbortSignal: AbortSignal
};
