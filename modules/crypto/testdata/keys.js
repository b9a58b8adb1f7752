// KeyObject, secret/private/public keys, sign/verify (RSA PKCS#1 v1.5 and
// PSS, ECDSA DER and P1363, Ed25519). Signatures of RSA PKCS#1 v1.5 and
// Ed25519 are deterministic, so they are compared with node's bytes.
'use strict';
const c = require('crypto');
const fs = require('fs');
const path = require('path');
const read = (f) => fs.readFileSync(path.join(__dirname, f));
function show(label, f) {
  try { console.log(label, f()); } catch (e) { console.log(label, 'threw', e.name, e.code, e.message); }
}
const k = c.createSecretKey(Buffer.from('secret'));
console.log(k.type, k.symmetricKeySize, k instanceof c.KeyObject, k.export(), Object.keys(k), String(k), k.asymmetricKeyType);
console.log(c.createHmac('sha256', k).update('x').digest('hex') === c.createHmac('sha256', 'secret').update('x').digest('hex'));
console.log(k.equals(c.createSecretKey('secret', 'utf8')), k.equals(c.createSecretKey(Buffer.from('other'))), k.export({ format: 'jwk' }));
show('priv from junk', () => c.createPrivateKey('secret'));
show('pub from junk', () => c.createPublicKey('secret'));
show('KeyObject ctor', () => new c.KeyObject('secret'));
const priv = c.createPrivateKey(read('rsa.pem'));
console.log(priv.type, priv.asymmetricKeyType, priv.asymmetricKeyDetails);
const pub = c.createPublicKey(priv);
const pub2 = c.createPublicKey(read('rsa.pub').toString());
console.log(pub.type, pub.asymmetricKeyType, pub.equals(pub2), pub.export({ type: 'spki', format: 'pem' }) === read('rsa.pub').toString());
console.log(priv.export({ type: 'pkcs8', format: 'pem' }) === read('rsa.pem').toString(), pub.export({ type: 'pkcs1', format: 'pem' }).split('\n')[0]);
show('private from public pem', () => c.createPrivateKey(read('rsa.pub')));
const s = c.createSign('RSA-SHA256');
s.update('da');
s.update(Buffer.from('ta'));
const sig = s.sign(priv, 'base64');
console.log('rsa sig', sig === c.sign('sha256', Buffer.from('data'), read('rsa.pem')).toString('base64'), sig.slice(0, 24));
const v = c.createVerify('sha256');
v.update('data');
console.log(v.verify(pub, sig, 'base64'), c.verify('sha256', Buffer.from('data'), read('rsa.pub').toString(), Buffer.from(sig, 'base64')), c.verify('sha256', Buffer.from('datA'), pub, Buffer.from(sig, 'base64')));
const pss = c.sign('sha256', Buffer.from('x'), { key: priv, padding: c.constants.RSA_PKCS1_PSS_PADDING });
console.log('pss', pss.length, c.verify('sha256', Buffer.from('x'), { key: pub, padding: c.constants.RSA_PKCS1_PSS_PADDING }, pss), c.verify('sha256', Buffer.from('x'), pub, pss));
const ecp = c.createPrivateKey(read('ec.pem'));
console.log(ecp.asymmetricKeyType, ecp.asymmetricKeyDetails);
const esig = c.sign('sha256', Buffer.from('d'), ecp);
console.log('ecdsa', esig[0] === 0x30, c.verify('sha256', Buffer.from('d'), c.createPublicKey(ecp), esig));
const raw = c.sign('sha256', Buffer.from('d'), { key: ecp, dsaEncoding: 'ieee-p1363' });
console.log('p1363', raw.length, c.verify('sha256', Buffer.from('d'), { key: c.createPublicKey(ecp), dsaEncoding: 'ieee-p1363' }, raw));
const edp = c.createPrivateKey(read('ed.pem'));
const edsig = c.sign(null, Buffer.from('d'), edp);
console.log('ed25519', edp.asymmetricKeyType, edsig.toString('hex').slice(0, 32), c.verify(null, Buffer.from('d'), c.createPublicKey(edp), edsig));
show('sign with public', () => c.sign('sha256', Buffer.from('x'), pub));
show('sign with secret', () => c.sign('sha256', Buffer.from('x'), k));
