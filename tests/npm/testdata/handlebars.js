const H = require('handlebars');
H.registerHelper('up', s => s.toUpperCase());
console.log(H.compile('Hi {{up name}}! {{#each items}}[{{@index}}:{{this}}]{{/each}} {{#if ok}}yes{{else}}no{{/if}} {{{raw}}} {{esc}}')({ name: 'ada', items: ['a', 'b'], ok: false, raw: '<b>', esc: '<i>' }));
