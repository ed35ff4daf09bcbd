// SPDX-License-Identifier: UNLICENSED
// SQL of the manager's view of the store-server link (docs/store-server.md, "The till's store-server tab"): what is
// still waiting to be pushed, when the server last took something, and the end of an enrolment — the link and the
// push cursors go, so a later enrolment (a new terminal at the server) sends the whole ledger again. The backlog
// counts PIN changes waiting to be sent too (pinOutbox.ts). Reads the ledger's tables, never writes them. And the
// handover of the server's TLS certificate (docs/store-server.md, "Replacing the certificate"): the next fingerprint
// a signed announcement named, accepted beside the pin, and made the pin when the server presents it.
import type { TlsAnnouncement } from '../../app/x509/tlsAnnouncement';
import { verifyTlsAnnouncement } from '../../app/x509/tlsAnnouncement';
import { DukkanError } from '../../app/errors/index';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import type { StoreCredentials } from './storeClient';

export class StoreLinkStore {
  private readonly q;

  constructor(private readonly db: SqliteDatabase) {
    const after = (stream: string) => `coalesce((SELECT position FROM store_push_cursor WHERE stream = '${stream}'), 0)`;
    this.q = {
      // the same rows the push worker sends (storeSyncStore.ts): documents, audit events, cash movements, closed shifts
      backlog: db.prepare<[], { n: number }>(
        `SELECT (SELECT count(*) FROM documents WHERE id > ${after('documents')})
              + (SELECT count(*) FROM audit_events WHERE id > ${after('audit')})
              + (SELECT count(*) FROM cash_movements WHERE id > ${after('cash')})
              + (SELECT count(*) FROM shifts WHERE id > ${after('shifts')} AND closed_at IS NOT NULL)
              + (SELECT count(*) FROM store_pin_outbox) AS n`,
      ),
      lastPush: db.prepare<[], { at: number | null }>('SELECT max(updated_at) AS at FROM store_push_cursor'),
      dropLink: db.prepare('DELETE FROM store_link'),
      dropCursors: db.prepare('DELETE FROM store_push_cursor'),
      dropPull: db.prepare('DELETE FROM store_pull'),
      dropPins: db.prepare('DELETE FROM store_pin_outbox'),
      next: db.prepare<[], { pinned: string | null; next: string | null; next_from: number | null }>(
        'SELECT server_fingerprint AS pinned, server_next_fingerprint AS next, server_next_from AS next_from FROM store_link WHERE id = 1',
      ),
      acceptNext: db.prepare<[string, number, string]>(
        'UPDATE store_link SET server_next_fingerprint = ?, server_next_from = ? WHERE id = 1 AND server_fingerprint = ?',
      ),
      promoteNext: db.prepare<[string]>(
        'UPDATE store_link SET server_fingerprint = server_next_fingerprint, server_next_fingerprint = NULL, server_next_from = NULL WHERE id = 1 AND server_next_fingerprint = ?',
      ),
    };
  }

  backlog(): number {
    return this.q.backlog.get()?.n ?? 0;
  }

  /** When a cursor last moved: the server's answer took something. */
  lastPushAt(): number | null {
    return this.q.lastPush.get()?.at ?? null;
  }

  /** The pinned fingerprint and the announced next one (null when none is pending). */
  pins(): { pinned: string | null; next: string | null; nextFrom: number | null } {
    const row = this.q.next.get();
    return { pinned: row?.pinned ?? null, next: row?.next ?? null, nextFrom: row?.next_from ?? null };
  }

  /**
   * Records the server's announcement of its next certificate once its signature checks against the certificate
   * pinned now; a forged one throws store.tls-announcement-forged and changes nothing.
   */
  acceptAnnouncement(announcement: TlsAnnouncement, url: string): void {
    const { pinned, next } = this.pins();
    if (!pinned) return; // plain http:// on this machine: nothing pinned, nothing to hand over
    const verified = verifyTlsAnnouncement(announcement, pinned);
    if (!verified) throw new DukkanError('store.tls-announcement-forged', { url: new URL(url).origin, pinned });
    if (verified.next !== next) this.q.acceptNext.run(verified.next, verified.from.getTime(), pinned);
  }

  /** `credentials` also accepting the announced next certificate, which becomes the pin when the server shows it. */
  withNext(credentials: StoreCredentials): StoreCredentials {
    const { pinned, next } = this.pins();
    if (!next || pinned !== credentials.fingerprint) return credentials;
    return { ...credentials, next: { fingerprint: next, seen: () => this.q.promoteNext.run(next) } };
  }

  /** The enrolment ends here: link, push cursors, pull cursor and unsent PIN changes (pulled entries keep their local rows). */
  unlink(): void {
    this.db.transaction(() => {
      this.q.dropLink.run();
      this.q.dropCursors.run();
      this.q.dropPull.run();
      this.q.dropPins.run();
    })();
  }
}
