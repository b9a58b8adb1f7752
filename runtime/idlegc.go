package runtime

import (
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// Idle-time collection, as V8's memory reducer does for node: when the
// loop has been idle for a while after allocating, collect and give the
// freed memory back to the OS.
//
// Why: gonode lets garbage pile up under load on purpose (GOGC=200 and a
// 16 MB heap floor, see cmd/gonode), because collecting every few MB cost
// a quarter of the CPU of an I/O-bound server. But Go collects only when
// allocating, so a server that goes quiet after a burst (15,000 clients
// connect, then idle) would keep the burst's garbage resident: measured,
// 7.1 KB of RSS per idle WebSocket instead of 4.9 KB. One collection when
// the loop is idle costs nothing anyone waits for.
const (
	idleGCAfter = time.Second // loop idle this long...
	idleGCBytes = 4 << 20     // ...after allocating this much since the last collection
	idleGCTick  = 250 * time.Millisecond
)

func (l *Loop) startIdleGC() {
	l.idleStop = make(chan struct{})
	go func(stop chan struct{}) {
		samples := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}, {Name: "/gc/cycles/total:gc-cycles"}}
		read := func() (allocs, cycles uint64) {
			metrics.Read(samples)
			return samples[0].Value.Uint64(), samples[1].Value.Uint64()
		}
		baseAllocs, baseCycles := read()
		t := time.NewTicker(idleGCTick)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
			}
			allocs, cycles := read()
			if cycles != baseCycles {
				// The collector ran by itself: count from there.
				baseAllocs, baseCycles = allocs, cycles
			}
			since := l.idleSince.Load()
			if since == 0 || time.Since(time.Unix(0, since)) < idleGCAfter || allocs-baseAllocs < idleGCBytes {
				continue
			}
			debug.FreeOSMemory()
			baseAllocs, baseCycles = read()
		}
	}(l.idleStop)
}

func (l *Loop) stopIdleGC() {
	if l.idleStop != nil {
		close(l.idleStop)
		l.idleStop = nil
	}
}
