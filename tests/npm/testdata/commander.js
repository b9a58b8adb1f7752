const { Command } = require('commander');
const p = new Command();
p.name('tool').option('-d, --debug', 'debug').option('-p, --port <n>', 'port', '80').argument('[file]');
p.parse(['node', 'tool', '-d', '--port', '8080', 'f.txt']);
console.log(p.opts(), p.args);
console.log(p.helpInformation());
