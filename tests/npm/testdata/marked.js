// marked@4 is CommonJS (lib/marked.cjs); 5+ ships ESM first.
const { marked } = require('marked');
console.log(marked.parse('# Title\n\nSome *emphasis* and **bold**, `code`, [link](http://x.y).\n\n- a\n- b\n\n1. one\n2. two\n\n```js\nvar x = 1 < 2;\n```\n\n> quote\n\n| a | b |\n|---|---|\n| 1 | 2 |\n'));
console.log(marked.parseInline('*hi* <there>'));
console.log(marked.lexer('# h\ntext').map(t => t.type));
