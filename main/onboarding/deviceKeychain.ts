// SPDX-License-Identifier: UNLICENSED
// This device's keychain: the service name carries the random device id of its database (migration 0020), so two
// data folders on one machine — two tills, a training copy — never read or overwrite each other's keys.
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { createOsKeychain } from '../../native/keychain/osKeychain';
import type { SecretStore } from '../../native/keychain/secretStore';

export function deviceKeychainService(db: SqliteDatabase): string {
  const row = db.prepare<[], { device_id: string }>('SELECT device_id FROM device_identity WHERE id = 1').get();
  if (!row) throw new Error('device database has no device identity (migration 0020 missing)');
  return `dukkan-${row.device_id}`;
}

export function openDeviceKeychain(db: SqliteDatabase): SecretStore {
  return createOsKeychain({ service: deviceKeychainService(db) });
}
