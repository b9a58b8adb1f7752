const R = require('ramda');
console.log(R.map(x => x + 1, [1, 2]), R.pipe(R.add(1), R.multiply(2))(3), R.groupBy(x => x.t, [{ t: 'a' }, { t: 'b' }, { t: 'a' }]), R.sortBy(R.prop('n'))([{ n: 2 }, { n: 1 }]));
