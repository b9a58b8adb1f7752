// scripts/hello.js in today's vocabulary (Node's side of the 15,000
// pending requests run); port from argv.
const http = require('http');
const port = Number(process.argv[2] || 8003);
http.createServer((req, res) => {
  setTimeout(() => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('Hello World');
  }, 2000);
}).listen(port, '127.0.0.1', () => {
  console.log('Server running at http://127.0.0.1:' + port + '/');
});
