// SPDX-License-Identifier: UNLICENSED
// The background loop of the till's store-server workers (docs/store-server.md): push and master-data pull. One
// round at a time on a timer that never keeps the process alive; after a failure the next round waits with
// exponential backoff and jitter (main/reporting/backoff.ts), after "more" it runs at once, otherwise at the idle
// interval. A round that throws is a bug: logged, then treated as a failure.
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import type { Logger } from '../log/logger';
import { backoffDelay, type BackoffPolicy } from '../reporting/backoff';

export type RoundOutcome = 'idle' | 'more' | 'failed';

/** What both store-server workers are given. */
export interface StoreWorkerOptions {
  /** A connection of the worker's own (the sale's connection is never used here). */
  readonly db: SqliteDatabase;
  /** The terminal's ed25519 key from the OS keychain; undefined before enrolment. */
  readonly secretKey: () => Promise<Uint8Array | undefined>;
  readonly logger: Logger;
  readonly clock?: () => Date;
  readonly backoff?: BackoffPolicy;
  readonly random?: () => number;
}

export interface RetryLoopOptions {
  readonly logger: Logger;
  /** The log event of a round that threw. */
  readonly bugEvent: string;
  readonly idleMs: number;
  readonly backoff: BackoffPolicy;
  readonly random?: (() => number) | undefined;
}

/** A worker's loop: the worker implements `round`. */
export abstract class RetryLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private failures = 0;

  constructor(private readonly loopOptions: RetryLoopOptions) {}

  protected abstract round(): Promise<RoundOutcome>;

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Run now (after a sale commits, after enrolment) instead of at the next tick; a round under way is not doubled. */
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
      this.running = this.next().finally(() => {
        this.running = null;
      });
    }, ms);
    this.timer.unref?.();
  }

  private async next(): Promise<void> {
    const result = await this.round().catch((err: unknown) => {
      this.loopOptions.logger.error(this.loopOptions.bugEvent, { error: err instanceof Error ? err.message : String(err) });
      return 'failed' as const;
    });
    if (result === 'failed') {
      this.failures += 1;
      this.schedule(backoffDelay(this.failures, this.loopOptions.backoff, this.loopOptions.random ?? Math.random));
      return;
    }
    this.failures = 0;
    this.schedule(result === 'more' ? 0 : this.loopOptions.idleMs);
  }
}
