// Package fsbind is the one Go file layer under both file vocabularies:
// node v0.1.21's "posix" (promises) and today's "fs" (err-first callbacks,
// ...Sync, fs.promises). Each native takes its arguments and, last, an
// optional callback: with a callback the work runs on its own goroutine
// and the callback is called on the loop as cb(err, result); without one
// it runs inline and returns the result or throws (the ...Sync forms).
// The JS halves only shape arguments and results, so both vocabularies
// share one set of system calls, one errno mapping and one fd table.
package fsbind

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
	"unsafe"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"

	"gonode/modules/internal/enc"
	"gonode/runtime"
)

// Binding is the native half: one per loop.
type Binding struct {
	l  *runtime.Loop
	vm *goja.Runtime
	// fds are the descriptors opened through this binding. Only they (and
	// 0, 1, 2) may be read, written or closed: a script closing a number
	// it never opened would otherwise close one of the Go runtime's own
	// descriptors (the netpoller's) and bring gonode down. Touched only on
	// the loop goroutine.
	fds map[int]bool
	obj *goja.Object
}

var (
	bindingsMu sync.Mutex
	bindings   = map[*runtime.Loop]*Binding{}
)

// Get returns the binding object of loop l (built once per loop and shared
// by posix, fs and process.watchFile).
func Get(l *runtime.Loop) *goja.Object {
	bindingsMu.Lock()
	defer bindingsMu.Unlock()
	if b, ok := bindings[l]; ok {
		return b.obj
	}
	b := &Binding{l: l, vm: l.VM, fds: map[int]bool{}}
	b.obj = b.build()
	bindings[l] = b
	return b.obj
}

// opError carries which call failed on which path, for node-shaped errors.
type opError struct {
	err             error
	sys, path, dest string
}

func (e *opError) Error() string { return e.err.Error() }

func fail(err error, sys, path string, dest ...string) error {
	d := ""
	if len(dest) > 0 {
		d = dest[0]
	}
	return &opError{err, sys, path, d}
}

// jsError makes a Go error a node-shaped JS error (on the loop).
func (b *Binding) jsError(err error) goja.Value {
	var oe *opError
	if errors.As(err, &oe) {
		if ce, ok := oe.err.(*codeError); ok {
			return ce.js(b.l)
		}
		return b.l.SysError(oe.err, oe.sys, oe.path, oe.dest)
	}
	if ce, ok := err.(*codeError); ok {
		return ce.js(b.l)
	}
	return b.l.NewError(err.Error())
}

// codeError is an error node raises itself rather than the kernel (ERR_FS_EISDIR...).
type codeError struct {
	name, code, msg string
	extra           []kv // set in this order, as node lists them
}

type kv struct {
	k string
	v any
}

func (e *codeError) Error() string { return e.msg }

func (e *codeError) js(l *runtime.Loop) goja.Value {
	var o *goja.Object
	if e.name == "TypeError" {
		o = l.TypeError(e.code, e.msg)
	} else {
		o = l.ErrorWithCode(e.code, e.msg)
		if e.name != "" {
			// node's SystemError has its name on the prototype: not an own
			// enumerable key, but "SystemError [CODE]: ..." in the stack.
			o.DefineDataProperty("name", l.VM.ToValue(e.name), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
			o.Set("stack", e.name+" ["+e.code+"]: "+e.msg)
		}
	}
	for _, x := range e.extra {
		if m, ok := x.v.([]kv); ok {
			sub := l.VM.NewObject()
			for _, y := range m {
				sub.Set(y.k, y.v)
			}
			o.Set(x.k, sub)
			continue
		}
		o.Set(x.k, x.v)
	}
	return o
}

// run executes work inline (no callback) or on a goroutine (callback).
// work returns a finisher that builds the JS result on the loop.
func (b *Binding) run(cb goja.Value, work func() (func() goja.Value, error)) goja.Value {
	fn, async := goja.AssertFunction(cb)
	if !async {
		fin, err := work()
		if err != nil {
			panic(b.jsError(err))
		}
		if fin == nil {
			return goja.Undefined()
		}
		return fin()
	}
	b.l.Go(func() func() {
		fin, err := work()
		return func() {
			if err != nil {
				b.l.Call(fn, goja.Undefined(), b.jsError(err))
				return
			}
			var v goja.Value = goja.Undefined()
			if fin != nil {
				v = fin()
			}
			b.l.Call(fn, goja.Undefined(), goja.Null(), v)
		}
	})
	return goja.Undefined()
}

// failNow reports err through the callback (asynchronously) or throws.
func (b *Binding) failNow(cb goja.Value, err error) goja.Value {
	return b.run(cb, func() (func() goja.Value, error) { return nil, err })
}

func (b *Binding) checkFd(fd int, sys string) error {
	if fd < 0 || (fd > 2 && !b.fds[fd]) {
		return fail(syscall.EBADF, sys, "")
	}
	return nil
}

func intArg(v goja.Value, def int64) int64 {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return def
	}
	return v.ToInteger()
}

func val(vm *goja.Runtime, x any) func() goja.Value {
	return func() goja.Value { return vm.ToValue(x) }
}

func (b *Binding) build() *goja.Object {
	vm := b.vm
	o := vm.NewObject()
	set := func(name string, f func(call goja.FunctionCall) goja.Value) { o.Set(name, f) }

	// open(path, flags, mode, cb) -> fd
	set("open", func(c goja.FunctionCall) goja.Value {
		path := c.Argument(0).String()
		flags := int(intArg(c.Argument(1), int64(unix.O_RDONLY)))
		mode := uint32(intArg(c.Argument(2), 0o666))
		cb := c.Argument(3)
		fn, async := goja.AssertFunction(cb)
		if !async {
			fd, err := unix.Open(path, flags|unix.O_CLOEXEC, mode)
			if err != nil {
				panic(b.l.SysError(err, "open", path))
			}
			b.fds[fd] = true
			return vm.ToValue(fd)
		}
		b.l.Go(func() func() {
			fd, err := unix.Open(path, flags|unix.O_CLOEXEC, mode)
			return func() {
				if err != nil {
					b.l.Call(fn, goja.Undefined(), b.l.SysError(err, "open", path))
					return
				}
				b.fds[fd] = true
				b.l.Call(fn, goja.Undefined(), goja.Null(), vm.ToValue(fd))
			}
		})
		return goja.Undefined()
	})

	// close(fd, cb)
	set("close", func(c goja.FunctionCall) goja.Value {
		fd := int(intArg(c.Argument(0), -1))
		cb := c.Argument(1)
		if err := b.checkFd(fd, "close"); err != nil {
			return b.failNow(cb, err)
		}
		delete(b.fds, fd)
		return b.run(cb, func() (func() goja.Value, error) {
			if err := unix.Close(fd); err != nil {
				return nil, fail(err, "close", "")
			}
			return nil, nil
		})
	})

	// read(fd, length, position, encoding, cb) -> [data, bytesRead]; data
	// is a string in encoding, or a Buffer when encoding is "buffer".
	// position -1/null reads from the current offset.
	set("read", func(c goja.FunctionCall) goja.Value {
		fd := int(intArg(c.Argument(0), -1))
		length := int(intArg(c.Argument(1), 0))
		pos := intArg(c.Argument(2), -1)
		encoding := c.Argument(3).String()
		cb := c.Argument(4)
		if err := b.checkFd(fd, "read"); err != nil {
			return b.failNow(cb, err)
		}
		if length < 0 {
			length = 0
		}
		// read(2) may return less than asked: a huge length is served by
		// reads of at most maxRead, never by a huge allocation.
		if length > maxRead {
			length = maxRead
		}
		return b.run(cb, func() (func() goja.Value, error) {
			buf := make([]byte, length)
			n, err := readAt(fd, buf, pos)
			if err != nil {
				return nil, fail(err, "read", "")
			}
			buf = buf[:n]
			return func() goja.Value {
				var data goja.Value
				if encoding == "buffer" {
					data = enc.NewBuffer(b.l, buf)
				} else {
					data = enc.Decode(vm, buf, encoding)
				}
				return vm.NewArray(data, n)
			}, nil
		})
	})

	// readInto(fd, buffer, offset, length, position, cb) -> bytesRead:
	// today's fs.read. The bytes are read into Go memory off the loop and
	// copied into the JS buffer on the loop (only the loop touches JS
	// memory).
	set("readInto", func(c goja.FunctionCall) goja.Value {
		fd := int(intArg(c.Argument(0), -1))
		target := c.Argument(1)
		off := int(intArg(c.Argument(2), 0))
		length := int(intArg(c.Argument(3), 0))
		pos := intArg(c.Argument(4), -1)
		cb := c.Argument(5)
		if err := b.checkFd(fd, "read"); err != nil {
			return b.failNow(cb, err)
		}
		dst, ok := enc.Bytes(vm, target)
		if !ok {
			panic(b.l.TypeError("ERR_INVALID_ARG_TYPE", "The \"buffer\" argument must be an instance of Buffer, TypedArray, or DataView."))
		}
		if off < 0 || off > len(dst) || length < 0 || off+length > len(dst) {
			panic(rangeErr(b.l, "The value of \"length\" is out of range."))
		}
		if _, async := goja.AssertFunction(cb); !async {
			// On the loop: read straight into the JS buffer.
			n, err := readAt(fd, dst[off:off+length], pos)
			if err != nil {
				panic(b.jsError(fail(err, "read", "")))
			}
			return vm.ToValue(n)
		}
		return b.run(cb, func() (func() goja.Value, error) {
			// Off the loop: read into pooled Go memory, copy on the loop.
			buf := getBuf(length)
			n, err := readAt(fd, buf, pos)
			if err != nil {
				putBuf(buf)
				return nil, fail(err, "read", "")
			}
			return func() goja.Value {
				if d, ok := enc.Bytes(vm, target); ok && off+n <= len(d) {
					copy(d[off:], buf[:n])
				}
				putBuf(buf)
				return vm.ToValue(n)
			}, nil
		})
	})

	// write(fd, data, position, encoding, cb) -> bytesWritten. data is a
	// string (encoded with encoding) or a byte container.
	set("write", func(c goja.FunctionCall) goja.Value {
		fd := int(intArg(c.Argument(0), -1))
		data := b.bytesOf(c.Argument(1), c.Argument(3).String())
		pos := intArg(c.Argument(2), -1)
		cb := c.Argument(4)
		if err := b.checkFd(fd, "write"); err != nil {
			return b.failNow(cb, err)
		}
		if fd == 1 || fd == 2 {
			b.l.Stdout.Flush()
		}
		return b.run(cb, func() (func() goja.Value, error) {
			n, err := writeAt(fd, data, pos)
			if err != nil {
				return nil, fail(err, "write", "")
			}
			return val(vm, n), nil
		})
	})

	pathOp := func(name, sys string, f func(p string) error) {
		set(name, func(c goja.FunctionCall) goja.Value {
			p := c.Argument(0).String()
			return b.run(c.Argument(1), func() (func() goja.Value, error) {
				if err := f(p); err != nil {
					return nil, fail(err, sys, p)
				}
				return nil, nil
			})
		})
	}
	pathOp("unlink", "unlink", unix.Unlink)
	pathOp("rmdir", "rmdir", unix.Rmdir)

	// rename(from, to, cb)
	set("rename", func(c goja.FunctionCall) goja.Value {
		from, to := c.Argument(0).String(), c.Argument(1).String()
		return b.run(c.Argument(2), func() (func() goja.Value, error) {
			if err := unix.Rename(from, to); err != nil {
				return nil, fail(err, "rename", from, to)
			}
			return nil, nil
		})
	})

	// mkdir(path, mode, recursive, cb) -> first directory created (recursive)
	set("mkdir", func(c goja.FunctionCall) goja.Value {
		p := c.Argument(0).String()
		mode := uint32(intArg(c.Argument(1), 0o777))
		recursive := c.Argument(2).ToBoolean()
		return b.run(c.Argument(3), func() (func() goja.Value, error) {
			if !recursive {
				if err := unix.Mkdir(p, mode); err != nil {
					return nil, fail(err, "mkdir", p)
				}
				return nil, nil
			}
			first, err := mkdirAll(p, mode)
			if err != nil {
				return nil, fail(err, "mkdir", p)
			}
			if first == "" {
				return nil, nil
			}
			return val(vm, first), nil
		})
	})

	// readdir(path, withTypes, cb) -> names, or [names, types] with types
	// readdir(path, withTypes, cb, opendir): opendir keeps the directory's
	// own order (node's Dir reads with readdir(3), unsorted).
	set("readdir", func(c goja.FunctionCall) goja.Value {
		p := c.Argument(0).String()
		withTypes := c.Argument(1).ToBoolean()
		opendir := c.Argument(3).ToBoolean()
		return b.run(c.Argument(2), func() (func() goja.Value, error) {
			names, types, err := readDir(p, withTypes, !opendir)
			if err != nil {
				if opendir {
					return nil, fail(err, "opendir", p)
				}
				return nil, fail(err, "scandir", p)
			}
			return func() goja.Value {
				ns := make([]any, len(names))
				for i, n := range names {
					ns[i] = n
				}
				if !withTypes {
					return vm.NewArray(ns...)
				}
				ts := make([]any, len(types))
				for i, t := range types {
					ts[i] = t
				}
				return vm.NewArray(vm.NewArray(ns...), vm.NewArray(ts...))
			}, nil
		})
	})

	// stat/lstat(path, bigint-unused, cb) and fstat(fd, cb) -> array of numbers
	statOp := func(name string, follow bool) {
		set(name, func(c goja.FunctionCall) goja.Value {
			p := c.Argument(0).String()
			return b.run(c.Argument(1), func() (func() goja.Value, error) {
				st, err := statPath(p, follow)
				if err != nil {
					return nil, fail(err, name, p)
				}
				return func() goja.Value { return b.statArray(st) }, nil
			})
		})
	}
	statOp("stat", true)
	statOp("lstat", false)
	set("fstat", func(c goja.FunctionCall) goja.Value {
		fd := int(intArg(c.Argument(0), -1))
		cb := c.Argument(1)
		if err := b.checkFd(fd, "fstat"); err != nil {
			return b.failNow(cb, err)
		}
		return b.run(cb, func() (func() goja.Value, error) {
			var st unix.Statx_t
			if err := unix.Statx(fd, "", unix.AT_EMPTY_PATH, unix.STATX_BASIC_STATS|unix.STATX_BTIME, &st); err != nil {
				return nil, fail(err, "fstat", "")
			}
			return func() goja.Value { return b.statArray(&st) }, nil
		})
	})

	// truncate(path, len, cb), ftruncate(fd, len, cb)
	set("truncate", func(c goja.FunctionCall) goja.Value {
		p := c.Argument(0).String()
		n := intArg(c.Argument(1), 0)
		return b.run(c.Argument(2), func() (func() goja.Value, error) {
			if err := unix.Truncate(p, n); err != nil {
				return nil, fail(err, "open", p)
			}
			return nil, nil
		})
	})
	set("ftruncate", func(c goja.FunctionCall) goja.Value {
		fd := int(intArg(c.Argument(0), -1))
		n := intArg(c.Argument(1), 0)
		cb := c.Argument(2)
		if err := b.checkFd(fd, "ftruncate"); err != nil {
			return b.failNow(cb, err)
		}
		return b.run(cb, func() (func() goja.Value, error) {
			if err := unix.Ftruncate(fd, n); err != nil {
				return nil, fail(err, "ftruncate", "")
			}
			return nil, nil
		})
	})
	set("fsync", func(c goja.FunctionCall) goja.Value {
		fd := int(intArg(c.Argument(0), -1))
		cb := c.Argument(1)
		if err := b.checkFd(fd, "fsync"); err != nil {
			return b.failNow(cb, err)
		}
		return b.run(cb, func() (func() goja.Value, error) {
			if err := unix.Fsync(fd); err != nil {
				return nil, fail(err, "fsync", "")
			}
			return nil, nil
		})
	})

	// sendfile(outFd, inFd, inOffset, length, cb) -> bytes sent
	set("sendfile", func(c goja.FunctionCall) goja.Value {
		out := int(intArg(c.Argument(0), -1))
		in := int(intArg(c.Argument(1), -1))
		off := intArg(c.Argument(2), 0)
		n := int(intArg(c.Argument(3), 0))
		cb := c.Argument(4)
		if err := b.checkFd(out, "sendfile"); err != nil {
			return b.failNow(cb, err)
		}
		if err := b.checkFd(in, "sendfile"); err != nil {
			return b.failNow(cb, err)
		}
		if out == 1 || out == 2 {
			b.l.Stdout.Flush()
		}
		return b.run(cb, func() (func() goja.Value, error) {
			total := 0
			for total < n {
				w, err := unix.Sendfile(out, in, &off, n-total)
				if err == syscall.EINTR || err == syscall.EAGAIN {
					continue
				}
				if err != nil {
					return nil, fail(err, "sendfile", "")
				}
				if w == 0 {
					break
				}
				total += w
			}
			return val(vm, total), nil
		})
	})

	// access(path, mode, cb)
	set("access", func(c goja.FunctionCall) goja.Value {
		p := c.Argument(0).String()
		mode := uint32(intArg(c.Argument(1), 0))
		return b.run(c.Argument(2), func() (func() goja.Value, error) {
			if err := unix.Faccessat(unix.AT_FDCWD, p, mode, 0); err != nil {
				return nil, fail(err, "access", p)
			}
			return nil, nil
		})
	})

	// exists(path, cb) -> bool (never fails)
	set("exists", func(c goja.FunctionCall) goja.Value {
		p := c.Argument(0).String()
		return b.run(c.Argument(1), func() (func() goja.Value, error) {
			err := unix.Faccessat(unix.AT_FDCWD, p, unix.F_OK, 0)
			return val(vm, err == nil), nil
		})
	})

	// readFile(path, flags, encoding, cb) -> string or Buffer
	set("readFile", func(c goja.FunctionCall) goja.Value {
		pathV := c.Argument(0)
		flags := int(intArg(c.Argument(1), int64(unix.O_RDONLY)))
		encoding := c.Argument(2).String()
		cb := c.Argument(3)
		fd := -1
		var p string
		if n, isNum := pathV.Export().(int64); isNum {
			fd = int(n)
			if err := b.checkFd(fd, "fstat"); err != nil {
				return b.failNow(cb, err)
			}
		} else {
			p = pathV.String()
		}
		return b.run(cb, func() (func() goja.Value, error) {
			data, err := readFile(p, fd, flags)
			if err != nil {
				return nil, err
			}
			return func() goja.Value {
				if encoding == "buffer" {
					return enc.NewBuffer(b.l, data)
				}
				return enc.DecodeOwned(vm, data, encoding)
			}, nil
		})
	})

	// writeFile(path|fd, data, encoding, flags, mode, cb)
	set("writeFile", func(c goja.FunctionCall) goja.Value {
		pathV := c.Argument(0)
		data := b.bytesOf(c.Argument(1), c.Argument(2).String())
		flags := int(intArg(c.Argument(3), int64(unix.O_WRONLY|unix.O_CREAT|unix.O_TRUNC)))
		mode := uint32(intArg(c.Argument(4), 0o666))
		cb := c.Argument(5)
		fd := -1
		var p string
		if n, isNum := pathV.Export().(int64); isNum {
			fd = int(n)
			if err := b.checkFd(fd, "write"); err != nil {
				return b.failNow(cb, err)
			}
			if fd == 1 || fd == 2 {
				b.l.Stdout.Flush()
			}
		} else {
			p = pathV.String()
		}
		return b.run(cb, func() (func() goja.Value, error) {
			return nil, writeFile(p, fd, data, flags, mode)
		})
	})

	// copyFile(src, dst, mode, cb); mode 1 = COPYFILE_EXCL
	set("copyFile", func(c goja.FunctionCall) goja.Value {
		src, dst := c.Argument(0).String(), c.Argument(1).String()
		mode := intArg(c.Argument(2), 0)
		return b.run(c.Argument(3), func() (func() goja.Value, error) {
			return nil, copyFile(src, dst, mode&1 != 0)
		})
	})

	// rm(path, recursive, force, cb): today's fs.rm
	set("rm", func(c goja.FunctionCall) goja.Value {
		p := c.Argument(0).String()
		recursive, force := c.Argument(1).ToBoolean(), c.Argument(2).ToBoolean()
		return b.run(c.Argument(3), func() (func() goja.Value, error) {
			return nil, rm(p, recursive, force)
		})
	})

	set("rmdirRecursive", func(c goja.FunctionCall) goja.Value {
		p := c.Argument(0).String()
		return b.run(c.Argument(1), func() (func() goja.Value, error) {
			st, err := os.Lstat(p)
			if err != nil {
				return nil, fail(unwrapErrno(err), "rmdir", p)
			}
			if !st.IsDir() {
				return nil, fail(syscall.ENOTDIR, "rmdir", p)
			}
			if err := os.RemoveAll(p); err != nil {
				return nil, fail(unwrapErrno(err), "rmdir", p)
			}
			return nil, nil
		})
	})

	set("symlink", func(c goja.FunctionCall) goja.Value {
		target, p := c.Argument(0).String(), c.Argument(1).String()
		return b.run(c.Argument(2), func() (func() goja.Value, error) {
			if err := unix.Symlink(target, p); err != nil {
				return nil, fail(err, "symlink", target, p)
			}
			return nil, nil
		})
	})
	set("readlink", func(c goja.FunctionCall) goja.Value {
		p := c.Argument(0).String()
		return b.run(c.Argument(1), func() (func() goja.Value, error) {
			s, err := os.Readlink(p)
			if err != nil {
				return nil, fail(unwrapErrno(err), "readlink", p)
			}
			return val(vm, s), nil
		})
	})
	set("realpath", func(c goja.FunctionCall) goja.Value {
		p := c.Argument(0).String()
		return b.run(c.Argument(1), func() (func() goja.Value, error) {
			abs, err := filepath.Abs(p)
			if err == nil {
				abs, err = filepath.EvalSymlinks(abs)
			}
			if err != nil {
				return nil, fail(unwrapErrno(err), "realpath", p)
			}
			return val(vm, abs), nil
		})
	})
	set("chmod", func(c goja.FunctionCall) goja.Value {
		p := c.Argument(0).String()
		mode := uint32(intArg(c.Argument(1), 0))
		return b.run(c.Argument(2), func() (func() goja.Value, error) {
			if err := unix.Chmod(p, mode); err != nil {
				return nil, fail(err, "chmod", p)
			}
			return nil, nil
		})
	})
	set("utimes", func(c goja.FunctionCall) goja.Value {
		p := c.Argument(0).String()
		at, mt := c.Argument(1).ToFloat(), c.Argument(2).ToFloat()
		return b.run(c.Argument(3), func() (func() goja.Value, error) {
			ts := []unix.Timespec{secToTimespec(at), secToTimespec(mt)}
			if err := unix.UtimesNano(p, ts); err != nil {
				return nil, fail(err, "utime", p)
			}
			return nil, nil
		})
	})
	set("mkdtemp", func(c goja.FunctionCall) goja.Value {
		prefix := c.Argument(0).String()
		return b.run(c.Argument(1), func() (func() goja.Value, error) {
			dir, file := filepath.Split(prefix)
			if dir == "" {
				dir = "."
			}
			d, err := os.MkdirTemp(dir, file+"*")
			if err != nil {
				return nil, fail(unwrapErrno(err), "mkdtemp", prefix+"XXXXXX")
			}
			if !strings.HasPrefix(prefix, "./") && !filepath.IsAbs(prefix) && strings.HasPrefix(d, "./") {
				d = d[2:]
			}
			return val(vm, d), nil
		})
	})

	// watch(path, intervalMs, persistent, listener) -> stop function: the
	// polling engine of process.watchFile and fs.watchFile. The listener
	// gets (currArray, prevArray) on the loop whenever the stat changes; a
	// missing file reads as all zeros, as in node.
	set("watch", func(c goja.FunctionCall) goja.Value {
		return b.watch(c.Argument(0).String(), intArg(c.Argument(1), 5007), c.Argument(2).ToBoolean(), c.Argument(3))
	})
	set("link", func(c goja.FunctionCall) goja.Value {
		from, to := c.Argument(0).String(), c.Argument(1).String()
		return b.run(c.Argument(2), func() (func() goja.Value, error) {
			if err := unix.Link(from, to); err != nil {
				return nil, fail(err, "link", from, to)
			}
			return nil, nil
		})
	})
	// chown(path, uid, gid, follow, cb)
	set("chown", func(c goja.FunctionCall) goja.Value {
		p := c.Argument(0).String()
		uid, gid := int(intArg(c.Argument(1), -1)), int(intArg(c.Argument(2), -1))
		follow := c.Argument(3).ToBoolean()
		return b.run(c.Argument(4), func() (func() goja.Value, error) {
			var err error
			sys := "chown"
			if follow {
				err = unix.Chown(p, uid, gid)
			} else {
				sys = "lchown"
				err = unix.Lchown(p, uid, gid)
			}
			if err != nil {
				return nil, fail(err, sys, p)
			}
			return nil, nil
		})
	})
	// fchown(fd, uid, gid, cb), fchmod(fd, mode, cb), futimes(fd, at, mt, cb)
	set("fchown", func(c goja.FunctionCall) goja.Value {
		fd := int(intArg(c.Argument(0), -1))
		uid, gid := int(intArg(c.Argument(1), -1)), int(intArg(c.Argument(2), -1))
		cb := c.Argument(3)
		if err := b.checkFd(fd, "fchown"); err != nil {
			return b.failNow(cb, err)
		}
		return b.run(cb, func() (func() goja.Value, error) {
			if err := unix.Fchown(fd, uid, gid); err != nil {
				return nil, fail(err, "fchown", "")
			}
			return nil, nil
		})
	})
	set("fchmod", func(c goja.FunctionCall) goja.Value {
		fd := int(intArg(c.Argument(0), -1))
		mode := uint32(intArg(c.Argument(1), 0))
		cb := c.Argument(2)
		if err := b.checkFd(fd, "fchmod"); err != nil {
			return b.failNow(cb, err)
		}
		return b.run(cb, func() (func() goja.Value, error) {
			if err := unix.Fchmod(fd, mode); err != nil {
				return nil, fail(err, "fchmod", "")
			}
			return nil, nil
		})
	})
	set("futimes", func(c goja.FunctionCall) goja.Value {
		fd := int(intArg(c.Argument(0), -1))
		at, mt := c.Argument(1).ToFloat(), c.Argument(2).ToFloat()
		cb := c.Argument(3)
		if err := b.checkFd(fd, "futime"); err != nil {
			return b.failNow(cb, err)
		}
		return b.run(cb, func() (func() goja.Value, error) {
			ts := []unix.Timespec{secToTimespec(at), secToTimespec(mt)}
			if err := unix.UtimesNanoAt(fd, "", ts, unix.AT_EMPTY_PATH); err != nil {
				if err2 := futimens(fd, ts); err2 != nil {
					return nil, fail(err2, "futime", "")
				}
			}
			return nil, nil
		})
	})
	set("lutimes", func(c goja.FunctionCall) goja.Value {
		p := c.Argument(0).String()
		at, mt := c.Argument(1).ToFloat(), c.Argument(2).ToFloat()
		return b.run(c.Argument(3), func() (func() goja.Value, error) {
			ts := []unix.Timespec{secToTimespec(at), secToTimespec(mt)}
			if err := unix.UtimesNanoAt(unix.AT_FDCWD, p, ts, unix.AT_SYMLINK_NOFOLLOW); err != nil {
				return nil, fail(err, "lutime", p)
			}
			return nil, nil
		})
	})
	// inotify(path, persistent, listener(type, name)) -> close function
	set("inotify", func(c goja.FunctionCall) goja.Value {
		return b.inotifyWatch(c.Argument(0).String(), c.Argument(1).ToBoolean(), c.Argument(2))
	})
	set("fdCount", func(goja.FunctionCall) goja.Value { return vm.ToValue(len(b.fds)) })
	return o
}

// secToTimespec keeps microseconds, as libuv does (so times set by a
// script read back as node reads them).
const maxRead = 64 << 20

func secToTimespec(s float64) unix.Timespec {
	us := int64(s * 1e6)
	return unix.Timespec{Sec: us / 1e6, Nsec: us % 1e6 * 1000}
}

func rangeErr(l *runtime.Loop, msg string) goja.Value {
	e, _ := l.VM.New(l.VM.Get("RangeError"), l.VM.ToValue(msg))
	e.Set("code", "ERR_OUT_OF_RANGE")
	return e
}

// bytesOf turns a write argument into bytes that may leave the loop: a
// byte container is copied, anything else is a string in encoding.
func (b *Binding) bytesOf(v goja.Value, encoding string) []byte {
	if raw, ok := enc.Bytes(b.vm, v); ok {
		return append([]byte(nil), raw...)
	}
	return enc.Encode(v, encoding)
}

func unwrapErrno(err error) error {
	var en syscall.Errno
	if errors.As(err, &en) {
		return en
	}
	return err
}

func readAt(fd int, buf []byte, pos int64) (int, error) {
	for {
		var n int
		var err error
		if pos < 0 {
			n, err = unix.Read(fd, buf)
		} else {
			n, err = unix.Pread(fd, buf, pos)
		}
		if err == syscall.EINTR {
			continue
		}
		if err == syscall.EAGAIN {
			time.Sleep(time.Millisecond)
			continue
		}
		if n < 0 {
			n = 0
		}
		return n, err
	}
}

func writeAt(fd int, data []byte, pos int64) (int, error) {
	total := 0
	for total < len(data) {
		var n int
		var err error
		if pos < 0 {
			n, err = unix.Write(fd, data[total:])
		} else {
			n, err = unix.Pwrite(fd, data[total:], pos+int64(total))
		}
		if err == syscall.EINTR {
			continue
		}
		if err == syscall.EAGAIN {
			time.Sleep(time.Millisecond)
			continue
		}
		if err != nil {
			if total > 0 {
				return total, nil
			}
			return 0, err
		}
		total += n
	}
	return total, nil
}

func statPath(p string, follow bool) (*unix.Statx_t, error) {
	var st unix.Statx_t
	flags := unix.AT_STATX_SYNC_AS_STAT
	if !follow {
		flags |= unix.AT_SYMLINK_NOFOLLOW
	}
	if p == "" {
		return nil, syscall.ENOENT
	}
	if err := unix.Statx(unix.AT_FDCWD, p, flags, unix.STATX_BASIC_STATS|unix.STATX_BTIME, &st); err != nil {
		return nil, err
	}
	return &st, nil
}

func ms(t unix.StatxTimestamp) float64 {
	return float64(t.Sec)*1e3 + float64(t.Nsec)/1e6
}

// statArray lays a stat out as node's binding does: dev, mode, nlink,
// uid, gid, rdev, blksize, ino, size, blocks, atimeMs, mtimeMs, ctimeMs,
// birthtimeMs.
func (b *Binding) statArray(st *unix.Statx_t) goja.Value {
	return b.vm.NewArray(statValues(st)...)
}

func statValues(st *unix.Statx_t) []any {
	if st == nil {
		return []any{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0, 0.0, 0.0, 0.0}
	}
	birth := 0.0
	if st.Mask&unix.STATX_BTIME != 0 {
		birth = ms(st.Btime)
	}
	return []any{
		int64(unix.Mkdev(st.Dev_major, st.Dev_minor)), int64(st.Mode), int64(st.Nlink),
		int64(st.Uid), int64(st.Gid), int64(unix.Mkdev(st.Rdev_major, st.Rdev_minor)),
		int64(st.Blksize), int64(st.Ino), int64(st.Size), int64(st.Blocks),
		ms(st.Atime), ms(st.Mtime), ms(st.Ctime), birth,
	}
}

// mkdirAll creates p and its parents; it returns the first directory it
// created ("" when p existed), as node's recursive mkdir does.
func mkdirAll(p string, mode uint32) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var missing []string
	cur := abs
	for {
		st, err := os.Stat(cur)
		if err == nil {
			if !st.IsDir() {
				if cur == abs {
					return "", syscall.EEXIST
				}
				return "", syscall.ENOTDIR
			}
			break
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", unwrapErrno(err)
		}
		missing = append(missing, cur)
		parent := filepath.Dir(cur)
		if parent == cur {
			break
		}
		cur = parent
	}
	first := ""
	for i := len(missing) - 1; i >= 0; i-- {
		if err := unix.Mkdir(missing[i], mode); err != nil && err != syscall.EEXIST {
			return "", err
		}
		if first == "" {
			first = missing[i]
		}
	}
	return first, nil
}

// Dirent types as node's binding numbers them.
const (
	direntUnknown = iota
	direntFile
	direntDir
	direntLink
	direntFIFO
	direntSocket
	direntChar
	direntBlock
)

func readDir(p string, withTypes, sorted bool) ([]string, []int, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, nil, unwrapErrno(err)
	}
	defer f.Close()
	ents, err := f.ReadDir(-1)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, nil, unwrapErrno(err)
	}
	// node's readdir (libuv scandir) sorts names bytewise; so does this.
	if sorted {
		sortEntries(ents)
	}
	names := make([]string, len(ents))
	var types []int
	if withTypes {
		types = make([]int, len(ents))
	}
	for i, e := range ents {
		names[i] = e.Name()
		if withTypes {
			t := e.Type()
			switch {
			case t.IsRegular():
				types[i] = direntFile
			case t&fs.ModeDir != 0:
				types[i] = direntDir
			case t&fs.ModeSymlink != 0:
				types[i] = direntLink
			case t&fs.ModeNamedPipe != 0:
				types[i] = direntFIFO
			case t&fs.ModeSocket != 0:
				types[i] = direntSocket
			case t&fs.ModeCharDevice != 0:
				types[i] = direntChar
			case t&fs.ModeDevice != 0:
				types[i] = direntBlock
			default:
				types[i] = direntUnknown
			}
		}
	}
	return names, types, nil
}

func sortEntries(e []fs.DirEntry) {
	for i := 1; i < len(e); i++ {
		for j := i; j > 0 && e[j].Name() < e[j-1].Name(); j-- {
			e[j], e[j-1] = e[j-1], e[j]
		}
	}
}

func readFile(p string, fd int, flags int) ([]byte, error) {
	if fd < 0 {
		var err error
		fd, err = unix.Open(p, flags|unix.O_CLOEXEC, 0o666)
		if err != nil {
			return nil, fail(err, "open", p)
		}
		defer unix.Close(fd)
	}
	var st unix.Stat_t
	size := 0
	if unix.Fstat(fd, &st) == nil {
		if st.Mode&unix.S_IFMT == unix.S_IFDIR {
			return nil, fail(syscall.EISDIR, "read", "")
		}
		if st.Mode&unix.S_IFMT == unix.S_IFREG {
			size = int(st.Size)
		}
	}
	// The common case, a regular file that does not change while read:
	// one allocation of exactly its size, then a small probe for EOF.
	buf := make([]byte, 0, size)
	if size == 0 {
		buf = make([]byte, 0, 8192)
	}
	var probe [512]byte
	for {
		if len(buf) == cap(buf) {
			n, err := readAt(fd, probe[:], -1)
			if err != nil {
				return nil, fail(err, "read", "")
			}
			if n == 0 {
				return buf, nil
			}
			buf = append(buf, probe[:n]...)
			continue
		}
		n, err := readAt(fd, buf[len(buf):cap(buf)], -1)
		if err != nil {
			return nil, fail(err, "read", "")
		}
		if n == 0 {
			return buf, nil
		}
		buf = buf[:len(buf)+n]
	}
}

func writeFile(p string, fd int, data []byte, flags int, mode uint32) error {
	if fd < 0 {
		var err error
		fd, err = unix.Open(p, flags|unix.O_CLOEXEC, mode)
		if err != nil {
			return fail(err, "open", p)
		}
		defer unix.Close(fd)
	}
	if _, err := writeAt(fd, data, -1); err != nil {
		return fail(err, "write", "")
	}
	return nil
}

func copyFile(src, dst string, excl bool) error {
	in, err := os.Open(src)
	if err != nil {
		return fail(unwrapErrno(err), "copyfile", src, dst)
	}
	defer in.Close()
	st, err := in.Stat()
	if err != nil {
		return fail(unwrapErrno(err), "copyfile", src, dst)
	}
	if st.IsDir() {
		return fail(syscall.EISDIR, "copyfile", src, dst)
	}
	flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if excl {
		flags |= os.O_EXCL
	}
	out, err := os.OpenFile(dst, flags, st.Mode().Perm())
	if err != nil {
		return fail(unwrapErrno(err), "copyfile", src, dst)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fail(unwrapErrno(err), "copyfile", src, dst)
	}
	if err := out.Close(); err != nil {
		return fail(unwrapErrno(err), "copyfile", src, dst)
	}
	return nil
}

// rm follows node v20's fs.rm: lstat first; a directory needs recursive;
// force ignores a missing path.
func rm(p string, recursive, force bool) error {
	st, err := os.Lstat(p)
	if err != nil {
		if force && errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return fail(unwrapErrno(err), "lstat", p)
	}
	if st.IsDir() {
		if !recursive {
			return &codeError{name: "SystemError", code: "ERR_FS_EISDIR",
				msg: "Path is a directory: rm returned EISDIR (is a directory) " + p,
				extra: []kv{
					{"info", []kv{{"code", "EISDIR"}, {"message", "is a directory"}, {"path", p}, {"syscall", "rm"}, {"errno", 21}}},
					{"errno", 21}, {"syscall", "rm"}, {"path", p}}}
		}
		if err := os.RemoveAll(p); err != nil {
			return fail(unwrapErrno(err), "rm", p)
		}
		return nil
	}
	if err := unix.Unlink(p); err != nil {
		return fail(err, "rm", p)
	}
	return nil
}

// Scratch buffers for reads that are copied into JS memory afterwards.
var bufPool = sync.Pool{New: func() any { b := make([]byte, 64*1024); return &b }}

func getBuf(n int) []byte {
	if n > 64*1024 {
		return make([]byte, n)
	}
	b := *(bufPool.Get().(*[]byte))
	return b[:n]
}

func putBuf(b []byte) {
	if cap(b) == 64*1024 {
		b = b[:cap(b)]
		bufPool.Put(&b)
	}
}

// futimens sets an open file's times (utimensat(fd, NULL, ...)).
func futimens(fd int, ts []unix.Timespec) error {
	_, _, e := unix.Syscall6(unix.SYS_UTIMENSAT, uintptr(fd), 0, uintptr(unsafe.Pointer(&ts[0])), 0, 0, 0)
	if e != 0 {
		return e
	}
	return nil
}
