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
// cycle marks the whole live heap (about 3 ms of CPU per cycle for an echo
// server). A permanent 32 MB floor gave the echo benchmark 7% less CPU,
// but it also let the garbage of bursts that are not streaming (15,000
// WebSockets connecting) pile up twice as high before a collection. So
// the floor is 16 MB, and while the loop reads from sockets at streaming
// rates (NoteReadBytes) a second 16 MB joins it: with GOGC=200 that is
// about 64 MB of read buffers between cycles, V8's budget. The boost goes
// when reading slows down.
const (
	heapFloorSize  = 16 << 20
	heapBoostSize  = 16 << 20
	boostTick      = 250 * time.Millisecond
	boostReadRate  = 16 << 20 // bytes read in a tick (64 MB/s) that start the boost...
	boostQuietTick = 4        // ...and ticks in a row below it that end the boost
)

var heapFloor struct {
	mu      sync.Mutex
	enabled bool
	base    []byte
	boost   []byte
	quiet   int
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

// heapFloorBoosted reports whether the boost is in place (for tests).
func heapFloorBoosted() bool {
	heapFloor.mu.Lock()
	defer heapFloor.mu.Unlock()
	return heapFloor.boost != nil
}

// adjustHeapFloor runs once per boostTick: it starts the boost when
// the bytes read since the last tick reach boostReadRate and ends it after
// boostQuietTick quieter ticks in a row. A dropped boost is garbage the
// next cycle frees without ever having been resident.
func adjustHeapFloor() {
	heapFloor.mu.Lock()
	defer heapFloor.mu.Unlock()
	read := heapFloor.read.Load()
	delta := read - heapFloor.last
	heapFloor.last = read
	if !heapFloor.enabled {
		return
	}
	if delta >= boostReadRate {
		heapFloor.quiet = 0
		if heapFloor.boost == nil {
			heapFloor.boost = untouchedBytes(heapBoostSize)
		}
		return
	}
	if heapFloor.quiet++; heapFloor.quiet >= boostQuietTick {
		heapFloor.boost = nil
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
