const Koa = require('koa');
const http = require('http');
const app = new Koa();
app.use(async (ctx, next) => { await next(); ctx.set('X-Took', 'fast'); });
app.use(async (ctx) => {
  if (ctx.path === '/boom') ctx.throw(418, 'teapot');
  ctx.body = { path: ctx.path, q: ctx.query, method: ctx.method };
});
app.on('error', () => {});
const server = app.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const get = (path) => new Promise((resolve) => http.get({ host: '127.0.0.1', port, path }, (res) => {
    let d = ''; res.setEncoding('utf8'); res.on('data', (c) => { d += c; }); res.on('end', () => resolve([res.statusCode, res.headers['x-took'], res.headers['content-type'], d]));
  }));
  console.log(await get('/a/b?x=1'));
  console.log(await get('/boom'));
  server.close();
});
// A hang must not cost the suite the harness's 60 s timeout.
setTimeout(() => { console.log('timed out'); process.exit(2); }, 5000).unref();
