var tcp = require("tcp")

var s = tcp.createServer()
s.addListener("connection",
   function (c) {
      c.send("hello nasty!")
      c.close()
})
s.listen(8000)
