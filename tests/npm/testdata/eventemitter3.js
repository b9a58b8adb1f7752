const EventEmitter = require('eventemitter3');
const e = new EventEmitter();
e.on('x', (a, b) => console.log('x', a, b));
e.once('x', () => console.log('once'));
const ctx = { name: 'ctx' };
e.on('y', function () { console.log('this', this.name); }, ctx);
console.log(e.emit('x', 1, 2), e.emit('x', 3, 4), e.emit('nothing'));
e.emit('y');
console.log(e.eventNames(), e.listenerCount('x'), e.listeners('x').length);
e.removeAllListeners('x');
console.log(e.listenerCount('x'), typeof EventEmitter.prefixed);
class Sub extends EventEmitter {}
const s = new Sub(); s.on('z', v => console.log('sub', v)); s.emit('z', 9);
