// SPDX-License-Identifier: UNLICENSED
// The store server's consumer of the till's ledger (docs/store-server.md, "Push"): a second reader beside the
// Fatoora reporting worker, on its own database connection, that sends every committed document, audit event,
// cash movement and closed shift in local order, in batches, in the background. The server unreachable never
// touches a sale: sales keep committing, the cursors stay where they were, and the backlog drains later with backoff
// and exactly once (the server dedupes on (terminal, chain, ICV) and event id). It writes only its cursors — never a
// document, the chain or the clock.
import type { PushAnswer, PushRequest, TerminalStatus, TillRecord } from '../../app/contract/storeSync';
import { DukkanError } from '../../app/errors/index';
import type { Logger } from '../log/logger';
import { backoffDelay, type BackoffPolicy } from '../reporting/backoff';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { pushedDocumentOf, tillRecordOf } from './pushBatch';
import { documentAdvance, recordAdvance } from './pushCursor';
import { signedRequest } from './storeClient';
import { StoreSyncStore } from './storeSyncStore';

export interface StorePushWorkerOptions {
  /** A connection of the worker's own (the sale's connection is never used here). */
  readonly db: SqliteDatabase;
  /** The terminal's ed25519 key from the OS keychain; undefined before enrolment. */
  readonly secretKey: () => Promise<Uint8Array | undefined>;
  readonly logger: Logger;
  readonly clock?: () => Date;
  readonly batchSize?: number;
  /** How often an idle till looks for new rows, and says it is alive. */
  readonly idleMs?: number;
  readonly backoff?: BackoffPolicy;
  readonly random?: () => number;
  /** The signing certificate's expiry, for the fleet page. */
  readonly certificateExpiresAt?: () => Date | undefined;
}

export type PushRound = 'idle' | 'more' | 'failed';
const RECORD_STREAMS = [
  ['audit', 'audit'],
  ['cash', 'cash'],
  ['shifts', 'shift'],
] as const;

export class StorePushWorker {
  private readonly store: StoreSyncStore;
  private readonly clock: () => Date;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private failures = 0;

  constructor(private readonly options: StorePushWorkerOptions) {
    this.store = new StoreSyncStore(options.db);
    this.clock = options.clock ?? (() => new Date());
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Look now (after a sale commits) instead of at the next idle tick. */
  nudge(): void {
    if (!this.stopped && this.running === null) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.round().finally(() => {
        this.running = null;
      });
    }, ms);
    this.timer.unref?.();
  }

  private async round(): Promise<void> {
    const result = await this.pushOnce().catch((err: unknown) => {
      this.options.logger.error('store.push-bug', { error: err instanceof Error ? err.message : String(err) });
      return 'failed' as const;
    });
    if (result === 'failed') {
      this.failures += 1;
      const delay = backoffDelay(this.failures, this.options.backoff ?? { initialMs: 2000, maxMs: 300_000 }, this.options.random ?? Math.random);
      this.schedule(delay);
      return;
    }
    this.failures = 0;
    this.schedule(result === 'more' ? 0 : (this.options.idleMs ?? 5000));
  }

  /** One batch: read after the cursors, push, move the cursors by the server's answer. */
  async pushOnce(): Promise<PushRound> {
    const link = this.store.link();
    if (!link) return 'idle';
    const secretKey = await this.options.secretKey();
    if (!secretKey) {
      this.options.logger.warn('store.key-missing', { terminal: link.terminal_id });
      return 'failed';
    }
    const batch = this.options.batchSize ?? 100;
    const documentCursor = this.store.cursor('documents');
    const rows = this.store.documentsAfter(documentCursor, batch);
    const records: TillRecord[] = [];
    const recordRows = RECORD_STREAMS.map(([stream, kind]) => {
      const found = this.store.recordsAfter(stream, this.store.cursor(stream), batch);
      records.push(...found.map((r) => tillRecordOf(kind, r)));
      return { stream, kind, rows: found };
    });
    const body: PushRequest = {
      documents: rows.map((r) => pushedDocumentOf(r, this.store.payments(r.id), () => this.store.returnedLines(r.id))),
      records,
      status: this.status(),
    };
    let answer: PushAnswer;
    try {
      answer = (await signedRequest({ url: link.url, terminalId: link.terminal_id, secretKey }, 'POST', '/api/push', body, { now: this.clock })) as PushAnswer;
    } catch (err) {
      if (!(err instanceof DukkanError)) throw err;
      this.options.logger.warn('store.push-failed', { code: err.code, backlog: rows.length + records.length });
      return 'failed';
    }
    const now = this.clock().getTime();
    const moved = documentAdvance(documentCursor, rows, answer.documents, (chain, icv) => this.store.documentAt(chain, icv));
    if (moved.position !== documentCursor) this.store.setCursor('documents', moved.position, now);
    const answered = new Set(answer.records.map((r) => r.eventId));
    for (const r of answer.records) if (r.outcome === 'refused') this.options.logger.error('store.record-refused', { eventId: r.eventId, code: r.code });
    for (const { stream, kind, rows: found } of recordRows) {
      const position = recordAdvance(this.store.cursor(stream), found, answered, kind);
      if (position !== this.store.cursor(stream)) this.store.setCursor(stream, position, now);
    }
    if (moved.refusal) {
      this.options.logger.error('store.document-refused', { code: moved.refusal.code, ...moved.refusal.params });
      // a gap is resent from where the server wants it at once; a conflict waits for a person (backoff, logged)
      return moved.refusal.code === 'store.icv-gap' && moved.position !== documentCursor ? 'more' : 'failed';
    }
    return rows.length === batch || recordRows.some((r) => r.rows.length === batch) ? 'more' : 'idle';
  }

  private status(): TerminalStatus {
    const queue = this.store.reportingQueue();
    const expires = this.options.certificateExpiresAt?.();
    return {
      reportingQueue: queue.queued,
      ...(queue.oldest !== null ? { oldestUnreportedAt: new Date(queue.oldest).toISOString() } : {}),
      ...(expires ? { certificateExpiresAt: expires.toISOString() } : {}),
    };
  }
}
