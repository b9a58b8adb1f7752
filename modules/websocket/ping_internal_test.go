package websocket

import (
	"math/rand"
	"testing"
	"time"
)

// simulatePeer runs the pinger's decisions over ticks that come late by
// up to maxLate (timers on a loaded machine) for a peer that answers each
// ping after answer (answer < 0: never). It returns the tick time of the
// drop, or -1.
func simulatePeer(rng *rand.Rand, iv, maxLate, answer time.Duration, ticks int) (dropAt, firstPing int64) {
	seen := int64(0) // the handshake
	sent := int64(0)
	firstPing = -1
	now := int64(rng.Int63n(int64(iv))) // the ticker's phase is arbitrary
	var pong int64 = -1
	for i := 0; i < ticks; i++ {
		if pong >= 0 && pong <= now {
			seen, pong = pong, -1
		}
		switch pingDecision(now, seen, sent, iv) {
		case pingDrop:
			return now, firstPing
		case pingSend:
			sent = now
			if firstPing < 0 {
				firstPing = now
			}
			if answer >= 0 {
				pong = now + int64(answer)
			}
		}
		now += int64(iv)
		if maxLate > 0 {
			now += rng.Int63n(int64(maxLate))
		}
	}
	return -1, firstPing
}

// A peer that answers every ping within the interval is never dropped,
// however late the ticks come; one that never answers is dropped one or
// two ticks after its first ping, once it has been quiet for two
// intervals. (The drop used to be "quiet for two
// intervals": a tick just short of pinging followed by a late tick dropped
// a live peer that had never been pinged, TestPingDropsDeadPeers' flake
// under load.)
func TestPingDecision(t *testing.T) {
	const iv = 300 * time.Millisecond
	rng := rand.New(rand.NewSource(1))
	for run := 0; run < 2000; run++ {
		late := time.Duration(rng.Int63n(int64(iv / 2)))
		answer := time.Duration(rng.Int63n(int64(iv * 9 / 10)))
		if at, _ := simulatePeer(rng, iv, late, answer, 40); at >= 0 {
			t.Fatalf("run %d: live peer (answers in %v, ticks up to %v late) dropped at %v", run, answer, late, time.Duration(at))
		}
		at, first := simulatePeer(rng, iv, late, -1, 40)
		if at < 0 || first < 0 || time.Duration(at-first) < iv || time.Duration(at) < 2*iv || time.Duration(at-first) > 2*(iv+late) {
			t.Fatalf("run %d: dead peer: first ping %v, dropped at %v", run, time.Duration(first), time.Duration(at))
		}
	}
	// The case that failed: not pinged at a tick 260 ms after the
	// handshake, then the next tick 50 ms late.
	if a := pingDecision(int64(610*time.Millisecond), 0, 0, iv); a != pingSend {
		t.Fatalf("quiet 610 ms, never pinged: action %d, want a ping", a)
	}
	// A slow pong: pinged at 280 ms of quiet, still nothing 300 ms later
	// is not yet two quiet intervals.
	if a := pingDecision(int64(580*time.Millisecond), 0, int64(280*time.Millisecond), iv); a != pingNone {
		t.Fatalf("pinged 300 ms ago, quiet 580 ms: action %d, want to wait", a)
	}
	if a := pingDecision(int64(880*time.Millisecond), 0, int64(280*time.Millisecond), iv); a != pingDrop {
		t.Fatalf("pinged 600 ms ago, quiet 880 ms: action %d, want a drop", a)
	}
}
