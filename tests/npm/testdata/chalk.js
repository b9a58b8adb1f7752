const chalk = require('chalk');
console.log(JSON.stringify(chalk.red('red')), chalk.level, JSON.stringify(new chalk.Instance({ level: 1 }).bold.green('x')));
