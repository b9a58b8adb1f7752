// Package os provides node's "os" module. The facts come from the kernel
// (uname, sysinfo, /proc) through Go; the module object itself is JS so its
// shape (function names, constants with null prototypes) matches node's.
package os

import (
	"bufio"
	_ "embed"
	"fmt"
	"net"
	goos "os"
	"os/user"
	"runtime"
	"strconv"
	"strings"
	"syscall"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"

	gnrt "gonode/runtime"
)

//go:embed os.js
var source string

func init() {
	gnrt.Register("os", func(l *gnrt.Loop) (goja.Value, error) {
		return l.EvalModule("os", source, natives(l))
	})
}

func cstr(b []byte) string {
	if i := strings.IndexByte(string(b), 0); i >= 0 {
		return string(b[:i])
	}
	return string(b)
}

func natives(l *gnrt.Loop) *goja.Object {
	vm := l.VM
	b := vm.NewObject()
	var uts unix.Utsname
	unameErr := unix.Uname(&uts)
	b.Set("uname", func(goja.FunctionCall) goja.Value {
		if unameErr != nil {
			panic(l.SysError(unameErr, "uv_os_uname", ""))
		}
		return vm.NewArray(cstr(uts.Sysname[:]), cstr(uts.Release[:]), cstr(uts.Version[:]), cstr(uts.Machine[:]), cstr(uts.Nodename[:]))
	})
	b.Set("hostname", func(goja.FunctionCall) goja.Value {
		h, err := goos.Hostname()
		if err != nil {
			panic(l.SysError(err, "uv_os_gethostname", ""))
		}
		return vm.ToValue(h)
	})
	b.Set("sysinfo", func(goja.FunctionCall) goja.Value {
		var si unix.Sysinfo_t
		if err := unix.Sysinfo(&si); err != nil {
			panic(l.SysError(err, "sysinfo", ""))
		}
		unit := uint64(si.Unit)
		if unit == 0 {
			unit = 1
		}
		free := uint64(si.Freeram) * unit
		if avail, ok := memAvailable(); ok {
			free = avail // libuv reports MemAvailable, not MemFree
		}
		load := func(x uint64) float64 { return float64(x) / 65536 }
		return vm.NewArray(float64(uint64(si.Totalram)*unit), float64(free), uptime(float64(si.Uptime)),
			load(uint64(si.Loads[0])), load(uint64(si.Loads[1])), load(uint64(si.Loads[2])))
	})
	b.Set("cpus", func(goja.FunctionCall) goja.Value { return vm.ToValue(cpus(vm)) })
	b.Set("interfaces", func(goja.FunctionCall) goja.Value {
		out, err := interfaces(vm)
		if err != nil {
			panic(l.SysError(err, "uv_interface_addresses", ""))
		}
		return out
	})
	b.Set("userInfo", func(goja.FunctionCall) goja.Value {
		uid := goos.Getuid()
		u, err := user.LookupId(strconv.Itoa(uid))
		if err != nil {
			panic(l.SysError(syscall.ENOENT, "uv_os_get_passwd", ""))
		}
		gid, _ := strconv.Atoi(u.Gid)
		return vm.NewArray(uid, gid, u.Username, u.HomeDir, shellOf(u.Username))
	})
	b.Set("homedir", func(goja.FunctionCall) goja.Value {
		if h := goos.Getenv("HOME"); h != "" {
			return vm.ToValue(h)
		}
		if u, err := user.Current(); err == nil {
			return vm.ToValue(u.HomeDir)
		}
		return vm.ToValue("")
	})
	b.Set("getPriority", func(call goja.FunctionCall) goja.Value {
		pid := int(call.Argument(0).ToInteger())
		// getpriority's raw syscall returns 20-nice on Linux; x/sys hides it.
		p, err := unix.Getpriority(unix.PRIO_PROCESS, pid)
		if err != nil {
			panic(l.SysError(err, "uv_os_getpriority", ""))
		}
		return vm.ToValue(20 - p)
	})
	b.Set("setPriority", func(call goja.FunctionCall) goja.Value {
		pid := int(call.Argument(0).ToInteger())
		prio := int(call.Argument(1).ToInteger())
		if err := unix.Setpriority(unix.PRIO_PROCESS, pid, prio); err != nil {
			panic(l.SysError(err, "uv_os_setpriority", ""))
		}
		return goja.Undefined()
	})
	b.Set("parallelism", runtime.NumCPU())
	return b
}

// uptime: node reports seconds with two decimals from /proc/uptime.
func uptime(fallback float64) float64 {
	b, err := goos.ReadFile("/proc/uptime")
	if err != nil {
		return fallback
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return fallback
	}
	v, err := strconv.ParseFloat(f[0], 64)
	if err != nil {
		return fallback
	}
	return v
}

func memAvailable() (uint64, bool) {
	f, err := goos.Open("/proc/meminfo")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "MemAvailable:"); ok {
			kb, err := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				return 0, false
			}
			return kb * 1024, true
		}
	}
	return 0, false
}

func shellOf(name string) string {
	f, err := goos.Open("/etc/passwd")
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		p := strings.Split(sc.Text(), ":")
		if len(p) >= 7 && p[0] == name {
			return p[6]
		}
	}
	return ""
}

// cpus reads model and speed from /proc/cpuinfo and times from
// /proc/stat (clock ticks of 10 ms, reported in ms as libuv does).
func cpus(vm *goja.Runtime) []any {
	var models []string
	var speeds []int
	if f, err := goos.Open("/proc/cpuinfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			k, v, ok := strings.Cut(sc.Text(), ":")
			if !ok {
				continue
			}
			k, v = strings.TrimSpace(k), strings.TrimSpace(v)
			switch k {
			case "model name":
				models = append(models, v)
			case "cpu MHz":
				mhz, _ := strconv.ParseFloat(v, 64)
				speeds = append(speeds, int(mhz))
			}
		}
		f.Close()
	}
	var out []any
	f, err := goos.Open("/proc/stat")
	if err != nil {
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	i := 0
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 8 || !strings.HasPrefix(fields[0], "cpu") || fields[0] == "cpu" {
			continue
		}
		n := func(k int) int64 { v, _ := strconv.ParseInt(fields[k], 10, 64); return v * 10 }
		model, speed := "unknown", 0
		if i < len(models) {
			model = models[i]
		}
		if i < len(speeds) {
			speed = speeds[i]
		}
		t := vm.NewObject()
		t.Set("user", n(1))
		t.Set("nice", n(2))
		t.Set("sys", n(3))
		t.Set("idle", n(4))
		t.Set("irq", n(6))
		c := vm.NewObject()
		c.Set("model", model)
		c.Set("speed", speed)
		c.Set("times", t)
		out = append(out, c)
		i++
	}
	return out
}

func interfaces(vm *goja.Runtime) (goja.Value, error) {
	ifs, err := net.Interfaces()
	if err != nil {
		return nil, err
	}
	res := vm.NewObject()
	for _, ifc := range ifs {
		if ifc.Flags&net.FlagUp == 0 {
			continue
		}
		addrs, err := ifc.Addrs()
		if err != nil || len(addrs) == 0 {
			continue
		}
		mac := ifc.HardwareAddr.String()
		if mac == "" {
			mac = "00:00:00:00:00:00"
		}
		var list []any
		for _, a := range addrs {
			ipn, ok := a.(*net.IPNet)
			if !ok {
				continue
			}
			o := vm.NewObject()
			ones, _ := ipn.Mask.Size()
			family := "IPv6"
			mask := net.IP(ipn.Mask).String()
			if v4 := ipn.IP.To4(); v4 != nil {
				family = "IPv4"
				mask = net.IP(ipn.Mask).To4().String()
				if len(ipn.Mask) == 16 {
					mask = net.IP(ipn.Mask[12:]).String()
				}
			} else {
				mask = net.IP(ipn.Mask).To16().String()
			}
			o.Set("address", ipn.IP.String())
			o.Set("netmask", mask)
			o.Set("family", family)
			o.Set("mac", mac)
			o.Set("internal", ifc.Flags&net.FlagLoopback != 0)
			o.Set("cidr", fmt.Sprintf("%s/%d", ipn.IP.String(), ones))
			if family == "IPv6" {
				scope := 0
				if ipn.IP.IsLinkLocalUnicast() {
					scope = ifc.Index
				}
				o.Set("scopeid", scope)
			}
			list = append(list, o)
		}
		if len(list) > 0 {
			res.Set(ifc.Name, vm.NewArray(list...))
		}
	}
	return res, nil
}
