package netcore

import (
	"bytes"
	"testing"
)

// A slab is uninitialized memory, so what reaches JavaScript must be exactly
// the bytes a read wrote: a chunk's capacity may not reach past them (a
// Buffer over it could otherwise be grown or re-sliced into stale bytes;
// a small read's copy may have spare capacity, but zeroed),
// and successive chunks must not overlap.
func TestSlabChunksExposeOnlyReadBytes(t *testing.T) {
	b := &Binding{}
	var kept [][]byte
	for i := 0; i < 40; i++ { // enough to cross several slabs
		buf := b.readBuf()
		if len(buf) < minReadRoom {
			t.Fatalf("read %d: room %d < %d", i, len(buf), minReadRoom)
		}
		n := copyBelow + i*997 // zero-copy sizes
		if i%5 == 0 {
			n = 100 + i // a small read, copied out
		}
		fill := bytes.Repeat([]byte{byte(i)}, n)
		copy(buf, fill)
		chunk := b.takeRead(n)
		if len(chunk) != n {
			t.Fatalf("read %d: len %d, want %d", i, len(chunk), n)
		}
		if n >= copyBelow && cap(chunk) != n {
			t.Fatalf("read %d: a slab window of cap %d, want %d", i, cap(chunk), n)
		}
		if tail := chunk[n:cap(chunk)]; bytes.Count(tail, []byte{0}) != len(tail) {
			t.Fatalf("read %d: a copied chunk's spare capacity is not zero", i)
		}
		kept = append(kept, chunk)
	}
	for i, c := range kept {
		if c[0] != byte(i) || c[len(c)-1] != byte(i) || bytes.Count(c, []byte{byte(i)}) != len(c) {
			t.Fatalf("chunk %d was overwritten by a later read", i)
		}
	}
}
