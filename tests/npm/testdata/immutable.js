const { Map, List } = require('immutable');
const m = Map({ a: 1 }).set('b', 2);
console.log(m.toJS(), List([1, 2]).push(3).toArray(), m.equals(Map({ a: 1, b: 2 })), String(m));
