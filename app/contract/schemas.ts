// SPDX-License-Identifier: UNLICENSED
// The building blocks of the cashier API's input schemas. Everything the renderer sends is untrusted and parsed
// with these in main before any service sees it (architecture notes, "What to absorb" §3). Amounts and quantities
// travel as decimal strings and are turned into exact decimals in main; the renderer never does money arithmetic.
import { z } from 'zod';

// Control characters (other than none at all) never belong in a name, reason or search text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NO_CONTROL = /^[^\u0000-\u001F\u007F]*$/;

/** Short free text: trimmed, non-empty, no control characters. */
export const text = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` })
    .regex(NO_CONTROL, { error: 'must not contain control characters' });

/** A money amount in SAR as the cashier types it: up to 2 decimals, never negative. */
export const money = z
  .string({ error: 'must be an amount such as 12.50' })
  .trim()
  .regex(/^\d{1,9}(\.\d{1,2})?$/, { error: 'must be an amount such as 12.50 (at most 2 decimals)' });

/** A price as stored in the catalog: up to 4 decimals (per-gram and per-piece prices of bulk goods). */
export const price = z
  .string({ error: 'must be a price such as 12.50' })
  .trim()
  .regex(/^\d{1,9}(\.\d{1,4})?$/, { error: 'must be a price such as 12.50 (at most 4 decimals)' });

/** A quantity: up to 3 decimals (weighed goods), greater than zero. */
export const quantity = z
  .string({ error: 'must be a quantity such as 1 or 0.750' })
  .trim()
  .regex(/^\d{1,6}(\.\d{1,3})?$/, { error: 'must be a quantity such as 1 or 0.750 (at most 3 decimals)' })
  .refine((v) => /[1-9]/.test(v), { error: 'must be greater than 0' });

export const id = z
  .number({ error: 'must be a number' })
  .int({ error: 'must be a whole number' })
  .min(1, { error: 'must be 1 or more' })
  .max(2 ** 31);

/** A PIN: 4 to 8 digits. */
export const pin = z.string({ error: 'must be digits' }).regex(/^\d{4,8}$/, { error: 'must be 4 to 8 digits' });

/** A barcode as a keyboard-wedge scanner types it: EAN/UPC digits or Code 128 printable ASCII. */
export const barcode = z
  .string({ error: 'must be a barcode' })
  .trim()
  .regex(/^[\x21-\x7E]{1,64}$/, { error: 'must be 1–64 printable characters without spaces' });

/** A document number of this device, e.g. T1-000123. */
export const documentNumber = z
  .string({ error: 'must be a document number' })
  .trim()
  .regex(/^[A-Za-z0-9]{1,10}-\d{1,12}$/, { error: 'must be a document number such as T1-000123' });

export const isoDate = z.string({ error: 'must be a date' }).regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'must be a date YYYY-MM-DD' });

export const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { error: 'must be a UUID' });

export const vatCategory = z.enum(['S', 'Z', 'E', 'O'], { error: 'VAT category must be S (standard), Z (zero), E (exempt) or O (out of scope)' });
export const vatRate = z.enum(['15', '5', '0'], { error: 'VAT rate must be 15, 5 or 0' });
export const paymentMethod = z.enum(['cash', 'card'], { error: 'payment method must be cash or card' });
export const role = z.enum(['cashier', 'manager'], { error: 'role must be cashier or manager' });
export const locale = z.enum(['ar', 'en'], { error: 'language must be ar or en' });
export const paperWidth = z.union([z.literal(58), z.literal(80)], { error: 'paper width must be 58 or 80 (mm)' });

export const empty = z.object({}).strict();
