// Buffer extras: deprecated aliases, inspect, transcode, Blob and File.
'use strict';
const buffer = require('buffer');
const b = Buffer.from('abc');
console.log(b.parent === b.buffer, typeof b.offset, b.inspect(), require('util').inspect(Buffer.alloc(52, 1)));
console.log(buffer.transcode(Buffer.from('héllo'), 'utf8', 'latin1'), buffer.transcode(Buffer.from('h€😀'), 'utf8', 'ascii'), buffer.transcode(Buffer.from('hé'), 'utf8', 'ucs2'), buffer.transcode(Buffer.from('h\u00e9', 'latin1'), 'latin1', 'utf8'));
const { Blob, File } = buffer;
const bl = new Blob(['ab', Buffer.from('cd'), new Uint8Array([101]), new Blob(['f'])], { type: 'Text/Plain' });
console.log(bl.size, bl.type, Object.prototype.toString.call(bl), bl.slice(1, 3).size, bl.slice(-2).size, new Blob().size, new Blob(['x'], { type: 'é' }).type);
console.log(require('util').inspect(bl));
const f = new File(['x'], 'n.txt', { lastModified: 5, type: 'a/b' });
console.log(f.name, f.lastModified, f.size, f.type, f instanceof Blob, Object.prototype.toString.call(f));
try { new Blob('str'); } catch (e) { console.log(e.name, e.code); }
bl.text().then((t) => {
  console.log('text', t);
  return bl.arrayBuffer();
}).then((a) => {
  console.log('arrayBuffer', a.byteLength, a instanceof ArrayBuffer);
  return bl.slice(1, 3, 'X/Y').text();
}).then((t) => {
  console.log('slice', t);
  return bl.bytes();
}).then((u) => console.log('bytes', u));
