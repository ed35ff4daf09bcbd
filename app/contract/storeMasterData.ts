// SPDX-License-Identifier: UNLICENSED
// What a till makes of each kind of master data it pulls from its store server (docs/store-server.md, "Master data
// at the till"). The server stores a body per (kind, key) and the till parses it here before anything is written, so
// an entry the till cannot use stops the whole pull with the field and the rule (English and Arabic), changing
// nothing. Unknown fields are dropped, not refused: a newer server may send more than this till uses.
import { z } from 'zod';
import { productUnit } from './catalogApi';
import { barcode, paperWidth, price, rule, text, vatCategory, vatRate } from './schemas';
import { QUICK_KEY_COLOURS } from './tillTypes';

/** A product, keyed by the shop's product code; its barcodes are what the till scans. */
export const pulledProduct = z.object({
  name: text(200),
  nameAr: text(200).optional(),
  barcodes: z.array(barcode).max(20, rule('input.too-many')).default([]),
  price,
  priceIncludesVat: z.boolean(rule('input.boolean')).default(true),
  vatCategory: vatCategory.default('S'),
  vatRate: vatRate.default('15'),
  exemptionCode: z
    .string(rule('input.exemption-code'))
    .regex(/^VATEX-SA-[A-Z0-9-]{2,12}$/, rule('input.exemption-code'))
    .optional(),
  active: z.boolean(rule('input.boolean')).default(true),
  unit: productUnit.default('piece'),
});
export type PulledProduct = z.infer<typeof pulledProduct>;

/** A quick key names its product by the product's key; the grid is ordered by the quick keys' own keys. */
export const pulledQuickKey = z.object({
  product: z.string(rule('input.text')).min(1, rule('input.empty')).max(80, rule('input.too-long')),
  category: z.string(rule('input.text')).trim().max(30, rule('input.too-long')).default(''),
  colour: z.enum(QUICK_KEY_COLOURS, rule('input.quick-key-colour')).default('green'),
});

const base64 = z.string(rule('store.base64')).regex(/^[A-Za-z0-9+/]{8,200}={0,2}$/, rule('store.base64'));
const scryptParams = z
  .string(rule('input.text'))
  .max(200, rule('input.too-long'))
  .refine((v) => {
    try {
      const p = JSON.parse(v) as Record<string, unknown>;
      const within = (x: unknown, min: number, max: number) => Number.isInteger(x) && (x as number) >= min && (x as number) <= max;
      return within(p.N, 2, 2 ** 20) && within(p.r, 1, 32) && within(p.p, 1, 16) && within(p.keylen, 16, 64);
    } catch {
      return false;
    }
  }, rule('input.invalid'));

/** A user with the PIN's salted scrypt hash and its parameters (main/users/pinHash.ts): never a PIN. */
export const pulledUser = z.object({
  name: text(60),
  role: z.enum(['cashier', 'manager'], rule('input.role')),
  active: z.boolean(rule('input.boolean')),
  pinSalt: base64,
  pinHash: base64,
  pinParams: scryptParams,
});

/** Setting "receiptFooter": printed under the QR of every receipt. */
export const pulledFooter = z.object({ text: z.string(rule('input.text')).trim().max(300, rule('input.too-long')) });

/**
 * Setting "printer" (every till) or "printer:<terminal id>" (one till, preferred): the paper width, and an address
 * only where the server gives one — a till keeps its own printer's address otherwise.
 */
export const pulledPrinter = z.object({
  paperWidth,
  address: z.string(rule('input.text')).trim().min(1, rule('input.empty')).max(200, rule('input.too-long')).nullable().optional(),
});

/** The setting keys a till applies; any other is kept and ignored (a newer server's setting). */
export const PULLED_SETTINGS = { footer: 'receiptFooter', printer: 'printer' } as const;
