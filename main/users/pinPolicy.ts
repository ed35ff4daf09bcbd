// SPDX-License-Identifier: UNLICENSED
// What a PIN a person chooses for themselves must be. The factory PINs (DEFAULT_PINS) are printed on the sign-in
// screen of every training terminal, and one repeated digit is the first thing anyone tries at a till, so neither
// may guard a live terminal's price overrides, returns and discounts. Each refusal is a DukkanError on the field
// that carried the PIN (`user.pin-*`), which the cashier reads on the PIN change screen in their language.
import { DukkanError } from '../../app/errors/index';
import { DEFAULT_PINS } from './userStore';

const FACTORY_PINS: readonly string[] = Object.values(DEFAULT_PINS);

function isFactoryPin(pin: string): boolean {
  return FACTORY_PINS.includes(pin);
}

/** Refuses a PIN that may not guard a live terminal (format, factory PIN, one repeated digit), naming `field`. */
export function refuseWeakPin(pin: string, field: string): void {
  if (!/^\d{4,8}$/.test(pin)) throw new DukkanError('user.pin-format', {}, { field });
  if (isFactoryPin(pin)) throw new DukkanError('user.pin-factory', { manager: DEFAULT_PINS.manager, cashier: DEFAULT_PINS.cashier }, { field });
  if (/^(\d)\1*$/.test(pin)) throw new DukkanError('user.pin-repeated', {}, { field });
}

/** Refuses a `newPin` that cannot replace `oldPin` (a user choosing their own PIN), naming `field`. */
export function refuseNewPin(newPin: string, oldPin: string, field: string): void {
  refuseWeakPin(newPin, field);
  if (newPin === oldPin) throw new DukkanError('user.pin-unchanged', {}, { field });
}
