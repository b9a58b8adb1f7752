package runtime

import (
	"errors"
	"fmt"
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
// Disable its watch (EPOLL_CTL_DEL), or it would be woken on every turn.
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
	events  uint32
	enabled bool
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

// WatchFD starts watching fd for events (PollIn, PollOut, PollRdHup; hang-up
// and errors are always reported) and calls handler on the loop goroutine
// with the events that happened. The caller keeps owning fd: it must Close
// the watch before it closes the descriptor. Call on the loop goroutine.
func (l *Loop) WatchFD(fd int, events uint32, handler func(events uint32)) (*Watch, error) {
	p, err := l.poller()
	if err != nil {
		return nil, err
	}
	w := &Watch{l: l, fd: fd, id: p.nextID, events: events, handler: handler}
	p.nextID++
	if err := w.Enable(); err != nil {
		return nil, err
	}
	return w, nil
}

// Enable (re)starts reporting events for the watch.
func (w *Watch) Enable() error {
	if w.closed || w.enabled {
		return nil
	}
	p := w.l.io.Load()
	ev := unix.EpollEvent{Events: w.events}
	setID(&ev, w.id)
	if err := unix.EpollCtl(p.epfd, unix.EPOLL_CTL_ADD, w.fd, &ev); err != nil {
		return fmt.Errorf("runtime: epoll_ctl(ADD, fd %d): %w", w.fd, err)
	}
	w.enabled = true
	p.watches[w.id] = w
	return nil
}

// Disable stops reporting events until Enable. Level-triggered hang-ups
// would otherwise wake the loop on every turn.
func (w *Watch) Disable() {
	if w.closed || !w.enabled {
		return
	}
	p := w.l.io.Load()
	unix.EpollCtl(p.epfd, unix.EPOLL_CTL_DEL, w.fd, nil)
	w.enabled = false
	delete(p.watches, w.id)
}

// Modify changes the events watched for.
func (w *Watch) Modify(events uint32) error {
	if w.closed || events == w.events {
		return nil
	}
	w.events = events
	if !w.enabled {
		return nil
	}
	p := w.l.io.Load()
	ev := unix.EpollEvent{Events: events}
	setID(&ev, w.id)
	if err := unix.EpollCtl(p.epfd, unix.EPOLL_CTL_MOD, w.fd, &ev); err != nil {
		return fmt.Errorf("runtime: epoll_ctl(MOD, fd %d): %w", w.fd, err)
	}
	return nil
}

// Set watches for exactly events: Disable when they are none, else Modify
// and Enable. The common call of a socket whose needs changed.
func (w *Watch) Set(events uint32) error {
	if events == 0 {
		w.Disable()
		return nil
	}
	if err := w.Modify(events); err != nil {
		return err
	}
	return w.Enable()
}

// Close forgets the watch for good. Events already collected for it in the
// current turn are dropped (they are looked up by id, not by fd, so a
// descriptor number reused by a new socket is never confused with it).
func (w *Watch) Close() {
	w.Disable()
	w.closed = true
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

// pollIO waits up to timeout (negative: forever, 0: just look) for ready
// descriptors and runs their handlers, each as its own macrotask. It
// reports whether any handler ran.
func (l *Loop) pollIO(p *ioPoller, timeout time.Duration) bool {
	ms := -1
	if timeout >= 0 {
		// Round up: waking before a timer is due would spin.
		ms = int((timeout + time.Millisecond - 1) / time.Millisecond)
	}
	n, err := unix.EpollWait(p.epfd, p.events, ms)
	if err != nil {
		if errors.Is(err, unix.EINTR) {
			return false
		}
		// Only a programming error (a bad epfd) gets here; do not spin.
		time.Sleep(time.Millisecond)
		return false
	}
	ran := false
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
		if w == nil || !w.enabled {
			continue // closed or disabled by an earlier handler this turn
		}
		events := ev.Events
		ran = true
		l.runMacrotask(func() { w.handler(events) })
	}
	if n == len(p.events) && len(p.events) < 4096 {
		p.events = make([]unix.EpollEvent, 2*len(p.events))
	}
	return ran
}
