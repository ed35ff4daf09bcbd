// SPDX-License-Identifier: UNLICENSED
// The API's wiring, in one place: every contract method's handler comes from the module of its domain
// (main/app/handlers), and each module is handed only the services it uses. Arguments arrive parsed and the caller's
// role checked (main/ipc/dispatcher); handlers only call services. Nothing returned carries a key, a secret, a PIN
// hash or SQL.
import type { AppEvent } from '../../app/contract/events';
import type { AppMode, OnboardingEnvironment, StatusSnapshot } from '../../app/contract/types';
import type { CatalogData } from '../catalog/catalogScanner';
import type { CatalogStore } from '../catalog/catalogStore';
import { createDispatcher, type ApiHandlers, type CallActivity, type Dispatcher } from '../ipc/dispatcher';
import type { Logger } from '../log/logger';
import type { SaleDesk } from '../sale/index';
import { openCartsOf } from '../sale/openCartStore';
import type { PinChecks } from '../users/pinChecks';
import type { SessionStore } from '../users/sessions';
import type { User, UserStore } from '../users/userStore';
import { approvalHandlers } from './handlers/approvalHandlers';
import { b2bHandlers } from './handlers/b2bHandlers';
import { catalogHandlers } from './handlers/catalogHandlers';
import { exportHandlers } from './handlers/exportHandlers';
import type { DocumentExporter } from '../export/documentExporter';
import { openCartHandlers } from './handlers/openCartHandlers';
import { onboardingHandlers } from './handlers/onboardingHandlers';
import { printerHandlers } from './handlers/printerHandlers';
import { receiptHandlers } from './handlers/receiptHandlers';
import { backupHandlers } from './handlers/backupHandlers';
import { storeHandlers } from './handlers/storeHandlers';
import { storeLinkGuard, storeLinkHandlers } from './handlers/storeLinkHandlers';
import { foreignReturnHandlers } from './handlers/foreignReturnHandlers';
import { shopReturnGuard } from './handlers/shopReturnGuard';
import type { RestoreDesk } from '../backup/restoreDesk';
import { reportHandlers } from './handlers/reportHandlers';
import { auditedHandlers, shiftHandlers } from './handlers/shiftHandlers';
import type { ReportPrinter } from '../printing/reportPrinter';
import { saleHandlers } from './handlers/saleHandlers';
import { sessionHandlers } from './handlers/sessionHandlers';
import { statusHandlers } from './handlers/statusHandlers';
import { userHandlers } from './handlers/userHandlers';
import { tillHandlers } from './handlers/tillHandlers';
import { goLiveHandlers } from './handlers/goLiveHandlers';
import { heldSalesOf } from '../till/heldSales';
import { QuickKeys } from '../till/quickKeys';
import { ReceiptFooter } from '../till/receiptFooter';
import type { ModeServices } from './modeServices';
import type { OnboardingSession } from './onboardingSession';
import type { PrintingService } from './printingService';
import type { TerminalSettings } from './terminalSettings';

/** The services the composition root (main/app/openApp.ts) builds, which the handler modules share out. */
export interface AppCore {
  readonly dataDir: string;
  readonly users: UserStore;
  /** Every PIN typed at the terminal (sign-in, PIN change, approvals), one at a time, counted and logged. */
  readonly pins: PinChecks;
  readonly catalog: CatalogStore;
  /** Scale label layouts and the scanner that reads them (docs/catalog.md). */
  readonly catalogData: CatalogData;
  readonly settings: TerminalSettings;
  readonly printing: PrintingService;
  readonly sessions: SessionStore;
  readonly onboarding: OnboardingSession;
  readonly onboardingEnvironments: readonly OnboardingEnvironment[];
  readonly clock: () => Date;
  mode(): AppMode;
  /**
   * Whether this user must choose a new PIN before anything else: a live terminal and a PIN still the factory one.
   * Read from the database at each call, so a PIN reset by a manager or a switch to live mode counts at once.
   */
  pinChangeRequired(user: User | null): boolean;
  /** The data folder of the mode in use (training or live). */
  current(): ModeServices;
  /** The counter and receipts of the mode in use; throws while training mode is being prepared (main/app/saleDeskGate.ts). */
  sale(): SaleDesk;
  /** The desk, or null while there is none (training being prepared, or a mode that cannot sign). */
  saleIfOpen(): SaleDesk | null;
  /** Waits for the desk while training mode is being prepared; rejects with why it cannot wait (saleDeskGate.ts). */
  saleReady(): Promise<void>;
  status(): StatusSnapshot;
  /** Tells the screens (browser mode's event stream, Electron's event channel). */
  emit(event: AppEvent): void;
  /** X/Z reports on the receipt printer, and the cash drawer's kick (main/printing/reportPrinter.ts). */
  readonly paper: ReportPrinter;
  /** Restores staged from the manager's screen for the next start (main/backup/restoreDesk.ts). */
  readonly restores: RestoreDesk;
  /** Exports of signed documents, written in a worker thread (main/export/documentExporter.ts). */
  readonly exporter: DocumentExporter;
}

export function createApiHandlers(core: AppCore): ApiHandlers {
  const { dataDir, users, pins, catalog, settings, printing, sessions, onboarding, onboardingEnvironments, clock } = core;
  const mode = () => core.mode();
  const pinChangeRequired = (user: User | null) => core.pinChangeRequired(user);
  const shop = () => core.current().shop();
  const carts = () => openCartsOf(core.current().db, clock);
  const storeLink = { folder: () => core.current(), pins, pinChangeRequired };
  const handlers: ApiHandlers = {
    ...shiftHandlers({
      folder: () => core.current(),
      saleInProgress: () => saleInProgress(core),
      paper: core.paper,
      sessions,
      settings,
      pins,
      counter: () => core.sale().counter,
      clock,
    }),
    ...sessionHandlers({ users, pins, sessions, settings, mode, shop, pinChangeRequired, onboardingEnvironments }),
    ...userHandlers({ users, mode }),
    ...approvalHandlers({ pins, sessions, pinChangeRequired }),
    ...catalogHandlers({ catalog, data: () => core.catalogData }),
    // a first start's quote, sale or receipt waits while training mode is being prepared (main/app/saleDeskGate.ts)
    ...waitingForSaleDesk(core, {
      ...saleHandlers({ counter: () => core.sale().counter, labels: () => core.catalogData.scanner, carts: { clear: (id) => carts().clear(id) } }),
      ...b2bHandlers({ b2b: () => core.sale().b2b }),
      ...receiptHandlers({ receipts: () => core.sale().receipts }),
      ...foreignReturnHandlers({ folder: () => core.current(), counter: () => core.sale().counter, clock }),
    }),
    ...openCartHandlers({ carts: { get: (id) => carts().get(id), save: (id, lines) => carts().save(id, lines) }, catalog }),
    ...onboardingHandlers({ onboarding }),
    ...statusHandlers({
      status: () => core.status(),
      mode,
      folder: () => core.current(),
      dataDir,
      clearance: () => core.saleIfOpen()?.b2b.clearances.counts() ?? null,
    }),
    ...printerHandlers({ printing, shop, clock }),
    ...reportHandlers({ reports: () => core.current().reports, afterZReport: () => core.current().backups?.afterZReport() }),
    ...backupHandlers({ backups: () => core.current().backups, restores: core.restores }),
    ...storeHandlers({ folder: () => core.current(), pins, pinChangeRequired, clock }),
    ...storeLinkHandlers(storeLink),
    ...exportHandlers({ dataDir, clock, mode, db: () => core.current().db, dbFile: () => core.current().options.file, exporter: core.exporter }),
    ...goLiveHandlers({ mode, catalog, settings }),
    ...tillHandlers({
      held: () => heldSalesOf(core.current().db, catalog, clock),
      quickKeys: new QuickKeys(settings, catalog),
      sessions,
      users,
      footer: new ReceiptFooter(settings),
      emit: (event) => core.emit(event),
      qrOf: (number) => core.current().documents.byNumber(number)?.qr ?? null,
      storeCredit: () => core.sale().storeCredit,
    }),
  };
  return {
    ...handlers,
    ...auditedHandlers(handlers, () => core.current().audit),
    ...storeLinkGuard(handlers, storeLink),
    ...shopReturnGuard(handlers, { folder: () => core.current(), receipts: () => core.sale().receipts, clock }),
  };
}

/** A sale being completed at the counter (none when the mode cannot sign, so there is no counter). */
function saleInProgress(core: AppCore): boolean {
  const desk = core.saleIfOpen();
  return desk !== null && (desk.counter.busy() || desk.b2b.counter.busy());
}

/** Each handler waits for the sale desk first (at once unless training mode is being prepared). */
function waitingForSaleDesk<H extends Partial<ApiHandlers>>(core: AppCore, handlers: H): H {
  const waiting: Record<string, unknown> = {};
  for (const [method, handler] of Object.entries(handlers) as [string, (input: unknown, context: unknown) => unknown][]) {
    waiting[method] = async (input: unknown, context: unknown) => {
      await core.saleReady();
      return handler(input, context);
    };
  }
  return waiting as H;
}

/** The one entry point of every call (Electron IPC, browser-mode HTTP) to these handlers. */
export function createAppDispatcher(core: AppCore, logger: Logger, activity?: CallActivity): Dispatcher {
  const handlers = createApiHandlers(core);
  return createDispatcher({
    handlers: () => handlers,
    pinChangeRequired: (session) => core.pinChangeRequired(session.user),
    logger,
    ...(activity ? { activity } : {}),
  });
}
