import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeQr, encodeQr, QrEncodingError, type QrFields } from './tlv';
import { DukkanError } from '../errors';
import { thrownBy } from '../../test/support/thrownBy';
import { VECTORS_DIR } from '../../test/vectors';

const qrOf = (text: string) => /<cbc:ID>QR<\/cbc:ID>\s*<cac:Attachment>\s*<cbc:EmbeddedDocumentBinaryObject[^>]*>([^<]+)</.exec(text)![1]!;

describe('QR TLV (reference §6)', () => {
  it('decodes the SDK R3.4.6 simplified invoice QR and re-encodes it byte for byte', () => {
    const text = readFileSync(path.join(VECTORS_DIR, 'sdk-238-R3.4.6-from-phive/Samples/Simplified/Invoice/Simplified_Invoice.xml'), 'utf8');
    const qr = qrOf(text);
    const { fields, tags } = decodeQr(qr);
    expect(qr.length).toBe(632);
    expect(fields.vatNumber).toBe('399999999900003');
    expect(fields.timestamp).toBe('2022-08-17T17:41:08');
    expect(fields.totalWithVat).toBe('231.15');
    expect(fields.vatTotal).toBe('30.15');
    expect(fields.invoiceHash).toBe('z5F9qsS6oWyDhehD8u8S0DaxV+2CUiUz9Y+UsR61JgQ=');
    expect(tags.get(1)!.length).toBe(111); // Arabic + English: length in bytes, not characters
    expect(Buffer.from(fields.publicKey!).toString('hex').startsWith('3056301006072a8648ce3d020106052b8104000a03420004')).toBe(true);
    expect(fields.certificateSignature!.length).toBe(71);
    expect(encodeQr(fields as QrFields)).toBe(qr);
  });

  it('round-trips arbitrary field values and counts Arabic in bytes', () => {
    const field = fc.string({ minLength: 1, maxLength: 60, unit: fc.constantFrom('a', 'ب', '1', ' ', '|', 'é') });
    fc.assert(
      fc.property(field, field, fc.uint8Array({ minLength: 1, maxLength: 100 }), (name, amount, key) => {
        const fields: QrFields = {
          sellerName: name,
          vatNumber: '399999999900003',
          timestamp: '2026-11-23T10:00:00',
          totalWithVat: amount,
          vatTotal: '1.00',
          invoiceHash: 'h',
          signature: 's',
          publicKey: key,
        };
        const back = decodeQr(encodeQr(fields)).fields;
        expect(back.sellerName).toBe(name);
        expect(back.totalWithVat).toBe(amount);
        expect(back.publicKey).toEqual(key);
        expect(back.certificateSignature).toBeUndefined();
      }),
    );
  });

  it('refuses values over 255 bytes and reports truncated payloads', () => {
    const base = {
      vatNumber: '399999999900003',
      timestamp: 't',
      totalWithVat: '1',
      vatTotal: '1',
      invoiceHash: 'h',
      signature: 's',
      publicKey: Uint8Array.of(1),
    };
    expect(() => encodeQr({ ...base, sellerName: 'ب'.repeat(128) })).toThrow(/tag 1 is 256 bytes/);
    expect(() => decodeQr(Buffer.from([1, 5, 65]).toString('base64'))).toThrow(/claims 5 bytes/);
    expect(() => decodeQr('%%%%')).toThrow(/not base64/);
  });

  it('refuses with a catalog code and its parameters, in English and Arabic', () => {
    const refusal = (run: () => unknown) => thrownBy(QrEncodingError, run);
    const overrun = refusal(() => decodeQr(Buffer.from([1, 5, 65]).toString('base64')));
    expect(overrun).toBeInstanceOf(DukkanError);
    expect([overrun.code, overrun.params]).toEqual(['qr.length-overrun', { tag: 1, offset: 0, length: 5, remaining: 1 }]);
    expect(overrun.text('ar')).toBe('الوسم 1 عند البايت 0 يذكر طولًا قدره 5 بايت ولم يتبقَّ سوى 1');
    expect(refusal(() => decodeQr(Buffer.from([1, 1, 65, 1, 1, 66]).toString('base64'))).code).toBe('qr.duplicate-tag');
    expect(refusal(() => decodeQr(Buffer.from([1, 1, 0xff]).toString('base64')).fields).code).toBe('qr.not-utf8');
    expect(refusal(() => decodeQr(Buffer.from([1]).toString('base64'))).code).toBe('qr.truncated');
  });
});
