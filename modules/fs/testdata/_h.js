// Shared by the fs corpus: a fresh temp folder per script, removed at
// exit, and printers that hide its random name.
const fs = require('fs');
const path = require('path');
const base = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'gonode-fs-'));
process.on('exit', () => fs.rmSync(base, { recursive: true, force: true }));
function clean(s) { return typeof s === 'string' ? s.split(base).join('DIR') : s; }
function err(label, e) {
  if (!e) { console.log(label, 'no error'); return; }
  console.log(label, 'ERR', e.name, clean(e.message), e.code, e.errno, e.syscall, clean(e.path), clean(e.dest),
    JSON.stringify(Object.keys(e)), e instanceof Error);
}
function log(...a) { console.log(...a.map(clean)); }
function p(name) { return path.join(base, name); }
function fdCount() { return fs.readdirSync('/proc/self/fd').length; }
// steps run one after another so async output keeps its order
const steps = [];
function step(f) { steps.push(f); }
function run() { const f = steps.shift(); if (f) f(run); }
module.exports = { base, clean, err, log, p, fdCount, step, run };
