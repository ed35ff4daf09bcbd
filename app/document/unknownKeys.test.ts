// SPDX-License-Identifier: UNLICENSED
// Finding 7 (docs/security.md, "Input is read strictly"): an unknown key anywhere in the document JSON is refused,
// naming the key and the one probably meant, instead of being dropped (which signed a different payable).
import { describe, expect, it } from 'vitest';
import { DocumentInputError, parseDocumentInput, problemText } from './documentInput';
import { thrownBy } from '../../test/support/thrownBy';
import { SELLER, simplifiedInvoice } from '../../test/fixtures/documents';

const refusal = (json: unknown) => thrownBy(DocumentInputError, () => parseDocumentInput(json));

describe('unknown keys in the document JSON', () => {
  it('refuses a key in the wrong case, naming it and the key meant, in English and Arabic', () => {
    const e = refusal({ ...simplifiedInvoice(), pricesIncludeVAT: true });
    expect(e.problems.map((p) => [p.path, p.code, p.params])).toEqual([
      ['pricesIncludeVAT', 'document.unknown-key-close', { key: 'pricesIncludeVAT', suggestion: 'pricesIncludeVat' }],
    ]);
    expect(problemText(e.problems[0]!, 'en')).toBe('pricesIncludeVAT: unknown key pricesIncludeVAT — did you mean pricesIncludeVat?');
    expect(problemText(e.problems[0]!, 'ar')).toContain('هل تقصد pricesIncludeVat');
  });

  it.each([
    ['a line', (doc: ReturnType<typeof simplifiedInvoice>) => ({ ...doc, lines: [{ ...doc.lines[0]!, unitprice: '1.00' }] }), 'lines.0.unitprice', 'unitPrice'],
    [
      'a line VAT',
      (doc: ReturnType<typeof simplifiedInvoice>) => ({ ...doc, lines: [{ ...doc.lines[0]!, vat: { category: 'S', rate: '15', rat: '5' } }] }),
      'lines.0.vat.rat',
      'rate',
    ],
    [
      'a line discount',
      (doc: ReturnType<typeof simplifiedInvoice>) => ({ ...doc, lines: [{ ...doc.lines[0]!, discount: { amount: '1.00', reson: 'x' } }] }),
      'lines.0.discount.reson',
      'reason',
    ],
    [
      'the seller address',
      (doc: ReturnType<typeof simplifiedInvoice>) => ({ ...doc, seller: { ...SELLER, address: { ...SELLER.address, postal_code: '1' } } }),
      'seller.address.postal_code',
      'postalCode',
    ],
    [
      'a charge',
      (doc: ReturnType<typeof simplifiedInvoice>) => ({ ...doc, charges: [{ amount: '1.00', reasoncode: 'DL', vat: { category: 'S', rate: '15' } }] }),
      'charges.0.reasoncode',
      'reasonCode',
    ],
  ])('refuses an unknown key in %s, at its own path', (_where, edit, path, suggestion) => {
    const e = refusal(edit(simplifiedInvoice()));
    expect(e.problems.map((p) => [p.path, p.params.suggestion])).toEqual([[path, suggestion]]);
  });

  it('lists the known keys when nothing is close', () => {
    const e = refusal({ ...simplifiedInvoice(), customerLoyaltyTier: 'gold' });
    expect(e.problems[0]).toMatchObject({ path: 'customerLoyaltyTier', code: 'document.unknown-key' });
    expect(String(e.problems[0]!.params.known)).toContain('pricesIncludeVat');
  });

  it('reports every unknown key, with the other problems of the document', () => {
    const e = refusal({ ...simplifiedInvoice({ issueTime: '25:00:00' }), colour: 'red', Kind: 'invoice' });
    expect(e.problems.map((p) => p.path).sort()).toEqual(['Kind', 'colour', 'issueTime']);
  });

  it('still accepts the documented format', () => {
    expect(parseDocumentInput(simplifiedInvoice({ pricesIncludeVat: true })).pricesIncludeVat).toBe(true);
  });
});
