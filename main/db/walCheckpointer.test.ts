// SPDX-License-Identifier: UNLICENSED
// The write-ahead log's checkpoints taken off the commits, on real SQLite files and a real worker thread: the
// connections handed over write past SQLite's 1,000-page threshold without copying a page into the database file,
// the worker's checkpoint copies them all; a connection left to SQLite does it inside its own commit; a worker that
// fails hands the checkpoints back to SQLite.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DukkanError } from '../../app/errors/index';
import { createLogger, memoryLogSink, silentLogger } from '../log/logger';
import { openDukkanWorkers } from '../workers/dukkanWorkers';
import { openDeviceDatabase } from './openDeviceDatabase';
import type { CheckpointJob } from './walCheckpoint';
import { WalCheckpointer } from './walCheckpointer';

const workers = openDukkanWorkers({ size: 1 });
afterAll(() => workers.close());

const PAGE = 4096;

/** A device database with a table to fill, its file and a way to write `pages` pages' worth in small commits. */
function ledger() {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'dukkan-wal-')), 'dukkan.sqlite');
  const db = openDeviceDatabase(file);
  db.pragma('synchronous = NORMAL'); // no fsync per commit: the checkpoints are what is tested, not durability
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body BLOB)');
  const insert = db.prepare('INSERT INTO filler (body) VALUES (?)');
  const write = (pages: number) => {
    // one commit per row, as sales are committed: each writes a new page or two to the log
    for (let i = 0; i < pages; i++) insert.run(Buffer.alloc(PAGE - 200, i % 251));
  };
  const fileSize = () => statSync(file).size;
  return { file, db, write, fileSize };
}

const runInWorker = (job: CheckpointJob) => workers.run('ledger.checkpoint', job);

describe('WalCheckpointer', () => {
  it('left to SQLite, a commit past 1,000 pages of log copies them into the database file itself', () => {
    const { db, write, fileSize } = ledger();
    const before = fileSize();
    write(1200);
    expect(fileSize() - before).toBeGreaterThan(900 * PAGE);
    db.close();
  });

  it('handed over, the commits copy nothing; a checkpoint in the worker thread copies every frame', async () => {
    const { file, db, write, fileSize } = ledger();
    const checkpointer = new WalCheckpointer({ file, run: runInWorker, logger: silentLogger });
    checkpointer.attach(db);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = fileSize();
    write(1200);
    expect(fileSize()).toBe(before); // not one page of the sales in the database file yet
    const result = await checkpointer.checkpointIfWritten();
    expect(result).toMatchObject({ busy: false });
    expect(result!.logFrames).toBeGreaterThan(1200);
    expect(result!.checkpointed).toBe(result!.logFrames);
    expect(fileSize() - before).toBeGreaterThan(1100 * PAGE);
    // nothing written since: no job at all
    expect(await checkpointer.checkpointIfWritten()).toBeUndefined();
    expect(checkpointer.checkpoints).toBe(1);
    // written again: the next one runs; what the connection reads is unchanged by any of it
    write(10);
    expect((await checkpointer.checkpointIfWritten())?.checkpointed).toBeGreaterThan(0);
    expect(db.prepare('SELECT COUNT(*) AS n FROM filler').get()).toEqual({ n: 1210 });
    await checkpointer.stop();
    db.close();
  });

  it('runs by itself every few seconds once started, and not after stop()', async () => {
    const { file, db, write } = ledger();
    const checkpointer = new WalCheckpointer({ file, run: runInWorker, logger: silentLogger, everyMs: 20 });
    checkpointer.attach(db);
    checkpointer.start();
    write(5);
    await expect.poll(() => checkpointer.checkpoints, { timeout: 10_000 }).toBeGreaterThan(0);
    await checkpointer.stop();
    const stopped = checkpointer.checkpoints;
    write(5);
    await new Promise((r) => setTimeout(r, 100));
    expect(checkpointer.checkpoints).toBe(stopped);
    db.close();
  });

  it('a worker that fails hands the checkpoints back to SQLite, and says so in the log', async () => {
    const { file, db, write } = ledger();
    const other = openDeviceDatabase(file);
    const log = memoryLogSink();
    const checkpointer = new WalCheckpointer({
      file,
      run: () => Promise.reject(new DukkanError('worker.died', { task: 'ledger.checkpoint', detail: 'exit code 1' })),
      logger: createLogger({ sink: log.sink }),
    });
    checkpointer.attach(db);
    checkpointer.attach(other);
    write(1);
    expect(await checkpointer.checkpointIfWritten()).toBeUndefined();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(other.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(log.records).toEqual([expect.objectContaining({ level: 'warn', event: 'ledger.checkpoint-on-commit' })]);
    // a connection handed over later stays with SQLite too
    const third = openDeviceDatabase(file);
    checkpointer.attach(third);
    expect(third.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    for (const c of [db, other, third]) c.close();
  });
});
