// SPDX-License-Identifier: UNLICENSED
// The composition root: one function that opens the data folder and builds every service, used alike by the
// Electron shell (main/window) and browser mode (main/browser). Nothing here is a module-level singleton; tests open
// as many apps as they like, each on its own folder.
//
// <data>/dukkan.sqlite      the terminal: users, catalog, settings, and the live ledger (once onboarded)
// <data>/training/…         training mode: its own ledger, keychain entries and embedded Fatoora simulator
// <data>/exports/           zip exports of signed documents
//
// Mode: live when the live folder's active environment can sign; otherwise training (the default for a new
// terminal). Onboarding in the wizard switches training → live without a restart.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ParsedInput } from '../../app/contract/api';
import type { AppEvent } from '../../app/contract/events';
import type { AppMode, OnboardingEnvironment, OnboardingProgress, StatusSnapshot } from '../../app/contract/types';
import type { SecretStore } from '../../native/keychain/secretStore';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { CatalogStore } from '../catalog/catalogStore';
import { seedDemoCatalog } from '../catalog/demoCatalog';
import { DATABASE_FILE_NAME } from '../db/openDeviceDatabase';
import { createFatooraClient, type FatooraClient, type FatooraEnvironment, type FetchLike } from '../fatoora/index';
import { ApiFailure } from '../ipc/apiFailure';
import { createDispatcher, type Dispatcher } from '../ipc/dispatcher';
import { errorFields, silentLogger, type Logger } from '../log/logger';
import { OnboardingError, openDeviceKeychain } from '../onboarding/index';
import type { ReceiptRasterizer } from '../printing/rasterizer';
import type { ReceiptTemplate } from '../printing/receiptTemplate';
import { openSaleDesk, type SaleDesk } from '../sale/index';
import { SessionStore } from '../users/sessions';
import { UserStore } from '../users/userStore';
import { createApiHandlers, type AppCore } from './apiHandlers';
import { ModeServices, type ModeServicesOptions } from './modeServices';
import { PrintingService } from './printingService';
import { onboardingProgress, statusSnapshot, zatcaMessages } from './statusModel';
import { TerminalSettings } from './terminalSettings';
import { startTrainingFatoora, TRAINING_DIR, TRAINING_SHOP, type TrainingFatoora } from './trainingMode';
import { translateError } from './translateError';

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
}

export interface DukkanApp {
  readonly dispatcher: Dispatcher;
  readonly sessions: SessionStore;
  subscribe(listener: (event: AppEvent) => void): () => void;
  mode(): AppMode;
  /** The services behind the API, for the shells' own needs, tests and benchmarks. */
  readonly core: AppCore;
  close(): Promise<void>;
}

const REAL_ENVIRONMENTS: readonly OnboardingEnvironment[] = ['simulation', 'production', 'developer-portal'];

export async function openApp(options: AppOptions): Promise<DukkanApp> {
  const log = (options.logger ?? silentLogger).child({ component: 'app' });
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? (() => new Date());
  const secrets = options.secrets ?? openDeviceKeychain;
  mkdirSync(options.dataDir, { recursive: true });
  const listeners = new Set<(event: AppEvent) => void>();
  const emit = (event: AppEvent): void => {
    for (const l of listeners) {
      try {
        l(event);
      } catch (e) {
        log.warn('app.listener-failed', errorFields(e));
      }
    }
  };

  const simulatorBase = options.fatooraUrl?.replace(/\/+$/, '');
  const http = options.fetch ? { fetch: options.fetch } : {};
  const liveClient = (environment: FatooraEnvironment): FatooraClient => {
    if (environment === 'local-simulator') {
      if (!simulatorBase)
        throw new OnboardingError('wrong-environment', {
          en: 'No Fatoora simulator is configured on this terminal.',
          ar: 'لا يوجد محاكي فاتورة مُعد على هذا الجهاز.',
        });
      // CSRs for the local simulator carry the developer-portal template name (app/csr TEMPLATE_NAMES)
      return createFatooraClient({ environment, baseUrl: `${simulatorBase}/e-invoicing/developer-portal`, logger, ...http });
    }
    return createFatooraClient({ environment, logger, ...http });
  };

  let onboardingRun: { step: string } | null = null;
  let onboardingFailure: OnboardingError | null = null;
  const common = { secrets, clock, logger, ...(options.reporting ? { reporting: options.reporting } : {}) };
  const live = new ModeServices({
    ...common,
    file: path.join(options.dataDir, DATABASE_FILE_NAME),
    training: false,
    clientFor: liveClient,
    numberPrefix: 'T1',
    onOnboardingProgress: (p) => {
      onboardingRun = { step: p.step };
      emit({ type: 'onboarding', progress: onboardingProgress(live.onboarding.status(), onboardingRun, null) });
    },
  });
  const settings = new TerminalSettings(live.db);
  const users = new UserStore(live.db, clock);
  const catalog = new CatalogStore(live.db, clock);
  const sessions = new SessionStore(() => settings.get('locale'), clock);
  if (options.printer && !settings.has('printer')) settings.set('printer', { address: options.printer.address, paperWidth: options.printer.paperWidth ?? 80 });
  const printing = new PrintingService({
    kit: { template: options.template, rasterizer: options.rasterizer },
    settings,
    emit: (event) => {
      emit(event);
      emit({ type: 'status', status: status() });
    },
    logger,
    ...(options.printRetryDelaysMs ? { retryDelaysMs: options.printRetryDelaysMs } : {}),
  });

  let training: { services: ModeServices; fatoora: TrainingFatoora } | null = null;
  let current: ModeServices;
  let sale: SaleDesk;

  function wire(services: ModeServices): void {
    const worker = services.worker;
    if (!worker) return;
    worker.on('status', () => emit({ type: 'status', status: status() }));
    worker.on('outcome', (o) =>
      emit({
        type: 'sync',
        entry: { at: clock().toISOString(), number: o.number, outcome: o.outcome, httpStatus: o.httpStatus ?? null, messages: zatcaMessages(o.messages) },
      }),
    );
    worker.on('alert', (a) => log.warn('reporting.alert', { kind: a.kind, message: a.message }));
  }

  function use(services: ModeServices): void {
    current = services;
    sale = openSaleDesk(services, { catalog, approvals: sessions, printing, clock }, services === training?.services);
    wire(services);
  }

  async function startTraining(): Promise<void> {
    const fatoora = await startTrainingFatoora(options.dataDir, logger);
    const services = new ModeServices({
      ...common,
      file: path.join(options.dataDir, TRAINING_DIR, DATABASE_FILE_NAME),
      training: true,
      clientFor: (environment) => {
        if (environment !== 'local-simulator')
          throw new OnboardingError('wrong-environment', {
            en: 'Training mode uses the embedded simulator only.',
            ar: 'وضع التدريب يستخدم المحاكي المدمج فقط.',
          });
        return createFatooraClient({ environment, baseUrl: fatoora.simulator.urls['developer-portal'], logger, timeoutMs: 10_000, ...http });
      },
      numberPrefix: 'TR',
    });
    try {
      if (!services.signingEnvironment()) {
        const env = services.onboarding.status().active;
        if (env?.procedure) await services.onboarding.resume(fatoora.otp);
        else await services.onboarding.start(TRAINING_SHOP, fatoora.otp, { environment: 'local-simulator', confirm: true });
      }
      if (!services.activate()) throw new Error('the training terminal could not be onboarded against the embedded simulator');
    } catch (e) {
      await services.close();
      await fatoora.simulator.close();
      throw e;
    }
    training = { services, fatoora };
  }

  async function stopTraining(): Promise<void> {
    const t = training;
    training = null;
    if (!t) return;
    await t.services.close();
    await t.fatoora.simulator.close();
  }

  try {
    if (live.activate()) use(live);
    else {
      await startTraining();
      use(training!.services);
    }
    if (users.isEmpty()) await users.seedDefaults();
    if (training) seedDemoCatalog(catalog);
  } catch (e) {
    await stopTraining();
    await live.close();
    throw e;
  }
  log.info('app.opened', { mode: training ? 'training' : 'live', environment: current!.environment });

  const mode = (): AppMode => (training ? 'training' : 'live');
  function status(): StatusSnapshot {
    return statusSnapshot(mode(), current.environment ?? 'none', current.worker?.status() ?? null, printing.state(), clock());
  }

  const core: AppCore = {
    dataDir: options.dataDir,
    users,
    catalog,
    settings,
    printing,
    sessions,
    onboardingEnvironments: simulatorBase ? [...REAL_ENVIRONMENTS, 'local-simulator'] : REAL_ENVIRONMENTS,
    clock,
    mode,
    pinChangeRequired: (user) => mode() === 'live' && user !== null && (users.get(user.id)?.defaultPin ?? false),
    current: () => current,
    sale: () => sale,
    status,
    onboardingProgress: (): OnboardingProgress => onboardingProgress(live.onboarding.status(), onboardingRun, onboardingFailure),
    async startOnboarding(input: ParsedInput<'onboarding.start'>): Promise<OnboardingProgress> {
      if (onboardingRun) throw new ApiFailure('rejected', 'onboarding is already running', { messageAr: 'التسجيل جارٍ بالفعل' });
      onboardingRun = { step: 'key' };
      onboardingFailure = null;
      const shop = { ...input.shop, invoiceTypes: input.standardInvoices ? 'simplified+standard' : 'simplified' };
      try {
        // choosing the environment in the wizard is the explicit confirmation the onboarding service asks for
        await live.onboarding.start(shop, input.otp, { environment: input.environment, confirm: true });
      } catch (e) {
        if (!(e instanceof OnboardingError)) throw e;
        onboardingFailure = e;
      } finally {
        onboardingRun = null;
      }
      if (!onboardingFailure && current !== live) {
        if (live.activate()) {
          await stopTraining();
          use(live);
          log.info('app.training-ended', { environment: live.environment });
          emit({ type: 'mode-changed' });
          emit({ type: 'status', status: status() });
        }
      }
      const progress = core.onboardingProgress();
      emit({ type: 'onboarding', progress });
      return progress;
    },
  };

  const dispatcher = createDispatcher({
    handlers: () => handlers,
    translate: translateError,
    pinChangeRequired: (session) => core.pinChangeRequired(session.user),
    logger,
  });
  const handlers = createApiHandlers(core);

  return {
    dispatcher,
    sessions,
    core,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    mode,
    async close() {
      listeners.clear();
      await printing.close().catch((e: unknown) => log.warn('app.printer-close-failed', errorFields(e)));
      await stopTraining();
      await live.close();
    },
  };
}
