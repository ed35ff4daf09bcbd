// SPDX-License-Identifier: UNLICENSED
// The store server's consumer of the till's ledger (docs/store-server.md, "Push"): a second reader beside the
// Fatoora reporting worker, on its own database connection, that sends every committed document, audit event,
// cash movement and closed shift in local order, in batches, in the background. The server unreachable never
// touches a sale: sales keep committing, the cursors stay where they were, and the backlog drains later with backoff
// and exactly once (the server dedupes on (terminal, chain, ICV) and event id). It writes only its cursors — never a
// document, the chain or the clock. PIN changes made at this till go first, each round (pinOutbox.ts).
import type { PushAnswer, PushRequest, TerminalStatus, TillRecord } from '../../app/contract/storeSync';
import { DukkanError } from '../../app/errors/index';
import { pushedDocumentOf, tillRecordOf } from './pushBatch';
import { documentAdvance, recordAdvance } from './pushCursor';
import { sendPinChanges } from './pinOutbox';
import { PinOutboxStore } from './pinOutboxStore';
import { RetryLoop, type RoundOutcome, type StoreWorkerOptions } from './retryLoop';
import { signedRequest } from './storeClient';
import { linkCredentials } from './storeEnrolment';
import { StoreLinkStore } from './storeLinkStore';
import { StoreSyncStore } from './storeSyncStore';

export interface StorePushWorkerOptions extends StoreWorkerOptions {
  readonly batchSize?: number;
  /** How often an idle till looks for new rows, and says it is alive. */
  readonly idleMs?: number;
  /** The signing certificate's expiry, for the fleet page. */
  readonly certificateExpiresAt?: () => Date | undefined;
}

export type PushRound = RoundOutcome;
const RECORD_STREAMS = [
  ['audit', 'audit'],
  ['cash', 'cash'],
  ['shifts', 'shift'],
] as const;

export class StorePushWorker extends RetryLoop {
  private readonly store: StoreSyncStore;
  private readonly pins: PinOutboxStore;
  private readonly clock: () => Date;

  constructor(private readonly options: StorePushWorkerOptions) {
    super({
      logger: options.logger,
      bugEvent: 'store.push-bug',
      idleMs: options.idleMs ?? 5000,
      backoff: options.backoff ?? { initialMs: 2000, maxMs: 300_000 },
      random: options.random,
    });
    this.store = new StoreSyncStore(options.db);
    this.pins = new PinOutboxStore(options.db);
    this.clock = options.clock ?? (() => new Date());
  }

  protected round(): Promise<RoundOutcome> {
    return this.pushOnce();
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
    // the server's announced next certificate is accepted too (docs/store-server.md, "Replacing the certificate")
    const credentials = new StoreLinkStore(this.options.db).withNext(linkCredentials(link, secretKey));
    // a PIN change refused or out of reach does not hold the documents back; the round is retried with backoff
    const pinsFailed = await sendPinChanges(this.pins, credentials, this.options.logger, this.clock).then(
      () => false,
      (err: unknown) => {
        if (!(err instanceof DukkanError)) throw err;
        this.options.logger.warn('store.pin-send-failed', { code: err.code });
        return true;
      },
    );
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
      answer = (await signedRequest(credentials, 'POST', '/api/push', body, { now: this.clock })) as PushAnswer;
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
    if (rows.length === batch || recordRows.some((r) => r.rows.length === batch)) return 'more';
    return pinsFailed ? 'failed' : 'idle';
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
