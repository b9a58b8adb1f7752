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
const path = require('path');
console.log(path.relative(__dirname, require.resolve('./sub/_dep', { paths: [__dirname] })), require.resolve.paths('fs'), require.resolve.paths('./x').map(p => path.relative(__dirname, p)));
console.log(require.resolve.paths('pkg').slice(0, 2).map(p => path.relative(__dirname, p)), Object.keys(require.extensions), typeof require.extensions['.js']);
console.log(Module._cache === require.cache, typeof Module._resolveFilename, path.relative(__dirname, Module._resolveFilename('./sub/_dep', module)), Module._load('./sub/_dep', module));
console.log(Module._nodeModulePaths(__dirname).slice(0, 2).map(p => path.relative(__dirname, p)));
try { require.resolve('nope-pkg', { paths: [__dirname, '/'] }); } catch (e) { console.log(e.code); }
