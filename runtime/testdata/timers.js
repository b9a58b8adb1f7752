// Timer semantics, written to hold on a loaded machine: only orderings the
// loop guarantees are printed in arrival order; the rest is collected and
// printed at exit.
var sys = require("sys");
var intervals = [], lines = [];
var n = 0;
var iv = setInterval(function (a, b) {
  n++;
  intervals.push("interval " + n + " args=" + a + "," + b + " this-is-timer=" + (this === iv));
  if (n === 3) clearInterval(this);
}, 5, "x", "y");
var t = setTimeout(function () { sys.puts("cleared timeout ran"); }, 10);
clearTimeout(t);
var byId = setTimeout(function () { sys.puts("cleared by number ran"); }, 10);
clearTimeout(+byId);
setTimeout(function () { sys.puts("unref'd timer must not keep the process alive"); }, 100000).unref();
var start = Date.now();
setTimeout(function () {
  lines.push("delay respected: " + (Date.now() - start >= 48));
}, 50);
// Equal delays fire in the order they were set.
setTimeout(function () { lines.push("first of equal"); }, 20);
setTimeout(function () { lines.push("second of equal"); }, 20);
try { setTimeout("code", 1); } catch (e) { sys.puts(e.name + " " + e.code); }
process.addListener("exit", function () {
  sys.puts(intervals.concat(lines).join("\n"));
});
