// SPDX-License-Identifier: UNLICENSED
// This device's keychain: the service name carries the random device id of its database (migration 0020), so two
// data folders on one machine — two tills, a training copy — never read or overwrite each other's keys.
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { createOsKeychain } from '../../native/keychain/osKeychain';
import type { SecretStore } from '../../native/keychain/secretStore';
import { readDeviceId } from './onboardingStore';

/** The keychain service of a device id, also for a ledger that is not open (a backup's terminal, main/backup). */
export const keychainServiceOf = (deviceId: string): string => `dukkan-${deviceId}`;

export function deviceKeychainService(db: SqliteDatabase): string {
  const deviceId = readDeviceId(db);
  if (!deviceId) throw new Error('device database has no device identity (migration 0020 missing)');
  return keychainServiceOf(deviceId);
}

export function openDeviceKeychain(db: SqliteDatabase): SecretStore {
  return createOsKeychain({ service: deviceKeychainService(db) });
}
