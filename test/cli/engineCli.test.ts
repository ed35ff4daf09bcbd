// The `dukkan` engine commands, run as a real process exactly as an integrator runs them.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT, listSampleXml, VECTORS_DIR } from '../vectors';
import { createTestEgs, writeTestEgsFiles } from '../support/testCertificate';
import {
  BUYER,
  creditNote,
  CSR_CONFIG,
  freeItemWithAllowances,
  freeItemWithCharges,
  SELLER,
  simplifiedInvoice,
  standardInvoice,
  zeroRatedWithDelivery,
} from '../fixtures/documents';
import type { DocumentInputJson } from '../../app/document/documentInput';
import { signWithSdkKey } from '../support/signing';

const BIN = path.join(REPO_ROOT, 'bin', 'dukkan.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'dukkan-cli-'));

function dukkan(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: work });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function writeJson(name: string, value: unknown): string {
  const file = path.join(work, name);
  writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
}

// a certificate valid at the fixtures' issue date (2026-11-23) and now: `sign` refuses an expired one, and the
// SDK's dummy certificate expired in 2024
const egs = writeTestEgsFiles(createTestEgs({ validFrom: new Date('2026-01-01T00:00:00Z') }));

function sign(doc: DocumentInputJson, out: string, ...extra: string[]) {
  return dukkan('sign', '--in', writeJson(`${out}.json`, doc), '--key', egs.key, '--cert', egs.cert, '--out', path.join(work, out), ...extra);
}

describe('dukkan sign / verify / hash / qr', () => {
  it('signs a simplified invoice that verifies, with the hash printed and the QR decodable', () => {
    const r = sign(simplifiedInvoice(), 'invoice.xml', '--icv', '7', '--pih', 'z5F9qsS6oWyDhehD8u8S0DaxV+2CUiUz9Y+UsR61JgQ=');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const hash = r.stdout.trim();
    expect(hash).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const file = path.join(work, 'invoice.xml');
    expect(readFileSync(file, 'utf8')).toContain('<cbc:UUID>7</cbc:UUID>');
    const v = dukkan('verify', file, '--at', '2026-11-23T12:00:00Z');
    expect(v.stdout).toBe(`${file}: valid\n`);
    expect(v.code).toBe(0);
    expect(dukkan('hash', file).stdout.trim()).toBe(hash);
    const qr = JSON.parse(dukkan('qr', file).stdout) as Record<string, unknown>;
    expect(qr['6_invoiceHash']).toBe(hash);
    expect(qr['3_timestamp']).toBe('2026-11-23T14:05:09');
    expect(qr['4_totalWithVat']).toBe('18.40');
  });

  it('verifies a credit note and reports as JSON', () => {
    expect(sign(creditNote(), 'credit.xml').code).toBe(0);
    const v = dukkan('verify', path.join(work, 'credit.xml'), '--json', '--at', '2026-11-23T12:00:00Z');
    const [report] = JSON.parse(v.stdout) as { valid: boolean; findings: unknown[] }[];
    expect(report!.valid).toBe(true);
    expect(v.code).toBe(0);
  });

  it('accepts the self-consistent SDK simplified samples and rejects the *_Error ones with the reason', () => {
    const samples = listSampleXml().filter((p) => p.includes('/Simplified/'));
    const good = samples.filter((p) => !p.endsWith('_Error.xml')).map((p) => path.join(VECTORS_DIR, p));
    const bad = samples.filter((p) => p.endsWith('_Error.xml')).map((p) => path.join(VECTORS_DIR, p));
    // the samples were issued in 2022-2025: judge them on a clock within a day of issue would need one run each;
    // BR-KSA-98 (24 h) is a warning, so validity is unaffected by the clock
    const ok = dukkan('verify', ...good.filter((p) => p.includes('3.4.6')));
    expect(ok.stdout).not.toMatch(/: error /);
    expect(ok.code).toBe(0);
    const ko = dukkan('verify', ...bad);
    expect(ko.code).toBe(1);
    for (const file of bad) expect(ko.stdout).toContain(`${file}: error invalid-invoice-hash invoice hash mismatch`);
  });

  it.each([
    ['missing seller VAT', { ...simplifiedInvoice(), seller: { ...simplifiedInvoice().seller, vatNumber: undefined } }, /seller\.vatNumber/],
    [
      '14-digit VAT',
      { ...simplifiedInvoice(), seller: { ...simplifiedInvoice().seller, vatNumber: '39999999990003' } },
      /seller\.vatNumber: must be 15 digits, starting and ending with 3 \(BR-KSA-40\)/,
    ],
    [
      'negative quantity',
      simplifiedInvoice({ lines: [{ name: 'Milk', quantity: '-1', unitPrice: '5.00', vat: { category: 'S', rate: '15' } }] }),
      /lines\.0\.quantity: .*must not be negative.*BR-KSA-F-04/,
    ],
    [
      'note without billing reference',
      { ...creditNote(), billingReference: undefined },
      /billingReference: a credit or debit note must reference the original invoice \(BR-KSA-56\)/,
    ],
    [
      'rate 16 on S',
      simplifiedInvoice({ lines: [{ name: 'Milk', quantity: '1', unitPrice: '5.00', vat: { category: 'S', rate: '16' } }] }),
      /lines\.0\.vat\.rate: standard rate \(S\) must be 15 or 5 \(BR-KSA-84\)/,
    ],
    [
      'exempt without code',
      simplifiedInvoice({ lines: [{ name: 'Loan fee', quantity: '1', unitPrice: '5.00', vat: { category: 'E', rate: '0' } }] }),
      /lines\.0\.vat\.exemptionCode: .*\(BR-KSA-23\)/,
    ],
    ['time with fractions', simplifiedInvoice({ issueTime: '10:00:00.123' }), /issueTime: must be HH:MM:SS .*\(BR-KSA-70\)/],
    ['issue date 2026-02-30', simplifiedInvoice({ issueDate: '2026-02-30' }), /issueDate: must be a calendar date YYYY-MM-DD that exists .*\(BR-KSA-F-01\)/],
    ['issue date 2026-11-31', simplifiedInvoice({ issueDate: '2026-11-31' }), /issueDate: must be a calendar date/],
    ['issue date 2026-13-45', simplifiedInvoice({ issueDate: '2026-13-45' }), /issueDate: must be a calendar date/],
    ['supply date 2026-02-30', simplifiedInvoice({ supplyDate: '2026-02-30' }), /supplyDate: must be a calendar date/],
    [
      'original invoice dated 2026-02-30',
      creditNote({ billingReference: { number: 'T1-000001', issueDate: '2026-02-30' } }),
      /billingReference\.issueDate: must be a calendar date/,
    ],
    [
      'seller VAT number not in the certificate',
      simplifiedInvoice({ seller: { ...SELLER, vatNumber: '300000000000003' } }),
      /certificate-permissions: the seller VAT number \(BT-31\) is "300000000000003" but the signing certificate was issued for 399999999900003/,
    ],
    [
      'buyer VAT 123',
      standardInvoice({ buyer: { ...BUYER, vatNumber: '123' } }),
      /buyer\.vatNumber: must be 15 digits, starting and ending with 3 \(BR-KSA-44\)/,
    ],
    [
      'a seller invoicing itself (a business rule error)',
      standardInvoice({ buyer: { ...BUYER, vatNumber: SELLER.vatNumber } }),
      /so it was not issued:\n {2}BR-CUSTOM-VALIDATION-01: The buyer VAT number \(BT-48\) equals the seller's/,
    ],
    [
      'two exemption codes in one category',
      simplifiedInvoice({
        lines: [
          { name: 'Medicine', quantity: '1', unitPrice: '10', vat: { category: 'Z', rate: '0', exemptionCode: 'VATEX-SA-35' } },
          { name: 'Gold bar', quantity: '1', unitPrice: '100', vat: { category: 'Z', rate: '0', exemptionCode: 'VATEX-SA-36' } },
        ],
      }),
      /lines\.1\.vat\.exemptionCode: lines\.1 is zero rated \(Z\) with exemption code VATEX-SA-36 but lines\.0 with VATEX-SA-35.*\(BR-Z-08\)/,
    ],
  ])('refuses a document with %s: clear error, exit 1, no output file', (_name, doc, message) => {
    const out = `bad-${_name.replace(/\W+/g, '-')}.xml`;
    const r = sign(doc as DocumentInputJson, out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(existsSync(path.join(work, out))).toBe(false);
  });

  it.each<[string, DocumentInputJson]>([
    ['a free item, VAT-inclusive prices and two allowances', freeItemWithAllowances()],
    ['a free item and two charges', freeItemWithCharges()],
    ['zero-rated medicine with delivery at 15 %', zeroRatedWithDelivery()],
    [
      'a buyer in the UAE, without postal code',
      standardInvoice({
        buyer: { name: 'Gulf Trading LLC', id: { scheme: 'OTH', value: 'AE1234' }, address: { street: 'Sheikh Zayed Road', city: 'Dubai', country: 'AE' } },
      }),
    ],
  ])('signs %s, and verify finds no error', (_name, doc) => {
    const out = `good-${_name.replace(/\W+/g, '-')}.xml`;
    const r = sign(doc, out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const v = dukkan('verify', path.join(work, out), '--at', '2026-11-23T12:00:00Z');
    expect(v.stdout).not.toMatch(/: error /);
    expect(v.code).toBe(0);
  });

  it("verify reports a seller VAT number the certificate was not issued for (Fatoora's certificate-permissions)", async () => {
    const signed = await signWithSdkKey(simplifiedInvoice({ seller: { ...SELLER, vatNumber: '300000000000003' } }));
    const file = path.join(work, 'foreign-seller.xml');
    writeFileSync(file, signed.bytes);
    const v = dukkan('verify', file, '--at', '2026-11-23T12:00:00Z');
    expect(v.stdout).toMatch(
      /: error certificate-permissions the seller VAT number \(BT-31\) is "300000000000003" but the signing certificate was issued for 399999999900003/,
    );
    expect(v.code).toBe(1);
  });

  it('usage errors exit 2', () => {
    expect(dukkan('verify').code).toBe(2);
    expect(dukkan('sign', '--in', 'x.json').code).toBe(2);
    expect(dukkan('frobnicate').code).toBe(2);
    expect(dukkan('verify', '--bogus', 'x').stderr).toMatch(/unknown option --bogus/);
    // Date() would take 2026-02-30 for 2026-03-02
    const badClock = dukkan('verify', 'x.xml', '--at', '2026-02-30T12:00:00Z');
    expect(badClock.code).toBe(2);
    expect(badClock.stderr).toMatch(/--at must be an ISO-8601 date-time on a day the calendar has/);
  });
});

describe('dukkan csr', () => {
  it('writes a key and a CSR that openssl verifies, with the ZATCA fields', () => {
    const config = writeJson('csr.json', {
      ...CSR_CONFIG,
    });
    const keyOut = path.join(work, 'egs.key');
    const csrOut = path.join(work, 'egs.csr');
    const r = dukkan('csr', '--config', config, '--key-out', keyOut, '--csr-out', csrOut);
    expect(r.code).toBe(0);
    expect(Buffer.from(r.stdout.trim(), 'base64').toString('utf8')).toBe(readFileSync(csrOut, 'utf8'));
    const verified = execFileSync('openssl', ['req', '-in', csrOut, '-verify', '-noout', '-text'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(verified).toContain('PREZATCA-Code-Signing');
    expect(verified).toMatch(/title=0100|title = 0100/);
    const key = execFileSync('openssl', ['ec', '-in', keyOut, '-noout', '-text'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(key).toContain('secp256k1');
  });

  it('refuses a config with a bad VAT number and writes nothing', () => {
    const config = writeJson('bad-csr.json', { commonName: 'x', organizationIdentifier: '123', environment: 'simulation' });
    const r = dukkan('csr', '--config', config, '--key-out', path.join(work, 'k2'), '--csr-out', path.join(work, 'c2'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/organizationIdentifier/);
    expect(existsSync(path.join(work, 'k2'))).toBe(false);
  });
});
