package http

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	nethttp "net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"

	tlsmod "gonode/modules/tls"
)

// The client side uses Go's net/http Transport: the protocol work runs off
// the loop, one goroutine per request, and results come back with Post.
// A request whose script declared its framing (Content-Length, or
// Transfer-Encoding: chunked) starts at its first write and streams its
// body, as v0.1.21's sendBody did; any other body is collected until
// end()/finish() and sent with its length.

type clientState struct {
	tr    *nethttp.Transport
	tlsTr map[string]*nethttp.Transport // https, one per TLS configuration
	reqs  map[*goja.Object]*clientReq
}

type clientReq struct {
	st     *state
	obj    *goja.Object
	method string
	host   string
	port   int
	path   string
	hdrs   [][2]string
	body   []byte
	ended  bool
	cancel context.CancelFunc
	res    *incoming
	done   bool // the loop reference was dropped
	closed bool // "close" was emitted on the request

	stream         *bodyQueue // set once the body streams
	declaredLength int64

	tls *tlsmod.Options // https: the TLS options, nil for http

	mu     sync.Mutex
	cond   sync.Cond
	paused bool
	stop   bool
}

func (st *state) clients() *clientState {
	if st.client == nil {
		st.client = &clientState{
			tr: &nethttp.Transport{
				Proxy:               nil,
				DialContext:         (&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
				DisableCompression:  true,
				MaxIdleConnsPerHost: 64,
				IdleConnTimeout:     5 * time.Second,
			},
			reqs: map[*goja.Object]*clientReq{},
		}
	}
	return st.client
}

func (st *state) clientReq(v goja.Value) *clientReq {
	if o, ok := v.(*goja.Object); ok {
		if cr, ok := st.clients().reqs[o]; ok {
			return cr
		}
	}
	panic(st.l.TypeError("ERR_INVALID_THIS", "not a started ClientRequest"))
}

func (st *state) clientBinding(b *goja.Object) {
	vm := st.vm
	b.Set("clientStart", func(call goja.FunctionCall) goja.Value {
		o := thisObjArg(call)
		cr := &clientReq{
			st: st, obj: o,
			method: call.Argument(1).String(),
			host:   call.Argument(2).String(),
			port:   int(call.Argument(3).ToInteger()),
			path:   call.Argument(4).String(),
		}
		cr.cond.L = &cr.mu
		if arr, ok := call.Argument(5).(*goja.Object); ok {
			n := int(arr.Get("length").ToInteger())
			for i := 0; i < n; i++ {
				p := arr.Get(strconv.Itoa(i)).(*goja.Object)
				name := p.Get("0").String()
				val := p.Get("1")
				if vo, ok := val.(*goja.Object); ok && vo.ClassName() == "Array" {
					m := int(vo.Get("length").ToInteger())
					for j := 0; j < m; j++ {
						cr.hdrs = append(cr.hdrs, [2]string{name, vo.Get(strconv.Itoa(j)).String()})
					}
					continue
				}
				s := val.String()
				if !validHeaderName(name) || !validHeaderValue(s) {
					panic(st.l.TypeError("ERR_INVALID_HTTP_TOKEN", "Invalid header ["+name+"]"))
				}
				cr.hdrs = append(cr.hdrs, [2]string{name, s})
			}
		}
		if to, ok := call.Argument(6).(*goja.Object); ok {
			cr.tls = tlsmod.ParseOptions(st.l, to, false)
		}
		st.clients().reqs[o] = cr
		return goja.Undefined()
	})
	b.Set("clientWrite", func(call goja.FunctionCall) goja.Value {
		cr := st.clientReq(call.Argument(0))
		enc := call.Argument(2).String()
		var start []byte
		if cr.stream != nil {
			start = nil
		} else {
			start = cr.body
		}
		data, ok := st.appendChunk(start, call.Argument(1), normEncodingOr(enc))
		if !ok {
			panic(st.l.TypeError("ERR_INVALID_ARG_TYPE", "The \"chunk\" argument must be of type string or an instance of Buffer or Uint8Array"))
		}
		if cr.stream != nil {
			cr.stream.push(data)
			return goja.Undefined()
		}
		cr.body = data
		if cr.declaredFraming() {
			cr.stream = newBodyQueue()
			cr.stream.push(cr.body)
			cr.body = nil
			cr.launch()
		}
		return goja.Undefined()
	})
	b.Set("clientEnd", func(call goja.FunctionCall) goja.Value {
		cr := st.clientReq(call.Argument(0))
		if !cr.ended {
			cr.ended = true
			if cr.stream != nil {
				cr.stream.close()
			} else {
				cr.launch()
			}
		}
		return goja.Undefined()
	})
	b.Set("clientAbort", func(call goja.FunctionCall) goja.Value {
		if o, ok := call.Argument(0).(*goja.Object); ok {
			if cr, ok := st.clients().reqs[o]; ok {
				cr.abort()
			}
		}
		return goja.Undefined()
	})
	_ = vm
}

func normEncodingOr(enc string) string {
	if n := normEncoding(enc); n != "" {
		return n
	}
	return "utf8"
}

func (cr *clientReq) launch() {
	st := cr.st
	l := st.l
	ctx, cancel := context.WithCancel(context.Background())
	cr.cancel = cancel
	hostport := net.JoinHostPort(cr.host, strconv.Itoa(cr.port))
	path := cr.path
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	scheme := "http://"
	if cr.tls != nil {
		scheme = "https://"
	}
	req, err := nethttp.NewRequestWithContext(ctx, cr.method, scheme+hostport+path, nil)
	if err != nil {
		cr.fail(err)
		return
	}
	chunked := false
	hasCL := false
	for _, h := range cr.hdrs {
		switch strings.ToLower(h[0]) {
		case "host":
			req.Host = h[1]
			continue
		case "content-length":
			hasCL = true
			continue
		case "transfer-encoding":
			if strings.Contains(strings.ToLower(h[1]), "chunked") {
				chunked = true
			}
			continue
		}
		req.Header.Add(h[0], h[1])
	}
	if req.Header.Get("User-Agent") == "" {
		req.Header.Set("User-Agent", "")
	}
	switch {
	case cr.stream != nil:
		req.Body = cr.stream
		req.ContentLength = cr.declaredLength
		if chunked || req.ContentLength < 0 {
			req.ContentLength = -1
			req.TransferEncoding = []string{"chunked"}
		}
	case len(cr.body) > 0 || hasCL || chunked:
		req.Body = io.NopCloser(bytes.NewReader(cr.body))
		req.ContentLength = int64(len(cr.body))
		if chunked {
			req.ContentLength = -1
			req.TransferEncoding = []string{"chunked"}
		}
		body := cr.body
		req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	}
	if cr.isUpgrade() {
		cr.launchUpgrade(ctx, req)
		return
	}
	tr := st.clients().transport(cr)
	done := l.Pending()
	go func() {
		resp, err := tr.RoundTrip(req)
		if err != nil {
			done(func() { cr.fail(err) })
			return
		}
		done(func() { cr.gotResponse(resp) })
	}()
}

func (cr *clientReq) fail(err error) {
	st := cr.st
	delete(st.clients().reqs, cr.obj)
	if cr.stop || errors.Is(err, context.Canceled) {
		return
	}
	var ve *tlsmod.VerifyError
	if errors.As(err, &ve) {
		st.l.Emit(cr.obj, "error", ve.Value(st.l))
		return
	}
	var e *goja.Object
	var ne net.Error
	if errors.As(err, &ne) || strings.Contains(err.Error(), "connect") {
		e = st.l.SysError(err, "connect", "")
		code := e.Get("code").String()
		e.Set("message", "connect "+code+" "+net.JoinHostPort(cr.host, strconv.Itoa(cr.port)))
		e.Set("address", cr.host)
		e.Set("port", cr.port)
		if code == "EIO" {
			e = st.l.ErrorWithCode("ECONNRESET", "socket hang up")
		}
	} else {
		e = st.l.ErrorWithCode("ECONNRESET", err.Error())
	}
	st.l.Emit(cr.obj, "error", e)
	// As node: a failed request closes after its error.
	cr.obj.Set("destroyed", true)
	cr.emitClose()
}

func (cr *clientReq) gotResponse(resp *nethttp.Response) {
	st := cr.st
	l := st.l
	if cr.stop {
		resp.Body.Close()
		delete(st.clients().reqs, cr.obj)
		return
	}
	m := cr.newResponse(resp)
	cr.res = m
	l.Ref() // until the body is read
	go cr.readBody(resp.Body)
	l.Emit(cr.obj, "response", m.obj)
}

// newResponse is the IncomingMessage for resp.
func (cr *clientReq) newResponse(resp *nethttp.Response) *incoming {
	st := cr.st
	m := &incoming{st: st, cr: cr, statusCode: resp.StatusCode, major: resp.ProtoMajor, minor: resp.ProtoMinor}
	m.statusMessage = strings.TrimSpace(strings.TrimPrefix(resp.Status, strconv.Itoa(resp.StatusCode)))
	for k, vs := range resp.Header {
		for _, v := range vs {
			m.hdrs = append(m.hdrs, header{k, v})
		}
	}
	if resp.ContentLength >= 0 && resp.Header.Get("Content-Length") == "" && resp.Request.Method != "HEAD" {
		m.hdrs = append(m.hdrs, header{"Content-Length", strconv.FormatInt(resp.ContentLength, 10)})
	}
	if len(resp.TransferEncoding) > 0 {
		m.hdrs = append(m.hdrs, header{"Transfer-Encoding", strings.Join(resp.TransferEncoding, ", ")})
	}
	if c, ok := cr.obj.Get("_client").(*goja.Object); ok {
		m.client = c
	}
	m.obj = st.vm.NewDynamicObject(m)
	m.obj.SetPrototype(st.reqProto)
	return m
}

func (cr *clientReq) readBody(body io.ReadCloser) {
	l := cr.st.l
	defer body.Close()
	buf := make([]byte, 32<<10)
	for {
		cr.mu.Lock()
		for cr.paused && !cr.stop {
			cr.cond.Wait()
		}
		stop := cr.stop
		cr.mu.Unlock()
		if stop {
			l.Post(func() { l.Unref(); cr.finishRes(true) })
			return
		}
		n, err := body.Read(buf)
		if n > 0 {
			d := append([]byte(nil), buf[:n]...)
			l.Post(func() { cr.res.deliver(d) })
		}
		if err != nil {
			aborted := err != io.EOF
			l.Post(func() { l.Unref(); cr.finishRes(aborted) })
			return
		}
	}
}

func (cr *clientReq) finishRes(aborted bool) {
	st := cr.st
	delete(st.clients().reqs, cr.obj)
	m := cr.res
	if aborted && m.rs != nil {
		// Stream mode: destroy() emits "aborted" (from _destroy) and
		// "close" as a destroyed Readable does.
		m.closed = true
		st.l.Call(st.destroyFn, m.obj, st.l.ErrorWithCode("ECONNRESET", "aborted"))
		return
	}
	if aborted {
		m.aborted = true
		if m.listens("aborted") {
			st.l.Emit(m.obj, "aborted")
		}
		if m.listens("close") {
			st.l.Emit(m.obj, "close")
		}
		return
	}
	m.deliverEnd()
}

// responseDone runs after "end": node then emits "close" on the request,
// then on the response.
func (cr *clientReq) responseDone() {
	st := cr.st
	cr.emitClose()
	cr.res.closed = true
	if cr.res.listens("close") {
		st.l.Emit(cr.res.obj, "close")
	}
}

// emitClose emits the request's "close" once.
func (cr *clientReq) emitClose() {
	if cr.closed {
		return
	}
	cr.closed = true
	if hasListeners(cr.obj, "close") {
		cr.st.l.Emit(cr.obj, "close")
	}
}

func (cr *clientReq) setPaused(p bool) {
	cr.mu.Lock()
	cr.paused = p
	cr.cond.Broadcast()
	cr.mu.Unlock()
}

func (cr *clientReq) abort() {
	cr.mu.Lock()
	cr.stop = true
	cr.cond.Broadcast()
	cr.mu.Unlock()
	if cr.cancel != nil {
		cr.cancel()
	}
	if cr.stream != nil {
		cr.stream.Close()
	}
}

// declaredFraming reports whether the script set Content-Length or
// Transfer-Encoding: chunked, so the body can stream; it records the
// declared length.
func (cr *clientReq) declaredFraming() bool {
	cr.declaredLength = -1
	found := false
	for _, h := range cr.hdrs {
		switch strings.ToLower(h[0]) {
		case "content-length":
			if n, err := strconv.ParseInt(strings.TrimSpace(h[1]), 10, 64); err == nil && n >= 0 {
				cr.declaredLength = n
				found = true
			}
		case "transfer-encoding":
			if strings.Contains(strings.ToLower(h[1]), "chunked") {
				found = true
			}
		}
	}
	return found
}

// bodyQueue is a streaming request body: the loop pushes chunks without
// ever blocking, the transport's goroutine reads them.
type bodyQueue struct {
	mu      sync.Mutex
	cond    sync.Cond
	q       [][]byte
	closed  bool
	aborted bool
}

func newBodyQueue() *bodyQueue {
	b := &bodyQueue{}
	b.cond.L = &b.mu
	return b
}

func (b *bodyQueue) push(d []byte) {
	if len(d) == 0 {
		return
	}
	b.mu.Lock()
	b.q = append(b.q, d)
	b.cond.Broadcast()
	b.mu.Unlock()
}

func (b *bodyQueue) close() {
	b.mu.Lock()
	b.closed = true
	b.cond.Broadcast()
	b.mu.Unlock()
}

func (b *bodyQueue) Read(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for len(b.q) == 0 && !b.closed && !b.aborted {
		b.cond.Wait()
	}
	if b.aborted {
		return 0, errors.New("request aborted")
	}
	if len(b.q) == 0 {
		return 0, io.EOF
	}
	n := copy(p, b.q[0])
	if n == len(b.q[0]) {
		b.q[0] = nil
		b.q = b.q[1:]
	} else {
		b.q[0] = b.q[0][n:]
	}
	return n, nil
}

// Close is called by the transport when it is done with the body (or by
// abort): a Read still waiting gives up.
func (b *bodyQueue) Close() error {
	b.mu.Lock()
	b.aborted = true
	b.cond.Broadcast()
	b.mu.Unlock()
	return nil
}

// transport is the shared Transport for http, and one per distinct TLS
// configuration for https.
func (cs *clientState) transport(cr *clientReq) *nethttp.Transport {
	if cr.tls == nil {
		return cs.tr
	}
	key := cr.tls.Key() + "|" + cr.host
	if tr := cs.tlsTr[key]; tr != nil {
		return tr
	}
	if cs.tlsTr == nil {
		cs.tlsTr = map[string]*nethttp.Transport{}
	}
	tr := cs.tr.Clone()
	tr.TLSClientConfig = cr.tls.TransportConfig(cr.host)
	tr.TLSHandshakeTimeout = cr.tls.HandshakeTimeout
	cs.tlsTr[key] = tr
	return tr
}
