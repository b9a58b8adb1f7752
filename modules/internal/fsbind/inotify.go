package fsbind

import (
	"bytes"
	"os"
	"path/filepath"
	"unsafe"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"
)

// The events libuv asks inotify for; ATTRIB and MODIFY are "change",
// the rest "rename", as node reports them.
const inotifyMask = unix.IN_ATTRIB | unix.IN_CREATE | unix.IN_MODIFY | unix.IN_DELETE |
	unix.IN_DELETE_SELF | unix.IN_MOVE_SELF | unix.IN_MOVED_FROM | unix.IN_MOVED_TO

// inotifyWatch(path, persistent, onEvent(type, name)) -> close function:
// fs.watch's engine. One inotify instance per watcher, read by its own
// goroutine through the Go poller so that closing it ends the read.
func (b *Binding) inotifyWatch(path string, persistent bool, listener goja.Value) goja.Value {
	fn, ok := goja.AssertFunction(listener)
	if !ok {
		panic(b.l.TypeError("ERR_INVALID_ARG_TYPE", `The "listener" argument must be of type function`))
	}
	fd, err := unix.InotifyInit1(unix.IN_CLOEXEC | unix.IN_NONBLOCK)
	if err != nil {
		panic(b.watchError(err, path))
	}
	if _, err := unix.InotifyAddWatch(fd, path, inotifyMask); err != nil {
		unix.Close(fd)
		panic(b.watchError(err, path))
	}
	f := os.NewFile(uintptr(fd), "inotify")
	base := filepath.Base(path)
	closed := false
	if persistent {
		b.l.Ref()
	}
	go func() {
		buf := make([]byte, 64*1024)
		for {
			n, err := f.Read(buf)
			if err != nil || n <= 0 {
				return
			}
			type ev struct{ kind, name string }
			var evs []ev
			for off := 0; off+unix.SizeofInotifyEvent <= n; {
				raw := (*unix.InotifyEvent)(unsafe.Pointer(&buf[off]))
				name := base
				if raw.Len > 0 {
					nb := buf[off+unix.SizeofInotifyEvent : off+unix.SizeofInotifyEvent+int(raw.Len)]
					if i := bytes.IndexByte(nb, 0); i >= 0 {
						nb = nb[:i]
					}
					name = string(nb)
				}
				off += unix.SizeofInotifyEvent + int(raw.Len)
				if raw.Mask&unix.IN_IGNORED != 0 {
					continue
				}
				kind := "rename"
				if raw.Mask&(unix.IN_ATTRIB|unix.IN_MODIFY) != 0 {
					kind = "change"
				}
				evs = append(evs, ev{kind, name})
			}
			if len(evs) == 0 {
				continue
			}
			b.l.Post(func() {
				for _, e := range evs {
					if closed {
						return
					}
					b.l.Call(fn, goja.Undefined(), b.vm.ToValue(e.kind), b.vm.ToValue(e.name))
				}
			})
		}
	}()
	return b.vm.ToValue(func(goja.FunctionCall) goja.Value {
		if !closed {
			closed = true
			f.Close()
			if persistent {
				b.l.Unref()
			}
		}
		return goja.Undefined()
	})
}

// watchError is node's: errno, syscall, code, path, filename.
func (b *Binding) watchError(err error, path string) goja.Value {
	e := b.l.SysError(err, "watch", path)
	code := e.Get("code")
	e.Delete("code")
	e.Delete("path")
	e.Set("syscall", "watch")
	e.Set("code", code)
	e.Set("path", path)
	e.Set("filename", path)
	return e
}
