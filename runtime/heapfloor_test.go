package runtime

import (
	"os"
	goruntime "runtime"
	"testing"
	"unsafe"

	"golang.org/x/sys/unix"
)

// The boost follows the read rate: one step at a tick with streaming reads,
// more for faster ones (up to boostMaxSteps), kept through short lulls,
// shrunk or dropped after boostQuietTick ticks in a row that wanted less.
func TestHeapFloorBoostFollowsReads(t *testing.T) {
	heapFloor.mu.Lock()
	heapFloor.enabled = true // without EnableHeapFloor's ticker: the test ticks
	heapFloor.last = heapFloor.read.Load()
	heapFloor.mu.Unlock()
	defer func() {
		heapFloor.mu.Lock()
		heapFloor.enabled, heapFloor.boost, heapFloor.quiet, heapFloor.quietHi = false, nil, 0, 0
		heapFloor.mu.Unlock()
	}()
	tick := func(read int) int {
		for read > 0 { // as netcore notes them: one read at a time
			n := min(read, 64<<10)
			NoteReadBytes(n)
			read -= n
		}
		adjustHeapFloor()
		return heapFloorBoostSteps()
	}
	expect := func(what string, got, want int) {
		t.Helper()
		if got != want {
			t.Fatalf("%s: %d boost steps, want %d", what, got, want)
		}
	}
	expect("4 MB/s of reads", tick(1<<20), 0)
	expect("64 MB/s of reads", tick(boostReadRate), 1)
	for i := 1; i < boostQuietTick; i++ {
		expect("a quiet tick", tick(0), 1)
	}
	expect("a streaming tick after quiet ones", tick(boostReadRate), 1)
	for i := 1; i < boostQuietTick; i++ {
		tick(0)
	}
	expect("the quiet ticks after it", heapFloorBoostSteps(), 1) // the streaming tick restarted the count
	tick(0)
	expect("boostQuietTick quiet ticks in a row", heapFloorBoostSteps(), 0)

	// Faster streams: one step per boostStepRead, to the nearest, capped.
	expect("1.4 GB/s", tick(3*boostStepRead-boostStepRead/2), 3)
	expect("1.7 GB/s", tick(3*boostStepRead+boostStepRead/3), 3)
	expect("a faster tick", tick(10*boostStepRead), boostMaxSteps)
	// Slower ticks shrink it only together, to the most any of them wanted.
	expect("a slower tick", tick(boostStepRead), boostMaxSteps)
	expect("a quiet tick", tick(0), boostMaxSteps)
	expect("a tick wanting 2", tick(2*boostStepRead), boostMaxSteps)
	expect("the last slower tick", tick(0), 2)
	for i := 1; i < boostQuietTick; i++ {
		expect("quiet ticks", tick(0), 2)
	}
	expect("boostQuietTick quiet ticks", tick(0), 0)
}

// A floor must never be resident, even when the allocator hands it pages
// the heap already had in use (here: pages just written and freed).
func TestUntouchedBytesAreNotResident(t *testing.T) {
	for round := 0; round < 3; round++ {
		junk := make([]byte, 32<<20)
		for i := range junk {
			junk[i] = 1
		}
		junk = nil
		goruntime.GC() // junk's pages are free, resident, and first in line
		b := untouchedBytes(boostStepSize)
		page := os.Getpagesize()
		vec := make([]byte, (len(b)+page-1)/page)
		// mincore(2) wants a page-aligned start; large blocks are.
		if _, _, errno := unix.Syscall(unix.SYS_MINCORE, uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)), uintptr(unsafe.Pointer(&vec[0]))); errno != 0 {
			t.Fatalf("mincore: %v", errno)
		}
		resident := 0
		for _, v := range vec[1 : len(vec)-1] { // the edges may share a page with other objects
			resident += int(v & 1)
		}
		if resident > 0 {
			t.Fatalf("round %d: %d of %d pages of the floor are resident", round, resident, len(vec))
		}
	}
}
