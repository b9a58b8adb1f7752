const iconv = require('iconv-lite');
console.log(iconv.encode('héllo €', 'win1252'), iconv.decode(Buffer.from([0x68, 0xe9, 0x80]), 'win1252'), iconv.encode('ab', 'utf16le'), iconv.encodingExists('latin1'));
