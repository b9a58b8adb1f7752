// More of today's child_process: shell option, buffers, inherit/ignore,
// bad cwd, stdin piping, kill by number, exit codes above 128.
const cp = require('child_process');
const steps = [];
function step(f) { steps.push(f); }
function next() { const f = steps.shift(); if (f) f(next); }

step((done) => {
  cp.exec('printf abc', { encoding: 'buffer' }, (e, so, se) => {
    console.log('buffer', e, Buffer.isBuffer(so), so.toString('hex'), Buffer.isBuffer(se), se.length);
    done();
  });
});
step((done) => {
  const c = cp.spawn('echo $((6*7))', { shell: true });
  c.stdout.setEncoding('utf8');
  c.stdout.on('data', (d) => console.log('shell', JSON.stringify(d), JSON.stringify(c.spawnargs)));
  c.on('close', (code) => { console.log('shell close', code); done(); });
});
step((done) => {
  const c = cp.spawn('sh', ['-c', 'echo hidden; echo hidden-err >&2'], { stdio: 'ignore' });
  console.log('ignore streams', c.stdin, c.stdout, c.stderr, c.stdio.length);
  c.on('close', (code) => { console.log('ignore close', code); done(); });
});
step((done) => {
  const c = cp.spawn('sh', ['-c', 'echo inherited'], { stdio: ['pipe', 'inherit', 'pipe'] });
  c.on('close', (code) => { console.log('inherit close', code, c.stdout, c.stdin !== null, c.stderr !== null); done(); });
});
step((done) => {
  const c = cp.spawn('pwd', [], { cwd: '/nonexistent-dir-xyz' });
  c.on('error', (e) => console.log('bad cwd', e.message, e.code, e.syscall, e.path));
  c.on('close', (code) => { console.log('bad cwd close', code); done(); });
});
step((done) => {
  const c = cp.spawn('sh', ['-c', 'exit 200']);
  c.on('exit', (code, sig) => console.log('exit 200', code, sig));
  c.on('close', () => done());
});
step((done) => {
  const c = cp.spawn('sleep', ['5']);
  c.on('exit', (code, sig) => { console.log('kill 9', code, sig, c.killed); done(); });
  setTimeout(() => console.log('kill returns', c.kill(9)), 30);
});
step((done) => {
  const c = cp.spawn('wc', ['-c']);
  let out = '';
  c.stdout.on('data', (d) => { out += d; });
  c.on('close', () => { console.log('wc', out.trim()); done(); });
  const big = Buffer.alloc(200000, 'q');
  c.stdin.write(big);
  c.stdin.end();
});
step((done) => {
  try { cp.spawn(); } catch (e) { console.log('no file', e.name, e.code, e.message); }
  try { cp.spawn('ls', 'notarray'); } catch (e) { console.log('bad args', e.name, e.code, e.message); }
  try { cp.execSync('exit 1', { stdio: 'pipe' }); } catch (e) { console.log('execSync status', e.status); }
  const r = cp.spawnSync('cat', { input: 'piped in' });
  console.log('spawnSync input', r.stdout.toString(), r.status);
  done();
});
next();
