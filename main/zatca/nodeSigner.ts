// SPDX-License-Identifier: UNLICENSED
// The main process signs with OpenSSL through node:crypto: the same ECDSA (SHA256withECDSA over the 32 hash bytes,
// DER output, reference §2) as the pure noble signer in app/crypto, about ten times faster at the counter. The key
// object lives only in main's memory; callers get a MessageSigner and never see key bytes.
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { MessageSigner } from '../../app/crypto/ecdsa';
import { encodeSec1PrivateKey } from '../../app/keys/privateKey';

export function keyObjectFromScalar(scalar: Uint8Array): KeyObject {
  return createPrivateKey({ key: Buffer.from(encodeSec1PrivateKey(scalar)), format: 'der', type: 'sec1' });
}

export function nodeSigner(key: KeyObject): MessageSigner {
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'secp256k1') {
    throw new Error('signing key must be an EC secp256k1 key');
  }
  return (message) => new Uint8Array(sign('sha256', message, { key, dsaEncoding: 'der' }));
}

/** Verifies a DER signature over `message` (SHA256withECDSA) with a DER SubjectPublicKeyInfo, through OpenSSL. */
export function nodeVerifier(spki: Uint8Array): (signature: Uint8Array, message: Uint8Array) => boolean {
  const key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  return (signature, message) => verify('sha256', message, { key, dsaEncoding: 'der' }, signature);
}
