// SPDX-License-Identifier: UNLICENSED
// Errors of the parts below main that are not DukkanErrors yet, as the refusal the screen should show. Every
// service's own refusal is a DukkanError and goes to the envelope as it is (main/ipc/apiErrors.ts); anything not
// translated here is a bug: "internal", with the details in the log (main/ipc/dispatcher.ts).
import { DukkanError } from '../../app/errors/index';
import { KeychainUnavailableError } from '../../native/keychain/secretStore';

export function translateError(e: unknown): DukkanError | undefined {
  // a locked keychain is the desktop session's state, not a bug: the manager can unlock it and try again
  if (e instanceof KeychainUnavailableError) return new DukkanError('onboarding.keychain-unavailable', {}, { cause: e });
  return undefined;
}
