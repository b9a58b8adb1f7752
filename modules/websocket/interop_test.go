package websocket_test

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"gonode/internal/testutil"
)

var (
	wsOnce sync.Once
	wsDir  string
	wsErr  error
)

// npmWS installs the npm package ws (a WebSocket implementation nobody here
// wrote) once per test run and returns its node_modules folder.
func npmWS(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not installed: interop with npm ws skipped")
	}
	if _, err := exec.LookPath("npm"); err != nil {
		t.Skip("npm is not installed: interop with npm ws skipped")
	}
	wsOnce.Do(func() {
		wsDir, wsErr = os.MkdirTemp("", "gonode-ws-npm-")
		if wsErr != nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, "npm", "install", "ws@8", "--no-audit", "--no-fund", "--silent")
		cmd.Dir = wsDir
		if out, err := cmd.CombinedOutput(); err != nil {
			wsErr = err
			wsDir = string(out)
		}
	})
	if wsErr != nil {
		t.Fatalf("npm install ws@8: %v\n%s", wsErr, wsDir)
	}
	return filepath.Join(wsDir, "node_modules")
}

func TestInteropNodeWSClient(t *testing.T) {
	t.Parallel()
	nm := npmWS(t)
	p, url := startRoom(t, `{"protocols":["chat"]}`)
	script := testutil.WriteFile(t, t.TempDir(), "client.js", `
const WebSocket = require('ws');
const ws = new WebSocket(process.argv[2] + '/node?x=1', ['chat']);
const out = [];
ws.on('open', () => {
  out.push('open ' + ws.protocol);
  ws.send('echo:héllo');
  ws.send(Buffer.from([9, 8, 7]));
});
ws.on('message', (data, isBinary) => {
  out.push((isBinary ? 'bin ' + [...data].join(',') : 'text ' + data.toString()));
  if (out.length === 3) ws.close(4000, 'done');
});
ws.on('close', (code, reason) => { out.push('close ' + code + ' ' + reason); console.log(out.join('\n')); });
ws.on('error', (e) => { console.log('error ' + e.message); });
`)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", script, url)
	cmd.Env = append(os.Environ(), "NODE_PATH="+nm)
	out, err := cmd.CombinedOutput()
	want := "open chat\ntext héllo\nbin 9,8,7\nclose 4000 done\n"
	if err != nil || string(out) != want {
		t.Fatalf("node ws client: %v\n%s\nwant:\n%s", err, out, want)
	}
	p.WaitLine(t, "path=/node?x=1 proto=chat", 5*time.Second)
	p.WaitLine(t, " 4000 done", 5*time.Second)
}

func TestInteropGonodeClientNodeWSServer(t *testing.T) {
	t.Parallel()
	nm := npmWS(t)
	server := testutil.WriteFile(t, t.TempDir(), "server.js", `
const { WebSocketServer } = require('ws');
const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', handleProtocols: (ps) => ps.has('two') ? 'two' : false });
wss.on('listening', () => console.log('listening ' + wss.address().port));
wss.on('connection', (ws, req) => {
  ws.on('message', (data, isBinary) => {
    if (!isBinary && data.toString() === 'close please') { ws.close(4100, 'as you wish'); return; }
    ws.send(data, { binary: isBinary });
  });
  ws.on('close', (code, reason) => console.log('server saw close ' + code + ' ' + reason));
});
`)
	cmd := exec.Command("node", server)
	cmd.Env = append(os.Environ(), "NODE_PATH="+nm)
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	sc := bufio.NewScanner(stdout)
	if !sc.Scan() || !strings.HasPrefix(sc.Text(), "listening ") {
		t.Fatalf("node ws server did not start: %q", sc.Text())
	}
	port := strings.TrimPrefix(sc.Text(), "listening ")
	lines := make(chan string, 10)
	go func() {
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	client := testutil.WriteFile(t, t.TempDir(), "client.js", `
var ws = new WebSocket('ws://127.0.0.1:' + process.argv[2] + '/', ['one', 'two']);
var n = 0;
ws.onopen = function () { console.log('open', ws.protocol); ws.send('hi there'); ws.send(new Uint8Array([1, 2, 250]).buffer); };
ws.onmessage = function (e) {
  n++;
  console.log(typeof e.data === 'string' ? 'text ' + e.data : 'binary ' + new Uint8Array(e.data).join(','));
  if (n === 2) ws.send('close please');
};
ws.onclose = function (e) { console.log('close', e.code, e.reason, e.wasClean); };
`)
	res := testutil.Run(t, testutil.RunOpts{}, client, port)
	want := "open two\ntext hi there\nbinary 1,2,250\nclose 4100 as you wish true\n"
	if res.Stdout != want || res.Code != 0 {
		t.Fatalf("gonode client vs node ws: code %d\n%s\nstderr %s\nwant:\n%s", res.Code, res.Stdout, res.Stderr, want)
	}
	select {
	case l := <-lines:
		if l != "server saw close 4100 as you wish" {
			t.Fatalf("node server: %q", l)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("node server saw no close")
	}
}
