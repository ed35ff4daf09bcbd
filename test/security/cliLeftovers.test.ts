// SPDX-License-Identifier: UNLICENSED
// Finding 17, CLI part (docs/security.md, "The command line"): `dukkan issue --db NEW` with invalid input created
// an empty ledger (and its folders), which could later be mistaken for a real one; `dukkan sign` left its
// temporary file behind when the final rename failed. Real processes on real folders.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simplifiedInvoice, SELLER } from '../fixtures/documents';
import { runDukkan } from '../support/dukkanCli';
import { createTestEgs, writeTestEgsFiles } from '../support/testCertificate';

const work = mkdtempSync(path.join(tmpdir(), 'dukkan-cli-leftovers-'));
const egs = writeTestEgsFiles(createTestEgs({ validFrom: new Date('2026-01-01T00:00:00Z') }));
const other = writeTestEgsFiles(createTestEgs({ validFrom: new Date('2026-01-01T00:00:00Z') }));
const { number: _n, uuid: _u, issueDate: _d, issueTime: _t, ...sale } = simplifiedInvoice();

function json(name: string, value: unknown): string {
  const file = path.join(work, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

describe('dukkan issue leaves no ledger behind on invalid input', () => {
  it.each([
    ['a document that is not valid', { in: () => json('invalid.json', { kind: 'invoice' }) }, 'document.invalid'],
    ['an unknown key in the document', { in: () => json('typo.json', { ...sale, pricesIncludeVAT: true }) }, 'document.invalid'],
    [
      'a seller the certificate is not for',
      { in: () => json('seller.json', { ...sale, seller: { ...SELLER, vatNumber: '300000000000003' } }) },
      'certificate-permissions',
    ],
    ["a key that is not the certificate's", { key: () => other.key }, 'cli.key-not-certificate'],
    ['a prefix with a space', { extra: ['--prefix', 'T 1'] }, '--prefix must be 1 to 10 letters or digits'],
  ] as const)('%s', (name, change, code) => {
    const folder = path.join(work, `new-${name.replace(/\W+/g, '-')}`);
    const db = path.join(folder, 'sub', 'ledger.sqlite');
    const input = 'in' in change ? change.in() : json('good.json', sale);
    const key = 'key' in change ? change.key() : egs.key;
    const extra = 'extra' in change ? change.extra : [];
    const r = runDukkan(['issue', '--db', db, '--key', key, '--cert', egs.cert, '--in', input, ...extra], { cwd: work });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(code);
    expect(existsSync(folder), `${folder} was created`).toBe(false);
  });

  it('still creates the ledger for valid input', () => {
    const db = path.join(work, 'good', 'ledger.sqlite');
    const r = runDukkan(['issue', '--db', db, '--key', egs.key, '--cert', egs.cert, '--in', json('good.json', sale)], { cwd: work });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^1 T1-000001 \S{44}\n$/);
    expect(existsSync(db)).toBe(true);
  });
});

describe('dukkan sign leaves no temporary file behind', () => {
  it('when the output cannot be renamed into place (it is a folder), with a clear refusal', () => {
    const dir = mkdtempSync(path.join(work, 'sign-'));
    const out = path.join(dir, 'signed.xml');
    mkdirSync(out);
    const r = runDukkan(['sign', '--in', json('sign.json', simplifiedInvoice()), '--key', egs.key, '--cert', egs.cert, '--out', out], { cwd: work });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`[cli.cannot-write] cannot write --out ${out}`);
    expect(readdirSync(dir)).toEqual(['signed.xml']);
    expect(readdirSync(out)).toEqual([]);
  });
});
