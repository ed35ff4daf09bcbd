// SPDX-License-Identifier: UNLICENSED
// The product signer and verifier (noble, precomputed tables) against OpenSSL as an independent oracle, and the
// ZATCA SDK's own key and certificate.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { createSigningKey, createVerifier, generateScalar, SigningKeyError, verifySignature } from './signingKey';
import { sha256 } from './sha256';
import { parsePrivateKey } from '../keys/privateKey';
import { encodeSpki } from '../keys/spki';
import { opensslSigner, opensslVerifier } from '../../test/support/opensslOracle';

const SDK_KEY = path.resolve(import.meta.dirname, '../../test/vectors/sdk-238-R3.2.7/Data/Certificates/ec-secp256k1-priv-key.pem');

describe('createSigningKey', () => {
  it('signs SHA256withECDSA in DER that OpenSSL verifies, for random keys and messages', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 200 }), (message) => {
        const scalar = generateScalar();
        const key = createSigningKey(scalar);
        const signature = key.sign(message);
        expect(signature[0]).toBe(0x30);
        expect(opensslVerifier(encodeSpki(key.publicKey))(signature, message)).toBe(true);
        expect(opensslVerifier(encodeSpki(key.publicKey))(signature, sha256(message))).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  it('signs with the SDK key so that its public key is the SDK certificate key', () => {
    const scalar = parsePrivateKey(readFileSync(SDK_KEY, 'utf8'));
    const key = createSigningKey(scalar);
    expect(key.publicKey).toEqual(secp256k1.getPublicKey(scalar, false));
    const message = sha256('invoice');
    expect(createVerifier(key.publicKey)(key.sign(message), message)).toBe(true);
  });

  it('keeps its own copy of the scalar: the caller may zero theirs; destroy() zeroes it and stops signing', () => {
    const scalar = generateScalar();
    const key = createSigningKey(scalar);
    const expected = key.publicKey;
    scalar.fill(0);
    const message = sha256('after the caller zeroed its bytes');
    expect(createVerifier(expected)(key.sign(message), message)).toBe(true);
    key.destroy();
    expect(key.destroyed).toBe(true);
    expect(() => key.sign(message)).toThrow(SigningKeyError);
    expect(() => key.sign(message)).toThrow(expect.objectContaining({ code: 'signing.key-destroyed' }));
  });

  it('refuses scalars that are not a secp256k1 private key', () => {
    expect(() => createSigningKey(new Uint8Array(32))).toThrow(SigningKeyError);
    expect(() => createSigningKey(new Uint8Array(31).fill(1))).toThrow(expect.objectContaining({ code: 'signing.key-invalid' }));
    const n = secp256k1.Point.Fn.ORDER;
    const order = Uint8Array.from(Buffer.from(n.toString(16).padStart(64, '0'), 'hex'));
    expect(() => createSigningKey(order)).toThrow(SigningKeyError);
  });
});

describe('createVerifier', () => {
  it("accepts OpenSSL's signatures, high-S ones included, and nothing altered", () => {
    const scalar = generateScalar();
    const sign = opensslSigner(scalar);
    const verify = createVerifier(secp256k1.getPublicKey(scalar, false));
    let highS = 0;
    for (let i = 0; i < 40; i++) {
      const message = sha256(`document ${i}`);
      const signature = sign(message);
      const { s } = secp256k1.Signature.fromBytes(signature, 'der');
      if (s > secp256k1.Point.Fn.ORDER / 2n) highS++;
      expect(verify(signature, message)).toBe(true);
      const tampered = signature.slice();
      tampered[tampered.length - 1]! ^= 1;
      expect(verify(tampered, message)).toBe(false);
      expect(verify(signature, sha256(`document ${i + 1}`))).toBe(false);
    }
    expect(highS).toBeGreaterThan(0); // OpenSSL does not normalise S, so about half are high-S
  });

  it('accepts compressed and uncompressed points, refuses other keys; garbage signatures are false, not errors', () => {
    const key = createSigningKey(generateScalar());
    const message = sha256('x');
    const signature = key.sign(message);
    expect(createVerifier(secp256k1.Point.fromBytes(key.publicKey).toBytes(true))(signature, message)).toBe(true);
    expect(createVerifier(createSigningKey(generateScalar()).publicKey)(signature, message)).toBe(false);
    expect(createVerifier(key.publicKey)(new Uint8Array([0x30, 0x02, 0x01]), message)).toBe(false);
    expect(() => createVerifier(new Uint8Array(65).fill(4))).toThrow(SigningKeyError);
    expect(() => createVerifier(new Uint8Array(0))).toThrow(SigningKeyError);
    expect(() => createVerifier(new Uint8Array(0))).toThrow(expect.objectContaining({ code: 'signing.public-key-invalid' }));
  });
});

describe('hedged signatures', () => {
  it('signing the same message twice gives two different valid signatures', () => {
    const key = createSigningKey(generateScalar());
    const message = sha256('the same CSR body');
    const a = key.sign(message);
    const b = key.sign(message);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    const verify = createVerifier(key.publicKey);
    expect(verify(a, message) && verify(b, message)).toBe(true);
  });
});

describe('verifySignature (tables for keys seen again)', () => {
  it('gives the same answers on first sight, on later sights and after its cache evicted the key', () => {
    const keys = Array.from({ length: 40 }, () => createSigningKey(generateScalar()));
    const message = sha256('document');
    const signatures = keys.map((k) => k.sign(message));
    for (let round = 0; round < 3; round++) {
      keys.forEach((key, i) => {
        expect(verifySignature(signatures[i]!, message, key.publicKey)).toBe(true);
        expect(verifySignature(signatures[(i + 1) % keys.length]!, message, key.publicKey)).toBe(false);
      });
    }
  });

  it('is false, never an exception, for a key that is not a point', () => {
    const message = sha256('x');
    const signature = createSigningKey(generateScalar()).sign(message);
    const notAPoint = new Uint8Array(65).fill(4);
    for (let i = 0; i < 3; i++) expect(verifySignature(signature, message, notAPoint)).toBe(false);
  });
});
