// The talk's chat client: the Room object from the "node.websocket.js
// implementation demo" slide, as written there, completed where the slide
// stops: the brace it lost after _send, the two helpers it calls
// (serializeJSON, evalTxt), the _onopen/_onclose handlers init names, and
// what "//..." stood for (showing the message). The same file runs in a
// browser (served by chat.js at /client.js) and in gonode (chat-bot.js).

// serializeJSON/evalTxt were the era's JSON helpers (MochiKit's names);
// JSON.parse is evalTxt without eval's danger.
function serializeJSON(obj) { return JSON.stringify(obj) }
function evalTxt(txt) { return JSON.parse(txt) }

Room = {
   init: function() {
         Room.ws = new WebSocket('ws://127.0.0.1:8080/chat')
         Room.ws.onopen = Room._onopen
         Room.ws.onmessage = Room._onmessage
         Room.ws.onclose = Room._onclose
   },
    _send: function(user, message){
         Room.ws.send(serializeJSON({
              'from': user,
              'message': message
         }))
    },
    _onmessage: function(m) {
         if (m.data) {
              var data = evalTxt(m.data)
              from = data.from
              message = data.message
              Room.show(from, message, data)
         }
    },
    _onopen: function() {
         Room.show('*', 'connected', { type: 'status' })
         if (Room.onopen) Room.onopen()
    },
    _onclose: function(e) {
         Room.show('*', 'disconnected (' + e.code + ')', { type: 'status' })
    },
    // The page and the bot replace show.
    show: function(from, message, data) {}
}
