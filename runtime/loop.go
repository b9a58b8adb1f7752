// Package runtime is gonode's core: the event loop that owns the JavaScript
// engine, timers, process.nextTick, require, the process object and the way
// errors travel. Every JS module (modules/...) is built on the small API in
// this file.
//
// # The loop contract
//
//  1. One goroutine owns the *goja.Runtime (Loop.VM). Only code running on the
//     loop goroutine may touch JS values. Code on the loop goroutine is: the
//     main script, timer callbacks, nextTick callbacks, and any func passed to
//     Post or returned by a Pending callback.
//  2. I/O runs on ordinary goroutines. When such a goroutine has something for
//     JS it calls Loop.Post (or the func returned by Loop.Pending) with a
//     closure; the closure runs later on the loop goroutine. It never touches
//     JS itself.
//  3. Handles keep the process alive. Anything that can still produce a
//     callback holds a reference (Loop.Ref / Loop.Unref, or one-shot
//     Loop.Pending). When no reference, ref'd timer, queued job or nextTick is
//     left, the loop ends, process emits "exit" and gonode exits.
//  4. Ordering. Each macrotask (a posted job, a timer) runs to completion; then
//     the nextTick queue drains, then promise jobs, repeated until both are
//     empty. Timers live in one min-heap served by the loop.
//  5. Throughput. Posted jobs are taken in batches under one lock; a poster
//     signals the loop only when the queue goes from empty to non-empty.
//  6. Errors. A JS exception that reaches the loop goes to process's
//     "uncaughtException" listeners; with none, the stack is printed and the
//     process exits with code 1 (after "exit" listeners ran), as node does.
//  7. Descriptors. A module that owns file descriptors (sockets) may have
//     the loop watch them instead of running goroutines: WatchFD (poll.go)
//     puts one in the loop's epoll set and its handler runs on the loop,
//     as a macrotask, when it is ready; the loop then blocks in epoll_wait.
//     Code on the loop that needs a later turn uses Defer (an I/O
//     completion: it runs in the pending phase, right after the turn's
//     socket handlers and before its posted jobs, as libuv's pending
//     callbacks) or Closing (handle-close callbacks, libuv's order).
package runtime

import (
	"bufio"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"
)

// Loop is one gonode event loop and the JavaScript runtime it owns.
type Loop struct {
	// VM is the JavaScript engine. Use it only on the loop goroutine.
	VM *goja.Runtime

	mu    sync.Mutex
	queue []func()
	spare []func()
	// pending: I/O completions queued by Defer, run in the pending phase
	// (loop goroutine only, so no lock); spareP is its recycled array.
	pending, spareP []func()
	wake            chan struct{}
	io              atomic.Pointer[ioPoller] // the loop's epoll set, once something is watched (poll.go)
	ioWatch         *Watch                   // the watch pollIO runs next, with...
	ioEvents        uint32                   // ...its events (runIO reads both)
	runIO           func()                   // calls ioWatch's handler; made once
	lastYield       int64                    // unix ns of pollIO's last Gosched
	now             int64                    // unix ns of the turn's last clock reading (Now)
	stdoutErr       error                    // the first failed write to stdout (stdoutFailed)
	refs            atomic.Int64
	timers          timerHeap
	ticks           []tick
	spareTicks      []tick // drainTicks' last batch, for reuse
	running         func() // the macrotask the trampoline runs next

	trampoline goja.Callable // outermost JS entry; see runMacrotask
	// vmStack is goja's value stack, kept between macrotasks (vmstack.go).
	vmStack   *[]goja.Value
	keptStack []goja.Value
	process   *goja.Object
	emitFn    goja.Callable // EventEmitter.prototype.emit, cached for Emit

	// Stdout is buffered and flushed once per loop turn (and before the loop
	// blocks or the process exits), so a burst of console.log calls costs one
	// write(2). Stderr is written through, as node's stderr is synchronous.
	Stdout *bufio.Writer
	Stderr *os.File

	exiting  bool
	exitCode int
	exitFn   func(code int)

	modules *moduleSystem
	opts    Options

	rejections []*goja.Promise // rejected with no handler, checked after each turn
	closing    []func()        // handle-close callbacks of this turn (Closing)
	idleStop   chan struct{}
	signals    map[string]*signalWatch
}

// Options configure a Loop.
type Options struct {
	// Args are process.argv (already including the executable and script).
	Args []string
	// ExecPath is process.execPath.
	ExecPath string
	// Exit ends the process; tests may replace it. Defaults to os.Exit.
	Exit func(code int)
}

// New creates a loop with its JS runtime, globals and process object.
func New(opts Options) (*Loop, error) {
	l := &Loop{
		VM:      goja.New(),
		wake:    make(chan struct{}, 1),
		Stdout:  bufio.NewWriterSize(os.Stdout, 32*1024),
		Stderr:  os.Stderr,
		exitFn:  opts.Exit,
		opts:    opts,
		signals: map[string]*signalWatch{},
	}
	if l.exitFn == nil {
		l.exitFn = os.Exit
	}
	l.runIO = func() { l.ioWatch.handler(l.ioEvents) }
	l.VM.SetFieldNameMapper(goja.UncapFieldNameMapper())
	l.VM.SetPromiseRejectionTracker(l.trackRejection)
	// The trampoline must be a JS function: goja counts a call as outermost
	// (and runs promise jobs when it returns) by its JS call stack, and a Go
	// native called from Go leaves that stack empty.
	wrapPrg := goja.MustCompile("node:internal/loop", "(function (native) { return function () { native(); }; })", true)
	wrap, err := l.VM.RunProgram(wrapPrg)
	if err != nil {
		return nil, err
	}
	mk, _ := goja.AssertFunction(wrap)
	native := l.VM.ToValue(func(goja.FunctionCall) goja.Value {
		job := l.running
		l.running = nil
		if job != nil {
			job()
		}
		l.drainTicks()
		l.keepVMStack()
		return goja.Undefined()
	})
	trampV, err := mk(goja.Undefined(), native)
	if err != nil {
		return nil, err
	}
	tramp, _ := goja.AssertFunction(trampV)
	l.trampoline = tramp
	l.vmStack = vmStackSlot(l.VM)
	l.modules = newModuleSystem(l)
	inspectThrown = func(v goja.Value) string {
		if u, err := l.RequireBuiltin("util"); err == nil {
			if f, ok := goja.AssertFunction(u.(*goja.Object).Get("inspect")); ok {
				if s, err := f(goja.Undefined(), v); err == nil {
					return s.String()
				}
			}
		}
		return describe(v)
	}
	if err := l.bootstrap(); err != nil {
		return nil, err
	}
	return l, nil
}

// Post schedules job to run on the loop goroutine. It is safe to call from
// any goroutine. Post alone does not keep the process alive: the poster must
// hold a reference (Ref, Pending) until its last Post, or the job may never
// run because the loop already ended.
func (l *Loop) Post(job func()) {
	l.mu.Lock()
	first := len(l.queue) == 0
	l.queue = append(l.queue, job)
	l.mu.Unlock()
	if first {
		l.wakeUp()
	}
}

// stdoutFailed reports the first failed write to standard output (EPIPE
// when the reader went away: `gonode script.js | head`) as node does:
// process.stdout is destroyed with the write's error, so its 'error'
// listeners hear it, and with none the error is uncaught (the report, exit
// code 1). Output after it is dropped (the buffered writer keeps failing).
// Without this, a broken stdout was silent: SIGPIPE is not fatal in gonode
// (runtime/signals.go), as in node.
func (l *Loop) stdoutFailed(err error) {
	if l.stdoutErr != nil || l.exiting || l.process == nil {
		return
	}
	l.stdoutErr = err
	l.runMacrotask(func() {
		out, ok := l.process.Get("stdout").(*goja.Object)
		if !ok {
			return
		}
		destroy, ok := goja.AssertFunction(out.Get("destroy"))
		if !ok {
			return
		}
		e := l.SysError(err, "write", "")
		e.Set("message", "write "+e.Get("code").String())
		l.Call(destroy, out, e)
	})
}

// Now is the loop's clock: the Unix time in nanoseconds read when the
// current turn's timer phase began (its first step) or its poll phase
// last returned (as libuv's uv_now, which Node's idle timeouts use too). Stamping every
// socket read and write with it spares a clock reading per system call:
// about 1% of the echo benchmark's CPU. Loop goroutine only.
func (l *Loop) Now() int64 {
	if l.now == 0 {
		l.now = time.Now().UnixNano() // before the first turn (the main script)
	}
	return l.now
}

// Defer queues an I/O completion (a flushed write's "drain", a finished
// shutdown, an error found inside a native call) from code running on the
// loop goroutine. It runs as a macrotask in the loop's pending phase, as
// libuv (since 1.45) runs the write and shutdown callbacks that became
// ready during a poll phase: right after that phase's I/O callbacks,
// before the turn's posted jobs (setImmediate callbacks among them), and
// at the start of the next turn for completions queued elsewhere. So a
// socket's 'finish' after end() comes before an immediate queued with it,
// as in Node. No wake-up is needed: the loop is running.
func (l *Loop) Defer(job func()) {
	l.pending = append(l.pending, job)
}

// enqueue is Post without the wake-up, for the loop goroutine itself.
func (l *Loop) enqueue(job func()) {
	l.mu.Lock()
	l.queue = append(l.queue, job)
	l.mu.Unlock()
}

// runPending runs the pending phase: the completions Defer queued, and
// those they queue in turn, at most rounds times over (libuv's bound, so
// a socket that completes forever cannot starve the rest of the loop).
func (l *Loop) runPending(rounds int) {
	for r := 0; r < rounds && len(l.pending) > 0; r++ {
		jobs := l.pending
		l.pending = l.spareP[:0]
		l.spareP = nil
		for i, job := range jobs {
			jobs[i] = nil
			l.runMacrotask(job)
		}
		l.spareP = jobs
	}
}

// Closing queues fn, a handle's "closed" callback (a socket's "close"),
// the way libuv runs uv_close callbacks: on a later turn, and the
// callbacks queued during one turn in reverse order (libuv keeps closing
// handles on a stack). Node's event order depends on it: when two sockets
// of one process close in the same turn, the one closed last reports
// "close" first. Call on the loop goroutine.
func (l *Loop) Closing(fn func()) {
	if len(l.closing) == 0 {
		l.enqueue(l.runClosing)
	}
	l.closing = append(l.closing, fn)
}

func (l *Loop) runClosing() {
	fns := l.closing
	l.closing = nil
	for i := len(fns) - 1; i >= 0; i-- {
		l.enqueue(fns[i]) // each its own macrotask, as each libuv callback is
	}
}

// wakeUp interrupts a blocked loop: through the poller's eventfd once the
// loop blocks in epoll_wait, through the wake channel before that.
func (l *Loop) wakeUp() {
	if p := l.io.Load(); p != nil {
		p.wake()
		return
	}
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

// Ref adds a reference that keeps the loop alive (a listening server, an open
// socket). Pair every Ref with one Unref. Safe from any goroutine.
func (l *Loop) Ref() { l.refs.Add(1) }

// Unref drops a reference taken with Ref. Safe from any goroutine; when the
// count reaches zero the loop is woken so it can notice it may be done.
func (l *Loop) Unref() {
	if l.refs.Add(-1) == 0 {
		l.wakeUp()
	}
}

// Pending registers one outstanding callback and returns the function that
// delivers it: call it exactly once, from any goroutine, with the job to run
// on the loop. Until then the loop stays alive. This is the shape of every
// one-shot operation (a stat, a DNS lookup, a connect):
//
//	done := loop.Pending()
//	go func() { st, err := os.Stat(p); done(func() { /* back on the loop */ }) }()
func (l *Loop) Pending() func(job func()) {
	l.refs.Add(1)
	var once atomic.Bool
	return func(job func()) {
		if !once.CompareAndSwap(false, true) {
			panic("runtime: Pending callback delivered twice")
		}
		l.Post(func() {
			l.refs.Add(-1)
			job()
		})
	}
}

// Go runs work on a new goroutine and then after on the loop goroutine,
// keeping the loop alive in between. It is Pending in its most common form.
func (l *Loop) Go(work func() (after func())) {
	done := l.Pending()
	go func() { done(work()) }()
}

// Run runs the main job (usually: load the main module) and then the loop
// until nothing is left to do. It returns the exit code; "exit" has been
// emitted by then.
func (l *Loop) Run(main func() error) int {
	l.startIdleGC()
	defer l.stopIdleGC()
	l.runMacrotask(func() {
		if err := main(); err != nil {
			l.HandleError(err)
		}
	})
	l.runUntil(func() bool { return false })
	return l.finish(l.exitCode)
}

// runUntil turns the loop until done() reports true or nothing is left that
// could make it true. It is the loop itself, and also what a nested
// promise.wait() runs.
func (l *Loop) runUntil(done func() bool) {
	for !done() {
		l.runDueTimers() // reads the turn's clock (Now)
		if done() {
			return
		}
		l.runPending(pendingRounds)
		if done() {
			return
		}
		l.mu.Lock()
		batch := l.queue
		// spare is handed over, not shared: a nested runUntil (wait())
		// inside one of this batch's jobs takes the queue again, and must
		// not get the array Post is appending to.
		l.queue = l.spare[:0]
		l.spare = nil
		l.mu.Unlock()
		for i, job := range batch {
			batch[i] = nil
			l.runMacrotask(job)
		}
		l.spare = batch
		if err := l.Stdout.Flush(); err != nil {
			l.stdoutFailed(err)
		}
		if len(batch) > 0 || len(l.pending) > 0 {
			if p := l.io.Load(); p != nil {
				// A busy loop still looks at its sockets every turn.
				l.pollIO(p, 0)
				l.runPending(pendingRounds)
			}
			continue
		}
		if !l.alive() {
			return
		}
		l.block()
		l.runPending(pendingRounds)
	}
}

// pendingRounds bounds one pending phase, as libuv's 8.
const pendingRounds = 8

// alive reports whether anything could still produce a callback.
func (l *Loop) alive() bool {
	if l.refs.Load() > 0 || l.timers.refd > 0 || len(l.ticks) > 0 || len(l.pending) > 0 {
		return true
	}
	l.mu.Lock()
	n := len(l.queue)
	l.mu.Unlock()
	return n > 0
}

// block waits for a posted job, a wake-up or the next timer.
func (l *Loop) block() {
	if p := l.io.Load(); p != nil {
		timeout := time.Duration(-1)
		if d, ok := l.timers.nextDelay(time.Now()); ok {
			if d <= 0 {
				return
			}
			timeout = d
		}
		l.pollIO(p, timeout)
		return
	}
	if d, ok := l.timers.nextDelay(time.Now()); ok {
		if d <= 0 {
			return
		}
		t := time.NewTimer(d)
		select {
		case <-l.wake:
		case <-t.C:
		}
		t.Stop()
		return
	}
	<-l.wake
}

// runMacrotask runs job as one macrotask: job, then the nextTick queue, then
// promise jobs, until both queues are empty.
//
// goja runs promise jobs when control leaves its outermost call. To put
// nextTick callbacks before promise jobs (as node does), the job and the tick
// drain run inside one outermost call of a native "trampoline" function.
// Nested runs (promise.wait) are plain nested calls.
func (l *Loop) runMacrotask(job func()) {
	l.running = job
	l.enter()
	for len(l.ticks) > 0 {
		l.enter()
	}
	l.checkRejections()
}

// enter makes one outermost call into JS through the trampoline. A Go panic
// escaping a native function (a bug in gonode, not in the script) is turned
// into a JS Error on the uncaught-exception path instead of killing the
// process with a Go stack: a server with an "uncaughtException" listener
// keeps serving.
func (l *Loop) enter() {
	defer func() {
		if r := recover(); r != nil {
			if _, isJS := r.(*goja.Exception); isJS {
				panic(r)
			}
			l.running = nil
			l.HandleError(fmt.Errorf("internal error in gonode: %v", r))
		}
	}()
	l.restoreVMStack()
	if _, err := l.trampoline(goja.Undefined()); err != nil {
		l.HandleError(err)
	}
}

// Call calls a JS function on the loop goroutine. An exception it throws
// takes the uncaught-exception path (HandleError) and Call returns undefined.
// Use it for every callback into user code from a posted job.
func (l *Loop) Call(fn goja.Callable, this goja.Value, args ...goja.Value) goja.Value {
	v, err := fn(this, args...)
	if err != nil {
		l.HandleError(err)
		return goja.Undefined()
	}
	return v
}

// CallValue is Call for a value that should be a function; anything else is
// ignored.
func (l *Loop) CallValue(fn goja.Value, this goja.Value, args ...goja.Value) goja.Value {
	f, ok := goja.AssertFunction(fn)
	if !ok {
		return goja.Undefined()
	}
	return l.Call(f, this, args...)
}

// Emit calls target.emit(event, args...) with EventEmitter semantics; an
// exception from a listener takes the uncaught-exception path.
func (l *Loop) Emit(target *goja.Object, event string, args ...goja.Value) {
	all := make([]goja.Value, 0, len(args)+1)
	all = append(all, l.VM.ToValue(event))
	all = append(all, args...)
	emit := l.emitFn
	if f, ok := goja.AssertFunction(target.Get("emit")); ok {
		emit = f
	}
	if _, err := emit(target, all...); err != nil {
		l.HandleError(err)
	}
}

// NextTick queues fn(args...) to run after the current macrotask.
func (l *Loop) NextTick(fn goja.Callable, args []goja.Value) {
	l.ticks = append(l.ticks, tick{fn, args})
}

type tick struct {
	fn   goja.Callable
	args []goja.Value
}

// drainTicks runs the nextTick queue until it is empty. It takes the queue
// a batch at a time (ticks queued meanwhile go to a fresh array and run
// after the batch, which is FIFO order all the same): a chain of ticks that
// each queue the next no longer grows one array for the whole chain (it
// did, and copied it at every doubling: a fifth of BenchmarkNextTick's
// time). A throwing tick goes down the uncaught-exception path and the
// batch goes on, as in node.
func (l *Loop) drainTicks() {
	for len(l.ticks) > 0 {
		batch := l.ticks
		l.ticks, l.spareTicks = l.spareTicks[:0], nil
		for i := range batch {
			t := batch[i]
			batch[i] = tick{}
			if _, err := t.fn(goja.Undefined(), t.args...); err != nil {
				l.HandleError(err)
			}
		}
		l.spareTicks = batch[:0]
	}
}

// Process returns the process object.
func (l *Loop) Process() *goja.Object { return l.process }

// RunUntil turns the loop, nested inside the current JS call, until done()
// reports true or nothing is left that could make it true. It is how the
// 2009 promise.wait() blocks a script without blocking the loop.
func (l *Loop) RunUntil(done func() bool) {
	l.drainTicks()
	l.Stdout.Flush()
	l.runUntil(done)
}

// trackRejection is goja's hook for promises rejected with no handler yet.
func (l *Loop) trackRejection(p *goja.Promise, op goja.PromiseRejectionOperation) {
	switch op {
	case goja.PromiseRejectionReject:
		l.rejections = append(l.rejections, p)
	case goja.PromiseRejectionHandle:
		for i, q := range l.rejections {
			if q == p {
				l.rejections = append(l.rejections[:i], l.rejections[i+1:]...)
				break
			}
		}
	}
}

// checkRejections runs after each macrotask: a promise still rejected with no
// handler goes to "unhandledRejection" listeners or, with none, down the
// uncaught-exception path (node's default since v15).
func (l *Loop) checkRejections() {
	for len(l.rejections) > 0 {
		p := l.rejections[0]
		l.rejections = l.rejections[1:]
		reason := p.Result()
		if l.listenerCount(l.process, "unhandledRejection") > 0 {
			l.runMacrotask(func() {
				l.Emit(l.process, "unhandledRejection", reason, l.VM.ToValue(p))
			})
			continue
		}
		if o, ok := reason.(*goja.Object); ok && o.Get("stack") != nil && !goja.IsUndefined(o.Get("stack")) {
			l.uncaught(reason, nil)
			continue
		}
		e := l.ErrorWithCode("ERR_UNHANDLED_REJECTION", "This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason \""+describePlain(reason)+"\".")
		e.Set("name", "UnhandledPromiseRejection")
		l.uncaught(e, nil)
	}
}

func describePlain(v goja.Value) string {
	if v == nil {
		return "undefined"
	}
	return v.String()
}
