const { TextEncoder, TextDecoder } = require('util');
const te = new TextEncoder();
console.log(te.encoding, te.encode('héllo €😀'), te.encode(), te.encode('\ud800x'));
const buf = new Uint8Array(5); console.log(te.encodeInto('a€b', buf), buf);
console.log(te.encodeInto('😀', new Uint8Array(3)));
const td = new TextDecoder();
console.log(td.encoding, td.fatal, td.ignoreBOM);
const show = (b, o, l) => { try { console.log(JSON.stringify(new TextDecoder(l, o).decode(new Uint8Array(b)))); } catch (e) { console.log(e.name, e.code, e.message); } };
show([0x68, 0xc3, 0xa9]); show([0xef, 0xbb, 0xbf, 0x41]); show([0xef, 0xbb, 0xbf, 0x41], { ignoreBOM: true });
show([0xe2, 0x82]); show([0xe2, 0x82, 0x41]); show([0xff, 0xfe, 0x41]); show([0xf0, 0x9f, 0x98]); show([0xed, 0xa0, 0x80]); show([0xc0, 0x80]);
show([0xe2, 0x82], { fatal: true }); show([0x41, 0x00, 0x42, 0x00], {}, 'utf-16le'); show([0xe9, 0x41], {}, 'latin1');
show([1], {}, 'nope');
const s = new TextDecoder();
console.log(JSON.stringify(s.decode(new Uint8Array([0xe2, 0x82]), { stream: true }) + '|' + s.decode(new Uint8Array([0xac]))));
console.log(JSON.stringify(new TextDecoder().decode(new Uint8Array([0x61, 0x62]).buffer)));
console.log(JSON.stringify(new TextDecoder().decode(new DataView(new Uint8Array([0x63]).buffer))));
try { new TextDecoder().decode('str'); } catch (e) { console.log(e.name, e.code); }
console.log(typeof globalThis.TextEncoder, typeof globalThis.TextDecoder, globalThis.TextEncoder === TextEncoder);
