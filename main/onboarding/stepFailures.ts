// SPDX-License-Identifier: UNLICENSED
// How a failed onboarding step explains itself: Fatoora's outcomes and the errors of the keychain, the key custody
// and the client, each turned into an OnboardingError with a plain sentence in Arabic and English
// (onboardingError.ts). ZATCA's messages are passed on as details, already scrubbed by the client.
import { KeychainUnavailableError } from '../../native/keychain/secretStore';
import { CredentialEnvironmentError, type FatooraEnvironment, type FatooraMessage, type FatooraOutcome } from '../fatoora/index';
import { DeviceKeyMissingError } from '../keyCustody/index';
import { OnboardingError, TEXT } from './onboardingError';

/** ZATCA's messages as detail lines: "code: message". */
export const messageLines = (errors: readonly FatooraMessage[]): string[] => errors.map((e) => (e.code ? `${e.code}: ${e.message}` : e.message));

/** No usable answer: unreachable, no answer in time, or an answer outside ZATCA's table. */
export function transportError(outcome: FatooraOutcome<unknown>): OnboardingError {
  switch (outcome.kind) {
    case 'retryable':
      return new OnboardingError('fatoora-unreachable', TEXT.unreachable, [outcome.detail]);
    case 'unknown-outcome':
      return new OnboardingError('fatoora-no-answer', TEXT.noAnswer, [outcome.detail]);
    case 'failed':
      return new OnboardingError('fatoora-error', TEXT.fatooraError(`HTTP ${outcome.httpStatus}`), [outcome.detail, ...messageLines(outcome.errors)]);
    default:
      return new OnboardingError('fatoora-error', TEXT.fatooraError(outcome.kind));
  }
}

/** A refused CSID request: the OTP (invalid, expired, used — reference §9.1 says they are hard to tell apart), or the CSR. */
export function csidRejection(errors: readonly FatooraMessage[]): OnboardingError {
  const otp = errors.find((e) => e.code === 'Invalid-OTP' || e.code === 'Missing-OTP' || /\bOTP\b/i.test(e.message));
  if (otp) {
    if (/expired/i.test(otp.message)) return new OnboardingError('otp-expired', TEXT.otpExpired);
    if (/already used|used/i.test(otp.message)) return new OnboardingError('otp-used', TEXT.otpUsed);
    return new OnboardingError('otp-invalid', TEXT.otpInvalid);
  }
  return new OnboardingError('csr-rejected', TEXT.csrRejected, messageLines(errors));
}

export const credentialsRefused = (environment: FatooraEnvironment): OnboardingError =>
  new OnboardingError('credentials-refused', TEXT.credentialsRefused(environment));

/** Any error of a step as an OnboardingError; an unexpected one keeps its message (ours never carry secrets). */
export function mapError(err: unknown, environment: FatooraEnvironment): OnboardingError {
  if (err instanceof OnboardingError) return err;
  if (err instanceof KeychainUnavailableError) return new OnboardingError('keychain-unavailable', TEXT.keychain, [err.message]);
  if (err instanceof DeviceKeyMissingError) return new OnboardingError('key-missing', TEXT.keyMissing(environment));
  if (err instanceof CredentialEnvironmentError) return new OnboardingError('wrong-environment', TEXT.credentialsRefused(environment), [err.message]);
  return new OnboardingError('unexpected', TEXT.unexpected(err instanceof Error ? err.message : String(err)));
}
