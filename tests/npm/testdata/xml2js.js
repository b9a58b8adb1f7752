const xml2js = require('xml2js');
xml2js.parseString('<root a="1"><item>x</item><item>y</item></root>', (err, res) => { console.log(err, JSON.stringify(res)); console.log(new xml2js.Builder().buildObject({ r: { $: { k: 'v' }, c: ['1', '2'] } })); });
