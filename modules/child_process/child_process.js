// child_process: today's API and, as _create2009/_exec2009, node v0.1.21's
// process.createChildProcess and sys.exec. One native layer (binding.spawn,
// binding.spawnSync) serves both.
'use strict';

var EventEmitter = require('events');
// The stream module is big; node v0.1.21's children never need it.
var streamMod = null;
function streams() { return streamMod || (streamMod = require('stream')); }

function inherit(ctor, base) {
  ctor.prototype = Object.create(base.prototype, { constructor: { value: ctor, writable: true, configurable: true } });
}

function typeError(code, msg) {
  var e = new TypeError(msg);
  e.code = code;
  return e;
}

function describe(v) {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'function') return 'function ' + v.name;
  if (typeof v === 'object') return 'an instance of ' + ((v.constructor && v.constructor.name) || 'Object');
  return 'type ' + typeof v + ' (' + (typeof v === 'string' ? "'" + v + "'" : String(v)) + ')';
}

function envPairs(env) {
  var out = [];
  for (var k in env) {
    if (env[k] !== undefined) out.push(k + '=' + env[k]);
  }
  return out;
}

function stdioList(stdio) {
  if (stdio === undefined || stdio === null) return ['pipe', 'pipe', 'pipe'];
  if (typeof stdio === 'string') return [stdio, stdio, stdio];
  var out = [];
  for (var i = 0; i < 3; i++) {
    var s = stdio[i];
    if (s === undefined || s === null || s === 'pipe' || s === 'overlapped') out.push('pipe');
    else if (s === 'inherit' || s === 'ignore') out.push(s);
    else if (s === process.stdin || s === 0) out.push('fd0');
    else if (s === process.stdout || s === 1) out.push('fd1');
    else if (s === process.stderr || s === 2) out.push('fd2');
    else out.push('pipe');
  }
  return out;
}

// normalize(file, args, options) as node does: shell joins the words.
function normalize(file, args, options) {
  if (typeof file !== 'string') {
    throw typeError('ERR_INVALID_ARG_TYPE', 'The "file" argument must be of type string. Received ' + describe(file));
  }
  if (file.length === 0) {
    var e = new TypeError("The argument 'file' cannot be empty. Received ''");
    e.code = 'ERR_INVALID_ARG_VALUE';
    throw e;
  }
  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args === undefined || args === null) {
    args = [];
  } else if (typeof args === 'object') {
    options = args;
    args = [];
  } else {
    throw typeError('ERR_INVALID_ARG_TYPE', 'The "args" argument must be of type object. Received ' + describe(args));
  }
  options = Object.assign({}, options);
  args = args.map(String);
  if (options.shell) {
    var command = [file].concat(args).join(' ');
    file = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    args = ['-c', command];
  }
  return { file: file, args: args, options: options };
}

// ---------------------------------------------------------------- today

function ChildProcess() {
  EventEmitter.call(this);
  this.pid = undefined;
  this.exitCode = null;
  this.signalCode = null;
  this.killed = false;
  this.connected = false;
  this.stdin = null;
  this.stdout = null;
  this.stderr = null;
  this.stdio = [null, null, null];
  this.spawnfile = undefined;
  this.spawnargs = [];
  this._handle = null;
}
inherit(ChildProcess, EventEmitter);

function makeReadable(child, fd) {
  var r = new (streams().Readable)({
    read: function () { if (child._handle) child._handle.pauseRead(fd, false); }
  });
  r.fd = fd;
  return r;
}

function makeWritable(child) {
  var w = new (streams().Writable)({
    write: function (chunk, encoding, cb) {
      if (!child._handle || !child._handle.write(chunk, encoding, function (err) { cb(err || null); })) {
        var e = new Error('write EPIPE');
        e.code = 'EPIPE'; e.errno = -32; e.syscall = 'write';
        process.nextTick(cb, e);
      }
    },
    final: function (cb) {
      if (child._handle) child._handle.closeStdin();
      cb();
    },
    destroy: function (err, cb) {
      if (child._handle) child._handle.closeStdin();
      cb(err);
    }
  });
  w.fd = 0;
  return w;
}

ChildProcess.prototype.spawn = function (opts) {
  var self = this;
  var stdio = stdioList(opts.stdio);
  this.spawnfile = opts.file;
  this.spawnargs = [opts.file].concat(opts.args);
  var env = opts.envPairs;
  var h = binding.spawn({
    file: opts.file,
    args: opts.args,
    envPairs: env,
    cwd: opts.cwd,
    stdio: stdio,
    detached: !!opts.detached,
    uid: opts.uid,
    gid: opts.gid,
    onData: function (fd, chunk) {
      var s = fd === 1 ? self.stdout : self.stderr;
      if (s && !s.push(chunk) && chunk !== null && self._handle) self._handle.pauseRead(fd, true);
    },
    onExit: function (code, signal) {
      self._exitStatus = [code, signal];
      if (self.stdin) self.stdin.destroy();
      // Usually the pipes end right after the exit: wait a moment so the
      // streams' "end" comes first, as it does in node; a grandchild that
      // keeps a pipe open does not hold "exit" back for long.
      self._exitTimer = setTimeout(function () { emitExit(self); }, 250);
    }
  });
  if (h.error) {
    var err = h.error;
    process.nextTick(function () {
      self.emit('error', err);
      self.emit('close', err.errno, null);
    });
    return err;
  }
  this._handle = h;
  this.pid = h.pid;
  h.onClose = function () {
    process.nextTick(function () {
      emitExit(self);
      self._handle = null;
      self.emit('close', self.exitCode, self.signalCode);
    });
  };
  if (stdio[0] === 'pipe') this.stdin = makeWritable(this);
  if (stdio[1] === 'pipe') this.stdout = makeReadable(this, 1);
  if (stdio[2] === 'pipe') this.stderr = makeReadable(this, 2);
  this.stdio = [this.stdin, this.stdout, this.stderr];
  process.nextTick(function () { self.emit('spawn'); });
  return null;
};

function emitExit(child) {
  if (child._exitEmitted || !child._exitStatus) return;
  child._exitEmitted = true;
  clearTimeout(child._exitTimer);
  child.exitCode = child._exitStatus[0];
  child.signalCode = child._exitStatus[1];
  child.emit('exit', child.exitCode, child.signalCode);
}

ChildProcess.prototype.kill = function (sig) {
  if (!this._handle) return false;
  var ok = this._handle.kill(sig === undefined ? 'SIGTERM' : sig);
  if (ok) this.killed = true;
  return ok;
};
ChildProcess.prototype.ref = function () { return this; };
ChildProcess.prototype.unref = function () { return this; };
ChildProcess.prototype.disconnect = function () {};

function spawn(file, args, options) {
  var n = normalize(file, args, options);
  var o = n.options;
  var child = new ChildProcess();
  child.spawn({
    file: n.file, args: n.args, cwd: o.cwd, stdio: o.stdio, detached: o.detached, uid: o.uid, gid: o.gid,
    envPairs: envPairs(o.env || process.env)
  });
  if (o.timeout > 0 && child.pid !== undefined) {
    var t = setTimeout(function () { child.kill(o.killSignal || 'SIGTERM'); }, o.timeout);
    child.once('exit', function () { clearTimeout(t); });
  }
  return child;
}
exports.spawn = spawn;
exports.ChildProcess = ChildProcess;

function commandFailed(cmd, stderr) {
  return new Error('Command failed: ' + cmd + '\n' + stderr);
}

function concatOut(chunks, encoding) {
  var b = Buffer.concat(chunks);
  return encoding === 'buffer' ? b : b.toString(encoding);
}

function execFile(file, args, options, callback) {
  if (typeof args === 'function') { callback = args; args = []; options = {}; }
  else if (typeof options === 'function') {
    callback = options;
    if (Array.isArray(args) || args === null || args === undefined) options = {};
    else { options = args; args = []; }
  }
  if (args && !Array.isArray(args) && typeof args === 'object') { options = args; args = []; }
  options = Object.assign({ encoding: 'utf8', timeout: 0, maxBuffer: 1024 * 1024, killSignal: 'SIGTERM' }, options);
  var cmd = [file].concat(args || []).join(' ');
  var child = spawn(file, args, {
    cwd: options.cwd, env: options.env, shell: options.shell, uid: options.uid, gid: options.gid,
    detached: options.detached
  });
  var encoding = options.encoding && options.encoding !== 'buffer' ? options.encoding : 'buffer';
  var outs = [], errs = [], outLen = 0, errLen = 0, ex = null, killed = false, timer = null, finished = false;
  function kill() {
    killed = true;
    child.kill(options.killSignal);
  }
  function done(code, signal) {
    if (finished) return;
    finished = true;
    if (timer) clearTimeout(timer);
    if (typeof callback !== 'function') return;
    var stdout = concatOut(outs, encoding), stderr = concatOut(errs, encoding);
    if (!ex && code === 0 && signal === null) {
      callback(null, stdout, stderr);
      return;
    }
    var e = ex;
    if (!e) {
      e = commandFailed(cmd, stderr);
      e.code = code < 0 ? code : code;
      e.killed = child.killed || killed;
      e.signal = signal;
    }
    e.cmd = cmd;
    callback(e, stdout, stderr);
  }
  function limit(which, len) {
    if (len > options.maxBuffer && !ex) {
      ex = new RangeError(which + ' maxBuffer length exceeded');
      ex.code = 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER';
      kill();
    }
  }
  if (child.stdout) child.stdout.on('data', function (c) { outs.push(c); outLen += c.length; limit('stdout', outLen); });
  if (child.stderr) child.stderr.on('data', function (c) { errs.push(c); errLen += c.length; limit('stderr', errLen); });
  child.on('error', function (err) { ex = err; done(null, null); });
  child.on('close', function (code, signal) { done(code, signal); });
  if (options.timeout > 0) timer = setTimeout(kill, options.timeout);
  return child;
}
exports.execFile = execFile;

exports.exec = function (command, options, callback) {
  if (typeof options === 'function') { callback = options; options = {}; }
  options = Object.assign({}, options);
  options.shell = typeof options.shell === 'string' ? options.shell : true;
  return execFile(command, [], options, callback);
};

function syncResult(r, encoding) {
  if (encoding && encoding !== 'buffer') {
    if (r.stdout) r.stdout = binding.decode(r.stdout, encoding);
    if (r.stderr) r.stderr = binding.decode(r.stderr, encoding);
  }
  var out = {};
  if (r.error) out.error = r.error;
  out.status = r.status;
  out.signal = r.signal;
  out.output = r.error && !r.pid ? null : [null, r.stdout, r.stderr];
  out.pid = r.pid;
  out.stdout = r.error && !r.pid ? null : r.stdout;
  out.stderr = r.error && !r.pid ? null : r.stderr;
  return out;
}

function spawnSync(file, args, options) {
  var n = normalize(file, args, options);
  var o = n.options;
  var r = binding.spawnSync({
    file: n.file, args: n.args, cwd: o.cwd, stdio: stdioList(o.stdio), detached: o.detached,
    envPairs: envPairs(o.env || process.env), input: o.input, timeout: o.timeout,
    killSignal: o.killSignal, maxBuffer: o.maxBuffer === undefined ? 1024 * 1024 : o.maxBuffer,
    uid: o.uid, gid: o.gid
  });
  return syncResult(r, o.encoding);
}
exports.spawnSync = spawnSync;

function checkSync(r, cmd, options) {
  if (!options.stdio && r.stderr && r.stderr.length) process.stderr.write(r.stderr);
  if (r.error) {
    r.error.cmd = cmd;
    throw r.error;
  }
  if (r.status !== 0 || r.signal !== null) {
    var e = commandFailed(cmd, r.stderr ? binding.decode(r.stderr, 'utf8') : '');
    e.status = r.status;
    e.signal = r.signal;
    e.output = r.output;
    e.pid = r.pid;
    e.stdout = r.stdout;
    e.stderr = r.stderr;
    throw e;
  }
  return r.stdout;
}

exports.execFileSync = function (file, args, options) {
  if (args && !Array.isArray(args) && typeof args === 'object') { options = args; args = []; }
  options = Object.assign({}, options);
  var stdio = options.stdio;
  if (!stdio) options.stdio = ['pipe', 'pipe', 'pipe'];
  var r = spawnSync(file, args, options);
  options.stdio = stdio;
  return checkSync(r, [file].concat(args || []).join(' '), options);
};

exports.execSync = function (command, options) {
  options = Object.assign({}, options);
  var stdio = options.stdio;
  if (!stdio) options.stdio = ['pipe', 'pipe', 'pipe'];
  options.shell = typeof options.shell === 'string' ? options.shell : true;
  var r = spawnSync(command, [], options);
  options.stdio = stdio;
  return checkSync(r, command, options);
};

exports.fork = function () {
  throw new Error('child_process.fork is not supported by gonode (no IPC channel)');
};

// ---------------------------------------------------------------- 2009

// node v0.1.21's process.ChildProcess: "output" and "error" carry strings
// (UTF-8 decoded; null when the pipe closes), "exit" the code, and it comes
// after both pipes closed. A command that cannot be started behaves as
// v0.1.21's fork+execvp did: the child reports on stderr and exits 127.
function ChildProcess2009() {
  EventEmitter.call(this);
  this.pid = 0;
  this._handle = null;
}
inherit(ChildProcess2009, EventEmitter);

ChildProcess2009.prototype.write = function (data, encoding) {
  if (!this._handle) return false;
  return this._handle.write(String(data), encoding === undefined ? 'ascii' : encoding2009(encoding));
};
ChildProcess2009.prototype.close = function () {
  if (this._handle) this._handle.closeStdin();
};
ChildProcess2009.prototype.kill = function (sig) {
  if (!this._handle) return false;
  return this._handle.kill(sig === undefined ? 'SIGTERM' : sig);
};

// In v0.1.21 "error" was an ordinary event (a child's stderr data); it must
// not throw when nobody listens, as today's "error" does.
function emit2009(child, type, data) {
  if (type === 'error' && child.listeners('error').length === 0) return;
  child.emit(type, data);
}

function encoding2009(e) {
  e = String(e).toLowerCase();
  return e === 'utf8' ? 'utf8' : 'latin1';
}

exports._create2009 = function (command, args, env) {
  var child = new ChildProcess2009();
  var pairs = envPairs(env || process.ENV || process.env);
  var argv = [];
  if (args) for (var i = 0; i < args.length; i++) argv.push(String(args[i]));
  var exitCode = null;
  var h = binding.spawn({
    file: String(command), args: argv, envPairs: pairs, stdio: ['pipe', 'pipe', 'pipe'],
    onData: function (fd, chunk) { emit2009(child, fd === 1 ? 'output' : 'error', chunk); },
    onExit: function (code, signal) {
      exitCode = signal !== null ? 128 + binding.signalNumber(signal) : code;
    }
  });
  if (h.error) {
    var text = h.error.message.indexOf('ENOENT') >= 0 ? 'No such file or directory' :
      h.error.message.indexOf('EACCES') >= 0 ? 'Permission denied' : h.error.message;
    setTimeout(function () {
      emit2009(child, 'error', 'execvp(): ' + text + '\n');
      emit2009(child, 'output', null);
      emit2009(child, 'error', null);
      child.emit('exit', 127);
    }, 0);
    return child;
  }
  h.setEncoding(1, 'utf8');
  h.setEncoding(2, 'utf8');
  h.onClose = function () {
    child._handle = null;
    child.emit('exit', exitCode);
  };
  child._handle = h;
  child.pid = h.pid;
  return child;
};

// sys.exec(command): run through /bin/sh, buffer, and settle a promise:
// success (stdout, stderr), error (code, stdout, stderr).
exports._exec2009 = function (command) {
  var Promise2009 = require('events').Promise;
  var promise = new Promise2009();
  var child = exports._create2009('/bin/sh', ['-c', String(command)]);
  var stdout = '', stderr = '';
  child.addListener('output', function (chunk) { if (chunk) stdout += chunk; });
  child.addListener('error', function (chunk) { if (chunk) stderr += chunk; });
  child.addListener('exit', function (code) {
    if (code === 0) promise.emitSuccess(stdout, stderr);
    else promise.emitError(code, stdout, stderr);
  });
  return promise;
};
