// SPDX-License-Identifier: UNLICENSED
// Restoring from the manager's screen (docs/backups.md): a till whose data folder was lost starts as a new terminal;
// its manager stages the old ledger's backup (checked, decrypted, audited) and it is placed at the next start, before
// the ledger is opened — never under a running till. Through the real dispatcher and openApp, on real SQLite files,
// with one in-memory keychain per device id as the OS keychain keeps one service per terminal.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { errorText } from '../../app/errors/index';
import type { DukkanApp } from '../../main/app/openApp';
import { PASSPHRASE_ENTRY, generatePassphrase } from '../../main/backup/backupPassphrase';
import { runBackup } from '../../main/backup/backupRun';
import { PENDING_FOLDER } from '../../main/backup/pendingRestore';
import { DATABASE_FILE_NAME, openDeviceDatabase } from '../../main/db/openDeviceDatabase';
import { keychainServiceOf } from '../../main/onboarding/deviceKeychain';
import { readDeviceId } from '../../main/onboarding/onboardingStore';
import { clientOf, openTestApp, signIn, type Client } from '../app/support';
import { useTempDirs } from '../support/tempDirs';
import { memoryKeychains, openTerminal } from './support';

const newDir = useTempDirs('dukkan-screen-restore-');
const PASSPHRASE = generatePassphrase();

/** A terminal with three signed documents, backed up into a folder; its keychain entries as `keep` says. */
async function oldTerminalBackup(keychains: ReturnType<typeof memoryKeychains>, keep: boolean) {
  const old = openTerminal(path.join(newDir(), 'old'));
  try {
    await old.issue(3);
    const target = newDir();
    await runBackup({ db: old.db, dataDir: old.dataDir, targets: [target], passphrase: PASSPHRASE, training: false, now: new Date() });
    const terminal = readDeviceId(old.db)!;
    if (keep) await keychains.of(keychainServiceOf(terminal)).set(PASSPHRASE_ENTRY, PASSPHRASE);
    const numbers = old.db.prepare<[], { number: string }>('SELECT number FROM documents ORDER BY icv').all();
    return { target, terminal, numbers: numbers.map((n) => n.number) };
  } finally {
    old.close();
  }
}

const apps: DukkanApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

async function start(dataDir: string, keychains: ReturnType<typeof memoryKeychains>): Promise<{ app: DukkanApp; manager: Client }> {
  const { app } = await openTestApp({ dataDir, secrets: (db) => keychains.of(keychainServiceOf(readDeviceId(db)!)) });
  apps.push(app);
  const manager = clientOf(app, 'office');
  await signIn(manager, app, 'manager');
  return { app, manager };
}

const ledgerOf = (dataDir: string) => {
  const db = openDeviceDatabase(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  try {
    return {
      terminal: readDeviceId(db),
      numbers: db
        .prepare<[], { number: string }>('SELECT number FROM documents ORDER BY icv')
        .all()
        .map((n) => n.number),
    };
  } finally {
    db.close();
  }
};

describe('restoring from the screen', { timeout: 120_000 }, () => {
  it('on the same computer: staged now, the old ledger is back after the next start, the blank one kept aside', async () => {
    const keychains = memoryKeychains();
    const backup = await oldTerminalBackup(keychains, true);
    const dataDir = newDir();
    const first = await start(dataDir, keychains);
    expect(await first.manager.call('backup.pendingRestore', {})).toBeNull();
    const staged = await first.manager.call('backup.stageRestore', { sources: [backup.target], passphrase: PASSPHRASE });
    expect(staged).toMatchObject({ terminal: backup.terminal, documents: 3 });
    expect(await first.manager.call('backup.pendingRestore', {})).toEqual(staged);
    // nothing is swapped under the running till
    expect(ledgerOf(dataDir).numbers).toEqual([]);
    await apps.pop()!.close();

    const second = await start(dataDir, keychains);
    expect(ledgerOf(dataDir)).toEqual({ terminal: backup.terminal, numbers: backup.numbers });
    expect(readdirSync(dataDir).some((n) => n.startsWith('replaced-'))).toBe(true);
    expect(existsSync(path.join(dataDir, PENDING_FOLDER))).toBe(false);
    expect(await second.manager.call('backup.pendingRestore', {})).toBeNull();
  });

  it('on a new computer (the keychain does not know the terminal): an archive, the new ledger untouched', async () => {
    const keychains = memoryKeychains();
    const backup = await oldTerminalBackup(keychains, false);
    const dataDir = newDir();
    const first = await start(dataDir, keychains);
    const own = ledgerOf(dataDir).terminal;
    await first.manager.call('backup.stageRestore', { sources: [backup.target], passphrase: PASSPHRASE });
    await apps.pop()!.close();

    await start(dataDir, keychains);
    expect(ledgerOf(dataDir).terminal).toBe(own);
    const [archive] = readdirSync(path.join(dataDir, 'archives'));
    expect(ledgerOf(path.join(dataDir, 'archives', archive!)).numbers).toEqual(backup.numbers);
  });

  it('a wrong passphrase is refused in both languages and nothing is staged; a staged restore can be cancelled', async () => {
    const keychains = memoryKeychains();
    const backup = await oldTerminalBackup(keychains, false);
    const dataDir = newDir();
    const { manager } = await start(dataDir, keychains);
    const refusal = await manager.refusal('backup.stageRestore', { sources: [backup.target], passphrase: generatePassphrase() });
    expect(refusal).toMatchObject({ reason: 'backup.wrong-passphrase' });
    expect(errorText('backup.wrong-passphrase', refusal.params, 'ar')).toMatch(/[\u0600-\u06FF]/);
    expect(await manager.call('backup.pendingRestore', {})).toBeNull();
    expect(await manager.refusal('backup.stageRestore', { sources: [] })).toMatchObject({ code: 'invalid-input' });

    await manager.call('backup.stageRestore', { sources: [backup.target], passphrase: PASSPHRASE });
    expect(await manager.call('backup.cancelRestore', {})).toBeNull();
    expect(await manager.call('backup.pendingRestore', {})).toBeNull();
    expect(existsSync(path.join(dataDir, PENDING_FOLDER))).toBe(false);
  });
});
