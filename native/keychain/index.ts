// SPDX-License-Identifier: UNLICENSED
export { checkEntryName, KeychainUnavailableError, type SecretStore } from './secretStore';
export { createOsKeychain, type OsKeychainOptions } from './osKeychain';
