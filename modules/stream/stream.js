// gonode's "stream" module: Readable, Writable, Duplex, Transform,
// PassThrough, pipe/pipeline/finished with back-pressure and object mode.
// Written for gonode; the observable behaviour (which event fires when,
// on which tick, with which error code) follows Node v20, which the
// differential tests in testdata/ compare against.
//
// Internal state lives in _readableState/_writableState objects with
// node's field names, because npm packages read them.
'use strict';

var EE = require('events');
var bufferMod = require('buffer');
var Buffer = bufferMod.Buffer;
var internal = bufferMod._internal;
var codeError = internal.codeError;
var argType = internal.argType;
var nextTick = process.nextTick;

var StringDecoder;
function newDecoder(enc) {
  if (StringDecoder === undefined) StringDecoder = require('string_decoder').StringDecoder;
  return new StringDecoder(enc);
}

function nop() {}

// emit0/emit1 emit an event the machinery raises (resume, data, readable,
// end, prefinish, finish, ...). goja: emit's rest parameter costs an
// array per call and the call another frame, ~0.5 us together, and most
// of these events have no listener on a socket. When the stream emits
// with EventEmitter's own emit (anything else is called as is), they do
// what it would do, without the detour: nothing when nobody listens, the
// single listener called directly.
var baseEmit = EE.prototype.emit;
function emit0(stream, type) {
  if (stream.emit !== baseEmit) return stream.emit(type);
  var events = stream._events;
  var h = events !== undefined ? events[type] : undefined;
  if (h === undefined) return false;
  if (typeof h === 'function') h.call(stream); // the only listener (events.js)
  else if (h.length !== 1) return stream.emit(type);
  else h[0].call(stream);
  return true;
}
function emit1(stream, type, a) {
  if (stream.emit !== baseEmit) return stream.emit(type, a);
  var events = stream._events;
  var h = events !== undefined ? events[type] : undefined;
  if (h === undefined) return false;
  if (typeof h === 'function') h.call(stream, a);
  else if (h.length !== 1) return stream.emit(type, a);
  else h[0].call(stream, a);
  return true;
}

// ---- errors ----

function errNullValues() { return codeError(TypeError, 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream'); }
function errWriteAfterEnd() { return codeError(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end'); }
function errDestroyed(what) { return codeError(Error, 'ERR_STREAM_DESTROYED', 'Cannot call ' + what + ' after a stream was destroyed'); }
function errPushAfterEOF() { return codeError(Error, 'ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF'); }
function errUnshiftAfterEnd() { return codeError(Error, 'ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event'); }
function errMultipleCallback() { return codeError(Error, 'ERR_MULTIPLE_CALLBACK', 'Callback called multiple times'); }
function errAlreadyFinished(what) { return codeError(Error, 'ERR_STREAM_ALREADY_FINISHED', 'Cannot call ' + what + ' after a stream was finished'); }
function errNotImplemented(what) { return codeError(Error, 'ERR_METHOD_NOT_IMPLEMENTED', 'The ' + what + ' method is not implemented'); }
function errPrematureClose() { return codeError(Error, 'ERR_STREAM_PREMATURE_CLOSE', 'Premature close'); }
function errInvalidChunk(chunk) { return argType('chunk', 'of type string or an instance of Buffer, TypedArray, or DataView', chunk); }
function errMissingArgs(name) { return codeError(TypeError, 'ERR_MISSING_ARGS', 'The "' + name + '" argument must be specified'); }
function errInvalidReturn(name, what, got) {
  return codeError(TypeError, 'ERR_INVALID_RETURN_VALUE', 'Expected ' + what + ' to be returned from the "' + name + '" function but got ' + describeType(got) + '.');
}
function describeType(v) {
  if (v === null) return 'null';
  if (typeof v === 'object' && v.constructor && v.constructor.name) return 'an instance of ' + v.constructor.name;
  return 'type ' + typeof v;
}
function abortError(reason) {
  var e = new Error('The operation was aborted');
  e.name = 'AbortError';
  e.code = 'ABORT_ERR';
  if (reason !== undefined) e.cause = reason;
  return e;
}
function invalidArgValue(name, v) {
  return codeError(TypeError, 'ERR_INVALID_ARG_VALUE', "The property '" + name + "' is invalid. Received " + require('util').inspect(v));
}

// ---- high water marks ----

var defaultHWM = 16 * 1024, defaultObjectHWM = 16;
function getDefaultHighWaterMark(objectMode) { return objectMode ? defaultObjectHWM : defaultHWM; }
function setDefaultHighWaterMark(objectMode, value) {
  if (objectMode) defaultObjectHWM = value; else defaultHWM = value;
}
function getHighWaterMark(options, duplexKey, isDuplex, objectMode) {
  var hwm = options && options.highWaterMark != null ? options.highWaterMark : isDuplex && options ? options[duplexKey] : null;
  if (hwm != null) {
    if (!Number.isInteger(hwm) || hwm < 0) throw invalidArgValue(isDuplex && options.highWaterMark == null ? 'options.' + duplexKey : 'options.highWaterMark', hwm);
    return Math.floor(hwm);
  }
  return objectMode ? defaultObjectHWM : defaultHWM;
}

function toBuffer(u8) {
  return Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
}

// ---- Stream (the legacy base class) ----

function Stream(opts) {
  EE.call(this, opts);
}
Object.setPrototypeOf(Stream.prototype, EE.prototype);
Object.setPrototypeOf(Stream, EE);

// initEmitter is Stream.call(stream, options) for the stream classes:
// EventEmitter.init's work done here, unless someone replaced init.
// goja: Stream.call -> EE.call -> EE.init.call is three calls, two of
// them through Function.prototype.call, ~1 us per stream.
var stockInit = EE.init;
function initEmitter(stream, options) {
  if (EE.init !== stockInit) {
    Stream.call(stream, options);
    return;
  }
  var events = stream._events;
  if (events === undefined || events === Object.getPrototypeOf(stream)._events) {
    stream._events = Object.create(null);
    stream._eventsCount = 0;
  }
  stream._maxListeners = stream._maxListeners || undefined;
}

// The pre-streams2 pipe, kept for classes that extend Stream directly.
Stream.prototype.pipe = function (dest, options) {
  var source = this;
  function ondata(chunk) {
    if (dest.writable && dest.write(chunk) === false && source.pause) source.pause();
  }
  source.on('data', ondata);
  function ondrain() {
    if (source.readable && source.resume) source.resume();
  }
  dest.on('drain', ondrain);
  if (!dest._isStdio && (!options || options.end !== false)) {
    source.on('end', onend);
    source.on('close', onclose);
  }
  var didOnEnd = false;
  function onend() {
    if (didOnEnd) return;
    didOnEnd = true;
    dest.end();
  }
  function onclose() {
    if (didOnEnd) return;
    didOnEnd = true;
    if (typeof dest.destroy === 'function') dest.destroy();
  }
  function onerror(er) {
    cleanup();
    if (EE.listenerCount(this, 'error') === 0) this.emit('error', er);
  }
  source.prependListener('error', onerror);
  dest.prependListener('error', onerror);
  function cleanup() {
    source.removeListener('data', ondata);
    dest.removeListener('drain', ondrain);
    source.removeListener('end', onend);
    source.removeListener('close', onclose);
    source.removeListener('error', onerror);
    dest.removeListener('error', onerror);
    source.removeListener('end', cleanup);
    source.removeListener('close', cleanup);
    dest.removeListener('close', cleanup);
  }
  source.on('end', cleanup);
  source.on('close', cleanup);
  dest.on('close', cleanup);
  dest.emit('pipe', source);
  return dest;
};

// ---- destroy / construct, shared by both sides ----

var kDestroy = Symbol('kDestroy');
var kConstruct = Symbol('kConstruct');

function checkError(err, w, r) {
  if (err) {
    if (w && !w.errored) w.errored = err;
    if (r && !r.errored) r.errored = err;
  }
}

function destroy(err, cb) {
  return destroyImpl(this, err, cb);
}
function destroyImpl(self, err, cb) {
  var r = self._readableState, w = self._writableState;
  var s = w || r;
  if ((w && w.destroyed) || (r && r.destroyed)) {
    if (typeof cb === 'function') cb();
    return self;
  }
  if (err) checkError(err, w, r);
  if (w) w.destroyed = true;
  if (r) r.destroyed = true;
  if (!s.constructed) {
    self.once(kDestroy, function (er) { doDestroy(this, er || err, cb); });
  } else {
    doDestroy(self, err, cb);
  }
  return self;
}

function doDestroy(self, err, cb) {
  // The stock _destroy (cb(err) at once) needs no callback closure (~0.6
  // us in goja): its work is done here, in the same order. An exception
  // from cb is swallowed, as the closure's guard would swallow it.
  var d = self._destroy;
  if (d === readableDestroy || d === writableDestroy) {
    try {
      destroyed(self, err || null, cb);
    } catch (e) {
      // onDestroy already ran: the closure would ignore this call.
    }
    return;
  }
  var called = false;
  function onDestroy(err) {
    if (called) return;
    called = true;
    destroyed(self, err, cb);
  }
  try {
    d.call(self, err || null, onDestroy);
  } catch (e) {
    onDestroy(e);
  }
}
// destroyed is _destroy's callback's work: closed, the destroy()
// callback, then 'error'/'close' on a tick.
function destroyed(self, err, cb) {
  var r = self._readableState, w = self._writableState;
  if (err) checkError(err, w, r);
  if (w) w.closed = true;
  if (r) r.closed = true;
  if (typeof cb === 'function') cb(err);
  if (err) nextTick(emitErrorCloseNT, self, err);
  else nextTick(emitCloseNT, self);
}

function emitErrorCloseNT(self, err) {
  emitErrorNT(self, err);
  emitCloseNT(self);
}
function emitCloseNT(self) {
  var r = self._readableState, w = self._writableState;
  if (w) w.closeEmitted = true;
  if (r) r.closeEmitted = true;
  if ((w && w.emitClose) || (r && r.emitClose)) emit0(self, 'close');
}
function emitErrorNT(self, err) {
  var r = self._readableState, w = self._writableState;
  if ((w && w.errorEmitted) || (r && r.errorEmitted)) return;
  if (w) w.errorEmitted = true;
  if (r) r.errorEmitted = true;
  self.emit('error', err);
}

function undestroy() {
  var r = this._readableState, w = this._writableState;
  if (r) {
    r.constructed = true;
    r.closed = false;
    r.closeEmitted = false;
    r.destroyed = false;
    r.errored = null;
    r.errorEmitted = false;
    r.reading = false;
    r.ended = r.readable === false;
    r.endEmitted = r.readable === false;
  }
  if (w) {
    w.constructed = true;
    w.destroyed = false;
    w.closed = false;
    w.closeEmitted = false;
    w.errored = null;
    w.errorEmitted = false;
    w.finalCalled = false;
    w.prefinished = false;
    w.ended = w.writable === false;
    w.ending = w.writable === false;
    w.finished = w.writable === false;
  }
}

// errorOrDestroy: an error from inside the machinery destroys the stream
// (autoDestroy) or is emitted.
function errorOrDestroy(stream, err, sync) {
  var r = stream._readableState, w = stream._writableState;
  if ((w && w.destroyed) || (r && r.destroyed)) return;
  if ((r && r.autoDestroy) || (w && w.autoDestroy)) {
    stream.destroy(err);
  } else if (err) {
    if (w && !w.errored) w.errored = err;
    if (r && !r.errored) r.errored = err;
    if (sync) nextTick(emitErrorNT, stream, err);
    else emitErrorNT(stream, err);
  }
}

function construct(stream, cb) {
  if (typeof stream._construct !== 'function') return;
  var r = stream._readableState, w = stream._writableState;
  if (r) r.constructed = false;
  if (w) w.constructed = false;
  stream.once(kConstruct, cb);
  if (stream.listenerCount(kConstruct) > 1) return;
  nextTick(constructNT, stream);
}
function constructNT(stream) {
  var called = false;
  function onConstruct(err) {
    if (called) {
      errorOrDestroy(stream, err != null ? err : errMultipleCallback());
      return;
    }
    called = true;
    var r = stream._readableState, w = stream._writableState;
    var s = w || r;
    if (r) r.constructed = true;
    if (w) w.constructed = true;
    if (s.destroyed) stream.emit(kDestroy, err);
    else if (err) errorOrDestroy(stream, err, true);
    else nextTick(function () { stream.emit(kConstruct); });
  }
  try {
    stream._construct(function (err) { nextTick(onConstruct, err); });
  } catch (err) {
    nextTick(onConstruct, err);
  }
}

// destroyer destroys any stream-like thing (used by pipeline).
function destroyer(stream, err) {
  if (!stream || isDestroyed(stream)) return;
  if (!err && !isFinished(stream)) err = abortError();
  if (typeof stream.destroy === 'function') stream.destroy(err);
  else if (typeof stream.close === 'function') stream.close();
}

// ---- Readable ----

function ReadableState(options, stream, isDuplex) {
  if (typeof isDuplex !== 'boolean') isDuplex = stream instanceof Duplex;
  // Only what differs from the defaults on ReadableState.prototype (below)
  // becomes an own property here: goja objects are hash maps, and every
  // own property of a new state cost a map insert (and the map's growth)
  // per stream; a net.Socket was 30x slower to make than in V8.
  var objectMode = !!(options && options.objectMode);
  if (isDuplex) objectMode = objectMode || !!(options && options.readableObjectMode);
  if (objectMode) this.objectMode = true;
  var hwm = getHighWaterMark(options, 'readableHighWaterMark', isDuplex, objectMode);
  if (hwm !== protoHWM) this.highWaterMark = hwm;
  // buffer and pipes start as the shared, frozen noChunks (made an own
  // array when a first chunk is buffered or a first pipe made): each
  // array costs goja an allocation and an own property per stream, and
  // a socket's chunks mostly go straight to its 'data' listener.
  if (options) {
    if (options.emitClose === false) this.emitClose = false;
    if (options.autoDestroy === false) this.autoDestroy = false;
    if (options.defaultEncoding) this.defaultEncoding = options.defaultEncoding;
    if (options.encoding) {
      this.decoder = newDecoder(options.encoding);
      this.encoding = options.encoding;
    }
  }
}
var noChunks = Object.freeze([]);
// protoHWM is the states' prototype highWaterMark: a state whose mark is
// that value (16 KiB, the usual) does not get its own. It is not the
// current default (setDefaultHighWaterMark changes that for new streams
// only, and a new stream with another mark gets its own property).
var protoHWM = 16 * 1024;
// The defaults every ReadableState starts from; an assignment makes the
// instance's own property, so sharing them is safe (all are primitives,
// but for the frozen noChunks).
Object.assign(ReadableState.prototype, {
  highWaterMark: protoHWM,
  buffer: noChunks,
  pipes: noChunks,
  objectMode: false,
  length: 0,
  flowing: null,
  ended: false,
  endEmitted: false,
  reading: false,
  constructed: true,
  sync: true,
  needReadable: false,
  emittedReadable: false,
  readableListening: false,
  resumeScheduled: false,
  paused: null,
  errorEmitted: false,
  emitClose: true,
  autoDestroy: true,
  destroyed: false,
  errored: null,
  closed: false,
  closeEmitted: false,
  defaultEncoding: 'utf8',
  awaitDrainWriters: null,
  multiAwaitDrain: false,
  readingMore: false,
  dataEmitted: false,
  decoder: null,
  encoding: null
});

function Readable(options) {
  if (!(this instanceof Readable)) return new Readable(options);
  var isDuplex = this instanceof Duplex;
  this._readableState = new ReadableState(options, this, isDuplex);
  if (options) {
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal && !isDuplex) addAbortSignal(options.signal, this);
  }
  initEmitter(this, options);
  if (typeof this._construct !== 'function') return; // no closure per stream
  var self = this;
  construct(this, function () {
    if (self._readableState.needReadable) maybeReadMore(self, self._readableState);
  });
}
Object.setPrototypeOf(Readable.prototype, Stream.prototype);
Object.setPrototypeOf(Readable, Stream);
Readable.ReadableState = ReadableState;

Readable.prototype.destroy = destroy;
Readable.prototype._undestroy = undestroy;
// (Anonymous, as node's: the name shows.)
var readableDestroy = Readable.prototype._destroy = function (err, cb) { cb(err); };
Readable.prototype[EE.captureRejectionSymbol || Symbol('captureRejection')] = function (err) { this.destroy(err); };

Readable.prototype.push = function (chunk, encoding) {
  return readableAddChunk(this, chunk, encoding, false);
};
Readable.prototype.unshift = function (chunk, encoding) {
  return readableAddChunk(this, chunk, encoding, true);
};

function readableAddChunk(stream, chunk, encoding, addToFront) {
  var state = stream._readableState;
  if (chunk === null) { // EOF, first: no type checks to pass
    state.reading = false;
    onEofChunk(stream, state);
    return !state.ended && (state.length < state.highWaterMark || state.length === 0);
  }
  var err;
  if (!state.objectMode) {
    if (typeof chunk === 'string') {
      encoding = encoding || state.defaultEncoding;
      if (state.encoding !== encoding) {
        if (addToFront && state.encoding) {
          chunk = Buffer.from(chunk, encoding).toString(state.encoding);
        } else {
          chunk = Buffer.from(chunk, encoding);
          encoding = '';
        }
      }
    } else if (chunk instanceof Buffer) {
      encoding = '';
    } else if (chunk instanceof Uint8Array) {
      chunk = toBuffer(chunk);
      encoding = '';
    } else if (chunk != null) {
      err = errInvalidChunk(chunk);
    }
  }
  if (err) {
    errorOrDestroy(stream, err);
    return false;
  } else if (chunk === null) {
    state.reading = false;
    onEofChunk(stream, state);
  } else if (state.objectMode || (chunk && chunk.length > 0)) {
    if (addToFront) {
      if (state.endEmitted) errorOrDestroy(stream, errUnshiftAfterEnd());
      else if (state.destroyed || state.errored) return false;
      else addChunk(stream, state, chunk, true);
    } else if (state.ended) {
      errorOrDestroy(stream, errPushAfterEOF());
    } else if (state.destroyed || state.errored) {
      return false;
    } else {
      state.reading = false;
      if (state.decoder && !encoding) {
        chunk = state.decoder.write(chunk);
        if (state.objectMode || chunk.length !== 0) addChunk(stream, state, chunk, false);
        else maybeReadMore(stream, state);
      } else {
        addChunk(stream, state, chunk, false);
      }
    }
  } else if (!addToFront) {
    state.reading = false;
    maybeReadMore(stream, state);
  }
  return !state.ended && (state.length < state.highWaterMark || state.length === 0);
}

// Some fields are assigned only when they change: goja stores the first
// assignment of an inherited default as a new own property, a map insert
// (and, past 8 properties, a growth of the map).
function addChunk(stream, state, chunk, addToFront) {
  if (state.flowing && state.length === 0 && !state.sync && stream.listenerCount('data') > 0) {
    if (state.multiAwaitDrain) state.awaitDrainWriters.clear();
    else if (state.awaitDrainWriters !== null) state.awaitDrainWriters = null;
    state.dataEmitted = true;
    emit1(stream, 'data', chunk);
  } else {
    state.length += state.objectMode ? 1 : chunk.length;
    var buf = state.buffer;
    if (buf === noChunks) state.buffer = [chunk];
    else if (addToFront) buf.unshift(chunk);
    else buf.push(chunk);
    if (state.needReadable) emitReadable(stream);
  }
  maybeReadMore(stream, state);
}

Readable.prototype.isPaused = function () {
  var state = this._readableState;
  return state.paused === true || state.flowing === false;
};

Readable.prototype.setEncoding = function (enc) {
  var decoder = newDecoder(enc);
  var state = this._readableState;
  state.decoder = decoder;
  state.encoding = decoder.encoding;
  var content = '';
  for (var i = 0; i < state.buffer.length; i++) content += decoder.write(state.buffer[i]);
  state.buffer = content !== '' ? [content] : noChunks;
  state.length = content.length;
  return this;
};

var MAX_HWM = 0x40000000;
function computeNewHighWaterMark(n) {
  if (n > MAX_HWM) throw internal.outOfRange('size', '<= 1GiB', n);
  n--;
  n |= n >>> 1;
  n |= n >>> 2;
  n |= n >>> 4;
  n |= n >>> 8;
  n |= n >>> 16;
  n++;
  return n;
}

function howMuchToRead(n, state) {
  if (n <= 0 || (state.length === 0 && state.ended)) return 0;
  if (state.objectMode) return 1;
  if (n !== n) {
    if (state.flowing && state.length) return state.objectMode ? 1 : state.buffer[0].length;
    return state.length;
  }
  if (n <= state.length) return n;
  return state.ended ? state.length : 0;
}

// read keeps length, ended and the high-water mark in locals while
// nothing can change them (until _read runs): goja reads each state field
// through a map lookup, and read() runs several times per life cycle.
Readable.prototype.read = function (n) {
  if (n === undefined) n = NaN;
  else if (n !== 0 && !Number.isInteger(n)) n = Number.parseInt(n, 10);
  var state = this._readableState;
  var nOrig = n;
  var hwm = state.highWaterMark;
  if (n > hwm) hwm = state.highWaterMark = computeNewHighWaterMark(n);
  if (n !== 0 && state.emittedReadable) state.emittedReadable = false;
  var length = state.length, ended = state.ended;
  if (n === 0 && state.needReadable && ((hwm !== 0 ? length >= hwm : length > 0) || ended)) {
    if (length === 0 && ended) endReadable(this);
    else emitReadable(this);
    return null;
  }
  // howMuchToRead, on the locals.
  if (n <= 0 || (length === 0 && ended)) n = 0;
  else if (state.objectMode) n = 1;
  else if (n !== n) n = state.flowing && length ? state.buffer[0].length : length;
  else if (n > length) n = ended ? length : 0;
  if (n === 0 && ended) {
    if (length === 0) endReadable(this);
    return null;
  }
  if (ended || state.reading || state.destroyed || state.errored || !state.constructed) {
    // no _read
  } else if (length === 0 || length - n < hwm || state.needReadable) {
    state.reading = true;
    state.sync = true;
    if (length === 0) state.needReadable = true;
    try {
      this._read(hwm);
    } catch (err) {
      errorOrDestroy(this, err);
    }
    state.sync = false;
    if (!state.reading) n = howMuchToRead(nOrig, state);
    hwm = state.highWaterMark;
    length = state.length;
    ended = state.ended;
  }
  var ret = n > 0 ? fromList(n, state) : null;
  if (ret === null) {
    // Set, never cleared, here (node v20.20); length <= hwm holds
    // whenever length is 0, ended or not.
    if (length <= hwm && !state.needReadable) state.needReadable = true;
    if (length === 0 && ended && nOrig !== 0) endReadable(this);
    return null;
  }
  length = state.length -= n;
  if (state.multiAwaitDrain) state.awaitDrainWriters.clear();
  else if (state.awaitDrainWriters !== null) state.awaitDrainWriters = null;
  if (length === 0) {
    ended = state.ended;
    if (!ended) state.needReadable = true;
    if (nOrig !== n && ended) endReadable(this);
  }
  if (!state.errorEmitted && !state.closeEmitted) {
    state.dataEmitted = true;
    emit1(this, 'data', ret);
  }
  return ret;
};

// fromList takes n bytes (or characters, or one object) off the buffer.
function fromList(n, state) {
  if (state.length === 0) return null;
  var buf = state.buffer, ret;
  if (state.objectMode) return buf.shift();
  if (!n || n >= state.length) {
    if (state.decoder) ret = buf.join('');
    else if (buf.length === 1) ret = buf[0];
    else ret = Buffer.concat(buf, state.length);
    state.buffer = noChunks;
    return ret;
  }
  var first = buf[0];
  if (n < first.length) {
    buf[0] = first.slice(n);
    return first.slice(0, n);
  }
  if (n === first.length) return buf.shift();
  if (state.decoder) {
    ret = '';
    while (ret.length < n) {
      var s = buf[0], need = n - ret.length;
      if (s.length <= need) { ret += s; buf.shift(); } else { ret += s.slice(0, need); buf[0] = s.slice(need); }
    }
    return ret;
  }
  ret = Buffer.allocUnsafe(n);
  var off = 0;
  while (off < n) {
    var b = buf[0], want = n - off;
    if (b.length <= want) { ret.set(b, off); off += b.length; buf.shift(); } else { ret.set(b.subarray(0, want), off); off += want; buf[0] = b.subarray(want); }
  }
  return ret;
}

function onEofChunk(stream, state) {
  if (state.ended) return;
  if (state.decoder) {
    var chunk = state.decoder.end();
    if (chunk && chunk.length) {
      if (state.buffer === noChunks) state.buffer = [chunk];
      else state.buffer.push(chunk);
      state.length += state.objectMode ? 1 : chunk.length;
    }
  }
  state.ended = true;
  if (state.sync) {
    emitReadable(stream);
  } else {
    state.needReadable = false;
    state.emittedReadable = true;
    emitReadableNT(stream);
  }
}

function emitReadable(stream) {
  var state = stream._readableState;
  state.needReadable = false;
  if (!state.emittedReadable) {
    state.emittedReadable = true;
    nextTick(emitReadableNT, stream);
  }
}
function emitReadableNT(stream) {
  var state = stream._readableState;
  if (!state.destroyed && !state.errored && (state.length || state.ended)) {
    emit0(stream, 'readable');
    state.emittedReadable = false;
  }
  state.needReadable = !state.flowing && !state.ended && state.length <= state.highWaterMark;
  flow(stream);
}

function maybeReadMore(stream, state) {
  if (!state.readingMore && state.constructed) {
    state.readingMore = true;
    nextTick(maybeReadMoreNT, stream);
  }
}
// The *NT functions run from nextTick with the stream alone and look its
// state up again: every extra nextTick argument costs gonode ~0.3 us.
function maybeReadMoreNT(stream) {
  var state = stream._readableState;
  while (!state.reading && !state.ended &&
         (state.length < state.highWaterMark || (state.flowing && state.length === 0))) {
    var len = state.length;
    stream.read(0);
    if (len === state.length) break;
  }
  state.readingMore = false;
}

Readable.prototype._read = function () {
  throw errNotImplemented('_read()');
};

Readable.prototype.pipe = function (dest, pipeOpts) {
  var src = this;
  var state = this._readableState;
  if (state.pipes.length === 1 && !state.multiAwaitDrain) {
    state.multiAwaitDrain = true;
    state.awaitDrainWriters = new Set(state.awaitDrainWriters ? [state.awaitDrainWriters] : []);
  }
  if (state.pipes === noChunks) state.pipes = [dest];
  else state.pipes.push(dest);
  var doEnd = (!pipeOpts || pipeOpts.end !== false) && dest !== process.stdout && dest !== process.stderr;
  var endFn = doEnd ? onend : unpipe;
  if (state.endEmitted) nextTick(endFn);
  else src.once('end', endFn);
  dest.on('unpipe', onunpipe);
  function onunpipe(readable, unpipeInfo) {
    if (readable === src && unpipeInfo && unpipeInfo.hasUnpiped === false) {
      unpipeInfo.hasUnpiped = true;
      cleanup();
    }
  }
  function onend() { dest.end(); }
  var ondrain;
  var cleanedUp = false;
  function cleanup() {
    dest.removeListener('close', onclose);
    dest.removeListener('finish', onfinish);
    if (ondrain) dest.removeListener('drain', ondrain);
    dest.removeListener('error', onerror);
    dest.removeListener('unpipe', onunpipe);
    src.removeListener('end', onend);
    src.removeListener('end', unpipe);
    src.removeListener('data', ondata);
    cleanedUp = true;
    if (ondrain && state.awaitDrainWriters && (!dest._writableState || dest._writableState.needDrain)) ondrain();
  }
  function pause() {
    if (!cleanedUp) {
      if (state.pipes.length === 1 && state.pipes[0] === dest) {
        state.awaitDrainWriters = dest;
        state.multiAwaitDrain = false;
      } else if (state.pipes.length > 1 && state.pipes.indexOf(dest) >= 0) {
        state.awaitDrainWriters.add(dest);
      }
      src.pause();
    }
    if (!ondrain) {
      ondrain = pipeOnDrain(src, dest);
      dest.on('drain', ondrain);
    }
  }
  src.on('data', ondata);
  function ondata(chunk) {
    var ret = dest.write(chunk);
    if (ret === false) pause();
  }
  function onerror(er) {
    unpipe();
    dest.removeListener('error', onerror);
    if (dest.listenerCount('error') === 0) {
      var s = dest._writableState || dest._readableState;
      if (s && !s.errorEmitted) errorOrDestroy(dest, er);
      else dest.emit('error', er);
    }
  }
  dest.prependListener('error', onerror);
  function onclose() {
    dest.removeListener('finish', onfinish);
    unpipe();
  }
  dest.once('close', onclose);
  function onfinish() {
    dest.removeListener('close', onclose);
    unpipe();
  }
  dest.once('finish', onfinish);
  function unpipe() { src.unpipe(dest); }
  dest.emit('pipe', src);
  if (dest.writableNeedDrain === true) pause();
  else if (!state.flowing) src.resume();
  return dest;
};

function pipeOnDrain(src, dest) {
  return function () {
    var state = src._readableState;
    if (state.awaitDrainWriters === dest) state.awaitDrainWriters = null;
    else if (state.multiAwaitDrain) state.awaitDrainWriters.delete(dest);
    if ((!state.awaitDrainWriters || state.awaitDrainWriters.size === 0) && src.listenerCount('data')) src.resume();
  };
}

Readable.prototype.unpipe = function (dest) {
  var state = this._readableState;
  var unpipeInfo = { hasUnpiped: false };
  if (state.pipes.length === 0) return this;
  if (!dest) {
    var dests = state.pipes;
    state.pipes = noChunks;
    this.pause();
    for (var i = 0; i < dests.length; i++) dests[i].emit('unpipe', this, { hasUnpiped: false });
    return this;
  }
  var index = state.pipes.indexOf(dest);
  if (index === -1) return this;
  state.pipes.splice(index, 1);
  if (state.pipes.length === 0) this.pause();
  dest.emit('unpipe', this, unpipeInfo);
  return this;
};

Readable.prototype.on = function (ev, fn) {
  var res = Stream.prototype.on.call(this, ev, fn);
  var state = this._readableState;
  if (ev === 'data') {
    // Only ever set here, as node v20.20 does (a 'readable' listener
    // removed in this tick still counts until updateReadableListening).
    if (this.listenerCount('readable') > 0 && !state.readableListening) state.readableListening = true;
    if (state.flowing !== false) this.resume();
  } else if (ev === 'readable') {
    if (!state.endEmitted && !state.readableListening) {
      state.readableListening = state.needReadable = true;
      state.flowing = false;
      state.emittedReadable = false;
      if (state.length) emitReadable(this);
      else if (!state.reading) nextTick(nReadingNextTick, this);
    }
  }
  return res;
};
Readable.prototype.addListener = Readable.prototype.on;

// once() goes through this.on() (as node's EventEmitter does), so
// stream.once('data', fn) starts the flow like on('data', fn).
Readable.prototype.once = function (ev, fn) {
  if (typeof fn !== 'function') return Stream.prototype.once.call(this, ev, fn);
  var fired = false;
  // A rest parameter, not arguments: goja builds an arguments object
  // for every call of a function that mentions it (~1 us).
  function wrapper(...args) {
    if (fired) return;
    fired = true;
    this.removeListener(ev, wrapper);
    return fn.apply(this, args);
  }
  wrapper.listener = fn;
  return this.on(ev, wrapper);
};

Readable.prototype.removeListener = function (ev, fn) {
  var res = Stream.prototype.removeListener.call(this, ev, fn);
  if (ev === 'readable') nextTick(updateReadableListening, this);
  return res;
};
Readable.prototype.off = Readable.prototype.removeListener;

Readable.prototype.removeAllListeners = function (ev) {
  var res = Stream.prototype.removeAllListeners.apply(this, arguments);
  if (ev === 'readable' || ev === undefined) nextTick(updateReadableListening, this);
  return res;
};

function updateReadableListening(self) {
  var state = self._readableState;
  state.readableListening = self.listenerCount('readable') > 0;
  if (state.resumeScheduled && state.paused === false) state.flowing = true;
  else if (self.listenerCount('data') > 0) self.resume();
  else if (!state.readableListening) state.flowing = null;
}
function nReadingNextTick(self) { self.read(0); }

Readable.prototype.resume = function () {
  var state = this._readableState;
  if (!state.flowing) {
    state.flowing = !state.readableListening;
    if (!state.resumeScheduled) {
      state.resumeScheduled = true;
      nextTick(resumeNT, this);
    }
  }
  state.paused = false;
  return this;
};
function resumeNT(stream) {
  var state = stream._readableState;
  if (!state.reading) stream.read(0);
  state.resumeScheduled = false;
  emit0(stream, 'resume');
  flow(stream);
  if (state.flowing && !state.reading) stream.read(0);
}

Readable.prototype.pause = function () {
  var state = this._readableState;
  if (state.flowing !== false) {
    state.flowing = false;
    emit0(this, 'pause');
  }
  state.paused = true;
  return this;
};

function flow(stream) {
  var state = stream._readableState;
  while (state.flowing && stream.read() !== null);
}

// wrap() adopts an old-style (streams1) readable.
Readable.prototype.wrap = function (stream) {
  var paused = false;
  var self = this;
  stream.on('data', function (chunk) {
    if (!self.push(chunk) && stream.pause) {
      paused = true;
      stream.pause();
    }
  });
  stream.on('end', function () { self.push(null); });
  stream.on('error', function (err) { errorOrDestroy(self, err); });
  stream.on('close', function () { self.destroy(); });
  stream.on('destroy', function () { self.destroy(); });
  this._read = function () {
    if (paused && stream.resume) {
      paused = false;
      stream.resume();
    }
  };
  var keys = Object.keys(stream);
  for (var i = 0; i < keys.length; i++) {
    var k = keys[i];
    if (this[k] === undefined && typeof stream[k] === 'function') this[k] = stream[k].bind(stream);
  }
  return this;
};

function endReadable(stream) {
  var state = stream._readableState;
  if (!state.endEmitted) {
    state.ended = true;
    nextTick(endReadableNT, stream);
  }
}
function endReadableNT(stream) {
  var state = stream._readableState;
  if (!state.errored && !state.closeEmitted && !state.endEmitted && state.length === 0) {
    state.endEmitted = true;
    emit0(stream, 'end');
    // (The writable getter first, as node: a subclass's getter sees the
    // same calls.)
    if (stream.writable && stream.allowHalfOpen === false) {
      nextTick(endWritableNT, stream);
    } else if (state.autoDestroy) {
      var wState = stream._writableState;
      var auto = !wState || (wState.autoDestroy && (wState.finished || wState.writable === false));
      if (auto) stream.destroy();
    }
  }
}
function endWritableNT(stream) {
  var writable = stream.writable && !stream.writableEnded && !stream.destroyed;
  if (writable) stream.end();
}

// Async iteration: for-await is not in goja's syntax yet, but iterators
// work with explicit next() calls and with pipeline's function stages.
Readable.prototype[Symbol.asyncIterator] = function () {
  return createAsyncIterator(this, undefined);
};
Readable.prototype.iterator = function (options) {
  return createAsyncIterator(this, options);
};

function createAsyncIterator(stream, options) {
  var wake = nop;
  var error; // undefined: still going; null: ended cleanly; else the error
  var done = false;
  function onReadable() {
    var w = wake;
    wake = nop;
    w();
  }
  stream.on('readable', onReadable);
  var cleanup = eos(stream, { writable: false }, function (err) {
    error = err ? aggregate(error, err) : null;
    onReadable();
  });
  function finish(err) {
    if (done) return;
    done = true;
    if ((err || !options || options.destroyOnReturn !== false) && (err === undefined || stream._readableState.autoDestroy)) {
      destroyer(stream, null);
    } else {
      stream.off('readable', onReadable);
      cleanup();
    }
  }
  function next() {
    if (done) return Promise.resolve({ value: undefined, done: true });
    return new Promise(function (resolve, reject) {
      function attempt() {
        var chunk;
        try {
          chunk = stream.destroyed ? null : stream.read();
        } catch (e) {
          error = aggregate(error, e);
          finish(error);
          reject(error);
          return;
        }
        if (chunk !== null) resolve({ value: chunk, done: false });
        else if (error) {
          var e = error;
          finish(e);
          reject(e);
        } else if (error === null) {
          finish(undefined);
          resolve({ value: undefined, done: true });
        } else {
          wake = attempt;
        }
      }
      attempt();
    });
  }
  var it = {
    next: next,
    return: function (value) {
      finish(undefined);
      return Promise.resolve({ value: value, done: true });
    },
    throw: function (err) {
      error = aggregate(error, err);
      finish(error);
      return Promise.reject(err);
    }
  };
  it[Symbol.asyncIterator] = function () { return this; };
  return it;
}
function aggregate(a, b) {
  if (a && b && a !== b) {
    if (Array.isArray(a.errors)) {
      a.errors.push(b);
      return a;
    }
    var e = new AggregateError([a, b], a.message);
    e.code = a.code;
    return e;
  }
  return a || b;
}

function defineGetters(proto, getters) {
  Object.keys(getters).forEach(function (k) {
    var g = getters[k];
    var d = { enumerable: false, configurable: true };
    if (typeof g === 'function') d.get = g;
    else { d.get = g.get; d.set = g.set; }
    Object.defineProperty(proto, k, d);
  });
}

defineGetters(Readable.prototype, {
  readable: {
    get: function () {
      var r = this._readableState;
      return !!r && r.readable !== false && !r.destroyed && !r.errorEmitted && !r.endEmitted;
    },
    set: function (val) {
      if (this._readableState) this._readableState.readable = !!val;
    }
  },
  readableDidRead: function () { return this._readableState.dataEmitted; },
  readableAborted: function () {
    var r = this._readableState;
    return !!(r.readable !== false && (r.destroyed || r.errored) && !r.endEmitted);
  },
  readableHighWaterMark: function () { return this._readableState.highWaterMark; },
  readableBuffer: function () { return this._readableState && this._readableState.buffer; },
  readableFlowing: {
    get: function () { return this._readableState.flowing; },
    set: function (v) { if (this._readableState) this._readableState.flowing = v; }
  },
  readableLength: function () { return this._readableState.length; },
  readableObjectMode: function () { return this._readableState ? this._readableState.objectMode : false; },
  readableEncoding: function () { return this._readableState ? this._readableState.encoding : null; },
  errored: function () { return this._readableState ? this._readableState.errored : null; },
  closed: function () { return this._readableState ? this._readableState.closed : false; },
  destroyed: {
    get: function () { return this._readableState ? this._readableState.destroyed : false; },
    set: function (v) { if (this._readableState) this._readableState.destroyed = v; }
  },
  readableEnded: function () { return this._readableState ? this._readableState.endEmitted : false; }
});

Readable.from = function (iterable, opts) {
  return from(Readable, iterable, opts);
};

function from(Ctor, iterable, opts) {
  if (typeof iterable === 'string' || iterable instanceof Buffer) {
    return new Ctor(Object.assign({ objectMode: true }, opts, {
      read: function () {
        this.push(iterable);
        this.push(null);
      }
    }));
  }
  var isAsync, iterator;
  if (iterable && typeof iterable[Symbol.asyncIterator] === 'function') {
    isAsync = true;
    iterator = iterable[Symbol.asyncIterator]();
  } else if (iterable && typeof iterable[Symbol.iterator] === 'function') {
    isAsync = false;
    iterator = iterable[Symbol.iterator]();
  } else {
    throw argType('iterable', 'an instance of Iterable', iterable);
  }
  var readable = new Ctor(Object.assign({ objectMode: true, highWaterMark: 1 }, opts));
  var reading = false;
  var isNextRunning = false;
  readable._read = function () {
    if (!reading) {
      reading = true;
      if (isAsync) nextAsync();
      else if (!isNextRunning) nextSync();
    }
  };
  readable._destroy = function (error, cb) {
    close(error).then(function () { nextTick(cb, error); }, function (e) { nextTick(cb, e || error); });
  };
  function close(error) {
    var hadError = error !== undefined && error !== null;
    var hasThrow = typeof iterator.throw === 'function';
    if (hadError && hasThrow) {
      return Promise.resolve().then(function () { return iterator.throw(error); }).then(function (r) {
        if (r && r.done) return;
      });
    }
    if (typeof iterator.return === 'function') {
      return Promise.resolve().then(function () { return iterator.return(); });
    }
    return Promise.resolve();
  }
  function nextSync() {
    isNextRunning = true;
    for (;;) {
      var r;
      try {
        r = iterator.next();
      } catch (err) {
        readable.destroy(err);
        break;
      }
      if (r.done) {
        readable.push(null);
        break;
      }
      var value = r.value;
      if (value && typeof value.then === 'function') {
        value.then(function (v) {
          if (v === null) {
            reading = false;
            readable.destroy(errNullValues());
          } else if (readable.push(v)) {
            nextSync();
          } else {
            reading = false;
          }
        }, function (err) { readable.destroy(err); });
        break;
      }
      if (value === null) {
        reading = false;
        readable.destroy(errNullValues());
        break;
      }
      if (!readable.push(value)) {
        reading = false;
        break;
      }
    }
    isNextRunning = false;
  }
  function nextAsync() {
    Promise.resolve().then(function () { return iterator.next(); }).then(function (r) {
      if (r.done) {
        readable.push(null);
        return;
      }
      return Promise.resolve(r.value).then(function (value) {
        if (value === null) {
          reading = false;
          throw errNullValues();
        }
        if (readable.push(value)) nextAsync();
        else reading = false;
      });
    }).catch(function (err) { readable.destroy(err); });
  }
  return readable;
}

// toArray is the one stream-helper method common enough to carry.
Readable.prototype.toArray = function (options) {
  var out = [];
  var self = this;
  return new Promise(function (resolve, reject) {
    self.on('data', function (c) { out.push(c); });
    eos(self, { writable: false }, function (err) {
      if (err) reject(err);
      else resolve(out);
    });
  });
};

// ---- stream helpers (map, filter, forEach, ...) ----
// Built on the async iterator; results are awaited one at a time (node's
// default concurrency of 1), in order.

var kStop = {};
function validateFn(fn) {
  if (typeof fn !== 'function') throw argType('fn', 'of type function or an instance of AsyncFunction', fn);
}
function validateCount(n) {
  n = Number(n);
  if (n !== n) n = 0;
  if (n < 0) throw internal.outOfRange('number', '>= 0', n);
  return n;
}
// operate returns an async iterable of what step (value, index) yields:
// an array of outputs, or kStop to end early.
function operate(stream, step) {
  var it = createAsyncIterator(stream, undefined);
  var queue = [], finished = false, index = 0;
  var out = {
    next: function () {
      if (queue.length) return Promise.resolve({ value: queue.shift(), done: false });
      if (finished) return Promise.resolve({ value: undefined, done: true });
      return it.next().then(function (r) {
        if (r.done) {
          finished = true;
          return { value: undefined, done: true };
        }
        return Promise.resolve(step(r.value, index++)).then(function (res) {
          if (res === kStop) {
            finished = true;
            return it.return().then(function () { return { value: undefined, done: true }; });
          }
          for (var i = 0; i < res.length; i++) queue.push(res[i]);
          return out.next();
        });
      });
    },
    return: function () {
      finished = true;
      return it.return();
    }
  };
  out[Symbol.asyncIterator] = function () { return out; };
  return out;
}
function helperOptions(options) {
  return { signal: options && options.signal };
}
Readable.prototype.map = function (fn, options) {
  validateFn(fn);
  var o = helperOptions(options);
  return Readable.from(operate(this, function (v) {
    return Promise.resolve(fn(v, o)).then(function (x) { return [x]; });
  }));
};
Readable.prototype.filter = function (fn, options) {
  validateFn(fn);
  var o = helperOptions(options);
  return Readable.from(operate(this, function (v) {
    return Promise.resolve(fn(v, o)).then(function (keep) { return keep ? [v] : []; });
  }));
};
Readable.prototype.flatMap = function (fn, options) {
  validateFn(fn);
  var o = helperOptions(options);
  return Readable.from(operate(this, function (v) {
    return Promise.resolve(fn(v, o)).then(function (inner) {
      var items = [];
      var iter = makeAsyncIterable(inner)[Symbol.asyncIterator]();
      function pull() {
        return iter.next().then(function (r) {
          if (r.done) return items;
          items.push(r.value);
          return pull();
        });
      }
      return pull();
    });
  }));
};
Readable.prototype.take = function (number) {
  var n = validateCount(number);
  return Readable.from(takeIter(this, n));
};
function takeIter(stream, n) {
  var it = createAsyncIterator(stream, undefined);
  var taken = 0;
  var out = {
    next: function () {
      if (taken >= n) return it.return().then(function () { return { value: undefined, done: true }; });
      return it.next().then(function (r) {
        if (!r.done) taken++;
        return r;
      });
    },
    return: function () { return it.return(); }
  };
  out[Symbol.asyncIterator] = function () { return out; };
  return out;
}
Readable.prototype.drop = function (number) {
  var n = validateCount(number);
  return Readable.from(operate(this, function (v, i) { return i < n ? [] : [v]; }));
};
var warnedPairs = false;
Readable.prototype.asIndexedPairs = function () {
  if (!warnedPairs) {
    warnedPairs = true;
    process.emitWarning('readable.asIndexedPairs will be removed in a future version.', 'DeprecationWarning');
  }
  return Readable.from(operate(this, function (v, i) { return [[i, v]]; }));
};
function consume(stream, onValue) {
  var it = createAsyncIterator(stream, undefined);
  function loop() {
    return it.next().then(function (r) {
      if (r.done) return undefined;
      return Promise.resolve(onValue(r.value)).then(function (res) {
        if (res === kStop) return it.return().then(function () { return kStop; });
        return loop();
      });
    });
  }
  return loop();
}
Readable.prototype.forEach = function (fn, options) {
  validateFn(fn);
  var o = helperOptions(options);
  return consume(this, function (v) { return Promise.resolve(fn(v, o)).then(function () {}); });
};
Readable.prototype.some = function (fn, options) {
  validateFn(fn);
  var o = helperOptions(options);
  var found = false;
  return consume(this, function (v) {
    return Promise.resolve(fn(v, o)).then(function (ok) {
      if (ok) {
        found = true;
        return kStop;
      }
    });
  }).then(function () { return found; });
};
Readable.prototype.every = function (fn, options) {
  validateFn(fn);
  var o = helperOptions(options);
  var all = true;
  return consume(this, function (v) {
    return Promise.resolve(fn(v, o)).then(function (ok) {
      if (!ok) {
        all = false;
        return kStop;
      }
    });
  }).then(function () { return all; });
};
Readable.prototype.find = function (fn, options) {
  validateFn(fn);
  var o = helperOptions(options);
  var result;
  return consume(this, function (v) {
    return Promise.resolve(fn(v, o)).then(function (ok) {
      if (ok) {
        result = v;
        return kStop;
      }
    });
  }).then(function () { return result; });
};
Readable.prototype.reduce = function (reducer, initialValue, options) {
  if (typeof reducer !== 'function') throw argType('reducer', 'of type function', reducer);
  var hasInitial = arguments.length > 1;
  var acc = initialValue;
  var o = helperOptions(options);
  var self = this;
  return consume(this, function (v) {
    if (!hasInitial) {
      hasInitial = true;
      acc = v;
      return;
    }
    return Promise.resolve(reducer(acc, v, o)).then(function (x) { acc = x; });
  }).then(function () {
    if (!hasInitial) {
      throw codeError(TypeError, 'ERR_MISSING_ARGS', 'Reduce of an empty stream requires an initial value');
    }
    return acc;
  }, function (err) {
    destroyer(self, err);
    throw err;
  });
};

// ---- Writable ----

var kOnFinished = Symbol('kOnFinished');

function WritableState(options, stream, isDuplex) {
  if (typeof isDuplex !== 'boolean') isDuplex = stream instanceof Duplex;
  // As ReadableState: defaults live on the prototype (below).
  var objectMode = !!(options && options.objectMode);
  if (isDuplex) objectMode = objectMode || !!(options && options.writableObjectMode);
  if (objectMode) this.objectMode = true;
  var hwm = getHighWaterMark(options, 'writableHighWaterMark', isDuplex, objectMode);
  if (hwm !== protoHWM) this.highWaterMark = hwm;
  if (options) {
    if (options.decodeStrings === false) this.decodeStrings = false;
    if (options.defaultEncoding) this.defaultEncoding = options.defaultEncoding;
    if (options.emitClose === false) this.emitClose = false;
    if (options.autoDestroy === false) this.autoDestroy = false;
  }
  // onwrite (the callback every _write gets) is made on the first
  // _write, by writeCallback: in goja a closure costs ~0.6 us and a bind
  // ~0.9 us, and a net.Socket's writes mostly bypass _write. The
  // kOnFinished list of end() callbacks is made on the first end(cb):
  // a symbol-keyed own property costs goja a second map per object.
  // buffered starts as the shared, frozen noChunks, and bufferedIndex,
  // allBuffers and allNoop from the prototype.
}
Object.assign(WritableState.prototype, {
  objectMode: false,
  finalCalled: false,
  needDrain: false,
  ending: false,
  ended: false,
  finished: false,
  destroyed: false,
  decodeStrings: true,
  defaultEncoding: 'utf8',
  length: 0,
  writing: false,
  corked: 0,
  sync: true,
  bufferProcessing: false,
  writecb: null,
  writelen: 0,
  afterWriteTickInfo: null,
  pendingcb: 0,
  constructed: true,
  prefinished: false,
  errorEmitted: false,
  emitClose: true,
  autoDestroy: true,
  errored: null,
  closed: false,
  closeEmitted: false,
  afterWritePending: false, // an afterWrite tick is scheduled (not a node field)
  highWaterMark: protoHWM,
  onwrite: null,
  buffered: noChunks,
  bufferedIndex: 0,
  allBuffers: true,
  allNoop: true
});
WritableState.prototype[kOnFinished] = null;
function writeCallback(stream, state) {
  var f = state.onwrite;
  if (f === null) f = state.onwrite = function (er) { onwrite(stream, er); };
  return f;
}
// takeOnFinished returns the end() callbacks waiting, and empties the list.
function takeOnFinished(state) {
  var list = state[kOnFinished];
  if (list === null || list.length === 0) return noChunks;
  state[kOnFinished] = null;
  return list;
}
function resetBuffer(state) {
  state.buffered = noChunks;
  if (state.bufferedIndex !== 0) state.bufferedIndex = 0;
  if (!state.allBuffers) state.allBuffers = true;
  if (!state.allNoop) state.allNoop = true;
}
WritableState.prototype.getBuffer = function () {
  return this.buffered.slice(this.bufferedIndex);
};
Object.defineProperty(WritableState.prototype, 'bufferedRequestCount', {
  get: function () { return this.buffered.length - this.bufferedIndex; }
});

function Writable(options) {
  var isDuplex = this instanceof Duplex;
  if (!isDuplex && !(this instanceof Writable)) return new Writable(options);
  this._writableState = new WritableState(options, this, isDuplex);
  if (options) {
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal) addAbortSignal(options.signal, this);
  }
  initEmitter(this, options);
  if (typeof this._construct !== 'function') return; // no closure per stream
  var self = this;
  construct(this, function () {
    var state = self._writableState;
    if (!state.writing) clearBuffer(self, state);
    finishMaybe(self, state);
  });
}
Object.setPrototypeOf(Writable.prototype, Stream.prototype);
Object.setPrototypeOf(Writable, Stream);
Writable.WritableState = WritableState;

// A Duplex is not a Writable by prototype, but `duplex instanceof Writable`
// holds in node.
Object.defineProperty(Writable, Symbol.hasInstance, {
  value: function (object) {
    if (Function.prototype[Symbol.hasInstance].call(this, object)) return true;
    if (this !== Writable) return false;
    return !!(object && object._writableState instanceof WritableState);
  }
});

Writable.prototype.pipe = function () {
  errorOrDestroy(this, codeError(Error, 'ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable'));
};

function writeImpl(stream, chunk, encoding, cb) {
  var state = stream._writableState;
  // Object mode ignores defaultEncoding: _write sees what was passed
  // (null when the callback took the encoding's place), as in node.
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = state.objectMode ? null : state.defaultEncoding;
  } else {
    if (!encoding) {
      if (!state.objectMode) encoding = state.defaultEncoding;
    } else if (encoding !== 'buffer' && !Buffer.isEncoding(encoding)) throw internal.unknownEncoding(encoding);
    if (typeof cb !== 'function') cb = nop;
  }
  if (chunk === null) {
    throw errNullValues();
  } else if (!state.objectMode) {
    if (typeof chunk === 'string') {
      if (state.decodeStrings !== false) {
        chunk = Buffer.from(chunk, encoding);
        encoding = 'buffer';
      }
    } else if (chunk instanceof Buffer) {
      encoding = 'buffer';
    } else if (chunk instanceof Uint8Array) {
      chunk = toBuffer(chunk);
      encoding = 'buffer';
    } else {
      throw errInvalidChunk(chunk);
    }
  }
  var err;
  if (state.ending) err = errWriteAfterEnd();
  else if (state.destroyed) err = errDestroyed('write');
  if (err) {
    nextTick(cb, err);
    errorOrDestroy(stream, err, true);
    return err;
  }
  state.pendingcb++;
  return writeOrBuffer(stream, state, chunk, encoding, cb);
}

Writable.prototype.write = function (chunk, encoding, cb) {
  return writeImpl(this, chunk, encoding, cb) === true;
};

Writable.prototype.cork = function () {
  this._writableState.corked++;
};
Writable.prototype.uncork = function () {
  var state = this._writableState;
  if (state.corked) {
    state.corked--;
    if (!state.writing) clearBuffer(this, state);
  }
};
Writable.prototype.setDefaultEncoding = function (encoding) {
  if (typeof encoding === 'string') encoding = encoding.toLowerCase();
  if (!Buffer.isEncoding(encoding)) throw internal.unknownEncoding(encoding);
  this._writableState.defaultEncoding = encoding;
  return this;
};

function writeOrBuffer(stream, state, chunk, encoding, callback) {
  var len = state.objectMode ? 1 : chunk.length;
  state.length += len;
  if (state.writing || state.corked || state.errored || !state.constructed) {
    var entry = { chunk: chunk, encoding: encoding, callback: callback };
    if (state.buffered === noChunks) state.buffered = [entry];
    else state.buffered.push(entry);
    if (state.allBuffers && encoding !== 'buffer') state.allBuffers = false;
    if (state.allNoop && callback !== nop) state.allNoop = false;
  } else {
    state.writelen = len;
    state.writecb = callback;
    state.writing = true;
    state.sync = true;
    stream._write(chunk, encoding, writeCallback(stream, state));
    state.sync = false;
  }
  // As node v20.20: the result is decided after _write ran, so a chunk
  // written synchronously (length back to 0) answers true, whatever its
  // size, and no 'drain' is due.
  var length = state.length;
  var ret = length < state.highWaterMark || length === 0;
  if (!ret) state.needDrain = true;
  return ret && !state.errored && !state.destroyed;
}

function doWrite(stream, state, writev, len, chunk, encoding, cb) {
  state.writelen = len;
  state.writecb = cb;
  state.writing = true;
  state.sync = true;
  var cb = writeCallback(stream, state);
  if (state.destroyed) cb(errDestroyed('write'));
  else if (writev) stream._writev(chunk, cb);
  else stream._write(chunk, encoding, cb);
  state.sync = false;
}

function onwriteError(stream, state, er, cb) {
  --state.pendingcb;
  cb(er);
  errorBuffer(state);
  errorOrDestroy(stream, er);
}

function onwrite(stream, er) {
  var state = stream._writableState;
  var sync = state.sync;
  var cb = state.writecb;
  if (typeof cb !== 'function') {
    errorOrDestroy(stream, errMultipleCallback());
    return;
  }
  state.writing = false;
  state.writecb = null;
  state.length -= state.writelen;
  state.writelen = 0;
  if (er) {
    if (!state.errored) state.errored = er;
    if (stream._readableState && !stream._readableState.errored) stream._readableState.errored = er;
    if (sync) nextTick(onwriteError, stream, state, er, cb);
    else onwriteError(stream, state, er, cb);
  } else {
    if (state.buffered.length > state.bufferedIndex) clearBuffer(stream, state);
    if (sync) {
      // As node v20.20: a synchronous write with no callback completes
      // at once (no tick, pendingcb down now) unless a 'drain' is due or
      // the stream is in object mode (node's test meant for destroyed
      // reads the object-mode bit); one tick then serves all such writes
      // until it runs. A callback still runs on a tick, counted when the
      // same function comes again.
      if (cb === nop) {
        if (!state.afterWritePending && (state.objectMode || (state.needDrain && state.length === 0))) {
          state.afterWritePending = true;
          nextTick(afterWriteNT, stream);
        } else {
          state.pendingcb--;
          if (state.ending) finishMaybe(stream, state, true);
        }
      } else if (state.afterWriteTickInfo !== null && state.afterWriteTickInfo.cb === cb) {
        state.afterWriteTickInfo.count++;
      } else {
        state.afterWriteTickInfo = { count: 1, cb: cb, stream: stream, state: state };
        state.afterWritePending = true;
        nextTick(afterWriteTick, state.afterWriteTickInfo);
      }
    } else {
      afterWrite(stream, state, 1, cb);
    }
  }
}

function afterWriteTick(info) {
  info.state.afterWriteTickInfo = null;
  afterWrite(info.stream, info.state, info.count, info.cb);
}
function afterWriteNT(stream) {
  afterWrite(stream, stream._writableState, 1, nop);
}

function afterWrite(stream, state, count, cb) {
  if (state.afterWritePending) state.afterWritePending = false;
  // The writable side's own destroyed flag, as node v20.20 (not the
  // stream's getter, a call in goja).
  var needDrain = state.needDrain && state.length === 0 && !state.ending && !state.destroyed;
  if (needDrain) {
    state.needDrain = false;
    emit0(stream, 'drain');
  }
  while (count-- > 0) {
    state.pendingcb--;
    cb(null);
  }
  if (state.destroyed) errorBuffer(state);
  // As node v20.20: 'finish' a tick later (a tick the write callback
  // scheduled runs first).
  if (state.ending) finishMaybe(stream, state, true);
}

function errorBuffer(state) {
  if (state.writing) return;
  for (var n = state.bufferedIndex; n < state.buffered.length; ++n) {
    var b = state.buffered[n];
    var len = state.objectMode ? 1 : b.chunk.length;
    state.length -= len;
    b.callback(state.errored || errDestroyed('write'));
  }
  var onfinishCallbacks = takeOnFinished(state);
  for (var i = 0; i < onfinishCallbacks.length; i++) onfinishCallbacks[i](state.errored || errDestroyed('end'));
  resetBuffer(state);
}

function clearBuffer(stream, state) {
  if (state.corked || state.bufferProcessing || state.destroyed || !state.constructed) return;
  var buffered = state.buffered, bufferedIndex = state.bufferedIndex, objectMode = state.objectMode;
  var bufferedLength = buffered.length - bufferedIndex;
  if (!bufferedLength) return;
  var i = bufferedIndex;
  state.bufferProcessing = true;
  if (bufferedLength > 1 && stream._writev) {
    state.pendingcb -= bufferedLength - 1;
    var callback = state.allNoop ? nop : function (err) {
      for (var n = i; n < buffered.length; ++n) buffered[n].callback(err);
    };
    var chunks = state.allNoop && i === 0 ? buffered : buffered.slice(i);
    chunks.allBuffers = state.allBuffers;
    doWrite(stream, state, true, state.length, chunks, '', callback);
    resetBuffer(state);
  } else {
    do {
      var b = buffered[i];
      buffered[i++] = null;
      var len = objectMode ? 1 : b.chunk.length;
      doWrite(stream, state, false, len, b.chunk, b.encoding, b.callback);
    } while (i < buffered.length && !state.writing);
    if (i === buffered.length) {
      resetBuffer(state);
    } else if (i > 256) {
      buffered.splice(0, i);
      state.bufferedIndex = 0;
    } else {
      state.bufferedIndex = i;
    }
  }
  state.bufferProcessing = false;
}

Writable.prototype._write = function (chunk, encoding, cb) {
  if (this._writev) this._writev([{ chunk: chunk, encoding: encoding }], cb);
  else throw errNotImplemented('_write()');
};
Writable.prototype._writev = null;

Writable.prototype.end = function (chunk, encoding, cb) {
  var state = this._writableState;
  if (typeof chunk === 'function') {
    cb = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  var err;
  var erroredBefore = state.errored;
  if (chunk !== null && chunk !== undefined) {
    var ret = writeImpl(this, chunk, encoding);
    if (ret instanceof Error) err = ret;
  }
  if (state.corked) {
    state.corked = 1;
    this.uncork();
  }
  if (err) {
    // already reported by write
  } else if (!state.errored && !state.ending) {
    state.ending = true;
    finishMaybe(this, state, true);
    state.ended = true;
  } else if (state.finished) {
    err = errAlreadyFinished('end');
  } else if (state.destroyed) {
    err = errDestroyed('end');
  }
  if (typeof cb === 'function') {
    if (err) nextTick(cb, err);
    else if (state.finished) nextTick(cb, null);
    else if (state.errored && !erroredBefore) nextTick(cb, state.errored); // _final failed synchronously
    else if (state[kOnFinished] === null) state[kOnFinished] = [cb];
    else state[kOnFinished].push(cb);
  }
  return this;
};

function needFinish(state) {
  return state.ending && !state.destroyed && state.constructed && state.length === 0 &&
    !state.errored && state.buffered.length === 0 && !state.finished && !state.writing &&
    !state.errorEmitted && !state.closeEmitted;
}

// finalCallback makes the callback _final gets: it finishes the stream
// (prefinish now, finish in a tick) or, on an error, destroys it.
function finalCallback(stream, state) {
  var called = false;
  return function onFinish(err) {
    if (called) {
      errorOrDestroy(stream, err != null ? err : errMultipleCallback());
      return;
    }
    called = true;
    state.pendingcb--;
    if (err) {
      var callbacks = takeOnFinished(state);
      for (var i = 0; i < callbacks.length; i++) callbacks[i](err);
      errorOrDestroy(stream, err, state.sync);
    } else if (needFinish(state)) {
      state.prefinished = true;
      emit0(stream, 'prefinish');
      state.pendingcb++;
      nextTick(finishNT, stream);
    }
  };
}

function callFinal(stream, state) {
  var onFinish = finalCallback(stream, state);
  state.sync = true;
  state.pendingcb++;
  try {
    stream._final(onFinish);
  } catch (err) {
    onFinish(err);
  }
  state.sync = false;
}

function prefinish(stream, state) {
  if (!state.prefinished && !state.finalCalled) {
    if (typeof stream._final === 'function' && !state.destroyed) {
      state.finalCalled = true;
      callFinal(stream, state);
    } else {
      state.prefinished = true;
      emit0(stream, 'prefinish');
    }
  }
}

function finishMaybe(stream, state, sync) {
  if (needFinish(state)) {
    prefinish(stream, state);
    if (state.pendingcb === 0) {
      if (sync) {
        state.pendingcb++;
        nextTick(finishMaybeNT, stream);
      } else if (needFinish(state)) {
        state.pendingcb++;
        finish(stream, state);
      }
    }
  }
}

function finishMaybeNT(stream) {
  var state = stream._writableState;
  if (needFinish(state)) finish(stream, state);
  else state.pendingcb--;
}
function finishNT(stream) {
  finish(stream, stream._writableState);
}
function finish(stream, state) {
  state.pendingcb--;
  state.finished = true;
  var callbacks = takeOnFinished(state);
  for (var i = 0; i < callbacks.length; i++) callbacks[i](null);
  emit0(stream, 'finish');
  if (state.autoDestroy) {
    var rState = stream._readableState;
    var auto = !rState || (rState.autoDestroy && (rState.endEmitted || rState.readable === false));
    if (auto) stream.destroy();
  }
}

defineGetters(Writable.prototype, {
  closed: function () { return this._writableState ? this._writableState.closed : false; },
  destroyed: {
    get: function () { return this._writableState ? this._writableState.destroyed : false; },
    set: function (v) { if (this._writableState) this._writableState.destroyed = v; }
  },
  writable: {
    get: function () {
      var w = this._writableState;
      return !!w && w.writable !== false && !w.destroyed && !w.errored && !w.ending && !w.ended;
    },
    set: function (val) { if (this._writableState) this._writableState.writable = !!val; }
  },
  writableFinished: function () { return this._writableState ? this._writableState.finished : false; },
  writableObjectMode: function () { return this._writableState ? this._writableState.objectMode : false; },
  writableBuffer: function () { return this._writableState && this._writableState.getBuffer(); },
  writableEnded: function () { return this._writableState ? this._writableState.ending : false; },
  writableNeedDrain: function () {
    var w = this._writableState;
    if (!w) return false;
    return !w.destroyed && !w.ending && w.needDrain;
  },
  writableHighWaterMark: function () { return this._writableState && this._writableState.highWaterMark; },
  writableCorked: function () { return this._writableState ? this._writableState.corked : 0; },
  writableLength: function () { return this._writableState && this._writableState.length; },
  errored: function () { return this._writableState ? this._writableState.errored : null; },
  writableAborted: function () {
    var w = this._writableState;
    return !!(w.writable !== false && (w.destroyed || w.errored) && !w.finished);
  }
});

Writable.prototype.destroy = function (err, cb) {
  var state = this._writableState;
  if (!state.destroyed && (state.bufferedIndex < state.buffered.length || (state[kOnFinished] !== null && state[kOnFinished].length))) {
    nextTick(errorBuffer, state);
  }
  destroyImpl(this, err, cb);
  return this;
};
Writable.prototype._undestroy = undestroy;
var writableDestroy = Writable.prototype._destroy = function (err, cb) { cb(err); };
Writable.prototype[EE.captureRejectionSymbol || Symbol('captureRejection')] = function (err) { this.destroy(err); };

// ---- Duplex ----

function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);
  this._readableState = new ReadableState(options, this, true);
  this._writableState = new WritableState(options, this, true);
  if (options) {
    this.allowHalfOpen = options.allowHalfOpen !== false;
    if (options.readable === false) {
      this._readableState.readable = false;
      this._readableState.ended = true;
      this._readableState.endEmitted = true;
    }
    if (options.writable === false) {
      this._writableState.writable = false;
      this._writableState.ending = true;
      this._writableState.ended = true;
      this._writableState.finished = true;
    }
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal) addAbortSignal(options.signal, this);
  } else {
    this.allowHalfOpen = true;
  }
  initEmitter(this, options);
  if (typeof this._construct !== 'function') return; // no closure per stream
  var self = this;
  construct(this, function () {
    var r = self._readableState;
    if (r.needReadable) maybeReadMore(self, r);
    var w = self._writableState;
    if (!w.writing) clearBuffer(self, w);
    finishMaybe(self, w);
  });
}
Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
Object.setPrototypeOf(Duplex, Readable);
['write', 'cork', 'uncork', 'setDefaultEncoding', 'end', '_write', '_writev'].forEach(function (m) {
  if (!Duplex.prototype[m]) Duplex.prototype[m] = Writable.prototype[m];
});
Duplex.prototype._writev = null;
Duplex.prototype.destroy = Writable.prototype.destroy;
['writable', 'writableHighWaterMark', 'writableObjectMode', 'writableBuffer', 'writableLength',
  'writableFinished', 'writableCorked', 'writableEnded', 'writableNeedDrain', 'writableAborted'].forEach(function (k) {
  Object.defineProperty(Duplex.prototype, k, Object.getOwnPropertyDescriptor(Writable.prototype, k));
});
defineGetters(Duplex.prototype, {
  destroyed: {
    get: function () {
      if (this._readableState === undefined || this._writableState === undefined) return false;
      return this._readableState.destroyed && this._writableState.destroyed;
    },
    set: function (v) {
      if (this._readableState && this._writableState) {
        this._readableState.destroyed = v;
        this._writableState.destroyed = v;
      }
    }
  }
});
Duplex.from = function (body) {
  if (body instanceof Duplex) return body;
  if (isReadableNodeStream(body)) {
    var d = new Duplex({ objectMode: true, writable: false, read: function () { body.resume(); } });
    body.on('data', function (c) { if (!d.push(c)) body.pause(); });
    body.on('end', function () { d.push(null); });
    body.on('error', function (e) { d.destroy(e); });
    return d;
  }
  if (body && (typeof body[Symbol.asyncIterator] === 'function' || typeof body[Symbol.iterator] === 'function')) {
    return from(Duplex, body, { objectMode: true, writable: false });
  }
  if (body && typeof body === 'object' && (body.readable || body.writable)) {
    var r = body.readable, w = body.writable;
    var dd = new Duplex({
      objectMode: true,
      readable: !!r,
      writable: !!w,
      read: function () { if (r) r.resume(); },
      write: function (chunk, enc, cb) { if (w.write(chunk, enc)) cb(); else w.once('drain', cb); },
      final: function (cb) { w.end(); eos(w, { readable: false }, cb); }
    });
    if (r) {
      r.on('data', function (c) { if (!dd.push(c)) r.pause(); });
      r.on('end', function () { dd.push(null); });
    }
    return dd;
  }
  throw argType('body', 'a stream, iterable or {readable, writable} pair', body);
};

// ---- Transform / PassThrough ----

var kCallback = Symbol('kCallback');

function Transform(options) {
  if (!(this instanceof Transform)) return new Transform(options);
  var rhwm = options ? (options.highWaterMark != null ? options.highWaterMark : options.readableHighWaterMark) : null;
  if (rhwm === 0) {
    options = Object.assign({}, options, { highWaterMark: null, readableHighWaterMark: rhwm, writableHighWaterMark: options.writableHighWaterMark || 0 });
  }
  Duplex.call(this, options);
  this._readableState.sync = false;
  // this[kCallback] starts as the prototype's null: a symbol-keyed own
  // property costs goja a second property map per Transform.
  if (options) {
    if (typeof options.transform === 'function') this._transform = options.transform;
    if (typeof options.flush === 'function') this._flush = options.flush;
  }
  this.on('prefinish', transformPrefinish);
}
Object.setPrototypeOf(Transform.prototype, Duplex.prototype);
Object.setPrototypeOf(Transform, Duplex);
Transform.prototype[kCallback] = null;

function transformFinal(cb) {
  var self = this;
  if (typeof this._flush === 'function' && !this.destroyed) {
    this._flush(function (er, data) {
      if (er) {
        if (cb) cb(er);
        else self.destroy(er);
        return;
      }
      if (data != null) self.push(data);
      self.push(null);
      if (cb) cb();
    });
  } else {
    this.push(null);
    if (cb) cb();
  }
}
function transformPrefinish() {
  if (this._final !== transformFinal) transformFinal.call(this);
}
Transform.prototype._final = transformFinal;

Transform.prototype._transform = function () {
  throw errNotImplemented('_transform()');
};

Transform.prototype._write = function (chunk, encoding, callback) {
  var rState = this._readableState;
  var wState = this._writableState;
  var length = rState.length;
  var self = this;
  this._transform(chunk, encoding, function (err, val) {
    if (err) {
      callback(err);
      return;
    }
    if (val != null) self.push(val);
    if (wState.ended || length === rState.length || rState.length < rState.highWaterMark) callback();
    else self[kCallback] = callback;
  });
};

Transform.prototype._read = function () {
  if (this[kCallback]) {
    var callback = this[kCallback];
    this[kCallback] = null;
    callback();
  }
};

function PassThrough(options) {
  if (!(this instanceof PassThrough)) return new PassThrough(options);
  Transform.call(this, options);
}
Object.setPrototypeOf(PassThrough.prototype, Transform.prototype);
Object.setPrototypeOf(PassThrough, Transform);
PassThrough.prototype._transform = function (chunk, encoding, cb) {
  cb(null, chunk);
};

// ---- stream predicates ----

function isReadableNodeStream(obj, strict) {
  return !!(obj && typeof obj.pipe === 'function' && typeof obj.on === 'function' &&
    (!strict || (typeof obj.pause === 'function' && typeof obj.resume === 'function')) &&
    (!obj._writableState || (obj._readableState && obj._readableState.readable !== false)) &&
    (!obj._writableState || obj._readableState));
}
function isWritableNodeStream(obj) {
  return !!(obj && typeof obj.write === 'function' && typeof obj.on === 'function' &&
    (!obj._readableState || (obj._writableState && obj._writableState.writable !== false)));
}
function isNodeStream(obj) {
  return !!(obj && (obj._readableState || obj._writableState ||
    (typeof obj.write === 'function' && typeof obj.on === 'function') ||
    (typeof obj.pipe === 'function' && typeof obj.on === 'function')));
}
function isIterable(obj, isAsync) {
  if (obj == null) return false;
  if (isAsync === true) return typeof obj[Symbol.asyncIterator] === 'function';
  if (isAsync === false) return typeof obj[Symbol.iterator] === 'function';
  return typeof obj[Symbol.asyncIterator] === 'function' || typeof obj[Symbol.iterator] === 'function';
}
function isDestroyed(stream) {
  if (!isNodeStream(stream)) return null;
  var state = stream._writableState || stream._readableState;
  return !!(stream.destroyed || (state && state.destroyed));
}
function isWritableEnded(stream) {
  if (!isWritableNodeStream(stream)) return null;
  if (stream.writableEnded === true) return true;
  var w = stream._writableState;
  if (w && w.errored) return false;
  if (!w || typeof w.ended !== 'boolean') return null;
  return w.ended;
}
function isWritableFinished(stream, strict) {
  if (!isWritableNodeStream(stream)) return null;
  if (stream.writableFinished === true) return true;
  var w = stream._writableState;
  if (w && w.errored) return false;
  if (!w || typeof w.finished !== 'boolean') return null;
  return !!(w.finished || (strict === false && w.ended === true && w.length === 0));
}
function isReadableFinished(stream, strict) {
  if (!isReadableNodeStream(stream)) return null;
  var r = stream._readableState;
  if (r && r.errored) return false;
  if (!r || typeof r.endEmitted !== 'boolean') return null;
  return !!(r.endEmitted || (strict === false && r.ended === true && r.length === 0));
}
function isReadable(stream) {
  if (!stream || typeof stream.readable !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  return isReadableNodeStream(stream) && stream.readable && !isReadableFinished(stream);
}
function isWritable(stream) {
  if (!stream || typeof stream.writable !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  return isWritableNodeStream(stream) && stream.writable && !isWritableEnded(stream);
}
function isFinished(stream, opts) {
  if (!isNodeStream(stream)) return null;
  if (isDestroyed(stream)) return true;
  if ((!opts || opts.readable !== false) && isReadable(stream)) return false;
  if ((!opts || opts.writable !== false) && isWritable(stream)) return false;
  return true;
}
function isClosed(stream) {
  if (!isNodeStream(stream)) return null;
  var w = stream._writableState, r = stream._readableState;
  if ((w && typeof w.closed === 'boolean') || (r && typeof r.closed === 'boolean')) return !!((w && w.closed) || (r && r.closed));
  return null;
}
function willEmitClose(stream) {
  if (!isNodeStream(stream)) return null;
  var state = stream._writableState || stream._readableState;
  return !!(state && state.autoDestroy && state.emitClose && state.closed === false);
}
function isErrored(stream) {
  return !!(stream && (stream.readableErrored || stream.writableErrored ||
    (stream._readableState && stream._readableState.errored) || (stream._writableState && stream._writableState.errored)));
}
function isDisturbed(stream) {
  return !!(stream && (stream.readableDidRead || stream.readableAborted));
}
function readableErrored(stream) {
  if (!isNodeStream(stream)) return null;
  if (stream.readableErrored) return stream.readableErrored;
  return (stream._readableState && stream._readableState.errored) || null;
}
function writableErrored(stream) {
  if (!isNodeStream(stream)) return null;
  if (stream.writableErrored) return stream.writableErrored;
  return (stream._writableState && stream._writableState.errored) || null;
}
function isRequest(stream) {
  return stream && stream.setHeader && typeof stream.abort === 'function';
}

// ---- finished (end-of-stream) ----

function once(fn) {
  var called = false;
  return function () {
    if (called) return;
    called = true;
    return fn.apply(this, arguments);
  };
}

function eos(stream, options, callback) {
  if (arguments.length === 2) {
    callback = options;
    options = {};
  } else if (options == null) {
    options = {};
  } else if (typeof options !== 'object') {
    throw argType('options', 'of type object', options);
  }
  if (typeof callback !== 'function') throw argType('callback', 'of type function', callback);
  callback = once(callback);
  if (!isNodeStream(stream)) {
    throw argType('stream', 'an instance of ReadableStream, WritableStream, or Stream', stream);
  }
  var readable = options.readable != null ? options.readable : isReadableNodeStream(stream);
  var writable = options.writable != null ? options.writable : isWritableNodeStream(stream);
  var wState = stream._writableState;
  var rState = stream._readableState;
  function onlegacyfinish() {
    if (!stream.writable) onfinish();
  }
  var emitsClose = willEmitClose(stream) && isReadableNodeStream(stream) === readable && isWritableNodeStream(stream) === writable;
  var writableFinished = isWritableFinished(stream, false);
  function onfinish() {
    writableFinished = true;
    if (stream.destroyed) emitsClose = false;
    if (emitsClose && (!stream.readable || readable)) return;
    if (!readable || readableFinished) callback.call(stream);
  }
  var readableFinished = isReadableFinished(stream, false);
  function onend() {
    readableFinished = true;
    if (stream.destroyed) emitsClose = false;
    if (emitsClose && (!stream.writable || writable)) return;
    if (!writable || writableFinished) callback.call(stream);
  }
  function onerror(err) {
    callback.call(stream, err);
  }
  var closed = isClosed(stream);
  function onclose() {
    closed = true;
    var errored = writableErrored(stream) || readableErrored(stream);
    if (errored && typeof errored !== 'boolean') return callback.call(stream, errored);
    if (readable && !readableFinished && isReadableNodeStream(stream, true)) {
      if (!isReadableFinished(stream, false)) return callback.call(stream, errPrematureClose());
    }
    if (writable && !writableFinished) {
      if (!isWritableFinished(stream, false)) return callback.call(stream, errPrematureClose());
    }
    callback.call(stream);
  }
  function onclosed() {
    closed = true;
    var errored = writableErrored(stream) || readableErrored(stream);
    if (errored && typeof errored !== 'boolean') return callback.call(stream, errored);
    callback.call(stream);
  }
  function onrequest() {
    stream.req.on('finish', onfinish);
  }
  if (isRequest(stream)) {
    stream.on('complete', onfinish);
    if (!emitsClose) stream.on('abort', onclose);
    if (stream.req) onrequest();
    else stream.on('request', onrequest);
  } else if (writable && !wState) {
    stream.on('end', onlegacyfinish);
    stream.on('close', onlegacyfinish);
  }
  if (!emitsClose && typeof stream.aborted === 'boolean') stream.on('aborted', onclose);
  stream.on('end', onend);
  stream.on('finish', onfinish);
  if (options.error !== false) stream.on('error', onerror);
  stream.on('close', onclose);
  if (closed) {
    nextTick(onclose);
  } else if ((wState && wState.errorEmitted) || (rState && rState.errorEmitted)) {
    if (!emitsClose) nextTick(onclosed);
  } else if (!readable && (!emitsClose || isReadable(stream)) && (writableFinished || isWritable(stream) === false)) {
    nextTick(onclosed);
  } else if (!writable && (!emitsClose || isWritable(stream)) && (readableFinished || isReadable(stream) === false)) {
    nextTick(onclosed);
  } else if (rState && stream.req && stream.aborted) {
    nextTick(onclosed);
  }
  function cleanup() {
    callback = nop;
    stream.removeListener('aborted', onclose);
    stream.removeListener('complete', onfinish);
    stream.removeListener('abort', onclose);
    stream.removeListener('request', onrequest);
    if (stream.req) stream.req.removeListener('finish', onfinish);
    stream.removeListener('end', onlegacyfinish);
    stream.removeListener('close', onlegacyfinish);
    stream.removeListener('finish', onfinish);
    stream.removeListener('end', onend);
    stream.removeListener('error', onerror);
    stream.removeListener('close', onclose);
  }
  if (options.signal && !closed) {
    var signal = options.signal;
    var abort = function () {
      var endCallback = callback;
      cleanup();
      endCallback.call(stream, abortError(signal.reason));
    };
    if (signal.aborted) {
      nextTick(abort);
    } else {
      signal.addEventListener('abort', abort);
      var originalCallback = callback;
      callback = once(function () {
        signal.removeEventListener('abort', abort);
        originalCallback.apply(stream, arguments);
      });
    }
  }
  return cleanup;
}

function finishedPromise(stream, opts) {
  var autoCleanup = false;
  if (opts && opts.cleanup) autoCleanup = true;
  return new Promise(function (resolve, reject) {
    var cleanup = eos(stream, opts || {}, function (err) {
      if (autoCleanup) cleanup();
      if (err) reject(err);
      else resolve();
    });
  });
}
eos.finished = eos;

// ---- addAbortSignal ----

function addAbortSignal(signal, stream) {
  if (!signal || typeof signal.aborted !== 'boolean' || typeof signal.addEventListener !== 'function') {
    throw argType('signal', 'an instance of AbortSignal', signal);
  }
  if (!isNodeStream(stream)) throw argType('stream', 'an instance of ReadableStream, WritableStream, or Stream', stream);
  function onAbort() {
    stream.destroy(abortError(signal.reason));
  }
  if (signal.aborted) {
    onAbort();
  } else {
    signal.addEventListener('abort', onAbort);
    eos(stream, function () { signal.removeEventListener('abort', onAbort); });
  }
  return stream;
}

// ---- pipeline ----

function popCallback(streams) {
  var cb = streams[streams.length - 1];
  if (typeof cb !== 'function') throw argType('streams[stream.length - 1]', 'of type function', cb);
  return streams.pop();
}

function pipeline() {
  var streams = Array.prototype.slice.call(arguments);
  var callback = once(popCallback(streams));
  if (Array.isArray(streams[0]) && streams.length === 1) streams = streams[0];
  return pipelineImpl(streams, callback);
}

// makeAsyncIterable turns a stream or iterable into an async iterator.
function makeAsyncIterable(val) {
  if (isIterable(val, true)) return val;
  if (isReadableNodeStream(val)) return { [Symbol.asyncIterator]: function () { return createAsyncIterator(val, undefined); } };
  if (isIterable(val, false)) {
    return {
      [Symbol.asyncIterator]: function () {
        var it = val[Symbol.iterator]();
        return {
          next: function () {
            try {
              var r = it.next();
              return Promise.resolve(r.value).then(function (v) { return { value: v, done: r.done }; });
            } catch (e) {
              return Promise.reject(e);
            }
          },
          return: function () {
            if (typeof it.return === 'function') it.return();
            return Promise.resolve({ done: true });
          }
        };
      }
    };
  }
  throw codeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "val" argument must be an instance of Readable, Iterable, or AsyncIterable.' + ' Received ' + describeType(val));
}

// pumpToNode writes an async iterable into a writable with back-pressure.
function pumpToNode(iterable, writable, finish, end) {
  var error;
  var onresolve = null;
  function resume(err) {
    if (err) error = err;
    if (onresolve) {
      var cb = onresolve;
      onresolve = null;
      cb();
    }
  }
  function wait(cb) {
    if (error) return cb(error);
    onresolve = function () { cb(error); };
  }
  writable.on('drain', resume);
  var cleanup = eos(writable, { readable: false }, resume);
  var it = (iterable[Symbol.asyncIterator] ? iterable[Symbol.asyncIterator]() : iterable);
  function done(err) {
    cleanup();
    writable.removeListener('drain', resume);
    if (err) {
      finish(error !== err ? aggregate(err, error) : err);
    } else {
      finish();
    }
  }
  function step() {
    Promise.resolve().then(function () { return it.next(); }).then(function (r) {
      if (r.done) {
        if (end) {
          writable.end();
          wait(function (err) {
            if (err) done(err);
            else done();
          });
          // If the writable already finished, eos will call resume.
        } else {
          done();
        }
        return;
      }
      if (!writable.write(r.value)) {
        wait(function (err) {
          if (err) {
            if (typeof it.return === 'function') it.return();
            done(err);
          } else {
            step();
          }
        });
      } else {
        step();
      }
    }, function (err) {
      destroyer(writable, err);
      done(err);
    });
  }
  step();
}

function pipelineImpl(streams, callback, opts) {
  if (streams.length < 2) throw errMissingArgs('streams');
  var ac = null;
  var outerSignal = opts && opts.signal;
  var lastStreamCleanup = [];
  function abort() {
    finishImpl(abortError(outerSignal && outerSignal.reason));
  }
  if (outerSignal) {
    if (outerSignal.aborted) nextTick(abort);
    else outerSignal.addEventListener('abort', abort);
  }
  var error;
  var value;
  var destroys = [];
  var finishCount = 0;
  function finish(err) {
    finishImpl(err, --finishCount === 0);
  }
  function finishImpl(err, final) {
    if (err && (!error || error.code === 'ERR_STREAM_PREMATURE_CLOSE')) error = err;
    if (!error && !final) return;
    while (destroys.length) destroys.shift()(error);
    if (outerSignal) outerSignal.removeEventListener('abort', abort);
    if (final) {
      if (!error) lastStreamCleanup.forEach(function (fn) { fn(); });
      nextTick(callback, error, value);
    }
  }
  var ret;
  for (var i = 0; i < streams.length; i++) {
    var stream = streams[i];
    var reading = i < streams.length - 1;
    var writing = i > 0;
    var end = reading || !opts || opts.end !== false;
    var isLastStream = i === streams.length - 1;
    if (isNodeStream(stream)) {
      if (end && isLastStream) lastStreamCleanup.push(eos(stream, { readable: false, writable: true }, nop));
      (function (stream) {
        stream.on('error', function onError(err) {
          if (err && err.name !== 'AbortError' && err.code !== 'ERR_STREAM_PREMATURE_CLOSE') finish(err);
        });
      })(stream);
      if (isReadable(stream) && isLastStream) {
        lastStreamCleanup.push(function () { stream.removeAllListeners('error'); });
      }
      // Registered before pipe() below so that this stream's own end is
      // noted before the pipe's listener can settle the pipeline.
      var dd = destroyerFor(stream, reading, writing);
      destroys.push(dd.destroy);
      if (isLastStream) lastStreamCleanup.push(dd.cleanup);
    }
    if (i === 0) {
      if (typeof stream === 'function') {
        ret = stream({ signal: undefined });
        if (!isIterable(ret)) throw errInvalidReturn('source', 'Iterable, AsyncIterable or Stream', ret);
      } else if (isIterable(stream) || isReadableNodeStream(stream)) {
        ret = stream;
      } else {
        ret = Duplex.from(stream);
      }
    } else if (typeof stream === 'function') {
      ret = makeAsyncIterable(ret);
      ret = stream(ret, { signal: undefined });
      if (reading) {
        if (!isIterable(ret, true)) throw errInvalidReturn('transform[' + (i - 1) + ']', 'AsyncIterable', ret);
      } else {
        // The last function's result settles the pipeline: its value is
        // passed to the callback.
        var pt = new PassThrough({ objectMode: true });
        var then = ret && ret.then;
        if (typeof then === 'function') {
          finishCount++;
          then.call(ret, function (val) {
            value = val;
            if (val != null) pt.write(val);
            if (end) pt.end();
            nextTick(finish);
          }, function (err) {
            pt.destroy(err);
            nextTick(finish, err);
          });
        } else if (isIterable(ret, true)) {
          finishCount++;
          pumpToNode(ret, pt, finish, end);
        } else {
          throw errInvalidReturn('destination', 'AsyncIterable or Promise', ret);
        }
        ret = pt;
        var d = destroyerFor(ret, false, true);
        destroys.push(d.destroy);
        if (isLastStream) lastStreamCleanup.push(d.cleanup);
      }
    } else if (isNodeStream(stream)) {
      if (isReadableNodeStream(ret)) {
        finishCount += 2;
        var cleanup = pipe(ret, stream, finish, end);
        if (isReadable(stream) && isLastStream) lastStreamCleanup.push(cleanup);
      } else if (isIterable(ret)) {
        finishCount++;
        pumpToNode(ret, stream, finish, end);
      } else {
        throw argType('val', 'an instance of Readable, Iterable, AsyncIterable, ReadableStream, or TransformStream', ret);
      }
      ret = stream;
    } else {
      ret = Duplex.from(stream);
    }
  }
  return ret;
}

function destroyerFor(stream, reading, writing) {
  var finished = false;
  stream.on('close', function () { finished = true; });
  var cleanup = eos(stream, { readable: reading, writable: writing }, function (err) {
    finished = !err;
  });
  return {
    destroy: function (err) {
      if (finished) return;
      finished = true;
      destroyer(stream, err || errDestroyed('pipe'));
    },
    cleanup: cleanup
  };
}

// pipe connects two node streams inside a pipeline; finish is called once
// for the source side and once for the destination side.
function pipe(src, dst, finish, end) {
  var ended = false;
  dst.on('close', function () {
    if (!ended) finish(errPrematureClose());
  });
  src.pipe(dst, { end: false });
  function onSrcDone(err) {
    var rState = src._readableState;
    if (err && err.code === 'ERR_STREAM_PREMATURE_CLOSE' && rState && rState.ended && !rState.errored && !rState.errorEmitted) {
      src.once('end', finish).once('error', finish);
    } else {
      finish(err);
    }
  }
  if (end) {
    var endFn = function () {
      ended = true;
      dst.end();
    };
    if (isReadableFinished(src)) nextTick(endFn);
    else src.once('end', endFn);
    eos(src, { readable: true, writable: false }, onSrcDone);
    return eos(dst, { readable: false, writable: true }, finish);
  }
  eos(src, { readable: true, writable: false }, onSrcDone);
  finish();
  return nop;
}

function pipelinePromise() {
  var streams = Array.prototype.slice.call(arguments);
  return new Promise(function (resolve, reject) {
    var signal, end;
    var lastArg = streams[streams.length - 1];
    if (lastArg && typeof lastArg === 'object' && !isNodeStream(lastArg) && !isIterable(lastArg)) {
      var options = streams.pop();
      signal = options.signal;
      end = options.end;
    }
    if (Array.isArray(streams[0]) && streams.length === 1) streams = streams[0];
    pipelineImpl(streams, function (err, value) {
      if (err) reject(err);
      else resolve(value);
    }, { signal: signal, end: end });
  });
}

// ---- compose (minimal): a Duplex over a chain of streams ----

function compose() {
  var streams = Array.prototype.slice.call(arguments);
  if (streams.length === 0) throw errMissingArgs('streams');
  if (streams.length === 1) return Duplex.from(streams[0]);
  var head = streams[0], tail = streams[streams.length - 1];
  var d = new Duplex({
    objectMode: !!(head.writableObjectMode || tail.readableObjectMode),
    write: function (chunk, enc, cb) {
      if (head.write(chunk, enc)) cb();
      else head.once('drain', cb);
    },
    final: function (cb) {
      head.end();
      eos(tail, { writable: false }, function (err) { cb(err); });
    },
    read: function () { pull(); },
    destroy: function (err, cb) {
      destroyer(head, err);
      destroyer(tail, err);
      cb(err);
    }
  });
  // The read side pulls from the tail in paused mode, so whatever the tail
  // has buffered comes out in one read, as in node.
  function pull() {
    var chunk;
    while ((chunk = tail.read()) !== null) {
      if (!d.push(chunk)) return;
    }
  }
  tail.on('readable', pull);
  tail.on('end', function () { d.push(null); });
  pipeline(streams, function (err) { if (err) d.destroy(err); });
  return d;
}

// duplexPair returns two Duplexes wired back to back: what is written to
// one is read from the other.
function duplexPair(options) {
  var a = new Duplex(options), b = new Duplex(options);
  function wire(side, other) {
    side._read = function () {};
    side._write = function (chunk, encoding, cb) {
      other.push(chunk, encoding);
      cb();
    };
    side._final = function (cb) {
      other.push(null);
      cb();
    };
  }
  wire(a, b);
  wire(b, a);
  return [a, b];
}

Readable.prototype.compose = function (stream, options) {
  return compose(this, stream);
};

// ---- exports ----

var promises = { pipeline: pipelinePromise, finished: finishedPromise };

Stream.Stream = Stream;
Stream.Readable = Readable;
Stream.Writable = Writable;
Stream.Duplex = Duplex;
Stream.Transform = Transform;
Stream.PassThrough = PassThrough;
Stream.pipeline = pipeline;
Stream.finished = eos;
Stream.addAbortSignal = addAbortSignal;
Stream.compose = compose;
Stream.destroy = destroyer;
Stream.isDisturbed = isDisturbed;
Stream.isDestroyed = isDestroyed;
Stream.duplexPair = duplexPair;
Stream.isErrored = isErrored;
Stream.isReadable = isReadable;
Stream.isWritable = isWritable;
Stream.getDefaultHighWaterMark = getDefaultHighWaterMark;
Stream.setDefaultHighWaterMark = setDefaultHighWaterMark;
Stream._isUint8Array = function (v) { return v instanceof Uint8Array; };
Stream._uint8ArrayToBuffer = toBuffer;
Object.defineProperty(Stream, 'promises', { enumerable: true, configurable: true, get: function () { return promises; } });
var customPromisify = require('util').promisify && require('util').promisify.custom;
if (customPromisify) {
  Object.defineProperty(pipeline, customPromisify, { enumerable: true, get: function () { return pipelinePromise; } });
  Object.defineProperty(eos, customPromisify, { enumerable: true, get: function () { return finishedPromise; } });
}

// net.Socket's light mode (modules/net/net.js) runs a socket's common life
// cycle without stream state; once a socket gets its state, a step it had
// scheduled continues with these. Symbol-keyed: not part of Node's API.
Object.defineProperty(Stream, Symbol.for('gonode.stream.lifecycle'), {
  value: {
    // (state, stream): the signature net.js calls; stream.js's own takes
    // the stream alone.
    endReadableNT: function (state, stream) { endReadableNT(stream); },
    finish: finish,
    emitCloseNT: emitCloseNT,
    finalCallback: finalCallback
  }
});

module.exports = Stream;
