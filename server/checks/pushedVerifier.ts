// SPDX-License-Identifier: UNLICENSED
// The store server's ECDSA verification (reference §2: SHA256withECDSA on secp256k1 over the 32 raw invoice-hash
// bytes), the same verdicts as app/crypto/signingKey.ts createVerifier, for the checking threads
// (docs/store-server.md, "Push"), where it was 70 % of each document's check (BENCHMARKS.md, store server).
//
// Public data only (the certificate's key, the signature, the hash), so it needs no constant time, which noble's
// multiplication by a precomputed point keeps anyway: a scan of every table entry per window and an addition for
// every zero digit. Here each window's signed digit picks its table entry directly and a zero digit adds nothing;
// and x(R) is compared with r in projective coordinates (X = r·Z), which saves the inversion of Z. Tables per point
// as the signing path's: 10-bit windows for G (built once per thread), 6-bit windows for each certificate's key.
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { normalizeZ } from '@noble/curves/abstract/curve.js';
import { bytesToNumberBE } from '@noble/curves/utils.js';
import { sha256 } from '../../app/crypto/sha256';
import { Secp256k1Point } from '../../app/crypto/secp256k1Point';
import { SigningKeyError, type SignatureVerifier } from '../../app/crypto/signingKey';

type Point = InstanceType<typeof Secp256k1Point>;
const { Fn, Fp } = Secp256k1Point;
const { Signature } = secp256k1;

/** Window widths: as app/crypto/signingKey.ts BASE_POINT_WINDOW and its public-key window. */
const G_WINDOW = 10;
const KEY_WINDOW = 6;

interface Table {
  readonly W: number;
  readonly windows: number;
  /** Window w's entries i·2^(wW)·P for i = 1 … 2^(W−1), normalized to Z = 1. */
  readonly points: readonly Point[];
}

function buildTable(p: Point, W: number): Table {
  const half = 2 ** (W - 1);
  // one window more than the scalar's bits: a signed digit's carry out of the top window lands there
  const windows = Math.ceil(Fn.BITS / W) + 1;
  const points: Point[] = [];
  let base = p;
  for (let w = 0; w < windows; w++) {
    let acc = base;
    for (let i = 0; i < half; i++) {
      points.push(acc);
      acc = acc.add(base);
    }
    base = points[points.length - 1]!.double(); // 2·(2^(W−1)·base): the next window's base
  }
  return { W, windows, points: normalizeZ(Secp256k1Point, points) };
}

/** k·P for 0 ≤ k < n from P's table, in variable time (k is public). */
function multiply(t: Table, k: bigint): Point {
  const half = 2 ** (t.W - 1);
  const full = 2 ** t.W;
  const mask = BigInt(full - 1);
  const shift = BigInt(t.W);
  let acc = Secp256k1Point.ZERO;
  let carry = 0;
  for (let w = 0; w < t.windows && (k > 0n || carry > 0); w++) {
    let digit = Number(k & mask) + carry;
    k >>= shift;
    carry = 0;
    if (digit > half) {
      digit -= full;
      carry = 1;
    }
    if (digit === 0) continue;
    const entry = t.points[w * half + Math.abs(digit) - 1]!;
    acc = acc.add(digit < 0 ? entry.negate() : entry);
  }
  return acc;
}

let gTable: Table | undefined;

/** Builds G's table now (about 220 ms and 3 MB once per thread), so the first push does not wait for it. */
export function precomputeVerifierTables(): void {
  gTable ??= buildTable(Secp256k1Point.BASE, G_WINDOW);
}

/**
 * A verifier for one public key (uncompressed, compressed or SPKI point bytes): true when `signature` (DER) is an
 * ECDSA signature of SHA-256(`message`) by that key, high S accepted (the ZATCA SDK does not normalise S). Never
 * throws for a bad signature; throws SigningKeyError when the key is not a secp256k1 point.
 */
export function createPushedVerifier(publicKey: Uint8Array): SignatureVerifier {
  let q: Point;
  try {
    q = Secp256k1Point.fromBytes(publicKey);
    q.assertValidity();
  } catch (e) {
    throw new SigningKeyError('signing.public-key-invalid', e);
  }
  if (q.is0()) throw new SigningKeyError('signing.public-key-invalid');
  const qTable = buildTable(q, KEY_WINDOW);
  precomputeVerifierTables();
  return (signature, message) => {
    try {
      // SEC 1 §4.1.4: r and s in [1, n−1] (Signature checks), u1 = e/s, u2 = r/s, R = u1·G + u2·Q
      const { r, s } = Signature.fromBytes(signature, 'der');
      const e = Fn.create(bytesToNumberBE(sha256(message)));
      const w = Fn.inv(s);
      const R = multiply(gTable!, Fn.mul(e, w)).add(multiply(qTable, Fn.mul(r, w)));
      if (R.is0()) return false;
      // x(R) mod n = r, with x(R) = X/Z < p < 2n: x = r, or x = r + n when that is still below p
      if (Fp.eql(R.X, Fp.mul(r, R.Z))) return true;
      return r + Fn.ORDER < Fp.ORDER && Fp.eql(R.X, Fp.mul(r + Fn.ORDER, R.Z));
    } catch {
      return false;
    }
  };
}
