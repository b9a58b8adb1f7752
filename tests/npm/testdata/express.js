const express = require('express');
const http = require('http');
const app = express();
app.use(express.json());
app.get('/hello/:name', (req, res) => res.json({ hi: req.params.name, q: req.query }));
app.post('/echo', (req, res) => res.status(201).send(req.body));
app.use((req, res) => res.status(404).type('text').send('nope'));
const server = app.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const get = (path, method = 'GET', body) => new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      let data = ''; res.setEncoding('utf8');
      res.on('data', (c) => { data += c; });
      res.on('end', () => resolve([res.statusCode, res.headers['content-type'], data]));
    });
    if (body) req.write(JSON.stringify(body));
    req.end();
  });
  console.log(await get('/hello/ada?x=1&y=2'));
  console.log(await get('/echo', 'POST', { a: [1, 2] }));
  console.log(await get('/missing'));
  server.close(() => console.log('closed'));
});
// A hang must not cost the suite the harness's 60 s timeout.
setTimeout(() => { console.log('timed out'); process.exit(2); }, 5000).unref();
