// SPDX-License-Identifier: UNLICENSED
// A sale or a `sign` that a business rule refuses, as an Arabic screen shows it and as the CLI and logs show it.
// The ledger's refusal travels as the API envelope (main/ipc/apiErrors.ts) and is rendered by the renderer's own
// text function (renderer/app/state/services.ts): in Arabic every broken rule reads as its Arabic statement
// (app/rules/ruleStatementsAr.ts), with no English sentence; in English each keeps the rule check's own message.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentInputJson } from '../../app/document/documentInput';
import type { DukkanError } from '../../app/errors/index';
import { ruleStatementAr } from '../../app/rules/ruleStatementsAr';
import { issuanceErrors, IssuanceRefusedError } from '../../app/verify/checkIssuance';
import { SELLER_VAT_STATEMENT_AR } from '../../app/verify/sellerCertificate';
import { openDeviceDatabase } from '../../main/db/openDeviceDatabase';
import { apiErrorOf } from '../../main/ipc/apiErrors';
import { Ledger, type SaleInput } from '../../main/ledger/ledger';
import { messageOf } from '../../renderer/app/state/services';
import { BUYER, simplifiedInvoice, standardInvoice } from '../fixtures/documents';
import { SDK_CERTIFICATE, signWithSdkKey } from '../support/signing';
import { createTestEgs } from '../support/testCertificate';

const egs = createTestEgs();
const SELLER_VAT = egs.certificate.zatca.vatNumber!;
const BUYER_VAT_AT = '/Invoice/cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID';
const SELLER_VAT_AT = '/Invoice/cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID';

/** Three Latin words in a row: an English phrase. Rule ids, codes and XPath locations (no spaces) do not match. */
const ENGLISH_PHRASE = /[A-Za-z]{2,}[ ,']+[A-Za-z]{2,}[ ,']+[A-Za-z]{2,}/;
const ARABIC_LETTER = /[\u0621-\u064A]/;

function freshLedger(): Ledger {
  const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-rule-refusal-'));
  return new Ledger(openDeviceDatabase(path.join(dir, 'dukkan.sqlite')), { numberPrefix: 'T1' });
}

function sale(json: DocumentInputJson): SaleInput {
  const { number: _n, uuid: _u, issueDate: _d, issueTime: _t, ...rest } = json;
  return rest;
}

async function refusalOf(json: DocumentInputJson): Promise<DukkanError> {
  const refusal = await freshLedger()
    .issue(sale(json), egs.signing)
    .then(
      () => undefined,
      (e: unknown) => e as DukkanError,
    );
  if (!refusal) throw new Error('the sale was expected to be refused');
  return refusal;
}

/** Each part of a screen message (the refusal, then each problem) is Arabic and carries no English phrase. */
function expectAllArabic(screen: string): void {
  for (const part of screen.split(' · ')) {
    expect(part, screen).toMatch(ARABIC_LETTER);
    expect(part, screen).not.toMatch(ENGLISH_PHRASE);
  }
}

describe('a sale the business rules refuse, on an Arabic screen', () => {
  it('a standard invoice to the seller itself (BR-CUSTOM-VALIDATION-01): Arabic throughout, the English message unchanged', async () => {
    const refusal = await refusalOf(standardInvoice({ buyer: { ...BUYER, vatNumber: SELLER_VAT } }));
    expect(refusal.code).toBe('ledger.business-rules');
    const envelope = apiErrorOf(refusal);

    const arabic = messageOf(envelope, 'ar');
    expectAllArabic(arabic);
    expect(arabic).toContain(`القاعدة BR-CUSTOM-VALIDATION-01: ${ruleStatementAr('BR-CUSTOM-VALIDATION-01')} (الموضع: ${BUYER_VAT_AT})`);
    expect(arabic).not.toContain('The buyer VAT number');

    // the English text of the problem is the rule check's own statement, word for word (app/rules/parties.ts)
    const english = messageOf(envelope, 'en');
    expect(english).toContain(
      `BR-CUSTOM-VALIDATION-01: The buyer VAT number (BT-48) equals the seller's (${SELLER_VAT}); a seller cannot invoice itself. (${BUYER_VAT_AT})`,
    );
    expect(english).not.toMatch(ARABIC_LETTER);
    expect(envelope.fields?.map((f) => f.params['message'])).toEqual([
      `The buyer VAT number (BT-48) equals the seller's (${SELLER_VAT}); a seller cannot invoice itself.`,
    ]);
  });

  it('a seller VAT number the certificate was not issued for (certificate-permissions): Arabic throughout', async () => {
    const refusal = await refusalOf(simplifiedInvoice({ seller: { ...simplifiedInvoice().seller, vatNumber: '300000000000003' } }));
    expect(refusal.code).toBe('ledger.seller-not-in-certificate');
    const envelope = apiErrorOf(refusal);
    const arabic = messageOf(envelope, 'ar');
    expectAllArabic(arabic);
    expect(arabic).toContain(`القاعدة certificate-permissions: ${SELLER_VAT_STATEMENT_AR} (الموضع: ${SELLER_VAT_AT})`);
    expect(messageOf(envelope, 'en')).toContain(
      `certificate-permissions: the seller VAT number (BT-31) is "300000000000003" but the signing certificate was issued for ${SELLER_VAT}`,
    );
  });
});

describe('a document `sign` refuses for several rules', () => {
  it('lists every broken rule in Arabic with no English sentence; the English lines are the findings themselves', async () => {
    const good = await signWithSdkKey(simplifiedInvoice());
    // a negative line VAT (BR-KSA-F-04) and a seller VAT number of the wrong form (BR-KSA-40, and not the certificate's)
    const bad = good.xml
      .replace('<cbc:TaxAmount currencyID="SAR">1.95</cbc:TaxAmount>', '<cbc:TaxAmount currencyID="SAR">-0.01</cbc:TaxAmount>')
      .replace(`<cbc:CompanyID>${simplifiedInvoice().seller.vatNumber}</cbc:CompanyID>`, '<cbc:CompanyID>123</cbc:CompanyID>');
    const findings = issuanceErrors(bad, SDK_CERTIFICATE);
    const rules = findings.map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['certificate-permissions', 'BR-KSA-40', 'BR-KSA-F-04']));

    const refusal = new IssuanceRefusedError(findings);
    const [head, ...lines] = refusal.text('ar').split('\n');
    expect(head).toMatch(ARABIC_LETTER);
    expect(lines).toHaveLength(findings.length);
    for (const line of lines) {
      expect(line).toMatch(ARABIC_LETTER);
      expect(line).not.toMatch(ENGLISH_PHRASE);
    }
    expect(lines).toContain(`  القاعدة BR-KSA-40: ${ruleStatementAr('BR-KSA-40')} (الموضع: ${SELLER_VAT_AT})`);

    // the CLI prints the English text: each line is the finding's own rule, message and location
    expect(refusal.message.split('\n').slice(1)).toEqual(findings.map((f) => `  ${f.rule}: ${f.message}${f.location ? ` (${f.location})` : ''}`));
  });
});
