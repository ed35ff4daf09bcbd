// SPDX-License-Identifier: UNLICENSED
// Keeps the chain anchor (chainAnchor.ts) in step with the ledger, on the issuance path:
//
//   verify   at start-up and before each issue: the database must reach every anchored chain's head with the same
//            hash, or issuing stops (ledger.rolled-back / ledger.chain-forked). A chain that went on past its anchor,
//            linked to it, is the crash window below: the anchor catches up before the next document is signed, and a
//            keychain that cannot be written then refuses the issue — so the database is never more than one
//            document past its anchor.
//   advance  after the document's commit is durable (never before: an anchor ahead of a durable database would
//            call a good database rolled back). It never throws — the document is issued and must be printed and
//            reported; a failure is logged and the next verify catches up.
//
// The crash window: killed between the commit and the keychain write, the database holds ICV n+1 while the anchor
// says n. That is accepted when ICV n in the database has the anchored hash and ICV n+1 carries it as its PIH
// (reference §11); the anchor is then moved to the database head. The reverse — an anchor ahead of the database —
// never happens on this path, so it always means the database lost documents.
//
// Writes are serialised and merged with the keychain's current value, keeping the higher ICV of each chain, so the
// anchor only moves forward, also when the reporting worker records an acknowledgement at the same moment.
import type { SecretStore } from '../../native/keychain/secretStore';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { DukkanError } from '../../app/errors/index';
import { errorFields, type Logger } from '../log/logger';
import { anchorStatements, type AnchorStatements } from './anchorStore';
import {
  compareWithAnchor,
  isRollback,
  readAnchor,
  rollbackError,
  sameCertificate,
  withChain,
  writeAnchor,
  type AnchoredChain,
  type AnchorRecord,
} from './chainAnchor';

export interface ChainPlace {
  readonly issuer: string;
  readonly serial: string;
  readonly icv: number;
  readonly hash: string;
}

export interface LedgerAnchorGuard {
  verify(signing?: { readonly issuer: string; readonly serial: string }): Promise<void>;
  advance(place: ChainPlace): Promise<void>;
}

export class LedgerAnchor implements LedgerAnchorGuard {
  private readonly q: AnchorStatements;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly secrets: SecretStore,
    db: SqliteDatabase,
    private readonly log: Logger,
  ) {
    this.q = anchorStatements(db);
  }

  /** Refuses when the database is behind or beside its anchor, or the signing chain was closed; catches up otherwise. */
  verify(signing?: { readonly issuer: string; readonly serial: string }): Promise<void> {
    return this.serialised(async () => {
      const record = await readAnchor(this.secrets);
      if (record === undefined) {
        // first run with an anchor (a new device, or one set up before anchors existed): the database as it is now
        // is the starting point. Whoever can delete the keychain entry runs as the till's own user (out of scope).
        const created = this.fromDatabase(undefined);
        if (created.chains.length > 0) this.log.info('ledger.anchor-created', { chains: created.chains.length });
        await writeAnchor(this.secrets, created);
        return;
      }
      const findings = compareWithAnchor(this.q, record);
      const rollback = findings.find(isRollback);
      if (rollback) {
        const error = rollbackError(rollback);
        this.log.error(error.code, { ...error.params });
        throw error;
      }
      const closed = signing && record.chains.find((c) => c.closed && sameCertificate(c, signing));
      if (closed) throw new DukkanError('ledger.chain-closed', { serial: closed.serial, closedAt: closed.closed!.at, reason: closed.closed!.reason });
      const caughtUp = this.fromDatabase(record);
      if (JSON.stringify(caughtUp) !== JSON.stringify(record)) {
        this.log.warn('ledger.anchor-caught-up', { chains: caughtUp.chains.map((c) => `${c.serial}:${c.icv}`).join(' ') });
        await writeAnchor(this.secrets, caughtUp);
      }
    });
  }

  advance(place: ChainPlace): Promise<void> {
    return this.update((record) => {
      const known = record?.chains.find((c) => sameCertificate(c, place));
      if (known && known.icv >= place.icv) return undefined;
      return withChain(record, { issuer: place.issuer, serial: place.serial, icv: place.icv, hash: place.hash, acknowledgedIcv: known?.acknowledgedIcv ?? 0 });
    }, 'ledger.anchor-update-failed');
  }

  /** After Fatoora acknowledged (reported or cleared) a stored document. */
  acknowledged(documentId: number): Promise<void> {
    const place = this.q.placeOf(documentId);
    if (!place) return Promise.resolve();
    return this.update((record) => {
      const known = record?.chains.find((c) => sameCertificate(c, place));
      if (!known || known.acknowledgedIcv >= place.icv) return undefined;
      return withChain(record, { ...known, acknowledgedIcv: place.icv });
    }, 'ledger.anchor-acknowledge-failed');
  }

  /** Every chain of the database at its head, the anchor's own fields kept; a chain never moves backwards. */
  private fromDatabase(record: AnchorRecord | undefined): AnchorRecord {
    let next: AnchorRecord = record ?? { version: 1, chains: [] };
    for (const head of this.q.heads()) {
      if (head.icv === 0 || head.hash === null) continue;
      const known: AnchoredChain | undefined = next.chains.find((c) => sameCertificate(c, head));
      if (known && (known.closed || known.icv >= head.icv)) continue;
      next = withChain(next, { issuer: head.issuer, serial: head.serial, icv: head.icv, hash: head.hash, acknowledgedIcv: known?.acknowledgedIcv ?? 0 });
    }
    return next;
  }

  /** Read, change, write — serialised, and never throwing: the document it follows is already durable. */
  private update(change: (record: AnchorRecord | undefined) => AnchorRecord | undefined, event: string): Promise<void> {
    return this.serialised(async () => {
      const next = change(await readAnchor(this.secrets));
      if (next) await writeAnchor(this.secrets, next);
    }).catch((e: unknown) => this.log.warn(event, errorFields(e)));
  }

  private serialised<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
