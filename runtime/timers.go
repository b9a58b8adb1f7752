package runtime

import (
	"container/heap"
	"math"
	"time"

	"github.com/dop251/goja"
)

// Timers: one min-heap, served by the loop goroutine (no goroutine or
// time.Timer per JS timer). The loop sleeps until the earliest deadline.

type timer struct {
	id       int64
	when     time.Time
	seq      uint64 // FIFO among equal deadlines
	delay    time.Duration
	repeat   bool
	refd     bool
	index    int // position in the heap, -1 when not scheduled
	callback goja.Callable
	args     []goja.Value
	obj      *goja.Object // the Timeout object JS sees (callback's this)
	goFn     func()       // set instead of callback for timers owned by Go code
}

type timerHeap struct {
	items  []*timer
	seq    uint64
	nextID int64
	refd   int // scheduled timers that keep the loop alive
	byID   map[int64]*timer
}

func (h *timerHeap) Len() int { return len(h.items) }
func (h *timerHeap) Less(i, j int) bool {
	a, b := h.items[i], h.items[j]
	if a.when.Equal(b.when) {
		return a.seq < b.seq
	}
	return a.when.Before(b.when)
}
func (h *timerHeap) Swap(i, j int) {
	h.items[i], h.items[j] = h.items[j], h.items[i]
	h.items[i].index = i
	h.items[j].index = j
}
func (h *timerHeap) Push(x any) {
	t := x.(*timer)
	t.index = len(h.items)
	h.items = append(h.items, t)
}
func (h *timerHeap) Pop() any {
	n := len(h.items) - 1
	t := h.items[n]
	h.items[n] = nil
	h.items = h.items[:n]
	t.index = -1
	return t
}

func (h *timerHeap) nextDelay(now time.Time) (time.Duration, bool) {
	if len(h.items) == 0 {
		return 0, false
	}
	return h.items[0].when.Sub(now), true
}

func (l *Loop) schedule(t *timer) {
	h := &l.timers
	h.seq++
	t.seq = h.seq
	t.when = time.Now().Add(t.delay)
	heap.Push(h, t)
	if t.refd {
		h.refd++
	}
}

func (l *Loop) unschedule(t *timer) {
	h := &l.timers
	if t.index < 0 {
		return
	}
	heap.Remove(h, t.index)
	if t.refd {
		h.refd--
	}
}

// runDueTimers runs every timer whose deadline has passed, each as its own
// macrotask. Timers scheduled by those callbacks wait for the next turn.
func (l *Loop) runDueTimers() {
	h := &l.timers
	now := time.Now()
	l.now = now.UnixNano() // the turn's clock (Loop.Now)
	var limit uint64 = h.seq
	for len(h.items) > 0 {
		t := h.items[0]
		if t.when.After(now) || t.seq > limit {
			return
		}
		heap.Pop(h)
		if t.refd {
			h.refd--
		}
		if !t.repeat {
			delete(h.byID, t.id)
		}
		l.runMacrotask(func() {
			if t.goFn != nil {
				t.goFn()
			} else {
				l.Call(t.callback, t.obj, t.args...)
			}
			// An interval is rescheduled after its callback, unless the
			// callback cleared it (then it is no longer in byID).
			if t.repeat && t.index < 0 && h.byID[t.id] == t {
				l.schedule(t)
			}
		})
	}
}

// After runs fn on the loop after d. The returned func cancels it. The timer
// keeps the loop alive unless unref is true. For Go code (idle timeouts,
// promise.timeout); JS uses setTimeout.
func (l *Loop) After(d time.Duration, unref bool, fn func()) (cancel func()) {
	t := &timer{delay: d, refd: !unref, goFn: fn, index: -1}
	l.addTimer(t)
	return func() { l.clearTimer(t) }
}

func (l *Loop) addTimer(t *timer) {
	h := &l.timers
	if h.byID == nil {
		h.byID = map[int64]*timer{}
	}
	h.nextID++
	t.id = h.nextID
	h.byID[t.id] = t
	l.schedule(t)
}

func (l *Loop) clearTimer(t *timer) {
	if t == nil {
		return
	}
	delete(l.timers.byID, t.id)
	l.unschedule(t)
}

// timerDelay converts a JS delay as node does: not a number, below 1 or
// above 2^31-1 means 1 ms.
func timerDelay(v goja.Value) time.Duration {
	ms := 1.0
	if v != nil && !goja.IsUndefined(v) {
		ms = v.ToFloat()
	}
	if math.IsNaN(ms) || ms < 1 || ms > math.MaxInt32 {
		ms = 1
	}
	return time.Duration(ms * float64(time.Millisecond))
}

// installTimers defines setTimeout, setInterval, setImmediate and their
// clear functions. The callback runs with this = the Timeout object (so the
// 2009 idiom clearInterval(this) works); extra arguments are passed through.
func (l *Loop) installTimers(global *goja.Object) {
	vm := l.VM
	proto := vm.NewObject()
	objTimer := map[*goja.Object]*timer{}

	lookup := func(v goja.Value) *timer {
		if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
			return nil
		}
		if o, ok := v.(*goja.Object); ok {
			if t := objTimer[o]; t != nil {
				return t
			}
			v = o.Get("_id")
			if v == nil {
				return nil
			}
		}
		return l.timers.byID[v.ToInteger()]
	}
	self := func(call goja.FunctionCall) *timer {
		return lookup(call.This)
	}

	start := func(repeat bool, name string) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			fn, ok := goja.AssertFunction(call.Argument(0))
			if !ok {
				panic(l.TypeError("ERR_INVALID_ARG_TYPE", `The "callback" argument must be of type function. Received `+describe(call.Argument(0))))
			}
			t := &timer{callback: fn, delay: timerDelay(call.Argument(1)), repeat: repeat, refd: true, index: -1}
			if len(call.Arguments) > 2 {
				t.args = append([]goja.Value(nil), call.Arguments[2:]...)
			}
			obj := vm.NewObject()
			obj.SetPrototype(proto)
			t.obj = obj
			l.addTimer(t)
			obj.DefineDataProperty("_id", vm.ToValue(t.id), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
			obj.Set("_idleTimeout", t.delay.Milliseconds())
			objTimer[obj] = t
			if !repeat {
				// Forget the object once a one-shot timer is done or cleared.
				inner := fn
				t.callback = func(this goja.Value, args ...goja.Value) (goja.Value, error) {
					if !t.repeat {
						delete(objTimer, obj)
					}
					return inner(this, args...)
				}
			}
			return obj
		}
	}
	clear := func(call goja.FunctionCall) goja.Value {
		if t := lookup(call.Argument(0)); t != nil {
			l.clearTimer(t)
			delete(objTimer, t.obj)
		}
		return goja.Undefined()
	}
	global.Set("setTimeout", start(false, "setTimeout"))
	global.Set("setInterval", start(true, "setInterval"))
	global.Set("clearTimeout", clear)
	global.Set("clearInterval", clear)

	proto.Set("ref", func(call goja.FunctionCall) goja.Value {
		if t := self(call); t != nil && !t.refd {
			t.refd = true
			if t.index >= 0 {
				l.timers.refd++
			}
		}
		return call.This
	})
	proto.Set("unref", func(call goja.FunctionCall) goja.Value {
		if t := self(call); t != nil && t.refd {
			t.refd = false
			if t.index >= 0 {
				l.timers.refd--
			}
		}
		return call.This
	})
	proto.Set("hasRef", func(call goja.FunctionCall) goja.Value {
		t := self(call)
		return vm.ToValue(t != nil && t.refd)
	})
	proto.Set("refresh", func(call goja.FunctionCall) goja.Value {
		if t := self(call); t != nil && t.index >= 0 {
			l.unschedule(t)
			l.schedule(t)
		}
		return call.This
	})
	proto.Set("close", func(call goja.FunctionCall) goja.Value {
		if t := self(call); t != nil {
			l.clearTimer(t)
			delete(objTimer, t.obj)
		}
		return call.This
	})
	toPrim, _ := vm.RunString(`(function (proto) {
		proto[Symbol.toPrimitive] = function () { return this._id; };
		Object.defineProperty(proto, Symbol.toStringTag, { value: "Timeout" });
	})`)
	fn, _ := goja.AssertFunction(toPrim)
	fn(goja.Undefined(), proto)

	// setImmediate: runs after I/O of the current turn, as a posted job.
	immediates := map[int64]bool{}
	var immID int64
	immProto := vm.NewObject()
	global.Set("setImmediate", func(call goja.FunctionCall) goja.Value {
		fn, ok := goja.AssertFunction(call.Argument(0))
		if !ok {
			panic(l.TypeError("ERR_INVALID_ARG_TYPE", `The "callback" argument must be of type function. Received `+describe(call.Argument(0))))
		}
		var args []goja.Value
		if len(call.Arguments) > 1 {
			args = append(args, call.Arguments[1:]...)
		}
		immID++
		id := immID
		immediates[id] = true
		obj := vm.NewObject()
		obj.SetPrototype(immProto)
		obj.DefineDataProperty("_id", vm.ToValue(id), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
		done := l.Pending()
		done(func() {
			if immediates[id] {
				delete(immediates, id)
				l.Call(fn, obj, args...)
			}
		})
		return obj
	})
	global.Set("clearImmediate", func(call goja.FunctionCall) goja.Value {
		if o, ok := call.Argument(0).(*goja.Object); ok {
			if v := o.Get("_id"); v != nil {
				delete(immediates, v.ToInteger())
			}
		}
		return goja.Undefined()
	})
}
