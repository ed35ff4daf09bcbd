// SPDX-License-Identifier: UNLICENSED
// The OS keychain through @napi-rs/keyring: macOS Keychain, Windows Credential Manager, Linux Secret Service
// (gnome-keyring, KWallet). One keychain "service" per device — `dukkan-<device id>` — so two data folders on one
// machine never read or overwrite each other's keys; one entry ("account") per secret.
//
// Linux: the library falls back to the kernel keyring (keyutils) when no Secret Service answers. That store lives
// in kernel memory and is gone after a reboot, which would silently lose the device key, so entries are pinned to
// the Secret Service and a missing one is an error instead.
//
// Calls use AsyncEntry: the Secret Service is a D-Bus round trip that must not block Electron's main thread.
import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring';
import { checkEntryName, KeychainUnavailableError, type SecretStore } from './secretStore';

export interface OsKeychainOptions {
  /** Keychain service name, e.g. `dukkan-<device id>`. */
  readonly service: string;
}

const SERVICE_NAME = /^[A-Za-z0-9._-]{1,100}$/;
const ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } };

/** The native error's own text, shortened; it names the store and the failure, never the value. */
function detailOf(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

export function createOsKeychain(options: OsKeychainOptions): SecretStore {
  const service = options.service;
  if (typeof service !== 'string' || !SERVICE_NAME.test(service))
    throw new Error('keychain service name must be 1–100 letters, digits, dots, dashes or underscores');
  const entry = (name: string): AsyncEntry => new AsyncEntry(service, checkEntryName(name), ENTRY_OPTIONS);

  return {
    async get(name) {
      try {
        const value = await entry(name).getPassword();
        return value ?? undefined;
      } catch (err) {
        throw new KeychainUnavailableError('get', name, detailOf(err), err);
      }
    },
    async set(name, value) {
      if (typeof value !== 'string' || value === '') throw new Error('keychain value must be a non-empty string');
      try {
        await entry(name).setPassword(value);
      } catch (err) {
        throw new KeychainUnavailableError('set', name, detailOf(err), err);
      }
    },
    async delete(name) {
      try {
        return await entry(name).deleteCredential();
      } catch (err) {
        throw new KeychainUnavailableError('delete', name, detailOf(err), err);
      }
    },
  };
}
