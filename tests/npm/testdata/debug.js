// debug writes to stderr; the comparison is on stdout, so log through it.
process.env.DEBUG = 'app:*,-app:quiet';
const debug = require('debug');
debug.log = (...args) => console.log(...args);
const log = debug('app:main');
const quiet = debug('app:quiet');
console.log(log.enabled, quiet.enabled, debug.enabled('app:x'), debug.enabled('other'));
log.useColors = false;
debug.formatters.h = v => v.toString(16);
const out = [];
log.log = (...args) => out.push(args.join(' ').replace(/^\S+ /, '<date> ').replace(/ \+\d+m?s$/, ' +Nms'));
log('hello %s %d %o %h', 'world', 42, { a: 1 }, 255);
console.log(out);
console.log(typeof debug.humanize, debug.humanize(1500));
debug.disable();
console.log(log.enabled);
