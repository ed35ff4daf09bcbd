// SPDX-License-Identifier: UNLICENSED
// The read-only archives a restore onto a new computer leaves under <data folder>/archives/ (docs/backups.md, "How a
// restore works"): the ledger of a terminal whose device key died with its old keychain. The till still needs its
// documents — a customer brings back something bought before the disk died, an auditor asks for a copy — so the
// receipts screen looks there when this terminal's ledger does not have a number or QR. Nothing is ever written to
// an archive: each is opened read-only (the file is mode 0400 as well), and returns of its sales are credit notes of
// this terminal that reference the old sale by number and date, as for any sale of another till (main/sale/
// externalReturn.ts): the old chain is closed, no new document can join it.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { DATABASE_FILE_NAME, openDeviceDatabase } from '../db/openDeviceDatabase';
import type { Logger } from '../log/logger';
import type { DocumentRow } from '../ledger/ledgerStore';
import { DocumentStore } from '../sale/documentStore';
import { terminalIdentity } from './backupStore';

export const ARCHIVES_FOLDER = 'archives';

/** What the screen says about an archived document's origin. */
export interface ArchiveOrigin {
  /** The archive's folder name (terminal prefix and backup time). */
  readonly name: string;
  /** The EGS serial (CSR SN, reference §8) of the terminal that issued it, when it was onboarded. */
  readonly egsSerial: string | null;
}

interface OpenArchive {
  readonly origin: ArchiveOrigin;
  readonly db: SqliteDatabase;
  readonly documents: DocumentStore;
}

export interface ArchivedDocument {
  readonly origin: ArchiveOrigin;
  readonly documents: DocumentStore;
  readonly row: DocumentRow;
}

/** The archives of one data folder, opened on first use and kept open (read-only) until close(). */
export class ArchiveShelf {
  private opened: OpenArchive[] | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly log?: Logger,
  ) {}

  /** The archived document with this number, or whose receipt QR this is; the newest archive first. */
  find(query: { readonly number: string } | { readonly qr: string }): ArchivedDocument | undefined {
    for (const archive of this.archives()) {
      const row = 'number' in query ? archive.documents.byNumber(query.number) : archive.documents.byQr(query.qr);
      if (row) return { origin: archive.origin, documents: archive.documents, row };
    }
    return undefined;
  }

  close(): void {
    for (const a of this.opened ?? []) a.db.close();
    this.opened = null;
  }

  private archives(): OpenArchive[] {
    if (this.opened) return this.opened;
    const root = path.join(this.dataDir, ARCHIVES_FOLDER);
    const names = existsSync(root) ? readdirSync(root).sort().reverse() : [];
    this.opened = names.flatMap((name) => {
      const file = path.join(root, name, DATABASE_FILE_NAME);
      if (!existsSync(file)) return [];
      try {
        return [openArchive(name, file)];
      } catch (e) {
        // an archive of a newer Dukkan or a damaged file: the others stay usable, and the log says which
        this.log?.warn('archive.unreadable', { archive: name, error: e instanceof Error ? e.message : String(e) });
        return [];
      }
    });
    return this.opened;
  }
}

function openArchive(name: string, file: string): OpenArchive {
  const db = openDeviceDatabase(file, { readonly: true });
  try {
    return { origin: { name, egsSerial: terminalIdentity(db)?.egs_serial ?? null }, db, documents: new DocumentStore(db) };
  } catch (e) {
    db.close();
    throw e;
  }
}
