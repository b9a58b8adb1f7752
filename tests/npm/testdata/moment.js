const moment = require('moment');
const m = moment.utc('2020-02-29T12:34:56Z');
console.log(m.format(), m.add(1, 'month').format('LLLL'), moment.duration(90, 'minutes').humanize(), m.fromNow === undefined, moment.utc(0).toISOString());
