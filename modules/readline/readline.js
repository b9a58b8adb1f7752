// readline: lines from a Readable. Splits on \n, \r\n and \r (a \r\n split
// across chunks counts once), decodes bytes as UTF-8 across chunk
// boundaries, emits what is left as a last line at end of input.
'use strict';

var EventEmitter = require('events');
var util = require('util');
var StringDecoder = require('string_decoder').StringDecoder;

function useAfterClose() {
  var e = new Error('readline was closed');
  e.code = 'ERR_USE_AFTER_CLOSE';
  return e;
}

function Interface(input, output, completer, terminal) {
  if (!(this instanceof Interface)) return new Interface(input, output, completer, terminal);
  EventEmitter.call(this);
  var opts = input;
  if (!(input && input.input !== undefined && typeof input.on !== 'function')) {
    opts = { input: input, output: output, completer: completer, terminal: terminal };
  }
  this.input = opts.input;
  this.output = opts.output;
  this.terminal = opts.terminal !== undefined ? !!opts.terminal : !!(this.output && this.output.isTTY);
  this.crlfDelay = opts.crlfDelay === undefined ? 100 : Math.max(100, opts.crlfDelay);
  this.line = '';
  this.cursor = 0;
  this.history = [];
  this.closed = false;
  this.paused = false;
  this._prompt = opts.prompt === undefined ? '> ' : String(opts.prompt);
  this._questionCallback = null;
  this._sawReturn = false;
  this._decoder = new StringDecoder('utf8');
  this._pending = '';
  var self = this;
  this._onData = function (chunk) { self._normalWrite(chunk); };
  this._onEnd = function () {
    var rest = self._pending + self._decoder.end();
    self._pending = '';
    if (rest.length > 0) self._onLine(rest);
    self.close();
  };
  this._onError = function (err) { self.emit('error', err); };
  if (this.input) {
    this.input.on('data', this._onData);
    this.input.on('end', this._onEnd);
    this.input.on('error', this._onError);
    if (typeof this.input.resume === 'function') this.input.resume();
  }
  if (opts.signal) {
    if (opts.signal.aborted) process.nextTick(function () { self.close(); });
    else opts.signal.addEventListener('abort', function () { self.close(); }, { once: true });
  }
}
util.inherits(Interface, EventEmitter);

Interface.prototype._normalWrite = function (chunk) {
  var s = typeof chunk === 'string' ? chunk : this._decoder.write(chunk);
  if (s.length === 0) return;
  if (this._sawReturn && s[0] === '\n') s = s.slice(1);
  this._sawReturn = s.length > 0 && s[s.length - 1] === '\r';
  var text = this._pending + s;
  var lines = text.split(/\r\n|\n|\r/);
  this._pending = lines.pop();
  for (var i = 0; i < lines.length; i++) {
    if (this.closed) return;
    this._onLine(lines[i]);
  }
};

Interface.prototype._onLine = function (line) {
  if (this._questionCallback) {
    var cb = this._questionCallback;
    this._questionCallback = null;
    this.setPrompt(this._oldPrompt);
    cb(line);
  } else {
    this.emit('line', line);
  }
};

Interface.prototype.setPrompt = function setPrompt(prompt) { this._prompt = prompt; };
Interface.prototype.getPrompt = function getPrompt() { return this._prompt; };

Interface.prototype._writeToOutput = function (s) {
  if (this.output !== null && this.output !== undefined && typeof this.output.write === 'function') this.output.write(s);
};

Interface.prototype.prompt = function prompt() {
  if (this.paused) this.resume();
  if (this.closed) throw useAfterClose();
  this._writeToOutput(this._prompt);
};

Interface.prototype.question = function question(query, options, cb) {
  if (typeof options === 'function') { cb = options; options = {}; }
  options = options || {};
  if (this.closed) throw useAfterClose();
  if (typeof cb !== 'function') return;
  var self = this;
  if (options.signal) {
    if (options.signal.aborted) return;
    options.signal.addEventListener('abort', function () { self._questionCallback = null; }, { once: true });
  }
  if (this._questionCallback) {
    this.prompt();
    return;
  }
  this._oldPrompt = this._prompt;
  this.setPrompt(query);
  this._questionCallback = cb;
  this.prompt();
};

Interface.prototype.write = function write(data) {
  if (this.closed) throw useAfterClose();
  if (this.paused) this.resume();
  if (typeof data === 'string' || (data && typeof data.length === 'number')) this._normalWrite(data);
};

Interface.prototype.pause = function pause() {
  if (this.paused) return this;
  if (this.input && typeof this.input.pause === 'function') this.input.pause();
  this.paused = true;
  this.emit('pause');
  return this;
};

Interface.prototype.resume = function resume() {
  if (!this.paused) return this;
  if (this.input && typeof this.input.resume === 'function') this.input.resume();
  this.paused = false;
  this.emit('resume');
  return this;
};

Interface.prototype.close = function close() {
  if (this.closed) return;
  this.pause();
  if (this.input) {
    this.input.removeListener('data', this._onData);
    this.input.removeListener('end', this._onEnd);
    this.input.removeListener('error', this._onError);
  }
  this.closed = true;
  this.emit('close');
};

Interface.prototype.getCursorPos = function getCursorPos() {
  return { rows: 0, cols: this._prompt.length + this.cursor };
};

// Async iteration over lines; it ends when the interface closes. (goja has
// no for-await: call next() in a loop.)
Interface.prototype[Symbol.asyncIterator] = function () {
  var self = this;
  var queue = [], waiting = [], done = false;
  function onLine(l) {
    var w = waiting.shift();
    if (w) w({ value: l, done: false });
    else queue.push(l);
  }
  function onClose() {
    done = true;
    while (waiting.length) waiting.shift()({ value: undefined, done: true });
  }
  this.on('line', onLine);
  this.on('close', onClose);
  var it = {
    next: function () {
      if (queue.length) return Promise.resolve({ value: queue.shift(), done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise(function (resolve) { waiting.push(resolve); });
    },
    return: function () {
      self.removeListener('line', onLine);
      self.removeListener('close', onClose);
      self.close();
      return Promise.resolve({ value: undefined, done: true });
    }
  };
  it[Symbol.asyncIterator] = function () { return this; };
  return it;
};

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

// ---- cursor helpers (ANSI escape sequences) ----------------------------------------

var CSI = '\x1b[';

function done(stream, s, cb) {
  if (stream === null || stream === undefined) {
    if (typeof cb === 'function') process.nextTick(cb, null);
    return true;
  }
  return stream.write(s, cb);
}

function cursorTo(stream, x, y, cb) {
  if (typeof y === 'function') { cb = y; y = undefined; }
  if (Number.isNaN(x) || Number.isNaN(y)) {
    var e = new TypeError('The argument \'x\' is invalid. Received NaN');
    e.code = 'ERR_INVALID_ARG_VALUE';
    throw e;
  }
  if (typeof x !== 'number') return done(null, '', cb) && (stream ? true : true);
  return done(stream, typeof y !== 'number' ? CSI + (x + 1) + 'G' : CSI + (y + 1) + ';' + (x + 1) + 'H', cb);
}

function moveCursor(stream, dx, dy, cb) {
  var s = '';
  if (dx < 0) s += CSI + -dx + 'D';
  else if (dx > 0) s += CSI + dx + 'C';
  if (dy < 0) s += CSI + -dy + 'A';
  else if (dy > 0) s += CSI + dy + 'B';
  if (s === '') {
    if (typeof cb === 'function') process.nextTick(cb, null);
    return true;
  }
  return done(stream, s, cb);
}

function clearLine(stream, dir, cb) {
  var s = dir < 0 ? CSI + '1K' : dir > 0 ? CSI + '0K' : CSI + '2K';
  return done(stream, s, cb);
}

function clearScreenDown(stream, cb) { return done(stream, CSI + '0J', cb); }

function emitKeypressEvents(stream) {
  if (!stream || stream._gonodeKeypress) return;
  stream._gonodeKeypress = true;
  var decoder = new StringDecoder('utf8');
  stream.on('data', function (chunk) {
    if (stream.listenerCount('keypress') === 0) return;
    var s = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    for (var i = 0; i < s.length; i++) {
      var ch = s[i];
      var key = { sequence: ch, name: /[a-z]/i.test(ch) ? ch.toLowerCase() : ch === '\r' ? 'return' : ch === '\n' ? 'enter' : ch === '\t' ? 'tab' : ch === ' ' ? 'space' : undefined, ctrl: false, meta: false, shift: /[A-Z]/.test(ch) };
      stream.emit('keypress', ch, key);
    }
  });
}

// ---- readline/promises ---------------------------------------------------------------

function PromisesInterface(input, output, completer, terminal) {
  if (!(this instanceof PromisesInterface)) return new PromisesInterface(input, output, completer, terminal);
  Interface.call(this, input, output, completer, terminal);
}
util.inherits(PromisesInterface, Interface);
PromisesInterface.prototype.question = function question(query, options) {
  var self = this;
  options = options || {};
  return new Promise(function (resolve, reject) {
    if (self.closed) return reject(useAfterClose());
    if (options.signal && options.signal.aborted) {
      var e = new Error('The operation was aborted');
      e.name = 'AbortError';
      e.code = 'ABORT_ERR';
      return reject(e);
    }
    Interface.prototype.question.call(self, query, options, resolve);
  });
};

var promises = {
  Interface: PromisesInterface,
  createInterface: function createInterface(input, output, completer, terminal) {
    return new PromisesInterface(input, output, completer, terminal);
  }
};

module.exports = {
  Interface: Interface,
  clearLine: clearLine,
  clearScreenDown: clearScreenDown,
  createInterface: createInterface,
  cursorTo: cursorTo,
  emitKeypressEvents: emitKeypressEvents,
  moveCursor: moveCursor,
  promises: promises
};
