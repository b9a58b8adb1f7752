// The max-listeners warning: when it fires, its text, and that the limit
// comes from _maxListeners (a getMaxListeners() override does not count).
const EventEmitter = require('events');
process.on('warning', (w) => console.log(w.name, w.message));
class Low extends EventEmitter { getMaxListeners() { return 1; } }
const low = new Low();
for (let i = 0; i < 3; i++) low.on('a', () => {});
console.log('override: no warning above');
const nul = new EventEmitter();
nul._maxListeners = null;
for (let i = 0; i < 12; i++) nul.on('b', () => {});
console.log('null limit: no warning above');
const def = new EventEmitter();
for (let i = 0; i < 12; i++) def.on('c', () => {});
const own = new EventEmitter();
own.setMaxListeners(2);
for (let i = 0; i < 4; i++) own.prependListener('d', () => {});
const off = new EventEmitter();
off.setMaxListeners(0);
for (let i = 0; i < 20; i++) off.once('e', () => {});
EventEmitter.defaultMaxListeners = 3;
const low2 = new EventEmitter();
for (let i = 0; i < 4; i++) low2.addListener('f', () => {});
setTimeout(() => console.log('done'), 10);
