package runtime

import (
	"bufio"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/dop251/goja"
)

// StartREPL reads JavaScript from in, a line at a time, and evaluates it in
// the global scope on the loop, printing each result with sys.inspect (and
// storing it in _). A line that leaves the input unfinished (an open brace)
// is continued with a "... " prompt. ".exit" or end of input leaves. Timers
// and I/O started from the REPL run between lines, as in node.
func (l *Loop) StartREPL(in io.Reader) {
	cwd, _ := os.Getwd()
	l.installEvalGlobals(filepath.Join(cwd, "[repl]"), "[repl]")
	l.Ref()
	prompt := func(p string) {
		l.Stdout.WriteString(p)
		l.Stdout.Flush()
	}
	prompt("> ")
	var buffer strings.Builder
	go func() {
		sc := bufio.NewScanner(in)
		sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
		for sc.Scan() {
			line := sc.Text()
			done := make(chan struct{})
			l.Post(func() {
				defer close(done)
				l.replLine(line, &buffer, prompt)
			})
			<-done
		}
		l.Post(func() {
			l.Stdout.WriteString("\n")
			l.Unref()
		})
	}()
}

func (l *Loop) replLine(line string, buffer *strings.Builder, prompt func(string)) {
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
	v, err := l.VM.RunProgram(prg)
	if err != nil {
		var ex *goja.Exception
		if errors.As(err, &ex) {
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
