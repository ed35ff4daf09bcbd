// SPDX-License-Identifier: UNLICENSED
// ECDSA on secp256k1 as ZATCA uses it (reference §2): the message is the 32 raw bytes of the invoice hash, fed to
// SHA256withECDSA, so the curve operation sees SHA-256(hash bytes). Signatures travel as DER SEQUENCE{r, s}.
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { verifySignature } from './signingKey';

/** A signer sees only the message bytes and returns a DER signature; the key stays with whoever holds it. */
export type MessageSigner = (message: Uint8Array) => Uint8Array | Promise<Uint8Array>;

export function signDer(message: Uint8Array, privateKey: Uint8Array): Uint8Array {
  return secp256k1.sign(message, privateKey, { prehash: true, format: 'der' });
}

/**
 * Verifies a DER signature. High-S signatures are accepted: the ZATCA SDK (Java) does not normalise S, so about half
 * of its signatures are high-S and still valid. Keys seen again get precomputed tables (signingKey.ts).
 */
export function verifyDer(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  return verifySignature(signature, message, publicKey);
}

export function publicKeyFromPrivate(privateKey: Uint8Array): Uint8Array {
  return secp256k1.getPublicKey(privateKey, false);
}

export function privateKeySigner(privateKey: Uint8Array): MessageSigner {
  return (message) => signDer(message, privateKey);
}

export function randomPrivateKey(): Uint8Array {
  return secp256k1.utils.randomSecretKey();
}
