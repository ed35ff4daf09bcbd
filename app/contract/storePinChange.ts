// SPDX-License-Identifier: UNLICENSED
// A user's PIN changed at an enrolled till, sent to the store server (docs/store-server.md, "PIN changes at a
// till"): the server's key of the user and the new PIN's salted scrypt hash — never the PIN — with when it was
// changed, so a change that arrives late (a till offline for days) never undoes a newer one. The server makes it
// master data for every till.
import { z } from 'zod';
import { rule } from './schemas';
import { pulledUser } from './storeMasterData';

export const STORE_PIN_PATH = '/api/users/pin';

export const pinChangeRequest = z
  .object({
    /** The user's key in the server's master data (kind "user"). */
    key: z.string(rule('input.text')).trim().min(1, rule('input.empty')).max(80, rule('input.too-long')),
    // checked as the tills check a pulled user's (scrypt parameters within bounds)
    ...pulledUser.pick({ pinSalt: true, pinHash: true, pinParams: true }).shape,
    changedAt: z.iso.datetime(rule('input.date')),
  })
  .strict();
export type PinChangeRequest = z.input<typeof pinChangeRequest>;

export interface PinChangeAnswer {
  /** applied: the server's user now has this PIN; stale: a newer PIN change of the user is already there. */
  readonly outcome: 'applied' | 'stale';
  /** The master-data version of the user after this request. */
  readonly version: number;
}
