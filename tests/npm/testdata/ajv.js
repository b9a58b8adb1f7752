const Ajv = require('ajv');
const ajv = new Ajv({ allErrors: true });
const validate = ajv.compile({ type: 'object', properties: { n: { type: 'integer', minimum: 1 }, s: { type: 'string', format: 'email' }, u: { type: 'string', format: 'uri' } }, required: ['n'] });
console.log(validate({ n: 2, s: 'a@b.co', u: 'http://x.com/y' }), validate({ n: 0, s: 'nope', u: 'not a uri' }), JSON.stringify(validate.errors.map(e => e.dataPath + ' ' + e.message)));
