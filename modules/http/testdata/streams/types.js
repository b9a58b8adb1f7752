// Which stream classes http's messages are, as in node v20: a request and
// a client response are Readables; a response and a client request are
// OutgoingMessages (legacy Streams with the Writable surface).
const http = require('http');
const stream = require('stream');
const { L, test, run, send, setHandler } = require('./_h');

test('server side', (done) => {
  setHandler((req, res) => {
    L('req Readable', req instanceof stream.Readable, 'Stream', req instanceof stream.Stream, 'IncomingMessage', req instanceof http.IncomingMessage);
    L('req proto is Readable.prototype', Object.getPrototypeOf(http.IncomingMessage.prototype) === stream.Readable.prototype);
    L('req has state', !!req._readableState, 'isReadable', stream.isReadable(req));
    L('res Writable', res instanceof stream.Writable, 'Stream', res instanceof stream.Stream, 'OutgoingMessage', res instanceof http.OutgoingMessage);
    L('ServerResponse extends OutgoingMessage', Object.getPrototypeOf(http.ServerResponse.prototype) === http.OutgoingMessage.prototype);
    L('OutgoingMessage extends Stream', Object.getPrototypeOf(http.OutgoingMessage.prototype) === stream.Stream.prototype);
    L('res methods', typeof res.write, typeof res.end, typeof res.cork, typeof res.uncork, typeof res.pipe, typeof res.destroy);
    L('req methods', typeof req.read, typeof req.pipe, typeof req.unpipe, typeof req.unshift, typeof req.wrap, typeof req[Symbol.asyncIterator]);
    res.end('ok');
  });
  send({}, null, (status, body) => { L('client got', status, body); done(); });
});

test('client side', (done) => {
  setHandler((req, res) => res.end('hello'));
  const { server } = require('./_h');
  const creq = http.get({ port: server.address().port, host: '127.0.0.1' }, (cres) => {
    L('client res Readable', cres instanceof stream.Readable, 'IncomingMessage', cres instanceof http.IncomingMessage);
    L('client req OutgoingMessage', creq instanceof http.OutgoingMessage, 'Writable', creq instanceof stream.Writable, 'Stream', creq instanceof stream.Stream);
    L('res.req is the request', cres.req === creq);
    cres.setEncoding('utf8');
    let s = '';
    cres.on('data', (d) => { s += d; });
    cres.on('end', () => { L('client body', s); done(); });
  });
});

test('new OutgoingMessage', (done) => {
  const o = new http.OutgoingMessage();
  L('instance', o instanceof stream.Stream, o.writable, o.finished, o.headersSent, o.destroyed);
  done();
});

run();
