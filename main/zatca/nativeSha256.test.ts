// SPDX-License-Identifier: UNLICENSED
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nativeSha256 } from './nativeSha256';
import { sha256 } from '../../app/crypto/sha256';
import { buildAndStamp } from '../../app/engine/buildAndStamp';
import { parseDocumentInput } from '../../app/document/documentInput';
import { INITIAL_PIH, computeInvoiceHash } from '../../app/stamp/invoiceHash';
import { createSigningKey } from '../../app/crypto/signingKey';
import { createTestEgs } from '../../test/support/testCertificate';
import { simplifiedInvoice } from '../../test/fixtures/documents';

describe('nativeSha256', () => {
  it('equals the JavaScript SHA-256 of the UTF-8 bytes, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 3000 }), (text) => {
        expect(Buffer.from(nativeSha256(text)).toString('hex')).toBe(Buffer.from(sha256(text)).toString('hex'));
      }),
      { numRuns: 300 },
    );
  });

  it('stamps the same hash as libxml2 computes when the engine hashes through it', async () => {
    const egs = createTestEgs();
    const signing = { certificate: egs.certificate, sign: createSigningKey(egs.privateKey).sign };
    const stamped = await buildAndStamp(parseDocumentInput(simplifiedInvoice()), { icv: 3, pih: INITIAL_PIH }, signing, {
      selfCheck: 'structural',
      sha256: nativeSha256,
    });
    expect(stamped.hash).toBe(computeInvoiceHash(stamped.xml));
  });
});
