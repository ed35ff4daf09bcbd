// SPDX-License-Identifier: UNLICENSED
// Format 2 backups pack the snapshot before encrypting it (main/backup/snapshotPacking.ts, docs/backups.md): the
// file is a fraction of the ledger, the restore gives back exactly the snapshot's bytes, a backup of format 1 (written
// before packing) still restores, and a packed stream that GCM authenticates but that does not unpack to what it says
// is refused before anything is placed. Real ledgers with real signed documents, real files.
import { afterAll, describe, expect, it } from 'vitest';
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { encryptInto, newBackupKey } from '../../main/backup/backupCipher';
import { headerPrefix, openBackup, type BackupHeader } from '../../main/backup/backupFormat';
import { readManifest, type BackupManifest } from '../../main/backup/backupManifest';
import { generatePassphrase } from '../../main/backup/backupPassphrase';
import { runBackup } from '../../main/backup/backupRun';
import { restoreBackup } from '../../main/backup/restoreBackup';
import { snapshotDatabase } from '../../main/backup/snapshot';
import { PACKING, packFile, unpackInto } from '../../main/backup/snapshotPacking';
import { openSqlite } from '../../native/sqlite/sqliteDriver';
import { useTempDirs } from '../support/tempDirs';
import { memoryKeychains, refusal, terminalPool, type TestTerminal } from './support';

const newDir = useTempDirs('dukkan-backup-packing-');
const PASSPHRASE = generatePassphrase();
const keychains = memoryKeychains();
const terminals = terminalPool(newDir);
afterAll(() => terminals.closeAll());
const terminalWith = (documents: number) => terminals.withDocuments(documents);

/** A consistent snapshot of the terminal's ledger in a file of its own, and its manifest, as runBackup takes them. */
async function snapshotOf(t: TestTerminal): Promise<{ snapshot: string; manifest: BackupManifest }> {
  const snapshot = path.join(newDir(), 'snapshot.sqlite');
  await snapshotDatabase(t.db, snapshot);
  const db = openSqlite(snapshot);
  try {
    db.pragma('journal_mode = DELETE');
    return { snapshot, manifest: readManifest(db, { training: false, createdAt: new Date() }) };
  } finally {
    db.close();
  }
}

const restoreInto = (files: string[]) =>
  restoreBackup({ dataDir: path.join(newDir(), 'fresh'), files, keychainOf: keychains.of, now: new Date(), passphrase: PASSPHRASE });

describe('packed backups', () => {
  it('pack and unpack give back the same bytes, in frames of at most a megabyte', async () => {
    const t = await terminalWith(40);
    const { snapshot } = await snapshotOf(t);
    const packed = path.join(newDir(), 'packed');
    // frames of 64 KiB, so a small ledger still spans many of them
    const params = { ...PACKING, frameBytes: 64 * 1024 };
    const packedBytes = await packFile(snapshot, packed, params);
    expect(packedBytes).toBe(statSync(packed).size);
    const back = path.join(newDir(), 'back.sqlite');
    const out = await open(back, 'w');
    try {
      expect(await unpackInto(out, packed, params)).toBe(statSync(snapshot).size);
    } finally {
      await out.close();
    }
    expect(readFileSync(back).equals(readFileSync(snapshot))).toBe(true);
  });

  it('a backup is a fraction of the ledger, says how it was packed, and restores with its audit passing', async () => {
    const t = await terminalWith(150);
    t.db.pragma('wal_checkpoint(TRUNCATE)');
    const target = newDir();
    const run = await runBackup({ db: t.db, dataDir: t.dataDir, targets: [target], passphrase: PASSPHRASE, training: false, now: new Date() });
    const outcome = run.outcomes[0]!;
    if (!outcome.ok) throw outcome.error;
    const b = await openBackup(outcome.file);
    expect(b.header).toMatchObject({ format: 2, packing: PACKING });
    expect(b.header.snapshotBytes).toBeGreaterThanOrEqual(statSync(t.file).size / 2);
    expect(b.size * 5).toBeLessThan(b.header.snapshotBytes!);
    const restored = await restoreInto([outcome.file]);
    expect(restored.mode).toBe('archive');
    expect(restored.manifest.documents).toBe(150);
  });

  it('a backup of format 1 (the snapshot encrypted as it was, before packing) still restores', async () => {
    const t = await terminalWith(3);
    const { snapshot, manifest } = await snapshotOf(t);
    // written exactly as format 1 was: header, AES-256-GCM of the snapshot with the header as AAD, tag, SHA-256
    const key = await newBackupKey(PASSPHRASE);
    const plain = readFileSync(snapshot);
    const iv = randomBytes(12);
    const header: BackupHeader = { format: 1, manifest, plainBytes: plain.length, cipher: 'aes-256-gcm', iv: iv.toString('base64'), kdf: key.kdf };
    const prefix = headerPrefix(header);
    const cipher = createCipheriv('aes-256-gcm', key.key, iv).setAAD(prefix);
    const body = Buffer.concat([prefix, cipher.update(plain), cipher.final()]);
    const withTag = Buffer.concat([body, cipher.getAuthTag()]);
    const file = path.join(newDir(), 'dukkan-format1.dkbackup');
    writeFileSync(file, Buffer.concat([withTag, createHash('sha256').update(withTag).digest()]));
    const restored = await restoreInto([file]);
    expect(restored.mode).toBe('archive');
    expect(restored.manifest.chains[0]).toMatchObject({ firstIcv: 1, lastIcv: 3 });
  });

  it('a packed stream that does not unpack to what it says is refused, and nothing is placed', async () => {
    const t = await terminalWith(3);
    const { snapshot, manifest } = await snapshotOf(t);
    const packed = path.join(newDir(), 'packed');
    await packFile(snapshot, packed);
    // the first frame claims one byte more than it unpacks to; encrypted with the right key, so GCM and the checksum pass
    const bytes = readFileSync(packed);
    bytes.writeUInt32BE(bytes.readUInt32BE(0) + 1, 0);
    writeFileSync(packed, bytes);
    const file = path.join(newDir(), 'dukkan-badframe.dkbackup');
    const out = await open(file, 'wx');
    try {
      await encryptInto(out, { file: packed, packing: PACKING, snapshotBytes: statSync(snapshot).size }, manifest, await newBackupKey(PASSPHRASE));
    } finally {
      await out.close();
    }
    const dataDir = path.join(newDir(), 'fresh');
    const e = await refusal(restoreBackup({ dataDir, files: [file], keychainOf: keychains.of, now: new Date(), passphrase: PASSPHRASE }));
    expect(e.code).toBe('backup.audit-failed');
    expect(String(e.params.detail)).toMatch(/unpacks to \d+ bytes, not \d+/);
    expect(existsSync(dataDir) ? readdirSync(dataDir) : []).toEqual([]);
  });
});
