const Module = require('module');
console.log(require('process') === process, require('node:process') === process, require('console') === console);
console.log(Array.isArray(Module.builtinModules), ['fs', 'path', 'util', 'events', 'url'].every(n => Module.builtinModules.includes(n)));
console.log(Module.isBuiltin('fs'), Module.isBuiltin('node:path'), Module.isBuiltin('nope'), Module.isBuiltin('internal/web'));
const req = Module.createRequire(__dirname + '/sub/');
console.log(req('./_dep'), typeof req.resolve, require('path').relative(__dirname, req.resolve('./_dep')));
const req2 = Module.createRequire(__filename);
console.log(req2('./sub/_dep'), req2('path') === require('path'));
const req3 = Module.createRequire(require('url').pathToFileURL(__filename));
console.log(req3('./sub/_dep'));
try { Module.createRequire(42); } catch (e) { console.log(e.name, e.code); }
console.log(Module.wrap('x').startsWith('(function (exports, require, module, __filename, __dirname) { '), typeof Module.Module);
