// SPDX-License-Identifier: UNLICENSED
// Backing up a 100,000-document ledger (docs/backups.md): the consistent snapshot (SQLite's online backup API), the
// snapshot packed (brotli frames, main/backup/snapshotPacking.ts), encryption (AES-256-GCM, scrypt key), the write
// under a temporary name with fsync and rename, and the header read back, into a folder on the same disk. Target:
// under 10 s. Also each step alone, the restore's first step (the checksum of the whole file), and the floors.
//
// The history is copies of POOL real, different signed invoices (1 to 8 lines of varied goods, prices and
// quantities) taken in turn, so that what is packed looks like a real ledger's documents: copies of one row would
// pack far better than real documents do, and say nothing. The packing ratio of the real documents alone is shown
// beside it.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDeviceDatabase } from '../main/db/openDeviceDatabase';
import { Ledger, type SaleInput } from '../main/ledger/ledger';
import { createSigningKey } from '../app/crypto/signingKey';
import { newBackupKey } from '../main/backup/backupCipher';
import { openBackup, verifyChecksum } from '../main/backup/backupFormat';
import { generatePassphrase } from '../main/backup/backupPassphrase';
import { runBackup } from '../main/backup/backupRun';
import { snapshotDatabase } from '../main/backup/snapshot';
import { PACKING, packFile } from '../main/backup/snapshotPacking';
import type { SqliteDatabase } from '../native/sqlite/sqliteDriver';
import { createTestEgs } from '../test/support/testCertificate';
import { SELLER } from '../test/fixtures/documents';
import type { BenchSection } from './stats';

const POOL = 300;
const GOODS = ['حليب طازج | Fresh milk', 'تمر | Dates', 'خبز | Bread', 'أرز | Rice', 'سكر | Sugar', 'شاي | Tea', 'قهوة | Coffee', 'ماء | Water'];

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
}

/** A varied sale: the pool's documents differ as a day's receipts do (deterministic, so runs compare). */
function variedSale(i: number): SaleInput {
  const lines = 1 + ((i * 7) % 8);
  return {
    kind: 'invoice',
    seller: SELLER,
    lines: Array.from({ length: lines }, (_, l) => ({
      name: GOODS[(i + l * 3) % GOODS.length]!,
      quantity: String(1 + ((i + l) % 5)),
      unitPrice: `${1 + ((i * 13 + l * 7) % 60)}.${String((i * 31 + l) % 100).padStart(2, '0')}`,
      vat: { category: 'S' as const, rate: '15' },
    })),
  };
}

/** Fills the ledger to `target` documents with copies of its real rows in turn (fresh UUID, number, ICV, PIH chain). */
function fillFromPool(db: SqliteDatabase, target: number): void {
  const pool = db.prepare('SELECT * FROM documents ORDER BY id').all() as (Record<string, unknown> & { id: number; icv: number; hash: string })[];
  const insert = db.prepare(
    `INSERT INTO documents (chain_id, icv, uuid, number, kind, profile, issue_date, issue_time, issued_at, pih, hash, qr, xml, input_json,
       tax_exclusive, vat, tax_inclusive, payable, billing_reference, original_document_id, corrects_document_id, committed_at)
     VALUES (@chain_id, @icv, @uuid, @number, @kind, @profile, @issue_date, @issue_time, @issued_at, @pih, @hash, @qr, @xml, @input_json,
       @tax_exclusive, @vat, @tax_inclusive, @payable, NULL, NULL, NULL, @committed_at)`,
  );
  const lines = db.prepare(
    `INSERT INTO document_lines (document_id, line_id, name, quantity, unit_price, vat_category, vat_rate)
     SELECT ?, line_id, name, quantity, unit_price, vat_category, vat_rate FROM document_lines WHERE document_id = ?`,
  );
  const job = db.prepare("INSERT INTO reporting_jobs (document_id, state, next_attempt_at, updated_at) VALUES (?, 'reported', 0, 0)");
  let pih = pool.at(-1)!.hash;
  let icv = pool.at(-1)!.icv;
  db.transaction(() => {
    for (let n = pool.length; n < target; n++) {
      const from = pool[n % pool.length]!;
      icv++;
      const hash = Buffer.from(`${icv}`.padStart(32, '0')).toString('base64');
      const info = insert.run({ ...from, icv, uuid: crypto.randomUUID(), number: `T1-${String(icv).padStart(6, '0')}`, pih, hash });
      lines.run(info.lastInsertRowid, from.id);
      job.run(info.lastInsertRowid);
      pih = hash;
    }
    db.prepare('UPDATE number_sequences SET next_value = ? WHERE prefix = ?').run(icv + 1, 'T1');
  })();
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
    const ledgerFile = path.join(dataDir, 'dukkan.sqlite');
    const db = openDeviceDatabase(ledgerFile);
    const ledger = new Ledger(db, { numberPrefix: 'T1', environment: 'bench' });
    for (let i = 0; i < POOL; i++) await ledger.issue(variedSale(i), signing);
    db.pragma('wal_checkpoint(TRUNCATE)');
    // the real documents alone, packed as a backup packs them
    const realCopy = path.join(dir, 'real.sqlite');
    await snapshotDatabase(db, realCopy);
    const realBytes = statSync(realCopy).size;
    const realPacked = await packFile(realCopy, `${realCopy}.packed`);
    rmSync(realCopy);
    rmSync(`${realCopy}.packed`);
    fillFromPool(db, documents);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const ledgerBytes = statSync(ledgerFile).size;
    const passphrase = generatePassphrase();
    const [, scryptMs] = await timed(() => newBackupKey(passphrase));
    const snapshots: number[] = [];
    const packings: number[] = [];
    const totals: number[] = [];
    let file = '';
    for (let r = 0; r < runs; r++) {
      // the whole backup, then the steps alone, within one round (a shared machine's load moves between rounds);
      // before each, the disk finishes writing back what the bench wrote before (sync), so a measure does not pay
      // for the one before it
      execFileSync('sync');
      const [run, ms] = await timed(() => runBackup({ db, dataDir, targets: [target], passphrase, training: false, now: new Date(Date.now() + r * 1000) }));
      const o = run.outcomes[0]!;
      if (!o.ok) throw o.error;
      file = o.file;
      totals.push(ms);
      execFileSync('sync');
      const snap = path.join(dir, `snap-${r}.sqlite`);
      snapshots.push((await timed(() => snapshotDatabase(db, snap)))[1]);
      packings.push((await timed(() => packFile(snap, `${snap}.packed`)))[1]);
      rmSync(snap);
      rmSync(`${snap}.packed`);
    }
    const backup = await openBackup(file);
    const [, checksumMs] = await timed(() => verifyChecksum(backup));
    db.close();
    // the floors this machine sets, at the same moment: a plain copy of the ledger file (disk), and this Node's
    // AES-256-GCM and SHA-256 over 256 MiB in memory (1 MiB updates, as backupCipher.ts makes them)
    const [, copyMs] = await timed(async () => copyFileSync(ledgerFile, path.join(dir, 'plain-copy.sqlite')));
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
    const loadAfter = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' / ');
    const snapshotBytes = backup.header.snapshotBytes ?? ledgerBytes;
    const markdown = [
      `A ledger of ${documents.toLocaleString('en')} documents (${mib(ledgerBytes)}: ${POOL} real signed invoices of 1 to 8 varied lines, the rest`,
      'copies of them in turn with fresh UUIDs, numbers, ICVs and a PIH chain) backed up into a folder on the same disk;',
      `median of ${runs} runs, each after \`sync\`. One backup = snapshot + manifest + packing (brotli quality ${PACKING.quality}, 1 MiB frames, two at once) +`,
      'scrypt + AES-256-GCM and SHA-256 + write, fsync, rename + header read back.',
      '',
      '| step | time |',
      '|---|---|',
      `| whole backup (runBackup) | **${seconds(total)}** |`,
      `| the snapshot alone (online backup API, 16 MiB steps) | ${seconds(median(snapshots))} |`,
      `| packing the snapshot alone | ${seconds(median(packings))} |`,
      `| the scrypt key derivation | ${seconds(scryptMs)} |`,
      `| checksum of the whole backup (a restore's first step) | ${seconds(checksumMs)} |`,
      `| for comparison: a plain copy of the ledger file | ${seconds(copyMs)} |`,
      '',
      `Backup file: ${mib(backup.size)} for a ${mib(snapshotBytes)} snapshot (${(snapshotBytes / backup.size).toFixed(1)} : 1). The ${POOL} real documents`,
      `alone pack ${(realBytes / realPacked).toFixed(1)} : 1 (${(realBytes / 1024).toFixed(0)} KiB → ${(realPacked / 1024).toFixed(0)} KiB). Each run: ${totals.map(seconds).join(', ')}.`,
      `This Node's node:crypto at the same moment: AES-256-GCM ${mibPerS(gcmMs)}, SHA-256 ${mibPerS(shaMs)} (in memory). Load average after: ${loadAfter}.`,
      '',
      `Target: a 100,000-document ledger backed up in under 10 s — ${total < 10_000 ? 'met' : 'NOT met'} (${seconds(total)}).`,
      '',
      'Before packing (format 1, 2026-12-04, load average 6.7) the same backup took 22.58 s: the snapshot, then the',
      'whole 1.7 GB ledger encrypted and written and fsynced a second time. Packed, the target gets a twelfth to a',
      'fifteenth of the bytes, and what is left is the snapshot (SQLite copying every page, and fsyncing its copy) and',
      'the packing, both CPU work that a loaded machine stretches. A copy without the snapshot’s fsync, or backups',
      'that carry only the pages changed since a full one, would be the next steps; neither is built. Earlier runs',
      'the same day: 15.41 s at load average 10 (no sync between runs; the snapshot unlinked on the main thread),',
      '11.54 s at load average 3.4 (the unlink still on the path). The 10 s holds on a quiet machine only.',
    ].join('\n');
    return {
      title: 'Backups: a 100,000-document ledger',
      markdown,
      figures: { totalMs: total, snapshotMs: median(snapshots), packMs: median(packings), checksumMs, ledgerBytes, backupBytes: backup.size },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
