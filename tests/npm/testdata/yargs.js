const yargs = require('yargs/yargs');
const argv = yargs(['--name', 'x', '-v', '--num', '5', 'pos']).option('num', { type: 'number' }).parse();
console.log(argv.name, argv.v, argv.num, argv._);
