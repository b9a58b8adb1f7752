// https hello world; the same script for node and gonode.
// usage: https-hello.js PORT (key.pem and cert.pem in $CERTS)
const https = require('https'), fs = require('fs');
const dir = process.env.CERTS;
https.createServer({ key: fs.readFileSync(dir + '/key.pem'), cert: fs.readFileSync(dir + '/cert.pem') }, (req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('Hello World\n');
}).listen(Number(process.argv[2]), '127.0.0.1');
