// setEncoding on received bytes, write with encodings, split UTF-8.
const net = require('net');
const bytes = Buffer.from([0x61, 0xff, 0xc3, 0xa9, 0xe2, 0x82, 0x62, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0x00, 0x7f, 0x80]);
const encs = ['utf8', 'latin1', 'binary', 'ascii', 'hex', 'base64', 'base64url', 'utf16le', null];
const results = {};
const server = net.createServer((s) => {
  // send byte by byte so multi-byte characters are split across chunks
  let i = 0;
  s.setNoDelay(true);
  const t = setInterval(() => {
    s.write(bytes.subarray(i, i + 1));
    if (++i === bytes.length) { clearInterval(t); s.end(); }
  }, 2);
});
server.listen(0, '127.0.0.1', () => {
  let left = encs.length;
  encs.forEach((enc) => {
    const c = net.connect(server.address().port, '127.0.0.1');
    if (enc) c.setEncoding(enc);
    const parts = [];
    c.on('data', (d) => parts.push(d));
    c.on('end', () => {
      const s = enc ? parts.join('') : Buffer.concat(parts).toString('hex');
      results[enc] = JSON.stringify(s);
      if (--left === 0) {
        encs.forEach((e) => console.log(e + ' ' + results[e]));
        writes();
      }
    });
  });
});
function writes() {
  const recv = net.createServer((s) => {
    const parts = [];
    s.on('data', (d) => parts.push(d));
    s.on('end', () => { console.log('written ' + Buffer.concat(parts).toString('hex')); server.close(); recv.close(); });
  });
  recv.listen(0, '127.0.0.1', () => {
    const c = net.connect(recv.address().port, '127.0.0.1', () => {
      c.write('\u00e9\u20ac');
      c.write('\u00e9\u0141', 'latin1');
      c.write('\u00e9', 'ascii');
      c.write('6869', 'hex');
      c.write('aGk=', 'base64');
      c.write('hi', 'utf16le');
      c.write('\ud800x');
      c.write(new Uint8Array([1, 2, 3]));
      c.end(Buffer.from('!'));
    });
  });
}
