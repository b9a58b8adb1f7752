package runtime

import (
	"reflect"
	"unsafe"

	"github.com/dop251/goja"
)

// goja's Runtime.leave, which runs when an outermost call into JS returns,
// drops the VM's value stack (vm.stack = nil): every macrotask then grows a
// new one from nothing, doubling as it goes. That was 31% of the bytes a
// stream.Duplex life cycle allocated (measured with
// BenchmarkDuplexLifecycle), and it is paid by every socket event. goja has
// no option for it, so the loop keeps the last stack the VM used and gives
// it back, cleared, before the next outermost call (vmStack below).
//
// It reaches an unexported field, so it checks what it finds: the field
// must exist and be a slice of goja.Value, else the loop simply runs
// without it (goja's own behaviour). TestVMStackKept checks that it is on.

// maxKeptStack bounds the kept stack (in values, 16 bytes each): a rare
// deep recursion should not keep a large array alive for good.
const maxKeptStack = 4096

// vmStackSlot finds goja's vm.stack of rt, or nil.
func vmStackSlot(rt *goja.Runtime) *[]goja.Value {
	r := reflect.ValueOf(rt)
	if r.Kind() != reflect.Ptr || r.IsNil() {
		return nil
	}
	vmField := r.Elem().FieldByName("vm")
	if !vmField.IsValid() || vmField.Kind() != reflect.Ptr || vmField.IsNil() {
		return nil
	}
	stack := vmField.Elem().FieldByName("stack")
	if !stack.IsValid() || stack.Kind() != reflect.Slice ||
		stack.Type().Elem() != reflect.TypeOf((*goja.Value)(nil)).Elem() {
		return nil
	}
	return (*[]goja.Value)(unsafe.Pointer(stack.UnsafeAddr()))
}

// keepVMStack runs inside the outermost call (the trampoline), when the
// macrotask is done: it remembers the stack the VM used.
func (l *Loop) keepVMStack() {
	if l.vmStack == nil {
		return
	}
	if s := *l.vmStack; cap(s) <= maxKeptStack {
		// With its length: goja writes a slot only below len (valueStack's
		// expand), and nils the slots it drops when it shortens the stack
		// (clearStack), so everything from len to cap is nil already.
		l.keptStack = s
	}
}

// restoreVMStack runs before an outermost call: if goja dropped the stack,
// it gets the kept one back, cleared (no value of the last macrotask stays
// reachable through it, and the VM finds nil slots as in a new stack).
func (l *Loop) restoreVMStack() {
	if l.vmStack == nil || *l.vmStack != nil || l.keptStack == nil {
		return
	}
	clear(l.keptStack) // the part the last macrotask used (keepVMStack)
	*l.vmStack = l.keptStack[:0]
}

// VMStackKept reports whether the loop keeps goja's value stack between
// macrotasks (for tests).
func (l *Loop) VMStackKept() bool { return l.vmStack != nil }
