var sys = require("sys");
var o = { n: 1, s: "two \"q\"", b: true, u: undefined, z: null, arr: [1, [2, 3], {}], f: function () {}, d: new Date(0), r: /a+b/g, nested: { deep: { deeper: "x" } } };
o.self = o;
o.__defineGetter__("g", function () { return 1; });
sys.puts(sys.inspect(o));
sys.puts(sys.inspect([]));
sys.puts(sys.inspect({}));
sys.puts(sys.inspect("str"));
sys.puts(sys.inspect(42));
