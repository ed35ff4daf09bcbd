// SPDX-License-Identifier: UNLICENSED
// Onboarding, renewal and rotation of this EGS unit (issue 5; reference §10), used alike by the app and by
// `dukkan onboard`. Every step is persisted in SQLite before the next one starts, so an interrupted run resumes
// where it stopped:
//
//   onboard:  key → csr → csid (POST /compliance, OTP) → compliance-checks → production-csid → ready
//   rotate:   wipe → key → … as onboard (the old key and CSIDs are wiped first; the key may have leaked)
//   renew:    csr → csid (PATCH /production/csids, OTP; 200 → ready, 428 → …) → compliance-checks → production-csid
//
// Rules that shape the steps:
// - a CSR is sent once: after any CSID request whose answer was not a CSID (or no answer at all) a new CSR is built
//   (reference §10 step 2, Odoo "the same CSR cannot be used twice"); an OTP is used for one request per run;
// - a CSID is written in two phases — token (public) into SQLite as "pending", then the secret into the keychain,
//   then promoted — so a crash between the two never loses a CSID nor pairs a secret with the wrong certificate;
// - every certificate Fatoora issues is checked against the device key, the shop VAT number and the simplified
//   invoice type before it is used (reference §12 items 19, 20);
// - signing is refused for an environment that is not the active one, before ready, and after expiry.
import { buildCsrWithSigner } from '../../app/csr/index';
import { parseDocumentInput } from '../../app/document/documentInput';
import { buildAndStamp } from '../../app/engine/buildAndStamp';
import { INITIAL_PIH } from '../../app/stamp/invoiceHash';
import { equalBytes } from '../../app/bytes/hex';
import { parseCertificate, type Certificate } from '../../app/x509/parseCertificate';
import { KeychainUnavailableError } from '../../native/keychain/secretStore';
import {
  CredentialEnvironmentError,
  type FatooraClient,
  type FatooraCredentials,
  type FatooraEnvironment,
  type FatooraMessage,
  type FatooraOutcome,
  type IssuedCsid,
} from '../fatoora/index';
import { createKeyCustody, DeviceKeyMissingError, keyFingerprint, type KeyCustody } from '../keyCustody/index';
import { errorFields, silentLogger } from '../log/logger';
import type { Secret } from '../log/secret';
import { credentialsEntry, hasCsidSecretFor, loadCredentials, saveCsidSecret } from './csidSecrets';
import { invalidInput, OnboardingError, TEXT, type InputProblem } from './onboardingError';
import { readOnboardingStatus, type OnboardingStatus } from './onboardingStatus';
import type { OnboardingProgress, OnboardingService, OnboardingServiceOptions, ProgressPoint } from './onboardingTypes';
import { onboardingStatements, type CsidKind, type OnboardingRow, type RowChanges } from './onboardingStore';
import { complianceDocument, csrConfigFor, invoiceTypeDigits, newEgsIdentity, requiredComplianceSteps } from './shopDocuments';
import { checkEnvironment, checkOtp, parseOnboardingInput, parseShopProfile, shopJson, type ShopProfile } from './shopProfile';

export type { ProgressPoint, OnboardingProgress, OnboardingServiceOptions, StartOptions, OnboardingService } from './onboardingTypes';

export function createOnboardingService(options: OnboardingServiceOptions): OnboardingService {
  const { db, secrets } = options;
  const q = onboardingStatements(db);
  const clock = options.clock ?? (() => new Date());
  const log = (options.logger ?? silentLogger).child({ component: 'onboarding' });
  const custody: KeyCustody = createKeyCustody(secrets, options.keyHoldMs !== undefined ? { holdMs: options.keyHoldMs } : {});
  let tail: Promise<unknown> = Promise.resolve();

  /** One procedure at a time per process: a double click must not send two CSID requests. */
  function serialised<T>(fn: () => Promise<T>): Promise<T> {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  }

  const now = (): number => clock().getTime();
  const identity = () => q.identity.get()!;
  const rowOf = (environment: FatooraEnvironment): OnboardingRow | undefined => q.row.get(environment);
  const update = (environment: FatooraEnvironment, changes: RowChanges): void => q.update(environment, { ...changes, updated_at: now() });
  const shopOf = (row: OnboardingRow): ShopProfile => parseShopProfile(JSON.parse(row.shop_json));
  // The developer portal hands every caller the same sandbox certificate (reference §9 "Sandbox specifics"), which
  // carries neither this device's key nor its VAT number; the strict checks apply to every other environment.
  const strict = (environment: FatooraEnvironment): boolean => environment !== 'developer-portal';

  async function progress(row: Pick<OnboardingRow, 'environment' | 'procedure' | 'step'>, point: ProgressPoint, detail?: string): Promise<void> {
    const event: OnboardingProgress = {
      environment: row.environment,
      procedure: row.procedure ?? 'onboard',
      step: row.step,
      point,
      ...(detail ? { detail } : {}),
    };
    log.info('onboarding.progress', { ...event });
    await options.onProgress?.(event);
  }

  function clientFor(environment: FatooraEnvironment): FatooraClient {
    const client = options.clientFor(environment);
    if (client.environment !== environment) throw new OnboardingError('wrong-environment', TEXT.credentialsRefused(environment));
    return client;
  }

  // ---------------------------------------------------------------- outcome → plain words

  function transportError(outcome: FatooraOutcome<unknown>): OnboardingError {
    switch (outcome.kind) {
      case 'retryable':
        return new OnboardingError('fatoora-unreachable', TEXT.unreachable, [outcome.detail]);
      case 'unknown-outcome':
        return new OnboardingError('fatoora-no-answer', TEXT.noAnswer, [outcome.detail]);
      case 'failed':
        return new OnboardingError('fatoora-error', TEXT.fatooraError(`HTTP ${outcome.httpStatus}`), [outcome.detail, ...messages(outcome.errors)]);
      default:
        return new OnboardingError('fatoora-error', TEXT.fatooraError(outcome.kind));
    }
  }

  const messages = (errors: readonly FatooraMessage[]): string[] => errors.map((e) => (e.code ? `${e.code}: ${e.message}` : e.message));

  function csidRejection(errors: readonly FatooraMessage[]): OnboardingError {
    const otp = errors.find((e) => e.code === 'Invalid-OTP' || e.code === 'Missing-OTP' || /\bOTP\b/i.test(e.message));
    if (otp) {
      if (/expired/i.test(otp.message)) return new OnboardingError('otp-expired', TEXT.otpExpired);
      if (/already used|used/i.test(otp.message)) return new OnboardingError('otp-used', TEXT.otpUsed);
      return new OnboardingError('otp-invalid', TEXT.otpInvalid);
    }
    return new OnboardingError('csr-rejected', TEXT.csrRejected, messages(errors));
  }

  // ---------------------------------------------------------------- CSIDs

  async function checkIssued(row: OnboardingRow, certificate: Certificate): Promise<void> {
    if (!strict(row.environment)) return;
    const shop = shopOf(row);
    if (certificate.zatca.vatNumber !== shop.vatNumber)
      throw new OnboardingError('vat-mismatch', TEXT.vatMismatch(shop.vatNumber, certificate.zatca.vatNumber));
    if (!equalBytes(certificate.publicKey, await custody.publicKey(row.environment))) throw new OnboardingError('key-mismatch', TEXT.keyMismatch);
    if (certificate.zatca.invoiceTypes?.[1] !== '1') throw new OnboardingError('certificate-type', TEXT.certificateType);
  }

  /** Two-phase write of a CSID: token as pending in SQLite, secret in the keychain, then promotion. */
  async function storeCsid(row: OnboardingRow, kind: CsidKind, csid: IssuedCsid): Promise<void> {
    const token = csid.credentials.binarySecurityToken;
    const certificate = parseCertificate(token);
    await checkIssued(row, certificate);
    update(row.environment, { pending_kind: kind, pending_token: token, pending_request_id: csid.requestId });
    await progress(row, 'saved');
    await saveCsidSecret(secrets, row.environment, kind, csid.credentials.secret, csid.requestId, certificate);
    await progress(row, 'stored');
    await promote(row, kind, token, csid.requestId, certificate);
  }

  /** After a crash between the two writes: adopt the pending CSID when its secret reached the keychain. */
  async function adoptPending(row: OnboardingRow): Promise<boolean> {
    if (!row.pending_kind || !row.pending_token || !row.pending_request_id) return false;
    const certificate = parseCertificate(row.pending_token);
    if (await hasCsidSecretFor(secrets, row.environment, row.pending_kind, certificate)) {
      log.info('onboarding.pending-adopted', { environment: row.environment, kind: row.pending_kind, requestId: row.pending_request_id });
      await promote(row, row.pending_kind, row.pending_token, row.pending_request_id, certificate);
      return true;
    }
    update(row.environment, { pending_kind: null, pending_token: null, pending_request_id: null });
    return false;
  }

  async function promote(row: OnboardingRow, kind: CsidKind, token: string, requestId: string, certificate: Certificate): Promise<void> {
    const at = now();
    const fingerprint = keyFingerprint(certificate.publicKey);
    db.transaction(() => {
      q.addHistory.run(
        row.environment,
        kind,
        requestId,
        certificate.serialDecimal,
        certificate.issuerName,
        certificate.base64Der,
        certificate.notBefore.getTime(),
        certificate.notAfter.getTime(),
        fingerprint,
        row.procedure ?? 'onboard',
        at,
      );
      const cleared = { pending_kind: null, pending_token: null, pending_request_id: null, last_error_code: null, last_error: null } as const;
      if (kind === 'compliance') {
        update(row.environment, {
          ...cleared,
          compliance_token: token,
          compliance_request_id: requestId,
          compliance_serial: certificate.serialDecimal,
          compliance_not_after: certificate.notAfter.getTime(),
          compliance_passed: '[]',
          compliance_icv: 0,
          compliance_pih: null,
          step: 'compliance-checks',
        });
        return;
      }
      if (row.production_serial) q.retire.run(at, row.procedure === 'renew' ? 'renewed' : 'key-rotated', row.environment, 'production', row.production_serial);
      if (row.compliance_serial) q.retire.run(at, 'used-for-production', row.environment, 'compliance', row.compliance_serial);
      update(row.environment, {
        ...cleared,
        production_token: token,
        production_request_id: requestId,
        production_serial: certificate.serialDecimal,
        production_issuer: certificate.issuerName,
        production_not_before: certificate.notBefore.getTime(),
        production_not_after: certificate.notAfter.getTime(),
        compliance_token: null,
        compliance_serial: null,
        compliance_not_after: null,
        procedure: null,
        step: 'ready',
        ready_at: at,
      });
    }).immediate();
    log.info('onboarding.csid-stored', {
      environment: row.environment,
      kind,
      requestId,
      serial: certificate.serialDecimal,
      notAfter: certificate.notAfter.toISOString(),
    });
    // the compliance CSID has done its work; its secret is not kept
    if (kind === 'production') await secrets.delete(credentialsEntry(row.environment, 'compliance'));
  }

  async function credentialsOf(row: OnboardingRow, kind: CsidKind): Promise<FatooraCredentials> {
    const token = kind === 'compliance' ? row.compliance_token : row.production_token;
    const credentials = token ? await loadCredentials(secrets, row.environment, kind, token, parseCertificate(token)) : undefined;
    if (!credentials) {
      // the secret is gone from the keychain: this CSID is unusable; the next run requests a new one with a new OTP
      if (kind === 'compliance') update(row.environment, { step: 'csid', csr_submitted: 1 });
      throw new OnboardingError('credentials-refused', TEXT.credentialsRefused(row.environment));
    }
    return credentials;
  }

  // ---------------------------------------------------------------- steps

  async function stepWipe(row: OnboardingRow): Promise<void> {
    await custody.wipe(row.environment);
    await secrets.delete(credentialsEntry(row.environment, 'compliance'));
    await secrets.delete(credentialsEntry(row.environment, 'production'));
    log.info('onboarding.wiped', { environment: row.environment });
    update(row.environment, { step: 'key' });
  }

  async function stepKey(row: OnboardingRow): Promise<void> {
    let publicKey: Uint8Array;
    if (await custody.has(row.environment)) {
      // written by this step before a crash (the keychain service is this device's own): adopt it
      publicKey = await custody.publicKey(row.environment);
      log.info('onboarding.key-adopted', { environment: row.environment });
    } else {
      publicKey = await custody.generate(row.environment);
      await progress(row, 'stored');
    }
    update(row.environment, { key_fingerprint: keyFingerprint(publicKey), step: 'csr' });
  }

  async function stepCsr(row: OnboardingRow): Promise<void> {
    const publicKey = await custody.publicKey(row.environment);
    if (keyFingerprint(publicKey) !== row.key_fingerprint) throw new OnboardingError('key-missing', TEXT.keyMissing(row.environment));
    const config = csrConfigFor(shopOf(row), { egsSerial: row.egs_serial, commonName: row.common_name }, row.environment);
    const csr = await buildCsrWithSigner(config, publicKey, custody.signer(row.environment));
    update(row.environment, { csr_pem: csr.pem, csr_submitted: 0, csr_count: row.csr_count + 1, step: 'csid' });
  }

  async function stepCsid(row: OnboardingRow, run: RunState): Promise<void> {
    if (await adoptPending(row)) return;
    if (row.csr_submitted === 1 || !row.csr_pem) {
      update(row.environment, { step: 'csr' }); // this CSR was sent already: build a new one
      return;
    }
    const otp = run.otp;
    if (!otp) throw new OnboardingError('otp-required', TEXT.otpRequired);
    const client = clientFor(row.environment);
    const current = row.procedure === 'renew' ? await credentialsOf(row, 'production') : undefined;
    update(row.environment, { csr_submitted: 1 });
    await progress(row, 'sending');
    run.otp = undefined; // one request per OTP, whatever its answer
    const outcome = current
      ? await client.renewProductionCsid(current, { csr: row.csr_pem, otp })
      : await client.requestComplianceCsid({ csr: row.csr_pem, otp });
    switch (outcome.kind) {
      case 'accepted':
      case 'accepted-with-warnings':
        return storeCsid(row, current ? 'production' : 'compliance', outcome.value);
      case 'needs-compliance':
        // 428 on renewal: a renewed compliance CSID; run the compliance checks with it (reference §10 step 5)
        log.info('onboarding.renewal-needs-compliance', { environment: row.environment, requestId: outcome.csid.requestId });
        return storeCsid(row, 'compliance', outcome.csid);
      case 'rejected':
        throw csidRejection(outcome.errors);
      case 'unauthorized':
        throw new OnboardingError('credentials-refused', TEXT.credentialsRefused(row.environment));
      default:
        throw transportError(outcome);
    }
  }

  async function stepComplianceChecks(row: OnboardingRow): Promise<void> {
    const credentials = await credentialsOf(row, 'compliance');
    const certificate = parseCertificate(row.compliance_token!);
    const shop = shopOf(row);
    const client = clientFor(row.environment);
    const passed: string[] = JSON.parse(row.compliance_passed) as string[];
    let icv = row.compliance_icv;
    let pih = row.compliance_pih ?? INITIAL_PIH;
    for (const step of requiredComplianceSteps(row.invoice_type)) {
      if (passed.includes(step)) continue;
      await progress(row, 'begin', step);
      const json = complianceDocument(shop, step, clock(), icv + 1);
      const doc = await buildAndStamp(parseDocumentInput(json), { icv: icv + 1, pih }, { certificate, sign: custody.signer(row.environment) });
      await progress(row, 'sending', step);
      const outcome = await client.checkCompliance(credentials, { invoiceHash: doc.hash, uuid: doc.uuid, invoice: doc.bytes });
      if (outcome.kind === 'accepted' || outcome.kind === 'accepted-with-warnings') {
        passed.push(step);
        icv += 1;
        pih = doc.hash;
        update(row.environment, { compliance_passed: JSON.stringify(passed), compliance_icv: icv, compliance_pih: pih });
        log.info('onboarding.compliance-passed', { environment: row.environment, step, outcome: outcome.kind });
        await progress(row, 'done', step);
        continue;
      }
      if (outcome.kind === 'rejected') {
        if (outcome.errors.some((e) => e.code === 'certificate-permissions' && /vat/i.test(e.message))) {
          throw new OnboardingError('vat-mismatch', TEXT.vatRefused, messages(outcome.errors));
        }
        throw new OnboardingError('compliance-check-failed', TEXT.complianceFailed(step), messages(outcome.errors));
      }
      if (outcome.kind === 'unauthorized') {
        update(row.environment, { step: 'csid', csr_submitted: 1 });
        throw new OnboardingError('credentials-refused', TEXT.credentialsRefused(row.environment));
      }
      throw transportError(outcome);
    }
    update(row.environment, { step: 'production-csid' });
  }

  async function stepProductionCsid(row: OnboardingRow, run: RunState): Promise<void> {
    if (await adoptPending(row)) return;
    const credentials = await credentialsOf(row, 'compliance');
    const client = clientFor(row.environment);
    await progress(row, 'sending');
    const outcome = await client.requestProductionCsid(credentials, { complianceRequestId: row.compliance_request_id! });
    switch (outcome.kind) {
      case 'accepted':
      case 'accepted-with-warnings':
        return storeCsid(row, 'production', outcome.value);
      case 'rejected': {
        const missing = missingSteps(outcome.errors);
        if (missing) {
          // Fatoora's list wins over ours: send the documents it still misses, once per run (reference §12 item 21)
          const passed = (JSON.parse(row.compliance_passed) as string[]).filter((s) => !missing.includes(s));
          update(row.environment, { compliance_passed: JSON.stringify(passed), step: 'compliance-checks' });
          if (run.missingStepRetries++ === 0 && missing.length > 0) return;
          throw new OnboardingError('missing-compliance-steps', TEXT.missingSteps(missing), messages(outcome.errors));
        }
        throw new OnboardingError('fatoora-error', TEXT.fatooraError('production CSID refused'), messages(outcome.errors));
      }
      case 'unauthorized':
        update(row.environment, { step: 'csid', csr_submitted: 1 });
        throw new OnboardingError('credentials-refused', TEXT.credentialsRefused(row.environment));
      default:
        throw transportError(outcome);
    }
  }

  function missingSteps(errors: readonly FatooraMessage[]): string[] | undefined {
    const e = errors.find((m) => m.code === 'Missing-ComplianceSteps' || /compliance steps/i.test(m.message));
    if (!e) return undefined;
    const list = /\[([^\]]*)\]/.exec(e.message)?.[1];
    return list === undefined
      ? []
      : list
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '');
  }

  interface RunState {
    otp: Secret | undefined;
    missingStepRetries: number;
  }

  async function runProcedure(environment: FatooraEnvironment, otp: Secret | undefined): Promise<OnboardingStatus> {
    const run: RunState = { otp, missingStepRetries: 0 };
    for (;;) {
      const row = rowOf(environment);
      if (!row || row.procedure === null) break;
      await progress(row, 'begin');
      try {
        switch (row.step) {
          case 'wipe':
            await stepWipe(row);
            break;
          case 'key':
            await stepKey(row);
            break;
          case 'csr':
            await stepCsr(row);
            break;
          case 'csid':
            await stepCsid(row, run);
            break;
          case 'compliance-checks':
            await stepComplianceChecks(row);
            break;
          case 'production-csid':
            await stepProductionCsid(row, run);
            break;
          case 'ready':
            update(environment, { procedure: null });
            break;
        }
      } catch (err) {
        const mapped = mapError(err, environment);
        log.warn('onboarding.failed', {
          environment,
          procedure: row.procedure,
          step: row.step,
          code: mapped.code,
          ...(mapped === err ? {} : errorFields(err)),
        });
        if (rowOf(environment)) update(environment, { last_error_code: mapped.code, last_error: mapped.en });
        throw mapped;
      }
      await progress(row, 'done');
    }
    return status();
  }

  function mapError(err: unknown, environment: FatooraEnvironment): OnboardingError {
    if (err instanceof OnboardingError) return err;
    if (err instanceof KeychainUnavailableError) return new OnboardingError('keychain-unavailable', TEXT.keychain, [err.message]);
    if (err instanceof DeviceKeyMissingError) return new OnboardingError('key-missing', TEXT.keyMissing(environment));
    if (err instanceof CredentialEnvironmentError) return new OnboardingError('wrong-environment', TEXT.credentialsRefused(environment), [err.message]);
    // a bug or an unexpected failure: keep its message (ours never carry secrets) behind a plain sentence
    return new OnboardingError('unexpected', TEXT.unexpected(err instanceof Error ? err.message : String(err)));
  }

  // ---------------------------------------------------------------- status

  const status = (): OnboardingStatus => readOnboardingStatus(db, clock());

  function activeRow(): OnboardingRow {
    const active = identity().active_environment;
    const row = active ? rowOf(active) : undefined;
    if (!active || !row) throw new OnboardingError('not-onboarded', TEXT.notOnboarded(active ?? 'any'));
    return row;
  }

  function otpOrThrow(otp: unknown): Secret {
    const problems: InputProblem[] = [];
    const secret = checkOtp(problems, otp);
    if (!secret) throw invalidInput(problems);
    return secret;
  }

  // ---------------------------------------------------------------- the API

  return {
    start(shopInput, otpInput, startOptions) {
      return serialised(async () => {
        // everything is checked before anything is written (issue 5: no partial state on invalid input)
        const input = parseOnboardingInput(shopInput, startOptions?.environment, otpInput);
        const { environment } = input;
        const active = identity().active_environment;
        if (active !== null && active !== environment && startOptions.confirm !== true) {
          throw new OnboardingError('wrong-environment', TEXT.switchNeedsConfirm(active, environment));
        }
        const json = shopJson(input.shop);
        const existing = rowOf(environment);
        if (existing && existing.shop_json !== json) throw new OnboardingError('onboarding-in-progress', TEXT.differentShop(environment));
        if (existing && existing.procedure !== null && existing.procedure !== 'onboard')
          throw new OnboardingError('onboarding-in-progress', TEXT.busy(environment, existing.procedure));
        db.transaction(() => {
          if (!existing) {
            const egs = newEgsIdentity(input.shop);
            const at = now();
            q.insert.run(environment, json, egs.egsSerial, egs.commonName, invoiceTypeDigits(input.shop), at, at);
          }
          if (active !== environment) q.setActive.run(environment);
        }).immediate();
        if (active !== environment) log.info('onboarding.environment-switched', { from: active, to: environment });
        if (existing && existing.procedure === null) return status(); // onboarded already with these details
        return runProcedure(environment, input.otp);
      });
    },

    resume(otpInput) {
      return serialised(async () => {
        const otp = otpInput === undefined ? undefined : otpOrThrow(otpInput);
        const row = activeRow();
        if (row.procedure === null) {
          // leftover from a crash right after the production CSID was stored
          await secrets.delete(credentialsEntry(row.environment, 'compliance'));
          return status();
        }
        return runProcedure(row.environment, otp);
      });
    },

    renew(otpInput) {
      return serialised(async () => {
        const otp = otpOrThrow(otpInput);
        const row = activeRow();
        if (row.procedure === 'renew') return runProcedure(row.environment, otp);
        if (row.procedure !== null) throw new OnboardingError('onboarding-in-progress', TEXT.busy(row.environment, row.procedure));
        if (!row.production_token) throw new OnboardingError('not-onboarded', TEXT.notOnboarded(row.environment));
        update(row.environment, {
          procedure: 'renew',
          step: 'csr',
          csr_submitted: 0,
          compliance_passed: '[]',
          compliance_icv: 0,
          compliance_pih: null,
          last_error_code: null,
          last_error: null,
        });
        log.info('onboarding.renewal-started', { environment: row.environment, serial: row.production_serial });
        return runProcedure(row.environment, otp);
      });
    },

    rotate(otpInput, rotateOptions = {}) {
      return serialised(async () => {
        const otp = otpOrThrow(otpInput);
        const newShop = rotateOptions.shop === undefined ? undefined : parseShopProfile(rotateOptions.shop);
        const row = activeRow();
        if (row.procedure === 'rotate') return runProcedure(row.environment, otp);
        const at = now();
        db.transaction(() => {
          // the old certificates are retired at once: from here on nothing is signed with the old key
          if (row.production_serial) q.retire.run(at, 'key-rotated', row.environment, 'production', row.production_serial);
          if (row.compliance_serial) q.retire.run(at, 'key-rotated', row.environment, 'compliance', row.compliance_serial);
          update(row.environment, {
            procedure: 'rotate',
            step: 'wipe',
            ...(newShop ? { shop_json: shopJson(newShop), invoice_type: invoiceTypeDigits(newShop) } : {}),
            key_fingerprint: null,
            csr_pem: null,
            csr_submitted: 0,
            compliance_token: null,
            compliance_request_id: null,
            compliance_serial: null,
            compliance_not_after: null,
            compliance_passed: '[]',
            compliance_icv: 0,
            compliance_pih: null,
            production_token: null,
            production_request_id: null,
            production_serial: null,
            production_issuer: null,
            production_not_before: null,
            production_not_after: null,
            pending_kind: null,
            pending_token: null,
            pending_request_id: null,
            last_error_code: null,
            last_error: null,
            ready_at: null,
          });
        }).immediate();
        log.warn('onboarding.rotation-started', { environment: row.environment, retiredSerial: row.production_serial });
        return runProcedure(row.environment, otp);
      });
    },

    switchEnvironment(environment, switchOptions) {
      const problems: InputProblem[] = [];
      if (!checkEnvironment(problems, environment)) throw invalidInput(problems);
      const active = identity().active_environment;
      if (active === environment) return status();
      if (switchOptions?.confirm !== true) throw new OnboardingError('wrong-environment', TEXT.switchNeedsConfirm(active ?? 'none', environment));
      q.setActive.run(environment);
      log.info('onboarding.environment-switched', { from: active, to: environment });
      return status();
    },

    status,

    async signingFor(environment) {
      const active = identity().active_environment;
      if (active === null) throw new OnboardingError('not-onboarded', TEXT.notOnboarded(environment));
      if (active !== environment) throw new OnboardingError('wrong-environment', TEXT.notActive(active, environment));
      const row = rowOf(environment);
      if (!row) throw new OnboardingError('not-onboarded', TEXT.notOnboarded(environment));
      if (!row.production_token || row.procedure === 'rotate') {
        throw row.procedure
          ? new OnboardingError('not-onboarded', TEXT.notReady(environment, row.step))
          : new OnboardingError('not-onboarded', TEXT.notOnboarded(environment));
      }
      const certificate = parseCertificate(row.production_token);
      const checkValidity = (): void => {
        const at = clock();
        if (at.getTime() > certificate.notAfter.getTime()) throw new OnboardingError('certificate-expired', TEXT.expired(certificate.notAfter));
        if (at.getTime() < certificate.notBefore.getTime()) throw new OnboardingError('certificate-not-yet-valid', TEXT.notYetValid(certificate.notBefore));
      };
      checkValidity();
      let publicKey: Uint8Array;
      try {
        publicKey = await custody.publicKey(environment);
      } catch (err) {
        throw mapError(err, environment);
      }
      if (strict(environment) && !equalBytes(publicKey, certificate.publicKey)) throw new OnboardingError('key-missing', TEXT.keyMissing(environment));
      const sign = custody.signer(environment);
      return {
        certificate,
        // checked again at every signature: a Signing kept across midnight of the expiry day must not sign
        sign: async (message: Uint8Array) => {
          checkValidity();
          return sign(message);
        },
      };
    },

    close() {
      custody.release();
    },
  };
}
