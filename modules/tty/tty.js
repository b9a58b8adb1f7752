// tty: terminal detection. isatty(fd) asks the kernel; WriteStream answers
// colour questions from the environment the way node does (NO_COLOR,
// FORCE_COLOR, TERM, COLORTERM, CI).
'use strict';

var EventEmitter = require('events');
var util = require('util');

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && binding.isatty(fd);
}

function ReadStream(fd) {
  if (!(this instanceof ReadStream)) return new ReadStream(fd);
  EventEmitter.call(this);
  this.fd = fd;
  this.isRaw = false;
  this.isTTY = true;
}
util.inherits(ReadStream, EventEmitter);
ReadStream.prototype.setRawMode = function setRawMode(flag) {
  this.isRaw = !!flag;
  return this;
};

function WriteStream(fd) {
  if (!(this instanceof WriteStream)) return new WriteStream(fd);
  EventEmitter.call(this);
  this.fd = fd;
  this.isTTY = true;
  var size = binding.windowSize(fd);
  this.columns = size ? size[0] : 80;
  this.rows = size ? size[1] : 24;
}
util.inherits(WriteStream, EventEmitter);
WriteStream.prototype.isTTY = true;
WriteStream.prototype.getWindowSize = function getWindowSize() { return [this.columns, this.rows]; };
WriteStream.prototype.write = function write(chunk, encoding, cb) {
  var target = this.fd === 2 ? process.stderr : process.stdout;
  return target.write(chunk, encoding, cb);
};

var TERM_256 = /-256(colou?r)?$/i;
var TERM_16 = ['eterm', 'cons25', 'console', 'cygwin', 'dtterm', 'gnome', 'hurd', 'jfbterm', 'konsole', 'kterm', 'mlterm',
  'mosh', 'putty', 'st', 'rxvt', 'tmux', 'screen', 'terminator', 'xterm', 'linux', 'vt100', 'alacritty'];

// getColorDepth: 1, 4, 8 or 24 bits, from the environment.
WriteStream.prototype.getColorDepth = function getColorDepth(env) {
  env = env || process.env;
  if (env.FORCE_COLOR !== undefined) {
    switch (env.FORCE_COLOR) {
      case '': case '1': case 'true': return 4;
      case '2': return 8;
      case '3': return 24;
      default: return 1;
    }
  }
  if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined || env.TERM === 'dumb') return 1;
  if (env.TMUX) return 8;
  if (env.CI !== undefined) {
    var vendors = ['APPVEYOR', 'BUILDKITE', 'CIRCLECI', 'DRONE', 'GITHUB_ACTIONS', 'GITLAB_CI', 'TRAVIS'];
    for (var v = 0; v < vendors.length; v++) if (vendors[v] in env) return 8;
    return env.CI_NAME === 'codeship' ? 8 : 1;
  }
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 24;
  if (env.TERM) {
    if (TERM_256.test(env.TERM)) return 8;
    var t = env.TERM.toLowerCase();
    for (var i = 0; i < TERM_16.length; i++) if (t.indexOf(TERM_16[i]) === 0) return 4;
  }
  if (env.COLORTERM) return 4;
  return 1;
};

WriteStream.prototype.hasColors = function hasColors(count, env) {
  if (env === undefined && (count === undefined || (typeof count === 'object' && count !== null))) {
    env = count;
    count = 16;
  }
  return count <= Math.pow(2, this.getColorDepth(env));
};


exports.isatty = isatty;
exports.ReadStream = ReadStream;
exports.WriteStream = WriteStream;
