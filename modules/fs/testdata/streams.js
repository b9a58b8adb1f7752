const fs = require('fs');
const { err, log, p, step, run } = require('./_h');
fs.writeFileSync(p('r.txt'), 'abcdefghijklmnopqrstuvwxyz');

step((next) => {
  const events = [];
  const rs = fs.createReadStream(p('r.txt'), { highWaterMark: 10 });
  rs.on('open', (fd) => events.push('open:' + typeof fd));
  rs.on('ready', () => events.push('ready'));
  rs.on('data', (d) => events.push('data:' + Buffer.isBuffer(d) + ':' + d.toString()));
  rs.on('end', () => events.push('end'));
  rs.on('close', () => { events.push('close'); log('read stream', events.join(' '), rs.bytesRead); next(); });
});
step((next) => {
  const chunks = [];
  const rs = fs.createReadStream(p('r.txt'), { start: 2, end: 5, encoding: 'utf8' });
  rs.on('data', (d) => chunks.push(typeof d + ':' + d));
  rs.on('end', () => { log('start/end', chunks.join(',')); });
  rs.on('close', next);
});
step((next) => {
  const rs = fs.createReadStream(p('missing.txt'));
  rs.on('error', (e) => { err('read stream missing', e); });
  rs.on('close', () => { log('read stream missing closed'); next(); });
});
step((next) => {
  const events = [];
  const ws = fs.createWriteStream(p('w.txt'));
  ws.on('open', () => events.push('open'));
  ws.on('ready', () => events.push('ready'));
  ws.on('finish', () => events.push('finish'));
  ws.on('close', () => {
    events.push('close');
    log('write stream', events.join(' '), ws.bytesWritten, JSON.stringify(fs.readFileSync(p('w.txt'), 'utf8')));
    next();
  });
  log('write returns', ws.write('hello '), ws.write(Buffer.from('wörld')));
  ws.end('!\n', () => events.push('end cb'));
});
step((next) => {
  const ws = fs.createWriteStream(p('w.txt'), { flags: 'a' });
  ws.end('appended\n');
  ws.on('close', () => { log('append stream', JSON.stringify(fs.readFileSync(p('w.txt'), 'utf8'))); next(); });
});
step((next) => {
  const ws = fs.createWriteStream(p('no/such/dir.txt'));
  ws.on('error', (e) => err('write stream missing dir', e));
  ws.on('close', () => { log('write stream missing closed'); next(); });
  ws.write('x');
});
step((next) => {
  const big = Buffer.alloc(300000, 'z');
  fs.writeFileSync(p('big.bin'), big);
  const rs = fs.createReadStream(p('big.bin'));
  const ws = fs.createWriteStream(p('big.copy'));
  rs.pipe(ws);
  ws.on('finish', () => {
    log('pipe', fs.readFileSync(p('big.copy')).equals(big));
  });
  let closed = 0;
  const both = () => { if (++closed === 2) next(); };
  rs.on('close', both);
  ws.on('close', both);
});
run();
