// SPDX-License-Identifier: UNLICENSED
// Where the device keeps what must never touch the disk in clear: the EGS private key and the CSID secrets
// (reference §8: "private key non-exportable", SEC-1.1 req. 6). One store per device; values are short
// strings addressed by a name such as `production/device-key`. Only the main process holds a SecretStore.
import { DukkanError } from '../../app/errors/index';

export interface SecretStore {
  /** The value stored under `name`, or undefined when there is none. */
  get(name: string): Promise<string | undefined>;
  /** Stores (or replaces) the value under `name`. */
  set(name: string, value: string): Promise<void>;
  /** Removes the value; true when there was one. */
  delete(name: string): Promise<boolean>;
}

/** Entry names: `<environment>/<what>`, lower-case letters, digits and dashes (never user data). */
const ENTRY_NAME = /^[a-z0-9-]{1,40}\/[a-z0-9-]{1,40}$/;

export function checkEntryName(name: string): string {
  if (typeof name !== 'string' || !ENTRY_NAME.test(name))
    throw new Error(`keychain entry name must look like 'environment/what' (lower-case letters, digits, dashes)`);
  return name;
}

const REFUSED = { get: 'keychain.read-refused', set: 'keychain.write-refused', delete: 'keychain.delete-refused' } as const;

/**
 * Thrown when the OS keychain cannot be reached (locked, no Secret Service, access refused): the desktop session's
 * state, which the user can fix, so a refusal and not a bug. `detail` is the library's text, never a value.
 */
export class KeychainUnavailableError extends DukkanError {
  override readonly name = 'KeychainUnavailableError';
  constructor(
    readonly operation: keyof typeof REFUSED,
    readonly entry: string,
    detail: string,
    cause?: unknown,
  ) {
    super(REFUSED[operation], { entry, detail }, { cause });
  }
}
