// SPDX-License-Identifier: UNLICENSED
// The drift case: three lines of 10.10 at 15 %. Taxable 30.30 × 15 % = 4.545 exactly, so the category VAT is
// 4.55 (half-up), while binary floating point gives 4.5449999… and a naive implementation prints 4.54; rounding
// each line first (1.515 → 1.52) gives 4.56. What does the validator accept?
//  - BR-CO-17 / BR-S-09 (warnings) allow ±0.01 per invoice line around round(taxable × rate, 2): with 3 lines,
//    4.51 to 4.58 pass silently (at this exact half cent SCH-3.4.6's float arithmetic may centre on 4.54 or
//    4.55, so both are honoured), anything further is "accepted with warnings", never rejected.
//  - What is rejected is inconsistency: TaxTotal ≠ Σ subtotal VAT (BR-CO-14) or TaxInclusive ≠ TaxExclusive + VAT
//    (BR-CO-15), both errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dec } from '../../app/money/decimal';
import { createXsdValidator, type XsdValidator } from '../../app/xsd/validateXsd';
import { loadXsdFiles, UBL_INVOICE_XSD } from '../xsdFiles';
import { check, issueInstant, minutesAfter, readText, SIMPLIFIED_INVOICE, summary, withDoc } from './support';

const base = readText(SIMPLIFIED_INVOICE);
const now = minutesAfter(issueInstant(base), 1);
const cents = (c: number) => `${Math.trunc(c / 100)}.${String(c % 100).padStart(2, '0')}`;

function line(id: number): string {
  return `
    <cac:InvoiceLine>
        <cbc:ID>${id}</cbc:ID>
        <cbc:InvoicedQuantity unitCode="PCE">1.000000</cbc:InvoicedQuantity>
        <cbc:LineExtensionAmount currencyID="SAR">10.10</cbc:LineExtensionAmount>
        <cac:TaxTotal>
             <cbc:TaxAmount currencyID="SAR">1.52</cbc:TaxAmount>
             <cbc:RoundingAmount currencyID="SAR">11.62</cbc:RoundingAmount>
        </cac:TaxTotal>
        <cac:Item>
            <cbc:Name>قهوة ${id}</cbc:Name>
            <cac:ClassifiedTaxCategory>
                <cbc:ID>S</cbc:ID>
                <cbc:Percent>15.00</cbc:Percent>
                <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
            </cac:ClassifiedTaxCategory>
        </cac:Item>
        <cac:Price>
            <cbc:PriceAmount currencyID="SAR">10.10</cbc:PriceAmount>
        </cac:Price>
    </cac:InvoiceLine>`;
}

/** The sample's header and parties with three 10.10 lines; VAT amounts in cents. */
function driftInvoice(vat: { subtotal: number; taxTotal?: number; inclusive?: number }): string {
  const taxTotal = vat.taxTotal ?? vat.subtotal;
  const inclusive = vat.inclusive ?? 3030 + vat.subtotal;
  const head = base.slice(0, base.indexOf('    <cac:TaxTotal>'));
  return `${head}    <cac:TaxTotal>
        <cbc:TaxAmount currencyID="SAR">${cents(taxTotal)}</cbc:TaxAmount>
    </cac:TaxTotal>
    <cac:TaxTotal>
        <cbc:TaxAmount currencyID="SAR">${cents(taxTotal)}</cbc:TaxAmount>
        <cac:TaxSubtotal>
            <cbc:TaxableAmount currencyID="SAR">30.30</cbc:TaxableAmount>
            <cbc:TaxAmount currencyID="SAR">${cents(vat.subtotal)}</cbc:TaxAmount>
            <cac:TaxCategory>
                <cbc:ID>S</cbc:ID>
                <cbc:Percent>15.00</cbc:Percent>
                <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
            </cac:TaxCategory>
        </cac:TaxSubtotal>
    </cac:TaxTotal>
    <cac:LegalMonetaryTotal>
        <cbc:LineExtensionAmount currencyID="SAR">30.30</cbc:LineExtensionAmount>
        <cbc:TaxExclusiveAmount currencyID="SAR">30.30</cbc:TaxExclusiveAmount>
        <cbc:TaxInclusiveAmount currencyID="SAR">${cents(inclusive)}</cbc:TaxInclusiveAmount>
        <cbc:AllowanceTotalAmount currencyID="SAR">0.00</cbc:AllowanceTotalAmount>
        <cbc:PrepaidAmount currencyID="SAR">0.00</cbc:PrepaidAmount>
        <cbc:PayableAmount currencyID="SAR">${cents(inclusive)}</cbc:PayableAmount>
    </cac:LegalMonetaryTotal>${line(1)}${line(2)}${line(3)}
</Invoice>
`;
}

let xsd: XsdValidator;
beforeAll(() => {
  xsd = createXsdValidator(loadXsdFiles(), UBL_INVOICE_XSD);
});
afterAll(() => xsd.dispose());

describe('three lines of 10.10 at 15 %', () => {
  it('is the trap it claims to be: binary floats print 4.54, exact half-up is 4.55, per-line rounding sums to 4.56', () => {
    expect((3 * 10.1 * 0.15).toFixed(2)).toBe('4.54');
    expect((30.3 * 0.15).toFixed(2)).toBe('4.54');
    expect(dec('30.30').mul(dec('0.15')).toString()).toBe('4.5450');
    expect(dec('30.30').mul(dec('0.15')).toFixed(2)).toBe('4.55');
    const perLine = dec('10.10').mul(dec('0.15')).round(2);
    expect(perLine.toString()).toBe('1.52');
    expect(perLine.add(perLine).add(perLine).toString()).toBe('4.56');
  });

  it('the generated document is schema-valid UBL', () => {
    expect(withDoc(driftInvoice({ subtotal: 455 }), (doc) => xsd.validate(doc))).toEqual([]);
  });

  it.each([455, 454, 456, 451, 458])('document VAT %i cents with consistent totals: accepted, no finding', (vat) => {
    expect(check(driftInvoice({ subtotal: vat }), now)).toEqual([]);
  });

  it.each([450, 459, 400])('document VAT %i cents: outside ±0.03 of 4.545 → accepted with warnings BR-CO-17 and BR-S-09', (vat) => {
    const findings = check(driftInvoice({ subtotal: vat }), now);
    expect(summary(findings)).toEqual(['warning BR-CO-17', 'warning BR-S-09']);
    expect(findings[0]!.message).toContain('30.30 × 15.00% = 4.55');
    expect(findings[0]!.message).toContain('accepts 4.51 to 4.58');
  });

  it('TaxTotal 4.55 over a 4.54 subtotal is rejected (BR-CO-14), and so is TaxInclusive built from the other one (BR-CO-15)', () => {
    expect(summary(check(driftInvoice({ subtotal: 454, taxTotal: 455, inclusive: 3030 + 454 }), now))).toEqual(['error BR-CO-14']);
    expect(summary(check(driftInvoice({ subtotal: 454, taxTotal: 454, inclusive: 3030 + 455 }), now))).toEqual(['error BR-CO-15']);
  });

  it('line VAT (1.52 × 3 = 4.56) is never compared with the document VAT: no rule ties them', () => {
    const findings = check(driftInvoice({ subtotal: 455 }), now);
    expect(findings.filter((f) => f.rule === 'BR-KSA-51' || f.rule.startsWith('BR-CO'))).toEqual([]);
  });
});

describe('the SDK sample (2 lines, 201.00 at 15 % = 30.15 exactly, no half cent)', () => {
  const withVat = (vatCents: number) => {
    expect(base.split('>30.15<').length - 1).toBe(3); // both TaxTotals and the subtotal
    expect(base.split('>231.15<').length - 1).toBe(2); // TaxInclusiveAmount and PayableAmount
    return base.replaceAll('>30.15<', `>${cents(vatCents)}<`).replaceAll('>231.15<', `>${cents(20100 + vatCents)}<`);
  };

  it.each([3013, 3015, 3017])('VAT %i cents is within ±0.02 and passes', (vat) => {
    expect(check(withVat(vat), now)).toEqual([]);
  });

  it.each([3012, 3018])('VAT %i cents is outside ±0.02: warnings only', (vat) => {
    expect(summary(check(withVat(vat), now))).toEqual(['warning BR-CO-17', 'warning BR-S-09']);
  });
});
