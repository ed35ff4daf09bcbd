import { describe, expect, it } from 'vitest';
import { keyObjectFromScalar, nodeSigner } from './nodeSigner';
import { publicKeyFromPrivate, randomPrivateKey, verifyDer } from '../../app/crypto/ecdsa';
import { sha256 } from '../../app/crypto/sha256';

describe('nodeSigner', () => {
  it('signs what the pure verifier accepts, and only that', async () => {
    const scalar = randomPrivateKey();
    const sign = nodeSigner(keyObjectFromScalar(scalar));
    const hash = sha256('document');
    const sig = await sign(hash);
    expect(sig[0]).toBe(0x30);
    expect(verifyDer(sig, hash, publicKeyFromPrivate(scalar))).toBe(true);
    expect(verifyDer(sig, sha256('other'), publicKeyFromPrivate(scalar))).toBe(false);
  });
});
