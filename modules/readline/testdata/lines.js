const readline = require('readline');
const { PassThrough } = require('stream');
const log = [];
function scenario(name, chunks, opts, then) {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.on('data', (d) => { written += d; });
  const rl = readline.createInterface(Object.assign({ input, output, terminal: false }, opts));
  rl.on('line', (l) => log.push(name + ' line ' + JSON.stringify(l)));
  rl.on('close', () => { log.push(name + ' close, output ' + JSON.stringify(written)); if (then) then(); });
  for (const c of chunks) input.write(c);
  input.end();
  return rl;
}
const euro = Buffer.from('€');
scenario('basic', ['one\ntwo\n', 'three'], {}, () => {
  scenario('crlf', ['a\r\nb\r', '\nc\rd\n\n'], {}, () => {
    scenario('utf8', [Buffer.concat([Buffer.from('x'), euro.subarray(0, 1)]), Buffer.concat([euro.subarray(1), Buffer.from('y\n')])], {}, () => {
      const input = new PassThrough();
      const output = new PassThrough();
      let out = '';
      output.on('data', (d) => { out += d; });
      const rl = readline.createInterface({ input, output, terminal: false, prompt: '$ ' });
      rl.setPrompt('>> ');
      console.log(rl.getPrompt(), rl.terminal);
      rl.prompt();
      rl.question('name? ', (answer) => {
        log.push('answer ' + answer + ' prompt after ' + rl.getPrompt());
        rl.on('line', (l) => log.push('after question line ' + l));
        input.end('rest\n');
      });
      rl.on('close', async () => {
        log.push('question output ' + JSON.stringify(out));
        try { rl.question('x', () => {}); } catch (e) { log.push('after close ' + e.code); }
        const p = require('readline/promises');
        const in2 = new PassThrough();
        const rl2 = p.createInterface({ input: in2, terminal: false });
        setTimeout(() => in2.write('42\n'), 5);
        const ans = await rl2.question('q? ');
        log.push('promise answer ' + ans);
        const it = rl2[Symbol.asyncIterator]();
        in2.write('l1\nl2\n');
        in2.end();
        for (;;) { const r = await it.next(); if (r.done) break; log.push('iter ' + r.value); }
        log.push('iter done');
        console.log(log.join('\n'));
      });
      input.write('Ada\n');
    });
  });
});
const s = new PassThrough(); let esc = '';
s.on('data', (d) => { esc += d; });
readline.cursorTo(s, 3); readline.cursorTo(s, 1, 2); readline.moveCursor(s, -2, 3); readline.moveCursor(s, 1, -1); readline.clearLine(s, 0); readline.clearLine(s, -1); readline.clearLine(s, 1); readline.clearScreenDown(s);
setTimeout(() => console.log(JSON.stringify(esc)), 1);
console.log(Object.keys(readline).sort(), typeof readline.promises.createInterface, require('node:readline/promises') === readline.promises);
