// A chat bot that joins the room from gonode with the talk's own Room code
// (scripts/chat/client.js, the same file the browser runs) and answers:
//
//   gonode scripts/chat-bot.js [ws://127.0.0.1:8080/chat] [nickname]
//
// It answers "ping" with "pong", "!time" with the time, "!echo TEXT" with
// TEXT, and anything that mentions its name with a greeting.
var target = process.argv[2] || process.env.CHAT_URL || 'ws://127.0.0.1:8080/chat';
var nick = process.argv[3] || 'bot';
var SLIDE_URL = 'ws://127.0.0.1:8080/chat';

require('./chat/client.js'); // defines the global Room, unchanged

if (target !== SLIDE_URL) {
  // The slide hard-codes its URL; point it elsewhere without editing it.
  var RealWebSocket = WebSocket;
  WebSocket = function (url, protocols) {
    return new RealWebSocket(url === SLIDE_URL ? target : url, protocols);
  };
}

var started = Date.now();
var retry = 500;

function answer(from, text) {
  var t = text.trim();
  if (/^ping$/i.test(t)) return 'pong';
  if (t === '!time') return new Date().toISOString();
  if (t.indexOf('!echo ') === 0) return t.slice(6);
  if (t.toLowerCase().indexOf(nick.toLowerCase()) >= 0) {
    return 'hello ' + from + ', I am a gonode bot. Try: ping, !time, !echo <text>';
  }
  return null;
}

Room.show = function (from, message, data) {
  data = data || {};
  console.log((data.type === 'message' ? from + ': ' : '* ') + message);
  // History replayed on connect is old news: answer only what is new.
  if (data.type !== 'message' || from === nick || !(data.time >= started)) return;
  var reply = answer(from, String(message));
  if (reply !== null) Room._send(nick, reply);
};

Room.onopen = function () {
  retry = 500;
  Room.ws.send(JSON.stringify({ from: nick, join: true }));
};

var closeHandler = Room._onclose;
Room._onclose = function (e) {
  closeHandler(e);
  // Come back when the server does.
  setTimeout(connect, retry);
  retry = Math.min(retry * 2, 5000);
};

function connect() {
  started = Date.now();
  Room.init();
}
connect();
