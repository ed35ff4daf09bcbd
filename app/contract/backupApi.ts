// SPDX-License-Identifier: UNLICENSED
// The backup part of the cashier API (spread into API in api.ts; docs/backups.md): the folders and schedule, the
// one-time passphrase with its recovery sheet, a backup now, and checking a backup file. Manager only; strict
// schemas as everywhere in api.ts.
import { z } from 'zod';
import type { MethodDefinition } from './api';
import type { BackupCheckView, BackupScreen, PendingRestoreView } from './backupTypes';
import { rule, text } from './schemas';

const def =
  <O>() =>
  <I extends z.ZodType>(access: MethodDefinition<I, O>['access'], input: I): MethodDefinition<I, O> => ({ access, input });

const whole = (min: number, max: number) =>
  z.number(rule('input.number')).int(rule('input.whole-number')).min(min, rule('input.at-least')).max(max, rule('input.too-large'));

export const BACKUP_API = {
  'backup.status': def<BackupScreen>()('manager', z.object({}).strict()),
  /** Folders must exist and lie outside the data folder (refused naming `target`). */
  'backup.configure': def<BackupScreen>()(
    'manager',
    z.object({ targets: z.array(text(1000)).max(5), everyHours: whole(1, 168), keepNewest: whole(1, 100) }).strict(),
  ),
  /** Once per terminal: the passphrase and its printable recovery sheet, shown this one time. */
  'backup.createPassphrase': def<{ readonly passphrase: string; readonly sheet: string }>()('manager', z.object({}).strict()),
  'backup.runNow': def<BackupScreen>()('manager', z.object({}).strict()),
  'backup.check': def<BackupCheckView>()('manager', z.object({ file: text(1000) }).strict()),
  /** The restore staged for the next start, if any; in training too (a till whose data folder was lost). */
  'backup.pendingRestore': def<PendingRestoreView | null>()('manager', z.object({}).strict()),
  /** Backup files or folders; the passphrase from the recovery sheet unless this terminal's keychain has it. */
  'backup.stageRestore': def<PendingRestoreView>()(
    'manager',
    z.object({ sources: z.array(text(1000)).min(1, rule('input.empty')).max(5), passphrase: text(200).optional() }).strict(),
  ),
  'backup.cancelRestore': def<null>()('manager', z.object({}).strict()),
} as const;
