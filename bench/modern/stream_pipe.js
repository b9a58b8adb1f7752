// Pipes 100 MiB (by default) from a Readable through a PassThrough into a
// Writable that discards, with default high-water marks: the stream
// machinery's per-chunk cost, back-pressure included.
// Usage: <runtime> stream_pipe.js [MiB] [chunkKiB]
'use strict';
const { Readable, PassThrough, Writable, pipeline } = require('stream');
const mib = Number(process.argv[2] || 100);
const chunkKiB = Number(process.argv[3] || 64);
const total = mib * 1024 * 1024;
const chunk = Buffer.alloc(chunkKiB * 1024, 120);
let sent = 0, received = 0;
const src = new Readable({
  read() {
    while (sent < total) {
      sent += chunk.length;
      if (!this.push(chunk)) return;
    }
    this.push(null);
  }
});
const sink = new Writable({
  write(c, enc, cb) {
    received += c.length;
    cb();
  }
});
const start = process.hrtime.bigint();
pipeline(src, new PassThrough(), sink, (err) => {
  if (err) throw err;
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  if (received !== total) throw new Error('lost bytes: ' + received);
  console.log('stream_pipe_MiBps ' + (mib / s).toFixed(1));
});
