// SPDX-License-Identifier: UNLICENSED
// The product signing path: ECDSA on secp256k1 in JavaScript (@noble/curves), for every process that signs or
// verifies — main, the CLI, the embedded simulator. Electron builds node:crypto on BoringSSL, which has only the
// NIST curves: secp256k1 key generation, import, signing and verifying all throw there (ERR_OSSL_UNKNOWN_GROUP),
// so OpenSSL through node:crypto can serve only as a test oracle (test/support/boringsslProfile.mjs proves it).
//
// Speed: a signature is one fixed-base multiplication k·G, done in constant time over a blinded scalar
// (k + r·n, 384 bits: noble's defence against timing leaks of the nonce, kept on purpose). Precomputed tables for G
// with 10-bit windows (~220 ms and ~3 MB once per process, built when the till is usable) make it ~20 % faster than
// noble's default 6-bit tables; wider windows measured no faster. Verification is u1·G + u2·Q; the device always
// verifies against the same certificate key Q, so Q gets tables too and a verify costs about a third of noble's
// generic verify (BENCHMARKS.md, engine section).
//
// Key material: the scalar is parsed once per unlock into a SigningKey, which keeps its own copy and zeroes it on
// destroy(). noble converts the bytes into a bigint inside each sign call; bigints are immutable and cannot be
// zeroed, so a scalar's value may stay in the JavaScript heap until the collector reuses that memory. That is
// the honest limit of a JavaScript signer; the keychain, not process memory, is the key's home.
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { ecdsa } from '@noble/curves/abstract/weierstrass.js';
import { bytesToNumberBE } from '@noble/curves/utils.js';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { sha256 } from './sha256';
import { Secp256k1Point } from './secp256k1Point';
import { DukkanError, type ErrorCode } from '../errors';

// noble's points over a field with cheaper reductions (secp256k1Point.ts): the same signatures and verdicts
const Point = Secp256k1Point;
const { Signature } = secp256k1;
const Fn = Point.Fn;

/**
 * Randomness for signing (the hedge and noble's nonce-inversion blinding) from a pool filled by one
 * crypto.getRandomValues call per 4 KB: each call costs ~6 µs, two per signature otherwise. Bytes handed out are
 * zeroed in the pool.
 */
const pool = new Uint8Array(4096);
let poolAt = pool.length;
function pooledRandomBytes(length = 32): Uint8Array {
  if (length > pool.length) return crypto.getRandomValues(new Uint8Array(length));
  if (poolAt + length > pool.length) {
    crypto.getRandomValues(pool);
    poolAt = 0;
  }
  const out = pool.slice(poolAt, poolAt + length);
  pool.fill(0, poolAt, poolAt + length);
  poolAt += length;
  return out;
}

/** secp256k1 ECDSA exactly as noble's own instance (SHA-256, low-S by default), with the pooled randomness. */
const k1 = ecdsa(Point, nobleSha256, { randomBytes: pooledRandomBytes });

/** Window size of the fixed-base tables: 10 bits measured fastest (8: +12 % per signature; 12: no faster). */
export const BASE_POINT_WINDOW = 10;

let basePrecomputed = false;

/**
 * Builds the tables for the base point now (about 220 ms). Idempotent. The till calls it once it is usable (the
 * first sale must not wait for it); one-shot command-line runs do not, as noble's small default tables cost less
 * than building these for a handful of signatures.
 */
export function precomputeSigningTables(): void {
  if (basePrecomputed) return;
  Point.BASE.precompute(BASE_POINT_WINDOW, false);
  basePrecomputed = true;
}

export interface SigningKey {
  /** SHA256withECDSA over `message` (the curve sees SHA-256 of it), DER output (reference §2). */
  readonly sign: (message: Uint8Array) => Uint8Array;
  /** The 65-byte uncompressed public point. */
  readonly publicKey: Uint8Array;
  /** Zeroes this key's copy of the scalar; any later sign() throws. */
  destroy(): void;
  readonly destroyed: boolean;
}

/** A key that is not a usable secp256k1 key, or a key used after it was released. */
export class SigningKeyError extends DukkanError {
  override readonly name = 'SigningKeyError';
  constructor(code: Extract<ErrorCode, `signing.${string}`>, cause?: unknown) {
    super(code, {}, { cause });
  }
}

/** A signing key from a 32-byte scalar. The caller's bytes are copied, so the caller may zero its own at once. */
export function createSigningKey(scalar: Uint8Array): SigningKey {
  if (scalar.length !== 32 || !secp256k1.utils.isValidSecretKey(scalar)) {
    throw new SigningKeyError('signing.key-invalid');
  }
  const own = scalar.slice();
  const publicKey = secp256k1.getPublicKey(own, false);
  let destroyed = false;
  const sign = (message: Uint8Array): Uint8Array => {
    if (destroyed) throw new SigningKeyError('signing.key-destroyed');
    // hedged: RFC 6979 with fresh randomness added (§3.6), as OpenSSL's random nonces were. A fault or a repeated
    // message never leads to a reused or predictable k, and a CSR rebuilt after a failed onboarding attempt differs
    // from the one Fatoora may already have seen.
    return k1.sign(message, own, { prehash: true, format: 'der', extraEntropy: true });
  };
  return {
    sign,
    publicKey,
    destroy() {
      own.fill(0);
      destroyed = true;
    },
    get destroyed() {
      return destroyed;
    },
  };
}

/** A new random secp256k1 scalar (crypto.getRandomValues, which Electron and Node both provide). */
export function generateScalar(): Uint8Array {
  return secp256k1.utils.randomSecretKey();
}

export type SignatureVerifier = (signature: Uint8Array, message: Uint8Array) => boolean;

/** Window for a public key's tables: smaller than G's, because each certificate pays for its own (~20 ms). */
const PUBLIC_KEY_WINDOW = 6;

/**
 * A verifier for one public key (uncompressed, compressed or SPKI point bytes), with precomputed tables for that
 * key. Accepts high-S signatures: the ZATCA SDK (Java) does not normalise S. Never throws for a bad signature.
 * Throws SigningKeyError when the key itself is not a secp256k1 point.
 */
export function createVerifier(publicKey: Uint8Array): SignatureVerifier {
  let q: InstanceType<typeof Point>;
  try {
    q = Point.fromBytes(publicKey);
    q.assertValidity();
  } catch (e) {
    throw new SigningKeyError('signing.public-key-invalid', e);
  }
  // the point at infinity passes the curve check but is no public key
  if (q.is0()) throw new SigningKeyError('signing.public-key-invalid');
  q.precompute(PUBLIC_KEY_WINDOW, true);
  return (signature, message) => {
    try {
      // SEC 1 §4.1.4, with the message hashed here (SHA256withECDSA)
      const { r, s } = Signature.fromBytes(signature, 'der');
      const e = Fn.create(bytesToNumberBE(sha256(message)));
      const w = Fn.inv(s);
      const point = Point.BASE.multiplyUnsafe(Fn.create(e * w)).add(q.multiplyUnsafe(Fn.create(r * w)));
      if (point.is0()) return false;
      return Fn.create(point.toAffine().x) === r;
    } catch {
      return false;
    }
  };
}

/** Keys seen recently, by hex: a count until the second sighting, then their verifier. Bounded, oldest dropped. */
const recentKeys = new Map<string, SignatureVerifier | 1>();
const RECENT_KEYS = 32;

/**
 * Verifies a DER signature (SHA256withECDSA, high-S accepted). A key seen for the second time gets its own tables
 * (createVerifier), because a verifier sees the same few certificates again and again — the simulator and the
 * reporting checks verify every document of a device with its one CSID — while a key seen once (one file handed
 * to `dukkan verify`) is not worth ~20 ms of tables. Returns false, never throws, for anything invalid.
 */
export function verifySignature(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  let id = '';
  for (const b of publicKey) id += (b < 16 ? '0' : '') + b.toString(16);
  const seen = recentKeys.get(id);
  if (typeof seen === 'function') {
    recentKeys.delete(id);
    recentKeys.set(id, seen); // most recent last
    return seen(signature, message);
  }
  if (recentKeys.size >= RECENT_KEYS) recentKeys.delete(recentKeys.keys().next().value!);
  if (seen === undefined) {
    recentKeys.set(id, 1);
    try {
      return secp256k1.verify(signature, message, publicKey, { prehash: true, format: 'der', lowS: false });
    } catch {
      return false;
    }
  }
  let verifier: SignatureVerifier;
  try {
    verifier = createVerifier(publicKey);
  } catch {
    recentKeys.delete(id);
    return false;
  }
  recentKeys.set(id, verifier);
  return verifier(signature, message);
}
