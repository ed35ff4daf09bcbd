// SPDX-License-Identifier: UNLICENSED
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { ecdsa } from '@noble/curves/abstract/weierstrass.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToNumberBE } from '@noble/curves/utils.js';
import { Secp256k1Point, secp256k1Field } from './secp256k1Point';

const noble = secp256k1.Point.Fp;
const P = noble.ORDER;
const random = () => bytesToNumberBE(randomBytes(32)) % P;
/** Values where a fold or the final correction is at its limit. */
const EDGES = [0n, 1n, 2n, P - 1n, P - 2n, (1n << 255n) - 1n, 1n << 255n, (1n << 128n) - 1n, (1n << 224n) + 977n, P >> 1n];

describe('secp256k1Field', () => {
  it('gives noble’s results for add, sub, neg, mul and sqr on edge values', () => {
    for (const a of EDGES) {
      expect(secp256k1Field.neg(a)).toBe(noble.neg(a));
      expect(secp256k1Field.sqr(a)).toBe(noble.sqr(a));
      for (const b of EDGES) {
        expect(secp256k1Field.add(a, b)).toBe(noble.add(a, b));
        expect(secp256k1Field.sub(a, b)).toBe(noble.sub(a, b));
        expect(secp256k1Field.mul(a, b)).toBe(noble.mul(a, b));
      }
    }
  });

  it('gives noble’s results on 20,000 random pairs', () => {
    for (let i = 0; i < 20_000; i++) {
      const a = random();
      const b = random();
      expect(secp256k1Field.mul(a, b)).toBe(noble.mul(a, b));
      expect(secp256k1Field.add(a, b)).toBe(noble.add(a, b));
      expect(secp256k1Field.sub(a, b)).toBe(noble.sub(a, b));
    }
  });

  it('reduces unreduced and negative inputs as noble does (the generic path)', () => {
    for (const [a, b] of [
      [-5n, 7n],
      [P + 3n, P + 9n],
      [-(P * 3n), 2n],
      [P * P, 1n],
    ] as const) {
      expect(secp256k1Field.mul(a, b)).toBe(noble.mul(a, b));
      expect(secp256k1Field.add(a, b)).toBe(noble.add(a, b));
      expect(secp256k1Field.sub(a, b)).toBe(noble.sub(a, b));
      expect(secp256k1Field.neg(a)).toBe(noble.neg(a));
    }
  });

  it('keeps noble’s inversion and square root', () => {
    const a = random() || 1n;
    expect(secp256k1Field.mul(secp256k1Field.inv(a), a)).toBe(1n);
    const y = secp256k1Field.sqr(a);
    expect(secp256k1Field.sqr(secp256k1Field.sqrt(y))).toBe(y);
  });
});

describe('Secp256k1Point', () => {
  it('has noble’s curve: the same public keys and products, safe and unsafe', () => {
    for (let i = 0; i < 20; i++) {
      const k = bytesToNumberBE(secp256k1.utils.randomSecretKey());
      expect(Secp256k1Point.BASE.multiply(k).toBytes(false)).toEqual(secp256k1.Point.BASE.multiply(k).toBytes(false));
      const q = secp256k1.Point.BASE.multiply(bytesToNumberBE(secp256k1.utils.randomSecretKey()));
      const fastQ = Secp256k1Point.fromBytes(q.toBytes(false));
      // multiplyUnsafe goes through the GLV endomorphism split: its constants must be secp256k1's
      expect(fastQ.multiplyUnsafe(k).toBytes(true)).toEqual(q.multiplyUnsafe(k).toBytes(true));
    }
  });

  it('signs byte for byte as noble’s secp256k1 (RFC 6979, no added entropy)', () => {
    const fast = ecdsa(Secp256k1Point, sha256);
    for (let i = 0; i < 50; i++) {
      const key = secp256k1.utils.randomSecretKey();
      const message = randomBytes(40);
      const signature = fast.sign(message, key, { format: 'der' });
      expect(signature).toEqual(secp256k1.sign(message, key, { format: 'der' }));
      expect(secp256k1.verify(signature, message, secp256k1.getPublicKey(key), { format: 'der' })).toBe(true);
    }
  });
});
