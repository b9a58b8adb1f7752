// Joins list.js's output under node (argv[2]) and gonode (argv[3]) into
// the markdown module table of docs/compatibility.md.
const fs = require('fs');
const node = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const go = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const notes = JSON.parse(fs.readFileSync(__dirname + '/notes.json', 'utf8'));
const rows = [];
const details = [];
for (const m of Object.keys(node)) {
  const want = node[m];
  if (want === null) continue;
  const have = go[m];
  let status, missing = [];
  if (have === null || have === undefined) {
    status = 'missing';
    missing = want;
  } else {
    const h = new Set(have);
    missing = want.filter((n) => !h.has(n));
    status = missing.length === 0 ? 'done' : 'partial';
  }
  const n = notes[m] || '';
  if (status === 'done' && /partial:/i.test(n)) status = 'partial';
  const present = want.length - missing.length;
  rows.push('| `' + m + '` | ' + status + ' | ' + present + '/' + want.length + ' | ' + n + ' |');
  if (status === 'partial' && missing.length) details.push('- `' + m + '` lacks: ' + missing.map((x) => '`' + x + '`').join(', '));
  if (status === 'done' && want.length) details.push('- `' + m + '` has: ' + want.map((x) => '`' + x + '`').join(', '));
}
console.log('| module | status | names present | notes |');
console.log('|---|---|---|---|');
console.log(rows.join('\n'));
console.log('\n### Names per module\n');
console.log('For every partial module, the names node v20 exports that gonode does not; for every complete one, what it has.\n');
console.log(details.join('\n'));
