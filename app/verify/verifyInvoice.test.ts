import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openssl } from '../../test/support/opensslOracle';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { verifyInvoice } from './verifyInvoice';
import { canonicalInvoiceText } from '../stamp/invoiceHash';
import { listSampleXml, VECTORS_DIR } from '../../test/vectors';
import { apartFromSdkCertificateAge, signWithSdkKey, SDK_CERTIFICATE } from '../../test/support/signing';
import { creditNote, debitNote, SELLER, simplifiedInvoice, standardInvoice, VAT_TREATMENTS } from '../../test/fixtures/documents';
// OpenSSL as an independent oracle (node:crypto's secp256k1 is refused under the BoringSSL profile)
const { createPublicKey, verify: nodeVerify } = openssl;

const NOW = new Date('2026-11-23T12:00:00Z');
const stampErrors = (xml: string | Uint8Array) => verifyInvoice(xml, { now: NOW }).findings.filter((f) => f.severity === 'error');

const STALE = [
  'sdk-238-R3.2.7/Data/Samples/Standard/Invoice/Standard_Invoice.xml',
  'Sample Invoice[Advance Payements] - 1.xml',
  'Sample Invoice[Advance Payements] - 2.xml',
  'Exempt_Standard_Invoice.xml',
  'Zero_Rate_Standard_Invoice.xml',
];

/** An SDK sample whose seller VAT number (310094010300003) is not the one its certificate was issued for. */
const FOREIGN_SELLER = ['Standard_Invoice_USD.xml'];

describe('verifyInvoice — stamp checks on the SDK samples', () => {
  const samples = listSampleXml();
  const simplifiedGood = samples.filter((p) => p.includes('/Simplified/') && !p.endsWith('_Error.xml'));
  const standardGood = samples.filter((p) => p.includes('/Standard/') && !p.endsWith('_Error.xml') && !STALE.some((s) => p.endsWith(s)));

  it.each([...simplifiedGood, ...standardGood])('%s has a valid stamp', (rel) => {
    const bytes = readFileSync(path.join(VECTORS_DIR, rel));
    // stamp only: R3.2.7 samples break rules that tightened after R3.2.7 (MANIFEST.md, "Stamps vs rules")
    const report = verifyInvoice(bytes, { now: NOW, rules: () => [] });
    const foreign = FOREIGN_SELLER.some((s) => rel.endsWith(s));
    expect(report.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(foreign ? ['certificate-permissions'] : []);
    expect(report.invoiceHash).toBe(report.declaredHash);
    if (rel.includes('R3.4.6')) expect(verifyInvoice(bytes, { now: NOW }).valid).toBe(true); // and every rule holds
  });

  it.each(samples.filter((p) => p.includes('/Simplified/') && p.endsWith('_Error.xml')))('%s is rejected for its wrong invoice hash', (rel) => {
    const report = verifyInvoice(readFileSync(path.join(VECTORS_DIR, rel)), { now: NOW });
    expect(report.valid).toBe(false);
    const hash = report.findings.find((f) => f.rule === 'invalid-invoice-hash');
    expect(hash?.message).toMatch(/invoice hash mismatch/);
    expect(hash?.hint).toBeTruthy();
  });
});

describe('documents we sign', () => {
  const kinds = { invoice: simplifiedInvoice(), 'credit note': creditNote(), 'debit note': debitNote(), 'standard invoice': standardInvoice() };

  it.each(Object.entries(kinds))('a %s verifies, and independent tools agree', async (_name, json) => {
    const signed = await signWithSdkKey(json);
    expect(stampErrors(signed.xml)).toEqual([]);
    // node:crypto (OpenSSL) verifies the signature over the raw hash bytes with the certificate's key
    const pub = createPublicKey({ key: Buffer.from(SDK_CERTIFICATE.spki), format: 'der', type: 'spki' });
    expect(nodeVerify('sha256', Buffer.from(signed.hash, 'base64'), { key: pub, dsaEncoding: 'der' }, Buffer.from(signed.signatureValue, 'base64'))).toBe(true);
    // xmllint's C14N 1.1 of the document without the excluded blocks hashes to the stamped value
    const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-verify-'));
    const stripped = signed.xml
      .replace(/<ext:UBLExtensions>[\s\S]*?<\/ext:UBLExtensions>/, '')
      .replace(/<cac:Signature>[\s\S]*?<\/cac:Signature>/, '')
      .replace(/<cac:AdditionalDocumentReference>\s*<cbc:ID>QR<\/cbc:ID>[\s\S]*?<\/cac:AdditionalDocumentReference>/, '');
    writeFileSync(path.join(dir, 'doc.xml'), stripped);
    const c14n = execFileSync('xmllint', ['--c14n11', path.join(dir, 'doc.xml')]);
    expect(c14n.toString('utf8')).toBe(canonicalInvoiceText(signed.xml));
    expect(signed.xml).not.toContain('\r');
  });

  it('property: verify(sign(doc)) is valid for random carts, simplified and standard, both price conventions', async () => {
    const vat = fc.constantFrom(...VAT_TREATMENTS);
    const money = fc.integer({ min: 1, max: 500_000 }).map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`);
    const line = fc.record({
      name: fc.constantFrom('حليب طازج', 'Bread & "butter" <x> ]]>', 'تمر | Dates', 'Item'),
      quantity: fc.oneof(
        fc.integer({ min: 1, max: 20 }).map(String),
        fc.integer({ min: 1, max: 9999 }).map((m) => (m / 1000).toFixed(3)),
      ),
      unitPrice: money,
      vat,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 12 }), fc.boolean(), fc.boolean(), async (lines, inclusive, standard) => {
        const json = standard ? standardInvoice({ lines, pricesIncludeVat: inclusive }) : simplifiedInvoice({ lines, pricesIncludeVat: inclusive });
        const signed = await signWithSdkKey(json);
        const report = verifyInvoice(signed.xml, { now: NOW });
        expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
        // totals rules hold exactly; only the VAT-inclusive tolerance of BR-CO-17/BR-S-09 may ever show, and never here
        expect(report.findings.filter((f) => /^BR-(CO|S|Z|E|O|KSA-EN16931-11|KSA-51)/.test(f.rule))).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('property: changing any character of an amount, a name or a date invalidates the document', async () => {
    const signed = await signWithSdkKey(simplifiedInvoice());
    const targets = [
      ...signed.xml.matchAll(
        /<cbc:(?:TaxInclusiveAmount|PayableAmount|LineExtensionAmount|TaxAmount|PriceAmount|Name|RegistrationName|IssueDate|IssueTime|StreetName)[^>]*>([^<]+)</g,
      ),
    ].map((m) => ({
      start: m.index + m[0].length - 1 - m[1]!.length,
      text: m[1]!,
    }));
    expect(targets.length).toBeGreaterThan(10);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: targets.length - 1 }), fc.nat(), fc.constantFrom('0', '7', 'x', 'ب', '.'), async (t, pos, replacement) => {
        const target = targets[t]!;
        const i = target.start + (pos % target.text.length);
        fc.pre(signed.xml[i] !== replacement);
        const tampered = signed.xml.slice(0, i) + replacement + signed.xml.slice(i + 1);
        const report = verifyInvoice(tampered, { now: NOW });
        expect(report.valid).toBe(false);
        expect(report.findings.some((f) => f.rule === 'invalid-invoice-hash')).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('names the likely cause: a re-indented document', async () => {
    const signed = await signWithSdkKey(simplifiedInvoice());
    const reindented = signed.xml.replace('\n    <cbc:ProfileID>', '\n  <cbc:ProfileID>');
    const f = stampErrors(reindented).find((x) => x.rule === 'invalid-invoice-hash');
    expect(f?.hint).toMatch(/changed after stamping|re-indented/);
  });

  it('names the likely cause: whitespace dropped around the removed blocks', async () => {
    const signed = await signWithSdkKey(simplifiedInvoice());
    const wrong = Buffer.from(
      await import('node:crypto').then((c) =>
        c
          .createHash('sha256')
          .update(canonicalInvoiceText(signed.xml, { dropWhitespaceTails: true }))
          .digest(),
      ),
    ).toString('base64');
    const doc = signed.xml.replace(`<ds:DigestValue>${signed.hash}</ds:DigestValue>`, `<ds:DigestValue>${wrong}</ds:DigestValue>`);
    const f = stampErrors(doc).find((x) => x.rule === 'invalid-invoice-hash');
    expect(f?.hint).toMatch(/whitespace/);
  });

  it('names the likely cause: base64 of the hex digest', async () => {
    const signed = await signWithSdkKey(simplifiedInvoice());
    const hexB64 = Buffer.from(Buffer.from(signed.hash, 'base64').toString('hex'), 'ascii').toString('base64');
    const doc = signed.xml.replace(`<ds:DigestValue>${signed.hash}</ds:DigestValue>`, `<ds:DigestValue>${hexB64}</ds:DigestValue>`);
    expect(stampErrors(doc).find((x) => x.rule === 'invalid-invoice-hash')?.hint).toMatch(/hex text/);
  });

  it('a CRLF copy of a valid document fails SignedProperties, as at Fatoora', async () => {
    const signed = await signWithSdkKey(simplifiedInvoice());
    const errors = stampErrors(signed.xml.replace(/\n/g, '\r\n'));
    expect(errors.find((x) => x.rule === 'signed-properties-hashing')?.hint).toMatch(/CR/);
  });

  it('warns about a QR whose time stamp gained a Z', async () => {
    const signed = await signWithSdkKey(simplifiedInvoice());
    const { decodeQr, encodeQr } = await import('../qr/tlv');
    const fields = decodeQr(signed.qr).fields;
    const bad = encodeQr({ ...(fields as Required<typeof fields>), timestamp: `${fields.timestamp}Z` });
    const report = verifyInvoice(signed.xml.replace(signed.qr, bad), { now: NOW });
    const finding = report.findings.find((x) => x.rule === 'invoiceTimeStamp_QRCODE_INVALID');
    expect(finding?.severity).toBe('warning'); // Fatoora accepts with this warning (reference §6)
    expect(finding?.hint).toMatch(/"Z"/);
  });

  it("a seller VAT number that is not the certificate's is Fatoora's certificate-permissions error", async () => {
    // the SDK certificate was issued for 399999999900003
    const signed = await signWithSdkKey(simplifiedInvoice({ seller: { ...SELLER, vatNumber: '300000000000003' } }));
    const report = verifyInvoice(signed.xml, { now: NOW });
    expect(report.valid).toBe(false);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([
      expect.objectContaining({
        rule: 'certificate-permissions',
        message: expect.stringMatching(/seller VAT number \(BT-31\) is "300000000000003" but the signing certificate was issued for 399999999900003/),
      }),
    ]);
  });

  it('cites a malformed PIH as BR-KSA-26 and a missing one as BR-KSA-61, both warnings (reference §7.2)', async () => {
    const malformed = await signWithSdkKey(simplifiedInvoice(), { icv: 1, pih: 'not-a-hash' });
    const report = verifyInvoice(malformed.xml, { now: NOW });
    expect(report.valid).toBe(true);
    expect(apartFromSdkCertificateAge(report.findings).map((f) => `${f.severity} ${f.rule}`)).toEqual(['warning BR-KSA-26']);
    const signed = await signWithSdkKey(simplifiedInvoice());
    const withoutPih = signed.xml.replace(/<cac:AdditionalDocumentReference>\s*<cbc:ID>PIH<\/cbc:ID>[\s\S]*?<\/cac:AdditionalDocumentReference>\s*/, '');
    const missing = verifyInvoice(withoutPih, { now: NOW }).findings.filter((f) => f.rule.startsWith('BR-KSA-61') || f.rule === 'BR-KSA-26');
    expect(missing.map((f) => `${f.severity} ${f.rule}`)).toEqual(['warning BR-KSA-61']);
  });

  it('reports a non-XML input without throwing', () => {
    const report = verifyInvoice('<Invoice><oops></Invoice>', { now: NOW });
    expect(report.valid).toBe(false);
    expect(report.findings[0]!.rule).toBe('XML');
  });
});
