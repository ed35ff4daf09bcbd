// SPDX-License-Identifier: UNLICENSED
// `dukkan restore` (docs/backups.md): checks every backup given (checksum), decrypts the one that reaches furthest,
// audits the ledger inside in full, explains what it holds, and only then puts it in place — onto this terminal
// (agreeing with the chain anchor in the keychain, naming any ICVs still missing) or, on a new computer, as a
// read-only archive. --check stops before placing anything; --from-store adds the store server's newest backup of
// the terminal (when its ledger here is enrolled) to the backups weighed.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { describeManifest } from '../../backup/backupManifest';
import { fetchForLedger } from '../../backup/storeBackupRemote';
import { DATABASE_FILE_NAME } from '../../db/openDeviceDatabase';
import { restoreBackup, type RestoreResult } from '../../backup/restoreBackup';
import { createOsKeychain } from '../../../native/keychain/osKeychain';
import { keychainServiceOf } from '../../onboarding/deviceKeychain';
import { isDukkanError } from '../../../app/errors/index';
import { describeErrorBilingual } from '../describeError';
import { UsageError, type Command } from '../command';
import { optionalFlag, parseArgs, requireFlag } from '../parseArgs';

/** The first line of standard input (`--passphrase -`), so the passphrase stays out of the process list. */
function stdinLine(): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => {
      text += String(chunk);
      if (!text.includes('\n')) return;
      process.stdin.pause();
      resolve(text.split(/\r?\n/)[0]!);
    });
    process.stdin.once('end', () => resolve(text.split(/\r?\n/)[0] ?? ''));
    process.stdin.once('error', reject);
  });
}

function lines(r: RestoreResult): string[] {
  const out = [`backup: ${r.backup}, checksum verified, decrypted, ledger audited: every stamp and chain link verified`, ...describeManifest(r.manifest)];
  for (const x of r.refused) out.push(`  not used: ${x.file}: [${x.code}] ${x.message}`);
  if (r.mode === 'checked') out.push('checked only: nothing was placed');
  if (r.mode === 'archive')
    out.push(
      `new computer: restored as a READ-ONLY ARCHIVE at ${r.ledger} (receipts lookup, returns against its invoices, exports: dukkan audit --db, the export)`,
      'the old device key died with the old keychain: onboard this computer as a new EGS unit (docs/shop-json.md, rotation)',
    );
  if (r.mode === 'restored') {
    out.push(`restored: ${r.ledger}${r.movedAside ? `; the replaced ledger's files were moved to ${r.movedAside}` : ''}`);
    for (const m of r.missing)
      out.push(
        `MISSING: chain of certificate ${m.serial}, ICV ${m.fromIcv}–${m.toIcv} were issued after this backup: issuing stays refused until a backup that has them is restored (give every target's newest backup)`,
      );
    if (r.missing.length === 0) out.push('the ledger agrees with its anchor: the terminal can issue again');
  }
  return out;
}

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'restore a ledger from backups: verify, decrypt, audit, explain, then put it in place',
  usage: `Usage: dukkan restore --data-dir DIR [--passphrase -] [--check] [--from-store] [--json] BACKUP_OR_FOLDER...

Give every backup folder (USB drive, network share) or backup file there is: a folder gives its newest backup of
the terminal; of all, the one that reaches furthest is used, the others only checked. Nothing is replaced unless the backup's checksum, decryption and full audit pass. On this terminal the
ledger in DIR is replaced (its old files are moved to DIR/replaced-<time>/, never deleted; a ledger that reaches
further than the backup is never replaced); the app must be closed. On a new computer (no keychain entry of the
terminal) the backup becomes a read-only archive under DIR/archives/.
--passphrase -   read the passphrase of the recovery sheet from standard input (needed on a new computer)
--check          verify, decrypt and audit only; place nothing
--from-store     also the store server's newest backup of this terminal (its ledger in DIR is enrolled; docs/backups.md)
Exit 0 when restored (or checked) and the terminal can issue, 1 otherwise.`,
  async run(argv, io) {
    const args = parseArgs(argv, ['data-dir', 'passphrase'], ['check', 'json', 'from-store']);
    const dataDir = requireFlag(args, 'data-dir');
    const fromStore = args.flags.has('from-store');
    if (args.positional.length === 0 && !fromStore) throw new UsageError('cli.option-required', { option: 'BACKUP' });
    const typed = optionalFlag(args, 'passphrase');
    if (typed !== undefined && typed !== '-') throw new UsageError('cli.option-required', { option: 'passphrase -' });
    const passphrase = typed === '-' ? await stdinLine() : undefined;
    const keychainOf = (terminal: string) => createOsKeychain({ service: keychainServiceOf(terminal) });
    const fetchDir = path.join(dataDir, 'restore-fetch', randomBytes(6).toString('hex'));
    try {
      const fetched = fromStore ? [await fetchForLedger(path.join(dataDir, DATABASE_FILE_NAME), keychainOf, fetchDir)] : [];
      const result = await restoreBackup({
        dataDir,
        files: [...args.positional, ...fetched],
        keychainOf,
        now: new Date(),
        checkOnly: args.flags.has('check'),
        ...(passphrase !== undefined ? { passphrase } : {}),
      });
      io.stdout(
        args.flags.has('json')
          ? `${JSON.stringify(result, null, 2)}\n`
          : lines(result)
              .map((l) => `${l}\n`)
              .join(''),
      );
      return result.missing.length === 0 ? 0 : 1;
    } catch (e) {
      if (e instanceof UsageError || !isDukkanError(e)) throw e;
      io.stdout(`NOT RESTORED: ${describeErrorBilingual(e)}\n`);
      return 1;
    } finally {
      rmSync(fetchDir, { recursive: true, force: true });
    }
  },
};
