// SPDX-License-Identifier: UNLICENSED
// SQL of the manager's view of the store-server link (docs/store-server.md, "The till's store-server tab"): what is
// still waiting to be pushed, when the server last took something, and the end of an enrolment — the link and the
// push cursors go, so a later enrolment (a new terminal at the server) sends the whole ledger again. The backlog
// counts PIN changes waiting to be sent too (pinOutbox.ts). Reads the ledger's tables, never writes them.
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';

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
    };
  }

  backlog(): number {
    return this.q.backlog.get()?.n ?? 0;
  }

  /** When a cursor last moved: the server's answer took something. */
  lastPushAt(): number | null {
    return this.q.lastPush.get()?.at ?? null;
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
