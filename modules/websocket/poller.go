package websocket

import (
	"errors"
	"sync"
	"time"

	"golang.org/x/sys/unix"
)

// The server side reads without a goroutine per idle connection: one
// process-wide epoll instance watches every accepted socket for
// readability, and a readable socket is handed to a short-lived worker that
// reads what the kernel has without blocking (see sconn.onReadable). An idle
// connection therefore costs its structs and nothing else: no parked
// goroutine, no grown stack, no read buffer.
//
// Sockets are registered EPOLLONESHOT: after an event the socket is disarmed
// until its worker re-arms it, so one connection is never read by two
// workers at once and its messages reach the loop in order. Because the
// registration is level-triggered, re-arming a socket that received more
// bytes meanwhile reports it again at once.

type poller struct {
	epfd  int
	mu    sync.Mutex
	conns map[uint64]*sconn
}

var (
	pollOnce sync.Once
	thePoll  *poller
	pollErr  error
)

func getPoller() (*poller, error) {
	pollOnce.Do(func() {
		fd, err := unix.EpollCreate1(unix.EPOLL_CLOEXEC)
		if err != nil {
			pollErr = err
			return
		}
		thePoll = &poller{epfd: fd, conns: map[uint64]*sconn{}}
		go thePoll.run()
	})
	return thePoll, pollErr
}

const pollFlags = unix.EPOLLIN | unix.EPOLLRDHUP | unix.EPOLLONESHOT

func idEvent(id uint64, flags uint32) *unix.EpollEvent {
	return &unix.EpollEvent{Events: flags, Fd: int32(uint32(id)), Pad: int32(uint32(id >> 32))}
}

func (p *poller) add(c *sconn) error {
	p.mu.Lock()
	p.conns[c.id] = c
	p.mu.Unlock()
	if err := unix.EpollCtl(p.epfd, unix.EPOLL_CTL_ADD, c.fd, idEvent(c.id, pollFlags)); err != nil {
		p.mu.Lock()
		delete(p.conns, c.id)
		p.mu.Unlock()
		return err
	}
	return nil
}

// rearm re-enables readiness reports for c after a worker is done with it.
// It holds p.mu so that c cannot be removed, and its descriptor closed and
// reused by a new socket, between the check and the re-arm.
func (p *poller) rearm(c *sconn) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.conns[c.id] != c {
		return nil // closed meanwhile
	}
	return unix.EpollCtl(p.epfd, unix.EPOLL_CTL_MOD, c.fd, idEvent(c.id, pollFlags))
}

// remove forgets c; call it before the socket is closed so the descriptor
// number can be reused safely (events carry the connection id, not the fd).
func (p *poller) remove(c *sconn) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, ok := p.conns[c.id]; ok {
		delete(p.conns, c.id)
		unix.EpollCtl(p.epfd, unix.EPOLL_CTL_DEL, c.fd, nil)
	}
}

func (p *poller) run() {
	events := make([]unix.EpollEvent, 256)
	for {
		n, err := unix.EpollWait(p.epfd, events, -1)
		if err != nil {
			if errors.Is(err, unix.EINTR) {
				continue
			}
			// EpollWait fails only on programming errors (bad fd); back
			// off rather than spin.
			time.Sleep(10 * time.Millisecond)
			continue
		}
		p.mu.Lock()
		for i := 0; i < n; i++ {
			id := uint64(uint32(events[i].Fd)) | uint64(uint32(events[i].Pad))<<32
			if c := p.conns[id]; c != nil {
				workers.submit(c.onReadable)
			}
		}
		p.mu.Unlock()
	}
}

// pool runs short tasks (reading a readable socket, flushing a connection's
// outgoing queue) on reusable goroutines. It is elastic: a task goes to an
// idle worker when one is waiting, else a new goroutine starts. A task that
// blocks (a write to a peer whose receive window is full) therefore never
// holds up the others, and when traffic stops the workers exit, so idle
// connections cost no goroutines.
type pool struct {
	tasks chan func()
}

var workers = &pool{tasks: make(chan func())}

const workerIdle = 2 * time.Second

func (p *pool) submit(f func()) {
	select {
	case p.tasks <- f:
	default:
		go p.work(f)
	}
}

func (p *pool) work(f func()) {
	f()
	t := time.NewTimer(workerIdle)
	defer t.Stop()
	for {
		select {
		case f = <-p.tasks:
			f()
			if !t.Stop() {
				select {
				case <-t.C:
				default:
				}
			}
			t.Reset(workerIdle)
		case <-t.C:
			return
		}
	}
}
