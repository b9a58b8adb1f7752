// module: the parts of node's Module class that packages use from outside
// the loader: builtinModules, createRequire, isBuiltin, wrap/wrapper.
'use strict';

// Internal registrations (names under internal/) are not node modules.
var builtinModules = binding.names().filter(function (n) { return n.indexOf('internal/') !== 0; });

function Module(id, parent) {
  this.id = id === undefined ? '' : id;
  this.exports = {};
  this.parent = parent;
  this.filename = null;
  this.loaded = false;
  this.children = [];
  this.paths = [];
}

Module.builtinModules = builtinModules;
Module.isBuiltin = function isBuiltin(name) {
  name = String(name);
  if (name.indexOf('node:') === 0) name = name.slice(5);
  return builtinModules.indexOf(name) !== -1;
};
Module.createRequire = function createRequire(filename) {
  if (filename && typeof filename === 'object' && typeof filename.href === 'string') filename = filename.href;
  if (typeof filename === 'string' && filename.indexOf('file:') === 0) filename = require('url').fileURLToPath(filename);
  if (typeof filename !== 'string') {
    var e = new TypeError("The argument 'filename' must be a file URL object, file URL string, or absolute path string. Received " + require('util').inspect(filename));
    e.code = 'ERR_INVALID_ARG_VALUE';
    throw e;
  }
  // A directory (trailing slash) resolves from inside it, as node does.
  if (filename[filename.length - 1] === '/') filename += 'noop.js';
  return binding.newRequire(filename);
};
// The loader's internals that tooling reaches for, mapped onto gonode's
// shared module cache and resolver.
Module._cache = require.cache;
Module._extensions = require.extensions;
Module.globalPaths = require.paths;
function requireFrom(parent) {
  var file = parent && typeof parent.filename === 'string' ? parent.filename : process.cwd() + '/[eval]';
  return binding.newRequire(file);
}
Module._resolveFilename = function _resolveFilename(request, parent, isMain, options) {
  return requireFrom(parent).resolve(request, options);
};
Module._load = function _load(request, parent) {
  return requireFrom(parent)(request);
};
Module._nodeModulePaths = function _nodeModulePaths(from) {
  return binding.newRequire(require('path').join(String(from), 'noop.js')).resolve.paths('x') || [];
};
Module.wrapper = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];
Module.wrap = function wrap(script) { return Module.wrapper[0] + script + Module.wrapper[1]; };
Module.Module = Module;

module.exports = Module;
