// SPDX-License-Identifier: UNLICENSED
// A till's backups kept on the store server (docs/backups.md, "The store server as a target"). The till uploads the
// backup file it made — encrypted with its passphrase, which never leaves the till — in parts of at most
// BACKUP_PART_BYTES, each a request signed with its terminal key (server/requestAuth.ts), so a till reads and writes
// only its own backups:
//   POST begin {name, size, manifest}    a new backup, or how far an earlier upload of the same name got (resume)
//   POST part?name&offset  (raw bytes)   the next bytes, in order; a part sent again after a lost answer is answered
//                                        with the state, stored once
//   POST finish?name                     every byte here: the file's own keyless checksum (the SHA-256 of all but
//                                        its last 32 bytes, main/backup/backupFormat.ts) must match, or the upload is
//                                        removed; then the terminal's older backups go where the new one provably
//                                        holds all their documents (coversRanges) and KEEP_NEWEST newer ones remain,
//                                        and so do uploads of older backups never finished
//   GET  list, part?name&offset          the whole backups, newest first, and their bytes back for a restore
// An upload never counts as a backup until finish verified it.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import {
  BACKUP_FILE_NAME,
  BACKUP_PART_BYTES,
  backupBegin,
  coversRanges,
  STORE_BACKUP_PATHS,
  type BackupPart,
  type BackupUploadState,
  type StoredBackup,
} from '../app/contract/storeBackup';
import { DukkanError } from '../app/errors/index';
import type { Queryable, Storage } from './db/storage';
import { sendJson } from './http/answers';
import { jsonOf } from './http/readBody';
import { parsePayload } from './http/payload';
import { backupStore, type BackupRow } from './stores/backupStore';
import type { TerminalRow } from './stores/terminalStore';

/** How many whole backups of a terminal the server keeps at least (as a till's folder keeps, main/backup/retention.ts). */
export const KEEP_NEWEST = 3;
const CHECKSUM_BYTES = 32;

export interface BackupRequest {
  readonly res: ServerResponse;
  readonly url: URL;
  readonly method: string;
  readonly body: Buffer;
  readonly storage: Storage;
  readonly terminal: TerminalRow;
  readonly now: Date;
}

const malformed = (path: string, code: 'input.invalid' | 'input.whole-number') =>
  new DukkanError('store.malformed', { count: 1 }, { problems: [{ path, code }], field: path });

function nameOf(url: URL): string {
  const name = url.searchParams.get('name') ?? '';
  if (!BACKUP_FILE_NAME.test(name)) throw malformed('name', 'input.invalid');
  return name;
}

function offsetOf(url: URL): number {
  const offset = url.searchParams.get('offset') ?? '';
  if (!/^\d{1,15}$/.test(offset)) throw malformed('offset', 'input.whole-number');
  return Number(offset);
}

const stateOf = (row: BackupRow): BackupUploadState => ({ received: Number(row.received), complete: row.completed_at !== null });

async function found(tx: Queryable, terminal: string, name: string): Promise<BackupRow> {
  const row = await backupStore.lock(tx, terminal, name);
  if (!row) throw new DukkanError('store.backup-unknown', { name });
  return row;
}

async function begin(r: BackupRequest): Promise<BackupUploadState> {
  const request = parsePayload(backupBegin, jsonOf(r.body));
  return r.storage.transaction(async (tx) => {
    const row = await backupStore.lock(tx, r.terminal.id, request.name);
    if (row && Number(row.size) !== request.size)
      throw new DukkanError('store.backup-conflict', { name: request.name, size: Number(row.size), offered: request.size });
    if (row) return stateOf(row);
    await backupStore.begin(tx, r.terminal.id, request.name, request.size, request.manifest);
    return { received: 0, complete: false };
  });
}

async function part(r: BackupRequest): Promise<BackupUploadState> {
  const name = nameOf(r.url);
  const offset = offsetOf(r.url);
  if (r.body.length === 0 || r.body.length > BACKUP_PART_BYTES) throw malformed('body', 'input.invalid');
  return r.storage.transaction(async (tx) => {
    const row = await found(tx, r.terminal.id, name);
    const received = Number(row.received);
    // sent again after a lost answer, or after the backup was finished: stored once, answered with the state
    if (row.completed_at !== null || offset + r.body.length <= received) return stateOf(row);
    if (offset !== received) throw new DukkanError('store.backup-out-of-order', { name, offset, received });
    if (offset + r.body.length > Number(row.size)) throw malformed('body', 'input.invalid');
    await backupStore.addPart(tx, r.terminal.id, name, offset, r.body);
    return { received: received + r.body.length, complete: false };
  });
}

/** The file's own checksum over the stored parts: SHA-256 of all but the last 32 bytes equals those bytes. */
async function checksumHolds(tx: Queryable, terminal: string, row: BackupRow): Promise<boolean> {
  const hash = createHash('sha256');
  const body = Number(row.size) - CHECKSUM_BYTES;
  const stored = Buffer.alloc(CHECKSUM_BYTES);
  for (const offset of await backupStore.partOffsets(tx, terminal, row.name)) {
    const bytes = Buffer.from((await backupStore.part(tx, terminal, row.name, offset))!);
    const hashed = Math.max(0, Math.min(bytes.length, body - offset));
    hash.update(bytes.subarray(0, hashed));
    for (let i = hashed; i < bytes.length; i++) stored[offset + i - body] = bytes[i]!;
  }
  return timingSafeEqual(hash.digest(), stored);
}

async function finish(r: BackupRequest): Promise<BackupUploadState & { pruned: number }> {
  const name = nameOf(r.url);
  const outcome = await r.storage.transaction(async (tx) => {
    const row = await found(tx, r.terminal.id, name);
    if (row.completed_at !== null) return { ...stateOf(row), pruned: 0 };
    if (Number(row.received) !== Number(row.size))
      throw new DukkanError('store.backup-incomplete', { name, received: Number(row.received), size: Number(row.size) });
    if (!(await checksumHolds(tx, r.terminal.id, row))) {
      await backupStore.remove(tx, r.terminal.id, name);
      return 'damaged' as const;
    }
    await backupStore.complete(tx, r.terminal.id, name, r.now);
    return { received: Number(row.size), complete: true, pruned: await prune(tx, r.terminal.id, row) };
  });
  // the removal is committed before the refusal is answered
  if (outcome === 'damaged') throw new DukkanError('store.backup-damaged', { name });
  return outcome;
}

/**
 * Removes the terminal's older backups that `newest` provably holds, keeping KEEP_NEWEST in all, and the uploads of
 * older backups that were never finished (the till moved on to a newer backup).
 */
async function prune(tx: Queryable, terminal: string, newest: BackupRow): Promise<number> {
  await backupStore.removeUnfinishedBefore(tx, terminal, newest.manifest.createdAt);
  const older = (await backupStore.completed(tx, terminal)).filter((b) => b.name !== newest.name && b.manifest.createdAt < newest.manifest.createdAt);
  const prunable = older.slice(Math.max(0, KEEP_NEWEST - 1)).filter((b) => coversRanges(newest.manifest, b.manifest));
  for (const b of prunable) await backupStore.remove(tx, terminal, b.name);
  return prunable.length;
}

async function list(r: BackupRequest): Promise<{ backups: StoredBackup[] }> {
  const rows = await backupStore.completed(r.storage, r.terminal.id);
  return { backups: rows.map((b) => ({ name: b.name, size: Number(b.size), manifest: b.manifest })) };
}

async function download(r: BackupRequest): Promise<BackupPart> {
  const name = nameOf(r.url);
  const offset = offsetOf(r.url);
  const rows = await backupStore.completed(r.storage, r.terminal.id);
  if (!rows.some((b) => b.name === name)) throw new DukkanError('store.backup-unknown', { name });
  const bytes = await backupStore.part(r.storage, r.terminal.id, name, offset);
  if (!bytes) throw malformed('offset', 'input.invalid');
  return { offset, bytes: Buffer.from(bytes).toString('base64') };
}

/** Answers a backup request of an authenticated terminal; false when the path is not one of these. */
export async function handleTerminalBackups(r: BackupRequest): Promise<boolean> {
  const route = `${r.method} ${r.url.pathname}`;
  const answer =
    route === `POST ${STORE_BACKUP_PATHS.begin}`
      ? await begin(r)
      : route === `POST ${STORE_BACKUP_PATHS.part}`
        ? await part(r)
        : route === `POST ${STORE_BACKUP_PATHS.finish}`
          ? await finish(r)
          : route === `GET ${STORE_BACKUP_PATHS.list}`
            ? await list(r)
            : route === `GET ${STORE_BACKUP_PATHS.part}`
              ? await download(r)
              : undefined;
  if (answer === undefined) return false;
  sendJson(r.res, 200, { ok: true, value: answer });
  return true;
}
