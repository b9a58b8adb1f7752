const _ = require('underscore');
console.log(_.map([1, 2], x => x * 3), _.template('hi <%= n %>')({ n: 'u' }), _.uniq([1, 1, 2]), _.groupBy([1.1, 2.2, 2.5], Math.floor), _.debounce !== undefined);
