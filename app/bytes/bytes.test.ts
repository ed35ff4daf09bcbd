import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base64ToBytes, bytesToBase64, bytesToHex, hexToBytes } from './index';

describe('base64', () => {
  it('round-trips arbitrary bytes and agrees with Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = bytesToBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(base64ToBytes(text)).toEqual(bytes);
      }),
    );
  });
  it('rejects characters outside the alphabet', () => {
    expect(() => base64ToBytes('ab$d')).toThrow(/invalid character/);
    expect(() => base64ToBytes('abc')).toThrow(/multiple of 4/);
  });
  it('hex round-trips', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        expect(hexToBytes(bytesToHex(b))).toEqual(b);
      }),
    );
  });
});
