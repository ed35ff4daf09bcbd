// SPDX-License-Identifier: UNLICENSED
// How users and PIN refusals are answered, shared by the session, user and approval handlers: a user as the screens
// see it (never a PIN hash), and the lockout refusal, with the time it ends, before any wrong-PIN refusal.
import type { UserSummary } from '../../../app/contract/types';
import { DukkanError } from '../../../app/errors/index';
import type { PinCheck, User } from '../../users/userStore';

export function userSummary(u: User): UserSummary {
  return { id: u.id, name: u.name, role: u.role, active: u.active };
}

/** HH:MM (UTC) of a lockout's end. */
export const untilText = (d: Date): string => d.toISOString().slice(11, 16);

/** A failed PIN check as the cashier reads it: locked (with until when), or the caller's own wrong-PIN refusal. */
export function pinRefusal(check: Exclude<PinCheck, { ok: true }>, wrong: () => DukkanError): DukkanError {
  if (check.reason === 'locked') return new DukkanError('user.locked', { until: untilText(check.until) });
  return wrong();
}
