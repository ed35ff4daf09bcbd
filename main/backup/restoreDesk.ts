// SPDX-License-Identifier: UNLICENSED
// Restoring from the manager's screen (docs/backups.md, "Restoring from the screen"): a backup is checked, decrypted
// and audited now and placed at the next start (pendingRestore.ts), so the ledger is never swapped under a running
// till. It works in training as well: a till whose data folder was lost starts as a new, untrained terminal, and its
// manager restores the old ledger from there. The passphrase is the one in this terminal's keychain for its own
// backups, or typed from the recovery sheet.
import type { PendingRestoreView } from '../../app/contract/backupTypes';
import type { SecretStore } from '../../native/keychain/secretStore';
import { cancelRestore, pendingRestore, stageRestore, type PendingRestore } from './pendingRestore';

export interface RestoreDeskOptions {
  /** The live data folder (the one a restore replaces). */
  readonly dataDir: string;
  /** The live folder's keychain. */
  readonly secrets: () => SecretStore;
  readonly clock: () => Date;
}

export function pendingView(p: PendingRestore): PendingRestoreView {
  const m = p.manifest;
  return { backup: p.backup, terminal: m.terminal, egsSerial: m.egsSerial, createdAt: m.createdAt, documents: m.documents, stagedAt: p.stagedAt };
}

export class RestoreDesk {
  constructor(private readonly o: RestoreDeskOptions) {}

  async stage(sources: readonly string[], passphrase?: string): Promise<PendingRestoreView> {
    const staged = await stageRestore({
      dataDir: this.o.dataDir,
      files: sources,
      keychainOf: () => this.o.secrets(),
      now: this.o.clock(),
      ...(passphrase !== undefined ? { passphrase } : {}),
    });
    return pendingView(staged);
  }

  pending(): PendingRestoreView | null {
    const p = pendingRestore(this.o.dataDir);
    return p ? pendingView(p) : null;
  }

  cancel(): null {
    cancelRestore(this.o.dataDir);
    return null;
  }
}
