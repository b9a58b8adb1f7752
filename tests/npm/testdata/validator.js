const v = require('validator');
console.log(v.isEmail('a@b.co'), v.isEmail('nope'), v.isURL('https://x.com/y'), v.isUUID('6ba7b810-9dad-11d1-80b4-00c04fd430c8'), v.escape('<a>'), v.isIP('::1'), v.normalizeEmail('A.B@GMAIL.com'));
