import { describe, expect, it } from 'vitest';
import { issuanceErrors, IssuanceRefusedError } from './checkIssuance';
import { SELLER_VAT_STATEMENT_AR } from './sellerCertificate';
import { DukkanError, errorText } from '../errors';
import { signWithSdkKey, SDK_CERTIFICATE } from '../../test/support/signing';
import { BUYER, SELLER, simplifiedInvoice, standardInvoice } from '../../test/fixtures/documents';

describe('issuanceErrors: what must hold before a document gets its ICV', () => {
  it('a good document passes, whenever it is dated: the clock rules BR-KSA-04 and BR-KSA-98 are not run', async () => {
    for (const issueDate of ['2026-11-23', '2099-12-31', '2023-01-01']) {
      const signed = await signWithSdkKey(simplifiedInvoice({ issueDate }));
      expect(issuanceErrors(signed.bytes, SDK_CERTIFICATE)).toEqual([]);
    }
  });

  it("refuses a seller VAT number the certificate was not issued for (Fatoora's certificate-permissions)", async () => {
    const signed = await signWithSdkKey(simplifiedInvoice({ seller: { ...SELLER, vatNumber: '300000000000003' } }));
    const errors = issuanceErrors(signed.bytes, SDK_CERTIFICATE);
    expect(errors.map((f) => f.rule)).toEqual(['certificate-permissions']);
    expect(new IssuanceRefusedError(errors).message).toMatch(
      /so it was not issued:\n {2}certificate-permissions: the seller VAT number \(BT-31\) is "300000000000003" but the signing certificate was issued for 399999999900003/,
    );
    const refusal = new IssuanceRefusedError(errors);
    expect(refusal).toBeInstanceOf(DukkanError);
    expect([refusal.code, refusal.params]).toEqual(['issuance.refused', { count: 1 }]);
    expect(refusal.problems).toEqual([
      { path: '', code: expect.stringMatching(/^issuance\.rule-broken/), params: expect.objectContaining({ rule: 'certificate-permissions' }) },
    ]);
    const arabic = refusal.text('ar').split('\n');
    expect(arabic[0]).toBe(errorText('issuance.refused', { count: 1 }, 'ar'));
    expect(arabic[1]).toBe(`  القاعدة certificate-permissions: ${SELLER_VAT_STATEMENT_AR} (الموضع: ${errors[0]!.location})`);
  });

  it('refuses a document a business rule rejects, with the rule and where', async () => {
    // the input schema lets this through; the rules do not (a seller cannot invoice itself)
    const signed = await signWithSdkKey(standardInvoice({ buyer: { ...BUYER, vatNumber: SELLER.vatNumber } }));
    const errors = issuanceErrors(signed.bytes, SDK_CERTIFICATE);
    expect(errors).toEqual([expect.objectContaining({ rule: 'BR-CUSTOM-VALIDATION-01', severity: 'error', location: expect.stringContaining('CompanyID') })]);
    // a negative line VAT, as an earlier totals split wrote it (BR-KSA-F-04)
    const good = await signWithSdkKey(simplifiedInvoice());
    const negative = good.xml.replace('<cbc:TaxAmount currencyID="SAR">1.95</cbc:TaxAmount>', '<cbc:TaxAmount currencyID="SAR">-0.01</cbc:TaxAmount>');
    expect(negative).not.toBe(good.xml);
    expect(issuanceErrors(negative, SDK_CERTIFICATE).map((f) => f.rule)).toContain('BR-KSA-F-04');
  });

  it('warnings do not stop issuance', async () => {
    // an item name of two characters draws BR-KSA-F-06-C19, a warning
    const signed = await signWithSdkKey(simplifiedInvoice({ lines: [{ name: 'AB', quantity: '1', unitPrice: '5.00', vat: { category: 'S', rate: '15' } }] }));
    expect(issuanceErrors(signed.bytes, SDK_CERTIFICATE)).toEqual([]);
  });
});
