package http

import (
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// header is one header line as received.
type header struct{ name, value string }

// incoming is an IncomingMessage: a server request (2009: ServerRequest) or
// a client response (2009: ClientResponse). JS sees it as a goja dynamic
// object: fixed fields are computed when read (most requests never look at
// most of them), anything a script stores on it lives in extra.
type incoming struct {
	st  *state
	obj *goja.Object

	extra     map[string]goja.Value
	extraKeys []string

	// Request line / status line.
	method, target string
	major, minor   int
	hdrs           []header
	hdrBuf         [6]header // hdrs' storage for the usual few headers
	statusCode     int       // client responses
	statusMessage  string
	client         goja.Value // 2009 response.client

	// Framing (server requests, decided by the reader).
	contentLength int64 // -1: chunked
	keepAlive     bool
	upgrade       bool
	expect100     bool

	// Cached JS values.
	vHeaders, vRaw, vURI, vURL goja.Value

	c   *conn     // server side
	res *response // server side
	cr  *clientReq

	// Body delivery.
	enc2009, encData string // "" = default
	dec2009, decData []byte // held bytes of a split UTF-8 sequence
	paused           bool
	queued           [][]byte // chunks that arrived while paused; nil entry = end
	complete         bool
	endSeen          bool
	aborted          bool
	closed           bool

	// Stream mode: rs is the message's ReadableState once JS asked for it
	// (see adopt). From then on body chunks go through Readable's push
	// and paused means "the transport is paused" (push said the buffer is
	// full); before, chunks are emitted straight from Go.
	rs *goja.Object
}

var incomingKeys = []string{"method", "url", "httpVersion", "httpVersionMajor", "httpVersionMinor",
	"headers", "rawHeaders", "trailers", "uri", "connection", "socket", "complete", "aborted"}

var clientResKeys = []string{"statusCode", "statusMessage", "httpVersion", "httpVersionMajor",
	"httpVersionMinor", "headers", "rawHeaders", "trailers", "client", "complete"}

func (m *incoming) Get(key string) goja.Value {
	if m.extra != nil {
		if v, ok := m.extra[key]; ok {
			return v
		}
	}
	st := m.st
	switch key {
	case "method":
		if m.cr == nil {
			return st.methodValue(m.method)
		}
	case "url":
		if m.cr == nil {
			if m.vURL == nil {
				m.vURL = st.vm.ToValue(m.target)
			}
			return m.vURL
		}
	case "httpVersion":
		switch {
		case m.major == 1 && m.minor == 1:
			return st.vHTTP11
		case m.major == 1 && m.minor == 0:
			return st.vHTTP10
		}
		return st.vm.ToValue(itoa(m.major) + "." + itoa(m.minor))
	case "httpVersionMajor":
		return st.vm.ToValue(m.major)
	case "httpVersionMinor":
		return st.vm.ToValue(m.minor)
	case "headers":
		if m.vHeaders == nil {
			m.vHeaders = st.headersObject(m.hdrs)
		}
		return m.vHeaders
	case "rawHeaders":
		if m.vRaw == nil {
			items := make([]any, 0, 2*len(m.hdrs))
			for _, h := range m.hdrs {
				items = append(items, h.name, h.value)
			}
			m.vRaw = st.vm.NewArray(items...)
		}
		return m.vRaw
	case "trailers":
		return st.vm.NewObject()
	case "uri":
		if m.cr == nil {
			if m.vURI == nil {
				m.vURI, _ = st.parseURI(goja.Undefined(), st.vm.ToValue(m.target))
			}
			return m.vURI
		}
	case "connection", "socket":
		if m.c != nil {
			return m.c.jsObject()
		}
		return goja.Null()
	case "complete":
		return st.vm.ToValue(m.complete)
	case "aborted":
		return st.vm.ToValue(m.aborted)
	case "_readableState":
		if m.rs != nil {
			return m.rs
		}
		// nil: the prototype's getter makes the state (stream mode).
	case "readable":
		// Answered here while there is no stream state, so checking a
		// request (on-finished, raw-body do) does not make one.
		if m.rs == nil {
			return st.vm.ToValue(!m.endSeen && !m.closed)
		}
	case "readableEnded":
		if m.rs == nil {
			return st.vm.ToValue(m.endSeen)
		}
	case "destroyed":
		if m.rs == nil {
			return st.vm.ToValue(m.closed)
		}
	case "statusCode":
		if m.cr != nil {
			return st.vm.ToValue(m.statusCode)
		}
	case "statusMessage":
		if m.cr != nil {
			return st.vm.ToValue(m.statusMessage)
		}
	case "client":
		if m.cr != nil && m.client != nil {
			return m.client
		}
	case "req":
		if m.cr != nil {
			return m.cr.obj
		}
	}
	return nil
}

func (m *incoming) Set(key string, val goja.Value) bool {
	if m.extra == nil {
		m.extra = map[string]goja.Value{}
	}
	if _, ok := m.extra[key]; !ok {
		m.extraKeys = append(m.extraKeys, key)
	}
	m.extra[key] = val
	return true
}

func (m *incoming) Has(key string) bool {
	if _, ok := m.extra[key]; ok {
		return true
	}
	return m.Get(key) != nil
}

func (m *incoming) Delete(key string) bool {
	if _, ok := m.extra[key]; ok {
		delete(m.extra, key)
		for i, k := range m.extraKeys {
			if k == key {
				m.extraKeys = append(m.extraKeys[:i], m.extraKeys[i+1:]...)
				break
			}
		}
	}
	return true
}

func (m *incoming) Keys() []string {
	base := incomingKeys
	if m.cr != nil {
		base = clientResKeys
	}
	keys := make([]string, 0, len(base)+len(m.extraKeys))
	keys = append(keys, base...)
	for _, k := range m.extraKeys {
		if m.Get(k) != nil {
			keys = append(keys, k)
		}
	}
	return keys
}

// incoming returns the Go side of an IncomingMessage value.
func (st *state) incoming(v goja.Value) *incoming {
	if o, ok := v.(*goja.Object); ok {
		if m, ok := o.Export().(*incoming); ok {
			return m
		}
	}
	panic(st.l.TypeError("ERR_INVALID_THIS", "Value of \"this\" must be of type IncomingMessage"))
}

// dropDuplicates are the headers node keeps only the first of.
var dropDuplicates = map[string]bool{
	"age": true, "authorization": true, "content-length": true, "content-type": true, "etag": true,
	"expires": true, "from": true, "host": true, "if-modified-since": true, "if-unmodified-since": true,
	"last-modified": true, "location": true, "max-forwards": true, "proxy-authorization": true,
	"referer": true, "retry-after": true, "server": true, "user-agent": true,
}

// headersObject builds req.headers: lower-cased names, repeated headers
// joined with ", " (cookie with "; ", set-cookie kept as an array, and the
// single-valued ones node lists keep their first value), as node does.
func (st *state) headersObject(hdrs []header) goja.Value {
	o := st.vm.NewObject()
	var seen map[string]int
	for i, h := range hdrs {
		name := lowerASCII(h.name)
		if seen == nil {
			seen = make(map[string]int, len(hdrs))
		}
		if _, dup := seen[name]; !dup {
			seen[name] = i
			if name == "set-cookie" {
				o.Set(name, st.vm.NewArray(h.value))
			} else {
				o.Set(name, h.value)
			}
			continue
		}
		switch {
		case dropDuplicates[name]:
		case name == "set-cookie":
			arr := o.Get(name).(*goja.Object)
			arr.Set(itoa(int(arr.Get("length").ToInteger())), h.value)
		case name == "cookie":
			o.Set(name, o.Get(name).String()+"; "+h.value)
		default:
			o.Set(name, o.Get(name).String()+", "+h.value)
		}
	}
	return o
}

// lowerName is lowerASCII with a cache: scripts use the same few header
// names on every response.
func (st *state) lowerName(s string) string {
	if l, ok := st.lower[s]; ok {
		return l
	}
	l := lowerASCII(s)
	if st.lower == nil {
		st.lower = map[string]string{}
	}
	if len(st.lower) < 512 {
		st.lower[s] = l
	}
	return l
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

func itoa(n int) string {
	if n >= 0 && n < 10 {
		return string(rune('0' + n))
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// setEncoding records the body encoding: the 2009 one (setBodyEncoding,
// for "body" events; "binary" by default) or today's (setEncoding, for
// "data" events; a Buffer by default).
func (m *incoming) setEncoding(enc string, is2009 bool) {
	enc = normEncoding(enc)
	if enc == "" {
		panic(m.st.l.TypeError("ERR_UNKNOWN_ENCODING", "Unknown encoding"))
	}
	if is2009 {
		m.enc2009 = enc
	} else {
		m.encData = enc
	}
}

func normEncoding(enc string) string {
	switch strings.ToLower(enc) {
	case "utf8", "utf-8":
		return "utf8"
	case "binary", "latin1":
		return "binary"
	case "ascii":
		return "ascii"
	case "hex":
		return "hex"
	case "base64":
		return "base64"
	}
	return ""
}

// deliver hands a body chunk to JS ("body" for the 2009 names, "data" for
// today's), or keeps it while the message is paused.
func (m *incoming) deliver(data []byte) {
	if m.closed {
		return
	}
	if m.rs != nil {
		m.pushChunk(data)
		return
	}
	if m.paused || len(m.queued) > 0 {
		m.queued = append(m.queued, data)
		return
	}
	m.emitChunk(data)
}

func (m *incoming) emitChunk(data []byte) {
	st := m.st
	if m.listens("body") {
		enc := m.enc2009
		if enc == "" {
			enc = "binary"
		}
		st.l.Emit(m.obj, "body", st.decode(data, enc, &m.dec2009))
	}
	if m.listens("data") {
		var v goja.Value
		if m.encData == "" {
			v = st.bufferValue(data)
		} else {
			v = st.decode(data, m.encData, &m.decData)
		}
		st.l.Emit(m.obj, "data", v)
	}
}

// deliverEnd is the end of the body: "complete" (2009) and "end".
func (m *incoming) deliverEnd() {
	if m.closed || m.endSeen {
		return
	}
	if m.rs != nil {
		m.pushEnd()
		return
	}
	if m.paused || len(m.queued) > 0 {
		m.queued = append(m.queued, nil)
		return
	}
	m.emitEnd()
}

func (m *incoming) emitEnd() {
	m.endSeen = true
	m.complete = true
	if m.listens("complete") {
		m.st.l.Emit(m.obj, "complete")
	}
	if m.listens("end") {
		m.st.l.Emit(m.obj, "end")
	}
	if m.cr != nil {
		m.cr.responseDone()
	}
	// The response closed before the body ended: "close" follows "end".
	if r := m.res; r != nil && r.closeEmitted && !m.closed && m.rs == nil {
		m.closed = true
		if m.listens("close") {
			m.st.l.Emit(m.obj, "close")
		}
	}
}

func (m *incoming) setPaused(p bool) {
	if m.paused == p {
		return
	}
	m.transportPause(p)
	if !p && len(m.queued) > 0 && m.rs == nil {
		// Deliver what waited, after the current callback (as a resumed
		// stream does).
		fn, _ := goja.AssertFunction(m.st.vm.ToValue(func(goja.FunctionCall) goja.Value {
			for len(m.queued) > 0 && !m.paused && m.rs == nil {
				d := m.queued[0]
				m.queued = m.queued[1:]
				if d == nil {
					m.emitEnd()
				} else {
					m.emitChunk(d)
				}
			}
			return goja.Undefined()
		}))
		m.st.l.NextTick(fn, nil)
	}
}

// transportPause pauses or resumes reading the body off the wire (stream
// mode: push reported a full buffer, or _read asked for more).
func (m *incoming) transportPause(p bool) {
	if m.paused == p {
		return
	}
	m.paused = p
	if m.c != nil {
		m.c.setReadPaused(p)
	}
	if m.cr != nil {
		m.cr.setPaused(p)
	}
}

// pushChunk is deliver in stream mode: Readable's push buffers or emits
// the chunk, and a full buffer pauses the transport until _read.
func (m *incoming) pushChunk(data []byte) {
	st := m.st
	if m.listens("body") {
		enc := m.enc2009
		if enc == "" {
			enc = "binary"
		}
		st.l.Emit(m.obj, "body", st.decode(data, enc, &m.dec2009))
	}
	if ok := st.l.Call(st.pushFn, m.obj, st.bufferValue(data)); !ok.ToBoolean() {
		m.transportPause(true)
	}
}

// pushEnd is deliverEnd in stream mode: "complete" (2009) now, "end" when
// the stream machinery has handed out the buffered data.
func (m *incoming) pushEnd() {
	st := m.st
	m.endSeen = true
	m.complete = true
	if m.c != nil {
		m.c.setStreamGate(false)
	}
	// Nothing more comes for this body: a pause must not hold back the
	// connection's next request.
	m.transportPause(false)
	if m.listens("complete") {
		st.l.Emit(m.obj, "complete")
	}
	st.l.Call(st.pushFn, m.obj, goja.Null())
}

// adopt switches m to stream mode with the ReadableState rs that JS just
// made, and returns what JS must copy into it: the flowing mode, the
// encoding and its held bytes, whether "end"/"close" already happened,
// and the chunks that waited while the message was paused (null: end).
func (m *incoming) adopt(rs *goja.Object) goja.Value {
	st := m.st
	vm := st.vm
	info := vm.NewObject()
	if m.rs != nil {
		return goja.Null()
	}
	m.rs = rs
	if m.c != nil && !m.endSeen {
		m.c.setStreamGate(true)
	}
	switch {
	case m.paused:
		info.Set("flowing", false)
	case m.listens("data"):
		info.Set("flowing", true)
	default:
		info.Set("flowing", goja.Null())
	}
	if m.encData != "" {
		info.Set("encoding", m.encData)
		if len(m.decData) > 0 {
			info.Set("held", st.bufferValue(m.decData))
			m.decData = nil
		}
	}
	info.Set("ended", m.endSeen)
	info.Set("closed", m.closed)
	info.Set("client", m.cr != nil)
	items := make([]any, 0, len(m.queued))
	for _, d := range m.queued {
		if d == nil {
			// The body's end waited too: it is seen, "end" is the
			// stream's to emit.
			m.endSeen = true
			m.complete = true
			if m.c != nil {
				m.c.setStreamGate(false)
			}
			m.transportPause(false)
			items = append(items, goja.Null())
		} else {
			items = append(items, st.bufferValue(d))
		}
	}
	m.queued = nil
	info.Set("queued", vm.NewArray(items...))
	return info
}

func (m *incoming) destroy() {
	if m.c != nil {
		m.c.kill()
	}
	if m.cr != nil {
		m.cr.abort()
	}
}

// decode turns bytes into a JS string in enc; for UTF-8, a sequence split
// between chunks is held back in *pending until the rest arrives.
func (st *state) decode(data []byte, enc string, pending *[]byte) goja.Value {
	switch enc {
	case "utf8":
		if len(*pending) > 0 {
			data = append(*pending, data...)
			*pending = nil
		}
		cut := incompleteTail(data)
		if cut > 0 {
			*pending = append([]byte(nil), data[len(data)-cut:]...)
			data = data[:len(data)-cut]
		}
		return st.vm.ToValue(string(data))
	case "hex":
		const digits = "0123456789abcdef"
		b := make([]byte, 2*len(data))
		for i, c := range data {
			b[2*i], b[2*i+1] = digits[c>>4], digits[c&15]
		}
		return st.vm.ToValue(string(b))
	case "base64":
		return st.vm.ToValue(base64Std(data))
	case "ascii":
		b := make([]byte, len(data))
		for i, c := range data {
			b[i] = c & 0x7f
		}
		return st.vm.ToValue(string(b))
	}
	return st.vm.ToValue(binaryString(data))
}

// binaryString maps each byte to the character with that code ("binary",
// node's latin1), which is how 2009 node handed out bodies.
func binaryString(data []byte) string {
	ascii := true
	for _, c := range data {
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return string(data)
	}
	var sb strings.Builder
	sb.Grow(len(data) * 2)
	for _, c := range data {
		sb.WriteRune(rune(c))
	}
	return sb.String()
}

// incompleteTail returns how many trailing bytes of b start a UTF-8
// sequence that is not complete yet.
func incompleteTail(b []byte) int {
	for i := 1; i <= 3 && i <= len(b); i++ {
		c := b[len(b)-i]
		if c < 0x80 {
			return 0
		}
		if c >= 0xC0 { // a leading byte
			need := 0
			switch {
			case c >= 0xF0:
				need = 4
			case c >= 0xE0:
				need = 3
			default:
				need = 2
			}
			if need > i && utf8.RuneStart(c) {
				return i
			}
			return 0
		}
	}
	return 0
}
