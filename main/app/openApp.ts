// SPDX-License-Identifier: UNLICENSED
// The composition root: one function that opens the data folder and builds every service, used alike by the
// Electron shell (main/window) and browser mode (main/browser). Nothing here is a module-level singleton; tests open
// as many apps as they like, each on its own folder.
//
// <data>/dukkan.sqlite      the terminal: users, catalog, settings, and the live ledger (once onboarded)
// <data>/training/…         training mode: its own ledger, keychain entries and embedded Fatoora simulator
// <data>/exports/           zip exports of signed documents
//
// What it builds: the terminal's own stores (users, catalog, settings, tills' sessions, printer); the live data
// folder; the mode controller, which opens live or training and later switches training → live (modeController.ts);
// the onboarding wizard's session; the counter and receipts of the mode in use (main/sale); the event bus; and the
// dispatcher over the handler modules (apiHandlers.ts).
import path from 'node:path';
import type { AppEvent } from '../../app/contract/events';
import type { AppMode, StatusSnapshot } from '../../app/contract/types';
import type { SecretStore } from '../../native/keychain/secretStore';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { openCatalogData } from '../catalog/catalogScanner';
import { CatalogStore } from '../catalog/catalogStore';
import { seedDemoCatalog } from '../catalog/demoCatalog';
import { DATABASE_FILE_NAME } from '../db/openDeviceDatabase';
import type { FetchLike } from '../fatoora/index';
import { makePrivateDir, securePrivateTree } from '../fs/privateFiles';
import type { Dispatcher } from '../ipc/dispatcher';
import { errorFields, silentLogger, type Logger } from '../log/logger';
import { openDeviceKeychain } from '../onboarding/index';
import type { ReceiptRasterizer } from '../printing/rasterizer';
import type { ReceiptTemplate } from '../printing/receiptTemplate';
import { pdfRendererOf } from '../clearance/clearedFiles';
import { openSaleDesk, type SaleDesk } from '../sale/index';
import { PinChecks } from '../users/pinChecks';
import { SessionStore } from '../users/sessions';
import { retireTrainingUsers } from './goLiveUsers';
import { UserStore } from '../users/userStore';
import { createAppDispatcher, type AppCore } from './apiHandlers';
import { AppEventBus, forwardReportingEvents } from './appEvents';
import { liveClientFor, offeredEnvironments, type FatooraAccess } from './fatooraClients';
import { ModeController } from './modeController';
import { ModeServices, type ModeServicesOptions } from './modeServices';
import { OnboardingSession } from './onboardingSession';
import { checkPrinterAddress } from '../printing/printerAddress';
import { PrintingService } from './printingService';
import { ReportPrinter } from '../printing/reportPrinter';
import { statusSnapshot } from './statusModel';
import { openDukkanWorkers } from '../workers/dukkanWorkers';
import { DocumentExporter } from '../export/documentExporter';
import { TerminalSettings } from './terminalSettings';
import { openTrainingFolder } from './trainingMode';
import { saleDesk, saleDeskReady } from './saleDeskGate';
import { QuietMoments } from './quietMoments';
import { finishPendingRestore, stagedLedgerKeychain } from '../backup/pendingRestore';
import { RestoreDesk } from '../backup/restoreDesk';
import { storeCredentials } from '../backup/storeBackupRemote';

export interface AppOptions {
  readonly dataDir: string;
  /** The receipt template (app/receipt/template/renderReceiptHtml), injected by the shell. */
  readonly template: ReceiptTemplate;
  /** Chromium (browser mode) or an offscreen Electron window (the desktop app). */
  readonly rasterizer: ReceiptRasterizer;
  /**
   * Root URL of a Fatoora simulator (`dukkan fatoora-sim`, tests): offered in the wizard as the local-simulator
   * environment. Real environments always use ZATCA's own URLs.
   */
  readonly fatooraUrl?: string;
  /** The HTTP stack of every Fatoora request (default Node's fetch; the desktop app passes Chromium's, main/fatoora/chromiumFetch). */
  readonly fetch?: FetchLike;
  readonly logger?: Logger;
  readonly clock?: () => Date;
  /** The keychain of a folder's database (default: the OS keychain, main/onboarding openDeviceKeychain). */
  readonly secrets?: (db: SqliteDatabase) => SecretStore;
  /** Reporting worker timings (tests shorten them). */
  readonly reporting?: ModeServicesOptions['reporting'];
  /** Printer to use when none is saved yet (e.g. `--printer tcp://…` on the command line). */
  readonly printer?: { readonly address: string; readonly paperWidth?: 58 | 80 };
  readonly printRetryDelaysMs?: readonly number[];
  /** The delay after a first wrong PIN, doubling with each further one (main/users/pinChecks.ts; tests shorten it). */
  readonly pinDelayBaseMs?: number;
  /**
   * Worker threads for printing's CPU work (main/workers; default one fewer than the cores, at least 1); 0: none,
   * and exports on the main thread too (else each in a thread of its own, main/export/documentExporter.ts).
   */
  readonly workerThreads?: number;
  /** How long no call must come before upkeep runs (main/app/quietMoments.ts, QUIET_MS; tests lengthen it). */
  readonly quietMs?: number;
}

export interface DukkanApp {
  readonly dispatcher: Dispatcher;
  readonly sessions: SessionStore;
  subscribe(listener: (event: AppEvent) => void): () => void;
  mode(): AppMode;
  /**
   * Resolves true once the app can sell: at once live or in training, after the background onboarding of a first
   * start's training folder (main/app/modeController.ts, 'preparing'); false after `timeoutMs` or on close.
   */
  whenReady(timeoutMs?: number): Promise<boolean>;
  /** The services behind the API, for the shells' own needs, tests and benchmarks. */
  readonly core: AppCore;
  close(): Promise<void>;
}

export async function openApp(options: AppOptions): Promise<DukkanApp> {
  const log = (options.logger ?? silentLogger).child({ component: 'app' });
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? (() => new Date());
  // the command line's printer passes the same check as one saved on the manager screen, before anything is opened
  const printerAddress = options.printer ? checkPrinterAddress(options.printer.address) : undefined;
  // owner-only: the folder holds PIN hashes, the ledger, logs and exports; anything left readable is repaired here
  makePrivateDir(options.dataDir);
  securePrivateTree(options.dataDir, log);
  const bus = new AppEventBus(log);
  const access: FatooraAccess = { simulatorUrl: options.fatooraUrl, fetch: options.fetch, logger };
  const common = {
    secrets: options.secrets ?? openDeviceKeychain,
    clock,
    logger,
    ...(options.reporting ? { reporting: options.reporting } : {}),
    // read when a report is built, once `users` below exists
    userName: (id: number): string | undefined => users.get(id)?.name,
  };

  const onboarding: OnboardingSession = new OnboardingSession({
    service: () => live.onboarding,
    // going live keeps no training users (main/app/goLiveUsers.ts)
    goLive: async () => retireTrainingUsers(await mode.goLive().then(() => mode.mode()), { users, sessions, log }),
    emit: (event) => bus.emit(event),
  });
  // a restore staged on the manager's screen is placed before the ledger is opened (docs/backups.md)
  const restored = await finishPendingRestore({
    dataDir: options.dataDir,
    keychainOf: stagedLedgerKeychain(options.dataDir, common.secrets),
    now: clock(),
    log,
  });
  const live = new ModeServices({
    ...common,
    file: path.join(options.dataDir, DATABASE_FILE_NAME),
    training: false,
    clientFor: liveClientFor(access),
    numberPrefix: 'T1',
    onOnboardingProgress: (p) => onboarding.stepped(p),
  });
  if (restored && !restored.ok)
    live.audit.record({ kind: 'restore', before: path.basename(restored.backup), after: 'refused', reason: `${restored.code}: ${restored.message}` });
  const settings = new TerminalSettings(live.db);
  const users = new UserStore(live.db, clock);
  const pins = new PinChecks(users, { logger: log, ...(options.pinDelayBaseMs !== undefined ? { delayBaseMs: options.pinDelayBaseMs } : {}) });
  const catalog = new CatalogStore(live.db, clock);
  const sessions = new SessionStore(() => settings.get('locale'), clock);
  if (printerAddress !== undefined && !settings.has('printer'))
    settings.set('printer', { address: printerAddress, paperWidth: options.printer?.paperWidth ?? 80 });
  // started at the first receipt; closed with the app (docs/ARCHITECTURE.md, "Move CPU work to a worker")
  const workers = options.workerThreads === 0 ? undefined : openDukkanWorkers({ logger, ...(options.workerThreads ? { size: options.workerThreads } : {}) });
  const printing = new PrintingService({
    kit: { template: options.template, rasterizer: options.rasterizer, ...(workers ? { workers } : {}) },
    settings,
    emit: (event) => {
      bus.emit(event);
      bus.emit({ type: 'status', status: status() });
    },
    logger,
    ...(options.printRetryDelaysMs ? { retryDelaysMs: options.printRetryDelaysMs } : {}),
  });

  // upkeep that waits until no call is being answered (main/app/quietMoments.ts)
  const quiet = new QuietMoments(options.quietMs !== undefined ? { quietMs: options.quietMs } : {});
  const exporter = new DocumentExporter({
    threads: options.workerThreads !== 0,
    logger: logger.child({ component: 'export' }),
    whenQuiet: (work) => quiet.whenQuiet(work),
  });

  let sale: SaleDesk | null = null;
  const mode: ModeController<ModeServices> = new ModeController<ModeServices>({
    live,
    openTraining: () => openTrainingFolder(options.dataDir, common, access),
    entered: (folder, m) => {
      const receiptFacts = { cashierName: (id: number) => users.get(id)?.name, receiptFooter: () => settings.get('receiptFooter') || undefined };
      const discountFreePercent = () => settings.get('discountFreePercent');
      void sale?.b2b.close(); // the previous mode's background clearance retries stop with it
      sale = openSaleDesk(
        folder,
        {
          catalog,
          approvals: sessions,
          printing,
          clock,
          pdf: pdfRendererOf(options.rasterizer),
          logger,
          discountFreePercent,
          // the strip counts B2B invoices awaiting clearance and not cleared: told when a clearance settles
          clearanceChanged: () => bus.emit({ type: 'status', status: status() }),
          ...receiptFacts,
        },
        m === 'training',
      );
      if (folder.worker) forwardReportingEvents(folder.worker, { bus, status, clock, log });
    },
    emit: (type) => bus.emit(type === 'status' ? { type, status: status() } : { type }),
    log,
    // a first start's training onboarding begins once the app is open, not beside the seeding below
    holdPreparation: true,
  });

  function status(): StatusSnapshot {
    const current = mode.current();
    const snapshot = statusSnapshot(mode.mode(), current.environment ?? 'none', current.worker?.status() ?? null, printing.state(), clock());
    const clearance = sale?.b2b.clearances.stripCounts();
    const preparing = mode.preparation();
    return {
      ...snapshot,
      ...(current.backups ? { backupWarning: current.backups.health().warning } : {}),
      ...(clearance ? { clearance } : {}),
      ...(preparing ? { preparingTraining: { lastError: preparing.lastError, retryAt: preparing.retryAt?.toISOString() ?? null } } : {}),
    };
  }

  try {
    await mode.open();
    if (users.isEmpty()) await users.seedDefaults();
    if (mode.mode() === 'training') seedDemoCatalog(catalog);
  } catch (e) {
    await mode.close();
    throw e;
  }
  log.info('app.opened', { mode: mode.mode(), environment: mode.current().environment });
  mode.releasePreparation();

  const core: AppCore = {
    dataDir: options.dataDir,
    users,
    pins,
    catalog,
    catalogData: openCatalogData(live.db, catalog),
    settings,
    printing,
    sessions,
    onboarding,
    onboardingEnvironments: offeredEnvironments(access),
    clock,
    mode: () => mode.mode(),
    pinChangeRequired: (user) => mode.mode() === 'live' && user !== null && (users.get(user.id)?.defaultPin ?? false),
    current: () => mode.current(),
    restores: new RestoreDesk({
      dataDir: options.dataDir,
      secrets: () => live.secrets,
      clock,
      storeCredentials: () => storeCredentials(live.db, live.secrets),
    }),
    paper: new ReportPrinter({ rasterizer: options.rasterizer, ...(workers ? { workers } : {}), settings: () => printing.settings() }),
    exporter,
    sale: () => saleDesk(mode, sale),
    saleIfOpen: () => sale,
    saleReady: () => saleDeskReady(mode),
    status,
    emit: (event) => bus.emit(event),
  };

  return {
    dispatcher: createAppDispatcher(core, logger, quiet),
    sessions,
    core,
    subscribe: (listener) => bus.subscribe(listener),
    mode: () => mode.mode(),
    whenReady: (timeoutMs = 120_000) => mode.whenReady(timeoutMs),
    async close() {
      bus.clear();
      await sale?.b2b.close();
      await printing.close().catch((e: unknown) => log.warn('app.printer-close-failed', errorFields(e)));
      await workers?.close();
      await exporter.close();
      quiet.close();
      await mode.close();
    },
  };
}
