// net: today's Node sockets over gonode's socket core (internal/netcore).
//
// net.Socket is a stream.Duplex, wired to the native handle the way Node
// wires it to libuv: _read starts the reader, push() returning false pauses
// it (real back-pressure), _write/_writev hand bytes to the core (the
// callback runs at once when the kernel took everything, else after the
// flush), _final half-closes, _destroy closes and "close" follows when the
// core reports the fd closed.
'use strict';

var EventEmitter = require('events');
var stream = require('stream');
var BufferCtor = require('buffer').Buffer;
var baseEmit = EventEmitter.prototype.emit;
// Node's net schedules with its internal nextTick, not whatever
// process.nextTick is later; a local also spares goja a global lookup.
var nextTick = process.nextTick;
function inherits(ctor, superCtor) {
  ctor.super_ = superCtor;
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
  Object.setPrototypeOf(ctor, superCtor);
}

function makeError(Ctor, code, message) {
  var e = new Ctor(message);
  e.code = code;
  return e;
}

function validatePort(port, name) {
  var n = typeof port === 'string' && port.trim() !== '' ? Number(port) : port;
  if (typeof n !== 'number' || !(n >= 0 && n <= 65535) || Math.floor(n) !== n) {
    throw makeError(RangeError, 'ERR_SOCKET_BAD_PORT',
      (name || 'Port') + ' should be >= 0 and < 65536. Received ' + describe(port) + '.');
  }
  return n;
}

function describe(v) {
  if (typeof v === 'string') return "type string ('" + v + "')";
  if (typeof v === 'number') return 'type number (' + v + ')';
  if (v === undefined || v === null) return String(v);
  if (typeof v === 'function') return 'function ' + v.name;
  return 'an instance of ' + ((v.constructor && v.constructor.name) || 'Object');
}

// ---------------------------------------------------------------- Socket

var callbacks = {
  // onread may return the socket's one 'data' listener instead of calling
  // it: netcore then calls it at once with (data) and this socket, which
  // is what emit would do, minus a Function.prototype.call (in goja a
  // nested run of the interpreter, ~0.3 us a chunk).
  onread: function (data) {
    var lz = this._lz;
    if (lz && (lz & LZ_READ_TEST) === LZ_FLOWING) {
      // Light mode (below): flowing with nothing buffered is the only
      // reading state it has.
      this._lz = ((lz | LZ_READING) ^ LZ_READING) | LZ_DATA_EMITTED;
    } else {
      // Anything else gets the stream state first. Then the fast path:
      // what Readable's addChunk does for a flowing stream with nothing
      // buffered (the common case: a 'data' listener), without the
      // generic push machinery around it. Anything else takes push().
      if (lz) materialize(this);
      var st = this._readableState;
      if (!st.flowing || st.length !== 0 || st.sync || st.decoder || st.ended || st.destroyed || st.errored) {
        if (!this.push(data)) this._handle.pause();
        return;
      }
      st.reading = false;
      if (st.multiAwaitDrain) st.awaitDrainWriters.clear();
      else st.awaitDrainWriters = null;
      st.dataEmitted = true;
    }
    var ev = this._events;
    var h = ev !== undefined ? ev.data : undefined;
    if (typeof h === 'function' && this.emit === baseEmit) return h; // see above
    this.emit('data', data);
  },
  onend: function () {
    if (this._lz) {
      if ((this._lz & (LZ_FLOWING | LZ_ENDED | LZ_DESTROYED)) === LZ_FLOWING &&
          (this._events === undefined || this._events.readable === undefined)) {
        // What push(null) does to a flowing stream with nothing buffered:
        // 'end' in a tick ('readable' has no listener to hear it).
        this._lz = (this._lz & ~LZ_READING) | LZ_ENDED;
        nextTick(lightEndNT, this);
        return;
      }
      materialize(this);
    }
    this.push(null);
    this.read(0);
  },
  ondrain: function () {
    var cbs = this._writeCbs;
    if (cbs === null) return;
    this._writeCbs = [];
    for (var i = 0; i < cbs.length; i++) cbs[i]();
  },
  onshutdown: function () {
    if (this._lz) {
      // The light _final's callback (stream.js's finalCallback, no error).
      this._lz &= ~LZ_FINAL_PENDING;
      if ((this._lz & (LZ_DESTROYED | LZ_FINISHED | LZ_CLOSE_EMITTED)) === 0) {
        this._lz |= LZ_PREFINISHED;
        emitHeard(this, 'prefinish');
        // A 'prefinish' listener may have materialized the socket: a bit
        // set now would make it light again.
        if (this._lz) this._lz |= LZ_FINISH_PENDING;
        else this._writableState.pendingcb++;
        nextTick(lightFinishNT, this);
      }
      return;
    }
    var cb = this._finalCb;
    this._finalCb = null;
    if (cb) cb();
  },
  ontimeout: function () {
    this.emit('timeout');
  },
  onconnect: function (err) {
    if (err) {
      this.connecting = false;
      this.destroy(err);
      return;
    }
    this.connecting = false;
    if (this._timeoutMs) this._handle.setTimeout(this._timeoutMs);
    // The stream may have asked for data while we were connecting.
    if (this._wantRead) this._handle.resume();
    this.emit('connect');
    this.emit('ready');
  },
  onclose: function (err, bytesRead, bytesWritten, flushing) {
    // A light socket closed with an error, or before its shutdown was
    // done, continues as a full stream (its _final callback fails below).
    if (this._lz && (err || (this._lz & LZ_FINAL_PENDING) !== 0)) materialize(this);
    var handle = this._handle;
    if (bytesRead !== undefined) { // netcore passes the final counts
      this._bytesRead = bytesRead;
      this._bytesWritten = bytesWritten;
    } else if (handle) {
      this._bytesRead = handle.bytesRead();
      this._bytesWritten = handle.bytesWritten();
    }
    this._handleClosed = true;
    var cbs = this._writeCbs;
    if (cbs !== null) {
      this._writeCbs = null;
      if (cbs.length) {
        // flushing (TLS): what the handle took before a destroy went out
        // or still goes out, so those writes succeed, as node's do.
        var werr = err || (flushing === true ? null : makeError(Error, 'ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed'));
        for (var i = 0; i < cbs.length; i++) cbs[i](werr);
      }
    }
    if (this._finalCb) {
      var fcb = this._finalCb;
      this._finalCb = null;
      fcb(err || makeError(Error, 'ERR_STREAM_DESTROYED', 'Cannot call end after a stream was destroyed'));
    }
    if (this._destroyCalled) {
      this._emitClose();
    } else {
      // The core closed by itself: an I/O error, or both directions done
      // while the stream still has buffered data to hand out. An error
      // destroys now; a clean close waits for the stream to finish.
      if (err) this.destroy(err);
    }
  }
};

function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  // Light mode: a socket accepted by a server (or handed over by http),
  // and a client socket made with connection options only, start without
  // stream state; see "Light mode" below. Only gonode's own code has
  // handles (server accept, http's upgrade), and it passes no options but
  // handle, allowHalfOpen and pauseOnCreate.
  if (new.target === Socket) { // not a subclass
    if (options === undefined || options === null) options = noOptions;
    var handle0 = options.handle;
    if (handle0 !== undefined && handle0 !== null ? !options.pauseOnCreate : onlyConnectOptions(options)) {
      // EventEmitter.init for an object whose prototypes hold no _events
      // (_eventsCount and _maxListeners: EventEmitter.prototype's 0 and
      // undefined serve until they change).
      this._events = Object.create(null);
      this.allowHalfOpen = !!options.allowHalfOpen;
      if (handle0 === undefined || handle0 === null) {
        this._lz = LZ_LIGHT; // a client: connect() attaches, on('data') reads
        return;
      }
      // _attach without its pause() (a new handle does not read yet), then
      // what read(0) does in a new stream: ask for data (_read).
      this._handle = handle0;
      handle0.setCallbacks(this, callbacks);
      this._lz = LZ_LIGHT | LZ_READ0 | LZ_READING;
      handle0.resume();
      return;
    }
  }
  options = Object.assign({}, options);
  var allowHalfOpen = !!options.allowHalfOpen;
  var handle = options.handle;
  delete options.handle;
  // As Node: the Duplex itself does the automatic end() when the socket
  // is not half-open; "close" is ours to emit once the fd is closed.
  options.allowHalfOpen = allowHalfOpen;
  options.emitClose = false;
  options.autoDestroy = true;
  options.decodeStrings = false;
  stream.Duplex.call(this, options);
  // The other fields start from Socket.prototype's defaults (below): fewer
  // own properties make a socket much cheaper to build in goja.
  if (handle) {
    this._attach(handle);
    if (options.pauseOnCreate) {
      this.readableFlowing = false;
    } else {
      this.read(0);
    }
  }
}
Object.setPrototypeOf(Socket.prototype, stream.Duplex.prototype);
Object.setPrototypeOf(Socket, stream.Duplex);
// Per-socket defaults, shared until a socket assigns its own value.
Socket.prototype._handle = null;
Socket.prototype.connecting = false;
Socket.prototype._handleClosed = false;
Socket.prototype._destroyCalled = false;
Socket.prototype._destroyErr = null;
Socket.prototype._closeEmitted = false;
Socket.prototype._wantRead = false;
Socket.prototype._finalCb = null;
Socket.prototype._writeCbs = null; // write callbacks waiting for the flush
Socket.prototype._handedOff = false; // see write
Socket.prototype._timeoutMs = 0;
Socket.prototype._bytesRead = 0;
Socket.prototype._bytesWritten = 0;
Socket.prototype.server = null;
Socket.prototype._server = null;

// ---------------------------------------------------------------- Light mode
//
// Why: a server's sockets mostly live the same short life: a 'data'
// listener, writes the kernel takes at once, the peer's EOF, 'end', the
// automatic end(), 'finish', destroy, 'close'. Run through stream.Duplex,
// that life cost goja about 60 µs of CPU per connection (two state objects,
// a dozen ticks, hundreds of property reads): half of gonode's CPU in the
// connection-rate benchmark, and the reason it accepted 0.63x of Node's
// connections per second. A light socket has no _readableState or
// _writableState: the few facts of that common life live in _lz* fields,
// and its methods take the steps Duplex would, in the same order and in
// the same ticks, so what JS observes is the same. The first use of
// anything else (pause, pipe, setEncoding, cork, a write the kernel does
// not take at once, an error, reading either state...) calls
// materialize(), which builds the two states exactly as Duplex would have
// them at that point; from then on the socket is an ordinary Duplex, and a
// step the light socket had scheduled continues with stream.js's own.
// The http module's IncomingMessage does the same (its _readableState).
// Tested by the net diff cases (node v20 prints the same), which also
// materialize sockets at each step of the life cycle.

var lifecycle = stream[Symbol.for('gonode.stream.lifecycle')];
var lightOptionsHalfOpen = { allowHalfOpen: true, emitClose: false, autoDestroy: true, decodeStrings: false };
var lightOptionsFull = { allowHalfOpen: false, emitClose: false, autoDestroy: true, decodeStrings: false };

// onlyConnectOptions: options for new Socket() that a light client can
// take (what connect() and net.connect pass; anything else, such as a
// high-water mark or an encoding, builds the Duplex at once).
var connectOptionKeys = {
  port: true, host: true, path: true, timeout: true, allowHalfOpen: true, family: true,
  localAddress: true, localPort: true, hints: true, lookup: true, noDelay: true,
  keepAlive: true, keepAliveInitialDelay: true, autoSelectFamily: true,
  autoSelectFamilyAttemptTimeout: true
};
var noOptions = {};
function onlyConnectOptions(options) {
  for (var k in options) {
    if (connectOptionKeys[k] !== true) return false;
  }
  return true;
}

// emitHeard emits ev (no arguments) unless nobody would hear it: with the
// standard emit and no listener, emit does nothing observable, and in goja
// it still costs most of a microsecond.
function emitHeard(sock, ev) {
  var events = sock._events;
  if (events !== undefined && events[ev] === undefined && sock.emit === baseEmit) return;
  sock.emit(ev);
}

// A light socket's state is one integer of bits (_lz; 0: not light): one
// own property instead of a dozen, for memory (each goja property is a Go
// map slot) and for speed (one lookup, then integer tests).
//
// The bits a busy socket carries (LIGHT, READ0, FLOWING, RESUMED,
// DATA_EMITTED, READING) and those its per-chunk tests look at (ENDED,
// DESTROYED) are the low eight on purpose: goja boxes every integer result
// and operand of a bitwise operator into a Go interface, which allocates
// for values of 256 and up; below that the runtime's static values serve.
Socket.prototype._lz = 0;
var LZ_LIGHT = 1;
var LZ_FLOWING = 2; // readableFlowing true (else null: false materializes)
var LZ_RESUMED = 4; // paused false (else null)
var LZ_READING = 8;
var LZ_DATA_EMITTED = 16;
var LZ_ENDED = 32; // EOF seen ('end' follows in a tick)
var LZ_DESTROYED = 64;
var LZ_READ0 = 128; // a read(0) ran (a server socket's at construction)
var LZ_ENDING = 256; // end() called
var LZ_RESUME_SCHEDULED = 512;
var LZ_END_EMITTED = 1024;
var LZ_FINAL_CALLED = 2048;
var LZ_FINAL_PENDING = 4096; // shutdown asked, not yet done
var LZ_PREFINISHED = 8192;
var LZ_FINISH_PENDING = 16384; // 'finish' is due in a tick
var LZ_FINISHED = 32768;
var LZ_CLOSE_EMITTED = 65536; // the streams' own close step ran
// Masks of the per-chunk paths, computed once (goja does not fold them).
var LZ_READ_TEST = LZ_FLOWING | LZ_ENDED | LZ_DESTROYED; // === LZ_FLOWING: deliver as is
var LZ_WRITE_TEST = LZ_ENDING | LZ_DESTROYED; // === 0: write as is

// materialize gives a light socket the stream state Duplex would have by
// now, and returns the socket.
function materialize(sock) {
  var lz = sock._lz;
  if (lz === 0) return sock;
  sock._lz = 0;
  var opts = sock.allowHalfOpen ? lightOptionsHalfOpen : lightOptionsFull;
  var r = new stream.Readable.ReadableState(opts, sock, true);
  var w = new stream.Writable.WritableState(opts, sock, true);
  sock._readableState = r;
  sock._writableState = w;
  // Readable: read(0) ran (at construction for a server's socket, when the
  // flow started for a client's: sync is over), then 'data' listeners,
  // chunks handed straight to them, maybe the EOF.
  if ((lz & LZ_READ0) !== 0) {
    r.sync = false;
    r.needReadable = (lz & LZ_ENDED) === 0;
  }
  if ((lz & LZ_FLOWING) !== 0) r.flowing = true;
  if ((lz & LZ_RESUMED) !== 0) r.paused = false;
  r.resumeScheduled = (lz & LZ_RESUME_SCHEDULED) !== 0;
  r.reading = (lz & LZ_READING) !== 0;
  r.dataEmitted = (lz & LZ_DATA_EMITTED) !== 0;
  r.ended = (lz & LZ_ENDED) !== 0;
  r.endEmitted = (lz & LZ_END_EMITTED) !== 0;
  // Writable: end() ran _final (the shutdown), whose callback then makes
  // 'prefinish' and schedules 'finish'.
  if ((lz & LZ_ENDING) !== 0) w.ending = w.ended = true;
  if ((lz & LZ_FINAL_CALLED) !== 0) {
    w.finalCalled = true;
    w.sync = false; // callFinal's synchronous part is over
  }
  if ((lz & LZ_FINAL_PENDING) !== 0) {
    w.pendingcb = 1;
    sock._finalCb = lifecycle.finalCallback(sock, w);
  }
  w.prefinished = (lz & LZ_PREFINISHED) !== 0;
  if ((lz & LZ_FINISH_PENDING) !== 0) w.pendingcb = 1;
  w.finished = (lz & LZ_FINISHED) !== 0;
  if ((lz & LZ_DESTROYED) !== 0) r.destroyed = w.destroyed = r.closed = w.closed = true;
  if ((lz & LZ_CLOSE_EMITTED) !== 0) r.closeEmitted = w.closeEmitted = true;
  return sock;
}

// The states are materialized on first use; a full socket's own data
// properties hide these accessors (the setter makes them).
function lazyState(name) {
  Object.defineProperty(Socket.prototype, name, {
    configurable: true,
    enumerable: false,
    get: function () {
      if (!this._lz) return undefined; // the prototype itself, or a socket being built
      return materialize(this)[name];
    },
    set: function (v) {
      Object.defineProperty(this, name, { value: v, writable: true, enumerable: true, configurable: true });
    }
  });
}
lazyState('_readableState');
lazyState('_writableState');

// Getters that a light socket answers from its own fields; a full one
// from its states, as Duplex's own getters do.
function lightGetter(name, light) {
  var full = Object.getOwnPropertyDescriptor(stream.Duplex.prototype, name) ||
    Object.getOwnPropertyDescriptor(stream.Readable.prototype, name);
  Object.defineProperty(Socket.prototype, name, {
    configurable: true,
    enumerable: false,
    get: function () { return this._lz ? light(this) : full.get.call(this); },
    set: full.set && function (v) { full.set.call(materialize(this), v); }
  });
}
lightGetter('readable', function (s) { return (s._lz & (LZ_DESTROYED | LZ_END_EMITTED)) === 0; });
lightGetter('writable', function (s) { return (s._lz & (LZ_DESTROYED | LZ_ENDING)) === 0; });
lightGetter('destroyed', function (s) { return (s._lz & LZ_DESTROYED) !== 0; });
lightGetter('closed', function (s) { return (s._lz & LZ_DESTROYED) !== 0; });
lightGetter('errored', function () { return null; });
lightGetter('readableFlowing', function (s) { return (s._lz & LZ_FLOWING) !== 0 ? true : null; });
lightGetter('readableEnded', function (s) { return (s._lz & LZ_END_EMITTED) !== 0; });
lightGetter('readableLength', function () { return 0; });
lightGetter('writableEnded', function (s) { return (s._lz & LZ_ENDING) !== 0; });
lightGetter('writableFinished', function (s) { return (s._lz & LZ_FINISHED) !== 0; });
lightGetter('writableLength', function () { return 0; });
lightGetter('writableNeedDrain', function () { return false; });

// on('data') starts the flow, as Readable's on does; other events need
// no state ('readable' does: it materializes).
Socket.prototype.on = function (ev, fn) {
  if (this._lz && ev !== 'readable') {
    var res = EventEmitter.prototype.on.call(this, ev, fn);
    if (ev === 'data') this.resume(); // (flowing is never false while light)
    return res;
  }
  return stream.Duplex.prototype.on.call(this, ev, fn);
};
Socket.prototype.addListener = Socket.prototype.on;

Socket.prototype.resume = function () {
  if (!this._lz) return stream.Duplex.prototype.resume.call(this);
  if ((this._lz & LZ_FLOWING) === 0) {
    this._lz |= LZ_FLOWING;
    if ((this._lz & LZ_RESUME_SCHEDULED) === 0) {
      this._lz |= LZ_RESUME_SCHEDULED;
      nextTick(lightResumeNT, this);
    }
  }
  this._lz |= LZ_RESUMED;
  return this;
};

// Readable's resumeNT: read(0) unless a read is on, 'resume', then flow
// (a light socket has nothing buffered to flow).
function lightResumeNT(sock) {
  if (!sock._lz) {
    var state = sock._readableState;
    if (!state.reading) sock.read(0);
    state.resumeScheduled = false;
    sock.emit('resume');
    while (state.flowing && sock.read() !== null);
    if (state.flowing && !state.reading) sock.read(0);
    return;
  }
  if ((sock._lz & (LZ_READING | LZ_ENDED | LZ_DESTROYED)) === 0) {
    // read(0) -> _read: the handle reads (a client not connected yet
    // starts once it is, as _read arranges; _wantRead matters only then).
    sock._lz |= LZ_READING | LZ_READ0;
    if (sock._handle !== null && !sock.connecting) sock._handle.resume();
    else sock._wantRead = true;
  }
  sock._lz &= ~LZ_RESUME_SCHEDULED;
  emitHeard(sock, 'resume');
}

// endReadableNT: 'end', then end() in a further tick unless half-open.
function lightEndNT(sock) {
  if (!sock._lz) {
    lifecycle.endReadableNT(sock._readableState, sock);
    return;
  }
  if ((sock._lz & (LZ_CLOSE_EMITTED | LZ_END_EMITTED)) !== 0) return;
  sock._lz |= LZ_END_EMITTED;
  emitHeard(sock, 'end');
  // (An 'end' listener may have materialized the socket: the getters
  // answer either way; the light fields are read only while light.)
  if (sock._lz ? (sock._lz & (LZ_DESTROYED | LZ_ENDING)) === 0 : sock.writable) {
    if (sock.allowHalfOpen === false) {
      nextTick(lightEndWritableNT, sock);
      return;
    }
  }
  if (sock._lz ? (sock._lz & LZ_FINISHED) !== 0 : sock.writableFinished) sock.destroy();
}

function lightEndWritableNT(sock) {
  if (sock._lz) {
    if ((sock._lz & (LZ_DESTROYED | LZ_ENDING)) === 0) sock.end();
  } else if (sock.writable && !sock.writableEnded && !sock.destroyed) {
    sock.end();
  }
}

// finish: 'finish', then destroy when the readable side has ended.
function lightFinishNT(sock) {
  if (!sock._lz) {
    lifecycle.finish(sock, sock._writableState);
    return;
  }
  sock._lz = (sock._lz & ~LZ_FINISH_PENDING) | LZ_FINISHED;
  emitHeard(sock, 'finish');
  if (sock._lz ? (sock._lz & LZ_END_EMITTED) !== 0 : sock.readableEnded) sock.destroy();
}

// The streams' close step (emitCloseNT): Socket has emitClose false, so
// it only records it; 'close' itself comes when the fd is closed.
function lightCloseNT(sock) {
  if (!sock._lz) {
    lifecycle.emitCloseNT(sock);
    return;
  }
  sock._lz |= LZ_CLOSE_EMITTED;
}

Socket.prototype.end = function (chunk, encoding, cb) {
  if (this._lz && cb === undefined && typeof chunk !== 'function' && typeof encoding !== 'function') {
    if (chunk !== undefined && chunk !== null) {
      this.write(chunk, encoding); // may materialize
      chunk = undefined; // written: what is left is end()
      encoding = undefined;
    }
    if (this._lz) {
      if ((this._lz & LZ_ENDING) !== 0) return this; // as Writable's end: nothing more to do
      if ((this._lz & LZ_DESTROYED) !== 0) {
        this._lz |= LZ_ENDING; // ending, but no _final for a destroyed stream
        return this;
      }
      if (this._handle !== null && !this._handleClosed && this._final === Socket.prototype._final) {
        // Writable's end: ending, then _final (callFinal) asks for the shutdown.
        this._lz |= LZ_ENDING | LZ_FINAL_CALLED | LZ_FINAL_PENDING;
        this._handle.shutdown();
        return this;
      }
    }
  }
  return stream.Duplex.prototype.end.call(materialize(this), chunk, encoding, cb);
};

Socket.prototype.destroy = function (err, cb) {
  if (this._lz && (err === undefined || err === null) && cb === undefined &&
      this._destroy === Socket.prototype._destroy) {
    if ((this._lz & LZ_DESTROYED) !== 0) return this;
    // destroy(): both sides destroyed, then _destroy, whose callback
    // marks them closed and schedules the close step.
    this._lz |= LZ_DESTROYED;
    this._beginDestroy(null);
    nextTick(lightCloseNT, this);
    this._releaseHandle();
    return this;
  }
  return stream.Duplex.prototype.destroy.call(materialize(this), err, cb);
};

Socket.prototype._attach = function (handle) {
  this._handle = handle;
  if (this._handleClosed) this._handleClosed = false; // (an own property only when it changes)
  handle.setCallbacks(this, callbacks);
  // Reading starts when the stream asks for data (_read).
  handle.pause();
};

Socket.prototype._read = function () {
  this._wantRead = true;
  if (this._handle && !this.connecting) this._handle.resume();
};

// Node v20.20's Writable decides write()'s result after _write ran (a
// chunk the kernel took at once leaves length 0: true, and no "drain").
// gonode's stream module decides before; until it follows Node, correct it
// here so sockets answer as Node's do.
Socket.prototype.write = function (chunk, encoding, cb) {
  var taken = 0;
  var lz = this._lz;
  if (lz) {
    var handle = this._handle;
    if (encoding === undefined && cb === undefined && (lz & LZ_WRITE_TEST) === 0 &&
        handle !== null && !this._handleClosed) {
      taken = handle.tryWrite(chunk);
      if (taken === 1 || taken === true) return true;
    }
    materialize(this);
  }
  if (this.allowHalfOpen === false && this.writableEnded && this.readableEnded) {
    // Node: once the peer's FIN has been seen ('end') on a socket that is
    // not half-open, a write after end() fails as the kernel would.
    var er = makeError(Error, 'EPIPE', 'This socket has been ended by the other party');
    if (typeof encoding === 'function') cb = encoding;
    if (typeof cb === 'function') nextTick(cb, er);
    this.destroy(er);
    return false;
  }
  var ws = this._writableState;
  // Fast path, the common case of a server answering: nothing buffered or
  // in flight, no callback, default encoding. The core writes at once;
  // when the kernel takes it all, the Writable machinery has nothing to
  // track, as in Node where such a write completes synchronously. Anything
  // else (and any chunk the handle will not take) goes the full way. Every
  // handle a Socket runs on has tryWrite (netcore's answers 0/1/2, tls's
  // 0/2: its writes always complete later, on its writer goroutine).
  if (taken === 0 && ws.length === 0 && encoding === undefined && cb === undefined && !ws.corked &&
      !ws.ending && !ws.destroyed && !ws.errored && ws.defaultEncoding === 'utf8' &&
      this._handle !== null && !this._handleClosed && !this.connecting) {
    taken = this._handle.tryWrite(chunk);
    if (taken === 1 || taken === true) return true;
  }
  // taken 2: the kernel took part of chunk and the core holds the rest;
  // the Writable counts the chunk as in flight until ondrain, as Node's
  // does a write libuv could not finish at once (write() answers false
  // for a chunk over the high-water mark, writableLength includes it).
  if (taken === 2) this._handedOff = true;
  var before = ws.needDrain;
  var ret = stream.Duplex.prototype.write.call(this, chunk, encoding, cb);
  if (!ret && !before && !ws.destroyed && !ws.errored && (ws.length < ws.highWaterMark || ws.length === 0)) {
    ws.needDrain = false;
    return true;
  }
  return ret;
};

Socket.prototype._write = function (data, encoding, cb) {
  if (this._handedOff) { // already with the core (write's fast path)
    this._handedOff = false;
    (this._writeCbs || (this._writeCbs = [])).push(cb);
    return;
  }
  if (!this._handle || this._handleClosed) {
    cb(makeError(Error, 'ERR_SOCKET_CLOSED', 'Socket is closed'));
    return;
  }
  if (this._handle.writeNow(data, encoding)) cb();
  else (this._writeCbs || (this._writeCbs = [])).push(cb);
};

Socket.prototype._writev = function (chunks, cb) {
  if (!this._handle || this._handleClosed) {
    cb(makeError(Error, 'ERR_SOCKET_CLOSED', 'Socket is closed'));
    return;
  }
  var allDone = true;
  for (var i = 0; i < chunks.length; i++) {
    if (!this._handle.writeNow(chunks[i].chunk, chunks[i].encoding)) allDone = false;
  }
  if (allDone) cb();
  else (this._writeCbs || (this._writeCbs = [])).push(cb);
};

Socket.prototype._final = function (cb) {
  if (!this._handle || this._handleClosed) return cb();
  this._finalCb = cb;
  this._handle.shutdown();
};

Socket.prototype._destroy = function (err, cb) {
  this._beginDestroy(err);
  cb(err);
  this._releaseHandle();
};

Socket.prototype._beginDestroy = function (err) {
  // (Fields are written only when they change: each new own property of
  // a goja object costs a map insert, and past eight a bigger map.)
  this._destroyCalled = true;
  if (err) this._destroyErr = err;
  else if (this._destroyErr !== null) this._destroyErr = null;
  if (this.connecting) this.connecting = false;
  if (this._server) {
    var server = this._server;
    this._server = null;
    server._connectionClosed();
  }
};

// _releaseHandle closes the fd; 'close' follows when the core reports it
// closed (at once when it already is).
Socket.prototype._releaseHandle = function () {
  if (!this._handle || this._handleClosed) {
    var self = this;
    nextTick(function () { self._emitClose(); });
  } else if (this._resetAndClosing && this._handle.reset) {
    this._resetAndClosing = false;
    this._handle.reset();
  } else {
    this._handle.destroy();
  }
};

Socket.prototype._emitClose = function () {
  if (this._closeEmitted) return;
  this._closeEmitted = true;
  var ev = this._events; // as emitHeard: nobody to hear it, nothing to do
  if (ev !== undefined && ev.close === undefined && this.emit === baseEmit) return;
  this.emit('close', !!this._destroyErr);
};

Socket.prototype.setEncoding = function (enc) {
  if (enc !== undefined && enc !== null && !BufferCtor.isEncoding(enc)) {
    throw makeError(TypeError, 'ERR_UNKNOWN_ENCODING', 'Unknown encoding: ' + enc);
  }
  return stream.Duplex.prototype.setEncoding.call(this, enc);
};

Socket.prototype.connect = function () {
  var args = normalizeConnectArgs(arguments);
  var options = args[0], cb = args[1];
  if (this.connecting || (this._handle && !this._handleClosed)) {
    throw makeError(Error, 'ERR_SOCKET_CONNECTION_TIMEOUT', 'Socket is already connected or connecting');
  }
  if (options.path !== undefined) {
    throw makeError(Error, 'ERR_NOT_SUPPORTED', 'gonode: Unix domain sockets are not supported');
  }
  var port = validatePort(options.port);
  var host = options.host === undefined || options.host === null || options.host === '' ? 'localhost' : String(options.host);
  if (this.destroyed) {
    this._undestroy();
    this._handle = null;
    this._destroyCalled = false;
    this._destroyErr = null;
    this._closeEmitted = false;
  }
  if (typeof cb === 'function') this.once('connect', cb);
  this.connecting = true;
  this._attach(binding.connect(host, port));
  return this;
};

function normalizeConnectArgs(args) {
  var options = {}, cb;
  var a0 = args[0];
  if (a0 !== null && typeof a0 === 'object') {
    options = a0;
    cb = args[1];
  } else if (typeof a0 === 'string' && Number.isNaN(Number(a0))) {
    options = { path: a0 };
    cb = args[1];
  } else {
    options = { port: a0 };
    if (typeof args[1] === 'string') {
      options.host = args[1];
      cb = args[2];
    } else {
      cb = args[1];
    }
  }
  return [options, cb];
}

Socket.prototype.destroySoon = function () {
  if (this.writable) this.end();
  if (this.writableFinished) this.destroy();
  else this.once('finish', this.destroy);
};

// resetAndDestroy closes with a TCP RST (the peer sees ECONNRESET); a
// socket still connecting resets once connected, as in Node.
Socket.prototype.resetAndDestroy = function () {
  if (this._handle && this.connecting) {
    this.once('connect', function () { this._resetAndClosing = true; this.destroy(); });
    return this;
  }
  if (this._handle) this._resetAndClosing = true;
  return this.destroy();
};
Socket.prototype._resetAndClosing = false;

Socket.prototype.setTimeout = function (ms, cb) {
  if (typeof ms !== 'number' || !(ms >= 0)) {
    throw makeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "msecs" argument must be of type number. Received ' + describe(ms));
  }
  this._timeoutMs = ms;
  if (this._handle && !this.connecting && !this._handleClosed) this._handle.setTimeout(ms);
  if (typeof cb === 'function') {
    if (ms === 0) this.removeListener('timeout', cb);
    else this.once('timeout', cb);
  }
  return this;
};

Socket.prototype.setNoDelay = function (noDelay) {
  if (this._handle) this._handle.setNoDelay(noDelay === undefined ? true : !!noDelay);
  return this;
};

Socket.prototype.setKeepAlive = function (enable, initialDelay) {
  if (this._handle) this._handle.setKeepAlive(!!enable, +initialDelay || 0);
  return this;
};

Socket.prototype.address = function () {
  return (this._handle && !this._handleClosed && this._handle.localAddress()) || {};
};

Socket.prototype.ref = function () {
  if (this._handle) this._handle.ref();
  return this;
};

Socket.prototype.unref = function () {
  if (this._handle) this._handle.unref();
  return this;
};

function getter(name, fn) {
  Object.defineProperty(Socket.prototype, name, { configurable: true, enumerable: false, get: fn });
}
function remote(self) { return self._handle && !self._handleClosed ? self._handle.remoteAddress() : undefined; }
function local(self) { return self._handle && !self._handleClosed ? self._handle.localAddress() : undefined; }
getter('remoteAddress', function () { var a = remote(this); return a && a.address; });
getter('remotePort', function () { var a = remote(this); return a && a.port; });
getter('remoteFamily', function () { var a = remote(this); return a && a.family; });
getter('localAddress', function () { var a = local(this); return a && a.address; });
getter('localPort', function () { var a = local(this); return a && a.port; });
getter('localFamily', function () { var a = local(this); return a && a.family; });
getter('pending', function () { return !this._handle || this.connecting; });
getter('bytesRead', function () { return this._handle && !this._handleClosed ? this._handle.bytesRead() : this._bytesRead; });
getter('bytesWritten', function () { return this._handle && !this._handleClosed ? this._handle.bytesWritten() : this._bytesWritten; });
getter('bufferSize', function () { return this._handle ? this.writableLength : undefined; });
getter('timeout', function () { return this._timeoutMs || undefined; });
getter('readyState', function () {
  if (this.connecting) return 'opening';
  if (this.readable && this.writable) return 'open';
  if (this.readable && !this.writable) return 'readOnly';
  if (!this.readable && this.writable) return 'writeOnly';
  return 'closed';
});

// ---------------------------------------------------------------- Server

function Server(options, listener) {
  if (!(this instanceof Server)) return new Server(options, listener);
  EventEmitter.call(this);
  if (typeof options === 'function') {
    listener = options;
    options = {};
  }
  options = options || {};
  if (typeof listener === 'function') this.on('connection', listener);
  this._handle = null;
  this._connections = 0;
  this._unref = false;
  this.allowHalfOpen = !!options.allowHalfOpen;
  this.pauseOnConnect = !!options.pauseOnConnect;
  this.noDelay = !!options.noDelay;
  this.keepAlive = !!options.keepAlive;
  this.maxConnections = undefined;
}
inherits(Server, EventEmitter);

var acceptOptions = { handle: null, allowHalfOpen: false, pauseOnCreate: false };
function onconnection(handle) {
  if (this.maxConnections !== undefined && this._connections >= this.maxConnections) {
    handle.destroy();
    this.emit('drop', {});
    return;
  }
  // One options object serves every accept: Socket reads it and keeps
  // nothing of it (a literal here cost ~0.4 us a connection in goja).
  acceptOptions.handle = handle;
  acceptOptions.allowHalfOpen = this.allowHalfOpen;
  acceptOptions.pauseOnCreate = this.pauseOnConnect;
  var socket = new Socket(acceptOptions);
  acceptOptions.handle = null;
  socket.server = this;
  socket._server = this;
  if (this.noDelay) handle.setNoDelay(true);
  if (this.keepAlive) handle.setKeepAlive(true, 0);
  this._connections++;
  // As onread does for 'data': the one 'connection' listener goes back to
  // netcore, which calls it with the socket (the handle's owner) and this
  // server, sparing emit's Function.prototype.call.
  var ev = this._events;
  var h = ev !== undefined ? ev.connection : undefined;
  if (typeof h === 'function' && this.emit === baseEmit) return h;
  this.emit('connection', socket);
}

Server.prototype._connectionClosed = function () {
  this._connections--;
  this._emitCloseIfDrained();
};

Server.prototype._emitCloseIfDrained = function () {
  if (this._handle || this._connections > 0 || !this._closing) return;
  this._closing = false;
  var self = this;
  nextTick(function () { self.emit('close'); });
};

Server.prototype.listen = function () {
  var args = Array.prototype.slice.call(arguments);
  var cb = typeof args[args.length - 1] === 'function' ? args.pop() : null;
  var options;
  if (args[0] !== null && typeof args[0] === 'object') {
    options = args[0];
  } else {
    options = { port: args[0] };
    if (typeof args[1] === 'string') {
      options.host = args[1];
      if (typeof args[2] === 'number') options.backlog = args[2];
    } else if (typeof args[1] === 'number') {
      options.backlog = args[1];
    }
  }
  if (options.path !== undefined) {
    throw makeError(Error, 'ERR_NOT_SUPPORTED', 'gonode: Unix domain sockets are not supported');
  }
  if (this._handle) {
    throw makeError(Error, 'ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.');
  }
  var port = options.port === undefined || options.port === null ? 0 : validatePort(options.port, 'options.port');
  var host = options.host === undefined || options.host === null || options.host === '' ? null : String(options.host);
  if (cb) this.once('listening', cb);
  var self = this;
  try {
    this._handle = binding.listen(host, port, options.backlog || 511, this, onconnection);
  } catch (e) {
    nextTick(function () { self.emit('error', e); });
    return this;
  }
  if (this._unref) this._handle.unref();
  nextTick(function () { if (self._handle) self.emit('listening'); });
  return this;
};

Server.prototype.address = function () {
  return this._handle ? this._handle.address() : null;
};

Server.prototype.close = function (cb) {
  if (typeof cb === 'function') {
    if (!this._handle) {
      this.once('close', function () {
        cb(makeError(Error, 'ERR_SERVER_NOT_RUNNING', 'Server is not running.'));
      });
    } else {
      this.once('close', cb);
    }
  }
  if (this._handle) {
    this._handle.close();
    this._handle = null;
  }
  this._closing = true;
  this._emitCloseIfDrained();
  return this;
};

Server.prototype.getConnections = function (cb) {
  var n = this._connections;
  if (typeof cb === 'function') nextTick(function () { cb(null, n); });
  return this;
};

Server.prototype.ref = function () {
  this._unref = false;
  if (this._handle) this._handle.ref();
  return this;
};

Server.prototype.unref = function () {
  this._unref = true;
  if (this._handle) this._handle.unref();
  return this;
};

Object.defineProperty(Server.prototype, 'listening', {
  configurable: true,
  get: function () { return !!this._handle; }
});

// ---------------------------------------------------------------- exports

function createServer(options, listener) {
  return new Server(options, listener);
}

function connect() {
  var args = normalizeConnectArgs(arguments);
  var options = args[0];
  var socket = new Socket(options);
  if (options.timeout) socket.setTimeout(options.timeout);
  return Socket.prototype.connect.apply(socket, arguments);
}

function isIP(s) { return binding.isIP(String(s)); }

exports.Socket = Socket;
exports.Stream = Socket;
exports.Server = Server;
exports.createServer = createServer;
exports.connect = connect;
exports.createConnection = connect;
exports.isIP = isIP;
exports.isIPv4 = function (s) { return isIP(s) === 4; };
exports.isIPv6 = function (s) { return isIP(s) === 6; };
exports.getDefaultAutoSelectFamily = function () { return true; };
exports.setDefaultAutoSelectFamily = function () {};
