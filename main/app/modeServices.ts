// SPDX-License-Identifier: UNLICENSED
// Everything that belongs to one data folder's ledger: the database (one connection for issuance and the counter,
// a second one for the reporting worker, as the reporting design wants), the onboarding service with its keychain,
// and — once the active environment can sign — the Ledger and the ReportingWorker. The live folder and the training
// folder each get one of these; only the active mode's worker runs.
import path from 'node:path';
import type { Signing } from '../../app/engine/buildAndStamp';
import { DukkanError } from '../../app/errors/index';
import { parseCertificate } from '../../app/x509/parseCertificate';
import type { SecretStore } from '../../native/keychain/secretStore';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import type { ClearanceAccess } from '../clearance/clearanceDesk';
import { ArchiveShelf } from '../backup/archiveShelf';
import { BackupService } from '../backup/backupService';
import { storeBackupRemote } from '../backup/storeBackupRemote';
import { openDeviceDatabase } from '../db/openDeviceDatabase';
import type { FatooraClient, FatooraEnvironment } from '../fatoora/index';
import { Ledger } from '../ledger/ledger';
import { LedgerAnchor } from '../ledger/ledgerAnchor';
import { errorFields, type Logger } from '../log/logger';
import { loadCredentials } from '../onboarding/csidSecrets';
import {
  createOnboardingService,
  parseShopProfile,
  type OnboardingProgress as ServiceProgress,
  type OnboardingService,
  type ShopProfile,
} from '../onboarding/index';
import { onboardingStatements } from '../onboarding/onboardingStore';
import { ReportingWorker, type ReportingWorkerOptions } from '../reporting/index';
import { DailyReports } from '../reports/dailyReport';
import { DocumentStore } from '../sale/index';
import { AuditTrail } from '../audit/auditTrail';
import { SaleRecorder } from '../shifts/saleRecorder';
import { ShiftBook } from '../shifts/shiftBook';
import { CashControlReport } from '../shifts/cashControlReport';
import { startStorePush, type StorePush } from '../storeSync/startStorePush';

export interface ModeServicesOptions {
  /** The SQLite file of this folder. */
  readonly file: string;
  readonly training: boolean;
  readonly secrets: (db: SqliteDatabase) => SecretStore;
  /** A Fatoora client bound to an environment. */
  readonly clientFor: (environment: FatooraEnvironment) => FatooraClient;
  readonly numberPrefix: string;
  readonly clock: () => Date;
  readonly logger: Logger;
  readonly reporting?: Partial<Omit<ReportingWorkerOptions, 'db' | 'client' | 'credentials'>>;
  readonly onOnboardingProgress?: (progress: ServiceProgress) => void;
  /** A terminal user's name by id (the users live in the terminal's database), for the reports' per-cashier rows. */
  readonly userName?: (id: number) => string | undefined;
}

export class ModeServices {
  readonly db: SqliteDatabase;
  readonly onboarding: OnboardingService;
  readonly documents: DocumentStore;
  readonly reports: DailyReports;
  /** Cash control and the audit trail of this folder's till (main/shifts, main/audit). */
  readonly audit: AuditTrail;
  readonly shifts: ShiftBook;
  readonly recorder: SaleRecorder;
  /** Automatic backups of the live ledger (main/backup, docs/backups.md); none for training's practice data. */
  readonly backups: BackupService | null;
  /** Read-only archives of a terminal restored onto this computer (main/backup/archiveShelf.ts); live folder only. */
  readonly archives: ArchiveShelf | null;
  /** This folder's keychain (its device id's service, main/onboarding/deviceKeychain.ts). */
  readonly secrets: SecretStore;
  private workerDb: SqliteDatabase | null = null;
  /** The store server's push worker (docs/store-server.md): live ledgers only. */
  private storePush: StorePush | null = null;
  private active: { environment: FatooraEnvironment; ledger: Ledger; worker: ReportingWorker } | null = null;

  constructor(readonly options: ModeServicesOptions) {
    this.db = openDeviceDatabase(options.file);
    this.secrets = options.secrets(this.db);
    this.onboarding = createOnboardingService({
      db: this.db,
      secrets: this.secrets,
      clientFor: options.clientFor,
      clock: options.clock,
      logger: options.logger,
      ...(options.onOnboardingProgress ? { onProgress: options.onOnboardingProgress } : {}),
    });
    this.documents = new DocumentStore(this.db);
    this.audit = new AuditTrail(this.db, { till: options.numberPrefix, clock: options.clock });
    this.shifts = new ShiftBook(this.db, { till: options.numberPrefix, clock: options.clock, audit: this.audit });
    this.recorder = new SaleRecorder(this.shifts, this.audit);
    this.backups = options.training
      ? null
      : new BackupService({
          db: this.db,
          dataDir: path.dirname(path.resolve(options.file)),
          training: false,
          secrets: this.secrets,
          clock: options.clock,
          logger: options.logger.child({ component: 'backup' }),
          onRun: (e) => this.audit.record({ kind: 'backup', before: e.reason, after: `${e.written}/${e.targets} targets; ${e.detail}` }),
          remote: () => storeBackupRemote(this.db, this.secrets),
        });
    this.backups?.start();
    this.archives = options.training ? null : new ArchiveShelf(path.dirname(path.resolve(options.file)), options.logger.child({ component: 'archives' }));
    const cashControl = new CashControlReport(this.db, { shifts: this.shifts, audit: this.audit, userName: (id) => options.userName?.(id) });
    this.reports = new DailyReports(this.db, this.documents, { training: options.training, clock: options.clock, cashControl });
  }

  /** The active environment when it can sign (a production CSID in place, no rotation under way). */
  signingEnvironment(): FatooraEnvironment | null {
    const active = this.onboarding.status().active;
    return active?.canSign ? active.environment : null;
  }

  /** Starts the ledger and the reporting worker for the active environment, if it can sign. Idempotent. */
  activate(): boolean {
    const environment = this.signingEnvironment();
    if (!environment) return false;
    if (this.active?.environment === environment) return true;
    if (this.active) throw new DukkanError('mode.environment-switch-needs-restart', { environment: this.active.environment });
    // the chain head outside the database (docs/security.md, "The ledger's anchor"): checked now, so a rolled-back
    // database is in the log at start-up, and again before every issue, which it refuses
    const anchor = new LedgerAnchor(this.secrets, this.db, this.options.logger.child({ component: 'ledger' }));
    anchor.verify().catch((e: unknown) => {
      // a rollback is logged by verify itself; anything else (a locked keychain) is said here
      if (!(e instanceof DukkanError && e.code.startsWith('ledger.'))) this.options.logger.warn('ledger.anchor-not-checked', errorFields(e));
    });
    const ledger = new Ledger(this.db, { numberPrefix: this.options.numberPrefix, environment, clock: this.options.clock, anchor });
    this.workerDb = openDeviceDatabase(this.options.file);
    const worker = new ReportingWorker({
      ...this.options.reporting,
      db: this.workerDb,
      client: this.options.clientFor(environment),
      credentials: async () => this.productionCredentials(environment),
      logger: this.options.logger,
    });
    worker.on('outcome', (o) => {
      if (o.state === 'reported' || o.state === 'reported-with-warnings') void anchor.acknowledged(o.documentId);
    });
    worker.start();
    if (!this.options.training) {
      this.storePush = startStorePush({
        file: this.options.file,
        secrets: this.secrets,
        logger: this.options.logger,
        certificateExpiresAt: () => this.certificateNotAfter(environment),
      });
    }
    this.active = { environment, ledger, worker };
    return true;
  }

  get ledger(): Ledger | null {
    return this.active?.ledger ?? null;
  }

  get worker(): ReportingWorker | null {
    return this.active?.worker ?? null;
  }

  /** The store server's push and master-data pull, once the live ledger is open. */
  get storeSync(): StorePush | null {
    return this.storePush;
  }

  get environment(): FatooraEnvironment | null {
    return this.active?.environment ?? this.onboarding.status().activeEnvironment;
  }

  signing(): Promise<Signing> {
    const environment = this.active?.environment;
    if (!environment) throw new DukkanError('sale.cannot-sign');
    return this.onboarding.signingFor(environment);
  }

  /** Clearance at the counter (main/clearance): the active environment's client and production CSID. */
  clearanceAccess(): ClearanceAccess | null {
    const environment = this.active?.environment;
    if (!environment) return null;
    return { client: this.options.clientFor(environment), credentials: () => this.productionCredentials(environment) };
  }

  /** Whether the active environment was onboarded for standard invoices too (CSR title 1100, reference §8). */
  standardAllowed(): boolean {
    return this.onboarding.status().active?.invoiceType === '1100';
  }

  /** The shop profile the active environment was onboarded with. */
  shop(): ShopProfile | null {
    // read for every quote, sale and receipt: the active environment's row alone, parsed again only when it changed
    const q = onboardingStatements(this.db);
    const environment = q.identity.get()?.active_environment;
    const row = environment ? q.row.get(environment) : undefined;
    if (!row) return null;
    if (this.shopParsed?.json !== row.shop_json) this.shopParsed = { json: row.shop_json, shop: parseShopProfile(JSON.parse(row.shop_json)) };
    return this.shopParsed.shop;
  }

  private shopParsed: { readonly json: string; readonly shop: ShopProfile } | null = null;

  /**
   * The production CSID to report with: the current one of the environment (after a renewal, documents signed with
   * the previous certificate are reported with the new CSID; reference §9 authenticates the sender, not the signer).
   */
  private async productionCredentials(environment: FatooraEnvironment) {
    const row = onboardingStatements(this.db).row.get(environment);
    if (!row?.production_token) return undefined;
    return loadCredentials(this.secrets, environment, 'production', row.production_token, parseCertificate(row.production_token));
  }

  private certificateNotAfter(environment: FatooraEnvironment): Date | undefined {
    const token = onboardingStatements(this.db).row.get(environment)?.production_token;
    return token ? parseCertificate(token).notAfter : undefined;
  }

  async close(): Promise<void> {
    const active = this.active;
    this.active = null;
    this.reports.close();
    this.backups?.stop();
    await this.backups?.idle(); // a backup under way finishes: its snapshot reads this connection
    if (active) await active.worker.stop({ deadlineMs: 3000 });
    await this.storePush?.stop();
    this.onboarding.close();
    this.archives?.close();
    this.workerDb?.close();
    this.db.close();
  }
}
