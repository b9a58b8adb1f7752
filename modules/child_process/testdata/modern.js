// Today's child_process, printed so that node v20 and gonode can be
// compared line by line. Steps run one after another.
const cp = require('child_process');
const steps = [];
function step(f) { steps.push(f); }
function next() { const f = steps.shift(); if (f) f(next); }

step(function (done) {
  const c = cp.spawn('cat');
  let out = '';
  c.stdout.setEncoding('utf8');
  c.stdout.on('data', (d) => { out += d; });
  c.stdout.on('end', () => console.log('cat stdout end', JSON.stringify(out)));
  c.on('exit', (code, sig) => console.log('cat exit', code, sig, c.exitCode, c.signalCode));
  c.on('close', (code, sig) => { console.log('cat close', code, sig); done(); });
  console.log('cat pid', typeof c.pid, c.pid > 0, c.spawnfile, JSON.stringify(c.spawnargs));
  console.log('cat write', c.stdin.write('hello '), c.stdin.write(new Uint8Array([0x77, 0xc3, 0xb6, 0x72, 0x6c, 0x64, 0x0a])));
  c.stdin.end();
});

step(function (done) {
  const c = cp.spawn('sh', ['-c', 'echo out; echo err >&2; exit 7']);
  let out = '', err = '';
  c.stdout.on('data', (d) => { out += d; });
  c.stderr.on('data', (d) => { err += d; });
  c.on('spawn', () => console.log('sh spawn'));
  c.on('close', (code, sig) => { console.log('sh close', code, sig, JSON.stringify(out), JSON.stringify(err)); done(); });
});

step(function (done) {
  const c = cp.spawn('nope-no-such-command', ['a']);
  console.log('nope pid', c.pid);
  c.on('error', (e) => console.log('nope error', e.message, e.code, e.errno, e.syscall, e.path, JSON.stringify(e.spawnargs)));
  c.on('exit', () => console.log('nope exit (unexpected)'));
  c.on('close', (code, sig) => { console.log('nope close', code, sig); done(); });
});

step(function (done) {
  const c = cp.spawn('sleep', ['10']);
  c.on('exit', (code, sig) => console.log('sleep exit', code, sig, c.killed));
  c.on('close', (code, sig) => { console.log('sleep close', code, sig, 'kill again', c.kill()); done(); });
  setTimeout(() => console.log('kill', c.kill()), 50);
});

step(function (done) {
  const c = cp.spawn('sleep', ['10']);
  c.on('close', (code, sig) => { console.log('sigkill close', code, sig); done(); });
  setTimeout(() => c.kill('SIGKILL'), 50);
});

step(function (done) {
  const c = cp.spawn('sh', ['-c', 'echo $GONODE_T $PWD'], { env: { GONODE_T: 'env-ok', PATH: process.env.PATH }, cwd: '/' });
  c.stdout.on('data', (d) => process.stdout.write('env ' + d));
  c.on('close', () => done());
});

step(function (done) {
  cp.exec('echo out; echo err >&2; exit 3', (e, so, se) => {
    console.log('exec fail', JSON.stringify(e.message), e.code, e.killed, e.signal, e.cmd, JSON.stringify(so), JSON.stringify(se));
    cp.exec('echo ok', (e2, so2, se2) => {
      console.log('exec ok', e2, JSON.stringify(so2), JSON.stringify(se2));
      done();
    });
  });
});

step(function (done) {
  cp.exec('sleep 5', { timeout: 100 }, (e) => {
    console.log('exec timeout', JSON.stringify(e.message), e.killed, e.signal, e.code);
    done();
  });
});

step(function (done) {
  cp.exec('head -c 3000 /dev/zero', { maxBuffer: 100 }, (e, so) => {
    console.log('exec maxBuffer', e.name, e.message, e.code);
    done();
  });
});

step(function (done) {
  cp.execFile('nope-no-such-command', ['x'], (e, so, se) => {
    console.log('execFile enoent', e.message, e.code, e.syscall, e.cmd, JSON.stringify(so), JSON.stringify(se));
    cp.execFile('sh', ['-c', 'printf "%s" "$0"; exit 2', 'arg0'], (e2, so2) => {
      console.log('execFile fail', JSON.stringify(e2.message), e2.code, JSON.stringify(so2));
      cp.execFile('echo', ['a', 'b'], { encoding: 'utf8' }, (e3, so3) => {
        console.log('execFile ok', e3, JSON.stringify(so3));
        done();
      });
    });
  });
});

step(function (done) {
  console.log('execSync', JSON.stringify(cp.execSync('echo sync', { encoding: 'utf8' })));
  console.log('execSync input', JSON.stringify(cp.execSync('tr a-z A-Z', { input: 'shout', encoding: 'utf8' })));
  try {
    cp.execSync('echo partial; echo bad >&2; exit 4', { stdio: 'pipe', encoding: 'utf8' });
  } catch (e) {
    console.log('execSync throws', JSON.stringify(e.message), e.status, e.signal, JSON.stringify(e.stdout), JSON.stringify(e.stderr));
  }
  console.log('execFileSync', JSON.stringify(cp.execFileSync('echo', ['x', 'y'], { encoding: 'utf8' })));
  const r = cp.spawnSync('sh', ['-c', 'echo a; echo b >&2; exit 5'], { encoding: 'utf8' });
  console.log('spawnSync', JSON.stringify(Object.keys(r)), r.status, r.signal, JSON.stringify(r.stdout), JSON.stringify(r.stderr), r.output.length, r.pid > 0);
  const r2 = cp.spawnSync('nope-no-such-command');
  console.log('spawnSync enoent', JSON.stringify(Object.keys(r2)), r2.status, r2.pid, r2.error.message, r2.error.code, r2.error.syscall, r2.stdout, r2.output);
  const r3 = cp.spawnSync('sleep', ['5'], { timeout: 100 });
  console.log('spawnSync timeout', r3.status, r3.signal, r3.error && r3.error.code);
  done();
});

next();
