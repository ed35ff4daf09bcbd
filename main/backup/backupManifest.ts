// SPDX-License-Identifier: UNLICENSED
// The manifest of a backup (docs/backups.md): which terminal, which EGS unit, which documents (per hash chain: the
// certificate, the ICV range, the head's invoice hash, the issue dates), which schema, when. Read from the snapshot
// that is encrypted, never from the live database, so it describes exactly what the backup holds. It travels in the
// clear in the backup's header (authenticated by the encryption, app/errors "backup.*"), so a folder of backups can
// be listed, pruned and explained without the passphrase.
import { coversRanges } from '../../app/contract/storeBackup';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { schemaVersion } from '../db/migrate';
import { chainRanges, terminalIdentity } from './backupStore';

export interface ChainRange {
  readonly issuer: string;
  readonly serial: string;
  readonly firstIcv: number;
  readonly lastIcv: number;
  readonly documents: number;
  /** The invoice hash of the document at lastIcv (reference §3). */
  readonly headHash: string;
  readonly firstIssuedAt: string;
  readonly lastIssuedAt: string;
}

export interface BackupManifest {
  /** The device id of the data folder (migration 0020): the terminal a backup belongs to. */
  readonly terminal: string;
  /** The EGS serial (CSR SN, reference §8) of the active environment; null before onboarding. */
  readonly egsSerial: string | null;
  readonly commonName: string | null;
  readonly training: boolean;
  readonly schemaVersion: number;
  readonly createdAt: string;
  readonly documents: number;
  readonly chains: readonly ChainRange[];
}

export function readManifest(db: SqliteDatabase, options: { readonly training: boolean; readonly createdAt: Date }): BackupManifest {
  const identity = terminalIdentity(db);
  if (!identity) throw new Error('the database has no device identity (migration 0020)');
  const chains = chainRanges(db).map((c): ChainRange => ({
    issuer: c.issuer,
    serial: c.serial,
    firstIcv: c.first_icv,
    lastIcv: c.last_icv,
    documents: c.documents,
    headHash: c.head_hash,
    firstIssuedAt: new Date(c.first_issued_at).toISOString(),
    lastIssuedAt: new Date(c.last_issued_at).toISOString(),
  }));
  return {
    terminal: identity.device_id,
    egsSerial: identity.egs_serial,
    commonName: identity.common_name,
    training: options.training,
    schemaVersion: schemaVersion(db),
    createdAt: options.createdAt.toISOString(),
    documents: chains.reduce((n, c) => n + c.documents, 0),
    chains,
  };
}

/** True when `manifest` describes exactly the ledger in `db` (the restore checks the header against the content). */
export function manifestMatches(manifest: BackupManifest, db: SqliteDatabase): boolean {
  const actual = readManifest(db, { training: manifest.training, createdAt: new Date(manifest.createdAt) });
  return JSON.stringify(actual) === JSON.stringify(manifest);
}

const sameChain = (a: ChainRange, b: ChainRange): boolean => a.issuer === b.issuer && a.serial === b.serial;

/** True when `newer` provably holds every document `older` holds (the rule is the contract's: coversRanges). */
export const covers = (newer: BackupManifest, older: BackupManifest): boolean => coversRanges(newer, older);

/** How far each chain of `a` is ahead of `b`'s: the chains of `a` that `b` does not reach, with both ends. */
export function chainsAhead(a: readonly ChainRange[], b: readonly ChainRange[]): { serial: string; aIcv: number; bIcv: number }[] {
  return a.map((c) => ({ serial: c.serial, aIcv: c.lastIcv, bIcv: b.find((x) => sameChain(x, c))?.lastIcv ?? 0 })).filter((d) => d.aIcv > d.bIcv);
}

/** One line per chain, for the CLI and the restore's explanation. */
export function describeManifest(m: BackupManifest): string[] {
  return [
    `terminal ${m.terminal}${m.egsSerial ? `, EGS ${m.egsSerial}` : ''}${m.commonName ? ` (${m.commonName})` : ''}${m.training ? ', TRAINING data' : ''}`,
    `made ${m.createdAt}, schema version ${m.schemaVersion}, ${m.documents} document(s) in ${m.chains.length} chain(s)`,
    ...m.chains.map(
      (c) =>
        `  chain of certificate ${c.serial}: ICV ${c.firstIcv}–${c.lastIcv} (${c.documents} documents, ${c.firstIssuedAt.slice(0, 10)} to ${c.lastIssuedAt.slice(0, 10)}), head hash ${c.headHash}`,
    ),
  ];
}
