const assert = require('assert');
for (const f of [() => assert.strictEqual(1, 2, 'm1'), () => assert.deepStrictEqual({a:1}, {a:2}, 'm2'), () => assert.strictEqual('hello world', 'hello there', 'm3'), () => assert.equal(1, 2, 'm4'), () => assert.notStrictEqual(1, 1, 'm5'), () => assert.deepEqual(1, 2, 'm6'), ()=>assert.strictEqual({a:1},{a:1},'m7'), ()=>assert.deepStrictEqual([1,2,3,4,5,6,7,8,9,10],[1,2,3,4,5,6,7,8,9,11],'m8')])
try { f() } catch (e) { console.log(JSON.stringify(e.message), e.generatedMessage) }
