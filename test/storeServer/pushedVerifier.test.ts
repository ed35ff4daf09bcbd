// SPDX-License-Identifier: UNLICENSED
// The store server's own ECDSA verifier (server/checks/pushedVerifier.ts: variable-time table lookups, x(R) compared
// in projective coordinates) must give app/crypto's verdict on every signature: genuine ones (low and high S),
// another message, a flipped bit of r or s, s or r out of range, garbage, and another key; and it refuses a key that
// is not a secp256k1 point as app/crypto does.
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSigningKey, createVerifier } from '../../app/crypto/signingKey';
import { createPushedVerifier } from '../../server/checks/pushedVerifier';
import { createTestEgs } from '../support/testCertificate';

const { Signature } = secp256k1;
const N = secp256k1.Point.Fn.ORDER;

describe('the store server’s signature verifier', () => {
  const key = createSigningKey(createTestEgs().privateKey);
  const other = createSigningKey(createTestEgs().privateKey);
  const reference = createVerifier(key.publicKey);
  const verifier = createPushedVerifier(key.publicKey);

  it('gives app/crypto’s verdict on genuine, altered and malformed signatures', () => {
    let genuine = 0;
    for (let i = 0; i < 100; i++) {
      const message = randomBytes(32);
      const der = key.sign(message);
      const { r, s } = Signature.fromBytes(der, 'der');
      const variants: [Uint8Array, Uint8Array][] = [
        [der, message],
        [new Signature(r, N - s).toBytes('der'), message], // high S, as the ZATCA SDK may write
        [der, Uint8Array.from(message, (b, j) => (j === 31 ? b ^ 1 : b))],
        [new Signature(r ^ 1n, s).toBytes('der'), message],
        [new Signature(r, s ^ 2n).toBytes('der'), message],
        [other.sign(message), message],
        [der.subarray(0, der.length - 1), message],
        [randomBytes(der.length), message],
      ];
      for (const [signature, signed] of variants) {
        const verdict = verifier(signature, signed);
        expect(verdict).toBe(reference(signature, signed));
        if (verdict) genuine += 1;
      }
    }
    expect(genuine).toBe(200); // the genuine signature and its high-S twin, each time
  });

  it('refuses r or s of zero or at the group order', () => {
    const message = randomBytes(32);
    const { r, s } = Signature.fromBytes(key.sign(message), 'der');
    // DER by hand: noble's Signature refuses to encode values out of range
    const der = (a: bigint, b: bigint) => {
      const int = (v: bigint) => {
        let hex = v.toString(16);
        if (hex.length % 2) hex = `0${hex}`;
        if (parseInt(hex.slice(0, 2), 16) >= 0x80) hex = `00${hex}`;
        const bytes = Buffer.from(hex, 'hex');
        return Buffer.concat([Buffer.from([0x02, bytes.length]), bytes]);
      };
      const body = Buffer.concat([int(a), int(b)]);
      return Buffer.concat([Buffer.from([0x30, body.length]), body]);
    };
    for (const [a, b] of [
      [0n, s],
      [r, 0n],
      [N, s],
      [r, N],
      [r + N, s],
    ] as const) {
      expect(verifier(der(a, b), message)).toBe(false);
      expect(reference(der(a, b), message)).toBe(false);
    }
  });

  it('refuses a key that is not a secp256k1 point', () => {
    const bad = Uint8Array.from(key.publicKey);
    bad[64] = bad[64]! ^ 1;
    expect(() => createPushedVerifier(bad)).toThrow(expect.objectContaining({ code: 'signing.public-key-invalid' }));
    expect(() => createVerifier(bad)).toThrow(expect.objectContaining({ code: 'signing.public-key-invalid' }));
  });
});
