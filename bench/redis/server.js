// The chat room reduced to WebSocket broadcast, for bench/redis/run.sh:
//
//   gonode bench/redis/server.js PORT        (REDIS_URL set: RedisBus, else LocalBus)
//   node   bench/redis/server.js PORT        (same, with npm ws and redis@3)
//
// Every text message a client sends is published to the room; every message
// of the room is broadcast to every client of this process. It is
// scripts/chat.js's delivery path (Room, its bus, one broadcast per
// message) without the HTTP page, long-poll and SSE parts.
var path = require('path');
var chatDir = path.join(__dirname, '..', '..', 'scripts', 'chat');
var Room = require(path.join(chatDir, 'room.js')).Room;
var LocalBus = require(path.join(chatDir, 'room.js')).LocalBus;

var port = +process.argv[2];
var redisUrl = process.env.REDIS_URL || '';
var bus = redisUrl
  ? new (require(path.join(chatDir, 'redis-bus.js')).RedisBus)({ url: redisUrl, historySize: 50 })
  : new LocalBus({ historySize: 50 });
var room = new Room('bench', { bus: bus });

var broadcast, server;
var websocket = null;
try { websocket = require('websocket'); } catch (e) { /* Node */ }
function onConnection(conn) {
  conn.on('message', function (data, isBinary) {
    if (!isBinary) room.publish({ type: 'message', from: 'bench', message: String(data) });
  });
}
if (websocket) {
  server = websocket.createServer({ port: port, host: '127.0.0.1' });
  server.on('connection', onConnection);
  broadcast = function (s) { server.broadcast(s); };
  server.on('listening', ready);
} else {
  var WSServer = require('ws').WebSocketServer;
  server = new WSServer({ port: port, host: '127.0.0.1' });
  server.on('connection', onConnection);
  broadcast = function (s) {
    server.clients.forEach(function (c) { if (c.readyState === 1) c.send(s); });
  };
  server.on('listening', ready);
}
room.onMessage(function (msg) { broadcast(JSON.stringify(msg)); });
function ready() { console.log('bench server on ' + port + (redisUrl ? ' (redis ' + redisUrl + ')' : ' (in-process)')); }
