// A chat process reduced to its bus: joins the room as NAME, waits until
// PEERS members are present, publishes COUNT messages (one every GAP ms;
// COUNT=0: forever), and prints every message it receives as a JSON line.
var RedisBus = require(process.env.BUS).RedisBus;
var name = process.env.NAME, peers = +process.env.PEERS, count = +process.env.COUNT, gap = +(process.env.GAP || 5);
var bus = new RedisBus({ url: process.env.REDIS_URL, historySize: 1000, maxDelay: 300, procId: name });
bus.log = function (s) { console.log(JSON.stringify({ log: s })); };
bus.subscribe('lobby', function (msg) { console.log(JSON.stringify({ got: msg })); }, function () {
  bus.presence('lobby', name, +1, function (err, n) { console.log(JSON.stringify({ joined: n })); });
});
var sent = 0;
var wait = setInterval(function () {
  bus.members('lobby', function (err, nicks) {
    if (nicks.length < peers || sent) return;
    clearInterval(wait);
    console.log(JSON.stringify({ members: nicks.sort() }));
    var t = setInterval(function () {
      if (count && sent === count) {
        clearInterval(t);
        console.log(JSON.stringify({ sentAll: sent }));
        return;
      }
      sent++;
      bus.publish('lobby', { type: 'message', from: name, message: name + '-' + sent });
    }, gap);
  });
}, 50);
