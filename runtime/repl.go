package runtime

import (
	"bufio"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/dop251/goja"
)

// StartREPL reads JavaScript from in, a line at a time, and evaluates it in
// the global scope on the loop, printing each result with sys.inspect (and
// storing it in _). A line that leaves the input unfinished (an open brace)
// is continued with a "... " prompt. ".exit" or end of input leaves. Timers
// and I/O started from the REPL run between lines, as in node.
//
// On a terminal, Ctrl+C does what it does in node's REPL: it drops an
// unfinished entry, or says how to leave, and a second one in a row leaves
// (status 0). The terminal stays in its line mode, so Ctrl+C reaches gonode
// as SIGINT (which otherwise ends the process, as with node's REPL reading
// from a pipe) and a half-typed line is dropped by the terminal itself.
func (l *Loop) StartREPL(in io.Reader) {
	cwd, _ := os.Getwd()
	l.installEvalGlobals(filepath.Join(cwd, "[repl]"), "[repl]")
	l.Ref()
	st := &replState{}
	prompt := func(p string) {
		l.Stdout.WriteString(p)
		l.Stdout.Flush()
	}
	prompt("> ")
	if f, ok := in.(*os.File); ok && IsTerminal(int(f.Fd())) {
		setSIGINTHook(func() {
			// An entry still running is stopped where it is (goja's
			// Interrupt is made to be called from another goroutine);
			// otherwise Ctrl+C is the prompt's, on the loop.
			st.evalMu.Lock()
			defer st.evalMu.Unlock()
			if st.evaluating {
				l.VM.Interrupt(errReplInterrupted)
				return
			}
			l.Post(func() { l.replInterrupt(st, prompt) })
		})
	}
	go func() {
		sc := bufio.NewScanner(in)
		sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
		for sc.Scan() {
			line := sc.Text()
			done := make(chan struct{})
			l.Post(func() {
				defer close(done)
				st.interrupted = false
				l.replLine(st, line, prompt)
			})
			<-done
		}
		l.Post(func() {
			l.Stdout.WriteString("\n")
			l.Unref()
		})
	}()
}

// replState is what the REPL keeps between lines: the unfinished entry,
// and whether the last thing typed was a Ctrl+C.
type replState struct {
	buffer      strings.Builder
	interrupted bool

	evalMu     sync.Mutex // evaluating, and Interrupt against ClearInterrupt
	evaluating bool       // an entry is running
}

// errReplInterrupted is the value an entry stopped by Ctrl+C is interrupted
// with.
var errReplInterrupted = errors.New("Script execution was interrupted by `SIGINT`")

// runEntry runs one REPL entry so that Ctrl+C can stop it. The interrupt
// flag is cleared before control goes back to the loop: goja leaves it set
// after the interrupted run returns, and the loop's own call around this
// one would stop at once too.
func (l *Loop) runEntry(st *replState, prg *goja.Program) (goja.Value, error) {
	st.evalMu.Lock()
	st.evaluating = true
	st.evalMu.Unlock()
	defer func() {
		st.evalMu.Lock()
		st.evaluating = false
		l.VM.ClearInterrupt()
		st.evalMu.Unlock()
	}()
	return l.VM.RunProgram(prg)
}

// replInterrupt is Ctrl+C at the REPL's prompt (on the loop): as node's
// REPL, an unfinished entry is dropped; otherwise the first says how to
// leave and the second leaves.
func (l *Loop) replInterrupt(st *replState, prompt func(string)) {
	switch {
	case st.buffer.Len() > 0:
		st.buffer.Reset()
		st.interrupted = false
		l.Stdout.WriteString("\n")
		prompt("> ")
	case st.interrupted:
		l.Stdout.WriteString("\n")
		l.Exit(0)
	default:
		st.interrupted = true
		l.Stdout.WriteString("\n(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n")
		prompt("> ")
	}
}

func (l *Loop) replLine(st *replState, line string, prompt func(string)) {
	buffer := &st.buffer
	trimmed := strings.TrimSpace(line)
	if buffer.Len() == 0 {
		switch trimmed {
		case ".exit":
			l.Exit(0)
		case ".help":
			l.Stdout.WriteString(".break  Sometimes you get stuck, this gets you out\n.clear  Alias for .break\n.exit   Exit the REPL\n.help   Print this help message\n")
			prompt("> ")
			return
		case "":
			prompt("> ")
			return
		}
	} else if trimmed == ".break" || trimmed == ".clear" {
		buffer.Reset()
		prompt("> ")
		return
	}
	buffer.WriteString(line)
	buffer.WriteString("\n")
	src := buffer.String()

	prg, err := compileREPL(src)
	if err != nil {
		var se *SyntaxError
		if errors.As(err, &se) && unfinished(se.Message) {
			prompt("... ")
			return
		}
		buffer.Reset()
		l.Stdout.WriteString(strings.TrimRight(FormatError(err), "\n") + "\n")
		prompt("> ")
		return
	}
	buffer.Reset()
	v, err := l.runEntry(st, prg)
	if err != nil {
		var ex *goja.Exception
		var stopped *goja.InterruptedError
		if errors.As(err, &stopped) && stopped.Value() == errReplInterrupted {
			l.Stdout.WriteString("Uncaught Error: " + errReplInterrupted.Error() + "\n")
		} else if errors.As(err, &ex) {
			l.Stdout.WriteString("Uncaught " + strings.TrimPrefix(describeThrown(ex), "Uncaught ") + "\n")
		} else {
			l.Stdout.WriteString("Uncaught " + err.Error() + "\n")
		}
		prompt("> ")
		return
	}
	l.VM.GlobalObject().Set("_", v)
	sys := l.MustRequire("sys")
	inspect, _ := goja.AssertFunction(sys.Get("inspect"))
	s, ierr := inspect(sys, v)
	if ierr != nil {
		l.Stdout.WriteString(v.String() + "\n")
	} else {
		l.Stdout.WriteString(s.String() + "\n")
	}
	prompt("> ")
}

// compileREPL compiles one REPL entry. Input that starts with "{" is tried as
// an object literal first, as node's REPL does.
func compileREPL(src string) (*goja.Program, error) {
	if t := strings.TrimSpace(src); strings.HasPrefix(t, "{") && !strings.HasSuffix(t, ";") {
		if prg, err := goja.Compile("[repl]", "("+t+")", false); err == nil {
			return prg, nil
		}
	}
	return compileWrapped("[repl]", "", src, "", false)
}

func unfinished(msg string) bool {
	return strings.Contains(msg, "Unexpected end of input") ||
		strings.Contains(msg, "Unexpected token EOF") ||
		strings.Contains(msg, "Unterminated template") ||
		strings.Contains(msg, "unexpected EOF")
}

// installEvalGlobals gives code that runs outside any module file (-e, the
// REPL) require, module and exports as globals, resolved from the working
// directory.
func (l *Loop) installEvalGlobals(filename, id string) *goja.Object {
	m := l.modules
	module := m.newModule(id, goja.Null())
	module.Set("id", id)
	g := l.VM.GlobalObject()
	g.Set("require", m.makeRequire(filename, module))
	g.Set("module", module)
	g.Set("exports", module.Get("exports"))
	g.Set("__filename", id)
	g.Set("__dirname", ".")
	return module
}
