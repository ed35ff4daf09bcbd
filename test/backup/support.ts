// SPDX-License-Identifier: UNLICENSED
// Ledgers and keychains for the backup tests: a real SQLite data folder with documents issued through the Ledger
// (real signatures, so the restore's full audit has real stamps to verify), and an in-memory SecretStore per
// terminal for tests that are not about the OS keychain (the drill test uses the real one).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DukkanError } from '../../app/errors/index';
import type { SecretStore } from '../../native/keychain/secretStore';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { BackupService, type BackupServiceOptions } from '../../main/backup/backupService';
import { DATABASE_FILE_NAME, openDeviceDatabase } from '../../main/db/openDeviceDatabase';
import { silentLogger } from '../../main/log/index';
import { Ledger, type SaleInput } from '../../main/ledger/ledger';
import { simplifiedInvoice } from '../fixtures/documents';
import { createTestEgs } from '../support/testCertificate';

export const EGS = createTestEgs();

const { number: _n, uuid: _u, issueDate: _d, issueTime: _t, ...SALE_JSON } = simplifiedInvoice();
export const SALE: SaleInput = SALE_JSON;

export interface TestTerminal {
  readonly dataDir: string;
  readonly file: string;
  readonly db: SqliteDatabase;
  readonly ledger: Ledger;
  issue(count: number): Promise<number[]>;
  close(): void;
}

export function openTerminal(dataDir: string): TestTerminal {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATABASE_FILE_NAME);
  const db = openDeviceDatabase(file);
  const ledger = new Ledger(db, { numberPrefix: 'T1' });
  return {
    dataDir,
    file,
    db,
    ledger,
    async issue(count) {
      const icvs: number[] = [];
      for (let i = 0; i < count; i++) icvs.push((await ledger.issue(SALE, EGS.signing)).icv);
      return icvs;
    },
    close: () => db.close(),
  };
}

/** One in-memory keychain per service, as the OS keychain keeps one per terminal. */
export function memoryKeychains(): { of: (service: string) => SecretStore; entries: Map<string, Map<string, string>> } {
  const entries = new Map<string, Map<string, string>>();
  const of = (service: string): SecretStore => {
    const m = entries.get(service) ?? new Map<string, string>();
    entries.set(service, m);
    return {
      get: async (name) => m.get(name),
      set: async (name, value) => void m.set(name, value),
      delete: async (name) => m.delete(name),
    };
  };
  return { of, entries };
}

/** The refusal `p` ends in; a success, or an error that is not a DukkanError, fails the test. */
export async function refusal(p: Promise<unknown>): Promise<DukkanError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DukkanError) return e;
    throw e;
  }
  throw new Error('expected a refusal, got success');
}

/** The terminals a test file opens, each in a fresh data folder with `documents` issued; all closed by closeAll. */
export function terminalPool(newDir: () => string): {
  withDocuments(documents: number): Promise<TestTerminal>;
  /** Closes one now (a restore needs its ledger free); closeAll leaves it be. */
  closeOne(t: TestTerminal): void;
  closeAll(): void;
} {
  const open: TestTerminal[] = [];
  return {
    async withDocuments(documents) {
      const t = openTerminal(path.join(newDir(), 'data'));
      open.push(t);
      await t.issue(documents);
      return t;
    },
    closeOne(t) {
      t.close();
      open.splice(open.indexOf(t), 1);
    },
    closeAll: () => open.splice(0).forEach((t) => t.close()),
  };
}

/**
 * The backup service of a test terminal as the app builds it, on a clock that starts 2026-12-01 08:00 UTC and moves
 * only by `advance`; `extra` adds options (onRun, the store server as a remote).
 */
export function testBackupService(t: TestTerminal, secrets: SecretStore, extra: Partial<BackupServiceOptions> = {}) {
  let now = new Date('2026-12-01T08:00:00Z');
  const service = new BackupService({ db: t.db, dataDir: t.dataDir, training: false, secrets, clock: () => now, logger: silentLogger, ...extra });
  return { service, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}
