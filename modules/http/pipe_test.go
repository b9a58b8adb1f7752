package http_test

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"gonode/internal/testutil"
)

// TestPipeBackPressure: req.pipe(slowWritable) pauses the request while the
// destination is full and resumes on "drain"; every byte arrives.
func TestPipeBackPressure(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	script := testutil.WriteFile(t, dir, "pipe.js", `
const http = require('http');
const { Writable } = require('stream');
const server = http.createServer((req, res) => {
  let got = 0, pausedSeen = false, pipeEvent = false;
  const slow = new Writable({
    highWaterMark: 16 * 1024,
    write(chunk, enc, cb) {
      got += chunk.length;
      if (req.isPaused()) pausedSeen = true;
      setTimeout(cb, 1);
    }
  });
  slow.on('pipe', (src) => { pipeEvent = src === req; });
  slow.on('finish', () => {
    res.end(JSON.stringify({ got, pausedSeen, pipeEvent }));
  });
  req.pipe(slow);
});
server.listen(0, '127.0.0.1', () => console.log('listening ' + server.address().port));
`)
	p := testutil.Start(t, testutil.RunOpts{}, script)
	port := strings.TrimPrefix(p.WaitLine(t, "listening ", 10*time.Second), "listening ")
	body := bytes.Repeat([]byte("x"), 2<<20)
	client := &http.Client{Timeout: 60 * time.Second}
	resp, err := client.Post("http://127.0.0.1:"+port+"/", "application/octet-stream", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out bytes.Buffer
	out.ReadFrom(resp.Body)
	want := `{"got":` + strconv.Itoa(len(body)) + `,"pausedSeen":true,"pipeEvent":true}`
	if out.String() != want {
		t.Errorf("got %s, want %s", out.String(), want)
	}
}
