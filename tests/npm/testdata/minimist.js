const parse = require('minimist');
console.log(parse(['-a', 'beep', '-b', 'boop']));
console.log(parse(['-x', '3', '-y', '4', '-n5', '-abc', '--beep=boop', 'foo', 'bar', 'baz']));
console.log(parse(['--no-color', '--num', '007', '--', '-x'], { string: ['num'], boolean: ['color'], '--': true }));
console.log(parse(['-h'], { alias: { h: 'help' }, default: { port: 80 } }));
console.log(parse(process.argv.slice(2)));
