// The ledger's checkpoints between sales (idleCheckpoint.ts), on real SQLite files: the database file alone, copied
// without its write-ahead log, shows what a checkpoint has copied into it.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDeviceDatabase } from '../db/openDeviceDatabase';
import { openSqlite } from '../../native/sqlite/sqliteDriver';
import { simplifiedInvoice } from '../../test/fixtures/documents';
import { createTestEgs } from '../../test/support/testCertificate';
import { Ledger, type SaleInput } from './ledger';
import type { IdleCheckpointOptions } from './idleCheckpoint';

const egs = createTestEgs();
const { number: _n, uuid: _u, issueDate: _d, issueTime: _t, ...sale } = simplifiedInvoice();
const SALE: SaleInput = sale;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function ledgerWith(idleCheckpoint: IdleCheckpointOptions | undefined) {
  const dir = mkdtempSync(path.join(tmpdir(), 'dukkan-idle-checkpoint-'));
  const file = path.join(dir, 'dukkan.sqlite');
  const db = openDeviceDatabase(file);
  db.pragma('wal_checkpoint(TRUNCATE)'); // the schema in the database file; the documents only in the log
  const ledger = new Ledger(db, { numberPrefix: 'T1', ...(idleCheckpoint ? { idleCheckpoint } : {}) });
  /** Documents in the database file itself, read from a copy made without its write-ahead log. */
  const inDatabaseFile = () => {
    const copy = path.join(mkdtempSync(path.join(tmpdir(), 'dukkan-idle-checkpoint-copy-')), 'copy.sqlite');
    copyFileSync(file, copy);
    const read = openSqlite(copy);
    try {
      return (read.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
    } finally {
      read.close();
    }
  };
  return { db, ledger, inDatabaseFile };
}

describe('the ledger’s checkpoints between sales', () => {
  it('copy the log into the database file once the till pauses after enough documents', async () => {
    const { db, ledger, inDatabaseFile } = ledgerWith({ idleMs: 30, afterDocuments: 4 });
    try {
      for (let i = 0; i < 3; i++) await ledger.issue(SALE, egs.signing);
      await sleep(150);
      expect(ledger.idleCheckpoint!.count).toBe(0); // 3 documents are not worth the database file's fsync yet
      expect(inDatabaseFile()).toBe(0);
      await ledger.issue(SALE, egs.signing);
      expect(ledger.idleCheckpoint!.count).toBe(0); // not inside the sale: after the pause
      await sleep(150);
      expect(ledger.idleCheckpoint!.count).toBe(1);
      const outcome = ledger.idleCheckpoint!.lastOutcome!;
      expect(outcome.busy).toBe(false);
      expect(outcome.logFrames).toBeGreaterThan(0);
      expect(outcome.checkpointed).toBe(outcome.logFrames);
      expect(inDatabaseFile()).toBe(4);
    } finally {
      db.close();
    }
  });

  it('wait while sales keep coming, and leave the log to SQLite when not asked for', async () => {
    const { db, ledger, inDatabaseFile } = ledgerWith({ idleMs: 500, afterDocuments: 1 });
    try {
      // sales 10 ms apart: each one puts the checkpoint off again
      for (let i = 0; i < 8; i++) {
        await ledger.issue(SALE, egs.signing);
        await sleep(10);
      }
      expect(ledger.idleCheckpoint!.count).toBe(0);
      await sleep(700);
      expect(ledger.idleCheckpoint!.count).toBe(1);
      expect(inDatabaseFile()).toBe(8);
    } finally {
      db.close();
    }
    const plain = ledgerWith(undefined);
    try {
      expect(plain.ledger.idleCheckpoint).toBeNull();
      for (let i = 0; i < 3; i++) await plain.ledger.issue(SALE, egs.signing);
      await sleep(100);
      expect(plain.inDatabaseFile()).toBe(0);
    } finally {
      plain.db.close();
    }
  });
});
