// SPDX-License-Identifier: UNLICENSED
// The backup methods' names (app/contract/backupApi.ts), without schemas, for methodNames.ts.

export const BACKUP_METHOD_NAMES = [
  'backup.status',
  'backup.configure',
  'backup.createPassphrase',
  'backup.runNow',
  'backup.check',
  'backup.pendingRestore',
  'backup.stageRestore',
  'backup.cancelRestore',
] as const;
