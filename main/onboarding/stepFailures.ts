// SPDX-License-Identifier: UNLICENSED
// How a failed onboarding step explains itself: Fatoora's outcomes and the errors of the keychain, the key custody
// and the client, each turned into an OnboardingError with its catalog code (onboardingError.ts). ZATCA's messages
// are passed on as problems, already scrubbed by the client; so is the transport's detail (no secret in either).
import type { FieldProblem } from '../../app/errors/index';
import { KeychainUnavailableError } from '../../native/keychain/secretStore';
import { CredentialEnvironmentError, type FatooraEnvironment, type FatooraMessage, type FatooraOutcome } from '../fatoora/index';
import { DeviceKeyMissingError } from '../keyCustody/index';
import { OnboardingError } from './onboardingError';

/** ZATCA's messages as problems: "code: message". */
export const messageProblems = (errors: readonly FatooraMessage[]): FieldProblem[] =>
  errors.map((e) => ({ path: '', code: 'onboarding.fatoora-message', params: { message: e.code ? `${e.code}: ${e.message}` : e.message } }));

const detail = (text: string): FieldProblem => ({ path: '', code: 'onboarding.detail', params: { detail: text } });

/**
 * No usable answer: unreachable, no answer in time, a failure of Fatoora's own (a 5xx: it answered, so it is not
 * unreachable, reference §9.1), or an answer outside ZATCA's table.
 */
export function transportError(outcome: FatooraOutcome<unknown>): OnboardingError {
  switch (outcome.kind) {
    case 'retryable':
      if (outcome.reason !== 'unreachable') {
        return new OnboardingError(
          'onboarding.fatoora-error',
          { detail: `HTTP ${outcome.httpStatus ?? '?'}` },
          { problems: [detail(outcome.detail), ...messageProblems(outcome.errors)] },
        );
      }
      return new OnboardingError('onboarding.fatoora-unreachable', {}, { problems: [detail(outcome.detail)] });
    case 'unknown-outcome':
      if (outcome.reason === 'server-error') {
        return new OnboardingError('onboarding.fatoora-error', { detail: `HTTP ${outcome.httpStatus ?? '5xx'}` }, { problems: [detail(outcome.detail)] });
      }
      return new OnboardingError('onboarding.fatoora-no-answer', {}, { problems: [detail(outcome.detail)] });
    case 'failed':
      return new OnboardingError(
        'onboarding.fatoora-error',
        { detail: `HTTP ${outcome.httpStatus}` },
        { problems: [detail(outcome.detail), ...messageProblems(outcome.errors)] },
      );
    default:
      return new OnboardingError('onboarding.fatoora-error', { detail: outcome.kind });
  }
}

/**
 * A refused CSID request: the OTP, or the CSR. Fatoora answers every OTP problem — wrong, expired, already used —
 * with the same "The provided OTP is invalid" (reference §9.1), so no finer reason is guessed from its words.
 */
export function csidRejection(errors: readonly FatooraMessage[]): OnboardingError {
  const otp = errors.find((e) => e.code === 'Invalid-OTP' || e.code === 'Missing-OTP' || /\bOTP\b/i.test(e.message));
  if (otp) return new OnboardingError('onboarding.otp-invalid');
  return new OnboardingError('onboarding.csr-rejected', {}, { problems: messageProblems(errors) });
}

export const credentialsRefused = (environment: FatooraEnvironment): OnboardingError => new OnboardingError('onboarding.credentials-refused', { environment });

/**
 * Any error of a step as an OnboardingError. One that is not an expected failure (a bug) keeps only its code here:
 * its message and stack go to the log (onboardingProcedure.ts), never to the screen.
 */
export function mapError(err: unknown, environment: FatooraEnvironment): OnboardingError {
  if (err instanceof OnboardingError) return err;
  if (err instanceof KeychainUnavailableError) return new OnboardingError('onboarding.keychain-unavailable', {}, { cause: err });
  if (err instanceof DeviceKeyMissingError) return new OnboardingError('onboarding.key-missing', { environment }, { cause: err });
  if (err instanceof CredentialEnvironmentError) return new OnboardingError('onboarding.wrong-environment', { environment }, { cause: err });
  return new OnboardingError('onboarding.unexpected', {}, { cause: err });
}
