package runtime

import (
	"os"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// The heap floor ("ballast") and its streaming boost.
//
// gonode's heap is mostly short-lived garbage over a small live set: under
// socket load, nearly every allocated byte is a read buffer handed to JS
// as a Buffer (measured on bench/tcp's 50-connection echo: 98% of the
// bytes allocated). With a live set of a few MB, the collector would start
// a cycle every few MB read. The floor is a never-written allocation that
// counts as live, so the next cycle waits for about 2×(floor+live) of
// garbage. Its pages are never written, so it costs address space, not
// memory: RSS does not grow by it.
//
// Why a boost: node's read buffers are V8 "external" memory, outside its
// heap; V8 lets about 64 MB of it build up before it forces a collection
// (its external allocation soft limit), and frees it at each young-
// generation scavenge, which is cheap. Go has no generations, so every
// cycle marks the whole live heap: for an echo server, about 3 ms of CPU
// per cycle by regression over GOGC settings (more than the collector's own
// time in gctrace, so most of it is indirect). A permanent 32 MB floor gave
// the echo benchmark 7% less CPU, but it also let the garbage of bursts
// that are not streaming (15,000 WebSockets connecting) pile up twice as
// high before a collection. So the floor is 16 MB, and while the loop
// reads from sockets at streaming rates (NoteReadBytes) boost steps of
// 16 MB join it: one per 512 MB/s read, to the nearest, at least one and
// at most four. With GOGC=200 one step makes about 64 MB of read buffers
// between cycles, V8's budget; more steps keep a faster stream's
// collections to about 15 a second instead of letting them follow the rate
// (at 1.5 GB/s, three steps against one: 5% less CPU per byte and 6% more
// throughput over 20 alternating rounds, for 65 MB more peak RSS). The
// boost shrinks when reading slows down.
const (
	heapFloorSize  = 16 << 20
	boostStepSize  = 16 << 20
	boostMaxSteps  = 4
	boostTick      = 250 * time.Millisecond
	boostReadRate  = 16 << 20  // bytes read in a tick (64 MB/s) that start the boost...
	boostStepRead  = 128 << 20 // ...bytes read in a tick (512 MB/s) per step, to the nearest...
	boostQuietTick = 4         // ...and ticks in a row wanting fewer steps before it shrinks
)

var heapFloor struct {
	mu      sync.Mutex
	enabled bool
	base    []byte
	boost   [][]byte     // boost steps of boostStepSize, never touched
	quiet   int          // ticks in a row that wanted fewer steps than boost has
	quietHi int          // the most steps any of those ticks wanted
	read    atomic.Int64 // bytes the loops read from descriptors (NoteReadBytes)
	last    int64
}

// EnableHeapFloor allocates the 16 MB floor and starts a goroutine that
// lets the boost follow the read rate for the rest of the process.
// cmd/gonode calls it once at start when GOGC is not set in the
// environment; tests and embedders that do not call it run with Go's own
// pacing.
func EnableHeapFloor() {
	heapFloor.mu.Lock()
	defer heapFloor.mu.Unlock()
	if heapFloor.enabled {
		return
	}
	heapFloor.enabled = true
	heapFloor.base = untouchedBytes(heapFloorSize)
	go func() {
		for range time.Tick(boostTick) {
			adjustHeapFloor()
		}
	}()
}

// NoteReadBytes counts n bytes read from a descriptor into memory handed to
// JavaScript (the read buffers the boost is for). Safe from any goroutine;
// netcore calls it once per read.
func NoteReadBytes(n int) {
	heapFloor.read.Add(int64(n))
}

// heapFloorBoostSteps reports how many boost steps are in place (for
// tests).
func heapFloorBoostSteps() int {
	heapFloor.mu.Lock()
	defer heapFloor.mu.Unlock()
	return len(heapFloor.boost)
}

// boostStepsFor is how many boost steps a tick that read delta bytes wants.
func boostStepsFor(delta int64) int {
	if delta < boostReadRate {
		return 0
	}
	return int(min(max((delta+boostStepRead/2)/boostStepRead, 1), boostMaxSteps))
}

// adjustHeapFloor runs once per boostTick. The boost grows at once to what
// the bytes read since the last tick want, and shrinks only after
// boostQuietTick ticks in a row wanted fewer steps (to the most any of them
// wanted), so a short lull does not make the next burst start without it.
// A dropped step is garbage the next cycle frees without it ever having
// been resident.
func adjustHeapFloor() {
	heapFloor.mu.Lock()
	defer heapFloor.mu.Unlock()
	read := heapFloor.read.Load()
	delta := read - heapFloor.last
	heapFloor.last = read
	if !heapFloor.enabled {
		return
	}
	want := boostStepsFor(delta)
	if want >= len(heapFloor.boost) {
		for len(heapFloor.boost) < want {
			heapFloor.boost = append(heapFloor.boost, untouchedBytes(boostStepSize))
		}
		heapFloor.quiet, heapFloor.quietHi = 0, 0
		return
	}
	heapFloor.quietHi = max(heapFloor.quietHi, want)
	if heapFloor.quiet++; heapFloor.quiet >= boostQuietTick {
		clear(heapFloor.boost[heapFloor.quietHi:]) // let the collector have them
		heapFloor.boost = heapFloor.boost[:heapFloor.quietHi]
		if len(heapFloor.boost) == 0 {
			heapFloor.boost = nil
		}
		heapFloor.quiet, heapFloor.quietHi = 0, 0
	}
}

// untouchedBytes allocates n bytes of heap that are not resident and
// must never be read or written: a floor. A large allocation may reuse
// pages the heap already holds (resident, and the collector's scavenger
// does not release pages of a live object), so the pages are given back
// to the kernel with MADV_DONTNEED right away. That is safe for a block
// without pointers that nobody touches: the runtime never reads such a
// block, and zeroes its pages itself before it reuses them once the block
// is freed (a large span is marked as needing zeroing when it is freed).
func untouchedBytes(n int) []byte {
	b := UninitializedBytes(n)
	page := uintptr(os.Getpagesize())
	start := (uintptr(unsafe.Pointer(&b[0])) + page - 1) &^ (page - 1)
	end := (uintptr(unsafe.Pointer(&b[0])) + uintptr(n)) &^ (page - 1)
	if end > start {
		off := int(start - uintptr(unsafe.Pointer(&b[0])))
		unix.Madvise(b[off:off+int(end-start)], unix.MADV_DONTNEED)
	}
	return b
}

// mallocgc is the Go runtime's allocator. It is reached by linkname because
// it is the only way to get heap memory the runtime does not zero first; the
// runtime keeps this symbol and its signature stable for exactly this use
// (see the "hall of shame" comment above mallocgc in runtime/malloc.go and
// go.dev/issue/67401). A nil type means "no pointers": the collector never
// scans the block, and the runtime allows needzero=false only for such
// blocks.
//
//go:linkname mallocgc runtime.mallocgc
func mallocgc(size uintptr, typ unsafe.Pointer, needzero bool) unsafe.Pointer

// UninitializedBytes returns n bytes of collected heap memory with whatever
// the allocator last held there. Use it only for memory whose every byte is
// written before anything reads it (netcore's read slabs: a byte reaches
// JavaScript only after the kernel wrote it by a read, as node's read
// buffers are uninitialized too) or that is never read at all (the heap
// floor). Zeroing each 512 KiB read slab first cost 8% of the CPU of the
// 50-connection echo benchmark.
func UninitializedBytes(n int) []byte {
	return unsafe.Slice((*byte)(mallocgc(uintptr(n), nil, false)), n)
}
