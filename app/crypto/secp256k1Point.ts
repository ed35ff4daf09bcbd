// SPDX-License-Identifier: UNLICENSED
// secp256k1 points over a base field with cheaper reductions, for the signer's and verifier's point arithmetic
// (app/crypto/signingKey.ts). noble's generic field reduces every product, sum and difference with a BigInt
// division (`%`); for p = 2^256 − 2^32 − 977 a product folds with shifts and one small multiplication
// (2^256 ≡ 2^32 + 977 mod p), and a sum or difference of reduced elements needs at most one subtraction or
// addition of p. Same values as noble's field for every input (secp256k1Point.test.ts compares them on edge and
// random values); the points are noble's own Weierstrass points over this field, with the same curve constants
// and GLV endomorphism as noble's secp256k1 (secp256k1Point.test.ts checks both). Faster signing and verifying
// with the same results (BENCHMARKS.md, engine section).
//
// Timing: like noble's own `mod` (which branches on the sign of the remainder), the final correction branches on
// the value. JavaScript BigInt arithmetic is not constant-time in any case; the defence that matters for the
// nonce is noble's scalar blinding and fixed addition count, which this field does not touch.
import { secp256k1 } from '@noble/curves/secp256k1.js';
import type { IField } from '@noble/curves/abstract/modular.js';
import { weierstrass } from '@noble/curves/abstract/weierstrass.js';

const base = secp256k1.Point.Fp;
const P = base.ORDER;
const LOW_256 = (1n << 256n) - 1n;
/** 2^256 mod p. */
const FOLD = (1n << 256n) - P;

/** x mod p for 0 ≤ x < p²: two folds leave x < 2^256 + 2^67, so one subtraction finishes it. Others: generic. */
function reduceProduct(x: bigint): bigint {
  if (x < 0n) return base.create(x);
  x = (x & LOW_256) + (x >> 256n) * FOLD;
  x = (x & LOW_256) + (x >> 256n) * FOLD;
  if (x >= P) x -= P;
  return x >= P ? base.create(x) : x;
}

/** x mod p for −p < x < 2p (a sum or difference of reduced elements); anything else: generic. */
function reduceSum(x: bigint): bigint {
  if (x < 0n) {
    x += P;
    return x < 0n ? base.create(x) : x;
  }
  if (x < P) return x;
  x -= P;
  return x < P ? x : base.create(x);
}

/**
 * noble's secp256k1 field with add, sub, neg, mul and sqr replaced; everything else (inversion, square root,
 * encoding, validation) is noble's own, reached through the prototype.
 */
export const secp256k1Field: IField<bigint> = Object.freeze(
  // defined, not assigned: noble freezes its field prototype, and assignment cannot shadow a frozen property
  Object.create(base, {
    add: { value: (a: bigint, b: bigint) => reduceSum(a + b), enumerable: true },
    sub: { value: (a: bigint, b: bigint) => reduceSum(a - b), enumerable: true },
    neg: { value: (a: bigint) => reduceSum(-a), enumerable: true },
    mul: { value: (a: bigint, b: bigint) => reduceProduct(a * b), enumerable: true },
    sqr: { value: (a: bigint) => reduceProduct(a * a), enumerable: true },
  }) as IField<bigint>,
);

/** The GLV endomorphism data of secp256k1 (public curve constants, as in noble's secp256k1 module). */
const ENDO: { beta: bigint; basises: [[bigint, bigint], [bigint, bigint]] } = {
  beta: 0x7ae96a2b657c07106e64479eac3434e99cf0497512f58995c1396c28719501een,
  basises: [
    [0x3086d221a7d46bcde86c90e49284eb15n, -0xe4437ed6010e88286f547fa90abfe4c3n],
    [0x114ca50f7a8e2f3f657c1108d9d44cfd8n, 0x3086d221a7d46bcde86c90e49284eb15n],
  ],
};

/** secp256k1 points (noble's Weierstrass implementation) over secp256k1Field. */
export const Secp256k1Point = weierstrass(secp256k1.Point.CURVE(), { Fp: secp256k1Field, endo: ENDO });
