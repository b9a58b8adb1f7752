// uuid@9 is the last CommonJS major (10+ is ESM-only).
const uuid = require('uuid');
const v4 = uuid.v4();
console.log(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(v4), uuid.validate(v4), uuid.version(v4));
console.log(uuid.v5('hello', uuid.v5.DNS), uuid.v3('hello', uuid.v3.URL));
console.log(uuid.NIL, uuid.validate('nope'));
console.log(Array.from(uuid.parse('6ba7b810-9dad-11d1-80b4-00c04fd430c8')));
console.log(uuid.stringify(uuid.parse('6ba7b810-9dad-11d1-80b4-00c04fd430c8')));
const v1 = uuid.v1({ msecs: 1e12, nsecs: 5, clockseq: 0x1234, node: [1, 2, 3, 4, 5, 6] });
console.log(v1, uuid.version(v1));
const a = new Set(); for (let i = 0; i < 1000; i++) a.add(uuid.v4()); console.log('unique', a.size);
