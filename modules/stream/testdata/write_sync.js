// Synchronous writes as node v20.20 runs them: write()'s result is decided
// after _write ran (a chunk taken at once answers true, whatever its size,
// and no 'drain' is due), a write with no callback completes without a
// tick (object mode excepted), 'finish' after a write completes while
// ending comes a tick later, and a pipe into a synchronous sink does not
// pause for chunks above its high-water mark.
'use strict';
const { Writable } = require('stream');
const log = (...a) => console.log(...a);
// finish after an async write completes while ending: vs a tick the write cb schedules
const w = new Writable({ write(c, e, cb) { setTimeout(cb, 1); } });
w.on('prefinish', () => log('w prefinish'));
w.on('finish', () => log('w finish'));
w.write('a', () => { log('w write cb'); process.nextTick(() => log('w tick from write cb')); });
w.end();
// objectMode sync writes without callback
const o = new Writable({ objectMode: true, highWaterMark: 2, write(c, e, cb) { cb(); } });
o.on('drain', () => log('o drain'));
log('o writes', o.write(1), o.write(2), o.write(3), o._writableState.pendingcb);
process.nextTick(() => log('o pending after tick', o._writableState.pendingcb));
// sync write then async write then sync
const s = new Writable({ highWaterMark: 4, write(c, e, cb) { if (String(c) === 'slow') setTimeout(cb, 2); else cb(); } });
s.on('drain', () => log('s drain', s.writableLength));
log('s1', s.write('abcdef'), s.writableNeedDrain, s._writableState.pendingcb);
log('s2', s.write('slow'), s.writableNeedDrain, s.writableLength);
log('s3', s.write('x'), s.writableLength);
setTimeout(() => {
  log('s4', s.write('yyyyyy'), s.writableNeedDrain, s._writableState.pendingcb);
  s.end('z', () => log('s end cb'));
  s.on('finish', () => log('s finish'));
  process.nextTick(() => log('s tick after end'));
}, 10);
// write with same cb repeatedly (coalesced count)
const k = new Writable({ write(c, e, cb) { cb(); } });
const cbf = () => log('k cb');
k.write('a', cbf); k.write('b', cbf); log('k info', k._writableState.afterWriteTickInfo && k._writableState.afterWriteTickInfo.count, k._writableState.pendingcb);
// A pipe of big chunks into a synchronous sink.
const { Readable } = require('stream');
let n = 0;
const src = new Readable({ read() { n++; this.push(n <= 3 ? Buffer.alloc(40000, 97) : null); } });
const sink = new Writable({ write(c, e, cb) { log('sink', c.length, src.isPaused()); cb(); } });
sink.on('drain', () => log('sink drain'));
src.on('pause', () => log('src pause'));
src.on('resume', () => log('src resume'));
sink.on('finish', () => log('sink finish'));
src.pipe(sink);
