// SPDX-License-Identifier: UNLICENSED
// Expiry tracking of the production certificate: warnings 30, 14 and 7 days before notAfter, and "expired" after it,
// when issuance is refused (the PCSID is valid up to 5 years, reference §8; renewal §10 step 5).
import { TEXT, type Bilingual } from './onboardingError';

export const EXPIRY_WARNING_DAYS = [30, 14, 7] as const;
export type ExpiryWarning = (typeof EXPIRY_WARNING_DAYS)[number];

const DAY_MS = 24 * 3600 * 1000;

export interface ExpiryState {
  readonly notAfter: Date;
  /** Whole days left (rounded down); negative once expired. */
  readonly daysLeft: number;
  /** The tightest warning threshold reached (7 within a week, 14 within two, 30 within a month), else null. */
  readonly warning: ExpiryWarning | null;
  readonly expired: boolean;
  /** What to show the shop keeper, when there is a warning or the certificate expired. */
  readonly message?: Bilingual;
}

export function expiryState(notAfter: Date, now: Date): ExpiryState {
  const remaining = notAfter.getTime() - now.getTime();
  const expired = remaining < 0;
  const daysLeft = Math.floor(remaining / DAY_MS);
  let warning: ExpiryWarning | null = null;
  if (!expired) for (const days of EXPIRY_WARNING_DAYS) if (remaining <= days * DAY_MS) warning = days;
  const message = expired ? TEXT.expired(notAfter) : warning !== null ? TEXT.expiresSoon(daysLeft, notAfter) : undefined;
  return { notAfter, daysLeft, warning, expired, ...(message ? { message } : {}) };
}
