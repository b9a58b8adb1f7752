// The talk's chat room: `gonode scripts/chat.js [port]`.
//
//   http://127.0.0.1:8080/          the page (nickname, messages, input)
//   ws://127.0.0.1:8080/chat        the room over WebSocket: send
//                                   {"from","message"} (or {"from","join":true});
//                                   receive {"id","type","from","message","time"}
//   GET  /poll?since=ID&nick=N      long polling: answered at once with what came
//                                   after ID, else held until there is news
//                                   (or ~25 s, then []); no since = recent history
//   GET  /events?nick=N             Server-Sent Events: "id:" on each event,
//                                   Last-Event-ID resumes, a heartbeat comment
//                                   every 15 s
//   POST /send  {"from","message"}  post without a WebSocket (also GET ?from=&message=)
//   GET  /who                       who is in the room
//
// Everyone in the room sees every message, whichever of the three ways they
// came in; joins and leaves are announced; newcomers get the recent history.
// Port: first argument or PORT (default 8080); host: HOST (default 127.0.0.1).
//
// The same file runs on Node v20 with the npm package `ws` (used by
// bench/ws to compare like with like).
var http = require('http');
var path = require('path');
var Room = require('./chat/room.js').Room;
var LocalBus = require('./chat/room.js').LocalBus;

// --redis URL (or REDIS_URL): share the room with every chat process on the
// same Redis (scripts/chat/redis-bus.js). Without it the room is in-process.
var args = process.argv.slice(2);
var redisUrl = process.env.REDIS_URL || '';
var ri = args.indexOf('--redis');
if (ri >= 0) {
  redisUrl = args[ri + 1] || '';
  args.splice(ri, 2);
}
var port = +(args[0] || process.env.PORT || 8080);
var host = process.env.HOST || '127.0.0.1';
var HEARTBEAT_MS = +(process.env.CHAT_HEARTBEAT_MS || 15000);
var POLL_MS = +(process.env.CHAT_POLL_MS || 25000);
var HISTORY = +(process.env.CHAT_HISTORY || 50);

function readFile(name) {
  var file = path.join(__dirname, 'chat', name);
  try {
    return require('fs').readFileSync(file, 'utf8');
  } catch (e) {
    return require('posix').catSync(file, 'utf8');
  }
}
var page = readFile('index.html');
var client = readFile('client.js');

// The message bus between this room and its clients. In-process by default;
// a bus shared between processes (issue: rooms on Redis) is chosen here.
function makeBus() {
  if (redisUrl) {
    var RedisBus = require('./chat/redis-bus.js').RedisBus;
    return new RedisBus({ url: redisUrl, historySize: HISTORY });
  }
  return new LocalBus({ historySize: HISTORY });
}
var room = new Room('lobby', { bus: makeBus(), historySize: HISTORY });

function clean(s, max) {
  if (typeof s !== 'string') return '';
  s = s.replace(/[\u0000-\u001f]/g, ' ').trim();
  return s.length > max ? s.slice(0, max) : s;
}

// ---- delivery: every message of the room, to every client of this process

var sockets = null;           // the WebSocket side, set up below
var streams = [];             // SSE responses
var pollers = [];             // held long-poll requests

room.onMessage(function (msg) {
  var json = JSON.stringify(msg);
  if (sockets) sockets.broadcast(json);
  var ev = 'id: ' + msg.id + '\ndata: ' + json + '\n\n';
  for (var i = 0; i < streams.length; i++) streams[i].write(ev);
  var held = pollers;
  pollers = [];
  for (var j = 0; j < held.length; j++) answerPoll(held[j], [msg]);
});

function post(from, message) {
  from = clean(from, 32);
  message = clean(message, 2000);
  if (!from || !message) return false;
  room.publish({ type: 'message', from: from, message: message });
  return true;
}

// ---- WebSocket clients
//
// Handlers take the connection as an argument instead of being closures
// made per connection: with thousands of idle sockets that is most of what
// a connection costs (gonode's server emits "message" and "disconnect" for
// every connection; on Node, ws's per-socket events are wired to the same
// three functions).

function wsOpen(conn) {
  conn.nick = '';
  room.history(function (err, msgs) {
    if (err) return;
    for (var i = 0; i < msgs.length; i++) conn.send(JSON.stringify(msgs[i]));
  });
}

function wsMessage(conn, data, isBinary) {
  if (isBinary) return;
  var m;
  try {
    m = JSON.parse(String(data));
  } catch (e) {
    return;
  }
  if (!m || typeof m !== 'object') return;
  var from = clean(m.from, 32);
  if (!from) return;
  if (!conn.nick) {
    conn.nick = from;
    room.join(from);
  }
  if (!m.join) post(conn.nick, m.message);
}

function wsClose(conn) {
  if (conn.nick) room.leave(conn.nick);
}

// after(id, cb): the messages after id. An id from the future (the client
// saw an earlier run of this server) gets the whole recent history instead
// of waiting for ids that mean something else now.
function after(id, cb) {
  room.history(function (err, all) {
    if (err) return cb(err, []);
    var last = all.length ? all[all.length - 1].id : 0;
    if (id > last) return cb(null, all);
    cb(null, all.filter(function (m) { return m.id > id; }));
  });
}

// ---- long polling

function answerPoll(p, msgs) {
  clearTimeout(p.timer);
  if (p.done) return;
  p.done = true;
  var last = msgs.length ? msgs[msgs.length - 1].id : p.since;
  send(p.res, 200, 'application/json', JSON.stringify({ last: last, messages: msgs }));
}

// Long-poll clients are present while they keep polling.
var pollNicks = Object.create(null);
function pollSeen(nick) {
  if (!nick) return;
  if (!pollNicks[nick]) room.join(nick);
  pollNicks[nick] = Date.now();
}
var sweep = setInterval(function () {
  var cutoff = Date.now() - (POLL_MS + 10000);
  for (var nick in pollNicks) {
    if (pollNicks[nick] < cutoff) {
      delete pollNicks[nick];
      room.leave(nick);
    }
  }
}, 5000);
if (sweep.unref) sweep.unref();

function poll(req, res, q) {
  pollSeen(clean(q.nick, 32));
  var since = q.since === undefined || q.since === '' ? -1 : +q.since;
  after(since < 0 ? 0 : since, function (err, msgs) {
    if (msgs.length || since < 0) {
      send(res, 200, 'application/json', JSON.stringify({ last: msgs.length ? msgs[msgs.length - 1].id : 0, messages: msgs }));
      return;
    }
    var p = { res: res, since: since, done: false };
    p.timer = setTimeout(function () {
      pollers = pollers.filter(function (x) { return x !== p; });
      answerPoll(p, []);
    }, POLL_MS);
    pollers.push(p);
    res.on('close', function () {
      p.done = true;
      clearTimeout(p.timer);
      pollers = pollers.filter(function (x) { return x !== p; });
    });
  });
}

// ---- Server-Sent Events

function events(req, res, q) {
  var nick = clean(q.nick, 32);
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
    'Connection': 'keep-alive',
    'X-Accel-Buffering': 'no'
  });
  res.write('retry: 2000\n\n');
  var last = req.headers['last-event-id'] || q.lastEventId;
  after(last !== undefined && last !== '' && !isNaN(+last) ? +last : 0, function (err, msgs) {
    for (var i = 0; i < msgs.length; i++) res.write('id: ' + msgs[i].id + '\ndata: ' + JSON.stringify(msgs[i]) + '\n\n');
    streams.push(res);
    if (nick) room.join(nick);
  });
  res.on('close', function () {
    var i = streams.indexOf(res);
    if (i >= 0) streams.splice(i, 1);
    if (nick) room.leave(nick);
  });
}

var heartbeat = setInterval(function () {
  for (var i = 0; i < streams.length; i++) streams[i].write(': heartbeat\n\n');
}, HEARTBEAT_MS);
if (heartbeat.unref) heartbeat.unref();

// ---- HTTP

function send(res, status, type, body) {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  res.end(body);
}

function query(url) {
  var q = {}, i = url.indexOf('?');
  if (i < 0) return q;
  url.slice(i + 1).split('&').forEach(function (kv) {
    if (!kv) return;
    var j = kv.indexOf('=');
    var k = j < 0 ? kv : kv.slice(0, j), v = j < 0 ? '' : kv.slice(j + 1);
    try {
      q[decodeURIComponent(k.replace(/\+/g, ' '))] = decodeURIComponent(v.replace(/\+/g, ' '));
    } catch (e) { /* bad escape: ignore the pair */ }
  });
  return q;
}

var server = http.createServer(function (req, res) {
  var url = req.url, p = url.split('?')[0], q = query(url);
  if (req.method === 'GET' && (p === '/' || p === '/index.html')) {
    return send(res, 200, 'text/html; charset=utf-8', page);
  }
  if (req.method === 'GET' && p === '/client.js') {
    // The slide's URL, pointed at the address this page was loaded from.
    var body = client.split('ws://127.0.0.1:8080/chat').join('ws://' + (req.headers.host || host + ':' + port) + '/chat');
    return send(res, 200, 'application/javascript; charset=utf-8', body);
  }
  if (p === '/poll') return poll(req, res, q);
  if (p === '/events') return events(req, res, q);
  if (p === '/who') {
    return room.members(function (err, nicks) { send(res, 200, 'application/json', JSON.stringify(nicks || [])); });
  }
  if (p === '/send') {
    if (req.method === 'GET') {
      return send(res, post(q.from, q.message) ? 200 : 400, 'application/json', '{}');
    }
    var body = '';
    req.on('data', function (chunk) {
      body += chunk;
      if (body.length > 65536) req.destroy();
    });
    req.on('end', function () {
      var m;
      try { m = JSON.parse(body); } catch (e) { m = null; }
      send(res, m && post(m.from, m.message) ? 200 : 400, 'application/json', '{}');
    });
    return;
  }
  if (p === '/chat') return send(res, 426, 'text/plain', 'Upgrade Required\n');
  send(res, 404, 'text/plain', 'Not Found\n');
});

// The WebSocket side on the same server and port, path /chat.
var websocket = null;
try { websocket = require('websocket'); } catch (e) { /* Node: use ws */ }
if (websocket) {
  var wss = websocket.createServer({ server: server, path: '/chat' });
  wss.on('connection', wsOpen);
  wss.on('message', wsMessage);
  wss.on('disconnect', wsClose);
  sockets = { broadcast: function (s) { wss.broadcast(s); }, count: function () { return wss.clients.size; } };
} else {
  var WSServer = require('ws').WebSocketServer;
  var nodeWss = new WSServer({ server: server, path: '/chat', maxPayload: 1 << 20 });
  nodeWss.on('connection', function (conn) {
    wsOpen(conn);
    conn.on('message', function (data, isBinary) { wsMessage(conn, data, isBinary); });
    conn.on('close', function () { wsClose(conn); });
  });
  sockets = {
    broadcast: function (s) {
      nodeWss.clients.forEach(function (c) { if (c.readyState === 1) c.send(s); });
    },
    count: function () { return nodeWss.clients.size; }
  };
}

server.listen(port, host, function () {
  var a = server.address();
  console.log('chat: http://' + host + ':' + a.port + '/ and ws://' + host + ':' + a.port + '/chat' +
    (redisUrl ? ' (room shared through Redis at ' + redisUrl + ')' : ''));
});
