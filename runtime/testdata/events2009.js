// node v0.1.21 EventEmitter rules, and today's names on the same objects.
var sys = require("sys");
var EE = process.EventEmitter;
var e = new EE();
var log = [];
e.addListener("newListener", function (ev, fn) {
  log.push("newListener " + ev + " before-add=" + this.listeners(ev).length);
});
var ret = e.addListener("x", function (a, b) { log.push("x1 " + a + " " + b + " this-ok=" + (this === e)); });
log.push("returns this: " + (ret === e));
log.push("non-function ignored: " + (e.addListener("x", "nope") === e) + " count=" + e.listeners("x").length);
var live = e.listeners("x");
live.push(function () { log.push("x2 via live array"); });
e.emit("x", 1, 2);
function rm() { log.push("never"); }
e.addListener("y", rm);
e.removeListener("y", rm);
log.push("emit y with none: " + e.emit("y"));
e.on("z", function () { log.push("on works"); });
e.once("z", function () { log.push("once fires once"); });
e.prependListener("z", function () { log.push("prepended first"); });
e.emit("z"); e.emit("z");
log.push("listenerCount z=" + e.listenerCount("z"));
e.off("z", e.listeners("z")[0]);
log.push("after off z=" + e.listenerCount("z"));
e.removeAllListeners("z");
log.push("after removeAll z=" + e.listenerCount("z"));
e.setMaxListeners(1);
log.push("max=" + e.getMaxListeners());
try { e.emit("error", new Error("nobody listens")); } catch (err) { log.push("error threw: " + err.message); }
try { e.on("q", 42); } catch (err) { log.push("on(non-fn) " + err.name + " " + err.code); }
function Sub() { EE.call(this); }
process.inherits(Sub, EE);
var s = new Sub();
s.addListener("hi", function () { log.push("subclass emits, instanceof=" + (s instanceof EE)); });
s.emit("hi");
sys.puts(log.join("\n"));
