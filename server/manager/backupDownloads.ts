// SPDX-License-Identifier: UNLICENSED
// The manager's copies of the tills' backups (docs/backups.md, "A till whose disk died"). A till whose disk died took
// its terminal key with it, so it can no longer sign the requests that fetch its own backups (server/
// terminalBackups.ts); the manager, behind the manager token, lists every terminal's whole backups and downloads one
// as the very file the till made, to restore on the new computer with `dukkan restore FILE` and the passphrase of
// the till's recovery sheet. The server never had that passphrase: the file it hands out is still encrypted.
import type { ServerResponse } from 'node:http';
import { BACKUP_FILE_NAME, type StoredManifest } from '../../app/contract/storeBackup';
import { DukkanError } from '../../app/errors/index';
import type { Storage } from '../db/storage';
import { backupStore } from '../stores/backupStore';

export interface ManagerBackup {
  readonly terminalId: string;
  readonly till: string;
  readonly name: string;
  readonly size: number;
  readonly manifest: StoredManifest;
}

/** Every terminal's whole backups, by till, newest first. */
export async function managerBackups(storage: Storage): Promise<ManagerBackup[]> {
  return (await backupStore.allCompleted(storage)).map((b) => ({
    terminalId: b.terminal_id,
    till: `${b.branch} / ${b.terminal_name}`,
    name: b.name,
    size: Number(b.size),
    manifest: b.manifest,
  }));
}

/** Where the page links one backup's file. */
export const backupFileHref = (b: Pick<ManagerBackup, 'terminalId' | 'name'>): string =>
  `/manager/backups/file?${new URLSearchParams({ terminal: b.terminalId, name: b.name }).toString()}`;

/** Sends the whole backup file `?terminal&name`, its parts in order; refuses a backup that is not whole here. */
export async function sendBackupFile(res: ServerResponse, storage: Storage, url: URL): Promise<void> {
  const terminal = url.searchParams.get('terminal') ?? '';
  const name = url.searchParams.get('name') ?? '';
  if (!BACKUP_FILE_NAME.test(name) || terminal.length === 0 || terminal.length > 64)
    throw new DukkanError('store.malformed', { count: 1 }, { problems: [{ path: 'name', code: 'input.invalid' }], field: 'name' });
  const whole = (await backupStore.completed(storage, terminal)).find((b) => b.name === name);
  if (!whole) throw new DukkanError('store.backup-unknown', { name });
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': String(Number(whole.size)),
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'no-store',
  });
  for (const offset of await backupStore.partOffsets(storage, terminal, name)) {
    const bytes = await backupStore.part(storage, terminal, name, offset);
    if (!res.write(Buffer.from(bytes!))) await new Promise((resolve) => res.once('drain', resolve));
  }
  res.end();
}
