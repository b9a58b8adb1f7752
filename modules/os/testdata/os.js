// Facts that are stable between two runs a moment apart are printed as
// they are; moving ones (free memory, uptime, load, cpu times) by shape.
const os = require('os');
console.log(Object.keys(os).sort());
console.log(os.EOL === '\n', os.devNull, os.platform(), os.type(), os.release(), os.version(), os.arch(), os.machine(), os.endianness());
console.log(os.hostname(), os.homedir(), os.tmpdir(), os.totalmem(), os.availableParallelism());
console.log(os.userInfo());
console.log(typeof os.freemem(), os.freemem() > 0 && os.freemem() <= os.totalmem(), typeof os.uptime(), os.uptime() > 0);
console.log(os.loadavg().length, os.loadavg().every(n => typeof n === 'number' && n >= 0));
const cpus = os.cpus();
console.log(cpus.length, cpus.map(c => [c.model, Object.keys(c), Object.keys(c.times), typeof c.speed]));
console.log(cpus.every(c => Object.values(c.times).every(v => Number.isInteger(v) && v >= 0)));
console.log(os.networkInterfaces());
console.log(os.constants.signals.SIGINT, os.constants.signals.SIGTERM, os.constants.errno.ENOENT, os.constants.priority, Object.keys(os.constants));
console.log(Object.keys(os.constants.signals).length >= 30, os.getPriority(), os.getPriority(process.pid));
try { os.setPriority(0, 100); } catch (e) { console.log(e.name, e.code); }
const prev = process.env.TMPDIR; process.env.TMPDIR = '/var/tmp/'; console.log(os.tmpdir()); if (prev === undefined) delete process.env.TMPDIR; else process.env.TMPDIR = prev;
console.log(require('node:os') === os);
