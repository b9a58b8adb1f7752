package runtime

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"syscall"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"
)

// HandleError takes err, from a JS call made on the loop goroutine, down the
// uncaught-exception path: process "uncaughtException" listeners if there
// are any, else print the stack and exit 1. Non-JS errors are wrapped in a JS
// Error first.
func (l *Loop) HandleError(err error) {
	if err == nil || l.exiting {
		return
	}
	var ex *goja.Exception
	if errors.As(err, &ex) {
		l.uncaught(ex.Value(), err)
		return
	}
	l.uncaught(l.NewError(err.Error()), err)
}

// uncaught delivers a thrown value to "uncaughtException" listeners, or
// reports it and exits 1. err, when known, carries the stack and position.
func (l *Loop) uncaught(val goja.Value, err error) {
	if l.exiting {
		return
	}
	if l.process != nil && l.listenerCount(l.process, "uncaughtException") > 0 {
		emit, _ := goja.AssertFunction(l.process.Get("emit"))
		if _, err2 := emit(l.process, l.VM.ToValue("uncaughtException"), val); err2 != nil {
			// A throwing uncaughtException listener is fatal, as in node.
			l.fatal(err2)
		}
		return
	}
	if err == nil {
		l.Stdout.Flush()
		fmt.Fprintln(l.Stderr, describeValue(val))
		l.Exit(1)
		return
	}
	l.fatal(err)
}

// fatal prints err the way node prints an uncaught exception and exits 1.
func (l *Loop) fatal(err error) {
	l.Stdout.Flush()
	fmt.Fprint(l.Stderr, FormatError(err))
	l.Exit(1)
}

// Exit ends the process now with code: it emits process "exit" (once),
// flushes stdout and calls the exit function. It does not return.
func (l *Loop) Exit(code int) {
	l.finish(code)
	l.exitFn(code)
	// exitFn only returns when a test replaced it; unwind JS so the
	// script does not go on running.
	panic(l.VM.NewGoError(fmt.Errorf("process exited with code %d", code)))
}

// finish emits "exit" once and flushes output; it returns the final code.
func (l *Loop) finish(code int) int {
	if !l.exiting {
		l.exiting = true
		l.exitCode = code
		if l.process != nil {
			if v := l.process.Get("exitCode"); v != nil && !goja.IsUndefined(v) && code == 0 {
				l.exitCode = int(v.ToInteger())
			}
			l.process.Set("_exiting", true)
			emit, _ := goja.AssertFunction(l.process.Get("emit"))
			if emit != nil {
				if _, err := emit(l.process, l.VM.ToValue("exit"), l.VM.ToValue(l.exitCode)); err != nil {
					l.Stdout.Flush()
					fmt.Fprint(l.Stderr, FormatError(err))
					l.exitCode = 7 // node: an exception in an "exit" listener
				}
			}
		}
	}
	l.Stdout.Flush()
	return l.exitCode
}

var (
	goPCSuffix = regexp.MustCompile(`:(\d+):(\d+)\(\d+\)`)
	goNativeAt = regexp.MustCompile(`\n\tat [^\n]*\(native\)`)
)

// CleanStack turns goja's stack text into node's shape:
// "\tat f (file:1:2(7))" becomes "    at f (file:1:2)", and frames of Go
// functions (named after Go packages, useless to a script author) go.
func CleanStack(s string) string {
	s = goNativeAt.ReplaceAllStringFunc(s, func(f string) string {
		if strings.Contains(f, "gonode/") || strings.Contains(f, "github.com/") {
			return ""
		}
		return f
	})
	s = goPCSuffix.ReplaceAllString(s, ":$1:$2")
	return strings.ReplaceAll(s, "\tat ", "    at ")
}

// FormatError renders an error for a person: a syntax error shows file,
// line, column and the offending line with a caret; a JS exception shows
// its stack with file:line:column.
func FormatError(err error) string {
	var se *SyntaxError
	if errors.As(err, &se) {
		return se.Format()
	}
	var ex *goja.Exception
	if errors.As(err, &ex) {
		var b strings.Builder
		if frames := ex.Stack(); len(frames) > 0 {
			p := frames[0].Position()
			if p.Filename != "" && p.Line > 0 {
				fmt.Fprintf(&b, "%s:%d\n", p.Filename, p.Line)
				if line := sourceLine(p.Filename, p.Line); line != "" {
					fmt.Fprintf(&b, "%s\n%s^\n\n", line, strings.Repeat(" ", max(p.Column-1, 0)))
				} else {
					b.WriteString("\n")
				}
			}
		}
		b.WriteString(describeThrown(ex))
		b.WriteString("\n")
		return b.String()
	}
	return fmt.Sprintf("Error: %v\n", err)
}

// describeValue renders a thrown value: its stack when it has one.
func describeValue(v goja.Value) string {
	if o, ok := v.(*goja.Object); ok {
		if st := o.Get("stack"); st != nil && !goja.IsUndefined(st) {
			s := CleanStack(st.String())
			if extra := errorExtras(o); extra != "" {
				// node: "    at last frame {" (goja's stack ends in a newline)
				s = strings.TrimRight(s, "\n") + " " + extra
			}
			return s
		}
	}
	return "Uncaught " + inspectThrown(v)
}

// inspectThrown renders a thrown non-Error the way util.inspect would
// ("Uncaught { a: 1 }", "Uncaught 'text'"); the loop installs it.
var inspectThrown = describe

func describeThrown(ex *goja.Exception) string {
	v := ex.Value()
	if v == nil {
		return ex.Error()
	}
	if o, ok := v.(*goja.Object); ok {
		if st := o.Get("stack"); st != nil && !goja.IsUndefined(st) {
			return describeValue(v)
		}
	}
	s := "Uncaught " + inspectThrown(v)
	if frames := ex.Stack(); len(frames) > 0 {
		var b strings.Builder
		for _, f := range frames {
			if p := f.Position(); p.Filename == "" && strings.Contains(f.FuncName(), "/") {
				continue // a Go function: its name means nothing to a script author
			}
			b.WriteString("\n    at ")
			b.WriteString(CleanStack(frameString(f)))
		}
		s += b.String()
	}
	return s
}

func frameString(f goja.StackFrame) string {
	var b strings.Builder
	p := f.Position()
	name := f.FuncName()
	if name != "" && name != "<anonymous>" {
		fmt.Fprintf(&b, "%s (%s:%d:%d)", name, p.Filename, p.Line, p.Column)
	} else {
		fmt.Fprintf(&b, "%s:%d:%d", p.Filename, p.Line, p.Column)
	}
	return b.String()
}

// errorExtras lists code/errno/syscall/path like node's "{ code: 'ENOENT' }".
func errorExtras(o *goja.Object) string {
	var parts []string
	for _, k := range []string{"errno", "code", "syscall", "path"} {
		v := o.Get(k)
		if v == nil || goja.IsUndefined(v) {
			continue
		}
		if _, isStr := v.Export().(string); isStr {
			parts = append(parts, fmt.Sprintf("%s: '%s'", k, v.String()))
		} else {
			parts = append(parts, fmt.Sprintf("%s: %s", k, v.String()))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "{\n  " + strings.Join(parts, ",\n  ") + "\n}"
}

func lineOf(src string, n int) string {
	for i := 1; i < n; i++ {
		j := strings.IndexByte(src, '\n')
		if j < 0 {
			return ""
		}
		src = src[j+1:]
	}
	if j := strings.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return strings.TrimRight(src, "\r")
}

// sourceLine fetches a line of a loaded module for an error report.
var sourceLine = func(file string, line int) string { return "" }

// describe renders a value briefly for error messages ("Received ...").
func describe(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) {
		return "undefined"
	}
	if goja.IsNull(v) {
		return "null"
	}
	switch x := v.Export().(type) {
	case string:
		return fmt.Sprintf("type string ('%s')", x)
	case int64, float64:
		return fmt.Sprintf("type number (%s)", v.String())
	case bool:
		return fmt.Sprintf("type boolean (%s)", v.String())
	}
	if o, ok := v.(*goja.Object); ok {
		if _, isFn := goja.AssertFunction(o); isFn {
			return "function " + o.Get("name").String()
		}
		if c := o.Get("constructor"); c != nil {
			if co, ok := c.(*goja.Object); ok {
				if n := co.Get("name"); n != nil && n.String() != "" {
					return "an instance of " + n.String()
				}
			}
		}
	}
	return v.String()
}

// NewError creates a JS Error with message.
func (l *Loop) NewError(msg string) *goja.Object {
	e, _ := l.VM.New(l.VM.Get("Error"), l.VM.ToValue(msg))
	return e
}

// TypeError creates a JS TypeError with a node-style code property.
func (l *Loop) TypeError(code, msg string) *goja.Object {
	e := l.VM.NewTypeError(msg)
	if code != "" {
		e.Set("code", code)
	}
	return e
}

// ErrorWithCode creates a JS Error with message and a code property.
func (l *Loop) ErrorWithCode(code, msg string) *goja.Object {
	e := l.NewError(msg)
	e.Set("code", code)
	return e
}

// SysError turns an error from a system call into a JS Error shaped like
// node's: message "ENOENT: no such file or directory, stat '/nope'" and
// properties errno, code, syscall, path (and dest when given).
func (l *Loop) SysError(err error, syscallName, path string, dest ...string) *goja.Object {
	code, errno, text := errnoOf(err)
	msg := fmt.Sprintf("%s: %s, %s", code, text, syscallName)
	if path != "" {
		msg += fmt.Sprintf(" '%s'", path)
	}
	if len(dest) > 0 && dest[0] != "" {
		msg += fmt.Sprintf(" -> '%s'", dest[0])
	}
	e := l.NewError(msg)
	e.Set("errno", -errno)
	e.Set("code", code)
	e.Set("syscall", syscallName)
	if path != "" {
		e.Set("path", path)
	}
	if len(dest) > 0 && dest[0] != "" {
		e.Set("dest", dest[0])
	}
	return e
}

// errnoOf digs the errno out of a Go error: its name (ENOENT), number and
// the C library's text for it.
func errnoOf(err error) (code string, num int, text string) {
	var en syscall.Errno
	if errors.As(err, &en) {
		name := unix.ErrnoName(en)
		if t, ok := errnoText[name]; ok {
			return name, int(en), t
		}
		return name, int(en), en.Error()
	}
	return "EIO", int(syscall.EIO), err.Error()
}

// errnoText is libuv's wording for each errno (what node prints), which
// differs from the C library's in places ("file already exists", "illegal
// operation on a directory"). Scripts and tests compare these messages.
var errnoText = map[string]string{
	"E2BIG":           "argument list too long",
	"EACCES":          "permission denied",
	"EADDRINUSE":      "address already in use",
	"EADDRNOTAVAIL":   "address not available",
	"EAFNOSUPPORT":    "address family not supported",
	"EAGAIN":          "resource temporarily unavailable",
	"EALREADY":        "connection already in progress",
	"EBADF":           "bad file descriptor",
	"EBUSY":           "resource busy or locked",
	"ECANCELED":       "operation canceled",
	"ECONNABORTED":    "software caused connection abort",
	"ECONNREFUSED":    "connection refused",
	"ECONNRESET":      "connection reset by peer",
	"EDESTADDRREQ":    "destination address required",
	"EEXIST":          "file already exists",
	"EFAULT":          "bad address in system call argument",
	"EFBIG":           "file too large",
	"EHOSTUNREACH":    "host is unreachable",
	"EINTR":           "interrupted system call",
	"EINVAL":          "invalid argument",
	"EIO":             "i/o error",
	"EISCONN":         "socket is already connected",
	"EISDIR":          "illegal operation on a directory",
	"ELOOP":           "too many symbolic links encountered",
	"EMFILE":          "too many open files",
	"EMSGSIZE":        "message too long",
	"ENAMETOOLONG":    "name too long",
	"ENETDOWN":        "network is down",
	"ENETUNREACH":     "network is unreachable",
	"ENFILE":          "file table overflow",
	"ENOBUFS":         "no buffer space available",
	"ENODEV":          "no such device",
	"ENOENT":          "no such file or directory",
	"ENOMEM":          "not enough memory",
	"ENONET":          "machine is not on the network",
	"ENOPROTOOPT":     "protocol not available",
	"ENOSPC":          "no space left on device",
	"ENOSYS":          "function not implemented",
	"ENOTCONN":        "socket is not connected",
	"ENOTDIR":         "not a directory",
	"ENOTEMPTY":       "directory not empty",
	"ENOTSOCK":        "socket operation on non-socket",
	"ENOTSUP":         "operation not supported on socket",
	"EOVERFLOW":       "value too large for defined data type",
	"EPERM":           "operation not permitted",
	"EPIPE":           "broken pipe",
	"EPROTO":          "protocol error",
	"EPROTONOSUPPORT": "protocol not supported",
	"EPROTOTYPE":      "protocol wrong type for socket",
	"ERANGE":          "result too large",
	"EROFS":           "read-only file system",
	"ESHUTDOWN":       "cannot send after transport endpoint shutdown",
	"ESPIPE":          "invalid seek",
	"ESRCH":           "no such process",
	"ETIMEDOUT":       "connection timed out",
	"ETXTBSY":         "text file is busy",
	"EXDEV":           "cross-device link not permitted",
	"ENXIO":           "no such device or address",
	"EMLINK":          "too many links",
	"EHOSTDOWN":       "host is down",
	"EREMOTEIO":       "remote I/O error",
	"ENOTTY":          "inappropriate ioctl for device",
	"EILSEQ":          "illegal byte sequence",
	"ESOCKTNOSUPPORT": "socket type not supported",
	"ENODATA":         "no data available",
	"EUNATCH":         "protocol driver not attached",
}
