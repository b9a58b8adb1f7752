const createError = require('http-errors');
const e = createError(404, 'Not here', { extra: 1 });
console.log(e.name, e.message, e.status, e.statusCode, e.expose, e.extra, e instanceof createError.HttpError, e instanceof Error, typeof e.stack);
const e2 = new createError.BadRequest(); console.log(e2.name, e2.message, e2.status);
const e3 = createError(500); console.log(e3.message, e3.expose);
console.log(createError.isHttpError(e), Object.keys(createError).filter(k => /^[A-Z]/.test(k)).length > 30);
