// SPDX-License-Identifier: UNLICENSED
// SubjectPublicKeyInfo (RFC 5280 §4.1.2.7, RFC 5480 §2). For secp256k1 it is the 88-byte structure QR tag 8
// carries (reference §6): 30 56 30 10 06 07 <ecPublicKey> 06 05 <secp256k1> 03 42 00 04 X Y.
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { p256 } from '@noble/curves/nist.js';
import type { DerNode } from '../asn1/derReader';
import { DerTag, childrenOf, expectUniversal, isUniversal, parseDer } from '../asn1/derReader';
import { derBitString, derSequence } from '../asn1/derWriter';
import { decodeOctetAlignedBitString } from '../asn1/derValues';
import { OID, decodeOid, derOid } from '../asn1/oid';
import { verifyDer } from '../crypto/ecdsa';

/** The EC curves we can do arithmetic on: secp256k1 (EGS keys) and P-256 (ZATCA's CA keys, see certificates). */
export type EcCurveName = 'secp256k1' | 'P-256';

export function curveFromOid(oid: string | undefined): EcCurveName | undefined {
  if (oid === OID.secp256k1) return 'secp256k1';
  if (oid === OID.prime256v1) return 'P-256';
  return undefined;
}

export function curveImpl(curve: EcCurveName): typeof secp256k1 {
  return curve === 'secp256k1' ? secp256k1 : p256;
}

/** DER SubjectPublicKeyInfo for a secp256k1 public key (65-byte uncompressed or 33-byte compressed point). */
export function encodeSpki(publicKey: Uint8Array): Uint8Array {
  const point = normalizePoint('secp256k1', publicKey, 'encodeSpki');
  return derSequence(derSequence(derOid(OID.ecPublicKey), derOid(OID.secp256k1)), derBitString(point));
}

export interface ParsedSpki {
  /** Key algorithm OID (1.2.840.10045.2.1 for EC). */
  algorithm: string;
  /** Named-curve OID for EC keys. */
  curveOid?: string;
  /** For secp256k1 / P-256: the 65-byte uncompressed point; otherwise the raw BIT STRING content. */
  publicKey: Uint8Array;
  der: Uint8Array;
}

/** Reads a SubjectPublicKeyInfo (DER bytes or an already parsed node). */
export function parseSpki(input: Uint8Array | DerNode, what = 'subjectPublicKeyInfo'): ParsedSpki {
  const node = input instanceof Uint8Array ? parseDer(input) : input;
  const [algId, keyBits] = childrenOf(expectUniversal(node, DerTag.SEQUENCE, what));
  const [algOid, params] = childrenOf(expectUniversal(algId, DerTag.SEQUENCE, `${what}.algorithm`));
  const algorithm = decodeOid(expectUniversal(algOid, DerTag.OID, `${what}.algorithm`));
  const key = decodeOctetAlignedBitString(keyBits, `${what}.subjectPublicKey`);
  const spki: ParsedSpki = { algorithm, publicKey: key.slice(), der: node.raw.slice() };
  if (algorithm === OID.ecPublicKey && isUniversal(params, DerTag.OID)) {
    spki.curveOid = decodeOid(params);
    const curve = curveFromOid(spki.curveOid);
    if (curve) spki.publicKey = normalizePoint(curve, key, `${what}.subjectPublicKey`);
  }
  return spki;
}

/** Validates that `bytes` is a point on `curve` and returns it uncompressed (65 bytes). */
export function normalizePoint(curve: EcCurveName, bytes: Uint8Array, what: string): Uint8Array {
  try {
    return curveImpl(curve).Point.fromBytes(bytes).toBytes(false);
  } catch {
    throw new Error(`${what}: not a valid ${curve} public key point`);
  }
}

/**
 * Verifies an ECDSA-with-SHA-256 DER signature over `message` (hashed here) on either supported curve:
 * secp256k1 through app/crypto/ecdsa.ts verifyDer, P-256 with the same options (high-S accepted: Java and
 * Windows CA signers do not normalise S).
 */
export function verifyEcdsaSha256(curve: EcCurveName, signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  if (curve === 'secp256k1') return verifyDer(signature, message, publicKey);
  try {
    return p256.verify(signature, message, publicKey, { prehash: true, format: 'der', lowS: false });
  } catch {
    return false;
  }
}

/** Which supported curve a raw point lies on (secp256k1 first), or undefined. */
export function curveOfPoint(bytes: Uint8Array): EcCurveName | undefined {
  for (const curve of ['secp256k1', 'P-256'] as const) {
    try {
      curveImpl(curve).Point.fromBytes(bytes);
      return curve;
    } catch {
      // not on this curve
    }
  }
  return undefined;
}
