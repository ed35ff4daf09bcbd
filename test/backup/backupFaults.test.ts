// SPDX-License-Identifier: UNLICENSED
// Backups and restores against every bad input the issue names (docs/backups.md): a missing, read-only or full
// target, a drive removed while the backup is written, a wrong passphrase, a corrupted or truncated backup, and a
// backup of another terminal. Each is a refusal with English and Arabic text naming what is wrong; no backup file is
// left half-written under a backup's name and no ledger is replaced. Real SQLite files with real signed documents,
// real folders (a real small or read-only file system where this account may mount one).
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import { errorText, type DukkanError } from '../../app/errors/index';
import { openBackup, verifyChecksum } from '../../main/backup/backupFormat';
import { runBackup } from '../../main/backup/backupRun';
import { generatePassphrase } from '../../main/backup/backupPassphrase';
import { restoreBackup } from '../../main/backup/restoreBackup';
import { useTempDirs } from '../support/tempDirs';
import { memoryKeychains, refusal, terminalPool, type TestTerminal } from './support';

const newDir = useTempDirs('dukkan-backup-faults-');
const ARABIC = /[\u0600-\u06FF]/;
const PASSPHRASE = generatePassphrase();
const keychains = memoryKeychains();

function bilingual(e: DukkanError): void {
  expect(errorText(e.code, e.params, 'ar')).toMatch(ARABIC);
  expect(errorText(e.code, e.params, 'en')).not.toMatch(/\{\w+\}/);
}

const terminals = terminalPool(newDir);
afterAll(() => terminals.closeAll());
const terminalWith = (documents: number) => terminals.withDocuments(documents);

const backUp = (t: TestTerminal, targets: string[]) =>
  runBackup({ db: t.db, dataDir: t.dataDir, targets, passphrase: PASSPHRASE, training: false, now: new Date() });

/** Names in a folder that are backups or their temporary files. */
const backupFiles = (dir: string): string[] => readdirSync(dir).filter((n) => n.includes('dkbackup'));

/** A real file system of `size` bytes (tmpfs), when this account may mount one; unmounted after the file's tests. */
const mounts: string[] = [];
afterAll(() => mounts.splice(0).forEach((dir) => spawnSync('umount', ['-l', dir])));
function smallFileSystem(size: string, options = ''): string | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const dir = newDir();
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}${options}`, 'tmpfs', dir]);
  if (r.status !== 0) return undefined;
  mounts.push(dir);
  return dir;
}

describe('backing up to a folder', () => {
  it('writes one encrypted, checksummed file with its manifest, and leaves nothing else', async () => {
    const t = await terminalWith(3);
    const target = newDir();
    const run = await backUp(t, [target]);
    const [outcome] = run.outcomes;
    expect(outcome?.ok).toBe(true);
    expect(backupFiles(target)).toHaveLength(1);
    const b = await openBackup(path.join(target, backupFiles(target)[0]!));
    await verifyChecksum(b);
    expect(b.header.manifest.chains).toEqual([
      expect.objectContaining({ firstIcv: 1, lastIcv: 3, documents: 3, serial: expect.any(String), headHash: expect.any(String) }),
    ]);
    // the documents are not readable in the file: encrypted
    const raw = readFileSync(b.file);
    expect(raw.includes(Buffer.from('<cbc:ProfileID>'))).toBe(false);
    expect(raw.includes(Buffer.from('SQLite format 3'))).toBe(false);
    // the work folder holds no snapshot afterwards
    expect(readdirSync(path.join(t.dataDir, 'backup-work'))).toEqual([]);
  });

  it('a missing folder (USB drive not plugged in) is refused, the other target still gets its backup', async () => {
    const t = await terminalWith(1);
    const good = newDir();
    const missing = path.join(newDir(), 'usb-drive');
    const run = await backUp(t, [missing, good]);
    expect(run.outcomes[0]).toMatchObject({ ok: false, error: { code: 'backup.target-missing' } });
    bilingual(run.outcomes[0]!.ok ? (undefined as never) : (run.outcomes[0]!.error as DukkanError));
    expect(run.outcomes[1]?.ok).toBe(true);
    expect(existsSync(missing)).toBe(false);
  });

  it('a read-only folder is refused and nothing is written into it', async () => {
    const t = await terminalWith(1);
    let target = smallFileSystem('1m', ',ro');
    if (!target) {
      target = newDir();
      chmodSync(target, 0o555); // an ordinary account: the folder really is read-only for it
    }
    const run = await backUp(t, [target]);
    expect(run.outcomes[0]).toMatchObject({ ok: false, error: { code: 'backup.target-read-only' } });
    expect(readdirSync(target)).toEqual([]);
  });

  it.skipIf(!smallFileSystem('16k'))('a full drive fails mid-write: the partial file is removed, older backups are kept', async () => {
    // packed, a backup is about a kilobyte per document (snapshotPacking.ts): 150 of them do not fit in 64 KiB
    const t = await terminalWith(150);
    const target = smallFileSystem('64k')!;
    const old = path.join(target, 'dukkan-older.dkbackup');
    writeFileSync(old, 'an older backup');
    const run = await backUp(t, [target]);
    const outcome = run.outcomes[0]!;
    expect(outcome).toMatchObject({ ok: false, error: { code: 'backup.target-full' } });
    bilingual(outcome.ok ? (undefined as never) : (outcome.error as DukkanError));
    expect(readdirSync(target)).toEqual(['dukkan-older.dkbackup']);
  });

  it('a drive removed while the backup is written: refused, no file under a backup name is left', async () => {
    // enough documents that the file takes several writes, so the removal lands in the middle
    const t = await terminalWith(150);
    const parent = newDir();
    const target = path.join(parent, 'usb');
    mkdirSync(target);
    const watcher = watch(target, (_event, name) => {
      if (String(name).endsWith('.partial')) rmSync(target, { recursive: true, force: true });
    });
    try {
      const run = await backUp(t, [target]);
      expect(run.outcomes[0]).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^backup\.target-(lost|missing)$/) } });
    } finally {
      watcher.close();
    }
    // plugged back in: the folder holds no backup and no half-written file
    expect(existsSync(target) ? backupFiles(target) : []).toEqual([]);
  });
});

describe('restoring from a bad backup changes nothing', () => {
  const setup = async () => {
    const t = await terminalWith(2);
    const target = newDir();
    await backUp(t, [target]);
    const file = path.join(target, backupFiles(target)[0]!);
    const restoreDir = path.join(newDir(), 'fresh');
    return { t, file, restoreDir };
  };
  const restore = (dataDir: string, files: string[], passphrase?: string) =>
    restoreBackup({ dataDir, files, keychainOf: keychains.of, now: new Date(), ...(passphrase ? { passphrase } : {}) });

  it('a wrong passphrase is named as such', async () => {
    const { file, restoreDir } = await setup();
    const e = await refusal(restore(restoreDir, [file], generatePassphrase()));
    expect(e.code).toBe('backup.wrong-passphrase');
    bilingual(e);
    expect(existsSync(restoreDir) ? readdirSync(restoreDir) : []).toEqual([]);
  });

  it("a passphrase that is not a recovery sheet's is refused naming the field", async () => {
    const { file, restoreDir } = await setup();
    const e = await refusal(restore(restoreDir, [file], 'hunter2'));
    expect(e.code).toBe('backup.passphrase-format');
    expect(e.field).toBe('passphrase');
  });

  it('one changed byte in the middle: the checksum says damaged, before any passphrase is tried', async () => {
    const { file, restoreDir } = await setup();
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(file, bytes);
    const e = await refusal(restore(restoreDir, [file], 'not even a passphrase'));
    expect(e.code).toBe('backup.checksum-mismatch');
    bilingual(e);
  });

  it('a truncated copy is named truncated, with both sizes', async () => {
    const { file, restoreDir } = await setup();
    const size = statSync(file).size;
    truncateSync(file, size - 1000);
    const e = await refusal(restore(restoreDir, [file], PASSPHRASE));
    expect(e.code).toBe('backup.truncated');
    expect(e.params).toMatchObject({ bytes: size - 1000, expected: size });
  });

  it('a file that is not a backup is named so', async () => {
    const { restoreDir } = await setup();
    const other = path.join(newDir(), 'photo.dkbackup');
    writeFileSync(other, 'JFIF not a backup at all');
    expect((await refusal(restore(restoreDir, [other], PASSPHRASE))).code).toBe('backup.not-a-backup');
  });

  it("another terminal's backup is refused over this terminal's ledger, which stays as it was", async () => {
    const { file } = await setup();
    const here = await terminalWith(1);
    terminals.closeOne(here);
    const before = readFileSync(here.file);
    const e = await refusal(restore(here.dataDir, [file], PASSPHRASE));
    expect(e.code).toBe('backup.other-terminal');
    bilingual(e);
    expect(readFileSync(here.file).equals(before)).toBe(true);
  });

  it('an older backup over a ledger that reaches further is refused: documents would be lost', async () => {
    const { t, file } = await setup();
    await t.issue(1);
    terminals.closeOne(t);
    const e = await refusal(restore(t.dataDir, [file], PASSPHRASE));
    expect(e.code).toBe('backup.older-than-ledger');
    expect(e.params).toMatchObject({ ledgerIcv: 3, backupIcv: 2 });
  });

  it('a ledger open in a running app is not replaced', async () => {
    const { t, file } = await setup();
    // same documents as the backup: only the open connection stands in the way
    const e = await refusal(restore(t.dataDir, [file], PASSPHRASE));
    expect(e.code).toBe('backup.ledger-in-use');
    expect(e.params).toMatchObject({ file: t.file });
  });
});
