var sys = require("sys");
var n = 0;
var iv = setInterval(function (a, b) {
  n++;
  sys.puts("interval " + n + " args=" + a + "," + b + " this-is-timer=" + (this === iv));
  if (n === 3) clearInterval(this);
}, 5, "x", "y");
var t = setTimeout(function () { sys.puts("cleared timeout ran"); }, 10);
clearTimeout(t);
var byId = setTimeout(function () { sys.puts("cleared by number ran"); }, 10);
clearTimeout(+byId);
setTimeout(function () { sys.puts("unref'd timer must not keep the process alive"); }, 100000).unref();
var start = Date.now();
setTimeout(function () {
  var el = Date.now() - start;
  sys.puts("delay respected: " + (el >= 48));
}, 50);
setTimeout(function () { sys.puts("first of equal"); }, 20);
setTimeout(function () { sys.puts("second of equal"); }, 20);
try { setTimeout("code", 1); } catch (e) { sys.puts(e.name + " " + e.code); }
