const u = require('util');
console.log(JSON.stringify(u.styleText('red', 'x')), JSON.stringify(u.styleText(['bold', 'underline'], 'y')), JSON.stringify(u.styleText('red', 'z', { validateStream: false })));
try { u.styleText('nope', 'x'); } catch (e) { console.log(e.name, e.code); }
try { u.styleText('red', 5); } catch (e) { console.log(e.name, e.code); }
console.log(u.parseEnv('A=1\nB="two words"\n# c\nC = 3 \nexport D=4\nE=\'q\'\nF=x#y\nG="a\\nb"\nH=\nI=`tick`\n  J = spaced  \n'));
console.log(u.isBuffer(Buffer.alloc(1)), u.isBuffer('x'), typeof u.log, u.transferableAbortSignal(AbortSignal.abort()).aborted);
const ac = new AbortController();
u.aborted(ac.signal, {}).then(() => console.log('aborted resolved'));
setTimeout(() => ac.abort(), 5);
console.log(u.inspect.colors.red, u.inspect.colors.grey, u.inspect.styles.string, Object.keys(u.inspect.colors).length);
const em = u.getSystemErrorMap();
console.log(em instanceof Map, [-1, -2, -9, -11, -13, -17, -22, -32, -98, -104, -110, -111].map((n) => em.get(n)));
