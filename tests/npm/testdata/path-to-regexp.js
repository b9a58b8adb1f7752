const { pathToRegexp, match, compile } = require('path-to-regexp');
const keys = []; const re = pathToRegexp('/user/:id/:op?', keys);
console.log(re.toString(), keys.map(k => k.name), match('/user/:id')('/user/42'), compile('/user/:id')({ id: 7 }));
