package runtime

import (
	"errors"
	"fmt"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"
)

// SyntaxError is a compile error with the position a person needs: file,
// line and column in the original source (wrapper offsets removed).
type SyntaxError struct {
	File         string
	Line, Column int
	Message      string
	SourceLine   string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s:%d:%d: SyntaxError: %s", e.File, e.Line, e.Column, e.Message)
}

// Format renders the error as node does: location, the line, a caret, then
// the message.
func (e *SyntaxError) Format() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d\n", e.File, e.Line)
	if e.SourceLine != "" {
		fmt.Fprintf(&b, "%s\n%s^\n\n", e.SourceLine, strings.Repeat(" ", max(e.Column-1, 0)))
	}
	fmt.Fprintf(&b, "SyntaxError: %s\n    at %s:%d:%d\n", e.Message, e.File, e.Line, e.Column)
	return b.String()
}

// compileWrapped compiles head+src+tail as file name. head must not contain a
// newline, so only columns on the first line shift; a syntax error is
// reported against src itself.
func compileWrapped(name, head, src, tail string, strict bool) (*goja.Program, error) {
	prg, err := goja.Compile(name, head+src+tail, strict)
	if err == nil {
		return prg, nil
	}
	var se *goja.CompilerSyntaxError
	if !errors.As(err, &se) {
		return nil, err
	}
	if se.File != nil {
		p := se.File.Position(se.Offset)
		col := p.Column
		if p.Line == 1 {
			col -= len(head)
		}
		return nil, &SyntaxError{File: name, Line: p.Line, Column: col, Message: trimGojaPrefix(se.Message), SourceLine: lineOf(src, p.Line)}
	}
	// Parse errors come without a position; parse again to get one. The
	// bare source gives better positions than the wrapped one (the parser
	// reports an unclosed brace at the wrapper's end); a top-level return,
	// legal in a module, is the one thing only the wrapped parse accepts.
	for _, try := range []struct{ head, tail string }{{"", ""}, {head, tail}} {
		_, perr := parser.ParseFile(nil, name, try.head+src+try.tail, 0)
		var list parser.ErrorList
		if !errors.As(perr, &list) || len(list) == 0 || strings.Contains(list[0].Message, "Illegal return") {
			continue
		}
		p := list[0].Position
		col := p.Column
		if p.Line == 1 {
			col -= len(try.head)
		}
		if last := strings.Count(src, "\n") + 1; p.Line > last {
			p.Line, col = last, len(lineOf(src, last))+1
		}
		return nil, &SyntaxError{File: name, Line: p.Line, Column: max(col, 1), Message: list[0].Message, SourceLine: lineOf(src, p.Line)}
	}
	return nil, err
}

func trimGojaPrefix(msg string) string {
	if i := strings.Index(msg, ": Line "); i >= 0 {
		rest := msg[i+len(": Line "):]
		if j := strings.IndexByte(rest, ' '); j >= 0 {
			return rest[j+1:]
		}
	}
	return msg
}
