// SPDX-License-Identifier: UNLICENSED
// The counter and the receipts of one mode's data folder (training or live), built together each time the app enters
// a mode (main/app/modeController): documents, ledger and signing key are the folder's; the catalog, the tills'
// approvals and the printer are the terminal's and shared by both modes.
import type { DocumentInputJson } from '../../app/document/documentInput';
import type { Signing } from '../../app/engine/buildAndStamp';
import type { ArchiveShelf } from '../backup/archiveShelf';
import type { CatalogStore } from '../catalog/catalogStore';
import { DukkanError } from '../../app/errors/index';
import type { Ledger } from '../ledger/ledger';
import type { ShopProfile } from '../onboarding/index';
import { sellerOf } from '../onboarding/shopDocuments';
import type { SaleRecorder } from '../shifts/saleRecorder';
import type { SessionStore } from '../users/sessions';
import { documentIssued, openB2bDesk, type B2bDesk, type B2bFolder, type B2bShared } from './b2bDesk';
import { Counter } from './counter';
import { ForeignOriginalStore } from './foreignOriginalStore';
import type { DocumentStore } from './documentStore';
import { Receipts, type ReceiptOutput } from './receipts';
import { StoreCredit } from '../storeCredit/storeCredit';
import { StoreCreditStore } from '../storeCredit/storeCreditStore';

/** What a sale needs of a mode's data folder (main/app/modeServices satisfies it). */
export interface SaleFolder extends B2bFolder {
  /** Null until the folder's environment can sign. */
  readonly ledger: Pick<Ledger, 'issue'> | null;
  readonly documents: DocumentStore;
  signing(): Promise<Signing>;
  /** The shop profile the folder's environment was onboarded with. */
  shop(): ShopProfile | null;
  /** The reporting worker, told to report at once after each document. */
  readonly worker: { nudge(): void } | null;
  /** The folder's cash control and audit trail (main/shifts), told of each committed document. */
  readonly recorder?: Pick<SaleRecorder, 'committed'>;
  /** Read-only archives of a terminal restored onto this computer, for receipts lookup and copies. */
  readonly archives?: Pick<ArchiveShelf, 'find'> | null;
}

/** What every mode shares. */
export interface SaleShared extends B2bShared {
  readonly catalog: Pick<CatalogStore, 'get'>;
  readonly approvals: Pick<SessionStore, 'approval' | 'consume'>;
  readonly printing: ReceiptOutput;
  readonly clock: () => Date;
  /** For the receipt: a user's name (users live in the terminal's database), and the shop's footer. */
  readonly cashierName?: (userId: number) => string | undefined;
  readonly receiptFooter?: () => string | undefined;
  /** The percent of a line a cashier may discount without a manager (docs/cash-control.md). */
  readonly discountFreePercent?: () => string;
}

export interface SaleDesk {
  readonly counter: Counter;
  readonly receipts: Receipts;
  /** Standard tax invoices for business buyers, cleared before they are handed over (main/sale/b2bDesk.ts). */
  readonly b2b: B2bDesk;
  /** The folder's store-credit vouchers (main/storeCredit): issued by returns, redeemed at payment. */
  readonly storeCredit: StoreCredit;
}

export function openSaleDesk(folder: SaleFolder, shared: SaleShared, training: boolean): SaleDesk {
  const ledger = folder.ledger;
  if (!ledger) throw new DukkanError('sale.cannot-sign');
  const receipts = new Receipts({
    documents: folder.documents,
    printing: shared.printing,
    branch: () => folder.shop()?.branch,
    training,
    cashierName: shared.cashierName,
    footer: shared.receiptFooter,
    archives: folder.archives ?? undefined,
    // the B2B desk is built after the receipts (it prints through them); asked only when a receipt is looked up
    // (a standard document issued outside the counter, e.g. by `dukkan issue`, has no clearance row: none is shown)
    clearanceOf: (number) => {
      const row = folder.documents.byNumber(number);
      return row && b2b.clearances.get(row.id) ? b2b.counter.view(number) : undefined;
    },
  });
  const seller = (): DocumentInputJson['seller'] => {
    const shop = folder.shop();
    if (!shop) throw new DukkanError('sale.no-shop-profile');
    return sellerOf(shop);
  };
  const storeCredit = new StoreCredit(new StoreCreditStore(folder.db), shared.clock);
  const counter = new Counter({
    ledger,
    documents: folder.documents,
    catalog: shared.catalog,
    approvals: shared.approvals,
    receipts,
    printing: shared.printing,
    signing: () => folder.signing(),
    seller,
    issued: () => documentIssued(folder),
    // built after the counter (the B2B desk quotes through it); asked only when a note is issued
    standardNotes: () => b2b.notes,
    foreignOriginals: new ForeignOriginalStore(folder.db),
    clock: shared.clock,
    storeCredit,
    ...(folder.recorder ? { recorder: folder.recorder } : {}),
    ...(shared.discountFreePercent ? { discountFreePercent: shared.discountFreePercent } : {}),
  });
  const b2b = openB2bDesk(folder, shared, { counter, receipts, ledger }, seller, training);
  return { counter, receipts, b2b, storeCredit };
}
