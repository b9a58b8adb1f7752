package http_test

import (
	"testing"

	"gonode/internal/difftest"
	"gonode/internal/testutil"
)

// The "upgrade" socket on both sides is a genuine net.Socket, under node
// v20 and gonode alike: the server's (req, socket, head) with bytes the
// client sent in the same packet as its request head, and the client's
// ClientRequest "upgrade" (res, socket, head) with bytes the server sent
// right after its 101. Both sides then talk through the stream surface
// ws uses (cork/uncork, write callbacks, unshift, pause/resume, end).
func TestUpgradeSocketVsNode(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	script := testutil.WriteFile(t, dir, "upgrade_socket.js", `
const http = require('http'), net = require('net');
// The server's events go to log, printed once both sockets of an exchange
// closed: across two sockets the order is timing.
const log = [];
let pending = 0, then = null;
function closed() { if (--pending === 0) then(); }
const srv = http.createServer((req, res) => res.end('plain'));
srv.on('upgrade', (req, socket, head) => {
  log.push('server upgrade ' + req.url + ' ' + req.headers.upgrade + ' head=' + JSON.stringify(String(head)));
  log.push('server socket ' + (socket instanceof net.Socket) + ' ' + socket.readable + ' ' + socket.writable + ' ' +
    (req.socket === socket) + ' ' + (socket.server === srv) + ' ' + typeof socket._readableState + ' ' + typeof socket.setNoDelay);
  socket.setNoDelay();
  socket.setTimeout(0);
  if (head.length) socket.unshift(head);
  socket.cork();
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n');
  socket.write('early;', () => log.push('server write cb'));
  socket.uncork();
  let got = '';
  socket.on('data', (d) => {
    got += d;
    if (got.endsWith('bye')) socket.end('server-bye');
    else socket.write(String(d).toUpperCase());
  });
  socket.on('end', () => log.push('server end ' + JSON.stringify(got)));
  socket.on('close', () => { log.push('server close'); closed(); });
});
srv.listen(0, '127.0.0.1', () => {
  const port = srv.address().port;
  // A raw client: the request head and the first bytes in one write.
  pending = 2;
  then = client;
  const raw = net.connect(port, '127.0.0.1', () => {
    raw.write('GET /raw HTTP/1.1\r\nHost: x\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\nfirst;');
  });
  let rawGot = '';
  raw.on('data', (d) => {
    rawGot += d;
    if (rawGot.endsWith('FIRST;')) raw.end('bye');
  });
  raw.on('close', () => {
    console.log('raw got', JSON.stringify(rawGot.replace(/\r\n/g, '|')));
    closed();
  });
  function client() {
    pending = 2;
    then = () => srv.close(() => console.log(log.join('\n') + '\nserver closed'));
    const req = http.request({ host: '127.0.0.1', port, path: '/client', headers: { Connection: 'Upgrade', Upgrade: 'echo' } });
    req.on('response', (res) => console.log('unexpected response', res.statusCode));
    req.on('upgrade', (res, socket, head) => {
      console.log('client upgrade', res.statusCode, res.headers.upgrade, socket instanceof net.Socket, socket.readable, socket.writable);
      if (head.length) socket.unshift(head);
      socket.setEncoding('utf8');
      let got = '';
      socket.on('data', (d) => {
        got += d;
        if (got === 'early;') { socket.pause(); setTimeout(() => { socket.resume(); socket.write('hello'); }, 10); }
        if (got.endsWith('HELLO')) socket.write('bye');
      });
      socket.on('end', () => console.log('client end', JSON.stringify(got)));
      socket.on('close', () => {
        console.log('client close');
        closed();
      });
    });
    req.end();
  }
});
`)
	difftest.Compare(t, script)
}
