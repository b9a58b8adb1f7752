package stream_test

import (
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"

	"github.com/dop251/goja"

	"gonode/internal/testutil"
	_ "gonode/modules/all"
	"gonode/runtime"
)

// BenchmarkPipe runs bench/modern/stream_pipe.js (128 MiB per op)
// in-process, for profiling the stream machinery.
func BenchmarkPipe(b *testing.B) {
	src, err := os.ReadFile(filepath.Join(testutil.RepoRoot(), "bench", "modern", "stream_pipe.js"))
	if err != nil {
		b.Fatal(err)
	}
	defer jsProfile(b)()
	for i := 0; i < b.N; i++ {
		l, err := runtime.New(runtime.Options{Args: []string{"gonode", "bench", "128"}, Exit: func(int) {}})
		if err != nil {
			b.Fatal(err)
		}
		if code := l.Run(func() error { _, err := l.RunEval(string(src)); return err }); code != 0 {
			b.Fatalf("exit code %d", code)
		}
	}
}

// duplexLifecycleJS runs process.argv[2] life cycles of a Duplex set up as
// net.Socket sets up its own (modules/net/net.js): allowHalfOpen false,
// emitClose false, autoDestroy, no string decoding; _read a no-op, _write
// done at once, _final done on a later turn, _destroy done at once and
// 'close' emitted on the next tick. Each socket gets a 'data' listener
// that writes back, one chunk, then EOF: the whole path from construction
// through 'end', end(), _final, 'finish', destroy to 'close'. 64 sockets
// are in flight at once, as on a busy server. The script checks that
// every socket echoed its chunk and closed, so a broken change fails.
const duplexLifecycleJS = `'use strict';
const { Duplex } = require('stream');
const total = Number(process.argv[2]);
const chunk = Buffer.from('hello');
function Sock(options) {
  options = Object.assign({}, options);
  options.allowHalfOpen = false;
  options.emitClose = false;
  options.autoDestroy = true;
  options.decodeStrings = false;
  Duplex.call(this, options);
  this.read(0);
}
Object.setPrototypeOf(Sock.prototype, Duplex.prototype);
Object.setPrototypeOf(Sock, Duplex);
let written = 0, closed = 0, started = 0;
Sock.prototype._read = function () {};
Sock.prototype._write = function (data, encoding, cb) { written += data.length; cb(); };
Sock.prototype._final = function (cb) { setImmediate(cb); };
Sock.prototype._destroy = function (err, cb) {
  cb(err);
  const self = this;
  process.nextTick(function () { self.emit('close', false); });
};
function start() {
  if (started >= total) return;
  started++;
  const s = new Sock();
  s.on('data', function (d) { s.write(d); });
  s.on('close', function () { closed++; start(); });
  setImmediate(function () {
    s.push(chunk);
    setImmediate(function () { s.push(null); s.read(0); });
  });
}
for (let i = 0; i < 64; i++) start();
process.on('exit', function () {
  if (closed !== total || written !== total * chunk.length) {
    throw new Error('closed ' + closed + ' written ' + written + ' of ' + total);
  }
});
`

// BenchmarkDuplexLifecycle measures one net.Socket-like Duplex life cycle
// (see duplexLifecycleJS) per op, in-process. JSPROF=file writes goja's
// profile of the JavaScript.
func BenchmarkDuplexLifecycle(b *testing.B) {
	defer jsProfile(b)()
	l, err := runtime.New(runtime.Options{Args: []string{"gonode", "bench", strconv.Itoa(b.N)}, Exit: func(int) {}})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	cpu0 := cpuTime()
	if code := l.Run(func() error { _, err := l.RunEval(duplexLifecycleJS); return err }); code != 0 {
		b.Fatalf("exit code %d", code)
	}
	// CPU time (GC's included) is steadier than wall time on a shared
	// machine, where other processes take turns on the cores.
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
}

// cpuTime is the process's user+system CPU time in nanoseconds.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// jsProfile starts goja's profile of the JavaScript when JSPROF names a
// file, and returns what stops it.
func jsProfile(b *testing.B) func() {
	p := os.Getenv("JSPROF")
	if p == "" {
		return func() {}
	}
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	goja.StartProfile(f)
	return func() { goja.StopProfile(); f.Close() }
}
