// path: POSIX path manipulation with node's semantics (path.posix).
// path.win32 is not provided: gonode runs on POSIX systems only.
'use strict';

function check(v, name) {
  if (typeof v !== 'string') {
    var e = new TypeError('The "' + name + '" argument must be of type string. Received ' + describe(v));
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
}

function describe(v) {
  if (v == null) return '' + v;
  if (typeof v === 'function') return 'function ' + v.name;
  if (typeof v === 'object') {
    if (v.constructor && v.constructor.name) return 'an instance of ' + v.constructor.name;
    return require('util').inspect(v, { depth: -1 });
  }
  var s = require('util').inspect(v);
  if (s.length > 28) s = s.slice(0, 25) + '...';
  return 'type ' + typeof v + ' (' + s + ')';
}

// normalizeString resolves '.' and '..' segments; allowAbove keeps leading
// '..' for relative paths.
function normalizeString(p, allowAbove) {
  var segs = p.split('/');
  var out = [];
  for (var i = 0; i < segs.length; i++) {
    var s = segs[i];
    if (s === '' || s === '.') continue;
    if (s === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (allowAbove) out.push('..');
      continue;
    }
    out.push(s);
  }
  return out.join('/');
}

function normalize(p) {
  check(p, 'path');
  if (p.length === 0) return '.';
  var abs = p.charCodeAt(0) === 47;
  var trailing = p.charCodeAt(p.length - 1) === 47;
  var r = normalizeString(p, !abs);
  if (r.length === 0) {
    if (abs) return '/';
    return trailing ? './' : '.';
  }
  if (trailing) r += '/';
  return abs ? '/' + r : r;
}

function isAbsolute(p) {
  check(p, 'path');
  return p.length > 0 && p.charCodeAt(0) === 47;
}

function join() {
  if (arguments.length === 0) return '.';
  var joined;
  for (var i = 0; i < arguments.length; i++) {
    var a = arguments[i];
    check(a, 'path');
    if (a.length > 0) joined = joined === undefined ? a : joined + '/' + a;
  }
  if (joined === undefined) return '.';
  return normalize(joined);
}

function resolve() {
  var resolved = '';
  var abs = false;
  for (var i = arguments.length - 1; i >= -1 && !abs; i--) {
    var p = i >= 0 ? arguments[i] : process.cwd();
    check(p, 'paths[' + i + ']');
    if (p.length === 0) continue;
    resolved = p + '/' + resolved;
    abs = p.charCodeAt(0) === 47;
  }
  resolved = normalizeString(resolved, !abs);
  if (abs) return '/' + resolved;
  return resolved.length > 0 ? resolved : '.';
}

function relative(from, to) {
  check(from, 'from');
  check(to, 'to');
  if (from === to) return '';
  from = resolve(from);
  to = resolve(to);
  if (from === to) return '';
  var f = from === '/' ? [] : from.slice(1).split('/');
  var t = to === '/' ? [] : to.slice(1).split('/');
  var n = 0;
  while (n < f.length && n < t.length && f[n] === t[n]) n++;
  var up = [];
  for (var i = n; i < f.length; i++) up.push('..');
  return up.concat(t.slice(n)).join('/');
}

function dirname(p) {
  check(p, 'path');
  if (p.length === 0) return '.';
  var abs = p.charCodeAt(0) === 47;
  var end = -1;
  var matchedSlash = true;
  for (var i = p.length - 1; i >= 1; --i) {
    if (p.charCodeAt(i) === 47) {
      if (!matchedSlash) { end = i; break; }
    } else {
      matchedSlash = false;
    }
  }
  if (end === -1) return abs ? '/' : '.';
  if (abs && end === 1) return '//';
  return p.slice(0, end);
}

function basename(p, ext) {
  if (ext !== undefined) check(ext, 'ext');
  check(p, 'path');
  var end = p.length;
  while (end > 0 && p.charCodeAt(end - 1) === 47) end--;
  if (end === 0) return '';
  var start = p.lastIndexOf('/', end - 1) + 1;
  var base = p.slice(start, end);
  if (ext !== undefined && ext.length > 0) {
    // node quirk: a whole-name match yields '' only when the path has no slash
    if (ext === base) return start === 0 ? '' : base;
    if (ext.length < base.length && base.slice(base.length - ext.length) === ext) {
      return base.slice(0, base.length - ext.length);
    }
  }
  return base;
}

function extname(p) {
  check(p, 'path');
  var end = p.length;
  while (end > 0 && p.charCodeAt(end - 1) === 47) end--;
  var start = p.lastIndexOf('/', end - 1) + 1;
  var base = p.slice(start, end);
  var dot = base.lastIndexOf('.');
  if (dot <= 0) return '';
  // '..' has no extension
  if (dot === 1 && base === '..') return '';
  return base.slice(dot);
}

function parse(p) {
  check(p, 'path');
  var ret = { root: '', dir: '', base: '', ext: '', name: '' };
  if (p.length === 0) return ret;
  var abs = p.charCodeAt(0) === 47;
  if (abs) ret.root = '/';
  var end = p.length;
  while (end > 1 && p.charCodeAt(end - 1) === 47) end--;
  var trimmed = p.slice(0, end);
  if (trimmed === '/') { ret.dir = '/'; return ret; }
  var slash = trimmed.lastIndexOf('/');
  ret.base = trimmed.slice(slash + 1);
  var dot = ret.base.lastIndexOf('.');
  // node quirk: '/..' (and only that spelling) parses as name '.', ext '.'
  if (dot <= 0 || (ret.base === '..' && !(abs && slash === 0))) {
    ret.name = ret.base;
  } else {
    ret.name = ret.base.slice(0, dot);
    ret.ext = ret.base.slice(dot);
  }
  if (slash > 0) ret.dir = trimmed.slice(0, slash);
  else if (abs) ret.dir = '/';
  return ret;
}

function format(obj) {
  if (obj === null || typeof obj !== 'object') {
    var e = new TypeError('The "pathObject" argument must be of type object. Received ' + describe(obj));
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
  var dir = obj.dir || obj.root;
  var base = obj.base || ((obj.name || '') + (obj.ext ? (obj.ext[0] === '.' ? '' : '.') + obj.ext : ''));
  if (!dir) return base;
  return dir === obj.root ? dir + base : dir + '/' + base;
}

function toNamespacedPath(p) { return p; }

var posix = {
  sep: '/',
  delimiter: ':',
  normalize: normalize,
  isAbsolute: isAbsolute,
  join: join,
  resolve: resolve,
  relative: relative,
  dirname: dirname,
  basename: basename,
  extname: extname,
  parse: parse,
  format: format,
  toNamespacedPath: toNamespacedPath,
  win32: null,
  posix: null,
  _makeLong: toNamespacedPath
};
posix.posix = posix;
module.exports = posix;
