package redis

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	goredis "github.com/redis/go-redis/v9"
)

// Connection states. Only the worker goroutine changes the state (except
// close, which the loop may do); everyone may read it under mu.
const (
	stConnecting = iota // before the first connection attempt has finished
	stReady             // connected; commands go to Redis
	stDown              // connection lost; commands fail fast, worker reconnects
	stClosed            // quit/disconnect: the client is finished
)

// request is one command (or a quit marker) waiting for the worker. args
// hold only Go values (strings, []byte); done runs on the loop goroutine.
type request struct {
	name string
	args []any
	quit bool
	// done receives the reply (nil, string, int64, []any, error values in
	// arrays) or an error. The worker calls it through deliver, which posts.
	done func(reply any, err error)
}

// event is something the Go side tells the JS client: an EventEmitter
// event or a pub/sub delivery. Built off the loop, turned into JS on it.
type event struct {
	name string
	args []any
}

// conn is the Go half of one JS redis client. Its goroutines never touch JS:
// they hand everything to the loop through post.
type conn struct {
	rdb  *goredis.Client
	addr string

	post  func(job func()) // Loop.Post
	emit  func(ev event)   // posts an event to the JS client (set by the binding)
	reply func(r *request, v any, err error)

	connectTimeout time.Duration
	maxDelay       time.Duration

	mu      sync.Mutex
	queue   []*request
	state   int
	lastErr error
	changed chan struct{} // closed and replaced at every state change
	wake    chan struct{}
	fail    chan error // the subscriber reports a lost connection here
	closed  chan struct{}

	selectedDB atomic.Int64 // re-selected on every new connection

	ps      *goredis.PubSub
	psStart sync.Once
	pongs   chan struct{} // the subscriber goroutine saw a PONG
	exited  chan struct{} // the worker has finished
}

func newConn(opt *goredis.Options, addr string, connectTimeout, maxDelay time.Duration) *conn {
	c := &conn{
		addr:           addr,
		connectTimeout: connectTimeout,
		maxDelay:       maxDelay,
		changed:        make(chan struct{}),
		wake:           make(chan struct{}, 1),
		fail:           make(chan error, 1),
		closed:         make(chan struct{}),
		exited:         make(chan struct{}),
		pongs:          make(chan struct{}, 1),
	}
	c.selectedDB.Store(int64(opt.DB))
	opt.OnConnect = func(ctx context.Context, cn *goredis.Conn) error {
		// A SELECT the script made survives reconnection, as in node_redis.
		if db := int(c.selectedDB.Load()); db != opt.DB {
			return cn.Select(ctx, db).Err()
		}
		return nil
	}
	c.rdb = goredis.NewClient(opt)
	return c
}

// options builds go-redis options for node_redis semantics: one connection
// (commands keep their order, MULTI and SELECT apply to what follows), no
// retries (a command is sent at most once), no read deadline (blocking
// commands such as BLPOP may wait as long as they ask; a dead peer is found
// by TCP keep-alive or the error of the next write).
func options(opt *goredis.Options, connectTimeout time.Duration) *goredis.Options {
	opt.Protocol = 2
	opt.PoolSize = 1
	opt.MinIdleConns = 0
	opt.PipelinePoolSize = -1
	opt.MaxRetries = -1
	opt.DialerRetries = 1
	opt.DialTimeout = connectTimeout
	opt.ReadTimeout = -1
	opt.WriteTimeout = 10 * time.Second
	opt.PoolTimeout = 30 * time.Second
	opt.ConnMaxIdleTime = -1
	opt.DisableIdentity = true
	return opt
}

func (c *conn) getState() (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.state, c.lastErr
}

// setState changes the state and wakes whoever waits on the old one.
func (c *conn) setState(st int, err error) {
	c.mu.Lock()
	c.setStateLocked(st, err)
	c.mu.Unlock()
}

func (c *conn) setStateLocked(st int, err error) {
	if c.state == stClosed {
		return
	}
	c.state = st
	c.lastErr = err
	close(c.changed)
	c.changed = make(chan struct{})
}

// enqueue hands a request to the worker. It fails it at once when the
// client is closed or Redis is known to be down: a caller never waits on a
// connection that is not there.
func (c *conn) enqueue(r *request) {
	c.mu.Lock()
	st, last := c.state, c.lastErr
	if st == stReady || st == stConnecting {
		c.queue = append(c.queue, r)
		c.mu.Unlock()
		select {
		case c.wake <- struct{}{}:
		default:
		}
		return
	}
	c.mu.Unlock()
	c.reply(r, nil, c.unavailable(r, st, last))
}

// enqueueAll queues several requests as one run (MULTI ... EXEC), so the
// worker never sees half of them.
func (c *conn) enqueueAll(rs []*request) {
	c.mu.Lock()
	st, last := c.state, c.lastErr
	if st == stReady || st == stConnecting {
		c.queue = append(c.queue, rs...)
		c.mu.Unlock()
		select {
		case c.wake <- struct{}{}:
		default:
		}
		return
	}
	c.mu.Unlock()
	for _, r := range rs {
		c.reply(r, nil, c.unavailable(r, st, last))
	}
}

// unavailable is the error for a command that cannot be sent now.
func (c *conn) unavailable(r *request, st int, last error) error {
	if st == stClosed {
		return &clientError{code: "NR_CLOSED", msg: "The client is closed"}
	}
	why := ""
	if last != nil {
		why = " (" + describeNetErr(last) + ")"
	}
	return &clientError{code: "NR_OFFLINE", msg: fmt.Sprintf(
		"%s can't be processed: the connection to Redis at %s is down%s; reconnecting",
		strings.ToUpper(r.name), c.addr, why)}
}

// run is the worker: it owns the command connection, runs queued commands
// as pipelines in order, and reconnects with back-off when the connection
// is lost. It is the only goroutine that uses c.rdb's pool, so PoolSize 1 is
// never contended.
func (c *conn) run() {
	defer close(c.exited)
	attempt := 0
	for {
		st, _ := c.getState()
		switch st {
		case stClosed:
			c.failQueued()
			return
		case stConnecting, stDown:
			err := c.ping()
			if err == nil {
				c.setState(stReady, nil)
				attempt = 0
				c.emit(event{name: "connect"})
				c.emit(event{name: "ready"})
				continue
			}
			if st2, _ := c.getState(); st2 == stClosed {
				continue
			}
			c.setState(stDown, err)
			if st == stConnecting {
				// The first connection failed. Once per outage: the
				// first failure is an "error" (lost() reports a broken
				// live connection); later attempts only report
				// "reconnecting".
				c.emit(event{name: "error", args: []any{c.connError(err)}})
			}
			c.failQueued()
			attempt++
			delay := c.backoff(attempt)
			c.emit(event{name: "reconnecting", args: []any{map[string]any{
				"delay": delay.Milliseconds(), "attempt": attempt, "error": c.connError(err),
			}}})
			c.sleep(delay)
		case stReady:
			c.mu.Lock()
			batch := c.queue
			c.queue = nil
			changed := c.changed
			c.mu.Unlock()
			if len(batch) == 0 {
				select {
				case <-c.wake:
				case <-changed:
				case err := <-c.fail:
					c.lost(err)
				}
				continue
			}
			if err := c.exec(batch); err != nil {
				c.lost(err)
			}
		}
	}
}

// lost records that a live connection broke.
func (c *conn) lost(err error) {
	c.mu.Lock()
	if c.state != stReady {
		c.mu.Unlock()
		return
	}
	c.setStateLocked(stDown, err)
	c.mu.Unlock()
	c.emit(event{name: "error", args: []any{c.lostError(err)}})
}

// reportLost is how the subscriber goroutine tells the worker.
func (c *conn) reportLost(err error) {
	select {
	case c.fail <- err:
	default:
	}
}

func (c *conn) ping() error {
	ctx, cancel := context.WithTimeout(context.Background(), c.connectTimeout)
	defer cancel()
	// A reply error (NOAUTH, WRONGPASS, LOADING) counts as a failed
	// attempt too, with the server's words as the reason.
	return c.rdb.Ping(ctx).Err()
}

// backoff is node_redis's shape: grows by 1.7 per attempt, capped.
func (c *conn) backoff(attempt int) time.Duration {
	d := 100 * time.Millisecond
	for i := 1; i < attempt && d < c.maxDelay; i++ {
		d = d * 17 / 10
	}
	return min(d, c.maxDelay)
}

// sleep waits d, or less when the client closes.
func (c *conn) sleep(d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	for {
		c.mu.Lock()
		changed := c.changed
		c.mu.Unlock()
		select {
		case <-t.C:
			return
		case <-c.closed:
			return
		case <-c.wake:
			// Commands arriving while down fail at once.
			c.failQueued()
		case <-changed:
			if st, _ := c.getState(); st == stClosed {
				return
			}
		}
	}
}

// failQueued fails every waiting request (while down or after close).
func (c *conn) failQueued() {
	c.mu.Lock()
	batch := c.queue
	c.queue = nil
	st, last := c.state, c.lastErr
	c.mu.Unlock()
	for _, r := range batch {
		if r.quit {
			c.shutdown()
			c.reply(r, "OK", nil)
			continue
		}
		c.reply(r, nil, c.unavailable(r, st, last))
	}
}

// exec sends a batch as one pipeline and delivers each reply in order. It
// returns a connection error when the connection broke.
func (c *conn) exec(batch []*request) error {
	var quit *request
	for i, r := range batch {
		if r.quit {
			// Nothing queued after QUIT (the loop refuses it), but be safe.
			quit = r
			for _, rest := range batch[i+1:] {
				c.reply(rest, nil, &clientError{code: "NR_CLOSED", msg: "The client is closed"})
			}
			batch = batch[:i]
			break
		}
	}
	var netErr error
	if len(batch) > 0 {
		ctx := context.Background()
		pipe := c.rdb.Pipeline()
		cmds := make([]*goredis.Cmd, len(batch))
		for i, r := range batch {
			cmds[i] = pipe.Do(ctx, r.args...)
		}
		_, _ = pipe.Exec(ctx)
		for i, r := range batch {
			v, err := cmds[i].Result()
			switch {
			case err == nil:
				if strings.EqualFold(r.name, "select") {
					if db, ok := dbArg(r.args); ok {
						c.selectedDB.Store(int64(db))
					}
				}
				c.reply(r, v, nil)
			case errors.Is(err, goredis.Nil):
				c.reply(r, nil, nil)
			case isReplyError(err):
				c.reply(r, nil, replyError{err.Error(), r.name, r.args})
			default:
				if st, _ := c.getState(); st == stClosed {
					c.reply(r, nil, &clientError{code: "NR_CLOSED", msg: fmt.Sprintf(
						"%s was not answered: the client was disconnected", strings.ToUpper(r.name))})
					continue
				}
				if netErr == nil {
					netErr = err
				}
				c.reply(r, nil, &clientError{code: errCode(err), msg: fmt.Sprintf(
					"%s failed: the connection to Redis at %s was lost (%s); the command may or may not have run",
					strings.ToUpper(r.name), c.addr, describeNetErr(err))})
			}
		}
	}
	if quit != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		_ = c.rdb.Do(ctx, "quit").Err()
		cancel()
		c.drainSubscriber()
		c.shutdown()
		c.reply(quit, "OK", nil)
		return nil
	}
	return netErr
}

// drainSubscriber makes quit graceful on the subscriber connection too:
// node_redis has one socket, so QUIT's reply comes after every message
// Redis sent before it. Here the messages travel on another connection, so
// a PING goes down it and quit waits (briefly) for its PONG, which follows
// them.
func (c *conn) drainSubscriber() {
	c.mu.Lock()
	ps := c.ps
	c.mu.Unlock()
	if ps == nil {
		return
	}
	select {
	case <-c.pongs: // a stale one from a health check
	default:
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if ps.Ping(ctx) != nil {
		return
	}
	select {
	case <-c.pongs:
	case <-ctx.Done():
	}
}

// shutdown closes every connection; the worker ends at its next turn.
func (c *conn) shutdown() {
	c.mu.Lock()
	already := c.state == stClosed
	if !already {
		c.setStateLocked(stClosed, nil)
		close(c.closed)
	}
	ps := c.ps
	c.mu.Unlock()
	if already {
		return
	}
	if ps != nil {
		_ = ps.Close()
	}
	_ = c.rdb.Close()
}

func dbArg(args []any) (int, bool) {
	if len(args) < 2 {
		return 0, false
	}
	var n int
	switch v := args[1].(type) {
	case string:
		if _, err := fmt.Sscanf(v, "%d", &n); err != nil {
			return 0, false
		}
	default:
		return 0, false
	}
	return n, true
}

// pubsub returns the subscriber connection, creating it (without dialing)
// and its receive goroutine on first use.
func (c *conn) pubsub() *goredis.PubSub {
	c.psStart.Do(func() {
		ps := c.rdb.Subscribe(context.Background())
		c.mu.Lock()
		c.ps = ps
		closed := c.state == stClosed
		c.mu.Unlock()
		if closed {
			_ = ps.Close()
			return
		}
		go c.receive(ps)
	})
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ps
}

// subscribe runs SUBSCRIBE and friends off the loop. The confirmation
// arrives later through receive. go-redis remembers the channels even when
// the write fails, and subscribes to them again on every new connection.
func (c *conn) subscribe(kind string, names []string) error {
	ps := c.pubsub()
	if ps == nil {
		return &clientError{code: "NR_CLOSED", msg: "The client is closed"}
	}
	st, last := c.getState()
	ctx, cancel := context.WithTimeout(context.Background(), c.connectTimeout)
	defer cancel()
	var err error
	switch kind {
	case "subscribe":
		err = ps.Subscribe(ctx, names...)
	case "psubscribe":
		err = ps.PSubscribe(ctx, names...)
	case "unsubscribe":
		err = ps.Unsubscribe(ctx, names...)
	case "punsubscribe":
		err = ps.PUnsubscribe(ctx, names...)
	}
	if err == nil {
		return nil
	}
	if st2, _ := c.getState(); st2 == stClosed {
		return &clientError{code: "NR_CLOSED", msg: "The client is closed"}
	}
	if !isReplyError(err) {
		c.reportLost(err)
		if st == stReady {
			last = err
		}
		return &clientError{code: "NR_OFFLINE", msg: fmt.Sprintf(
			"%s can't be confirmed: the connection to Redis at %s is down (%s); it takes effect when the connection returns",
			strings.ToUpper(kind), c.addr, describeNetErr(last))}
	}
	return replyError{err.Error(), kind, nil}
}

// receive is the subscriber goroutine: it reads pushed messages and
// confirmations and posts them, in order, to the loop. On a lost connection
// it tells the worker and waits until the worker has Redis back; the next
// read then dials and subscribes to everything again.
func (c *conn) receive(ps *goredis.PubSub) {
	ctx := context.Background()
	for {
		msg, err := ps.ReceiveTimeout(ctx, 30*time.Second)
		if err != nil {
			c.mu.Lock()
			st, changed := c.state, c.changed
			c.mu.Unlock()
			if st == stClosed || errors.Is(err, goredis.ErrClosed) {
				return
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				// Quiet for 30 s: make sure the peer is still there.
				pctx, cancel := context.WithTimeout(ctx, c.connectTimeout)
				perr := ps.Ping(pctx)
				cancel()
				if perr == nil {
					continue
				}
				err = perr
			}
			if st == stReady {
				c.reportLost(err)
			}
			// Wait for a state change (the worker reconnecting) or close.
			select {
			case <-changed:
			case <-c.closed:
				return
			}
			for {
				c.mu.Lock()
				st, changed = c.state, c.changed
				c.mu.Unlock()
				if st == stReady {
					break
				}
				if st == stClosed {
					return
				}
				select {
				case <-changed:
				case <-c.closed:
					return
				}
			}
			continue
		}
		switch m := msg.(type) {
		case *goredis.Message:
			payload := m.Payload
			if m.PayloadSlice != nil {
				payload = strings.Join(m.PayloadSlice, "")
			}
			if m.Pattern != "" {
				c.emit(event{name: "pmessage", args: []any{m.Pattern, m.Channel, payload}})
			} else {
				c.emit(event{name: "message", args: []any{m.Channel, payload}})
			}
		case *goredis.Subscription:
			c.emit(event{name: "\x00sub", args: []any{m.Kind, m.Channel, int64(m.Count)}})
		case *goredis.Pong:
			select {
			case c.pongs <- struct{}{}:
			default:
			}
		}
	}
}

// replyError is an error reply from Redis ("WRONGTYPE Operation against a
// key holding the wrong kind of value"); it becomes a JS ReplyError.
type replyError struct {
	msg     string
	command string
	args    []any
}

func (e replyError) Error() string { return e.msg }

// clientError is a failure on our side of the wire (closed, offline, lost).
type clientError struct {
	code string
	msg  string
}

func (e *clientError) Error() string { return e.msg }

func isReplyError(err error) bool {
	var re goredis.Error
	return errors.As(err, &re) && !errors.Is(err, goredis.Nil) && !isNetErr(err)
}

func isNetErr(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) || errors.Is(err, syscall.ECONNREFUSED)
}

// errCode names a network failure the way node does (ECONNREFUSED...).
func errCode(err error) string {
	switch {
	case errors.Is(err, syscall.ECONNREFUSED):
		return "ECONNREFUSED"
	case errors.Is(err, syscall.ECONNRESET):
		return "ECONNRESET"
	case errors.Is(err, syscall.EPIPE):
		return "EPIPE"
	case errors.Is(err, syscall.EHOSTUNREACH):
		return "EHOSTUNREACH"
	case errors.Is(err, syscall.ENETUNREACH):
		return "ENETUNREACH"
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "ECONNRESET"
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return "ENOTFOUND"
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return "ETIMEDOUT"
	}
	if isReplyError(err) {
		f := strings.Fields(err.Error())
		if len(f) > 0 {
			return f[0]
		}
	}
	return "ECONNRESET"
}

// describeNetErr is a short reason: "connect ECONNREFUSED 127.0.0.1:6379".
func describeNetErr(err error) string {
	if err == nil {
		return "unknown error"
	}
	if isReplyError(err) {
		return err.Error()
	}
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Op == "dial" {
		return "connect " + errCode(err) + " " + addrOf(oe)
	}
	if errors.Is(err, io.EOF) {
		return "connection closed by the server"
	}
	return errCode(err) + ": " + err.Error()
}

func addrOf(oe *net.OpError) string {
	if oe.Addr != nil {
		return oe.Addr.String()
	}
	return ""
}

// connError is the error for a failed connection attempt, in node_redis's
// words: "Redis connection to 127.0.0.1:6379 failed - connect ECONNREFUSED
// 127.0.0.1:6379".
func (c *conn) connError(err error) error {
	return &clientError{code: errCode(err), msg: fmt.Sprintf("Redis connection to %s failed - %s", c.addr, describeNetErr(err))}
}

// lostError is the error for a connection that was up and broke.
func (c *conn) lostError(err error) error {
	return &clientError{code: errCode(err), msg: fmt.Sprintf("Redis connection to %s lost - %s; reconnecting", c.addr, describeNetErr(err))}
}
