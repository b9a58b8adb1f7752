const mime = require('mime');
console.log(mime.getType('a.json'), mime.getType('x/y.html'), mime.getExtension('text/css'), mime.getType('nope.zzz'));
