package runtime_test

import (
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"gonode/runtime"
)

// Once the loop polls descriptors it keeps its OS thread (poll.go): every
// macrotask runs on the same thread, even when the loop blocks in
// epoll_wait between them while other goroutines keep the scheduler busy.
func TestLoopKeepsItsThread(t *testing.T) {
	l, err := runtime.New(runtime.Options{Args: []string{"gonode", "test"}, Exit: func(int) {}})
	if err != nil {
		t.Fatal(err)
	}
	var stop atomic.Bool
	for i := 0; i < 3; i++ { // busy goroutines: threads for the scheduler to juggle
		go func() {
			for x := 0; !stop.Load(); x++ {
				if x%1024 == 0 {
					time.Sleep(10 * time.Microsecond)
				}
			}
		}()
	}
	defer stop.Store(true)
	tids := map[int]int{}
	code := l.Run(func() error {
		if err := l.StartPoller(); err != nil {
			return err
		}
		tids[unix.Gettid()]++
		l.Ref()
		go func() {
			const n = 300
			for i := 0; i < n; i++ {
				time.Sleep(100 * time.Microsecond) // the loop blocks in epoll_wait meanwhile
				last := i == n-1
				l.Post(func() {
					tids[unix.Gettid()]++
					if last {
						l.Unref()
					}
				})
			}
		}()
		return nil
	})
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if len(tids) != 1 {
		t.Fatalf("macrotasks ran on %d threads (tid: count): %v", len(tids), tids)
	}
}
