const jwt = require('jsonwebtoken');
const t = jwt.sign({ sub: 'ada', iat: 1600000000 }, 'secret', { algorithm: 'HS256' });
console.log(t, jwt.verify(t, 'secret'), jwt.decode(t, { complete: true }).header);
try { jwt.verify(t, 'wrong'); } catch (e) { console.log(e.name, e.message); }
