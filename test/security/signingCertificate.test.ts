// SPDX-License-Identifier: UNLICENSED
// Finding 10 (docs/security.md, "The command line"): `dukkan sign` signed with a key that was not the
// certificate's, and with an expired certificate; `dukkan verify` called a document signed with an expired
// certificate valid without a word. Real processes, real key and certificate files (a throwaway test CA).
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simplifiedInvoice } from '../fixtures/documents';
import { runDukkan } from '../support/dukkanCli';
import { signWithSdkKey, SDK_CERTIFICATE } from '../support/signing';
import { createTestEgs, writeTestEgsFiles } from '../support/testCertificate';

const work = mkdtempSync(path.join(tmpdir(), 'dukkan-signing-pair-'));
const DAY = 24 * 3600 * 1000;
const current = writeTestEgsFiles(createTestEgs({ validFrom: new Date('2026-01-01T00:00:00Z') }));
const other = writeTestEgsFiles(createTestEgs({ validFrom: new Date('2026-01-01T00:00:00Z') }));

function sign(options: { key: string; cert: string }, doc = simplifiedInvoice()) {
  const input = path.join(work, `doc-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(input, JSON.stringify(doc));
  const out = `${input}.xml`;
  return { ...runDukkan(['sign', '--in', input, '--key', options.key, '--cert', options.cert, '--out', out], { cwd: work }), written: existsSync(out) };
}

describe('dukkan sign', () => {
  it('signs with a key and the certificate it belongs to', () => {
    const r = sign(current);
    expect(r.stderr).toBe('');
    expect([r.code, r.written]).toEqual([0, true]);
  });

  it('refuses a key that does not belong to the certificate, writing nothing', () => {
    const r = sign({ key: other.key, cert: current.cert });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`The key ${other.key} does not belong to the certificate ${current.cert}`);
    expect(r.written).toBe(false);
  });

  it('refuses a certificate that has expired, naming the date', () => {
    const expired = createTestEgs({ validFrom: new Date(Date.now() - 400 * DAY), validDays: 365 });
    const r = sign(writeTestEgsFiles(expired), simplifiedInvoice({ issueDate: new Date(Date.now() - 200 * DAY).toISOString().slice(0, 10) }));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`expired on ${expired.certificate.notAfter.toISOString()}`);
    expect(r.written).toBe(false);
  });

  it('refuses a document whose signing time lies outside the certificate validity', () => {
    const short = createTestEgs({ validFrom: new Date('2026-06-01T00:00:00Z'), validDays: 400 });
    const files = writeTestEgsFiles(short);
    const before = sign(files, simplifiedInvoice({ issueDate: '2026-05-31' }));
    expect(before.code).toBe(1);
    expect(before.stderr).toContain(`is valid only from ${short.certificate.notBefore.toISOString()}, after the document's signing time 2026-05-31T14:05:09`);
    const after = sign(files, simplifiedInvoice({ issueDate: '2027-12-01' }));
    expect(after.code).toBe(1);
    expect(after.stderr).toContain(
      `had expired at the document's signing time 2027-12-01T14:05:09 (Riyadh; valid until ${short.certificate.notAfter.toISOString()})`,
    );
    expect([before.written, after.written]).toEqual([false, false]);
  });
});

describe('dukkan verify', () => {
  it('warns that a document was signed with a certificate expired at signing time, with the date, and keeps it valid', async () => {
    // the SDK's dummy certificate expired on 2024-11-08; the engine (not the CLI) still signs with it
    const stamped = await signWithSdkKey(simplifiedInvoice({ issueDate: '2026-11-23' }));
    const file = path.join(work, 'expired-at-signing.xml');
    writeFileSync(file, stamped.bytes);
    const r = runDukkan(['verify', file, '--at', '2026-11-23T12:00:00Z'], { cwd: work });
    expect(r.stdout).toContain(
      `${file}: warning certificate-expired-at-signing the certificate had expired at signing time: signed 2026-11-23T14:05:09 (Riyadh), certificate valid until ${SDK_CERTIFICATE.notAfter.toISOString()}`,
    );
    expect(r.stdout).toContain(`${file}: valid (with warnings)`);
    expect(r.code).toBe(0);
  });

  it('says nothing of the kind for a document signed within the validity', async () => {
    const stamped = await signWithSdkKey(simplifiedInvoice({ issueDate: '2023-06-01' }));
    const file = path.join(work, 'within.xml');
    writeFileSync(file, stamped.bytes);
    const r = runDukkan(['verify', file, '--at', '2023-06-01T12:00:00Z'], { cwd: work });
    expect(r.stdout).toContain(`${file}: valid`);
    expect(r.stdout).not.toContain('certificate-');
  });
});
