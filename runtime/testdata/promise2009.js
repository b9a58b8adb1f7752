var sys = require("sys");
var P = process.Promise;
var out = [];
var p = new P();
out.push("addCallback returns this: " + (p.addCallback(function (a, b) { out.push("success " + a + " " + b); }) === p));
out.push("addErrback returns this: " + (p.addErrback(function () { out.push("never an error"); }) === p));
out.push("addCancelback returns this: " + (p.addCancelback(function () {}) === p));
p.emitSuccess(1, 2);
p.emitSuccess(3, 4);
p.emitError(new Error("late"));
p.addCallback(function (a) { out.push("late callback gets " + a); });
out.push("instanceof EventEmitter: " + (p instanceof process.EventEmitter));

var q = new P();
q.addErrback(function (e) { out.push("errback " + e.message); });
q.emitError(new Error("bad"));
q.emitSuccess("ignored");

var c = new P();
c.addCallback(function () { out.push("never: cancelled"); });
c.addCancelback(function () { out.push("cancel event"); });
c.cancel();
c.emitSuccess("x");

var t = new P();
out.push("timeout() before set: " + t.timeout());
t.timeout(5);
out.push("timeout() after set: " + t.timeout());
t.addErrback(function (e) { out.push("timeout errback: " + (e instanceof Error) + " " + e.message); });
try { t.wait(); } catch (e) { out.push("wait after timeout threw: " + e.message); }

var w = new P();
setTimeout(function () { w.emitSuccess("one"); }, 20);
out.push("wait single: " + w.wait());
var w2 = new P();
setTimeout(function () { w2.emitSuccess("a", "b"); }, 10);
out.push("wait several: " + JSON.stringify(w2.wait()));

// Nested wait: the outer wait returns only after the inner one.
var outer = new P(), inner = new P();
setTimeout(function () {
  out.push("inner waiting");
  var v = inner.wait();
  out.push("inner got " + v);
}, 5);
setTimeout(function () { outer.emitSuccess("outer"); }, 10);
setTimeout(function () { inner.emitSuccess("inner"); }, 40);
out.push("outer got " + outer.wait());

var bad = new P();
setTimeout(function () { bad.emitError(new Error("wait threw")); }, 5);
try { bad.wait(); } catch (e) { out.push("caught: " + e.message); }

var never = new P();
try { never.wait(); } catch (e) { out.push("caught: " + e.message); }

process.addListener("exit", function () { sys.puts(out.join("\n")); });
