// SPDX-License-Identifier: UNLICENSED
// Expiry tracking of the production certificate: warnings 30, 14 and 7 days before notAfter, and "expired" after it,
// when issuance is refused (the PCSID is valid up to 5 years, reference §8; renewal §10 step 5).
import { errorText } from '../../app/errors/index';

/** A notice in both languages (the CLI prints both; the status screen shows one). */
export interface Bilingual {
  readonly en: string;
  readonly ar: string;
}

const day = (at: Date): string => at.toISOString().slice(0, 10);

/** Expired: the same text as the refusal to sign (onboarding.certificate-expired). */
function expiredNotice(notAfter: Date): Bilingual {
  const params = { date: day(notAfter) };
  return { en: errorText('onboarding.certificate-expired', params, 'en'), ar: errorText('onboarding.certificate-expired', params, 'ar') };
}

/** A warning, not a refusal: the certificate still signs until notAfter. */
function expiresSoonNotice(daysLeft: number, notAfter: Date): Bilingual {
  return {
    en: `The signing certificate expires in ${daysLeft} day(s), on ${day(notAfter)}. Renew it with a new OTP from the Fatoora portal before then.`,
    ar: `تنتهي صلاحية شهادة التوقيع خلال ${daysLeft} يوم، في ${day(notAfter)}. جدّدها قبل ذلك برمز تحقق جديد من بوابة فاتورة.`,
  };
}

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
  const message = expired ? expiredNotice(notAfter) : warning !== null ? expiresSoonNotice(daysLeft, notAfter) : undefined;
  return { notAfter, daysLeft, warning, expired, ...(message ? { message } : {}) };
}
