const Mustache = require('mustache');
console.log(Mustache.render('Hello {{name}}! {{#items}}<{{.}}>{{/items}}{{^none}}empty{{/none}} {{&raw}} {{esc}}', { name: 'World', items: [1, 2, 3], raw: '<b>', esc: '<i>&"' }));
console.log(Mustache.render('{{>p}} and {{x.y}}', { x: { y: 'deep' } }, { p: 'partial {{x.y}}' }));
console.log(JSON.stringify(Mustache.parse('a {{b}} c')));
console.log(Mustache.render('{{#f}}bold{{/f}}', { f: () => (text, render) => '<b>' + render(text) + '</b>' }));
