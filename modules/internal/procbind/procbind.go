// Package procbind is the one Go layer under both child-process
// vocabularies: node v0.1.21's process.createChildProcess / sys.exec and
// today's child_process (spawn, exec, execFile and their Sync forms).
//
// A child's pipes are plain os.Pipe ends served by goroutines: one reader
// per output pipe posts chunks to the loop, one writer drains a queue into
// stdin (so a write never blocks the loop), and one waiter reaps the
// process. The child holds a loop reference from spawn until its exit
// status and the end of every output pipe have been delivered.
package procbind

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"

	"gonode/modules/internal/enc"
	"gonode/runtime"
)

// Binding returns the native object: spawn(options) and spawnSync(options).
func Binding(l *runtime.Loop) *goja.Object {
	o := l.VM.NewObject()
	o.Set("spawn", func(c goja.FunctionCall) goja.Value { return spawn(l, c.Argument(0).ToObject(l.VM)) })
	o.Set("spawnSync", func(c goja.FunctionCall) goja.Value { return spawnSync(l, c.Argument(0).ToObject(l.VM)) })
	o.Set("decode", func(c goja.FunctionCall) goja.Value {
		b, ok := enc.Bytes(l.VM, c.Argument(0))
		if !ok {
			return c.Argument(0).ToString()
		}
		return enc.Decode(l.VM, b, c.Argument(1).String())
	})
	o.Set("signalNumber", func(c goja.FunctionCall) goja.Value {
		return l.VM.ToValue(int(signalOf(c.Argument(0))))
	})
	return o
}

// spec is a parsed spawn request.
type spec struct {
	file     string
	args     []string
	env      []string
	cwd      string
	stdio    [3]string // "pipe", "inherit", "ignore"
	detached bool
	uid, gid int
}

// stringList reads a JS array of strings (nil for undefined/null).
func stringList(vm *goja.Runtime, v goja.Value) []string {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil
	}
	var out []string
	o := v.ToObject(vm)
	n := int(o.Get("length").ToInteger())
	for i := 0; i < n; i++ {
		out = append(out, o.Get(strconv.Itoa(i)).String())
	}
	return out
}

func parseSpec(vm *goja.Runtime, o *goja.Object) *spec {
	s := &spec{file: o.Get("file").String(), uid: -1, gid: -1}
	s.args = stringList(vm, o.Get("args"))
	if e := o.Get("envPairs"); e != nil && !goja.IsUndefined(e) && !goja.IsNull(e) {
		s.env = stringList(vm, e)
		if s.env == nil {
			s.env = []string{}
		}
	}
	if c := o.Get("cwd"); c != nil && !goja.IsUndefined(c) && !goja.IsNull(c) {
		s.cwd = c.String()
	}
	s.stdio = [3]string{"pipe", "pipe", "pipe"}
	if st := stringList(vm, o.Get("stdio")); st != nil {
		for i := 0; i < 3 && i < len(st); i++ {
			s.stdio[i] = st[i]
		}
	}
	s.detached = o.Get("detached") != nil && o.Get("detached").ToBoolean()
	if u := o.Get("uid"); u != nil && !goja.IsUndefined(u) {
		s.uid = int(u.ToInteger())
	}
	if g := o.Get("gid"); g != nil && !goja.IsUndefined(g) {
		s.gid = int(g.ToInteger())
	}
	return s
}

// lookPath finds file as execvp(3) does, with the PATH the child will see.
func (s *spec) lookPath() (string, error) {
	if strings.Contains(s.file, "/") {
		if s.cwd != "" && !filepath.IsAbs(s.file) {
			return filepath.Join(s.cwd, s.file), nil
		}
		return s.file, nil
	}
	path := os.Getenv("PATH")
	if s.env != nil {
		path = ""
		for _, kv := range s.env {
			if v, ok := strings.CutPrefix(kv, "PATH="); ok {
				path = v
			}
		}
	}
	if path == "" {
		path = "/usr/local/bin:/usr/bin:/bin"
	}
	denied := false
	for _, dir := range filepath.SplitList(path) {
		if dir == "" {
			dir = "."
		}
		p := filepath.Join(dir, s.file)
		st, err := os.Stat(p)
		if err != nil || st.IsDir() {
			continue
		}
		if st.Mode()&0o111 == 0 {
			denied = true
			continue
		}
		return p, nil
	}
	if denied {
		return "", syscall.EACCES
	}
	return "", syscall.ENOENT
}

// start launches the process with the pipes the spec asks for. Parent
// ends of pipes come back in ends (nil where not piped).
func (s *spec) start() (*os.Process, [3]*os.File, error) {
	var ends [3]*os.File
	var childFiles [3]*os.File
	var toClose []*os.File
	cleanup := func() {
		for _, f := range toClose {
			f.Close()
		}
	}
	for i := 0; i < 3; i++ {
		switch s.stdio[i] {
		case "inherit":
			childFiles[i] = []*os.File{os.Stdin, os.Stdout, os.Stderr}[i]
		case "fd0", "fd1", "fd2":
			childFiles[i] = []*os.File{os.Stdin, os.Stdout, os.Stderr}[s.stdio[i][2]-'0']
		case "ignore":
			f, err := os.OpenFile(os.DevNull, os.O_RDWR, 0)
			if err != nil {
				cleanup()
				return nil, ends, err
			}
			childFiles[i] = f
			toClose = append(toClose, f)
		default:
			r, w, err := os.Pipe()
			if err != nil {
				cleanup()
				for _, e := range ends {
					if e != nil {
						e.Close()
					}
				}
				return nil, ends, err
			}
			if i == 0 {
				childFiles[i], ends[i] = r, w
				toClose = append(toClose, r)
			} else {
				childFiles[i], ends[i] = w, r
				toClose = append(toClose, w)
			}
		}
	}
	path, err := s.lookPath()
	if err != nil {
		cleanup()
		closeAll(ends)
		return nil, [3]*os.File{}, err
	}
	attr := &os.ProcAttr{
		Dir:   s.cwd,
		Env:   s.env,
		Files: childFiles[:],
		Sys:   &syscall.SysProcAttr{Setsid: s.detached},
	}
	if s.env == nil {
		attr.Env = os.Environ()
	}
	if s.uid >= 0 || s.gid >= 0 {
		cred := &syscall.Credential{Uid: uint32(os.Getuid()), Gid: uint32(os.Getgid())}
		if s.uid >= 0 {
			cred.Uid = uint32(s.uid)
		}
		if s.gid >= 0 {
			cred.Gid = uint32(s.gid)
		}
		attr.Sys.Credential = cred
	}
	argv := append([]string{s.file}, s.args...)
	p, err := os.StartProcess(path, argv, attr)
	cleanup()
	if err != nil {
		closeAll(ends)
		return nil, [3]*os.File{}, unwrap(err)
	}
	return p, ends, nil
}

func closeAll(fs [3]*os.File) {
	for _, f := range fs {
		if f != nil {
			f.Close()
		}
	}
}

func unwrap(err error) error {
	var en syscall.Errno
	if errors.As(err, &en) {
		return en
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// child is a running process seen from the loop.
type child struct {
	l      *runtime.Loop
	proc   *os.Process
	obj    *goja.Object
	onData goja.Callable // (fd, chunk|null)
	onExit goja.Callable // (code|null, signal|null)
	dec    [3]*enc.Decoder

	mu      sync.Mutex
	cond    *sync.Cond
	queue   []write
	closing bool
	stdin   *os.File

	paused      [3]bool // output pipes the script asked to pause (under mu)
	outstanding int     // pipes + waiter still to report (loop only)
	exited      bool
}

type write struct {
	data []byte
	done func(func())
	cb   goja.Value
}

// spawn(options) -> handle. options: file, args, envPairs, cwd, stdio,
// detached, onData(fd, chunk), onExit(code, signal). On failure the handle
// has error (a node-shaped Error) and no pid.
func spawn(l *runtime.Loop, o *goja.Object) goja.Value {
	vm := l.VM
	s := parseSpec(vm, o)
	h := vm.NewObject()
	// What the script printed before the spawn goes out before whatever a
	// child sharing our stdout/stderr writes.
	l.Stdout.Flush()
	proc, ends, err := s.start()
	if err != nil {
		e := l.SysError(err, "spawn "+s.file, s.file)
		e.Set("message", errMessage(err, "spawn "+s.file))
		e.Set("spawnargs", vm.ToValue(append([]string(nil), s.args...)))
		h.Set("error", e)
		return h
	}
	c := &child{l: l, proc: proc, obj: h, stdin: ends[0]}
	c.cond = sync.NewCond(&c.mu)
	c.onData, _ = goja.AssertFunction(o.Get("onData"))
	c.onExit, _ = goja.AssertFunction(o.Get("onExit"))
	h.Set("pid", proc.Pid)
	l.Ref()
	c.outstanding = 1
	for i := 1; i < 3; i++ {
		if ends[i] != nil {
			c.outstanding++
			go c.read(i, ends[i])
		}
	}
	if ends[0] != nil {
		// The writer counts too: "close" means every pipe end is closed.
		c.outstanding++
		go c.writer()
	}
	go c.wait()

	h.Set("write", func(call goja.FunctionCall) goja.Value {
		data, ok := enc.Bytes(vm, call.Argument(0))
		if ok {
			data = append([]byte(nil), data...)
		} else {
			data = enc.Encode(call.Argument(0), call.Argument(1).String())
		}
		c.mu.Lock()
		if c.closing || c.stdin == nil {
			c.mu.Unlock()
			return vm.ToValue(false)
		}
		c.queue = append(c.queue, write{data: data, done: l.Pending(), cb: call.Argument(2)})
		c.cond.Broadcast()
		c.mu.Unlock()
		return vm.ToValue(true)
	})
	h.Set("closeStdin", func(call goja.FunctionCall) goja.Value {
		c.mu.Lock()
		c.closing = true
		c.cond.Broadcast()
		c.mu.Unlock()
		return goja.Undefined()
	})
	h.Set("kill", func(call goja.FunctionCall) goja.Value {
		sig := signalOf(call.Argument(0))
		if sig < 0 {
			panic(l.TypeError("ERR_UNKNOWN_SIGNAL", "Unknown signal: "+call.Argument(0).String()))
		}
		if c.exited {
			return vm.ToValue(false)
		}
		if err := proc.Signal(sig); err != nil {
			return vm.ToValue(false)
		}
		return vm.ToValue(true)
	})
	// pauseRead(fd, paused): today's streams call it when push() says the
	// buffer is full and again from _read().
	h.Set("pauseRead", func(call goja.FunctionCall) goja.Value {
		fd := int(call.Argument(0).ToInteger())
		if fd >= 1 && fd <= 2 {
			c.mu.Lock()
			c.paused[fd] = call.Argument(1).ToBoolean()
			c.cond.Broadcast()
			c.mu.Unlock()
		}
		return goja.Undefined()
	})
	h.Set("setEncoding", func(call goja.FunctionCall) goja.Value {
		fd := int(call.Argument(0).ToInteger())
		if fd >= 1 && fd <= 2 {
			e := call.Argument(1)
			if goja.IsUndefined(e) || goja.IsNull(e) {
				c.dec[fd] = nil
			} else {
				c.dec[fd] = &enc.Decoder{Encoding: e.String()}
			}
		}
		return goja.Undefined()
	})
	return h
}

// errMessage is node's "spawn nope ENOENT".
func errMessage(err error, sys string) string {
	var en syscall.Errno
	if errors.As(err, &en) {
		return sys + " " + unix.ErrnoName(en)
	}
	return sys + " " + err.Error()
}

func (c *child) read(fd int, f *os.File) {
	buf := make([]byte, 64*1024)
	for {
		// Back-pressure: while the script's stream is full, stop reading;
		// the child then blocks on a full pipe, as it would under node.
		c.mu.Lock()
		for c.paused[fd] {
			c.cond.Wait()
		}
		c.mu.Unlock()
		n, err := f.Read(buf)
		if n > 0 {
			chunk := append([]byte(nil), buf[:n]...)
			c.l.Post(func() { c.deliver(fd, chunk) })
		}
		if err != nil {
			break
		}
	}
	f.Close()
	c.l.Post(func() {
		if d := c.dec[fd]; d != nil {
			if v, ok := d.End(c.l.VM); ok && c.onData != nil {
				c.l.Call(c.onData, c.obj, c.l.VM.ToValue(fd), v)
			}
		}
		if c.onData != nil {
			c.l.Call(c.onData, c.obj, c.l.VM.ToValue(fd), goja.Null())
		}
		c.finishOne()
	})
}

func (c *child) deliver(fd int, chunk []byte) {
	if c.onData == nil {
		return
	}
	var v goja.Value
	if d := c.dec[fd]; d != nil {
		v = d.Write(c.l.VM, chunk)
	} else {
		v = enc.NewBuffer(c.l, chunk)
	}
	c.l.Call(c.onData, c.obj, c.l.VM.ToValue(fd), v)
}

func (c *child) writer() {
	for {
		c.mu.Lock()
		for len(c.queue) == 0 && !c.closing {
			c.cond.Wait()
		}
		if len(c.queue) == 0 && c.closing {
			c.stdin.Close()
			c.stdin = nil
			c.mu.Unlock()
			c.l.Post(c.finishOne)
			return
		}
		w := c.queue[0]
		c.queue = c.queue[1:]
		c.mu.Unlock()
		_, err := c.stdin.Write(w.data)
		err = unwrap(err)
		cb := w.cb
		w.done(func() {
			if f, ok := goja.AssertFunction(cb); ok {
				var arg goja.Value = goja.Null()
				if err != nil {
					arg = c.l.SysError(err, "write", "")
				}
				c.l.Call(f, c.obj, arg)
			}
		})
	}
}

func (c *child) wait() {
	st, err := c.proc.Wait()
	c.l.Post(func() {
		c.exited = true
		// Stop the stdin writer: nobody reads it any more.
		c.mu.Lock()
		c.closing = true
		c.cond.Broadcast()
		c.mu.Unlock()
		var code, sig goja.Value = goja.Null(), goja.Null()
		if err == nil {
			ws, _ := st.Sys().(syscall.WaitStatus)
			if ws.Signaled() {
				sig = c.l.VM.ToValue(unix.SignalName(ws.Signal()))
			} else {
				code = c.l.VM.ToValue(ws.ExitStatus())
			}
		}
		if c.onExit != nil {
			c.l.Call(c.onExit, c.obj, code, sig)
		}
		c.finishOne()
	})
}

func (c *child) finishOne() {
	c.outstanding--
	if c.outstanding == 0 {
		c.l.Unref()
		if f, ok := goja.AssertFunction(c.obj.Get("onClose")); ok {
			c.l.Call(f, c.obj)
		}
	}
}

// signalOf reads "SIGTERM", "TERM", a number or undefined (SIGTERM); -1
// when unknown.
func signalOf(v goja.Value) syscall.Signal {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return syscall.SIGTERM
	}
	if s, ok := v.Export().(string); ok {
		if !strings.HasPrefix(s, "SIG") {
			s = "SIG" + s
		}
		if n := unix.SignalNum(s); n != 0 {
			return n
		}
		return -1
	}
	n := v.ToInteger()
	if n < 0 || n > 64 {
		return -1
	}
	return syscall.Signal(n)
}

// spawnSync(options) runs a child to completion, blocking the loop (that
// is what the Sync forms mean). options as for spawn plus input (bytes),
// timeout (ms), killSignal, maxBuffer. Returns {pid, status, signal,
// stdout, stderr, error}.
func spawnSync(l *runtime.Loop, o *goja.Object) goja.Value {
	vm := l.VM
	s := parseSpec(vm, o)
	var input []byte
	if in := o.Get("input"); in != nil && !goja.IsUndefined(in) && !goja.IsNull(in) {
		if b, ok := enc.Bytes(vm, in); ok {
			input = append([]byte(nil), b...)
		} else {
			input = enc.Encode(in, "utf8")
		}
	}
	timeout := time.Duration(0)
	if t := o.Get("timeout"); t != nil && !goja.IsUndefined(t) && t.ToInteger() > 0 {
		timeout = time.Duration(t.ToInteger()) * time.Millisecond
	}
	killSig := signalOf(o.Get("killSignal"))
	maxBuffer := int64(-1)
	if m := o.Get("maxBuffer"); m != nil && !goja.IsUndefined(m) && !goja.IsNull(m) {
		if f := m.ToFloat(); f >= 0 && f < 1e15 {
			maxBuffer = int64(f)
		}
	}
	res := vm.NewObject()
	l.Stdout.Flush()
	proc, ends, err := s.start()
	if err != nil {
		e := l.SysError(err, "spawnSync "+s.file, s.file)
		e.Set("message", errMessage(err, "spawnSync "+s.file))
		e.Set("spawnargs", vm.ToValue(append([]string(nil), s.args...)))
		res.Set("error", e)
		res.Set("status", goja.Null())
		res.Set("signal", goja.Null())
		res.Set("pid", 0)
		return res
	}
	res.Set("pid", proc.Pid)
	var outs [3][]byte
	var wg sync.WaitGroup
	var overflow sync.Once
	tooBig := false
	for i := 1; i < 3; i++ {
		if ends[i] == nil {
			continue
		}
		wg.Add(1)
		go func(i int, f *os.File) {
			defer wg.Done()
			buf := make([]byte, 32*1024)
			for {
				n, err := f.Read(buf)
				outs[i] = append(outs[i], buf[:n]...)
				if maxBuffer >= 0 && int64(len(outs[i])) > maxBuffer {
					outs[i] = outs[i][:maxBuffer]
					overflow.Do(func() { tooBig = true; proc.Signal(killSig) })
				}
				if err != nil {
					break
				}
			}
			f.Close()
		}(i, ends[i])
	}
	if ends[0] != nil {
		go func() {
			ends[0].Write(input)
			ends[0].Close()
		}()
	}
	var timedOut atomic.Bool
	var timer *time.Timer
	if timeout > 0 {
		timer = time.AfterFunc(timeout, func() { timedOut.Store(true); proc.Signal(killSig) })
	}
	st, werr := proc.Wait()
	if timer != nil {
		timer.Stop()
	}
	wg.Wait()
	status, signal := goja.Value(goja.Null()), goja.Value(goja.Null())
	if werr == nil {
		ws, _ := st.Sys().(syscall.WaitStatus)
		if ws.Signaled() {
			signal = vm.ToValue(unix.SignalName(ws.Signal()))
		} else {
			status = vm.ToValue(ws.ExitStatus())
		}
	}
	res.Set("status", status)
	res.Set("signal", signal)
	for i := 1; i < 3; i++ {
		if ends[i] != nil {
			res.Set([]string{"", "stdout", "stderr"}[i], enc.NewBuffer(l, outs[i]))
		} else {
			res.Set([]string{"", "stdout", "stderr"}[i], goja.Null())
		}
	}
	if timedOut.Load() {
		e := l.SysError(syscall.ETIMEDOUT, "spawnSync "+s.file, "")
		e.Set("message", "spawnSync "+s.file+" ETIMEDOUT")
		res.Set("error", e)
	} else if tooBig {
		e := l.SysError(syscall.ENOBUFS, "spawnSync "+s.file, "")
		e.Set("message", "spawnSync "+s.file+" ENOBUFS")
		res.Set("error", e)
	}
	return res
}
