const bcrypt = require('bcryptjs');
const h = bcrypt.hashSync('pw', '$2a$04$abcdefghijklmnopqrstuu');
console.log(h, bcrypt.compareSync('pw', h), bcrypt.compareSync('x', h));
