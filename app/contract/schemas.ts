// SPDX-License-Identifier: UNLICENSED
// The building blocks of the cashier API's input schemas. Everything the renderer sends is untrusted and parsed
// with these in main before any service sees it (architecture notes, "What to absorb" §3). Amounts and quantities
// travel as decimal strings and are turned into exact decimals in main; the renderer never does money arithmetic.
import { z } from 'zod';
import type { ErrorCode } from '../errors/index';

/**
 * zod's `{ error }` option naming the catalog code of a check: main answers the field with that code, and the
 * screen shows its text in its own language (main/ipc/inputIssues.ts). Parameters come from the check itself
 * (`max` of a too-long text), so a code's text never repeats a number written here.
 */
export const rule = (code: ErrorCode): { readonly error: ErrorCode } => ({ error: code });

// Control characters (other than none at all) never belong in a name, reason or search text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NO_CONTROL = /^[^\u0000-\u001F\u007F]*$/;

/** Short free text: trimmed, non-empty, no control characters. */
export const text = (max: number) =>
  z.string(rule('input.text')).trim().min(1, rule('input.empty')).max(max, rule('input.too-long')).regex(NO_CONTROL, rule('input.control-characters'));

/** A money amount in SAR as the cashier types it: up to 2 decimals, never negative. */
export const money = z
  .string(rule('input.money'))
  .trim()
  .regex(/^\d{1,9}(\.\d{1,2})?$/, rule('input.money'));

/** A price as stored in the catalog: up to 4 decimals (per-gram and per-piece prices of bulk goods). */
export const price = z
  .string(rule('input.price'))
  .trim()
  .regex(/^\d{1,9}(\.\d{1,4})?$/, rule('input.price'));

/** A quantity: up to 3 decimals (weighed goods), greater than zero. */
export const quantity = z
  .string(rule('input.quantity'))
  .trim()
  .regex(/^\d{1,6}(\.\d{1,3})?$/, rule('input.quantity'))
  .refine((v) => /[1-9]/.test(v), rule('input.quantity-zero'));

export const id = z
  .number(rule('input.number'))
  .int(rule('input.whole-number'))
  .min(1, rule('input.at-least'))
  .max(2 ** 31, rule('input.too-large'));

/** A PIN: 4 to 8 digits. */
export const pin = z.string(rule('input.digits')).regex(/^\d{4,8}$/, rule('input.pin'));

/** A barcode as a keyboard-wedge scanner types it: EAN/UPC digits or Code 128 printable ASCII. */
export const barcode = z
  .string(rule('input.barcode'))
  .trim()
  .regex(/^[\x21-\x7E]{1,64}$/, rule('input.barcode'));

/** A document number of this device, e.g. T1-000123. */
export const documentNumber = z
  .string(rule('input.document-number'))
  .trim()
  .regex(/^[A-Za-z0-9]{1,10}-\d{1,12}$/, rule('input.document-number'));

/** A calendar date YYYY-MM-DD that exists (zod's ISO date checks month lengths and leap years: no 2026-02-30). */
export const isoDate = z.iso.date(rule('input.date'));

export const uuid = z.string(rule('input.uuid')).regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, rule('input.uuid'));

export const vatCategory = z.enum(['S', 'Z', 'E', 'O'], rule('input.vat-category'));
export const vatRate = z.enum(['15', '5', '0'], rule('input.vat-rate'));
export const paymentMethod = z.enum(['cash', 'card'], rule('input.payment-method'));
/** How a sale may be paid: cash, card, or store credit from a voucher a return issued (docs/cash-control.md). */
export const tenderMethod = z.enum(['cash', 'card', 'store-credit'], rule('input.tender-method'));
/** How a return may be refunded: cash, to the card, or as a store-credit voucher. */
export const refundMethod = z.enum(['cash', 'card', 'store-credit'], rule('input.refund-method'));
/** The card's network, an optional label on the one card tender (the networks Saudi terminals show). */
export const cardNetwork = z.enum(['mada', 'visa', 'mastercard', 'amex', 'other'], rule('input.card-network'));
/** A store-credit voucher's code as printed or scanned (SC-7K3M-9QXD); main reads it case- and dash-blind. */
export const voucherCode = z
  .string(rule('input.voucher-code'))
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{2,22}[A-Za-z0-9]$/, rule('input.voucher-code'));
export const role = z.enum(['cashier', 'manager'], rule('input.role'));
export const locale = z.enum(['ar', 'en'], rule('input.locale'));
export const paperWidth = z.union([z.literal(58), z.literal(80)], rule('input.paper-width'));

export const empty = z.object({}).strict();
