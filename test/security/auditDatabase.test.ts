// SPDX-License-Identifier: UNLICENSED
// `dukkan audit` checks the database file itself, not only the chain (main/db/databaseChecks.ts): a damaged index —
// one issuance reads, so the next issue fails — or a row pointing at nothing makes audit fail, naming SQLite's
// check. And audit reads a ledger where it cannot write: a copy in a read-only folder is audited, never modified
// (main/db/openReadOnlyLedger.ts). Real SQLite files, the real CLI as a process.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDeviceDatabase } from '../../main/db/openDeviceDatabase';
import { Ledger } from '../../main/ledger/ledger';
import { simplifiedInvoice } from '../fixtures/documents';
import { createTestEgs, writeTestEgsFiles } from '../support/testCertificate';
import { REPO_ROOT } from '../vectors';

const BIN = path.join(REPO_ROOT, 'bin', 'dukkan.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'dukkan-audit-db-'));
const egs = createTestEgs();
const { number: _n, uuid: _u, issueDate: _d, issueTime: _t, ...sale } = simplifiedInvoice();

function dukkan(args: string[], options: { uid?: number; gid?: number; tmp?: string } = {}) {
  const { tmp, ...user } = options;
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    cwd: work,
    ...user,
    ...(tmp !== undefined ? { env: { ...process.env, HOME: tmp, TMPDIR: tmp } } : {}),
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A ledger of `count` documents issued through the real Ledger, closed (its WAL checkpointed into the file). */
async function ledgerFile(name: string, count = 3): Promise<string> {
  const file = path.join(work, name, 'ledger.sqlite');
  const db = openDeviceDatabase(file);
  const ledger = new Ledger(db, { numberPrefix: 'T1', environment: 'local-simulator' });
  for (let i = 0; i < count; i++) await ledger.issue(sale, egs.signing);
  db.close();
  return file;
}

describe('audit runs SQLite integrity_check and foreign_key_check', () => {
  it('a clean ledger passes, and --json carries both checks', async () => {
    const file = await ledgerFile('clean');
    const text = dukkan(['audit', '--db', file]);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(/^ledger OK: 3 documents in 1 chain/);
    const json = dukkan(['audit', '--db', file, '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ ok: true, documents: 3, database: { integrityCheck: [], foreignKeyCheck: [] } });
  });

  it('a damaged index that issuance reads: audit fails naming integrity_check (and issue fails on the same file)', async () => {
    const file = await ledgerFile('damaged-index');
    const probe = new Database(file, { readonly: true });
    const { rootpage } = probe.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'documents_committed_at'").get() as { rootpage: number };
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    probe.close();
    // the index's root page overwritten, as a failing disk or a torn copy would leave it; the documents table is intact
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootpage - 1) * pageSize);
    closeSync(fd);

    const audit = dukkan(['audit', '--db', file]);
    expect(audit.code, audit.err).toBe(1);
    expect(audit.out, audit.err).toMatch(/^ledger BROKEN: SQLite integrity_check: /m);
    expect(audit.out).not.toMatch(/ledger OK/);
    const json = JSON.parse(dukkan(['audit', '--db', file, '--json']).out) as { ok: boolean; database: { integrityCheck: string[] } };
    expect(json.ok).toBe(false);
    expect(json.database.integrityCheck.length).toBeGreaterThan(0);

    // why it matters: issuance reads that index (the clock guard), so the file audit would have called good cannot issue
    const files = writeTestEgsFiles(egs);
    const saleFile = path.join(work, 'sale.json');
    writeFileSync(saleFile, JSON.stringify(sale));
    const issue = dukkan(['issue', '--db', file, '--key', files.key, '--cert', files.cert, '--in', saleFile]);
    expect(issue.code).not.toBe(0);
  });

  it('a row that points at nothing: audit fails naming foreign_key_check and the table', async () => {
    const file = await ledgerFile('dangling');
    const raw = new Database(file);
    raw.pragma('foreign_keys = OFF');
    raw
      .prepare(
        "INSERT INTO document_lines (document_id, line_id, name, quantity, unit_price, vat_category, vat_rate) VALUES (999, 1, 'x', '1', '1.00', 'S', '15')",
      )
      .run();
    raw.close();
    const audit = dukkan(['audit', '--db', file]);
    expect(audit.code).toBe(1);
    expect(audit.out).toMatch(/^ledger BROKEN: SQLite foreign_key_check: document_lines row \d+ refers to a documents row that does not exist$/m);
    // the chain itself is intact, and audit says so too
    expect(audit.out).toMatch(/the chain itself: 3 documents in 1 chain/);
  });
});

describe('audit opens a read-only copy read-only', () => {
  it('a ledger copied into a read-only folder is audited there without writing a byte', async () => {
    const source = await ledgerFile('to-copy');
    const dir = path.join(work, 'read-only-copy');
    mkdirSync(dir);
    const copy = path.join(dir, 'ledger.sqlite');
    copyFileSync(source, copy);
    const before = readFileSync(copy);
    chmodSync(copy, 0o444);
    chmodSync(dir, 0o555);
    // root writes anywhere: the audit runs as an ordinary account, for which the folder really is read-only
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const userTmp = path.join(work, 'user-tmp');
    mkdirSync(userTmp, { mode: 0o777 });
    chmodSync(userTmp, 0o1777);
    // and may pass through this run's temporary folders (made 0700, nested when several test projects run) to reach it
    if ('uid' in asUser) for (let d = work; path.basename(d).startsWith('dukkan-'); d = path.dirname(d)) chmodSync(d, statSync(d).mode | 0o005);
    const audit = dukkan(['audit', '--db', copy], { ...asUser, tmp: userTmp });
    expect(audit.code, audit.err).toBe(0);
    expect(audit.out).toMatch(/^ledger OK: 3 documents in 1 chain/);
    expect(readdirSync(dir)).toEqual(['ledger.sqlite']); // no -wal or -shm left beside it
    expect(readFileSync(copy).equals(before)).toBe(true);
  });
});
