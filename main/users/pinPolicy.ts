// SPDX-License-Identifier: UNLICENSED
// What a PIN a person chooses for themselves must be. The factory PINs (DEFAULT_PINS) are printed on the sign-in
// screen of every training terminal, and one repeated digit is the first thing anyone tries at a till, so neither
// may guard a live terminal's price overrides, returns and discounts. Each refusal is explained in both languages,
// because the cashier reads it on the PIN change screen.
import { DEFAULT_PINS } from './userStore';

export interface PinProblem {
  readonly en: string;
  readonly ar: string;
}

const FACTORY_PINS: readonly string[] = Object.values(DEFAULT_PINS);

function isFactoryPin(pin: string): boolean {
  return FACTORY_PINS.includes(pin);
}

/** Why `pin` may not guard a live terminal (format, factory PIN, one repeated digit), or null when it may. */
export function weakPinProblem(pin: string): PinProblem | null {
  if (!/^\d{4,8}$/.test(pin)) return { en: 'The new PIN must be 4 to 8 digits.', ar: 'يجب أن يتكون الرقم السري الجديد من 4 إلى 8 أرقام.' };
  if (isFactoryPin(pin)) {
    return {
      en: `The new PIN cannot be a factory PIN (${FACTORY_PINS.join(' or ')}): everyone knows those.`,
      ar: `لا يمكن أن يكون الرقم السري الجديد رقمًا افتراضيًا (${FACTORY_PINS.join(' أو ')})، فهذه الأرقام يعرفها الجميع.`,
    };
  }
  if (/^(\d)\1*$/.test(pin))
    return {
      en: 'The new PIN cannot be one digit repeated (such as 1111): mix different digits.',
      ar: 'لا يمكن أن يكون الرقم السري الجديد رقمًا واحدًا مكررًا (مثل 1111): استخدم أرقامًا مختلفة.',
    };
  return null;
}

/** Why `newPin` cannot replace `oldPin` (a user choosing their own PIN), or null when it can. */
export function newPinProblem(newPin: string, oldPin: string): PinProblem | null {
  const weak = weakPinProblem(newPin);
  if (weak) return weak;
  if (newPin === oldPin) return { en: 'The new PIN must be different from the current one.', ar: 'يجب أن يختلف الرقم السري الجديد عن الرقم الحالي.' };
  return null;
}
