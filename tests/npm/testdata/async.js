const async = require('async');
// Everything timer-driven runs one step after another: started together,
// the completion order would depend on how busy the machine is, in node too.
function timerDriven() {
  async.series([
    cb => setTimeout(() => cb(null, 'one'), 10),
    cb => setImmediate(() => cb(null, 'two')),
  ], (err, res) => {
    console.log('series', err, res);
    async.parallel({ a: cb => cb(null, 1), b: cb => setTimeout(() => cb(null, 2), 5) }, (err, res) => {
      console.log('parallel', err, res);
      async.mapLimit([1, 2, 3, 4], 2, (x, cb) => setTimeout(() => cb(null, x * x), 5 - x), (err, r) => console.log('mapLimit', err, r));
    });
  });
}
async.waterfall([cb => cb(null, 1), (x, cb) => cb(null, x + 1), (x, cb) => cb(null, x * 10)], (err, r) => console.log('waterfall', err, r));
async.eachSeries([1, 2], (x, cb) => { console.log('each', x); cb(); }, err => console.log('eachSeries done', err));
(async () => {
  const r = await async.map([1, 2, 3], async x => x + 1);
  console.log('promise map', r);
  const q = async.queue((task, cb) => { console.log('queue', task.name); cb(); }, 1);
  q.push([{ name: 'a' }, { name: 'b' }]);
  await q.drain();
  console.log('queue drained');
  try { await async.series([async () => { throw new Error('bad'); }]); } catch (e) { console.log('caught', e.message); }
  timerDriven();
})();
