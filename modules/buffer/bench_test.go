package buffer_test

import (
	"strconv"
	"testing"
)

// BenchmarkChatRoundTrip is the JS Buffer round-trip of a chat message
// (Buffer.from(json).toString()), in-process, for profiling.
func BenchmarkChatRoundTrip(b *testing.B) {
	l := newLoop(b)
	_, err := l.VM.RunString(`var json = JSON.stringify({type:'message',nick:'ryah',room:'node.js',text:"Hello from the event loop! Today's comet server handles 10,000 idle clients — ünïcödé ✓",time:1259600000000,seq:42,tags:['comet','long-poll','v8']});
	var sink = 0; function rt(n) { for (var i = 0; i < n; i++) sink += Buffer.from(json).toString().length; }`)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	if _, err := l.VM.RunString("rt(" + strconv.Itoa(b.N) + ")"); err != nil {
		b.Fatal(err)
	}
}
