// Under the test harness no fd is a terminal; both runtimes must agree.
const tty = require('tty');
console.log(tty.isatty(0), tty.isatty(1), tty.isatty(2), tty.isatty(-1), tty.isatty(99), tty.isatty(1.5), tty.isatty('1'));
console.log(typeof tty.ReadStream, typeof tty.WriteStream, Object.keys(tty).sort());
const ws = Object.create(tty.WriteStream.prototype);
const envs = [{}, { TERM: 'xterm-256color' }, { TERM: 'xterm' }, { TERM: 'dumb' }, { COLORTERM: 'truecolor' }, { FORCE_COLOR: '0' },
  { FORCE_COLOR: '3' }, { NO_COLOR: '1', TERM: 'xterm' }, { CI: 'true' }, { TMUX: '1' }, { TERM: 'screen' }, { TERM: 'vt220' }];
for (const env of envs) console.log(JSON.stringify(env), ws.getColorDepth(env), ws.hasColors(env), ws.hasColors(256, env));
console.log(!!process.stdout.isTTY, !!process.stderr.isTTY);
console.log(ws.getColorDepth({ CI: "1", GITHUB_ACTIONS: "1" }), ws.getColorDepth({ CI: "1", CI_NAME: "codeship" }));
