// process.stdout / stderr as Writable streams: ordering with console.log,
// Buffers and encodings, callbacks, the stream API surface.
'use strict';
const { Writable, Readable } = require('stream');
process.stdout.write('a');
console.log('b');
process.stdout.write(Buffer.from([0x63, 0x0a]));
process.stdout.write('d\n', () => console.log('write cb ran'));
process.stdout.write('68690a', 'hex');
process.stdout.write(new Uint8Array([0x65, 0x0a]));
console.log(process.stdout instanceof Writable, process.stderr instanceof Writable, process.stdin instanceof Readable);
console.log(process.stdout.fd, process.stderr.fd, process.stdin.fd, process.stdout.isTTY, process.stdout.writable, process.stdout._isStdio);
console.log(process.stdout.write('ret\n'), typeof process.stdout.on, typeof process.stdout.once, typeof process.stdout.end);
process.stderr.write('this goes to stderr\n');
process.stdout.on('finish', () => console.log('never before exit'));
const out = [];
require('stream').Readable.from(['piped ', 'into ', 'stdout\n']).pipe(process.stdout);
setTimeout(() => {
  console.log('stdout still writable after pipe end:', process.stdout.writable);
  process.stdout.write('last line\n');
}, 10);
