// SPDX-License-Identifier: UNLICENSED
// Backing up a 100,000-document ledger (docs/backups.md): the consistent snapshot (SQLite's online backup API), then
// encryption (AES-256-GCM, scrypt key), the write under a temporary name with fsync and rename, and the read-back
// checksum, into a folder on the same disk. Target: under 10 s. Also the restore's first step, the checksum of the
// whole file, and the scrypt derivation alone.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDeviceDatabase } from '../main/db/openDeviceDatabase';
import { Ledger } from '../main/ledger/ledger';
import { createSigningKey } from '../app/crypto/signingKey';
import { newBackupKey } from '../main/backup/backupCipher';
import { openBackup, verifyChecksum } from '../main/backup/backupFormat';
import { generatePassphrase } from '../main/backup/backupPassphrase';
import { runBackup } from '../main/backup/backupRun';
import { snapshotDatabase } from '../main/backup/snapshot';
import { createTestEgs } from '../test/support/testCertificate';
import { fillTo, SALE } from './ledger';
import type { BenchSection } from './stats';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
}

export async function benchBackup(options: { documents?: number; runs?: number } = {}): Promise<BenchSection> {
  const documents = options.documents ?? 100_000;
  const runs = options.runs ?? 3;
  const egs = createTestEgs();
  const signing = { certificate: egs.certificate, sign: createSigningKey(egs.privateKey).sign };
  const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-bench-backup-'));
  try {
    const dataDir = path.join(dir, 'data');
    const target = path.join(dir, 'usb');
    mkdirSync(dataDir);
    mkdirSync(target);
    const db = openDeviceDatabase(path.join(dataDir, 'dukkan.sqlite'));
    const ledger = new Ledger(db, { numberPrefix: 'T1', environment: 'bench' });
    for (let i = 0; i < 10; i++) await ledger.issue(SALE, signing);
    fillTo(db, documents);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const ledgerBytes = statSync(path.join(dataDir, 'dukkan.sqlite')).size;
    const passphrase = generatePassphrase();
    const [, scryptMs] = await timed(() => newBackupKey(passphrase));
    const snapshots: number[] = [];
    const totals: number[] = [];
    let file = '';
    for (let r = 0; r < runs; r++) {
      const snap = path.join(dir, `snap-${r}.sqlite`);
      snapshots.push((await timed(() => snapshotDatabase(db, snap)))[1]);
      rmSync(snap);
      const [run, ms] = await timed(() => runBackup({ db, dataDir, targets: [target], passphrase, training: false, now: new Date(Date.now() + r * 1000) }));
      const o = run.outcomes[0]!;
      if (!o.ok) throw o.error;
      file = o.file;
      totals.push(ms);
    }
    const backup = await openBackup(file);
    const [, checksumMs] = await timed(() => verifyChecksum(backup));
    db.close();
    // the floors this machine sets, at the same moment: a plain copy of the ledger file (disk), and this Node's
    // AES-256-GCM and SHA-256 over 256 MiB in memory (1 MiB updates, as backupCipher.ts makes them)
    const [, copyMs] = await timed(async () => copyFileSync(path.join(dataDir, 'dukkan.sqlite'), path.join(dir, 'plain-copy.sqlite')));
    rmSync(path.join(dir, 'plain-copy.sqlite'));
    const chunk = randomBytes(2 ** 20);
    const [, gcmMs] = await timed(async () => {
      const c = createCipheriv('aes-256-gcm', randomBytes(32), randomBytes(12));
      for (let i = 0; i < 256; i++) c.update(chunk);
    });
    const [, shaMs] = await timed(async () => {
      const h = createHash('sha256');
      for (let i = 0; i < 256; i++) h.update(chunk);
    });
    const mibPerS = (ms: number) => `${(256 / (ms / 1000)).toFixed(0)} MiB/s`;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const total = median(totals);
    const markdown = [
      `A ledger of ${documents.toLocaleString('en')} documents (${(ledgerBytes / 2 ** 20).toFixed(0)} MiB: 10 real 5-line invoices, the rest copies`,
      'of a real row as in the ledger benchmark) backed up into a folder on the same disk; median of',
      `${runs} runs. One backup = snapshot + manifest + scrypt + AES-256-GCM and SHA-256 + write, fsync, rename + header read back.`,
      '',
      '| step | time |',
      '|---|---|',
      `| whole backup (runBackup) | ${seconds(total)} |`,
      `| of which the snapshot (online backup API, 16 MiB steps) | ${seconds(median(snapshots))} |`,
      `| of which the scrypt key derivation | ${seconds(scryptMs)} |`,
      `| checksum of the whole backup (a restore's first step) | ${seconds(checksumMs)} |`,
      `| for comparison: a plain copy of the ledger file | ${seconds(copyMs)} |`,
      '',
      `This Node's node:crypto at the same moment: AES-256-GCM ${mibPerS(gcmMs)}, SHA-256 ${mibPerS(shaMs)} (in memory).`,
      `Backup file: ${(backup.size / 2 ** 20).toFixed(0)} MiB. Each run: ${totals.map(seconds).join(', ')}.`,
      '',
      `Target: a 100,000-document ledger backed up in under 10 s — ${total < 10_000 ? 'met' : 'NOT met'} (${seconds(total)}).`,
      '',
      'Where the time goes: the snapshot (SQLite copies the ledger page by page), AES-256-GCM and SHA-256 at this',
      "Node's speed (the line above), and a durable (fsynced) write of the whole file — every backup holds the whole",
      'ledger. Meeting 10 s here would take backups that hold less: only the documents since the previous backup, or',
      'compressed pages. Neither is built.',
    ].join('\n');
    return { title: 'Backups: a 100,000-document ledger', markdown, figures: { totalMs: total, snapshotMs: median(snapshots), checksumMs, ledgerBytes } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
