const { nanoid, customAlphabet } = require('nanoid');
console.log(nanoid().length, /^[A-Za-z0-9_-]{21}$/.test(nanoid()), customAlphabet('ab', 8)().length);
