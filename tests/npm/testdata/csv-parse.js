const parse = require('csv-parse/lib/sync');
console.log(parse('a,b\n1,"x,y"\n2,z\n', { columns: true }));
const p = require('csv-parse')({ delimiter: ';' }); const rows = [];
p.on('readable', () => { let r; while ((r = p.read()) !== null) rows.push(r); });
p.on('end', () => console.log(rows));
p.write('1;2\n3;4\n'); p.end();
