package fs_test

import (
	"fmt"
	"strings"
	"testing"

	"gonode/internal/difftest"
	"gonode/internal/testutil"
)

func TestMain(m *testing.M) { testutil.Main(m) }

// Every script in testdata prints what it observes of fs (results, error
// objects' name/message/code/errno/syscall/path/keys, event order, fd
// counts); node v20 and gonode must print the same.
func TestCorpusMatchesNode(t *testing.T) { difftest.RunDir(t, "testdata") }

// gonode's own descriptor accounting (node keeps some of its own open
// lazily, so this one is not differential): streams, errors, promises and
// callbacks all give their descriptors back.
func TestNoDescriptorLeak(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	testutil.WriteFile(t, dir, "a.txt", strings.Repeat("a", 200000))
	r := testutil.Run(t, testutil.RunOpts{Dir: dir}, "-e", `
const fs = require('fs');
const count = () => fs.readdirSync('/proc/self/fd').length;
const before = count();
let left = 0;
function done() { if (--left === 0) setTimeout(() => console.log('before=' + before + ' after=' + count()), 20); }
for (let i = 0; i < 20; i++) {
  left += 8;
  fs.readFile('a.txt', done);
  fs.readFile('missing', () => done());
  fs.promises.readFile('a.txt').then(done);
  fs.promises.open('a.txt').then((h) => h.close()).then(done);
  const rs = fs.createReadStream('a.txt'), ws = fs.createWriteStream('copy' + i);
  rs.pipe(ws);
  let c = 0;
  rs.on('close', () => { if (++c === 2) done(); });
  ws.on('close', () => { if (++c === 2) done(); });
  fs.createReadStream('missing').on('error', () => {}).on('close', done);
  fs.open('a.txt', (e, fd) => fs.close(fd, done));
  fs.createWriteStream('nodir/x').on('error', () => {}).on('close', done);
}`)
	var before, after int
	if _, err := fmt.Sscanf(r.Stdout, "before=%d after=%d\n", &before, &after); err != nil || r.Code != 0 {
		t.Fatalf("stdout %q stderr %q: %v", r.Stdout, r.Stderr, err)
	}
	if before != after {
		t.Fatalf("fds before %d, after %d", before, after)
	}
}
