// SPDX-License-Identifier: UNLICENSED
// better-sqlite3's addon as a worker thread's task opens it (main/export/exportInWorker.ts):
// the file the main thread's package resolves to, and in the packaged app the copy unpacked beside app.asar, since
// the Electron worker's bundle carries better-sqlite3's JavaScript but not its folder (scripts/buildElectron.mjs).
import { sqliteAddonFile } from '../../native/sqlite/sqliteAddon';
import { unpackedFromAsar } from '../../runtime/workers/workerEntry';

/** The addon's path for a worker thread; undefined where better-sqlite3's own lookup is left to find it. */
export function sqliteAddonForWorkers(): string | undefined {
  const file = sqliteAddonFile();
  return file === undefined ? undefined : unpackedFromAsar(file);
}
