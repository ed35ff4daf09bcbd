import { describe, expect, it } from 'vitest';
import { openssl } from '../../test/support/opensslOracle';
import { publicKeyFromPrivate, randomPrivateKey, signDer, verifyDer } from './ecdsa';
import { sha256 } from './sha256';
// OpenSSL as an independent oracle (node:crypto's secp256k1 is refused under the BoringSSL profile)
const { createPublicKey, verify: nodeVerify } = openssl;

function spkiPem(pub: Uint8Array): string {
  // SubjectPublicKeyInfo prefix for id-ecPublicKey + secp256k1, then the 65-byte point
  const prefix = Buffer.from('3056301006072a8648ce3d020106052b8104000a034200', 'hex');
  return `-----BEGIN PUBLIC KEY-----\n${Buffer.concat([prefix, Buffer.from(pub)]).toString('base64')}\n-----END PUBLIC KEY-----\n`;
}

describe('ECDSA secp256k1 over the raw hash bytes (reference §2)', () => {
  it('produces DER signatures that node:crypto verifies as SHA256withECDSA over the message', () => {
    const key = randomPrivateKey();
    const hash = sha256('invoice');
    const sig = signDer(hash, key);
    expect(sig[0]).toBe(0x30);
    const pub = createPublicKey(spkiPem(publicKeyFromPrivate(key)));
    expect(nodeVerify('sha256', hash, { key: pub, dsaEncoding: 'der' }, sig)).toBe(true);
    expect(verifyDer(sig, hash, publicKeyFromPrivate(key))).toBe(true);
    const other = sha256('other');
    expect(verifyDer(sig, other, publicKeyFromPrivate(key))).toBe(false);
  });
});
