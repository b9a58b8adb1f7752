// Echo a POST body read with 'data'/'end' (no stream state is built).
// Node v20 runs this same file.
const http = require('http');
const port = Number(process.argv[2] || 8004);
http.createServer((req, res) => {
  const parts = [];
  req.on('data', (d) => parts.push(d));
  req.on('end', () => res.end(Buffer.concat(parts)));
}).listen(port, '127.0.0.1');
