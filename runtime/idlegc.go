package runtime

import (
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// Idle-time collection, as V8's memory reducer does for node: when the
// process has gone quiet for a while after allocating, collect and give the
// freed memory back to the OS. "Quiet" is measured by allocation, not by the
// loop being blocked: a server with a heartbeat timer or a pinger wakes
// every few hundred ms yet allocates next to nothing.
//
// Why: gonode lets garbage pile up under load on purpose (GOGC=200 and a
// 16 MB heap floor, see cmd/gonode), because collecting every few MB cost
// a quarter of the CPU of an I/O-bound server. But Go collects only when
// allocating, so a server that goes quiet after a burst (15,000 clients
// connect, then idle) would keep the burst's garbage resident: measured,
// 7.1 KB of RSS per idle WebSocket instead of 4.9 KB. One collection when
// the loop is idle costs nothing anyone waits for.
const (
	idleGCTick    = 250 * time.Millisecond
	idleGCQuiet   = 256 << 10 // at most this allocated per tick counts as quiet...
	idleGCTicks   = 4         // ...for this many ticks in a row (1 s)...
	idleGCGarbage = 4 << 20   // ...after this much since the last collection
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
		lastAllocs, quiet := baseAllocs, 0
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
			if allocs-lastAllocs <= idleGCQuiet {
				quiet++
			} else {
				quiet = 0
			}
			lastAllocs = allocs
			if quiet < idleGCTicks || allocs-baseAllocs < idleGCGarbage {
				continue
			}
			debug.FreeOSMemory()
			baseAllocs, baseCycles = read()
			lastAllocs, quiet = baseAllocs, 0
		}
	}(l.idleStop)
}

func (l *Loop) stopIdleGC() {
	if l.idleStop != nil {
		close(l.idleStop)
		l.idleStop = nil
	}
}
