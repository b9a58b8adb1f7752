const dayjs = require('dayjs');
const d = dayjs('2020-02-29T12:34:56Z');
console.log(d.toISOString(), d.add(1, 'year').toISOString(), d.format('YYYY-MM-DD'), d.diff(dayjs('2020-01-01'), 'day'), d.isValid(), dayjs('bad').isValid());
