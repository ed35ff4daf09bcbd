// SPDX-License-Identifier: UNLICENSED
// Onboarding, renewal and rotation of this EGS unit (reference §10), used alike by the app and by `dukkan onboard`:
// the public API. It validates input before anything is written, runs one procedure at a time, and hands the
// procedure to onboardingProcedure.ts, whose steps each have their own module (keyStep, csrStep,
// complianceCsidStep, complianceChecksStep, productionCsidStep, renewal, rotation) and whose changes to the row are
// named in rowTransitions.ts. It also gives the ledger its signing key and certificate: refused for an environment
// that is not the active one, before ready, during a rotation, and outside the certificate's validity.
import { equalBytes } from '../../app/bytes/hex';
import { parseCertificate } from '../../app/x509/parseCertificate';
import type { Secret } from '../log/secret';
import { credentialsEntry } from './csidSecrets';
import { createOnboardingContext } from './onboardingContext';
import type { FieldProblem } from '../../app/errors/index';
import { busy, invalidInput, OnboardingError } from './onboardingError';
import { runProcedure } from './onboardingProcedure';
import { readOnboardingStatus, type OnboardingStatus } from './onboardingStatus';
import type { OnboardingRow } from './onboardingStore';
import type { OnboardingService, OnboardingServiceOptions } from './onboardingTypes';
import { beginRenewal } from './renewal';
import { beginRotation } from './rotation';
import { invoiceTypeDigits, newEgsIdentity } from './shopDocuments';
import { checkEnvironment, checkOtp, parseOnboardingInput, parseShopProfile, shopJson } from './shopProfile';
import { mapError } from './stepFailures';

export type { ProgressPoint, OnboardingProgress, OnboardingServiceOptions, StartOptions, OnboardingService } from './onboardingTypes';

export function createOnboardingService(options: OnboardingServiceOptions): OnboardingService {
  const ctx = createOnboardingContext(options);
  const { db, q, log, custody } = ctx;
  let tail: Promise<unknown> = Promise.resolve();

  /** One procedure at a time per process: a double click must not send two CSID requests. */
  function serialised<T>(fn: () => Promise<T>): Promise<T> {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  }

  const status = (): OnboardingStatus => readOnboardingStatus(db, ctx.clock());

  async function procedure(row: Pick<OnboardingRow, 'environment'>, otp: Secret | undefined): Promise<OnboardingStatus> {
    await runProcedure(ctx, row.environment, otp);
    return status();
  }

  function activeRow(): OnboardingRow {
    const active = ctx.identity().active_environment;
    const row = active ? ctx.rowOf(active) : undefined;
    if (!active || !row)
      throw active ? new OnboardingError('onboarding.not-onboarded', { environment: active }) : new OnboardingError('onboarding.not-onboarded-anywhere');
    return row;
  }

  function otpOrThrow(otp: unknown): Secret {
    const problems: FieldProblem[] = [];
    const secret = checkOtp(problems, otp);
    if (!secret) throw invalidInput(problems);
    return secret;
  }

  return {
    start(shopInput, otpInput, startOptions) {
      return serialised(async () => {
        // everything is checked before anything is written: invalid input leaves no partial state
        const input = parseOnboardingInput(shopInput, startOptions?.environment, otpInput);
        const { environment } = input;
        const active = ctx.identity().active_environment;
        if (active !== null && active !== environment && startOptions.confirm !== true) {
          throw new OnboardingError('onboarding.switch-needs-confirm', { active, requested: environment });
        }
        const json = shopJson(input.shop);
        const existing = ctx.rowOf(environment);
        if (existing && existing.shop_json !== json) throw new OnboardingError('onboarding.different-shop', { environment });
        if (existing && existing.procedure !== null && existing.procedure !== 'onboard') throw busy(environment, existing.procedure);
        db.transaction(() => {
          if (!existing) {
            const egs = newEgsIdentity(input.shop);
            const at = ctx.now();
            q.insert.run(environment, json, egs.egsSerial, egs.commonName, invoiceTypeDigits(input.shop), at, at);
          }
          if (active !== environment) q.setActive.run(environment);
        }).immediate();
        if (active !== environment) log.info('onboarding.environment-switched', { from: active, to: environment });
        if (existing && existing.procedure === null) return status(); // onboarded already with these details
        return procedure({ environment }, input.otp);
      });
    },

    resume(otpInput) {
      return serialised(async () => {
        const otp = otpInput === undefined ? undefined : otpOrThrow(otpInput);
        const row = activeRow();
        if (row.procedure === null) {
          // leftover from a crash right after the production CSID was stored
          await ctx.secrets.delete(credentialsEntry(row.environment, 'compliance'));
          return status();
        }
        return procedure(row, otp);
      });
    },

    renew(otpInput) {
      return serialised(async () => {
        const otp = otpOrThrow(otpInput);
        const row = activeRow();
        if (row.procedure !== 'renew') beginRenewal(ctx, row);
        return procedure(row, otp);
      });
    },

    rotate(otpInput, rotateOptions = {}) {
      return serialised(async () => {
        const otp = otpOrThrow(otpInput);
        const newShop = rotateOptions.shop === undefined ? undefined : parseShopProfile(rotateOptions.shop);
        const row = activeRow();
        if (row.procedure !== 'rotate') beginRotation(ctx, row, newShop);
        return procedure(row, otp);
      });
    },

    switchEnvironment(environment, switchOptions) {
      const problems: FieldProblem[] = [];
      if (!checkEnvironment(problems, environment)) throw invalidInput(problems);
      const active = ctx.identity().active_environment;
      if (active === environment) return status();
      if (switchOptions?.confirm !== true) {
        throw active
          ? new OnboardingError('onboarding.switch-needs-confirm', { active, requested: environment })
          : new OnboardingError('onboarding.choose-needs-confirm', { requested: environment });
      }
      q.setActive.run(environment);
      log.info('onboarding.environment-switched', { from: active, to: environment });
      return status();
    },

    status,

    async signingFor(environment) {
      const active = ctx.identity().active_environment;
      if (active === null) throw new OnboardingError('onboarding.not-onboarded', { environment });
      if (active !== environment) throw new OnboardingError('onboarding.not-active', { active, requested: environment });
      const row = ctx.rowOf(environment);
      if (!row) throw new OnboardingError('onboarding.not-onboarded', { environment });
      if (!row.production_token || row.procedure === 'rotate') {
        throw row.procedure
          ? new OnboardingError('onboarding.not-ready', { environment, step: row.step })
          : new OnboardingError('onboarding.not-onboarded', { environment });
      }
      const certificate = parseCertificate(row.production_token);
      const checkValidity = (): void => {
        const at = ctx.clock();
        if (at.getTime() > certificate.notAfter.getTime())
          throw new OnboardingError('onboarding.certificate-expired', { date: certificate.notAfter.toISOString().slice(0, 10) });
        if (at.getTime() < certificate.notBefore.getTime())
          throw new OnboardingError('onboarding.certificate-not-yet-valid', { date: certificate.notBefore.toISOString() });
      };
      checkValidity();
      let publicKey: Uint8Array;
      try {
        publicKey = await custody.publicKey(environment);
      } catch (err) {
        throw mapError(err, environment);
      }
      if (ctx.strict(environment) && !equalBytes(publicKey, certificate.publicKey)) throw new OnboardingError('onboarding.key-missing', { environment });
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
