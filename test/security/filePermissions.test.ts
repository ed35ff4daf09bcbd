// SPDX-License-Identifier: UNLICENSED
// Owner-only data on disk (docs/security.md "The disk"; main/fs/privateFiles.ts): the data folder and every folder in
// it 0700, the database with its WAL and SHM, the logs, CLI ledgers and exports 0600 — on real files, read back
// with stat, under the usual umask 022 that made them 0755/0644 before. A folder left readable by an older version is
// repaired at start with a warning per path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBrowserMode } from '../../main/browser/startBrowserMode';
import { openDeviceDatabase } from '../../main/db/openDeviceDatabase';
import { exportDocuments } from '../../main/export/exportDocuments';
import { createLogger } from '../../main/log/logger';
import { simplifiedInvoice } from '../fixtures/documents';
import { openTestApp } from '../app/support';
import { createTestEgs, writeTestEgsFiles } from '../support/testCertificate';
import { REPO_ROOT } from '../vectors';

const BIN = path.join(REPO_ROOT, 'bin', 'dukkan.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'dukkan-modes-'));
let previousUmask = 0;
beforeAll(() => {
  previousUmask = process.umask(0o022); // what most shops' systems use: new folders 0755, new files 0644
});
afterAll(() => void process.umask(previousUmask));

const mode = (p: string): string => `0${(statSync(p).mode & 0o777).toString(8)}`;

/** Every folder and file under `root` (root included) with its mode; symbolic links are skipped, as the check skips them. */
function modes(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (p: string): void => {
    const s = lstatSync(p);
    if (s.isSymbolicLink()) return;
    out.set(path.relative(root, p) || '.', `0${(s.mode & 0o777).toString(8)}`);
    if (s.isDirectory()) for (const n of readdirSync(p)) visit(path.join(p, n));
  };
  visit(root);
  return out;
}

function expectPrivate(root: string): void {
  for (const [p, m] of modes(root)) expect(Number.parseInt(m, 8) & 0o077, `${p} is ${m}`).toBe(0);
}

describe('the data folder is owner-only', () => {
  it('a new data folder: 0700 folders; database, WAL and SHM 0600 — live and training', async () => {
    const dataDir = path.join(work, 'new-data');
    const { app } = await openTestApp({ dataDir });
    try {
      expect(mode(dataDir)).toBe('0700');
      for (const f of ['dukkan.sqlite', 'dukkan.sqlite-wal', 'dukkan.sqlite-shm']) expect(mode(path.join(dataDir, f)), f).toBe('0600');
      expect(mode(path.join(dataDir, 'training'))).toBe('0700');
      expect(existsSync(path.join(dataDir, 'training', 'dukkan.sqlite'))).toBe(true);
      expectPrivate(dataDir);
    } finally {
      await app.close();
    }
  });

  it('an old folder left 0755 with 0644 files is repaired at start, one warning per path', async () => {
    const dataDir = path.join(work, 'old-data');
    const first = await openTestApp({ dataDir });
    await first.app.close();
    for (const [p] of modes(dataDir)) chmodSync(path.join(dataDir, p), statSync(path.join(dataDir, p)).isDirectory() ? 0o755 : 0o644);
    writeFileSync(path.join(dataDir, 'notes.txt'), 'left by a backup tool', { mode: 0o666 });
    chmodSync(path.join(dataDir, 'notes.txt'), 0o666);
    const lines: { event: string; fields: Record<string, unknown> }[] = [];
    const logger = createLogger({ sink: (_line, r) => lines.push({ event: r.event, fields: r.fields }) });
    const { app } = await openTestApp({ dataDir, logger });
    try {
      expectPrivate(dataDir);
      expect(mode(dataDir)).toBe('0700');
      expect(mode(path.join(dataDir, 'dukkan.sqlite'))).toBe('0600');
      const repairs = lines.filter((l) => l.event === 'security.permissions-repaired').map((l) => l.fields);
      expect(repairs).toContainEqual(expect.objectContaining({ path: '.', was: '0755', now: '0700' }));
      expect(repairs).toContainEqual(expect.objectContaining({ path: 'dukkan.sqlite', was: '0644', now: '0600' }));
      expect(repairs).toContainEqual(expect.objectContaining({ path: 'notes.txt', was: '0666', now: '0600' }));
      expect(repairs).toContainEqual(expect.objectContaining({ path: path.join('training', 'dukkan.sqlite'), was: '0644', now: '0600' }));
      expect(lines.find((l) => l.event === 'security.permissions-repaired')?.fields).toMatchObject({ component: 'app' });
    } finally {
      await app.close();
    }
    // the next start finds nothing to repair
    const quiet: string[] = [];
    const again = await openTestApp({ dataDir, logger: createLogger({ sink: (_l, r) => quiet.push(r.event) }) });
    await again.app.close();
    expect(quiet.filter((e) => e.startsWith('security.permissions'))).toEqual([]);
  });

  it('a CLI ledger (dukkan issue --db) in a new folder: folder 0700, database, WAL and SHM 0600', () => {
    const egs = writeTestEgsFiles(createTestEgs());
    const { number: _n, uuid: _u, issueDate: _d, issueTime: _t, ...sale } = simplifiedInvoice();
    const saleFile = path.join(work, 'sale.json');
    writeFileSync(saleFile, JSON.stringify(sale));
    const db = path.join(work, 'cli-ledgers', 'shop.sqlite');
    const r = spawnSync(process.execPath, [BIN, 'issue', '--db', db, '--key', egs.key, '--cert', egs.cert, '--in', saleFile, '--count', '2'], {
      encoding: 'utf8',
      cwd: work,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(mode(path.dirname(db))).toBe('0700');
    expect(mode(db)).toBe('0600');
    // the CLI closed its connection (checkpointing the WAL away); a reader reopens it and SQLite recreates both
    const reader = openDeviceDatabase(db);
    try {
      for (const f of [`${db}-wal`, `${db}-shm`]) expect(mode(f), f).toBe('0600');
    } finally {
      reader.close();
    }
  });

  it('dukkan onboard in a new data folder: folder and logs 0700, database and log 0600', () => {
    const dataDir = path.join(work, 'onboard-data');
    // --resume with nothing under way: the folder, database and log are made, then it says there is nothing to do
    const r = spawnSync(process.execPath, [BIN, 'onboard', '--data-dir', dataDir, '--resume'], { encoding: 'utf8', cwd: work });
    expect(r.status, r.stderr).not.toBe(2);
    expect(mode(dataDir)).toBe('0700');
    expect(mode(path.join(dataDir, 'logs'))).toBe('0700');
    expect(mode(path.join(dataDir, 'logs', 'dukkan.log'))).toBe('0600');
    expect(mode(path.join(dataDir, 'dukkan.sqlite'))).toBe('0600');
    expectPrivate(dataDir);
  });

  it('an export zip and its folder are owner-only', async () => {
    const { app, dataDir } = await openTestApp({ dataDir: path.join(work, 'export-data') });
    try {
      const dir = path.join(dataDir, 'exports', 'nested');
      const db = openDeviceDatabase(path.join(dataDir, 'dukkan.sqlite'));
      const result = await exportDocuments(db, {
        from: '2026-01-01',
        to: '2026-12-31',
        dir,
        now: new Date(),
        training: false,
      });
      expect(mode(path.join(dataDir, 'exports'))).toBe('0700');
      expect(mode(dir)).toBe('0700');
      expect(mode(result.path)).toBe('0600');
      db.close();
    } finally {
      await app.close();
    }
  });

  it('browser mode writes its log 0600 in a 0700 folder', async () => {
    const dataDir = path.join(work, 'browser-data');
    const running = await startBrowserMode({ dataDir, quiet: true });
    try {
      expect(mode(path.join(dataDir, 'logs'))).toBe('0700');
      expect(mode(path.join(dataDir, 'logs', 'dukkan.log'))).toBe('0600');
      expectPrivate(dataDir);
    } finally {
      await running.close();
    }
  });
});
