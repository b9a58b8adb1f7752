const P = require('bluebird');
P.map([1, 2, 3], x => P.delay(5).then(() => x * 2)).then(r => console.log('map', r));
P.props({ a: P.resolve(1), b: 2 }).then(r => console.log('props', r));
P.promisify((x, cb) => cb(null, x + 1))(1).then(v => console.log('promisify', v));
P.reject(new Error('e')).catch(e => console.log('caught', e.message));
P.try(() => { throw new TypeError('t'); }).catch(TypeError, e => console.log('filtered', e.name));
