// SPDX-License-Identifier: UNLICENSED
// The manager's backups (main/backup, docs/backups.md): folders and schedule, the passphrase shown once, a backup
// now, and checking a backup file — the live ledger only: in training there is nothing to back up. A restore is
// staged for the next start in either mode.
import type { BackupScreen } from '../../../app/contract/backupTypes';
import { BACKUP_METHOD_NAMES } from '../../../app/contract/backupMethodNames';
import { DukkanError } from '../../../app/errors/index';
import type { BackupService } from '../../backup/backupService';
import type { RestoreDesk } from '../../backup/restoreDesk';
import type { ApiHandlers } from '../../ipc/dispatcher';
import { backupView } from '../statusModel';

export const BACKUP_METHODS = BACKUP_METHOD_NAMES;

export interface BackupServices {
  /** The live folder's backup service; null in training. */
  backups(): BackupService | null;
  /** Restores staged for the next start (main/backup/restoreDesk.ts); in training as well. */
  readonly restores: RestoreDesk;
}

export function backupHandlers(app: BackupServices): Pick<ApiHandlers, (typeof BACKUP_METHODS)[number]> {
  const service = (): BackupService => {
    const s = app.backups();
    if (!s) throw new DukkanError('backup.nothing-to-back-up', { dataDir: 'training' });
    return s;
  };
  const screen = async (s: BackupService): Promise<BackupScreen> => ({ ...s.config(), passphraseSet: await s.passphraseSet(), status: backupView(s.health()) });
  return {
    'backup.status': () => screen(service()),
    'backup.configure': (input) => {
      const s = service();
      s.configure(input);
      return screen(s);
    },
    'backup.createPassphrase': () => service().createPassphrase(),
    'backup.runNow': async () => {
      const s = service();
      await s.run('manager');
      return screen(s);
    },
    'backup.check': async ({ file }) => {
      const r = await service().check(file);
      const m = r.manifest;
      return {
        file: r.backup,
        terminal: m.terminal,
        egsSerial: m.egsSerial,
        createdAt: m.createdAt,
        documents: m.documents,
        chains: m.chains.map((c) => ({ serial: c.serial, firstIcv: c.firstIcv, lastIcv: c.lastIcv, headHash: c.headHash })),
      };
    },
    'backup.pendingRestore': () => app.restores.pending(),
    'backup.stageRestore': ({ sources, passphrase }) => app.restores.stage(sources, passphrase),
    'backup.cancelRestore': () => app.restores.cancel(),
  };
}
