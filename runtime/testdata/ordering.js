setTimeout(function(){ console.log('timeout1'); process.nextTick(function(){ console.log('tick in timeout'); }); Promise.resolve().then(function(){ console.log('micro in timeout'); }); }, 0);
setTimeout(function(){ console.log('timeout2'); }, 0);
setImmediate(function(){ console.log('immediate'); });
process.nextTick(function(){ console.log('tick1'); Promise.resolve().then(function(){ console.log('micro from tick'); }); process.nextTick(function(){ console.log('tick nested'); }); });
Promise.resolve().then(function(){ console.log('micro1'); process.nextTick(function(){ console.log('tick from micro'); }); });
console.log('main');
var ee = new (require('events'))();
ee.on('error', function(e){ console.log('err', e.message); });
ee.emit('error', new Error('x'));
var e2 = new (require('events'))();
try { e2.emit('error', new Error('unhandled')); } catch (e) { console.log('threw', e.message); }
try { e2.emit('error', 'str'); } catch (e) { console.log('threw', e.message); }
e2.once('a', function(x){ console.log('once', x, this === e2); });
e2.emit('a', 1); e2.emit('a', 2);
console.log(e2.listenerCount('a'), e2.eventNames());
process.on('exit', function(c){ console.log('exit', c); });
