// SPDX-License-Identifier: UNLICENSED
// The touch till's own methods (main/till), defined as api.ts defines every method and spread into its API map:
// held (parked) sales and the quick-key grid.
import { z } from 'zod';
import type { Access, MethodDefinition } from './api';
import { barcode, documentNumber, empty, id, money, price, quantity, rule, text, voucherCode } from './schemas';
import { QUICK_KEY_COLOURS, type HeldSale, type QuickKeyView } from './tillTypes';
import type { Approval, VoucherBalance } from './types';

const def =
  <O>() =>
  <I extends z.ZodType>(access: Access, input: I): MethodDefinition<I, O> => ({ access, input });

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FOOTER_TEXT = /^[^\u0000-\u0009\u000B-\u001F\u007F]*$/;

// a scanned price label (docs/catalog.md) is held as its barcode: main reads its price again on recall's quote
const heldLine = z.object({ productId: id, quantity, unitPrice: price.optional(), discount: money.optional(), labelBarcode: barcode.optional() }).strict();

const quickKey = z.object({ productId: id, category: text(30), colour: z.enum(QUICK_KEY_COLOURS, rule('input.quick-key-colour')) }).strict();

export const TILL_API = {
  'held.list': def<HeldSale[]>()('cashier', empty),
  'held.hold': def<HeldSale>()(
    'cashier',
    z.object({ label: text(40), lines: z.array(heldLine).min(1, rule('input.no-items')).max(500, rule('input.too-many')) }).strict(),
  ),
  'held.recall': def<HeldSale>()('cashier', z.object({ id }).strict()),
  /** One tap: the manager signed in at this till approves, without typing the PIN they signed in with. */
  'approval.self': def<Approval>()(
    'manager',
    z.object({ purpose: z.enum(['price-override', 'discount', 'return', 'debit-note', 'drawer-open'], rule('input.invalid')) }).strict(),
  ),
  'receiptFooter.get': def<string>()('manager', empty),
  'receiptFooter.save': def<string>()(
    'manager',
    z
      .object({
        // printed as typed, on several lines: newlines are the only control characters allowed
        footer: z.string(rule('input.text')).max(300, rule('input.too-long')).regex(FOOTER_TEXT, rule('input.control-characters')),
      })
      .strict(),
  ),
  /** The till shows its cart on the customer display; main adds the receipt's QR after the sale. */
  'display.show': def<null>()(
    'cashier',
    z
      .object({
        lines: z.array(z.object({ name: text(200), quantity, lineTotal: money }).strict()).max(500, rule('input.too-many')),
        total: money,
        paid: money,
        change: money,
        number: documentNumber.nullable(),
      })
      .strict(),
  ),
  /** A store-credit voucher's balance, and how much of it a sale with `due` still to pay can use (docs/cash-control.md). */
  'storeCredit.balance': def<VoucherBalance>()('cashier', z.object({ code: voucherCode, due: money.optional() }).strict()),
  'quickKeys.get': def<QuickKeyView[]>()('cashier', empty),
  'quickKeys.save': def<QuickKeyView[]>()('manager', z.object({ keys: z.array(quickKey).max(60, rule('input.too-many')) }).strict()),
} as const;
