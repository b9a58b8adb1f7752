// sys: node v0.1.21's system module. inspect() keeps that era's output
// format: JSON-quoted strings and keys, one space of indent per level, one
// entry per line, "[Function]", "[Circular]", "[Getter]"/"[Setter]".
// Dates print as their UTC string and RegExps as their source, as node
// 0.1.29 made them (before that a Date printed as "{}", which helped nobody).
'use strict';

function write(s) { process.stdio.write(s); }
function writeError(s) { process.stdio.writeError(s); }

exports.puts = function () {
  if (arguments.length === 0) { write('\n'); return; }
  for (var i = 0; i < arguments.length; i++) write(String(arguments[i]) + '\n');
};

exports.print = function () {
  for (var i = 0; i < arguments.length; i++) write(String(arguments[i]));
};

exports.debug = function (x) {
  writeError('DEBUG: ' + x + '\n');
};

exports.error = function () {
  for (var i = 0; i < arguments.length; i++) writeError(String(arguments[i]) + '\n');
};

exports.p = function () {
  for (var i = 0; i < arguments.length; i++) exports.error(exports.inspect(arguments[i]));
};

exports.log = function (msg) {
  var d = new Date();
  var months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  function pad(n) { return n < 10 ? '0' + n : String(n); }
  exports.puts(d.getDate() + ' ' + months[d.getMonth()] + ' ' +
    [pad(d.getHours()), pad(d.getMinutes()), pad(d.getSeconds())].join(':') + ' - ' + msg);
};

// exec(command) -> process.Promise; the child-process module does the work.
exports.exec = function (command) {
  return require('child_process')._exec2009(command);
};

exports.inherits = function (ctor, superCtor) { return process.inherits(ctor, superCtor); };

exports.inspect = function (value) {
  return format(value, '', []);
};

function format(value, indent, parents) {
  switch (typeof value) {
    case 'string': return JSON.stringify(value);
    case 'number': return String(value);
    case 'boolean': return String(value);
    case 'undefined': return 'undefined';
    case 'function':
      if (value instanceof RegExp) return String(value);
      return '[Function]';
    case 'bigint': return value + 'n';
    case 'symbol': return value.toString();
  }
  if (value === null) return 'null';
  if (value instanceof Date) return isNaN(value.getTime()) ? 'Invalid Date' : value.toUTCString();
  if (value instanceof RegExp) return String(value);
  if (parents.indexOf(value) !== -1) return '[Circular]';
  parents.push(value);
  var inner = indent + ' ';
  var lines = [];
  var isArray = Array.isArray(value) && Object.keys(value).length === value.length;
  for (var k in value) {
    var entry;
    var getter = value.__lookupGetter__ ? value.__lookupGetter__(k) : undefined;
    var setter = value.__lookupSetter__ ? value.__lookupSetter__(k) : undefined;
    if (getter || setter) {
      entry = getter && setter ? '[Getter/Setter]' : getter ? '[Getter]' : '[Setter]';
    } else {
      entry = format(value[k], inner, parents);
    }
    lines.push(inner + (isArray ? entry : JSON.stringify(k) + ': ' + entry));
  }
  parents.pop();
  var open = isArray ? '[' : '{', close = isArray ? ']' : '}';
  if (lines.length === 0) return open + close;
  return open + '\n' + lines.join(',\n') + '\n' + indent + close;
}
