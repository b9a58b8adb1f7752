const ejs = require('ejs');
console.log(ejs.render('<% items.forEach(function(i){ %><li><%= i %></li><% }) %> <%- raw %>', { items: ['a<b', 'c'], raw: '<hr>' }));
