const Joi = require('joi');
const schema = Joi.object({ name: Joi.string().min(2).required(), age: Joi.number().integer().min(0), email: Joi.string().email() });
console.log(schema.validate({ name: 'Ada', age: 36, email: 'ada@example.com' }));
const r = schema.validate({ name: 'A', age: -1, email: 'x' }, { abortEarly: false }); console.log(r.error.details.map(d => d.message));
