package runtime

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	goruntime "runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"
)

// Version is gonode's own version (process.versions.gonode).
const Version = "0.1.0"

// NodeVersion is what process.version reports. Packages from npm gate
// features on it, so it names the Node line whose API gonode follows today;
// the 2009 API level is process.versions.nodeApi2009.
const NodeVersion = "v20.0.0"

//go:embed bootstrap.js
var bootstrapJS string

var startTime = time.Now()

// bootstrap builds the global object: process (an EventEmitter), timers,
// console and the rest of the globals node scripts expect.
func (l *Loop) bootstrap() error {
	vm := l.VM
	global := vm.GlobalObject()
	global.Set("global", global)
	global.Set("GLOBAL", global)
	l.installTimers(global)
	l.installStackTraceAPI()

	eeVal, err := l.RequireBuiltin("events")
	if err != nil {
		return fmt.Errorf("bootstrap: %w", err)
	}
	ee := eeVal.(*goja.Object)
	if proto, ok := ee.Get("prototype").(*goja.Object); ok {
		l.emitFn, _ = goja.AssertFunction(proto.Get("emit"))
	}
	process, err := vm.New(ee)
	if err != nil {
		return fmt.Errorf("bootstrap: creating process: %w", err)
	}
	l.process = process
	l.fillProcess(process)
	global.Set("process", process)

	prg, err := goja.Compile("node:internal/bootstrap", "(function (global, process, natives) {"+bootstrapJS+"\n})", true)
	if err != nil {
		return fmt.Errorf("bootstrap: %w", err)
	}
	fnv, err := vm.RunProgram(prg)
	if err != nil {
		return fmt.Errorf("bootstrap: %w", err)
	}
	fn, _ := goja.AssertFunction(fnv)
	if _, err := fn(goja.Undefined(), global, process, l.natives()); err != nil {
		return fmt.Errorf("bootstrap: %w", err)
	}
	return nil
}

// natives are the Go functions the JS half of the bootstrap uses.
func (l *Loop) natives() *goja.Object {
	vm := l.VM
	n := vm.NewObject()
	n.Set("writeOut", func(call goja.FunctionCall) goja.Value {
		l.Stdout.WriteString(call.Argument(0).String())
		return goja.Undefined()
	})
	n.Set("writeErr", func(call goja.FunctionCall) goja.Value {
		l.Stdout.Flush()
		l.Stderr.WriteString(call.Argument(0).String())
		return goja.Undefined()
	})
	n.Set("watchSignal", func(call goja.FunctionCall) goja.Value {
		l.watchSignal(call.Argument(0).String(), call.Argument(1).ToBoolean())
		return goja.Undefined()
	})
	n.Set("isSignal", func(call goja.FunctionCall) goja.Value {
		name := call.Argument(0).String()
		return vm.ToValue(strings.HasPrefix(name, "SIG") && unix.SignalNum(name) != 0)
	})
	n.Set("builtins", func(goja.FunctionCall) goja.Value {
		names := BuiltinNames()
		out := make([]any, len(names))
		for i, s := range names {
			out[i] = s
		}
		return vm.NewArray(out...)
	})
	n.Set("require", func(call goja.FunctionCall) goja.Value {
		return l.MustRequire(call.Argument(0).String())
	})
	// reportUncaught sends a value caught in JS (a throwing microtask, an
	// unhandled rejection) down the uncaught-exception path.
	n.Set("reportUncaught", func(call goja.FunctionCall) goja.Value {
		l.uncaught(call.Argument(0), nil)
		return goja.Undefined()
	})
	return n
}

func (l *Loop) fillProcess(p *goja.Object) {
	vm := l.VM
	args := l.opts.Args
	argv := make([]any, len(args))
	for i, a := range args {
		argv[i] = a
	}
	argvObj := vm.NewArray(argv...)
	p.Set("argv", argvObj)
	p.Set("ARGV", argvObj)
	p.Set("execArgv", vm.NewArray())
	env := vm.NewObject()
	for _, kv := range os.Environ() {
		if k, v, ok := strings.Cut(kv, "="); ok {
			env.Set(k, v)
		}
	}
	p.Set("env", env)
	p.Set("ENV", env)
	p.Set("pid", os.Getpid())
	p.Set("ppid", os.Getppid())
	p.Set("platform", goruntime.GOOS)
	arch := goruntime.GOARCH
	if arch == "amd64" {
		arch = "x64"
	}
	p.Set("arch", arch)
	p.Set("title", "gonode")
	p.Set("version", NodeVersion)
	versions := vm.NewObject()
	versions.Set("gonode", Version)
	versions.Set("node", strings.TrimPrefix(NodeVersion, "v"))
	versions.Set("nodeApi2009", "0.1.21")
	versions.Set("go", goruntime.Version())
	p.Set("versions", versions)
	exec := l.opts.ExecPath
	if exec == "" {
		exec, _ = os.Executable()
	}
	p.Set("execPath", exec)

	p.Set("cwd", func(goja.FunctionCall) goja.Value {
		d, err := os.Getwd()
		if err != nil {
			panic(l.SysError(err, "uv_cwd", ""))
		}
		return vm.ToValue(d)
	})
	p.Set("chdir", func(call goja.FunctionCall) goja.Value {
		dir := call.Argument(0).String()
		if err := os.Chdir(dir); err != nil {
			e := l.SysError(err, "chdir", dir)
			cwd, _ := os.Getwd()
			code, _, text := errnoOf(err)
			e.Set("message", fmt.Sprintf("%s: %s, chdir %s -> '%s'", code, text, cwd, dir))
			panic(e)
		}
		return goja.Undefined()
	})
	p.Set("umask", func(call goja.FunctionCall) goja.Value {
		if len(call.Arguments) == 0 || goja.IsUndefined(call.Argument(0)) {
			old := syscall.Umask(0)
			syscall.Umask(old)
			return vm.ToValue(old)
		}
		mask, err := parseMode(call.Argument(0))
		if err != nil {
			panic(l.TypeError("ERR_INVALID_ARG_VALUE", "The argument 'mask' must be a 32-bit unsigned integer or an octal string. Received "+describe(call.Argument(0))))
		}
		return vm.ToValue(syscall.Umask(mask))
	})
	p.Set("exit", func(call goja.FunctionCall) goja.Value {
		code := 0
		if a := call.Argument(0); !goja.IsUndefined(a) {
			code = int(a.ToInteger())
		} else if ec := p.Get("exitCode"); ec != nil && !goja.IsUndefined(ec) {
			code = int(ec.ToInteger())
		}
		l.Exit(code)
		return goja.Undefined()
	})
	p.Set("reallyExit", p.Get("exit"))
	p.Set("abort", func(goja.FunctionCall) goja.Value {
		l.Stdout.Flush()
		os.Exit(134)
		return goja.Undefined()
	})
	p.Set("kill", func(call goja.FunctionCall) goja.Value {
		pidv := call.Argument(0)
		pidf, isNum := pidv.Export().(int64)
		if !isNum {
			if f, ok := pidv.Export().(float64); ok && f == float64(int64(f)) {
				pidf, isNum = int64(f), true
			}
		}
		if !isNum {
			panic(l.TypeError("ERR_INVALID_ARG_TYPE", `The "pid" argument must be of type number. Received `+describe(pidv)))
		}
		pid := int(pidf)
		sig := syscall.SIGTERM
		if a := call.Argument(1); !goja.IsUndefined(a) {
			if s, ok := a.Export().(string); ok {
				sig = unix.SignalNum(s)
				if sig == 0 {
					panic(l.TypeError("ERR_UNKNOWN_SIGNAL", "Unknown signal: "+s))
				}
			} else {
				sig = syscall.Signal(a.ToInteger())
			}
		}
		if err := syscall.Kill(pid, sig); err != nil {
			panic(l.SysError(err, "kill", ""))
		}
		return vm.ToValue(true)
	})
	p.Set("memoryUsage", func(goja.FunctionCall) goja.Value {
		var ms goruntime.MemStats
		goruntime.ReadMemStats(&ms)
		o := vm.NewObject()
		rss, vsize := procMemory()
		o.Set("rss", rss)
		o.Set("vsize", vsize)
		o.Set("heapTotal", ms.HeapSys)
		o.Set("heapUsed", ms.HeapAlloc)
		o.Set("external", 0)
		o.Set("arrayBuffers", 0)
		return o
	})
	p.Set("uptime", func(goja.FunctionCall) goja.Value {
		return vm.ToValue(time.Since(startTime).Seconds())
	})
	hrtime := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		ns := time.Since(startTime).Nanoseconds() + 1e9
		sec, nsec := ns/1e9, ns%1e9
		if prev, ok := call.Argument(0).(*goja.Object); ok {
			ps, pn := prev.Get("0").ToInteger(), prev.Get("1").ToInteger()
			d := (sec-ps)*1e9 + (nsec - pn)
			sec, nsec = d/1e9, d%1e9
		}
		return vm.NewArray(sec, nsec)
	}).(*goja.Object)
	hrtime.Set("bigint", func(goja.FunctionCall) goja.Value {
		v, _ := vm.RunString(strconv.FormatInt(time.Since(startTime).Nanoseconds()+1e9, 10) + "n")
		return v
	})
	p.Set("hrtime", hrtime)
	p.Set("nextTick", func(call goja.FunctionCall) goja.Value {
		fn, ok := goja.AssertFunction(call.Argument(0))
		if !ok {
			panic(l.TypeError("ERR_INVALID_ARG_TYPE", `The "callback" argument must be of type function. Received `+describe(call.Argument(0))))
		}
		var args []goja.Value
		if len(call.Arguments) > 1 {
			args = append(args, call.Arguments[1:]...)
		}
		l.NextTick(fn, args)
		return goja.Undefined()
	})
	p.Set("compile", func(call goja.FunctionCall) goja.Value {
		origin := "[compile]"
		if a := call.Argument(1); !goja.IsUndefined(a) {
			origin = a.String()
		}
		l.modules.sources[origin] = call.Argument(0).String()
		prg, err := compileWrapped(origin, "", call.Argument(0).String(), "", false)
		if err != nil {
			panic(l.syntaxErrorValue(err))
		}
		v, err := vm.RunProgram(prg)
		if err != nil {
			panic(err)
		}
		return v
	})
	for name, id := range map[string]func() int{
		"getuid": os.Getuid, "geteuid": os.Geteuid, "getgid": os.Getgid, "getegid": os.Getegid,
	} {
		id := id
		p.Set(name, func(goja.FunctionCall) goja.Value { return vm.ToValue(id()) })
	}
	p.Set("getgroups", func(goja.FunctionCall) goja.Value {
		gs, err := os.Getgroups()
		if err != nil {
			panic(l.SysError(err, "getgroups", ""))
		}
		out := make([]any, len(gs))
		for i, g := range gs {
			out[i] = g
		}
		return vm.NewArray(out...)
	})
	// cpuUsage([previous]): user and system CPU time in microseconds.
	p.Set("cpuUsage", func(call goja.FunctionCall) goja.Value {
		var ru syscall.Rusage
		if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
			panic(l.SysError(err, "getrusage", ""))
		}
		user := ru.Utime.Sec*1e6 + ru.Utime.Usec
		system := ru.Stime.Sec*1e6 + ru.Stime.Usec
		if prev, ok := call.Argument(0).(*goja.Object); ok {
			user -= prev.Get("user").ToInteger()
			system -= prev.Get("system").ToInteger()
		}
		o := vm.NewObject()
		o.Set("user", user)
		o.Set("system", system)
		return o
	})
	argv0 := "gonode"
	if len(os.Args) > 0 {
		argv0 = os.Args[0]
	}
	p.Set("argv0", argv0)
	for name, v := range fileConstants {
		p.Set(name, v)
	}
}

// syntaxErrorValue makes a compile error a JS SyntaxError whose message
// names the file, line and column.
func (l *Loop) syntaxErrorValue(err error) goja.Value {
	msg := err.Error()
	var se *SyntaxError
	if errors.As(err, &se) {
		msg = fmt.Sprintf("%s (%s:%d:%d)", se.Message, se.File, se.Line, se.Column)
	}
	e, _ := l.VM.New(l.VM.Get("SyntaxError"), l.VM.ToValue(msg))
	return e
}

// fileConstants are node v0.1.21's process.O_* and S_IF* constants.
var fileConstants = map[string]int{
	"O_RDONLY": unix.O_RDONLY, "O_WRONLY": unix.O_WRONLY, "O_RDWR": unix.O_RDWR,
	"O_CREAT": unix.O_CREAT, "O_EXCL": unix.O_EXCL, "O_NOCTTY": unix.O_NOCTTY,
	"O_TRUNC": unix.O_TRUNC, "O_APPEND": unix.O_APPEND, "O_DIRECTORY": unix.O_DIRECTORY,
	"O_NOFOLLOW": unix.O_NOFOLLOW, "O_SYNC": unix.O_SYNC, "O_NONBLOCK": unix.O_NONBLOCK,
	"S_IFMT": unix.S_IFMT, "S_IFREG": unix.S_IFREG, "S_IFDIR": unix.S_IFDIR,
	"S_IFCHR": unix.S_IFCHR, "S_IFBLK": unix.S_IFBLK, "S_IFIFO": unix.S_IFIFO,
	"S_IFLNK": unix.S_IFLNK, "S_IFSOCK": unix.S_IFSOCK,
}

// parseMode accepts a number or an octal string ("0644").
func parseMode(v goja.Value) (int, error) {
	if s, ok := v.Export().(string); ok {
		n, err := strconv.ParseUint(s, 8, 32)
		return int(n), err
	}
	return int(v.ToInteger()), nil
}

func procMemory() (rss, vsize int64) {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0, 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0, 0
	}
	page := int64(os.Getpagesize())
	v, _ := strconv.ParseInt(f[0], 10, 64)
	r, _ := strconv.ParseInt(f[1], 10, 64)
	return r * page, v * page
}

type signalWatch struct {
	ch chan os.Signal
}

// watchSignal starts or stops delivering a signal to process listeners. A
// watched signal no longer has its default action (SIGINT no longer kills),
// as in node. Signal watching does not keep the loop alive.
func (l *Loop) watchSignal(name string, on bool) {
	sig := unix.SignalNum(name)
	if sig == 0 {
		return
	}
	if int(sig) < len(jsWatching) {
		jsWatching[sig].Store(on) // see TakeSignalDefaults
	}
	w := l.signals[name]
	if on && w == nil {
		w = &signalWatch{ch: make(chan os.Signal, 8)}
		l.signals[name] = w
		signal.Notify(w.ch, sig)
		go func() {
			for range w.ch {
				l.Post(func() { l.Emit(l.process, name) })
			}
		}()
	} else if !on && w != nil {
		signal.Stop(w.ch)
		close(w.ch)
		delete(l.signals, name)
	}
}

// listenerCount asks an emitter how many listeners event has.
func (l *Loop) listenerCount(o *goja.Object, event string) int {
	f, ok := goja.AssertFunction(o.Get("listenerCount"))
	if !ok {
		return 0
	}
	v, err := f(o, l.VM.ToValue(event))
	if err != nil {
		return 0
	}
	return int(v.ToInteger())
}

// ScriptArgs builds process.argv for `gonode script args...`.
func ScriptArgs(execPath, script string, args []string) []string {
	if abs, err := filepath.Abs(script); err == nil {
		script = abs
	}
	return append([]string{execPath, script}, args...)
}
