package runtime

import (
	"os"
	goruntime "runtime"
	"testing"
	"unsafe"

	"golang.org/x/sys/unix"
)

// The boost follows the read rate: on at a tick with streaming reads, kept
// through short lulls, off after boostQuietTick quiet ticks in a row.
func TestHeapFloorBoostFollowsReads(t *testing.T) {
	heapFloor.mu.Lock()
	heapFloor.enabled = true // without EnableHeapFloor's ticker: the test ticks
	heapFloor.last = heapFloor.read.Load()
	heapFloor.mu.Unlock()
	defer func() {
		heapFloor.mu.Lock()
		heapFloor.enabled, heapFloor.boost, heapFloor.quiet = false, nil, 0
		heapFloor.mu.Unlock()
	}()
	tick := func(read int) bool {
		for read > 0 { // as netcore notes them: one read at a time
			n := min(read, 64<<10)
			NoteReadBytes(n)
			read -= n
		}
		adjustHeapFloor()
		return heapFloorBoosted()
	}
	if tick(1 << 20) {
		t.Fatal("boosted at 4 MB/s of reads")
	}
	if !tick(boostReadRate) {
		t.Fatal("not boosted at 64 MB/s of reads")
	}
	for i := 1; i < boostQuietTick; i++ {
		if !tick(0) {
			t.Fatalf("boost dropped after %d quiet ticks, want %d", i, boostQuietTick)
		}
	}
	if !tick(boostReadRate) || !tick(0) {
		t.Fatal("a streaming tick did not restart the quiet count")
	}
	for i := 1; i < boostQuietTick; i++ {
		tick(0)
	}
	if heapFloorBoosted() {
		t.Fatalf("still boosted after %d quiet ticks", boostQuietTick)
	}
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
		b := untouchedBytes(heapBoostSize)
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
