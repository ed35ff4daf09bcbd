// SPDX-License-Identifier: UNLICENSED
// OpenSSL's secp256k1 through node:crypto, as an independent oracle for tests only: the product signs and verifies
// with @noble/curves (app/crypto/signingKey.ts) because Electron's node:crypto (BoringSSL) has no secp256k1.
// Tests run under test/support/boringsslProfile.mjs, which makes node:crypto refuse secp256k1 as Electron does;
// this module hands out the functions the profile kept untouched, or node:crypto's own when the profile is absent.
import * as nodeCrypto from 'node:crypto';
import { encodeSec1PrivateKey } from '../../app/keys/privateKey';

export interface OpenSslOracle {
  readonly createPrivateKey: typeof nodeCrypto.createPrivateKey;
  readonly createPublicKey: typeof nodeCrypto.createPublicKey;
  readonly generateKeyPairSync: typeof nodeCrypto.generateKeyPairSync;
  readonly sign: typeof nodeCrypto.sign;
  readonly verify: typeof nodeCrypto.verify;
  readonly createSign: typeof nodeCrypto.createSign;
  readonly createVerify: typeof nodeCrypto.createVerify;
  readonly getCurves: typeof nodeCrypto.getCurves;
  readonly getCiphers: typeof nodeCrypto.getCiphers;
  readonly X509Certificate: typeof nodeCrypto.X509Certificate;
}

const kept = (globalThis as Record<symbol, unknown>)[Symbol.for('dukkan.test.opensslOracle')] as OpenSslOracle | undefined;

export const openssl: OpenSslOracle = kept ?? nodeCrypto;

/** True when this process runs under the BoringSSL profile. */
export const boringsslProfileActive = (): boolean => (globalThis as Record<symbol, unknown>)[Symbol.for('dukkan.test.boringsslProfile')] === true;

/** SHA256withECDSA through OpenSSL with a raw secp256k1 scalar: the oracle's signer (and the benchmark's baseline). */
export function opensslSigner(scalar: Uint8Array): (message: Uint8Array) => Uint8Array {
  const key = openssl.createPrivateKey({ key: Buffer.from(encodeSec1PrivateKey(scalar)), format: 'der', type: 'sec1' });
  return (message) => new Uint8Array(openssl.sign('sha256', message, { key, dsaEncoding: 'der' }));
}

/** Verifies a DER signature through OpenSSL with a DER SubjectPublicKeyInfo. */
export function opensslVerifier(spki: Uint8Array): (signature: Uint8Array, message: Uint8Array) => boolean {
  const key = openssl.createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  return (signature, message) => openssl.verify('sha256', message, { key, dsaEncoding: 'der' }, signature);
}
