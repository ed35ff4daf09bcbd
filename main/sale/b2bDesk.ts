// SPDX-License-Identifier: UNLICENSED
// The B2B side of one mode's counter, built with it (saleDesk.ts): saved customers, the clearance desk, the
// B2B counter and the cleared files for the buyer — all over the folder's own database and Fatoora environment.
import type { ClearedFiles } from '../../app/contract/b2bTypes';
import type { DocumentInputJson } from '../../app/document/documentInput';
import type { Signing } from '../../app/engine/buildAndStamp';
import { DukkanError } from '../../app/errors/index';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import type { CatalogStore } from '../catalog/catalogStore';
import { ClearanceDesk, type ClearanceAccess } from '../clearance/clearanceDesk';
import { ClearanceRetrier } from '../clearance/clearanceRetrier';
import { ClearanceStore } from '../clearance/clearanceStore';
import { clearedFiles, type PdfRenderer } from '../clearance/clearedFiles';
import { CustomerStore } from '../customers/customerStore';
import type { Ledger } from '../ledger/ledger';
import type { SaleRecorder } from '../shifts/saleRecorder';
import type { SessionStore } from '../users/sessions';
import { silentLogger, type Logger } from '../log/logger';
import { B2bCounter } from './b2bCounter';
import type { Counter } from './counter';
import type { DocumentStore } from './documentStore';
import { standardNotes, type StandardNotes } from './standardNotes';
import type { ReceiptOutput, Receipts } from './receipts';
import type { DailyReports } from '../reports/dailyReport';

/** What the B2B side needs of a mode's data folder (main/app/modeServices satisfies it). */
export interface B2bFolder {
  readonly db: SqliteDatabase;
  readonly documents: DocumentStore;
  /** The environment's Fatoora client and production CSID; null until the folder can sign. */
  clearanceAccess(): ClearanceAccess | null;
  /** Onboarded for standard invoices too (CSR title 1100, reference §8). */
  standardAllowed(): boolean;
  signing(): Promise<Signing>;
  readonly worker: { nudge(): void } | null;
  /** The folder's cash control and audit trail (main/shifts), told of each committed standard sale. */
  readonly recorder?: Pick<SaleRecorder, 'committed'>;
  /** The day's reports (main/reports), told of each document so its totals are ready before the next X report. */
  readonly reports?: Pick<DailyReports, 'issued'>;
}

/** After each issued document: reported at once if online, and its totals made ready for the next X report. */
export function documentIssued(folder: Pick<B2bFolder, 'worker' | 'reports'>): void {
  folder.worker?.nudge();
  folder.reports?.issued();
}

export interface B2bShared {
  readonly catalog: Pick<CatalogStore, 'get'>;
  readonly printing: ReceiptOutput;
  /** Chromium's print-to-PDF, for the A4 invoice; null where there is none. */
  readonly pdf?: PdfRenderer | null | undefined;
  readonly clock: () => Date;
  readonly logger?: Logger | undefined;
  /** The tills' one-time approvals: who approved a cart's price changes (for the audit trail). */
  readonly approvals?: Pick<SessionStore, 'approval' | 'consume'>;
  /** A clearance attempt settled or a standard sale was committed: the status strip's B2B counts may change. */
  readonly clearanceChanged?: () => void;
  /** How often the background retrier looks for documents awaiting clearance (ms; tests make it short). */
  readonly clearancePollMs?: number;
}

export interface B2bDesk {
  readonly counter: B2bCounter;
  readonly customers: CustomerStore;
  readonly clearances: ClearanceStore;
  /** Credit and debit notes against a standard invoice, cleared like it (main/sale/standardNotes.ts). */
  readonly notes: StandardNotes;
  /** Sends documents left awaiting clearance again in the background (main/clearance/clearanceRetrier.ts). */
  readonly retrier: ClearanceRetrier;
  /** ZATCA's cleared XML and the A4 PDF of a cleared standard document; refused for anything not cleared. */
  files(number: string): Promise<ClearedFiles>;
  /** Stops the background retries (the mode is left or the app closes); an attempt under way finishes. */
  close(): Promise<void>;
}

export function openB2bDesk(
  folder: B2bFolder,
  shared: B2bShared,
  sale: { readonly counter: Pick<Counter, 'quote'>; readonly receipts: Receipts; readonly ledger: Pick<Ledger, 'issue'> },
  seller: () => DocumentInputJson['seller'],
  training: boolean,
): B2bDesk {
  const customers = new CustomerStore(folder.db);
  const clearances = new ClearanceStore(folder.db);
  const log = (shared.logger ?? silentLogger).child({ component: 'clearance' });
  const desk = new ClearanceDesk({
    store: clearances,
    documents: folder.documents,
    access: () => folder.clearanceAccess(),
    clock: shared.clock,
    log,
    ...(shared.clearanceChanged ? { settled: shared.clearanceChanged } : {}),
  });
  const retrier = new ClearanceRetrier({
    store: clearances,
    documents: folder.documents,
    desk,
    clock: shared.clock,
    log,
    ...(shared.clearancePollMs !== undefined ? { pollMs: shared.clearancePollMs } : {}),
  });
  retrier.start();
  const counter = new B2bCounter({
    counter: sale.counter,
    ledger: sale.ledger,
    documents: folder.documents,
    catalog: shared.catalog,
    customers,
    clearances,
    desk,
    receipts: sale.receipts,
    printing: shared.printing,
    signing: () => folder.signing(),
    seller,
    standardAllowed: () => folder.standardAllowed(),
    issued: () => documentIssued(folder),
    clock: shared.clock,
    recorder: folder.recorder,
    approvedBy: (session, approvalId) => shared.approvals?.approval(session, approvalId, ['price-override', 'discount'])?.managerName,
    consumeApproval: (session, approvalId) => shared.approvals?.consume(session, approvalId),
  });
  return {
    counter,
    customers,
    clearances,
    retrier,
    notes: standardNotes({ clearances, desk, numberOf: (id) => folder.documents.get(id)?.number, clock: shared.clock }),
    close: () => retrier.stop(),
    files: (number) => {
      const row = folder.documents.byNumber(number);
      const clearance = row ? clearances.get(row.id) : undefined;
      if (!row || !clearance) throw new DukkanError('b2b.not-standard', { number });
      return clearedFiles(row, clearance, folder.documents.documentOf(row), shared.pdf ?? null, training);
    },
  };
}
