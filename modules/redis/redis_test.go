package redis_test

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"gonode/internal/testutil"
)

func TestMain(m *testing.M) { testutil.Main(m) }

// lines parses the JSON lines a script printed.
func lines(t *testing.T, out string) []map[string]any {
	t.Helper()
	var res []map[string]any
	for _, ln := range strings.Split(strings.TrimSpace(out), "\n") {
		if ln == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(ln), &m); err != nil {
			t.Fatalf("not a JSON line: %q (%v)", ln, err)
		}
		res = append(res, m)
	}
	return res
}

// byKey maps each line's "k" to the line as printed.
func byKey(t *testing.T, out string) map[string]string {
	m := map[string]string{}
	for _, l := range lines(t, out) {
		b, _ := json.Marshal(l)
		m[fmt.Sprint(l["k"])] = string(b)
	}
	for _, ln := range strings.Split(out, "\n") {
		var l map[string]any
		if json.Unmarshal([]byte(ln), &l) == nil {
			m[fmt.Sprint(l["k"])] = ln
		}
	}
	return m
}

func TestCommandsAndErrors(t *testing.T) {
	t.Parallel()
	r := testutil.StartRedis(t)
	dir := t.TempDir()
	script := testutil.WriteFile(t, dir, "cmds.js", `
var redis = require('redis');
function out(k, o) { o.k = k; console.log(JSON.stringify(o)); }
var c = redis.createClient(+process.argv[2], '127.0.0.1');
c.on('error', function (e) { out('error-event', {msg: e.message}); });
c.on('connect', function () { out('connect', {}); });
c.on('ready', function () { out('ready', {connected: c.connected, ready: c.ready}); });
c.set('str', 'hello', function (err, r) { out('set', {err: err, r: r}); });
c.get('str', function (err, r) { out('get', {err: err, r: r}); });
c.get('missing', function (err, r) { out('get-missing', {err: err, r: r}); });
c.rpush('list', 'a', 'b', 'c', function (err, n) { out('rpush', {n: n, type: typeof n}); });
c.lrange('list', 0, -1, function (err, r) { out('lrange', {r: r}); });
c.get('list', function (err, r) {
  out('wrongtype', {name: err.name, msg: err.message, code: err.code, command: err.command, args: err.args, isErr: err instanceof Error, isReply: err instanceof redis.ReplyError, r: r});
});
c.hmset('h', {a: 1, b: 'two'});
c.hgetall('h', function (err, o) { out('hgetall', {o: o}); });
c.hgetall('nohash', function (err, o) { out('hgetall-missing', {o: o}); });
c.mset(['x', '1', 'y', '2']);
c.MGET('x', 'y', 'nokey', function (err, r) { out('mget', {r: r}); });
c.incrby('x', 41, function (err, r) { out('incrby', {r: r}); });
c.send_command('object', ['encoding', 'x'], function (err, r) { out('send_command', {r: r}); });
c.sendCommand(['ECHO', 'hi']).then(function (r) { out('sendCommand-v4', {r: r}); });
c.sendCommand('nosuchcommand', ['a'], function (err) { out('unknown', {code: err.code, msg: err.message}); });
c.multi().set('m', 10).incr('m').get('list').get('m').exec(function (err, r) {
  out('multi', {err: err, r0: r[0], r1: r[1], r2: r[2] instanceof Error ? r[2].code : r[2], r3: r[3]});
});
c.batch().incr('b').incr('b').exec(function (err, r) { out('batch', {r: r}); });
c.set('bin', new Uint8Array([104, 105]));
c.get('bin', function (err, r) { out('buffer-arg', {r: r}); });
c.select(3, function (err, r) { out('select', {r: r}); });
c.set('indb3', 'yes');
(async function () {
  var v = await c.get('indb3');
  out('await', {v: v});
  try { await c.incr('indb3'); } catch (e) { out('await-err', {code: e.code, msg: e.message}); }
  try { c.set('k', undefined, 'x'); } catch (e) { out('undefined-arg', {name: e.name, code: e.code}); }
  var p = c.ping(function (err, r) { out('both-cb', {r: r}); });
  out('both-promise', {r: await p});
  await c.quit();
  out('quit', {closing: c.closing});
  c.get('str', function (err) { out('after-quit', {code: err.code, name: err.name, msg: err.message}); });
})();
`)
	res := testutil.Run(t, testutil.RunOpts{Timeout: 20 * time.Second}, script, strconv.Itoa(r.Port))
	if res.Code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", res.Code, res.Stdout, res.Stderr)
	}
	got := byKey(t, res.Stdout)
	want := map[string]string{
		"set":             `"r":"OK"`,
		"get":             `"r":"hello"`,
		"get-missing":     `"r":null`,
		"rpush":           `"n":3,"type":"number"`,
		"lrange":          `"r":["a","b","c"]`,
		"hgetall":         `"o":{"a":"1","b":"two"}`,
		"hgetall-missing": `"o":null`,
		"mget":            `"r":["1","2",null]`,
		"incrby":          `"r":42`,
		"send_command":    `"r":"int"`,
		"sendCommand-v4":  `"r":"hi"`,
		"multi":           `"err":null,"r0":"OK","r1":11,"r2":"WRONGTYPE","r3":"11"`,
		"batch":           `"r":[1,2]`,
		"buffer-arg":      `"r":"hi"`,
		"select":          `"r":"OK"`,
		"await":           `"v":"yes"`,
		"both-cb":         `"r":"PONG"`,
		"both-promise":    `"r":"PONG"`,
		"quit":            `"closing":true`,
		"ready":           `"connected":true,"ready":true`,
		"undefined-arg":   `"name":"TypeError","code":"ERR_INVALID_ARG_TYPE"`,
		"wrongtype":       `"name":"ReplyError","msg":"WRONGTYPE Operation against a key holding the wrong kind of value","code":"WRONGTYPE","command":"GET","args":["list"],"isErr":true,"isReply":true`,
		"after-quit":      `"code":"NR_CLOSED","name":"AbortError","msg":"The client is closed"`,
		"connect":         ``,
		"unknown":         `"code":"ERR"`,
		"await-err":       `"code":"ERR","msg":"ERR value is not an integer or out of range"`,
	}
	for k, w := range want {
		l, ok := got[k]
		if !ok {
			t.Errorf("no %q line\nstdout:\n%s\nstderr:\n%s", k, res.Stdout, res.Stderr)
			continue
		}
		if !strings.Contains(l, w) {
			t.Errorf("%s: got %s, want it to contain %s", k, l, w)
		}
	}
	if _, ok := got["error-event"]; ok {
		t.Errorf("unexpected error event: %v", got["error-event"])
	}
	// SELECT applied to what followed.
	if v, _ := r.Do("SELECT", "3"); v != "OK" {
		t.Fatal(v)
	}
	c := redisConnDo(t, r, 3, "GET", "indb3")
	if c != "yes" {
		t.Errorf("SET after SELECT 3 went elsewhere: GET indb3 in db 3 = %q", c)
	}
}

// redisConnDo runs a command in db on the test's server.
func redisConnDo(t *testing.T, r *testutil.Redis, db int, args ...string) string {
	t.Helper()
	// A MULTI-free way: the reply of SELECT is dropped by using one
	// connection per call, so run "select" and the command through a
	// tiny script instead.
	res := testutil.Eval(t, fmt.Sprintf(`var c = require('redis').createClient({port: %d, db: %d});
c.sendCommand(%q, %s, function (e, r) { console.log(e ? 'ERR ' + e.message : r); c.quit(); });`,
		r.Port, db, args[0], jsonArr(args[1:])))
	return strings.TrimSpace(res.Stdout)
}

func jsonArr(s []string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestBadURLAndArguments(t *testing.T) {
	t.Parallel()
	res := testutil.Eval(t, `
var redis = require('redis');
['http://127.0.0.1:6379', 'redis://', 'localhost:6379', 'redis://127.0.0.1:99999', 'redis://h/notadb'].forEach(function (u) {
  try { redis.createClient(u); console.log('no error for ' + u); }
  catch (e) { console.log(e.name + ' ' + e.code + ': ' + e.message); }
});
try { redis.createClient({port: 'abc'}); } catch (e) { console.log(e.name + ' ' + e.code + ': ' + e.message); }
try { redis.createClient(70000); } catch (e) { console.log(e.name + ' ' + e.code + ': ' + e.message); }
`)
	if res.Code != 0 {
		t.Fatalf("exit %d: %s", res.Code, res.Stderr)
	}
	out := res.Stdout
	for _, w := range []string{
		`TypeError ERR_INVALID_URL: Invalid Redis URL "http://127.0.0.1:6379": the protocol must be redis:, rediss: or unix:, not "http:"`,
		`TypeError ERR_INVALID_URL: Invalid Redis URL "redis://": no host`,
		`TypeError ERR_INVALID_URL: Invalid Redis URL "localhost:6379"`,
		`TypeError ERR_INVALID_URL: Invalid Redis URL "redis://127.0.0.1:99999"`,
		`TypeError ERR_INVALID_URL: Invalid Redis URL "redis://h/notadb"`,
		`TypeError ERR_INVALID_ARG_TYPE: The Redis port must be a number. Received abc`,
		`TypeError ERR_SOCKET_BAD_PORT`,
	} {
		if !strings.Contains(out, w) {
			t.Errorf("missing %q in:\n%s", w, out)
		}
	}
	if strings.Contains(out, "no error") {
		t.Errorf("a bad URL was accepted:\n%s", out)
	}
}

// No server: one "error" event, commands fail fast, the process does not
// hang after quit.
func TestServerAbsentFailsFast(t *testing.T) {
	t.Parallel()
	port := testutil.FreePort(t)
	res := testutil.Run(t, testutil.RunOpts{Timeout: 20 * time.Second}, "-e", fmt.Sprintf(`
var redis = require('redis');
var c = redis.createClient('redis://127.0.0.1:%d');
var errors = 0, t0 = Date.now();
c.on('error', function (e) { errors++; console.log('error ' + e.code + ' ' + e.message); });
c.get('a', function (err) { console.log('queued-get ' + err.code + ' after ' + (Date.now() - t0) + 'ms'); });
c.on('reconnecting', function (info) {
  console.log('reconnecting ' + info.attempt + ' ' + info.delay);
  if (info.attempt === 4) {
    var t1 = Date.now();
    c.set('a', 1).catch(function (err) {
      console.log('down-set ' + err.name + ' ' + err.code + ' ' + (Date.now() - t1 < 500 ? 'fast' : 'slow ' + (Date.now() - t1)));
      console.log('message: ' + err.message);
      console.log('errors ' + errors);
      c.quit();
    });
  }
});
`, port))
	if res.Code != 0 {
		t.Fatalf("exit %d\n%s\n%s", res.Code, res.Stdout, res.Stderr)
	}
	out := res.Stdout
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	for _, w := range []string{
		"error ECONNREFUSED Redis connection to " + addr + " failed - connect ECONNREFUSED " + addr,
		"queued-get NR_OFFLINE",
		"reconnecting 1 100", "reconnecting 2 170", "reconnecting 4",
		"down-set AbortError NR_OFFLINE fast",
		"message: SET can't be processed: the connection to Redis at " + addr + " is down",
		"errors 1",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("missing %q in:\n%s", w, out)
		}
	}
}

func TestPubSub(t *testing.T) {
	t.Parallel()
	r := testutil.StartRedis(t)
	script := testutil.WriteFile(t, t.TempDir(), "ps.js", `
var redis = require('redis');
var pub = redis.createClient(+process.argv[2]), sub = pub.duplicate();
['subscribe', 'psubscribe', 'unsubscribe', 'punsubscribe'].forEach(function (ev) {
  sub.on(ev, function (name, count) { console.log(ev + ' ' + name + ' ' + count); });
});
sub.on('message', function (ch, msg) {
  console.log('message ' + ch + ' ' + msg);
  if (msg === 'two') {
    sub.unsubscribe(function (err) {
      console.log('unsubscribed-all ' + err);
      pub.publish('news', 'three', function (e, n) {
        console.log('receivers ' + n);
        sub.quit(); pub.quit();
      });
    });
  }
});
sub.on('pmessage', function (pat, ch, msg) { console.log('pmessage ' + pat + ' ' + ch + ' ' + msg); });
sub.on('end', function () { console.log('sub end'); });
sub.subscribe('news', 'sport', function (err, chans) {
  console.log('subscribe-cb ' + err + ' ' + JSON.stringify(chans));
  sub.psubscribe('n*').then(function (p) {
    console.log('psubscribe-promise ' + p);
    pub.publish('news', 'one');
    pub.publish('sport', 'two');
  });
});
process.on('exit', function () { console.log('exit'); });
`)
	res := testutil.Run(t, testutil.RunOpts{Timeout: 20 * time.Second}, script, strconv.Itoa(r.Port))
	if res.Code != 0 {
		t.Fatalf("exit %d\n%s\n%s", res.Code, res.Stdout, res.Stderr)
	}
	want := []string{
		"subscribe news 1", "subscribe sport 2", `subscribe-cb null ["news","sport"]`,
		"psubscribe n* 3", "psubscribe-promise n*",
		"message news one", "pmessage n* news one", "message sport two",
		"unsubscribe news", "unsubscribe sport", "unsubscribed-all null",
		"pmessage n* news three", "sub end", "exit",
	}
	got := strings.Split(strings.TrimSpace(res.Stdout), "\n")
	// Every expected line, in this relative order.
	i := 0
	for _, g := range got {
		if i < len(want) && strings.HasPrefix(g, want[i]) {
			i++
		}
	}
	if i != len(want) {
		t.Fatalf("expected lines in order %q; stopped at %q\ngot:\n%s", want, want[i], res.Stdout)
	}
	if !strings.Contains(res.Stdout, "receivers 1\n") {
		t.Errorf("PUBLISH after unsubscribing channels did not reach exactly the pattern:\n%s", res.Stdout)
	}
	if strings.Contains(res.Stdout, "message news three") {
		t.Errorf("message after unsubscribe:\n%s", res.Stdout)
	}
}

// A subscriber must not keep the process alive after quit; an unref'd
// client not at all.
func TestSubscriberDoesNotHoldProcess(t *testing.T) {
	t.Parallel()
	r := testutil.StartRedis(t)
	testutil.Binary(t) // built before the clock starts
	start := time.Now()
	res := testutil.Run(t, testutil.RunOpts{Timeout: 15 * time.Second}, "-e", fmt.Sprintf(`
var redis = require('redis');
var sub = redis.createClient(%d);
sub.subscribe('x', function () { console.log('subscribed'); sub.quit(); });
var idle = redis.createClient(%d);
idle.subscribe('y', function () { console.log('idle subscribed'); idle.unref(); });
`, r.Port, r.Port))
	if res.Code != 0 || !strings.Contains(res.Stdout, "subscribed") || !strings.Contains(res.Stdout, "idle subscribed") {
		t.Fatalf("exit %d\n%s\n%s", res.Code, res.Stdout, res.Stderr)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v to exit", d)
	}
}

// The server is killed and restarted on the same port: the outage is one
// "error" per client, commands fail fast while it lasts, the clients
// reconnect, and the subscriber receives again without subscribing anew.
func TestReconnectAfterRestart(t *testing.T) {
	t.Parallel()
	r := testutil.StartRedis(t)
	script := testutil.WriteFile(t, t.TempDir(), "rc.js", `
var redis = require('redis');
var c = redis.createClient(+process.argv[2]), sub = c.duplicate();
var names = ['cmd', 'sub'];
[c, sub].forEach(function (x, i) {
  var errors = 0;
  x.on('error', function (e) { errors++; console.log(names[i] + ' error#' + errors + ' ' + e.code + ' ' + e.message); });
  x.on('ready', function () { console.log(names[i] + ' ready'); });
  x.on('reconnecting', function (info) { console.log(names[i] + ' reconnecting ' + info.attempt); });
});
var back = false;
sub.on('message', function (ch, m) {
  console.log('message ' + m);
  if (m === 'after') back = true;
});
sub.on('subscribe', function (ch, n) { console.log('subscribe-event ' + ch + ' ' + n); });
sub.subscribe('ch', function () { console.log('subscribed'); });
// A steady trickle of commands, as a server would make.
var n = 0;
setInterval(function () {
  var t0 = Date.now(), i = ++n;
  c.incr('counter', function (err, v) {
    var ms = Date.now() - t0;
    console.log('incr ' + (err ? err.code : 'ok') + (ms > 1000 ? ' slow ' + ms : ''));
    if (back && !err && !c.closing) { console.log('incr after reconnection ok'); c.quit(); sub.quit(); }
  });
}, 50).unref();
`)
	p := testutil.Start(t, testutil.RunOpts{}, script, strconv.Itoa(r.Port))
	p.WaitLine(t, "subscribed", 10*time.Second)
	if v, err := r.Do("PUBLISH", "ch", "before"); err != nil || v != "1" {
		t.Fatalf("PUBLISH before: %q %v", v, err)
	}
	p.WaitLine(t, "message before", 5*time.Second)
	p.WaitLine(t, "incr ok", 5*time.Second)

	r.Kill()
	p.WaitLine(t, "incr NR_OFFLINE", 5*time.Second)
	time.Sleep(1500 * time.Millisecond)
	r.Restart()
	// Both clients come back; the subscriber is subscribed again.
	deadline := time.Now().Add(10 * time.Second)
	for {
		v, err := r.Do("PUBSUB", "NUMSUB", "ch")
		if err == nil && strings.HasSuffix(v, "\n1") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("subscriber did not re-subscribe: %q %v\nstdout:\n%s", v, err, p.Stdout())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if v, err := r.Do("PUBLISH", "ch", "after"); err != nil || v != "1" {
		t.Fatalf("PUBLISH after: %q %v", v, err)
	}
	p.WaitLine(t, "message after", 5*time.Second)
	if code := p.Wait(t, 10*time.Second); code != 0 {
		t.Fatalf("exit %d\n%s", code, p.Stderr())
	}
	out := p.Stdout()
	for _, who := range []string{"cmd", "sub"} {
		if n := strings.Count(out, who+" error#"); n != 1 {
			t.Errorf("%s: %d error events for one outage, want 1\n%s", who, n, out)
		}
		if n := strings.Count(out, who+" ready"); n != 2 {
			t.Errorf("%s: %d ready events, want 2 (start, after reconnect)\n%s", who, n, out)
		}
		if !strings.Contains(out, who+" reconnecting") {
			t.Errorf("%s: no reconnecting event\n%s", who, out)
		}
	}
	if strings.Contains(out, " slow ") {
		t.Errorf("a command hung while Redis was down:\n%s", out)
	}
	if strings.Count(out, "subscribed") != 1 {
		t.Errorf("the subscribe callback ran again on re-subscription:\n%s", out)
	}
	// The re-subscription is announced as node_redis 3 does: a
	// "subscribe" event (and no callback).
	if strings.Count(out, "subscribe-event ch 1") != 2 {
		t.Errorf("want 2 subscribe events (subscribe, re-subscribe):\n%s", out)
	}
	// The trickle went on after the reconnection.
	if !strings.Contains(out, "incr after reconnection ok") {
		t.Errorf("no successful command after the reconnection:\n%s", out)
	}
	// Stderr stays clean: go-redis's own logging is silenced.
	if s := strings.TrimSpace(p.Stderr()); s != "" {
		t.Errorf("stderr: %s", s)
	}
}

// A blocking command waits as long as it asks (no read deadline) without
// holding up another client; disconnect() fails what is in flight and lets
// the process end; node_redis 4's connect()/sendCommand([...]) work.
func TestBlockingCommandAndDisconnect(t *testing.T) {
	t.Parallel()
	r := testutil.StartRedis(t)
	res := testutil.Run(t, testutil.RunOpts{Timeout: 20 * time.Second}, "-e", fmt.Sprintf(`
var redis = require('redis');
(async function () {
  var a = redis.createClient({ socket: { port: %d, host: '127.0.0.1' } });
  var b = a.duplicate();
  a.on('error', function () {}); b.on('error', function () {});
  await a.connect(); await b.connect();
  var t0 = Date.now();
  a.blpop('q', 0, function (err, v) { console.log('blpop ' + JSON.stringify(v) + ' after>=1s ' + (Date.now() - t0 >= 1000)); });
  setTimeout(function () { b.sendCommand(['RPUSH', 'q', 'job']).then(function (n) { console.log('rpush ' + n); }); }, 1200);
  console.log('b not blocked ' + await b.ping());
  await new Promise(function (res) { setTimeout(res, 1600); });
  a.blpop('q', 0, function (err) { console.log('in flight: ' + (err ? err.name + ' ' + err.code + ' ' + err.message : 'no error')); });
  setTimeout(function () {
    a.disconnect().then(function () { console.log('a ended ' + a.isOpen); });
    b.quit();
  }, 200);
})();
`, r.Port))
	if res.Code != 0 {
		t.Fatalf("exit %d\n%s\n%s", res.Code, res.Stdout, res.Stderr)
	}
	for _, w := range []string{"b not blocked PONG", "rpush 1", `blpop ["q","job"] after>=1s true`, "a ended false", "in flight: AbortError NR_CLOSED BLPOP was not answered: the client was disconnected"} {
		if !strings.Contains(res.Stdout, w) {
			t.Errorf("missing %q in:\n%s", w, res.Stdout)
		}
	}
}
