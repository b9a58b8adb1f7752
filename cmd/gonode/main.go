// Command gonode runs JavaScript on gonode's single-threaded event loop:
//
//	gonode script.js [args...]   run a script
//	gonode -e CODE               run CODE
//	gonode -p CODE               run CODE and print its value
//	gonode                       interactive REPL
package main

import (
	"fmt"
	"os"
	"path/filepath"
	goruntime "runtime"
	"runtime/debug"
	"runtime/pprof"

	"github.com/dop251/goja"

	_ "gonode/modules/all"
	"gonode/runtime"
)

const usage = `Usage: gonode [options] [script.js] [arguments]

  gonode script.js [args...]   run script.js; it sees args in process.argv
  gonode -e, --eval CODE       evaluate CODE
  gonode -p, --print CODE      evaluate CODE and print the result
  gonode -i, --interactive     start the REPL (the default with no script)
  gonode -v, --version         print gonode's version
  gonode -h, --help            print this help

Environment:
  NODE_PATH   colon-separated folders added to require.paths

gonode is a Node-style event-loop runtime: the node v0.1.21 API (sys, posix,
tcp, http, process.Promise) and today's Node names, on one engine.
`

func main() {
	// GONODE_CPUPROFILE=file writes a Go CPU profile of the whole run (read
	// it with `go tool pprof`): the way to see where gonode spends its time
	// under a benchmark. The profile is flushed on every exit path.
	if f := os.Getenv("GONODE_CPUPROFILE"); f != "" {
		out, err := os.Create(f)
		if err != nil {
			fmt.Fprintf(os.Stderr, "gonode: GONODE_CPUPROFILE: %v\n", err)
			os.Exit(1)
		}
		pprof.StartCPUProfile(out)
		exitHook = func() { pprof.StopCPUProfile(); out.Close() }
	}
	// GONODE_MEMPROFILE=file writes a Go heap profile (live objects) when
	// the process exits: what each connection, request or handle keeps.
	// Without it, Go's heap sampling is off: its default samples one
	// allocation per 512 KiB, i.e. every read slab, each with an unwind of
	// the loop's deep goja stack (1.5% of the CPU of bench/tcp's 50-
	// connection echo).
	if f := os.Getenv("GONODE_MEMPROFILE"); f == "" {
		goruntime.MemProfileRate = 0
	} else {
		goruntime.MemProfileRate = 4096 // fine enough for per-connection objects
		prev := exitHook
		exitHook = func() {
			if out, err := os.Create(f); err == nil {
				goruntime.GC()
				pprof.WriteHeapProfile(out)
				out.Close()
			}
			prev()
		}
	}
	// GONODE_JSPROFILE=file writes goja's profile of the JavaScript itself
	// (pprof format, JS function names and lines): where a script's time
	// goes inside the interpreter, which the Go profile shows only as
	// goja's vm.run.
	if f := os.Getenv("GONODE_JSPROFILE"); f != "" {
		out, err := os.Create(f)
		if err != nil {
			fmt.Fprintf(os.Stderr, "gonode: GONODE_JSPROFILE: %v\n", err)
			os.Exit(1)
		}
		if err := goja.StartProfile(out); err != nil {
			fmt.Fprintf(os.Stderr, "gonode: GONODE_JSPROFILE: %v\n", err)
			os.Exit(1)
		}
		prev := exitHook
		exitHook = func() { goja.StopProfile(); out.Close(); prev() }
	}
	// GC headroom: gonode's heap is mostly short-lived garbage (one buffer,
	// request or event object per I/O callback) over a small live set, so
	// the default GOGC=100 collects very often. 200 bought 10-20% HTTP
	// keep-alive throughput (bench/http) and more for fs and TCP, while
	// memory per pending request (15,000 held by scripts/hello.js) and per
	// idle WebSocket did not move. GOGC in the environment wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
		if os.Getenv("GONODE_NOFLOOR") == "" {
			runtime.EnableHeapFloor() // see runtime/heapfloor.go
		}
	}
	runtime.TakeSignalDefaults() // node's default signal actions (runtime/signals.go)
	code := run(os.Args[1:])
	exitHook()
	os.Exit(code)
}

// exitHook runs before the process exits, whichever way it exits.
var exitHook = func() {}

func run(args []string) int {
	exe, err := os.Executable()
	if err != nil {
		exe = os.Args[0]
	}
	var (
		evalCode  string
		haveEval  bool
		printEval bool
		repl      bool
		script    string
		rest      []string
	)
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-v" || a == "--version":
			fmt.Printf("gonode v%s (node API %s and v0.1.21)\n", runtime.Version, runtime.NodeVersion)
			return 0
		case a == "-h" || a == "--help":
			fmt.Print(usage)
			return 0
		case a == "-e" || a == "--eval" || a == "-p" || a == "--print":
			if i+1 >= len(args) {
				fmt.Fprintf(os.Stderr, "gonode: %s requires an argument\n", a)
				return 9
			}
			evalCode, haveEval = args[i+1], true
			printEval = a == "-p" || a == "--print"
			rest = args[i+2:]
			i = len(args)
		case a == "-i" || a == "--interactive":
			repl = true
		case a == "--":
			if i+1 < len(args) {
				script, rest = args[i+1], args[i+2:]
			}
			i = len(args)
		case len(a) > 1 && a[0] == '-':
			fmt.Fprintf(os.Stderr, "gonode: bad option: %s\n", a)
			return 9
		default:
			script, rest = a, args[i+1:]
			i = len(args)
		}
	}

	var argv []string
	if script != "" && !haveEval {
		argv = runtime.ScriptArgs(exe, script, rest)
	} else {
		argv = append([]string{exe}, rest...)
	}
	l, err := runtime.New(runtime.Options{Args: argv, ExecPath: exe, Exit: func(code int) {
		exitHook()
		os.Exit(code)
	}})
	if err != nil {
		fmt.Fprintf(os.Stderr, "gonode: %v\n", err)
		return 1
	}
	switch {
	case haveEval:
		return l.Run(func() error {
			v, err := l.RunEval(evalCode)
			if err == nil && printEval {
				printValue(l, v)
			}
			return err
		})
	case script != "" && !repl:
		abs, _ := filepath.Abs(script)
		if _, err := os.Stat(abs); err != nil {
			fmt.Fprintf(os.Stderr, "gonode: cannot open script %s: %v\n", script, err)
			return 1
		}
		return l.Run(func() error { return l.RunMain(script) })
	default:
		return l.Run(func() error {
			l.StartREPL(os.Stdin)
			return nil
		})
	}
}

// printValue prints v the way console.log would.
func printValue(l *runtime.Loop, v goja.Value) {
	console := l.VM.GlobalObject().Get("console").(*goja.Object)
	log, _ := goja.AssertFunction(console.Get("log"))
	if _, err := log(console, v); err != nil {
		l.HandleError(err)
	}
}
