package runtime

import (
	"errors"
	"fmt"
	goruntime "runtime"
	"sync/atomic"
	"time"

	"golang.org/x/sys/unix"
)

// The loop's own readiness poller (Linux epoll), as libuv has one.
//
// A module that owns file descriptors (netcore's sockets) can ask the loop
// to watch them: WatchFD registers a descriptor, and when it is ready its
// handler runs ON THE LOOP GOROUTINE, as a macrotask, where it may read or
// write the descriptor without blocking and call into JS directly.
//
// Why: with a goroutine per socket, every chunk costs a netpoller wake-up
// of that goroutine, a Post and a wake-up of the loop (measured on the TCP
// echo benchmark: ~10,000 nanosleep/futex/epoll calls per second of Go
// scheduler traffic, and reads that happen as soon as a few bytes arrive).
// Polling on the loop costs one epoll_wait per turn for all sockets, and a
// busy socket is read while more data piles up behind it, so each read
// gets more bytes, exactly why node's echo is cheap per byte.
//
// The poller exists only once something is watched. From then on the loop
// blocks in epoll_wait (with the next timer as its timeout) instead of on
// its wake channel, and Post/Unref wake it through an eventfd in the same
// epoll set. Before that, nothing changes.
//
// Watches are level-triggered: a handler that stops reading before EAGAIN
// (to be fair to other sockets, or because JS paused the stream) is told
// again on the next turn. A handler that does not want events must
// Set(0) on its watch (EPOLL_CTL_DEL), or it would be woken on every turn.
type ioPoller struct {
	epfd    int
	evfd    int
	nextID  uint64
	watches map[uint64]*Watch
	events  []unix.EpollEvent
	woken   atomic.Bool // an eventfd write is pending (saves syscalls)
}

// Watch is one descriptor registered with the loop's poller. Use it only
// on the loop goroutine.
type Watch struct {
	l       *Loop
	fd      int
	id      uint64
	events  uint32 // what the set watches for; 0: not in the set
	closed  bool
	handler func(events uint32)
}

// Readiness flags for WatchFD and handlers.
const (
	PollIn    = unix.EPOLLIN
	PollOut   = unix.EPOLLOUT
	PollRdHup = unix.EPOLLRDHUP
	PollHup   = unix.EPOLLHUP
	PollErr   = unix.EPOLLERR
)

const evfdID = 0 // the eventfd's id in epoll data; watches start at 1

// StartPoller creates the loop's epoll set now rather than at the first
// WatchFD, so that its two descriptors exist from the moment a module that
// will watch descriptors is loaded (tests count descriptors before and
// after traffic). Call on the loop goroutine.
func (l *Loop) StartPoller() error {
	_, err := l.poller()
	return err
}

func (l *Loop) poller() (*ioPoller, error) {
	if p := l.io.Load(); p != nil {
		return p, nil
	}
	epfd, err := unix.EpollCreate1(unix.EPOLL_CLOEXEC)
	if err != nil {
		return nil, fmt.Errorf("runtime: epoll_create1: %w", err)
	}
	evfd, err := unix.Eventfd(0, unix.EFD_NONBLOCK|unix.EFD_CLOEXEC)
	if err != nil {
		unix.Close(epfd)
		return nil, fmt.Errorf("runtime: eventfd: %w", err)
	}
	ev := unix.EpollEvent{Events: unix.EPOLLIN}
	setID(&ev, evfdID)
	if err := unix.EpollCtl(epfd, unix.EPOLL_CTL_ADD, evfd, &ev); err != nil {
		unix.Close(epfd)
		unix.Close(evfd)
		return nil, fmt.Errorf("runtime: epoll_ctl(eventfd): %w", err)
	}
	p := &ioPoller{epfd: epfd, evfd: evfd, nextID: evfdID + 1, watches: map[uint64]*Watch{}, events: make([]unix.EpollEvent, 256)}
	l.io.Store(p)
	return p, nil
}

func setID(ev *unix.EpollEvent, id uint64) {
	ev.Fd = int32(uint32(id))
	ev.Pad = int32(uint32(id >> 32))
}

func getID(ev *unix.EpollEvent) uint64 {
	return uint64(uint32(ev.Fd)) | uint64(uint32(ev.Pad))<<32
}

// WatchFD registers fd with the loop's poller and reports events (PollIn,
// PollOut, PollRdHup; once in the set, hang-up and errors are always
// reported) to handler, on the loop goroutine. events may be 0: the
// descriptor then joins the set at its first Set. The caller keeps owning
// fd and must Close the watch when it closes the descriptor. Call on the
// loop goroutine.
func (l *Loop) WatchFD(fd int, events uint32, handler func(events uint32)) (*Watch, error) {
	p, err := l.poller()
	if err != nil {
		return nil, err
	}
	w := &Watch{l: l, fd: fd, id: p.nextID, handler: handler}
	p.nextID++
	if err := w.Set(events); err != nil {
		return nil, err
	}
	return w, nil
}

// Set watches for exactly events, with one epoll_ctl at most: ADD when the
// descriptor is not in the set, MOD when the events change, DEL when they
// become none (a level-triggered hang-up would otherwise wake the loop on
// every turn).
func (w *Watch) Set(events uint32) error {
	if w.closed || events == w.events {
		return nil
	}
	p := w.l.io.Load()
	if events == 0 {
		unix.EpollCtl(p.epfd, unix.EPOLL_CTL_DEL, w.fd, nil)
		w.events = 0
		delete(p.watches, w.id)
		return nil
	}
	ev := unix.EpollEvent{Events: events}
	setID(&ev, w.id)
	op, name := unix.EPOLL_CTL_MOD, "MOD"
	if w.events == 0 {
		op, name = unix.EPOLL_CTL_ADD, "ADD"
	}
	if err := unix.EpollCtl(p.epfd, op, w.fd, &ev); err != nil {
		return fmt.Errorf("runtime: epoll_ctl(%s, fd %d): %w", name, w.fd, err)
	}
	w.events = events
	p.watches[w.id] = w
	return nil
}

// Close forgets the watch for good; call it right before closing the
// descriptor, which removes it from the epoll set by itself (so no
// epoll_ctl is made: one system call less per connection). Events already
// collected for it in the current turn are dropped: they are looked up by
// id, not by descriptor, so a descriptor number reused by a new socket is
// never confused with it. The descriptor must not have been duplicated
// (a duplicate would keep it in the set).
func (w *Watch) Close() {
	if w.closed {
		return
	}
	w.closed = true
	if w.events != 0 {
		delete(w.l.io.Load().watches, w.id)
		w.events = 0
	}
}

// wakeIO interrupts a loop blocked in epoll_wait. Safe from any goroutine.
func (p *ioPoller) wake() {
	if p.woken.Swap(true) {
		return // a wake-up is already on its way
	}
	var one = [8]byte{1}
	for {
		_, err := unix.Write(p.evfd, one[:])
		if err != unix.EINTR {
			return
		}
	}
}

// yieldEvery: pollIO hands the goroutine back to Go's scheduler this often
// (runtime.Gosched). Why: Go's sysmon treats a goroutine that has not been
// through the scheduler for 10 ms as running too long; when it finds it in
// a system call (a busy loop is in read/write most of the time) it takes
// its P away, again at every sysmon tick (20 us) until the goroutine is
// rescheduled, which a loop that only ever makes system calls never is.
// Each take costs a hand-off of the P, a wake-up of sysmon and another
// thread when the call returns, and moves the loop to another thread. On
// bench/tcp's 50-connection echo, per MB echoed: 2.1 sysmon sleeps and
// 5.3 context switches without the yield, 0.2 and 2.5-3.9 with it (node:
// 0 and 2.4). A Gosched every 5 ms costs about a microsecond each.
//
// (Locking the loop to its OS thread was tried too: it stopped the moves,
// but every forced preemption and yield then needs a hand-off between two
// threads: twice the futex calls of an unlocked loop that yields.)
const yieldEvery = int64(5 * time.Millisecond)

// pollIO waits up to timeout (negative: forever, 0: just look) for ready
// descriptors and runs their handlers, each as its own macrotask.
func (l *Loop) pollIO(p *ioPoller, timeout time.Duration) {
	ms := -1
	if timeout >= 0 {
		// Round up: waking before a timer is due would spin.
		ms = int((timeout + time.Millisecond - 1) / time.Millisecond)
	}
	n, err := unix.EpollWait(p.epfd, p.events, ms)
	now := time.Now().UnixNano()
	l.now = now
	if now-l.lastYield >= yieldEvery {
		l.lastYield = now
		goruntime.Gosched() // see yieldEvery
	}
	if err != nil {
		if !errors.Is(err, unix.EINTR) {
			// Only a programming error (a bad epfd) gets here; do not spin.
			time.Sleep(time.Millisecond)
		}
		return
	}
	for i := 0; i < n; i++ {
		ev := &p.events[i]
		id := getID(ev)
		if id == evfdID {
			var buf [8]byte
			unix.Read(p.evfd, buf[:])
			p.woken.Store(false)
			continue
		}
		w := p.watches[id]
		if w == nil {
			continue // closed or taken out by an earlier handler this turn
		}
		l.ioWatch, l.ioEvents = w, ev.Events
		l.runMacrotask(l.runIO) // no closure per event
	}
	if n == len(p.events) && len(p.events) < 4096 {
		p.events = make([]unix.EpollEvent, 2*len(p.events))
	}
}
