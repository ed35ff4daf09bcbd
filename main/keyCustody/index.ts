// SPDX-License-Identifier: UNLICENSED
export { createKeyCustody, deviceKeyEntry, DeviceKeyMissingError, keyFingerprint, type KeyCustody, type KeyCustodyOptions } from './keyCustody';
