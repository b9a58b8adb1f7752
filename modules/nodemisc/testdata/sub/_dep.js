module.exports = 'sub/dep';
