// The talk's hello world without the 2 s timer, in the 2009 vocabulary.
var sys = require('sys'),
   http = require('http')

var port = Number(process.argv[2] || 8001)
http.createServer(function (req, res) {
   res.sendHeader(200, {'Content-Type': 'text/plain'})
   res.sendBody('Hello World')
   res.finish()
}).listen(port, '127.0.0.1')

sys.puts('Server running at http://127.0.0.1:' + port + '/')
