package stream

import (
	_ "embed"
	"errors"
	"io"
	"os"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"

	"gonode/modules/buffer"
	"gonode/runtime"
)

//go:embed stdio.js
var stdioSource string

// The "internal/stdio" module builds process.stdout, process.stderr (Writable
// streams over the loop's buffered stdout and unbuffered stderr, the same
// writers console.log uses, so output stays in order) and process.stdin (a
// Readable fed by a goroutine). bootstrap.js installs them lazily.
func init() {
	runtime.Register("internal/stdio", func(l *runtime.Loop) (goja.Value, error) {
		vm := l.VM
		b := vm.NewObject()
		b.Set("writeOut", func(call goja.FunctionCall) goja.Value {
			writeChunk(l, 1, call.Argument(0))
			return goja.Undefined()
		})
		b.Set("writeErr", func(call goja.FunctionCall) goja.Value {
			writeChunk(l, 2, call.Argument(0))
			return goja.Undefined()
		})
		b.Set("isatty", func(call goja.FunctionCall) goja.Value {
			return vm.ToValue(runtime.IsTerminal(int(call.Argument(0).ToInteger())))
		})
		b.Set("winsize", func(call goja.FunctionCall) goja.Value {
			ws, err := unix.IoctlGetWinsize(int(call.Argument(0).ToInteger()), unix.TIOCGWINSZ)
			if err != nil {
				return goja.Null()
			}
			return vm.NewArray(int(ws.Col), int(ws.Row))
		})
		in := &stdinReader{l: l, want: make(chan struct{}, 1)}
		b.Set("stdinInit", func(call goja.FunctionCall) goja.Value {
			in.deliver, _ = goja.AssertFunction(call.Argument(0))
			return goja.Undefined()
		})
		b.Set("stdinRead", func(goja.FunctionCall) goja.Value {
			in.read()
			return goja.Undefined()
		})
		b.Set("stdinRef", func(call goja.FunctionCall) goja.Value {
			in.setRef(call.Argument(0).ToBoolean())
			return goja.Undefined()
		})
		return l.EvalModule("internal/stdio", stdioSource, b)
	})
}

// writeChunk writes a string or Buffer to fd 1 (the loop's buffered
// stdout, flushed once per loop turn) or fd 2 (stdout flushed first, then
// written through, as node's stderr is synchronous).
func writeChunk(l *runtime.Loop, fd int, v goja.Value) {
	if fd == 2 {
		l.Stdout.Flush()
		if b, ok := buffer.Bytes(v); ok {
			l.Stderr.Write(b)
		} else {
			l.Stderr.WriteString(v.String())
		}
		return
	}
	if b, ok := buffer.Bytes(v); ok {
		l.Stdout.Write(b)
	} else {
		l.Stdout.WriteString(v.String())
	}
}

// stdinReader reads fd 0 on its own goroutine, one chunk per request.
// A request is made by the stream's _read; while one is outstanding and
// the stream is not paused, the loop holds a reference, so a script that
// reads stdin waits for it and one that never touches it exits at once.
// All fields but want are used on the loop goroutine only.
type stdinReader struct {
	l           *runtime.Loop
	want        chan struct{}
	deliver     goja.Callable
	started     bool
	outstanding bool
	refd        bool
	paused      bool
	done        bool
}

func (s *stdinReader) read() {
	if s.outstanding || s.done {
		return
	}
	s.outstanding = true
	if !s.paused && !s.refd {
		s.refd = true
		s.l.Ref()
	}
	if !s.started {
		s.started = true
		go s.loop()
	}
	s.want <- struct{}{}
}

func (s *stdinReader) setRef(on bool) {
	s.paused = !on
	switch {
	case on && s.outstanding && !s.refd:
		s.refd = true
		s.l.Ref()
	case !on && s.refd:
		s.refd = false
		s.l.Unref()
	}
}

func (s *stdinReader) loop() {
	buf := make([]byte, 64*1024)
	for range s.want {
		n, err := os.Stdin.Read(buf)
		data := append([]byte(nil), buf[:n]...)
		s.l.Post(func() {
			s.outstanding = false
			if s.refd {
				s.refd = false
				s.l.Unref()
			}
			if s.deliver == nil {
				return
			}
			if n > 0 {
				s.l.Call(s.deliver, goja.Undefined(), buffer.New(s.l, data))
			}
			if err != nil {
				s.done = true
				msg := goja.Value(goja.Null())
				if !errors.Is(err, io.EOF) {
					msg = s.l.VM.ToValue(err.Error())
				}
				s.l.Call(s.deliver, goja.Undefined(), goja.Null(), msg)
			}
		})
		if err != nil {
			return
		}
	}
}
