// Echo a POST body with req.pipe(res) (the request becomes a Readable with
// its state). Node v20 runs this same file.
const http = require('http');
const port = Number(process.argv[2] || 8005);
http.createServer((req, res) => {
  req.pipe(res);
}).listen(port, '127.0.0.1');
