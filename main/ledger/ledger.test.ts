import { errorText } from '../../app/errors/index';
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDeviceDatabase } from '../db/openDeviceDatabase';
import { Ledger, type SaleInput } from './ledger';
import { LedgerError } from './ledgerErrors';
import { auditLedger } from './auditLedger';
import { INITIAL_PIH } from '../../app/stamp/invoiceHash';
import { DocumentInputError, type DocumentInputJson } from '../../app/document/documentInput';
import { verifyInvoice } from '../../app/verify/verifyInvoice';
import { BUYER, creditNote, debitNote, freeItemWithAllowances, simplifiedInvoice, standardInvoice } from '../../test/fixtures/documents';
import { createTestEgs } from '../../test/support/testCertificate';

const egs = createTestEgs();

function sale(json: DocumentInputJson): SaleInput {
  const { number: _n, uuid: _u, issueDate: _d, issueTime: _t, ...rest } = json;
  return rest;
}

function freshLedger(options: { clock?: () => Date; maxGapMs?: number } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-ledger-'));
  const file = path.join(dir, 'dukkan.sqlite');
  const db = openDeviceDatabase(file);
  return { file, db, ledger: new Ledger(db, { numberPrefix: 'T1', ...options }) };
}

const count = (db: ReturnType<typeof openDeviceDatabase>, table: 'documents' | 'reporting_jobs' | 'document_lines') =>
  (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('Ledger issuance', () => {
  it('chains documents: ICV from 1, PIH = previous hash, numbers T1-000001…, one outbox job each', async () => {
    const { db, ledger } = freshLedger();
    const a = await ledger.issue(sale(simplifiedInvoice()), egs.signing);
    const b = await ledger.issue(sale(simplifiedInvoice()), egs.signing);
    const c = await ledger.issue(sale(creditNote({ billingReference: { number: a.number } })), egs.signing);
    expect([a.icv, b.icv, c.icv]).toEqual([1, 2, 3]);
    expect(a.pih).toBe(INITIAL_PIH);
    expect(b.pih).toBe(a.hash);
    expect(c.pih).toBe(b.hash);
    expect([a.number, b.number, c.number]).toEqual(['T1-000001', 'T1-000002', 'T1-000003']);
    expect(new Set([a.uuid, b.uuid, c.uuid]).size).toBe(3);
    expect(count(db, 'reporting_jobs')).toBe(3);
    for (const d of [a, b, c]) expect(verifyInvoice(d.xml, { now: new Date() }).findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(auditLedger(db).ok).toBe(true);
  });

  it('takes the issue time once, in Riyadh time, for the XML and the QR alike', async () => {
    const { ledger } = freshLedger({ clock: () => new Date('2026-11-23T22:30:05.789Z') }); // 01:30:05 next day in Riyadh
    const d = await ledger.issue(sale(simplifiedInvoice()), egs.signing);
    expect(d.issueDate).toBe('2026-11-24');
    expect(d.issueTime).toBe('01:30:05');
    const xml = Buffer.from(d.xml).toString('utf8');
    expect(xml).toContain('<cbc:IssueDate>2026-11-24</cbc:IssueDate>');
    expect(xml).toContain('<xades:SigningTime>2026-11-24T01:30:05</xades:SigningTime>');
    const { decodeQr } = await import('../../app/qr/tlv');
    expect(decodeQr(d.qr).fields.timestamp).toBe('2026-11-24T01:30:05');
  });

  it('refuses bad input with the field and the rule, and writes nothing', async () => {
    const { db, ledger } = freshLedger();
    await ledger.issue(sale(simplifiedInvoice()), egs.signing);
    const bad = sale(simplifiedInvoice({ lines: [{ name: 'Milk', quantity: '-2', unitPrice: '1.00', vat: { category: 'S', rate: '15' } }] }));
    await expect(ledger.issue(bad, egs.signing)).rejects.toThrow(DocumentInputError);
    await expect(ledger.issue(bad, egs.signing)).rejects.toThrow(/lines\.0\.quantity/);
    expect(count(db, 'documents')).toBe(1);
    const next = await ledger.issue(sale(simplifiedInvoice()), egs.signing);
    expect(next.icv).toBe(2);
    expect(next.number).toBe('T1-000002'); // a refused sale consumes no number
  });

  it('credit notes: reference an invoice of this device, and never return more than was sold', async () => {
    const { db, ledger } = freshLedger();
    const inv = await ledger.issue(sale(simplifiedInvoice()), egs.signing); // milk × 2, bread × 1
    await expect(ledger.issue(sale(creditNote({ billingReference: { number: 'T1-999999' } })), egs.signing)).rejects.toMatchObject({
      code: 'ledger.unknown-original',
      params: { number: 'T1-999999' },
      field: 'billingReference.number',
      message: expect.stringMatching(/No invoice T1-999999 was issued by this device/),
    });
    await ledger.issue(sale(creditNote({ billingReference: { number: inv.number } })), egs.signing); // 1 milk back
    const tooMany = sale(
      creditNote({
        billingReference: { number: inv.number },
        lines: [{ name: 'حليب طازج | Fresh milk', quantity: '2', unitPrice: '6.50', vat: { category: 'S', rate: '15' } }],
      }),
    );
    const refusal = await ledger.issue(tooMany, egs.signing).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(LedgerError);
    expect(refusal).toMatchObject({
      code: 'ledger.return-exceeds-sale',
      field: 'lines.0.quantity',
      params: { quantity: '2', number: inv.number, sold: '2', returned: '1', left: '1' },
    });
    expect((refusal as LedgerError).message).toMatch(/Returning 2 .* sold 2 and 1 were already returned \(1 left\)/);
    expect((refusal as LedgerError).text('ar')).toMatch(/الكمية المرتجعة 2 .*\(المتبقي 1\)/);
    // by explicit original line
    const bread = sale(
      creditNote({
        billingReference: { number: inv.number },
        lines: [{ name: 'Bread (returned)', quantity: '1', unitPrice: '3.00', originalLine: 2, vat: { category: 'S', rate: '15' } }],
      }),
    );
    await ledger.issue(bread, egs.signing);
    await expect(ledger.issue(bread, egs.signing)).rejects.toMatchObject({ code: 'ledger.return-exceeds-sale', params: { left: '0' } });
    expect(count(db, 'documents')).toBe(3);
    // a legacy receipt from another system, by number and date
    const external = await ledger.issue(sale(creditNote({ billingReference: { number: 'OLD-4471', issueDate: '2026-10-01', external: true } })), egs.signing);
    expect(external.kind).toBe('credit-note');
    await expect(ledger.issue(sale(creditNote({ billingReference: { number: 'OLD-4471', external: true } })), egs.signing)).rejects.toThrow(/issueDate/);
    // debit notes reference an invoice too, without quantity limits
    const debit = await ledger.issue(sale(debitNote({ billingReference: { number: inv.number } })), egs.signing);
    expect(debit.kind).toBe('debit-note');
    expect(auditLedger(db).ok).toBe(true);
  });

  it('a rejected document is re-issued as a new document with the original number and date; the chain goes on', async () => {
    let now = new Date('2026-11-23T09:00:00Z');
    const { db, ledger } = freshLedger({ clock: () => now });
    const first = await ledger.issue(sale(simplifiedInvoice()), egs.signing);
    await expect(ledger.reissueRejected(first.id, undefined, egs.signing)).rejects.toMatchObject({
      code: 'ledger.not-rejected',
      params: { number: first.number },
    });
    db.prepare("UPDATE reporting_jobs SET state = 'rejected' WHERE document_id = ?").run(first.id);
    const second = await ledger.issue(sale(simplifiedInvoice()), egs.signing);
    now = new Date('2026-11-23T15:00:00Z');
    const fixed = await ledger.reissueRejected(first.id, undefined, egs.signing);
    expect(fixed.number).toBe(first.number);
    expect([fixed.issueDate, fixed.issueTime]).toEqual([first.issueDate, first.issueTime]);
    expect(fixed.uuid).not.toBe(first.uuid);
    expect(fixed.icv).toBe(3);
    expect(fixed.pih).toBe(second.hash);
    expect(fixed.hash).not.toBe(first.hash);
    await expect(ledger.reissueRejected(first.id, undefined, egs.signing)).rejects.toMatchObject({ code: 'ledger.already-reissued' });
    expect(auditLedger(db).ok).toBe(true);
  });

  it('one clock: a device clock earlier than the last document, or implausibly far ahead, blocks issuance', async () => {
    let now = new Date('2026-11-23T09:00:00Z');
    const { db, ledger } = freshLedger({ clock: () => now, maxGapMs: 30 * 24 * 3600 * 1000 });
    await ledger.issue(sale(simplifiedInvoice()), egs.signing);
    now = new Date('2026-11-23T08:00:00Z');
    await expect(ledger.issue(sale(simplifiedInvoice()), egs.signing)).rejects.toMatchObject({
      code: 'ledger.clock-behind',
      params: { now: '2026-11-23T08:00:00.000Z', last: '2026-11-23T09:00:00.000Z' },
      message: expect.stringMatching(/earlier than the last document/),
    });
    now = new Date('2027-03-01T08:00:00Z');
    await expect(ledger.issue(sale(simplifiedInvoice()), egs.signing)).rejects.toMatchObject({
      code: 'ledger.clock-ahead',
      message: expect.stringMatching(/implausibly far ahead/),
    });
    expect(count(db, 'documents')).toBe(1);
  });

  it('refuses to sign with an expired certificate', async () => {
    const old = createTestEgs({ validFrom: new Date('2020-01-01T00:00:00Z'), validDays: 365 });
    const { db, ledger } = freshLedger();
    await expect(ledger.issue(sale(simplifiedInvoice()), old.signing)).rejects.toMatchObject({
      code: 'ledger.certificate-expired',
      message: expect.stringMatching(/expired on 2020-12-31/),
    });
    expect(count(db, 'documents')).toBe(0);
  });

  it('refuses to store a document signed with a key that does not belong to the certificate', async () => {
    const { db, ledger } = freshLedger();
    const other = createTestEgs();
    const refusal = await ledger.issue(sale(simplifiedInvoice()), { certificate: egs.certificate, sign: other.signing.sign }).catch((e: unknown) => e);
    expect((refusal as LedgerError).code).toBe('ledger.stamp-self-check');
    expect((refusal as Error).message).toMatch(/signing key does not belong to this CSID/);
    // said wholly in Arabic on an Arabic screen: the problem too, not only the sentence around it
    const arabic = errorText('ledger.stamp-self-check', (refusal as LedgerError).params, 'ar');
    expect(arabic).toMatch(/مفتاح التوقيع لا يخص/);
    expect(arabic).not.toMatch(/[A-Za-z]{3,}/);
    expect(count(db, 'documents')).toBe(0);
  });

  it('refuses a seller VAT number its certificate was not issued for: nothing stored, no ICV or number used', async () => {
    const { db, ledger } = freshLedger();
    await ledger.issue(sale(simplifiedInvoice()), egs.signing);
    const refusal = await ledger
      .issue(sale(simplifiedInvoice({ seller: { ...simplifiedInvoice().seller, vatNumber: '300000000000003' } })), egs.signing)
      .catch((e: unknown) => e);
    expect((refusal as LedgerError).code).toBe('ledger.seller-not-in-certificate');
    expect((refusal as LedgerError).field).toBe('seller.vatNumber');
    expect((refusal as LedgerError).problems).toEqual([
      expect.objectContaining({
        code: 'issuance.rule-broken-at',
        params: {
          rule: 'certificate-permissions',
          location: '/Invoice/cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID',
          message: expect.stringMatching(/the seller VAT number \(BT-31\) is "300000000000003" but the signing certificate was issued for 399999999900003/),
          messageAr: expect.stringContaining('الرقم الضريبي للبائع (BT-31)'),
        },
      }),
    ]);
    expect(count(db, 'documents')).toBe(1);
    const next = await ledger.issue(sale(simplifiedInvoice()), egs.signing);
    expect([next.icv, next.number]).toEqual([2, 'T1-000002']);
  });

  it('refuses, before the transaction, a document a business rule rejects, naming the rule', async () => {
    const { db, ledger } = freshLedger();
    // the input schema lets a buyer with the seller's own VAT number through; BR-CUSTOM-VALIDATION-01 does not
    const selfInvoice = standardInvoice({ buyer: { ...BUYER, vatNumber: egs.certificate.zatca.vatNumber! } });
    const refusal = await ledger.issue(sale(selfInvoice), egs.signing).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: 'ledger.business-rules', params: { count: 1, rules: 'BR-CUSTOM-VALIDATION-01' } });
    expect((refusal as LedgerError).problems.map((p) => p.params)).toEqual([
      {
        rule: 'BR-CUSTOM-VALIDATION-01',
        message: expect.stringMatching(/^The buyer VAT number \(BT-48\) equals the seller's/),
        messageAr: expect.stringContaining('الرقم الضريبي للمشتري (BT-48)'),
        location: '/Invoice/cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID',
      },
    ]);
    expect(count(db, 'documents')).toBe(0);
    expect(count(db, 'reporting_jobs')).toBe(0);
    const first = await ledger.issue(sale(simplifiedInvoice()), egs.signing);
    expect([first.icv, first.number]).toEqual([1, 'T1-000001']);
  });

  it('issues the VAT-inclusive cart whose free item used to get a negative cent of VAT', async () => {
    const { ledger } = freshLedger();
    const d = await ledger.issue(sale(freeItemWithAllowances()), egs.signing);
    const xml = Buffer.from(d.xml).toString('utf8');
    expect(xml).not.toMatch(/>-\d/);
    expect(d.stamped.totals.payable.toFixed(2)).toBe('521.67');
  });

  it('a new CSID starts a new chain at ICV 1 with the initial PIH', async () => {
    const { db, ledger } = freshLedger();
    await ledger.issue(sale(simplifiedInvoice()), egs.signing);
    const renewed = createTestEgs();
    const d = await ledger.issue(sale(simplifiedInvoice()), renewed.signing);
    expect(d.icv).toBe(1);
    expect(d.pih).toBe(INITIAL_PIH);
    expect(d.number).toBe('T1-000002'); // numbers continue per device
    const report = auditLedger(db);
    expect(report.chains).toBe(2);
    expect(report.ok).toBe(true);
  });

  it('disk full: a clear error, nothing written, the chain intact', async () => {
    const { db, ledger } = freshLedger();
    await ledger.issue(sale(simplifiedInvoice()), egs.signing);
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`); // the database cannot grow: SQLite reports SQLITE_FULL, as on a full disk
    const big = sale(
      simplifiedInvoice({
        lines: Array.from({ length: 200 }, (_, i) => ({
          name: `Item number ${i}`,
          quantity: '1',
          unitPrice: '1.00',
          vat: { category: 'S' as const, rate: '15' },
        })),
      }),
    );
    const refusal = await ledger.issue(big, egs.signing).catch((e: unknown) => e);
    expect((refusal as LedgerError).code).toBe('ledger.storage-full');
    expect((refusal as Error).message).toMatch(/full.*not issued/);
    expect(count(db, 'documents')).toBe(1);
    expect(count(db, 'reporting_jobs')).toBe(1);
    db.pragma('max_page_count = 1073741823');
    const next = await ledger.issue(big, egs.signing);
    expect(next.icv).toBe(2);
    expect(auditLedger(db).ok).toBe(true);
  });

  it('read-only database: a clear error and nothing written', async () => {
    const { file, db, ledger } = freshLedger();
    await ledger.issue(sale(simplifiedInvoice()), egs.signing);
    db.close();
    const ro = openDeviceDatabase(file, { readonly: true });
    const refusal = await new Ledger(ro, { numberPrefix: 'T1' }).issue(sale(simplifiedInvoice()), egs.signing).catch((e: unknown) => e);
    expect((refusal as LedgerError).code).toBe('ledger.storage-read-only');
    expect(count(ro, 'documents')).toBe(1);
    ro.close();
  });

  it('signed documents are immutable in the database, and the audit catches an edited byte anyway', async () => {
    const { db, ledger } = freshLedger();
    for (let i = 0; i < 3; i++) await ledger.issue(sale(simplifiedInvoice()), egs.signing);
    expect(() => db.prepare("UPDATE documents SET number = 'X' WHERE icv = 2").run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM documents WHERE icv = 3').run()).toThrow(/cannot be deleted/);
    // someone with the SQLite shell drops the guard and edits one byte of a stored amount
    db.exec('DROP TRIGGER documents_immutable');
    const row = db.prepare('SELECT id, xml FROM documents WHERE icv = 2').get() as { id: number; xml: Buffer };
    const text = row.xml.toString('utf8').replace('<cbc:PayableAmount currencyID="SAR">18.40<', '<cbc:PayableAmount currencyID="SAR">18.49<');
    db.prepare('UPDATE documents SET xml = ? WHERE id = ?').run(Buffer.from(text), row.id);
    const report = auditLedger(db);
    expect(report.ok).toBe(false);
    expect(report.breaks[0]).toMatchObject({ icv: 2, check: 'stamp' });
    expect(report.breaks[0]!.message).toMatch(/invalid-invoice-hash/);
  });

  it('the audit reports a forked chain precisely', async () => {
    const { db, ledger } = freshLedger();
    for (let i = 0; i < 4; i++) await ledger.issue(sale(simplifiedInvoice()), egs.signing);
    db.exec('DROP TRIGGER documents_immutable');
    db.prepare('UPDATE documents SET pih = ? WHERE icv = 3').run(INITIAL_PIH);
    const report = auditLedger(db, { stampFromId: 999 });
    expect(report.breaks[0]).toMatchObject({ icv: 3, check: 'pih' });
    expect(report.breaks[0]!.message).toMatch(/does not equal the hash of ICV 2/);
  });
});
