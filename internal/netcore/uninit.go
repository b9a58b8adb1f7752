package netcore

import "unsafe"

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

// uninitializedBytes returns n bytes of collected heap memory with whatever
// the allocator last held there. It is for read slabs only: a byte of a
// slab reaches JavaScript only after the kernel has written it by a read,
// so stale contents are never seen (node's read buffers are uninitialized
// for the same reason). Zeroing each 512 KiB slab first cost 8% of the CPU
// of the 50-connection echo benchmark.
func uninitializedBytes(n int) []byte {
	return unsafe.Slice((*byte)(mallocgc(uintptr(n), nil, false)), n)
}
