// node v0.1.21's child processes: process.createChildProcess and sys.exec.
var sys = require('sys');
var steps = [];
function step(f) { steps.push(f); }
function next() { var f = steps.shift(); if (f) f(next); }

step(function (done) {
  var c = process.createChildProcess('cat');
  var out = [], seen = [];
  c.addListener('output', function (d) { seen.push('output:' + (d === null ? 'null' : 'data')); if (d !== null) out.push(d); });
  c.addListener('error', function (d) { seen.push('error:' + (d === null ? 'null' : 'data')); });
  c.addListener('exit', function (code) {
    seen.push('exit');
    sys.puts('cat exit ' + code + ' ' + JSON.stringify(out.join('')));
    // exit comes after both pipes said null
    var at = seen.length - 1;
    sys.puts('cat order ' + (seen.indexOf('output:null') >= 0 && seen.indexOf('output:null') < at) + ' ' +
      (seen.indexOf('error:null') >= 0 && seen.indexOf('error:null') < at));
    done();
  });
  sys.puts('cat pid ' + (typeof c.pid) + ' ' + (c.pid > 0));
  c.write('hello ');
  c.write('w\u00f6rld', 'utf8');
  c.write(' \u00e9', 'binary');
  c.close();
});

step(function (done) {
  var c = process.createChildProcess('sh', ['-c', 'echo $$; echo oops >&2; exit 7']);
  var out = '', err = '';
  c.addListener('output', function (d) { if (d) out += d; });
  c.addListener('error', function (d) { if (d) err += d; });
  c.addListener('exit', function (code) {
    sys.puts('sh exit ' + code + ' pidmatch ' + (parseInt(out, 10) === c.pid) + ' stderr ' + JSON.stringify(err));
    done();
  });
});

step(function (done) {
  var c = process.createChildProcess('sh', ['-c', 'echo $GREETING'], { GREETING: 'env works', PATH: process.ENV.PATH });
  var out = '';
  c.addListener('output', function (d) { if (d) out += d; });
  c.addListener('exit', function (code) { sys.puts('env ' + code + ' ' + JSON.stringify(out)); done(); });
});

step(function (done) {
  var c = process.createChildProcess('sleep', ['10']);
  c.addListener('exit', function (code) { sys.puts('kill exit ' + code); done(); });
  setTimeout(function () { c.kill(); }, 50);
});

step(function (done) {
  var c = process.createChildProcess('sleep', ['10']);
  c.addListener('exit', function (code) { sys.puts('kill SIGKILL exit ' + code); done(); });
  setTimeout(function () { c.kill('SIGKILL'); }, 50);
});

step(function (done) {
  var c = process.createChildProcess('no-such-command-2009');
  var err = '';
  c.addListener('error', function (d) { if (d) err += d; });
  c.addListener('exit', function (code) { sys.puts('missing exit ' + code + ' ' + JSON.stringify(err)); done(); });
});

step(function (done) {
  // no "error" listener: stderr output must not throw
  var c = process.createChildProcess('sh', ['-c', 'echo quiet >&2']);
  c.addListener('exit', function (code) { sys.puts('no error listener exit ' + code); done(); });
});

step(function (done) {
  sys.exec('echo out; echo err >&2').addCallback(function (stdout, stderr) {
    sys.puts('exec success ' + JSON.stringify(stdout) + ' ' + JSON.stringify(stderr));
    sys.exec('echo partial; echo bad >&2; exit 3').addErrback(function (code, stdout, stderr) {
      sys.puts('exec failure ' + code + ' ' + JSON.stringify(stdout) + ' ' + JSON.stringify(stderr));
      var v = sys.exec('echo waited').wait();
      sys.puts('exec wait ' + JSON.stringify(v));
      done();
    });
  });
});

next();
