// SPDX-License-Identifier: UNLICENSED
// The EGS private key in every form it reaches us (reference §8, §13): PEM "EC PRIVATE KEY" (SEC1, RFC 5915),
// PEM "PRIVATE KEY" (PKCS#8, RFC 5208/5958), the SDK's headerless base64 of SEC1, and raw DER. Only secp256k1
// (1.3.132.0.10) is accepted, as ZATCA issues certificates for that curve only (reference §2).
// No error message here ever contains key bytes: they say which structure or rule failed, nothing more.
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { equalBytes } from '../bytes/hex';
import type { DerNode } from '../asn1/derReader';
import { DerTag, childrenOf, expectUniversal, isContext, isUniversal, parseDer } from '../asn1/derReader';
import { derBitString, derContext, derInteger, derOctetString, derSequence } from '../asn1/derWriter';
import { decodeInteger, decodeOctetAlignedBitString, decodeOctetString } from '../asn1/derValues';
import { OID, decodeOid, derOid } from '../asn1/oid';
import { derFromInput, encodePem } from '../asn1/pem';
import { publicKeyFromPrivate } from '../crypto/ecdsa';

export { encodeSpki } from './spki';

const CURVE_NAMES: Record<string, string> = {
  [OID.prime256v1]: 'prime256v1/P-256',
  [OID.secp384r1]: 'secp384r1/P-384',
  [OID.secp256k1]: 'secp256k1',
};

/** Returns the 32-byte secp256k1 scalar from PEM (SEC1 or PKCS#8), headerless base64, or DER. */
export function parsePrivateKey(input: string | Uint8Array): Uint8Array {
  let der: Uint8Array;
  let root: DerNode;
  try {
    der = derFromInput(input, { labels: ['EC PRIVATE KEY', 'PRIVATE KEY'], what: 'private key' });
    root = parseDer(der);
  } catch (e) {
    if (typeof input === 'string' && input.includes('ENCRYPTED PRIVATE KEY')) {
      throw new Error('private key: encrypted PKCS#8 keys are not supported; export it unencrypted');
    }
    throw new Error(`private key: not a readable key (${safeReason(e)})`);
  }
  const [version, second] = childrenOf(expectUniversal(root, DerTag.SEQUENCE, 'private key'));
  if (isUniversal(version, DerTag.INTEGER) && isUniversal(second, DerTag.SEQUENCE)) return fromPkcs8(root);
  if (isUniversal(version, DerTag.INTEGER) && isUniversal(second, DerTag.OCTET_STRING)) return fromSec1(root, undefined);
  throw new Error('private key: neither a SEC1 ECPrivateKey nor a PKCS#8 PrivateKeyInfo');
}

function safeReason(e: unknown): string {
  // our DER/PEM/base64 errors carry only offsets and structure names, so they are safe to pass on
  return e instanceof Error ? e.message : 'unknown error';
}

/** PKCS#8 PrivateKeyInfo / OneAsymmetricKey: { version 0|1, AlgorithmIdentifier, OCTET STRING ECPrivateKey, ... } */
function fromPkcs8(root: DerNode): Uint8Array {
  const [version, algId, keyOctets] = childrenOf(root);
  const v = decodeInteger(version, 'private key: PKCS#8 version');
  if (v !== 0n && v !== 1n) throw new Error(`private key: unsupported PKCS#8 version ${v}`);
  const [algOid, params] = childrenOf(expectUniversal(algId, DerTag.SEQUENCE, 'private key: PKCS#8 algorithm'));
  const algorithm = decodeOid(expectUniversal(algOid, DerTag.OID, 'private key: PKCS#8 algorithm'));
  if (algorithm !== OID.ecPublicKey) {
    const hint = algorithm === OID.rsaEncryption ? ' (RSA)' : '';
    throw new Error(`private key: algorithm ${algorithm}${hint} is not an EC key; ZATCA requires secp256k1 (${OID.secp256k1})`);
  }
  if (!isUniversal(params, DerTag.OID)) throw new Error('private key: PKCS#8 EC parameters must be a named curve OID');
  const curve = decodeOid(params);
  checkCurve(curve);
  const inner = decodeOctetString(keyOctets, 'private key: PKCS#8 privateKey');
  let sec1: DerNode;
  try {
    sec1 = parseDer(inner);
  } catch (e) {
    throw new Error(`private key: PKCS#8 privateKey does not hold an ECPrivateKey (${safeReason(e)})`);
  }
  return fromSec1(expectUniversal(sec1, DerTag.SEQUENCE, 'private key: ECPrivateKey'), curve);
}

/** SEC1 ECPrivateKey (RFC 5915 §3): { version 1, privateKey OCTET STRING, [0] curve OID, [1] BIT STRING publicKey } */
function fromSec1(node: DerNode, outerCurve: string | undefined): Uint8Array {
  const [version, keyOctets, ...optional] = childrenOf(node);
  if (decodeInteger(version, 'private key: ECPrivateKey version') !== 1n) throw new Error('private key: ECPrivateKey version must be 1');
  const raw = decodeOctetString(keyOctets, 'private key: ECPrivateKey privateKey');
  let curve = outerCurve;
  let publicKey: Uint8Array | undefined;
  for (const field of optional) {
    if (isContext(field, 0)) {
      const oidNode = childrenOf(field)[0];
      if (!isUniversal(oidNode, DerTag.OID)) throw new Error('private key: ECPrivateKey parameters must be a named curve OID');
      const inner = decodeOid(oidNode);
      if (curve !== undefined && inner !== curve) throw new Error('private key: curve in ECPrivateKey differs from the PKCS#8 algorithm curve');
      curve = inner;
    } else if (isContext(field, 1)) {
      publicKey = decodeOctetAlignedBitString(childrenOf(field)[0], 'private key: ECPrivateKey publicKey');
    }
  }
  if (curve === undefined) throw new Error(`private key: the curve is not stated; expected secp256k1 (${OID.secp256k1})`);
  checkCurve(curve);
  if (raw.length > 32) throw new Error('private key: scalar is longer than 32 bytes');
  const scalar = new Uint8Array(32);
  scalar.set(raw, 32 - raw.length); // some encoders drop leading zero bytes
  if (!secp256k1.utils.isValidSecretKey(scalar)) throw new Error('private key: scalar is outside 1..n-1 for secp256k1');
  if (publicKey) {
    let matches = false;
    try {
      matches = equalBytes(secp256k1.Point.fromBytes(publicKey).toBytes(false), publicKeyFromPrivate(scalar));
    } catch {
      matches = false;
    }
    if (!matches) throw new Error('private key: the embedded public key does not belong to the private key');
  }
  return scalar;
}

function checkCurve(curve: string): void {
  if (curve !== OID.secp256k1) {
    const name = CURVE_NAMES[curve] ? ` (${CURVE_NAMES[curve]})` : '';
    throw new Error(`private key: curve ${curve}${name} is not supported; ZATCA requires secp256k1 (${OID.secp256k1})`);
  }
}

/** SEC1 ECPrivateKey DER with the curve OID and public key, as `openssl ec` writes it. */
export function encodeSec1PrivateKey(scalar: Uint8Array): Uint8Array {
  if (scalar.length !== 32 || !secp256k1.utils.isValidSecretKey(scalar)) throw new Error('encodeSec1PrivateKey: expected a valid 32-byte secp256k1 scalar');
  return derSequence(derInteger(1n), derOctetString(scalar), derContext(0, derOid(OID.secp256k1)), derContext(1, derBitString(publicKeyFromPrivate(scalar))));
}

/** PEM "EC PRIVATE KEY" text (64-column lines, LF). */
export function encodeSec1PrivateKeyPem(scalar: Uint8Array): string {
  return encodePem('EC PRIVATE KEY', encodeSec1PrivateKey(scalar));
}
