// SPDX-License-Identifier: UNLICENSED
// `dukkan backup`: an encrypted, verified backup of a data folder's ledger into one or more folders (docs/backups.md).
// The passphrase is the terminal's, from the OS keychain; --new-passphrase creates it the first time and prints the
// recovery sheet, the only time it is ever shown.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DukkanError } from '../../../app/errors/index';
import { recordBackupRun } from '../../backup/backupStatus';
import { describeManifest, readManifest } from '../../backup/backupManifest';
import { createPassphrase, recoverySheet, storedPassphrase } from '../../backup/backupPassphrase';
import { runBackup } from '../../backup/backupRun';
import { DATABASE_FILE_NAME, openDeviceDatabase } from '../../db/openDeviceDatabase';
import { openDeviceKeychain } from '../../onboarding/deviceKeychain';
import { describeErrorBilingual } from '../describeError';
import { UsageError, type Command } from '../command';
import { parseArgs, requireFlag } from '../parseArgs';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'back up a ledger, encrypted and verified, into one or more folders (USB drive, network share)',
  usage: `Usage: dukkan backup --data-dir DIR [--new-passphrase] FOLDER...

Makes one consistent snapshot of ${DATABASE_FILE_NAME} in DIR (SQLite's online backup, safe while the app sells),
encrypts it with the terminal's backup passphrase (AES-256-GCM, key by scrypt), and writes it into every FOLDER
under a temporary name, synced and renamed, then read back and checked. Older backups in a folder are removed only
when the new one holds every document they hold (ICV ranges checked); the newest 3 are always kept.
--new-passphrase   create the terminal's passphrase (once) and print its recovery sheet: print it and keep it safe,
                   it is needed to restore on another computer and is never shown again
Exit 0 when every folder got its backup, 1 otherwise.`,
  async run(argv, io) {
    const args = parseArgs(argv, ['data-dir'], ['new-passphrase']);
    const dataDir = requireFlag(args, 'data-dir');
    const file = path.join(dataDir, DATABASE_FILE_NAME);
    if (!existsSync(file)) throw new DukkanError('backup.nothing-to-back-up', { dataDir });
    const targets = args.positional.map((t) => path.resolve(t));
    if (targets.length === 0 && !args.flags.has('new-passphrase')) throw new UsageError('cli.option-required', { option: 'FOLDER' });
    const db = openDeviceDatabase(file);
    try {
      const secrets = openDeviceKeychain(db);
      if (args.flags.has('new-passphrase')) {
        const passphrase = await createPassphrase(secrets);
        io.stdout(`${recoverySheet(passphrase, readManifest(db, { training: false, createdAt: new Date() }), new Date())}\n\n`);
        if (targets.length === 0) return 0;
      }
      const passphrase = await storedPassphrase(secrets);
      if (!passphrase) throw new DukkanError('backup.no-passphrase');
      const run = await runBackup({ db, dataDir, targets, passphrase, training: false, now: new Date() });
      recordBackupRun(db, run);
      for (const line of describeManifest(run.manifest)) io.stdout(`${line}\n`);
      for (const o of run.outcomes) {
        if (o.ok)
          io.stdout(
            `backed up: ${o.file} (${o.bytes} bytes, checksum verified)${o.pruned.removed.length ? `; removed ${o.pruned.removed.length} older backup(s) it covers` : ''}\n`,
          );
        else io.stdout(`FAILED: ${o.target}: ${describeErrorBilingual(o.error)}\n`);
      }
      return run.outcomes.every((o) => o.ok) ? 0 : 1;
    } finally {
      db.close();
    }
  },
};
