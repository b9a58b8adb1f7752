// Back-pressure through the stream machinery: write() returns false once
// the peer stops reading, 'drain' follows when it reads again.
const net = require('net');
const chunk = Buffer.alloc(64 << 10, 'y');
const server = net.createServer({ pauseOnConnect: true }, (s) => {
  let n = 0;
  setTimeout(() => s.resume(), 200);
  s.on('data', (d) => { n += d.length; });
  s.on('end', () => { console.log('server got whole chunks ' + (n > 0 && n % chunk.length === 0)); s.end(); });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    let writes = 0;
    while (c.write(chunk)) writes++;
    console.log('write returned false after some writes ' + (writes > 0) + ' writableLength>0 ' + (c.writableLength > 0) + ' needDrain ' + c.writableNeedDrain);
    c.once('drain', () => {
      console.log('drain ' + c.writableLength + ' ' + c.writableNeedDrain);
      c.end(() => console.log('end callback'));
      c.total = (writes + 1) * chunk.length;
    });
  });
  c.on('finish', () => console.log('finish'));
  c.resume();
  c.on('close', (h) => { console.log('close ' + h + ' sent ' + (c.bytesWritten === c.total)); server.close(); });
});
