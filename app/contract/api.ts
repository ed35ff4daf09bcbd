// SPDX-License-Identifier: UNLICENSED
// The cashier API, defined once: for each method, who may call it, the schema its argument must pass in main, and
// the type it answers with. The preload exposes exactly these methods (main/preload), main registers a handler for
// each (main/ipc), browser mode serves them as POST /api/<method> (main/browser), and the renderer calls them
// through one typed client (renderer/app/api). The renderer is untrusted: every argument is parsed here in main.
import { z } from 'zod';
import { CATALOG_DATA_API, labelBarcode, productUnit } from './catalogApi';
import type { ApiResult } from './errors';
import { TILL_API } from './tillApi';
import type { AppEvent } from './events';
import type { MethodName } from './methodNames';
import { BACKUP_API } from './backupApi';
import { STORE_API } from './storeApi';
import { STORE_LINK_API } from './storeLinkApi';
import { FOREIGN_RETURN_API } from './foreignReturnApi';
import { SHIFT_API } from './shiftApi';
import { GO_LIVE_API } from './goLiveApi';
import {
  barcode,
  cardNetwork,
  documentNumber,
  empty,
  id,
  isoDate,
  locale,
  money,
  paperWidth,
  paymentMethod,
  pin,
  price,
  rule,
  quantity,
  refundMethod,
  role,
  tenderMethod,
  text,
  uuid,
  vatCategory,
  vatRate,
  voucherCode,
} from './schemas';
import type {
  Approval,
  CsvImportResult,
  DailyReport,
  DeviceStatus,
  ExportResult,
  IssueResult,
  OnboardingProgress,
  PrinterSettings,
  PrintOutcome,
  ProblemDocument,
  Product,
  Quote,
  ReceiptDetails,
  ReceiptPreview,
  SessionInfo,
  StatusSnapshot,
  SyncLogEntry,
  UserSummary,
} from './types';
import type { BuyerCheck, ClearanceView, ClearedFiles, CustomerSummary, StandardSaleResult } from './b2bTypes';

/** Who may call: anyone (the sign-in screen), a signed-in cashier or manager, or a manager only. */
export type Access = 'anyone' | 'cashier' | 'manager';

export interface MethodDefinition<I extends z.ZodType, O> {
  readonly access: Access;
  readonly input: I;
  /** Phantom: the answer's type. */
  readonly output?: O;
}

const def =
  <O>() =>
  <I extends z.ZodType>(access: Access, input: I): MethodDefinition<I, O> => ({ access, input });

const cartLine = z
  .object({
    productId: id,
    quantity,
    /** A price other than the catalog's (needs a manager approval). */
    unitPrice: price.optional(),
    /** Line discount amount (needs a manager approval). */
    discount: money.optional(),
    /** A scanned price label: the line's price is the label's, read by main (docs/catalog.md). */
    labelBarcode: labelBarcode.optional(),
  })
  .strict();

const payment = z
  .object({ method: tenderMethod, amount: money, network: cardNetwork.optional(), voucherCode: voucherCode.optional() })
  .strict()
  .superRefine((p, ctx) => {
    if (p.network !== undefined && p.method !== 'card') ctx.addIssue({ code: 'custom', path: ['network'], message: 'input.network-not-card' });
    if (p.method === 'store-credit' && p.voucherCode === undefined) ctx.addIssue({ code: 'custom', path: ['voucherCode'], message: 'input.voucher-code' });
    if (p.method !== 'store-credit' && p.voucherCode !== undefined)
      ctx.addIssue({ code: 'custom', path: ['voucherCode'], message: 'input.voucher-not-store-credit' });
  });

const cart = {
  lines: z.array(cartLine).min(1, rule('input.no-items')).max(500, rule('input.too-many')),
  payments: z.array(payment).max(4, rule('input.too-many')),
  approvalId: uuid.optional(),
};

const productInput = z
  .object({
    id: id.optional(),
    name: text(200),
    nameAr: text(200).optional(),
    barcodes: z.array(barcode).max(20, rule('input.too-many')),
    price,
    priceIncludesVat: z.boolean(rule('input.boolean')),
    vatCategory,
    vatRate,
    exemptionCode: z
      .string()
      .regex(/^VATEX-SA-[A-Z0-9-]{2,12}$/, rule('input.exemption-code'))
      .optional(),
    active: z.boolean().default(true),
    unit: productUnit.default('piece'),
  })
  .strict();

// The shop profile of the onboarding wizard. Only its shape is checked here: the onboarding service validates the
// content (VAT number, building number, Latin-only certificate fields, …) and explains each problem by catalog
// code, field by field, so the wizard can show the service's own plain-language messages in its language.
const field = (max: number) => z.string(rule('input.text')).trim().max(max, rule('input.too-long'));
const shop = z
  .object({
    vatNumber: field(20),
    crn: field(20),
    sellerName: z.object({ ar: field(300), en: field(300) }).strict(),
    branch: field(100),
    industry: field(100),
    address: z.object({ street: field(300), building: field(10), district: field(100), city: field(100), postalCode: field(10) }).strict(),
  })
  .strict();

// The buyer form of a B2B sale. Only its shape is checked here: main/customers/buyerCheck.ts checks the content with
// the engine's own rules (BR-KSA-44, -10, -63, -67, …) and names each problem by field, in both languages.
const buyerText = (max: number) => z.string(rule('input.text')).trim().max(max, rule('input.too-long'));
const buyerForm = z
  .object({
    name: buyerText(300),
    vatNumber: buyerText(20),
    idScheme: buyerText(10),
    idValue: buyerText(127),
    street: buyerText(300),
    additionalStreet: buyerText(300),
    building: buyerText(20),
    district: buyerText(100),
    city: buyerText(100),
    postalCode: buyerText(20),
    country: buyerText(2),
  })
  .strict();

export const API = {
  'session.get': def<SessionInfo>()('anyone', empty),
  'session.login': def<SessionInfo>()('anyone', z.object({ userId: id, pin }).strict()),
  'session.logout': def<SessionInfo>()('anyone', empty),
  'session.setLocale': def<SessionInfo>()('anyone', z.object({ locale }).strict()),
  'session.changePin': def<SessionInfo>()(
    'cashier',
    z
      .object({
        oldPin: pin,
        // only the shape here: main/users/pinPolicy checks the rules (4–8 digits, no factory PIN, …) and names
        // each refusal by its own catalog code, which a schema message cannot
        newPin: z.string(rule('input.digits')).max(32, rule('input.too-long')),
      })
      .strict(),
  ),
  'status.get': def<StatusSnapshot>()('cashier', empty),
  'catalog.search': def<Product[]>()('cashier', z.object({ query: text(100) }).strict()),
  'catalog.lookup': def<Product | null>()('cashier', z.object({ barcode }).strict()),
  'catalog.list': def<Product[]>()('manager', empty),
  'catalog.save': def<Product>()('manager', productInput),
  'catalog.importCsv': def<CsvImportResult>()(
    'manager',
    z.object({ csv: z.string(rule('input.text')).min(1, rule('input.file-empty')).max(2_000_000, rule('input.file-too-large')) }).strict(),
  ),
  'approval.request': def<Approval>()(
    'cashier',
    z
      .object({
        pin,
        purpose: z.enum(['price-override', 'discount', 'return', 'debit-note', 'drawer-open']),
        /** A time-boxed session for every change until it expires, instead of one approval for one change (logged). */
        session: z.boolean(rule('input.boolean')).optional(),
      })
      .strict(),
  ),
  'sale.quote': def<Quote>()('cashier', z.object(cart).strict()),
  'sale.complete': def<IssueResult>()('cashier', z.object({ ...cart, saleId: uuid }).strict()),
  'receipts.find': def<ReceiptDetails | null>()(
    'cashier',
    z.object({ query: z.string(rule('input.text')).trim().min(1, rule('input.receipt-query')).max(2000, rule('input.too-long')) }).strict(),
  ),
  'receipts.reprint': def<PrintOutcome>()('cashier', z.object({ number: documentNumber }).strict()),
  'receipts.preview': def<ReceiptPreview>()('cashier', z.object({ number: documentNumber }).strict()),
  'returns.create': def<IssueResult>()(
    'cashier',
    z
      .object({
        originalNumber: documentNumber,
        lines: z.array(z.object({ lineId: id, quantity }).strict()).min(1, rule('input.no-lines')),
        reason: text(200),
        refundMethod,
        approvalId: uuid,
        requestId: uuid,
      })
      .strict(),
  ),
  'debitNotes.create': def<IssueResult>()(
    'cashier',
    z
      .object({
        originalNumber: documentNumber,
        /** Per line: the amount per unit that was undercharged, for `quantity` units. */
        lines: z.array(z.object({ lineId: id, quantity, unitAmount: price }).strict()).min(1, rule('input.no-lines')),
        reason: text(200),
        paymentMethod,
        approvalId: uuid,
        requestId: uuid,
      })
      .strict(),
  ),
  'customers.search': def<CustomerSummary[]>()('cashier', z.object({ query: buyerText(100) }).strict()),
  'customers.check': def<BuyerCheck>()('cashier', z.object({ buyer: buyerForm }).strict()),
  'sale.completeStandard': def<StandardSaleResult>()('cashier', z.object({ ...cart, saleId: uuid, buyer: buyerForm }).strict()),
  'clearance.get': def<ClearanceView>()('cashier', z.object({ number: documentNumber }).strict()),
  'clearance.retry': def<ClearanceView>()('cashier', z.object({ number: documentNumber }).strict()),
  'clearance.issueSimplified': def<IssueResult>()('cashier', z.object({ number: documentNumber, requestId: uuid }).strict()),
  'clearance.files': def<ClearedFiles>()('cashier', z.object({ number: documentNumber }).strict()),
  'onboarding.get': def<OnboardingProgress>()('manager', empty),
  'onboarding.start': def<OnboardingProgress>()(
    'manager',
    z
      .object({
        environment: z.enum(['developer-portal', 'simulation', 'production', 'local-simulator'], rule('input.environment')),
        otp: z.string(rule('input.otp')).regex(/^\d{6}$/, rule('input.otp')),
        shop,
        standardInvoices: z.boolean().default(false),
      })
      .strict(),
  ),
  'device.status': def<DeviceStatus>()('manager', empty),
  'sync.log': def<SyncLogEntry[]>()('manager', z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict()),
  'sync.problems': def<ProblemDocument[]>()('manager', empty),
  'sync.retryNow': def<StatusSnapshot>()('manager', empty),
  'printer.get': def<PrinterSettings>()('manager', empty),
  'printer.save': def<PrinterSettings>()(
    'manager',
    z
      .object({
        address: z
          .string()
          .trim()
          .max(200)
          .regex(/^(tcp:\/\/[A-Za-z0-9.-]+(:\d{1,5})?|printer:[^/\s][^/]*|\/dev\/[A-Za-z0-9/_.-]+|\\\\\.\\COM\d+|COM\d+)$/, rule('input.printer-address'))
          .nullable(),
        paperWidth,
      })
      .strict(),
  ),
  'printer.testPrint': def<PrintOutcome>()('manager', empty),
  'reports.daily': def<DailyReport>()('manager', z.object({ kind: z.enum(['X', 'Z']) }).strict()),
  'export.documents': def<ExportResult>()(
    'manager',
    z
      .object({ from: isoDate, to: isoDate })
      .strict()
      .refine((r) => r.from <= r.to, { ...rule('input.period'), path: ['to'] }),
  ),
  'users.list': def<UserSummary[]>()('manager', empty),
  'users.save': def<UserSummary>()(
    'manager',
    z.object({ id: id.optional(), name: text(60), role, pin: pin.optional(), active: z.boolean().default(true) }).strict(),
  ),
  ...CATALOG_DATA_API,
  ...TILL_API,
  // `satisfies` on the literal checks both directions: every name has a definition and no definition lacks a name.
  ...SHIFT_API,
  ...BACKUP_API,
  ...GO_LIVE_API,
  ...STORE_API,
  ...STORE_LINK_API,
  ...FOREIGN_RETURN_API,
} as const satisfies Record<MethodName, MethodDefinition<z.ZodType, unknown>>;

/**
 * What a signed-in user may still call while their PIN must be changed (a factory PIN on a live terminal): the
 * sign-in screen's methods and the change itself. The dispatcher refuses everything else for that session, so a
 * method added later stays out of reach until it is listed here.
 */
export const ALLOWED_BEFORE_PIN_CHANGE: ReadonlySet<MethodName> = new Set<MethodName>([
  'session.get',
  'session.login',
  'session.logout',
  'session.setLocale',
  'session.changePin',
]);

export type ApiDefinitions = typeof API;
/** What the caller passes (before defaults). */
export type MethodInput<M extends MethodName> = z.input<ApiDefinitions[M]['input']>;
/** What the handler in main receives (after parsing and defaults). */
export type ParsedInput<M extends MethodName> = z.output<ApiDefinitions[M]['input']>;
export type MethodOutput<M extends MethodName> = ApiDefinitions[M] extends MethodDefinition<z.ZodType, infer O> ? O : never;

/** The API as the renderer sees it: one async function per method. */
export type DukkanApi = { readonly [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>> };

/**
 * What the preload exposes on `window.dukkan` (contextBridge): one function per method answering the envelope, and
 * a subscription to events. Nothing else: no ipcRenderer, no channel names, no Node.
 */
export type DukkanBridge = { readonly [M in MethodName]: (input: MethodInput<M>) => Promise<ApiResult<MethodOutput<M>>> } & {
  readonly onEvent: (listener: (event: AppEvent) => void) => () => void;
};
