// SPDX-License-Identifier: UNLICENSED
// Shared pieces of the reporting tests: a movable clock with timers that fire when time jumps, a device database
// with a ledger and an onboarded terminal, and helpers to issue documents and compare the ledger with what the
// simulator recorded.
import { afterAll, beforeAll } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DocumentInputJson } from '../../app/document/documentInput';
import { openDeviceDatabase } from '../../main/db/openDeviceDatabase';
import { startFatooraSimulator, type FatooraSimulator, type FatooraSimulatorOptions } from '../../main/fatooraSimulator/index';
import { Ledger, type IssuedDocument, type SaleInput } from '../../main/ledger/ledger';
import { ReportingWorker, type ReportingAlert, type ReportingStatus, type ReportingTime, type ReportingWorkerOptions } from '../../main/reporting/index';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { SELLER, simplifiedInvoice } from '../fixtures/documents';
import { createTestEgs, type TestEgs } from '../support/testCertificate';
import { onboardSimulatorDevice, type SimulatorDevice } from '../support/simulatorDevice';

export const HOUR = 3600 * 1000;

export interface SimulatorFixture {
  readonly sim: FatooraSimulator;
  readonly device: SimulatorDevice;
}

/** One simulator per test file, with a terminal onboarded on it (started before the tests, closed after). */
export function simulatorFixture(options: FatooraSimulatorOptions = {}): SimulatorFixture {
  const fixture = {} as { sim: FatooraSimulator; device: SimulatorDevice };
  beforeAll(async () => {
    fixture.sim = await startFatooraSimulator(options);
    fixture.device = await onboardSimulatorDevice(fixture.sim);
  });
  afterAll(() => fixture.sim?.close());
  return fixture;
}

/**
 * Real time plus an offset that tests can move forward. Timers run on real time, and `advance()` fires at once
 * every timer whose (virtual) due time has been passed — so a 24-hour jump reaches the watchdog's 12 h, 20 h and
 * 24 h timers without waiting. The simulator's clock is moved along.
 */
export class MovableTime implements ReportingTime {
  private offset = 0;
  private readonly timers = new Map<object, { due: number; fn: () => void; real: NodeJS.Timeout }>();

  constructor(private readonly sim?: FatooraSimulator) {}

  now(): number {
    return Date.now() + this.offset;
  }

  date(): Date {
    return new Date(this.now());
  }

  setTimeout(fn: () => void, ms: number): object {
    const key = {};
    const real = setTimeout(
      () => {
        this.timers.delete(key);
        fn();
      },
      Math.max(0, ms),
    );
    real.unref();
    this.timers.set(key, { due: this.now() + ms, fn, real });
    return key;
  }

  clearTimeout(handle: unknown): void {
    const t = this.timers.get(handle as object);
    if (!t) return;
    clearTimeout(t.real);
    this.timers.delete(handle as object);
  }

  advance(ms: number): void {
    this.offset += ms;
    this.sim?.clock.advance(ms);
    const now = this.now();
    for (const [key, t] of [...this.timers].sort((a, b) => a[1].due - b[1].due)) {
      if (t.due > now || !this.timers.has(key)) continue;
      clearTimeout(t.real);
      this.timers.delete(key);
      t.fn();
    }
  }
}

export function saleOf(json: DocumentInputJson = simplifiedInvoice()): SaleInput {
  const { number: _n, uuid: _u, issueDate: _d, issueTime: _t, ...sale } = json;
  return sale;
}

let anotherShop: TestEgs | undefined;
const ANOTHER_SHOP_VAT = '300000000000003';

/**
 * Issues a sale of another shop — its VAT number, signed with its certificate — on this terminal; the worker reports
 * it with this terminal's credentials and Fatoora rejects it (400 certificate-permissions, reference §7.4) — a real
 * rejection, not an injected one. (With this terminal's own certificate the ledger refuses such a sale before it
 * gets an ICV.)
 */
export function issueForAnotherShop(terminal: Terminal): Promise<IssuedDocument> {
  anotherShop ??= createTestEgs({ vatNumber: ANOTHER_SHOP_VAT });
  return terminal.ledger.issue(saleOf(simplifiedInvoice({ seller: { ...SELLER, vatNumber: ANOTHER_SHOP_VAT } })), anotherShop.signing);
}

/** Fatoora's port stops listening (connections refused) from now for `forMs` of simulator time. */
export async function refuseConnections(sim: FatooraSimulator, time: MovableTime, forMs = 30 * 24 * HOUR): Promise<void> {
  sim.faults.set({ outages: [{ from: new Date(time.now() - 1000), until: new Date(time.now() + forMs), mode: 'refuse' }] });
  await new Promise((r) => setTimeout(r, 300)); // the simulator closes its port on its next reconcile
}

export interface Terminal {
  readonly file: string;
  /** The issuance connection (the ledger's). */
  readonly db: SqliteDatabase;
  readonly ledger: Ledger;
  /** A second connection to the same file, for the worker: as in the app, reporting never shares issuance's. */
  readonly workerDb: SqliteDatabase;
}

export function openTerminal(time: MovableTime, file = path.join(mkdtempSync(path.join(tmpdir(), 'dukkan-reporting-')), 'dukkan.sqlite')): Terminal {
  const db = openDeviceDatabase(file);
  const ledger = new Ledger(db, { numberPrefix: 'T1', clock: () => time.date(), environment: 'local-simulator' });
  return { file, db, ledger, workerDb: openDeviceDatabase(file) };
}

export async function issueMany(terminal: Terminal, device: SimulatorDevice, count: number, sale: SaleInput = saleOf()): Promise<IssuedDocument[]> {
  const docs: IssuedDocument[] = [];
  for (let i = 0; i < count; i++) docs.push(await terminal.ledger.issue(sale, device.signing));
  return docs;
}

export function newWorker(terminal: Terminal, device: SimulatorDevice, time: MovableTime, options: Partial<ReportingWorkerOptions> = {}): ReportingWorker {
  return new ReportingWorker({
    db: terminal.workerDb,
    client: device.client,
    credentials: async () => device.credentials,
    time,
    retry: { initialMs: 100, maxMs: 2000 },
    probe: { initialMs: 200, maxMs: 2000 },
    pollIntervalMs: 500,
    statusIntervalMs: 50,
    ...options,
  });
}

export interface Scene extends SimulatorFixture {
  readonly time: MovableTime;
  readonly terminal: Terminal;
  readonly worker: ReportingWorker;
  /** Every alert the worker raised, in order. */
  readonly alerts: ReportingAlert[];
}

/** A fresh terminal database on the fixture's simulator, with a (not yet started) worker whose alerts are kept. */
export function scene(fx: SimulatorFixture, options: Partial<ReportingWorkerOptions> = {}, device: SimulatorDevice = fx.device): Scene {
  const time = new MovableTime(fx.sim);
  const terminal = openTerminal(time);
  const worker = newWorker(terminal, device, time, options);
  const alerts: ReportingAlert[] = [];
  worker.on('alert', (a) => alerts.push(a));
  return { sim: fx.sim, device: fx.device, time, terminal, worker, alerts };
}

/** Resolves when `predicate` holds, polling every 50 ms; rejects with `what` after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every job settled (nothing queued or in flight). */
export function settled(worker: ReportingWorker): boolean {
  const c = worker.status().counts;
  return c.queued === 0 && c.inFlight === 0;
}

export function finalStatus(worker: ReportingWorker): ReportingStatus['counts'] {
  return worker.status().counts;
}

export interface StoredDocument {
  readonly id: number;
  readonly hash: string;
  readonly uuid: string;
  readonly xml: Buffer;
}

/** The ledger's documents as stored: bytes, hash, UUID (to prove nothing was re-signed or changed). */
export function storedDocuments(db: SqliteDatabase): StoredDocument[] {
  return db.prepare('SELECT id, hash, uuid, xml FROM documents ORDER BY id').all() as StoredDocument[];
}

/**
 * One line per stored document: id, invoice hash, UUID and the SHA-256 of its bytes — compared before and after a
 * run to prove nothing was re-signed, changed, added or removed (cheaper to compare than 5,000 buffers).
 */
export function fingerprints(db: SqliteDatabase): string[] {
  return storedDocuments(db).map((d) => `${d.id} ${d.hash} ${d.uuid} ${createHash('sha256').update(d.xml).digest('base64')}`);
}

export function jobStates(db: SqliteDatabase): Map<number, string> {
  return new Map(
    (db.prepare('SELECT document_id, state FROM reporting_jobs').all() as { document_id: number; state: string }[]).map((r) => [r.document_id, r.state]),
  );
}

export interface AttemptLine {
  document_id: number;
  attempt: number;
  outcome: string | null;
  http_status: number | null;
  reason: string | null;
  started_at: number;
  finished_at: number | null;
  retry_at: number | null;
}

export function attemptsByDocument(db: SqliteDatabase): Map<number, AttemptLine[]> {
  const rows = db
    .prepare(
      'SELECT document_id, attempt, outcome, http_status, reason, started_at, finished_at, retry_at FROM reporting_attempts ORDER BY document_id, attempt',
    )
    .all() as AttemptLine[];
  const map = new Map<number, AttemptLine[]>();
  for (const r of rows) map.set(r.document_id, [...(map.get(r.document_id) ?? []), r]);
  return map;
}

/** What the simulator recorded as reported (200/202), per invoice hash. */
export function reportedByHash(sim: FatooraSimulator): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of sim.records.reported()) counts.set(s.invoiceHash, (counts.get(s.invoiceHash) ?? 0) + 1);
  return counts;
}
