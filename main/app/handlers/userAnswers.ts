// SPDX-License-Identifier: UNLICENSED
// How users and PIN refusals are answered, shared by the session, user and approval handlers: a user as the screens
// see it (never a PIN hash), and the lockout, wrong-PIN and weak-PIN refusals in English and Arabic.
import type { UserSummary } from '../../../app/contract/types';
import { ApiFailure } from '../../ipc/apiFailure';
import type { PinProblem } from '../../users/pinPolicy';
import type { PinCheck, User } from '../../users/userStore';

export function userSummary(u: User): UserSummary {
  return { id: u.id, name: u.name, role: u.role, active: u.active };
}

/** HH:MM (UTC) of a lockout's end. */
export const untilText = (d: Date): string => d.toISOString().slice(11, 16);

/** A failed PIN check as the cashier reads it: locked (with until when) or wrong. */
export function pinRefusal(check: Exclude<PinCheck, { ok: true }>, wrong: PinProblem): ApiFailure {
  if (check.reason === 'locked')
    return new ApiFailure('locked', `Too many wrong PINs: try again after ${untilText(check.until)} UTC.`, {
      messageAr: `محاولات خاطئة كثيرة: حاول بعد ${untilText(check.until)} بتوقيت UTC.`,
    });
  return new ApiFailure('wrong-pin', wrong.en, { messageAr: wrong.ar });
}

/** A new PIN the rules refuse (main/users/pinPolicy), on the field that carried it. */
export function badPin(field: string, problem: PinProblem): ApiFailure {
  return new ApiFailure('invalid-input', problem.en, { messageAr: problem.ar, fields: [{ path: field, message: problem.en }] });
}
