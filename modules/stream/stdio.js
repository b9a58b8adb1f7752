// process.stdout / process.stderr / process.stdin as streams (the
// "internal/stdio" module; bootstrap.js installs them on first access).
'use strict';

var stream = require('stream');
var Writable = stream.Writable, Readable = stream.Readable;

function makeOutput(fd, write) {
  var out = new Writable({
    decodeStrings: false,
    write: function (chunk, encoding, cb) {
      if (typeof chunk === 'string' && encoding && encoding !== 'utf8' && encoding !== 'utf-8' && encoding !== 'buffer') {
        chunk = Buffer.from(chunk, encoding);
      }
      write(chunk);
      cb();
    }
  });
  out.fd = fd;
  out._type = binding.isatty(fd) ? 'tty' : 'pipe';
  out._isStdio = true;
  // stdout and stderr are never really closed: destroy() ends the stream
  // object but leaves the file descriptor alone, as in node.
  out._destroy = function (err, cb) { cb(err); };
  if (binding.isatty(fd)) {
    out.isTTY = true;
    var size = binding.winsize(fd);
    if (size) {
      out.columns = size[0];
      out.rows = size[1];
    }
    out.getWindowSize = function () { return [this.columns, this.rows]; };
    out.hasColors = function () { return true; };
    out.getColorDepth = function () { return 8; };
  }
  return out;
}

var stdout = makeOutput(1, binding.writeOut);
var stderr = makeOutput(2, binding.writeErr);

var stdin = new Readable({
  highWaterMark: 64 * 1024,
  read: function () { binding.stdinRead(); }
});
stdin.fd = 0;
if (binding.isatty(0)) {
  stdin.isTTY = true;
  stdin.isRaw = false;
  stdin.setRawMode = function (mode) { this.isRaw = !!mode; return this; };
}
binding.stdinInit(function (chunk, err) {
  if (chunk !== null) stdin.push(chunk);
  else if (err) stdin.destroy(new Error(err));
  else stdin.push(null);
});
// A paused stdin does not keep the process alive (node's readStop).
stdin.pause = function () {
  binding.stdinRef(false);
  return Readable.prototype.pause.call(this);
};
stdin.resume = function () {
  binding.stdinRef(true);
  return Readable.prototype.resume.call(this);
};

module.exports = { stdout: stdout, stderr: stderr, stdin: stdin };
