// SPDX-License-Identifier: UNLICENSED
// Onboarding of this device as an EGS unit (reference §10): the service the app and `dukkan onboard` use, the
// status read from SQLite, the errors in plain words, the shop details, certificate expiry and the device keychain.
export {
  createOnboardingService,
  type OnboardingProgress,
  type OnboardingService,
  type OnboardingServiceOptions,
  type ProgressPoint,
  type StartOptions,
} from './onboardingService';
export { readOnboardingStatus, type CertificateStatus, type EnvironmentStatus, type OnboardingStatus } from './onboardingStatus';
export { OnboardingError, type OnboardingCode } from './onboardingError';
export type { Bilingual } from './certificateExpiry';
export { parseShopProfile, parseOnboardingInput, type ShopProfile, type ShopAddress, type InvoiceTypes } from './shopProfile';
export { expiryState, EXPIRY_WARNING_DAYS, type ExpiryState, type ExpiryWarning } from './certificateExpiry';
export { credentialsEntry } from './csidSecrets';
export { deviceKeychainService, openDeviceKeychain } from './deviceKeychain';
export type { Procedure, Step } from './onboardingStore';
