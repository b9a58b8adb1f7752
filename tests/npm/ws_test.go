package npm

import (
	"os"
	"path/filepath"
	"testing"

	"gonode/internal/testutil"
)

// wsWithGonodeClient runs npm's ws as a server inside gonode and
// talks to it with gonode's own global WebSocket (the browser API), in one
// process. node v20 has no global WebSocket, so this is gonode-only and
// checks the exchange itself.
func wsWithGonodeClient(t *testing.T, dir string) {
	src, err := os.ReadFile(filepath.Join("testdata", "gonode-only", "ws_client.js"))
	if err != nil {
		t.Fatal(err)
	}
	script := testutil.WriteFile(t, dir, "ws_client.js", string(src))
	r := testutil.Run(t, testutil.RunOpts{Dir: dir}, script)
	want := "listening\nserver connection /chat\nclient open\nserver got hello\nclient got echo:hello\nclient close 1000 bye\nserver closed\n"
	if r.Stdout != want || r.Code != 0 {
		if ws := knownGaps["ws"]; ws != "" {
			t.Skipf("known gap (%s): exit %d\nstdout:\n%s\nstderr:\n%s", ws, r.Code, r.Stdout, clip(r.Stderr))
		}
		t.Fatalf("exit %d\nstdout:\n%s\nwant:\n%s\nstderr:\n%s", r.Code, r.Stdout, want, r.Stderr)
	}
}

// wsClientGonodeServer runs npm's ws as a client against gonode's own
// websocket server (the `websocket` module), in one process.
func wsClientGonodeServer(t *testing.T, dir string) {
	src, err := os.ReadFile(filepath.Join("testdata", "gonode-only", "ws_gonode_server.js"))
	if err != nil {
		t.Fatal(err)
	}
	script := testutil.WriteFile(t, dir, "ws_gonode_server.js", string(src))
	r := testutil.Run(t, testutil.RunOpts{Dir: dir}, script)
	want := "listening\nserver connection /room?x=1\nclient open\nclient got false echo hello\nclient got true 1,2,3\nserver close 1000 bye\nclient close 1000 bye\n"
	if r.Stdout != want || r.Code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nwant:\n%s\nstderr:\n%s", r.Code, r.Stdout, want, r.Stderr)
	}
}

func clip(s string) string {
	if len(s) > 3000 {
		return s[:3000] + "…"
	}
	return s
}
