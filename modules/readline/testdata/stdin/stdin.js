// Reads process.stdin line by line (run with input by readline_test.go).
const rl = require('readline').createInterface({ input: process.stdin });
const lines = [];
rl.on('line', (l) => lines.push(l));
rl.on('close', () => console.log(lines.length, JSON.stringify(lines)));
