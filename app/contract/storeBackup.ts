// SPDX-License-Identifier: UNLICENSED
// The wire of backups kept on the store server (docs/backups.md, "The store server as a target"). An enrolled till
// uploads the backup file it made — encrypted with its passphrase, which the server never sees — in parts, each a
// signed request (app/contract/storeSync.ts); the server keeps it per terminal, checks the file's keyless checksum,
// and hands it back for a restore. What "holds everything an older one holds" means is the same on both sides
// (coversRanges), so the server prunes by the rule the till's folders are pruned by.
import { z } from 'zod';
import { rule } from './schemas';

export const STORE_BACKUP_PATHS = {
  list: '/api/backups',
  begin: '/api/backups/begin',
  part: '/api/backups/part',
  finish: '/api/backups/finish',
} as const;

/** Bytes per uploaded or downloaded part: well under the server's 16 MiB request limit. */
export const BACKUP_PART_BYTES = 4 * 1024 * 1024;
/** A backup file's name as the till makes it (main/backup/backupTarget.ts). */
export const BACKUP_FILE_NAME = /^dukkan-[A-Za-z0-9-]{1,80}Z\.dkbackup$/;
/** The smallest backup file: magic, header length, tag and checksum around a header and an empty body. */
const MIN_BACKUP_BYTES = 8 + 4 + 16 + 32;
const MAX_BACKUP_BYTES = 2 ** 42;

const whole = (min: number) => z.number(rule('input.number')).int(rule('input.whole-number')).min(min, rule('input.at-least'));

const chainRange = z
  .object({
    issuer: z.string(rule('input.text')).max(1000, rule('input.too-long')),
    serial: z.string(rule('input.text')).max(200, rule('input.too-long')),
    firstIcv: whole(1),
    lastIcv: whole(1),
  })
  .passthrough();

export const storedManifest = z
  .object({
    terminal: z.string(rule('input.text')).min(1, rule('input.empty')).max(100, rule('input.too-long')),
    createdAt: z.iso.datetime(rule('input.date')),
    documents: whole(0),
    chains: z.array(chainRange).max(1000, rule('input.too-many')),
  })
  .passthrough();
export type StoredManifest = z.infer<typeof storedManifest>;

export const backupBegin = z
  .object({
    name: z.string(rule('input.text')).regex(BACKUP_FILE_NAME, rule('input.invalid')),
    size: whole(MIN_BACKUP_BYTES).max(MAX_BACKUP_BYTES, rule('input.too-large')),
    manifest: storedManifest,
  })
  .strict();
export type BackupBegin = z.input<typeof backupBegin>;

/** How far the server has a backup: bytes received in order, and whether it is whole and checked. */
export interface BackupUploadState {
  readonly received: number;
  readonly complete: boolean;
}

export interface StoredBackup {
  readonly name: string;
  readonly size: number;
  readonly manifest: StoredManifest;
}

/** One downloaded part: base64 of the file's bytes from `offset`. */
export interface BackupPart {
  readonly offset: number;
  readonly bytes: string;
}

type Ranges = { readonly terminal: string; readonly chains: readonly { issuer: string; serial: string; firstIcv: number; lastIcv: number }[] };

/**
 * True when `newer` provably holds every document `older` holds: same terminal, and for every chain of `older` the
 * same chain in `newer` with an ICV range that includes it. A chain is append-only from ICV 1 (reference §11), and
 * the restore audits every link, so an including range with the same terminal means the same documents.
 */
export function coversRanges(newer: Ranges, older: Ranges): boolean {
  if (newer.terminal !== older.terminal) return false;
  return older.chains.every((o) =>
    newer.chains.some((n) => n.issuer === o.issuer && n.serial === o.serial && n.firstIcv <= o.firstIcv && n.lastIcv >= o.lastIcv),
  );
}
