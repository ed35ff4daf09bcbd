// SPDX-License-Identifier: UNLICENSED
// The till's background pull of master data (docs/store-server.md, "Master data at the till"): every minute, and at
// once after enrolment, it fetches every change after the till's version cursor — all pages first, so a server lost
// half-way writes nothing — then applies them in one transaction (masterDataApply.ts). It never waits on a sale and a
// sale never waits on it: the network part is asynchronous, and the write is one short transaction between sales.
// A failure is kept for the manager's store-server tab and retried with backoff; the cursor moves only with a pull
// that applied whole. An announcement of the server's next TLS certificate in the answer is checked against the
// pinned certificate and recorded (storeLinkStore.ts); a forged one fails the pull and changes nothing.
import type { MasterDataChange } from '../../app/contract/storeSync';
import { DukkanError } from '../../app/errors/index';
import { applyMasterData } from './masterDataApply';
import { pullMasterData } from './masterDataPull';
import { RetryLoop, type RoundOutcome, type StoreWorkerOptions } from './retryLoop';
import type { TlsAnnouncement } from '../../app/x509/tlsAnnouncement';
import { linkCredentials } from './storeEnrolment';
import { StoreLinkStore } from './storeLinkStore';
import { StoreSyncStore } from './storeSyncStore';
import { TillMasterDataStore } from './tillMasterDataStore';

export interface MasterDataPullOptions extends StoreWorkerOptions {
  /** How often a till asks for changes while all is well. */
  readonly intervalMs?: number;
}

export class MasterDataPullWorker extends RetryLoop {
  private readonly clock: () => Date;
  private pulling: Promise<RoundOutcome> | null = null;

  constructor(private readonly options: MasterDataPullOptions) {
    super({
      logger: options.logger,
      bugEvent: 'store.pull-bug',
      idleMs: options.intervalMs ?? 60_000,
      backoff: options.backoff ?? { initialMs: 5000, maxMs: 300_000 },
      random: options.random,
    });
    this.clock = options.clock ?? (() => new Date());
  }

  protected round(): Promise<RoundOutcome> {
    return this.pullOnce();
  }

  /** One pull; a call while one runs (the loop's, or a test's) waits for that one instead of pulling twice at once. */
  pullOnce(): Promise<RoundOutcome> {
    this.pulling ??= this.pull().finally(() => {
      this.pulling = null;
    });
    return this.pulling;
  }

  private async pull(): Promise<RoundOutcome> {
    const links = new StoreSyncStore(this.options.db);
    const link = links.link();
    if (!link) return 'idle';
    const store = new TillMasterDataStore(this.options.db);
    try {
      const secretKey = await this.options.secretKey();
      if (!secretKey) throw new DukkanError('store.not-enrolled');
      const changes: MasterDataChange[] = [];
      const pins = new StoreLinkStore(this.options.db);
      let announcement: TlsAnnouncement | undefined;
      const version = await pullMasterData(
        pins.withNext(linkCredentials(link, secretKey)),
        store.pullState().version,
        (c) => changes.push(c),
        (a) => (announcement = a),
      );
      // removed (or enrolled elsewhere) while the pull was on its way: its answer belongs to no link now
      if (links.link()?.terminal_id !== link.terminal_id) return 'idle';
      if (announcement) pins.acceptAnnouncement(announcement, link.url);
      applyMasterData(this.options.db, changes, version, { terminalId: link.terminal_id, at: this.clock() });
      if (changes.length > 0) this.options.logger.info('store.pulled', { changes: changes.length, version });
      return 'idle';
    } catch (err) {
      if (!(err instanceof DukkanError)) throw err;
      store.setPullError(err.code, { params: err.params, problems: err.problems }, this.clock().getTime());
      this.options.logger.warn('store.pull-failed', { code: err.code, ...err.params });
      return 'failed';
    }
  }
}
