// Hello world in today's vocabulary; Node v20 runs this same file.
const http = require('http');
const port = Number(process.argv[2] || 8002);
http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('Hello World');
}).listen(port, '127.0.0.1', () => {
  console.log('Server running at http://127.0.0.1:' + port + '/');
});
