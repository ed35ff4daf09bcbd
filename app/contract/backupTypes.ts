// SPDX-License-Identifier: UNLICENSED
// Backups as the manager's screens see them (main/backup/backupStatus.ts, docs/backups.md).

export interface BackupTargetView {
  /** The folder (USB drive, network share), or the store server's name as a target. */
  readonly target: string;
  /** The store server's address when this target is the store server, which the screen names in its language. */
  readonly storeServer: string | null;
  /** When the last backup into it succeeded (ISO instant), or null: never. */
  readonly lastSuccessAt: string | null;
  /** The last failure's error code and time, when it failed since. */
  readonly lastFailure: { readonly code: string; readonly at: string; readonly params: Readonly<Record<string, string | number>> } | null;
  /** No success for 24 hours. */
  readonly stale: boolean;
}

export interface BackupStatusView {
  /** True when no target is configured or one has had no success for 24 hours. */
  readonly warning: boolean;
  readonly targets: readonly BackupTargetView[];
}

/** The manager's backup screen: the settings, each folder's standing, whether the passphrase exists. */
export interface BackupScreen {
  readonly targets: readonly string[];
  readonly everyHours: number;
  readonly keepNewest: number;
  readonly passphraseSet: boolean;
  readonly status: BackupStatusView;
}

/** What a checked backup file holds (its checksum verified, decrypted, audited; nothing placed). */
export interface BackupCheckView {
  readonly file: string;
  readonly terminal: string;
  readonly egsSerial: string | null;
  readonly createdAt: string;
  readonly documents: number;
  readonly chains: readonly { readonly serial: string; readonly firstIcv: number; readonly lastIcv: number; readonly headHash: string }[];
}

/** A restore checked and staged from the manager's screen, placed at the next start (docs/backups.md). */
export interface PendingRestoreView {
  readonly backup: string;
  readonly terminal: string;
  readonly egsSerial: string | null;
  readonly createdAt: string;
  readonly documents: number;
  readonly stagedAt: string;
}
