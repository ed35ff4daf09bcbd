// SPDX-License-Identifier: UNLICENSED
// What the cashier API returns. Plain JSON (strings, numbers, booleans, arrays, objects) so every value crosses the
// Electron structured-clone boundary and the browser-mode HTTP transport unchanged. Amounts are decimal strings
// exactly as in the signed documents; dates are ISO 8601 (instants) or Riyadh local date/time (documents).
import type { ApiError, ErrorText } from './errors';
import type { BackupStatusView } from './backupTypes';
import type { ClearanceView } from './b2bTypes';
import type { DailyCashControl } from './shiftTypes';

export type Role = 'cashier' | 'manager';
export type Locale = 'ar' | 'en';
/** How a document is paid or refunded: store credit is a voucher a return issued (docs/cash-control.md, "Tenders"). */
export type PaymentMethod = 'cash' | 'card' | 'store-credit';
/** The card's network: a label on the one card tender, never a tender of its own. */
export type CardNetwork = 'mada' | 'visa' | 'mastercard' | 'amex' | 'other';

/** A payment of a committed document as the receipts and reports read it. */
export interface PaymentView {
  readonly method: PaymentMethod;
  readonly amount: string;
  readonly network?: CardNetwork;
  /** Store credit: the voucher it redeemed (or, on a return, issued) and its balance after this document. */
  readonly voucher?: { readonly code: string; readonly balance: string };
}

/** A store-credit voucher as the till looks it up before using it: its balance, and how much of it the sale can take. */
export interface VoucherBalance {
  readonly code: string;
  readonly balance: string;
  /** The smaller of the balance and what is still due (main's arithmetic; the till only shows and sends it). */
  readonly usable: string;
}
export type VatCategoryCode = 'S' | 'Z' | 'E' | 'O';
/** What a product is sold by (app/catalog/units.ts): counted pieces, weighed kilograms or grams, measured litres. */
export type ProductUnit = 'piece' | 'kg' | 'g' | 'l';
export type DocumentKind = 'invoice' | 'credit-note' | 'debit-note';
/** training: the embedded Fatoora simulator, nothing is a tax invoice. live: onboarded to a ZATCA environment. */
export type AppMode = 'training' | 'live';

export interface UserSummary {
  readonly id: number;
  readonly name: string;
  readonly role: Role;
  readonly active: boolean;
}

export interface SessionInfo {
  readonly user: UserSummary | null;
  readonly locale: Locale;
  readonly mode: AppMode;
  /** Users to pick from on the sign-in screen. */
  readonly users: readonly UserSummary[];
  /** Training mode with the factory PINs unchanged: the sign-in screen shows them. */
  readonly defaultPinsHint: { readonly manager: string; readonly cashier: string } | null;
  /**
   * The signed-in user still has a factory PIN on a live terminal: they must choose their own (session.changePin)
   * before anything else. Main refuses every other method for this session until then (main/ipc/dispatcher).
   */
  readonly pinChangeRequired: boolean;
  readonly shopName: string;
  /** Environments the onboarding wizard offers (the local simulator only when this terminal was started with one). */
  readonly onboardingEnvironments: readonly OnboardingEnvironment[];
}

export type OnboardingEnvironment = 'developer-portal' | 'simulation' | 'production' | 'local-simulator';

export interface Product {
  readonly id: number;
  readonly name: string;
  readonly nameAr: string | null;
  readonly barcodes: readonly string[];
  /** Decimal string; VAT-inclusive when priceIncludesVat. */
  readonly price: string;
  readonly priceIncludesVat: boolean;
  readonly vatCategory: VatCategoryCode;
  readonly vatRate: string;
  readonly exemptionCode: string | null;
  readonly active: boolean;
  readonly unit: ProductUnit;
}

export interface QuoteLine {
  readonly productId: number;
  readonly name: string;
  readonly quantity: string;
  /** The unit price charged (shown VAT-inclusive when the sale is priced inclusive). */
  readonly unitPrice: string;
  readonly catalogPrice: string;
  readonly discount: string | null;
  readonly lineTotal: string;
  readonly vatRate: string;
  readonly overridden: boolean;
  /** What the quantity counts (a price label's line is one piece, whatever its product is sold by). */
  readonly unit: ProductUnit;
}

export interface Quote {
  readonly lines: readonly QuoteLine[];
  readonly pricesIncludeVat: boolean;
  readonly taxExclusive: string;
  readonly vat: string;
  readonly total: string;
  readonly paid: string;
  /** Still to pay (0 when fully paid). */
  readonly due: string;
  /** Cash to give back (0 when nothing). */
  readonly change: string;
  /** Price overrides or discounts present: a manager approval must accompany the sale. */
  readonly needsApproval: boolean;
  /** The sale can be completed as it is (paid in full, approval present where needed). */
  readonly complete: boolean;
  /** Why the sale cannot be completed yet (amount still due, approval missing), by catalog code. */
  readonly problems: readonly ErrorText[];
}

/** `printing`: still under way (retries after a printer fault); the outcome follows as a `print` event. */
export type PrintState = 'printed' | 'printing' | 'failed' | 'no-printer';

export interface PrintOutcome {
  readonly state: PrintState;
  /** English, for logs; the screens show `reason` in their own language. */
  readonly message: string | null;
  /** Why it failed, by catalog code (the printing failures of app/errors/codes/deviceCodes.ts). */
  readonly reason?: ErrorText;
}

export interface DocumentSummary {
  readonly number: string;
  readonly kind: DocumentKind;
  readonly issueDate: string;
  readonly issueTime: string;
  readonly total: string;
  readonly vat: string;
  readonly training: boolean;
}

export interface IssueResult {
  readonly document: DocumentSummary;
  readonly change: string;
  readonly print: PrintOutcome;
  /** A note against a standard (B2B) invoice: its clearance, as for the invoice (main/sale/standardNotes.ts). */
  readonly clearance?: ClearanceView;
  /** A return refunded as store credit: the voucher it issued, printed on the return receipt. */
  readonly voucher?: { readonly code: string; readonly amount: string };
}

export interface ReceiptLineDetails {
  readonly lineId: number;
  readonly name: string;
  readonly quantity: string;
  readonly unitPrice: string;
  readonly vatRate: string;
  readonly vatCategory: VatCategoryCode;
  /** Already returned by earlier credit notes. */
  readonly returned: string;
  /** Still returnable. */
  readonly returnable: string;
}

export type ReportingState = 'queued' | 'in-flight' | 'reported' | 'reported-with-warnings' | 'rejected' | 'failed' | 'unknown';

export interface ReceiptDetails {
  readonly document: DocumentSummary;
  readonly pricesIncludeVat: boolean;
  readonly lines: readonly ReceiptLineDetails[];
  readonly payments: readonly PaymentView[];
  readonly originalNumber: string | null;
  readonly reason: string | null;
  /** Credit and debit notes issued against this invoice. */
  readonly notes: readonly { readonly number: string; readonly kind: DocumentKind; readonly total: string }[];
  readonly reporting: ReportingState;
  /**
   * Set for a document of a read-only archive (a terminal restored onto this computer, docs/backups.md): its chain
   * is closed, so a return of it is a return without this till's receipt, referencing its number and date.
   */
  readonly archive?: { readonly name: string; readonly egsSerial: string | null };
  /** A standard (B2B) document: its clearance; the buyer gets ZATCA's cleared files (clearance.files) once cleared. */
  readonly clearance?: ClearanceView;
}

export type Connectivity = 'online' | 'offline' | 'unknown';

/** The always-visible strip of the cashier screen. */
export interface StatusSnapshot {
  readonly mode: AppMode;
  readonly environment: string;
  readonly connectivity: Connectivity;
  /** Documents issued and not yet reported to Fatoora. */
  readonly waiting: number;
  readonly rejected: number;
  readonly overdue: number;
  /** Issue time + 24 h of the oldest unreported document (ISO instant), or null. */
  readonly nearestDeadline: string | null;
  readonly printer: { readonly configured: boolean; readonly state: 'ready' | 'printing' | 'error' | 'unknown'; readonly message: string | null };
  /** The live ledger has a backup folder without a successful backup for 24 hours, or none (docs/backups.md). */
  readonly backupWarning?: boolean;
  /**
   * Standard (B2B) documents awaiting ZATCA's clearance, and those ZATCA did not clear (main/clearance): counted
   * apart from `waiting` and `rejected`, which are about reporting simplified documents.
   */
  readonly clearance?: { readonly awaiting: number; readonly rejected: number };
  /**
   * Training mode still being prepared (a first start: the training folder onboards against the embedded simulator
   * in the background, main/app/modeController.ts): nothing can be issued until it is done. `lastError` is the last
   * failed attempt's reason, tried again at `retryAt` (ISO instant).
   */
  readonly preparingTraining?: { readonly lastError: string | null; readonly retryAt: string | null };
  readonly at: string;
}

export interface DeviceStatus {
  readonly mode: AppMode;
  readonly environment: string;
  readonly onboarded: boolean;
  readonly egsName: string | null;
  readonly certificate: { readonly serial: string; readonly notAfter: string; readonly daysLeft: number } | null;
  readonly chainHead: { readonly icv: number; readonly number: string; readonly hash: string } | null;
  readonly queue: {
    readonly queued: number;
    readonly inFlight: number;
    readonly reported: number;
    readonly warnings: number;
    readonly rejected: number;
    readonly failed: number;
    readonly overdue: number;
  };
  readonly dataDir: string;
  /** The live ledger's backups; null in training (docs/backups.md). */
  readonly backups?: BackupStatusView | null;
  /** Standard (B2B) documents by clearance state, apart from the reporting queue (main/clearance). */
  readonly clearance?: { readonly awaiting: number; readonly rejected: number; readonly cleared: number };
}

export interface ZatcaMessage {
  readonly type: string;
  readonly code: string | null;
  readonly message: string;
}

export interface SyncLogEntry {
  readonly at: string;
  readonly number: string;
  readonly outcome: string;
  readonly httpStatus: number | null;
  readonly messages: readonly ZatcaMessage[];
}

export interface ProblemDocument {
  readonly number: string;
  readonly kind: DocumentKind;
  readonly issuedAt: string;
  /** `unexplained-duplicate`: Fatoora already had it, though this till had never delivered it (reference §9.1). */
  readonly problem: 'rejected' | 'overdue' | 'failed' | 'unexplained-duplicate';
  readonly attempts: number;
  readonly messages: readonly ZatcaMessage[];
  /** What the manager should do, as a code with its values, so the screen says it in the manager's language. */
  readonly advice: ProblemAdvice;
}

/**
 * What to do about a document in trouble (reference §9.1 and §11): re-issue a rejected one, have one cleared that
 * reporting refused with 303, call support for one too large to send, restore the connection for an overdue one,
 * look for another device reporting with this terminal's certificate when Fatoora had a document this till never sent.
 */
export interface ProblemAdvice {
  readonly kind: 'reissue' | 'clear-not-report' | 'too-large' | 'overdue' | 'contact-support' | 'other-device';
  readonly number: string;
  readonly issueDate?: string;
  readonly issueTime?: string;
  readonly hoursLate?: number;
}

export type OnboardingStepId = 'key' | 'csr' | 'csid' | 'compliance-checks' | 'production-csid' | 'ready';

export interface OnboardingProgress {
  readonly state: 'not-started' | 'in-progress' | 'done' | 'failed';
  readonly environment: string | null;
  readonly steps: readonly { readonly id: OnboardingStepId; readonly done: boolean; readonly current: boolean }[];
  /** Why the last step failed, by catalog code (shown in the screen's language), with the fields at fault. */
  readonly error: ApiError | null;
}

export interface DailyReport {
  readonly kind: 'X' | 'Z';
  /** Z reports are numbered; X reports are not. */
  readonly number: number | null;
  readonly from: string;
  readonly to: string;
  readonly documents: { readonly invoices: number; readonly creditNotes: number; readonly debitNotes: number };
  readonly vat: readonly { readonly category: VatCategoryCode; readonly rate: string; readonly taxable: string; readonly vat: string }[];
  /** `unrecorded`: documents whose payment row is missing (a crash between the ledger commit and the payment row). */
  readonly payments: readonly { readonly method: PaymentMethod | 'unrecorded'; readonly amount: string }[];
  /** The card total by network as the cashier labelled it (`unlabelled`: no network chosen); card stays one tender. */
  readonly cardNetworks?: readonly { readonly network: CardNetwork | 'unlabelled'; readonly amount: string }[];
  /** Store credit issued by returns and redeemed by sales: neither is cash in the drawer. */
  readonly storeCredit?: { readonly issued: string; readonly redeemed: string };
  readonly totals: { readonly sales: string; readonly returns: string; readonly debits: string; readonly net: string; readonly vat: string };
  readonly training: boolean;
  /** Standard (B2B) invoices ZATCA did not clear: no valid invoice, so not in the sales; their count and amount. */
  readonly notCleared?: { readonly documents: number; readonly amount: string };
  /** Per cashier, shifts with over/short, voids, overrides, discounts, refunds (main/shifts/cashControlReport.ts). */
  readonly cashControl?: DailyCashControl;
}

export interface ExportResult {
  readonly fileName: string;
  readonly path: string;
  readonly documents: number;
  readonly bytes: number;
}

export interface PrinterSettings {
  /** tcp://host:9100, printer:Name or a device path; null = no printer. */
  readonly address: string | null;
  readonly paperWidth: 58 | 80;
}

export interface CsvImportResult {
  readonly created: number;
  readonly updated: number;
  /** Every row that is wrong (nothing is imported then): its line and why, by catalog code. */
  readonly errors: readonly (ErrorText & { readonly line: number; readonly field?: string })[];
}

export interface Approval {
  readonly approvalId: string;
  readonly managerName: string;
  readonly expiresAt: string;
  /** A time-boxed session (every change until expiresAt) rather than one approval for one change. */
  readonly session?: boolean;
}

export interface ReceiptPreview {
  /** data: URL of a PNG of the receipt exactly as the template renders it. */
  readonly dataUrl: string;
}
