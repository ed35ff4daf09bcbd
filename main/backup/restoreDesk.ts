// SPDX-License-Identifier: UNLICENSED
// Restoring from the manager's screen (docs/backups.md, "Restoring from the screen"): a backup is checked, decrypted
// and audited now and placed at the next start (pendingRestore.ts), so the ledger is never swapped under a running
// till. It works in training as well: a till whose data folder was lost starts as a new, untrained terminal, and its
// manager restores the old ledger from there. The passphrase is the one in this terminal's keychain for its own
// backups, or typed from the recovery sheet. While the till is enrolled on a store server, the server's newest backup
// of it is fetched (storeBackupRemote.ts) and weighed with the sources given, as one more target: the restore takes
// whichever reaches furthest.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { PendingRestoreView } from '../../app/contract/backupTypes';
import type { SecretStore } from '../../native/keychain/secretStore';
import type { StoreCredentials } from '../storeSync/storeClient';
import { cancelRestore, pendingRestore, stageRestore, type PendingRestore } from './pendingRestore';
import { fetchNewestBackup } from './storeBackupRemote';

export interface RestoreDeskOptions {
  /** The live data folder (the one a restore replaces). */
  readonly dataDir: string;
  /** The live folder's keychain. */
  readonly secrets: () => SecretStore;
  readonly clock: () => Date;
  /** The store server's link and key while the live ledger is enrolled; undefined otherwise. */
  readonly storeCredentials?: () => Promise<StoreCredentials | undefined>;
}

export function pendingView(p: PendingRestore): PendingRestoreView {
  const m = p.manifest;
  return { backup: p.backup, terminal: m.terminal, egsSerial: m.egsSerial, createdAt: m.createdAt, documents: m.documents, stagedAt: p.stagedAt };
}

export class RestoreDesk {
  constructor(private readonly o: RestoreDeskOptions) {}

  async stage(sources: readonly string[], passphrase?: string): Promise<PendingRestoreView> {
    const fetchDir = path.join(this.o.dataDir, 'restore-fetch', randomBytes(6).toString('hex'));
    try {
      const fromStore = await this.fetchFromStore(fetchDir, sources.length === 0);
      const staged = await stageRestore({
        dataDir: this.o.dataDir,
        files: [...sources, ...fromStore],
        keychainOf: () => this.o.secrets(),
        now: this.o.clock(),
        ...(passphrase !== undefined ? { passphrase } : {}),
      });
      return pendingView(staged);
    } finally {
      rmSync(fetchDir, { recursive: true, force: true });
    }
  }

  /**
   * The store server's newest backup, fetched into `dir`, when the till is enrolled. A server out of reach or without
   * a backup is a refusal only when it is the one source; otherwise the folders given are restored from.
   */
  private async fetchFromStore(dir: string, only: boolean): Promise<string[]> {
    const credentials = await this.o.storeCredentials?.();
    if (!credentials) return [];
    try {
      return [await fetchNewestBackup(credentials, dir)];
    } catch (e) {
      if (only) throw e;
      return [];
    }
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
