const yaml = require('js-yaml');
const doc = yaml.load('a: 1\nb: [x, y]\nc:\n  d: true\n  e: 2020-01-01\nf: |\n  multi\n  line\n');
console.log(doc, yaml.dump({ x: [1, { y: 'z' }], s: 'a: b' }));
