// Calls without their callback throw node's TypeError naming what stood there.
const fs = require('fs');
for (const [name, args] of [['unlink', ['x']], ['unlink', ['x', 5]], ['rename', ['a', 'b']], ['access', ['x']], ['readdir', ['.']], ['mkdir', ['x']], ['copyFile', ['a', 'b']], ['open', ['x']], ['writeFile', ['x', 'd']], ['readFile', ['x', 'utf8']], ['fstat', [1]], ['lstat', ['x']], ['realpath', ['.']], ['exists', ['.']], ['read', [0, Buffer.alloc(1), 0, 1, 0]], ['write', [1, 'x']]]) {
  try { fs[name](...args); console.log(name, 'no throw'); } catch (e) { console.log(name, e.name, e.code, e.message); }
}
