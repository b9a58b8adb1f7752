const util = require('util');
const log = (v, o) => console.log(util.inspect(v, o));
class Point { constructor(x, y) { this.x = x; this.y = y; } }
log(new Point(1, 2));
class Empty {}
log(new Empty());
class Base { constructor() { this.base = true; } }
class Derived extends Base { constructor() { super(); this.derived = 1; } }
log(new Derived());
log([new Point(0, 0), new Empty()]);
function OldStyle() { this.a = 1; }
log(new OldStyle());
function Proto() {} Proto.prototype.method = function () {};
log(new Proto());
class Tagged { get [Symbol.toStringTag]() { return 'TagX'; } }
log(new Tagged());
const o = { [Symbol.toStringTag]: 'Custom', x: 1 }; log(o);
class Custom { [util.inspect.custom](depth, opts) { return 'Custom<' + depth + '>'; } }
log(new Custom()); log({ nested: new Custom() });
class CustomObj { [util.inspect.custom]() { return { replaced: true }; } }
log(new CustomObj());
log({ inspect() { return 'old-style inspect ignored'; } });
log(Point); log(Derived); log(class {}); log(OldStyle);
const fnWithProps = function f() {}; fnWithProps.x = 1; log(fnWithProps);
log(Object.create(Point.prototype));
const noCtor = Object.create({}); noCtor.a = 1; log(noCtor);
const nullProtoChild = Object.create(Object.create(null)); nullProtoChild.z = 1; log(nullProtoChild);
log(new (class extends Map {})());
log(new (class Foo extends Error {})('msg').name);
log(Object.create(Array.prototype));
