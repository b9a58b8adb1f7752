const { format, addDays, differenceInDays, parseISO, formatDistance } = require('date-fns');
const d = parseISO('2020-02-28T10:00:00Z');
console.log(format(addDays(d, 2), 'yyyy-MM-dd'), differenceInDays(addDays(d, 10), d), formatDistance(d, addDays(d, 3)));
