// SPDX-License-Identifier: UNLICENSED
// A reservation at the store server of quantities of an invoice's lines, asked by an enrolled till before it issues a
// credit note for that invoice — its own sale or another till's (docs/store-server.md, "Returns at another till").
// The server grants it only while, per line, sold − returned − the other tills' active reservations ≥ asked, in one
// transaction, so two tills returning the same line at once cannot both pass. The id is the till's (the return's
// request id): asking again with it is answered as the first time. The credit note's push consumes it; a till whose
// issuance failed releases it; one never consumed expires after RESERVATION_MINUTES.
import { z } from 'zod';
import { rule } from './schemas';

export const STORE_RESERVE_PATH = '/api/returns/reserve';
export const STORE_RELEASE_PATH = '/api/returns/release';

/** How long a reservation holds its quantities when its note's push does not arrive (the note is issued at once). */
export const RESERVATION_MINUTES = 10;

const uuid = z.string(rule('input.uuid')).regex(/^[0-9a-f-]{36}$/i, rule('input.uuid'));
const quantity = z.string(rule('input.quantity')).regex(/^\d{1,9}(\.\d{1,6})?$/, rule('input.quantity'));
const reservationId = z.string(rule('input.text')).regex(/^[0-9A-Za-z:._-]{1,80}$/, rule('input.text'));

export const reserveRequest = z
  .object({
    reservationId,
    /** The invoice, by UUID (unique across tills), and its number for the refusal's text. */
    originalUuid: uuid,
    originalNumber: z.string(rule('input.document-number')).regex(/^[^\s]{1,127}$/, rule('input.document-number')),
    lines: z
      .array(
        z
          .object({
            /** The invoice's line number (1-based). */
            line: z.number(rule('input.number')).int(rule('input.whole-number')).min(1, rule('input.at-least')),
            quantity,
            /**
             * The selling till's own figures of the line, used only while the server does not hold the invoice yet (a
             * till returning its own sale before its push landed): no other till can find that sale meanwhile.
             */
            sold: quantity.optional(),
            name: z.string(rule('input.text')).min(1).max(1000).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(1000, rule('input.too-many')),
  })
  .strict();
export type ReserveRequest = z.input<typeof reserveRequest>;

export const releaseRequest = z.object({ reservationId }).strict();
export type ReleaseRequest = z.input<typeof releaseRequest>;

export type ReservationState = 'active' | 'consumed' | 'released' | 'expired';

export interface ReservationAnswer {
  readonly reservationId: string;
  readonly state: ReservationState;
  /** ISO instant after which an active reservation no longer holds its quantities. */
  readonly expiresAt: string;
}
