// SPDX-License-Identifier: UNLICENSED
// A local Fatoora (ZATCA e-invoicing platform) that validates for real: OTPs, CSRs, its own secp256k1 CA issuing
// compliance and production CSIDs, Basic auth, compliance steps, reporting and clearance checked by our verifier,
// duplicate detection, and fault injection. Used in-process by tests, by `dukkan fatoora-sim`, and by the app's
// training mode.
import { silentLogger, type Logger } from '../log/logger';
import { FATOORA_PATH_PREFIXES } from '../fatoora/environment';
import { loadOrCreateAuthority } from './authority';
import { createClock, type ClockOptions, type SimulatorClock } from './clock';
import { createCsidRegistry, type CsidRecord } from './csidRegistry';
import { defaultInvoiceValidator } from './defaultValidator';
import type { SimulatorSettings } from './endpoints';
import { createFaultController, type FaultController, type FaultSettings } from './faults';
import { requiredComplianceSteps, type InvoiceValidator } from './invoiceChecks';
import { createOtpStore, DEFAULT_OTP, OTP_VALIDITY_MS, type OtpController } from './otps';
import { createRandom } from './random';
import { startHttpSide } from './server';
import { createStateStore } from './stateStore';
import { createSubmissionLog, isAccepted, type Submission } from './submissionLog';
import { oneAtATime } from './validatorQueue';
import { ZATCA_ENVIRONMENTS, type ZatcaEnvironment } from './zatcaEnvironment';

export type { FaultController, FaultSettings, OutageWindow, ScriptedFault, InjectedStatus } from './faults';
export type { SimulatorClock } from './clock';
export type { OtpController, OtpEntry } from './otps';
export type { InvoiceValidator, InvoiceVerification } from './invoiceChecks';
export type { Submission } from './submissionLog';
export type { SimulatorSettings } from './endpoints';
export type { ZatcaEnvironment } from './zatcaEnvironment';
export { DEFAULT_OTP } from './otps';

export interface FatooraSimulatorOptions {
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  readonly port?: number;
  /** Folder for persistent state (JSON files written atomically); default: nothing persists. */
  readonly stateDir?: string;
  /** OTPs accepted at start (single use, valid `otpValidityMs`); default ['123345']. */
  readonly otps?: readonly string[];
  readonly otpValidityMs?: number;
  readonly clock?: ClockOptions;
  readonly faults?: FaultSettings;
  /** Seed of the fault-injection randomness; printed in the log so a run can be replayed. */
  readonly seed?: number;
  readonly logger?: Logger;
  /** Replaces the document verifier (default: app/verify verifyInvoice with the ZATCA XSDs). */
  readonly validateInvoice?: InvoiceValidator;
  readonly settings?: Partial<SimulatorSettings>;
  /** Largest accepted request body; larger ones get 413. Default 5 MiB. */
  readonly maxBodyBytes?: number;
}

/** A CSID as tests may see it: everything but the secret digest. */
export type CsidSummary = Omit<CsidRecord, 'secretSha256'>;

export interface SimulatorRecords {
  /** Every compliance check, report and clearance received and answered (not the faulted ones that never ran). */
  submissions(): readonly Submission[];
  /** Reports answered 200/202: what "ZATCA" holds as reported. A hash appearing twice is a duplicate. */
  reported(environment?: ZatcaEnvironment): readonly Submission[];
  cleared(environment?: ZatcaEnvironment): readonly Submission[];
  csids(): readonly CsidSummary[];
  /** Compliance steps passed by the compliance CSID with this requestID, and those still missing. */
  complianceSteps(requestId: string): { readonly passed: readonly string[]; readonly missing: readonly string[] };
}

export interface FatooraSimulator {
  /** `http://127.0.0.1:<port>` — add an environment prefix, or use `urls`. */
  readonly url: string;
  readonly port: number;
  /** Base URL of each environment, ready for the client's `baseUrl`. */
  readonly urls: Readonly<Record<ZatcaEnvironment, string>>;
  readonly clock: SimulatorClock;
  readonly faults: FaultController;
  readonly otps: OtpController;
  readonly records: SimulatorRecords;
  /** Mutable at run time. */
  readonly settings: SimulatorSettings;
  /** The simulator CA certificate (one-line base64 DER): the issuer of every CSID it hands out. */
  readonly caCertificate: string;
  readonly seed: number;
  close(): Promise<void>;
}

const DAY_MS = 24 * 3600 * 1000;

export async function startFatooraSimulator(options: FatooraSimulatorOptions = {}): Promise<FatooraSimulator> {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('simulator port: must be an integer 0–65535');
  const maxBodyBytes = options.maxBodyBytes ?? 5 * 1024 * 1024;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes <= 0) throw new Error('simulator maxBodyBytes: must be a positive integer');
  const log = (options.logger ?? silentLogger).child({ component: 'fatoora-simulator' });
  const store = createStateStore(options.stateDir);

  let reconcile: () => Promise<void> = async () => undefined;
  const clock = createClock(options.clock, () => void reconcile());
  const random = createRandom(options.seed);
  const faults = createFaultController(random, options.faults ?? {}, () => void reconcile());
  const otps = createOtpStore(clock, store, options.otps ?? [DEFAULT_OTP], options.otpValidityMs ?? OTP_VALIDITY_MS);
  const registry = createCsidRegistry(store);
  const submissions = createSubmissionLog(store);
  const authority = loadOrCreateAuthority(store, clock.now());
  const settings: SimulatorSettings = {
    renewal: 'compliance-required',
    clearanceEnabled: true,
    duplicateWindowMs: DAY_MS,
    duplicateShapes: { reporting: '2026', clearance: '208' },
    mode: 'simulation',
    csrErrors: 'objects',
    certificateValidityDays: { compliance: 365, production: 5 * 365 },
    ...options.settings,
  };
  const validate = oneAtATime(options.validateInvoice ?? defaultInvoiceValidator);

  const http = await startHttpSide({
    port,
    maxBodyBytes,
    clock,
    faults,
    log,
    context: { clock, otps, registry, submissions, authority, validate, settings, log, developerPortal: {} },
  });
  reconcile = http.reconcile;
  const url = `http://127.0.0.1:${http.port}`;
  const urls = Object.fromEntries(ZATCA_ENVIRONMENTS.map((e) => [e, `${url}${FATOORA_PATH_PREFIXES[e]}`])) as Record<ZatcaEnvironment, string>;
  log.info('simulator.listening', { url, seed: random.seed, stateDir: options.stateDir ?? null });

  const accepted = (endpoint: Submission['endpoint'], env?: ZatcaEnvironment) =>
    submissions.all().filter((s) => s.endpoint === endpoint && isAccepted(s) && (env === undefined || s.environment === env));

  return {
    url,
    get port() {
      return http.port;
    },
    urls,
    clock,
    faults,
    otps,
    settings,
    caCertificate: authority.certificate.base64Der,
    seed: random.seed,
    records: {
      submissions: () => submissions.all(),
      reported: (env) => accepted('reporting', env),
      cleared: (env) => accepted('clearance', env),
      csids: () => registry.all().map(({ secretSha256: _omit, ...rest }) => rest),
      complianceSteps(requestId) {
        const r = registry.byRequestId(requestId);
        if (!r || r.kind !== 'compliance') throw new Error(`simulator: no compliance CSID with requestID ${requestId}`);
        return { passed: [...r.complianceSteps], missing: requiredComplianceSteps(r.invoiceTypes).filter((s) => !r.complianceSteps.includes(s)) };
      },
    },
    close: async () => {
      await http.close();
      // the submission log's last lines on disk and their files closed; a line that did not reach the disk is said
      await store.flushed().catch((err: unknown) => log.warn('simulator.state-flush-failed', { error: err instanceof Error ? err.message : String(err) }));
    },
  };
}
