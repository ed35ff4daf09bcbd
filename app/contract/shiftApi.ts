// SPDX-License-Identifier: UNLICENSED
// The cash-control and audit-trail part of the cashier API (spread into API in api.ts): shifts, the drawer, the
// audit trail, the Z report list and the printed X/Z. Same rules as api.ts: strict schemas, every amount a decimal
// string (a negative float or a count with letters is refused by its schema, naming the field), roles per method.
import { z } from 'zod';
import type { MethodDefinition } from './api';
import { id, isoDate, money, pin, quantity, refundMethod, rule, text, uuid } from './schemas';
import type { AuditEvent, ShiftView, ZReportEntry } from './shiftTypes';
import type { DailyReport, IssueResult, PrintOutcome } from './types';

const def =
  <O>() =>
  <I extends z.ZodType>(access: MethodDefinition<I, O>['access'], input: I): MethodDefinition<I, O> => ({ access, input });

const denomination = z
  .object({
    value: money,
    count: z.number(rule('input.number')).int(rule('input.whole-number')).min(0, rule('input.at-least')).max(100_000, rule('input.too-large')),
  })
  .strict();

const AUDIT_KINDS = [
  'sign-in',
  'approval-session',
  'void',
  'price-override',
  'discount',
  'refund',
  'drawer-open',
  'paid-in',
  'paid-out',
  'shift-open',
  'shift-close',
  'shift-note',
  'z-report',
  'backup',
  'restore',
  'discount-limit',
] as const;

/** 0 to 100 percent, up to 2 decimals (main/app/terminalSettings.ts checks the stored value the same way). */
export const DISCOUNT_PERCENT = /^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/;

export const SHIFT_API = {
  'shift.current': def<ShiftView | null>()('cashier', z.object({}).strict()),
  'shift.open': def<ShiftView>()('cashier', z.object({ openingFloat: money }).strict()),
  'shift.move': def<ShiftView>()('cashier', z.object({ kind: z.enum(['paid-in', 'paid-out'], rule('input.text')), amount: money, reason: text(200) }).strict()),
  'shift.close': def<ShiftView>()(
    'cashier',
    z.object({ total: money.optional(), denominations: z.array(denomination).max(30, rule('input.too-many')).optional() }).strict(),
  ),
  'shift.annotate': def<ShiftView>()('manager', z.object({ id, note: text(500) }).strict()),
  'shift.list': def<ShiftView[]>()('manager', z.object({}).strict()),
  'drawer.open': def<{ readonly opened: true }>()('cashier', z.object({ reason: text(200), approvalId: uuid.optional() }).strict()),
  'audit.list': def<AuditEvent[]>()(
    'manager',
    z.object({ day: isoDate.optional(), user: text(60).optional(), kind: z.enum(AUDIT_KINDS, rule('input.text')).optional() }).strict(),
  ),
  /** A line removed from the cart after it was added: what it was, and why (required: a void without a reason is refused). */
  'audit.void': def<{ readonly recorded: true }>()('cashier', z.object({ item: text(200), before: text(200), reason: text(200) }).strict()),
  'reports.zList': def<ZReportEntry[]>()('manager', z.object({}).strict()),
  /** The idle lock: after how many seconds without activity the till locks (0: never). */
  'lock.settings': def<{ readonly seconds: number }>()('cashier', z.object({}).strict()),
  'lock.save': def<{ readonly seconds: number }>()(
    'manager',
    z
      .object({
        seconds: z
          .number(rule('input.number'))
          .int(rule('input.whole-number'))
          .min(0, rule('input.at-least'))
          .max(7200, rule('input.too-large'))
          .refine((s) => s === 0 || s >= 10, rule('input.idle-lock')),
      })
      .strict(),
  ),
  /** Unlocks a till locked while idle: the signed-in user's own PIN, counted as at sign-in. */
  'lock.unlock': def<{ readonly unlocked: true }>()('cashier', z.object({ pin }).strict()),
  /** A return without this till's receipt: by the receipt's number and date, or its QR (docs/cash-control.md). */
  'returns.external': def<IssueResult>()(
    'cashier',
    z
      .object({
        lines: z
          .array(z.object({ productId: id, quantity }).strict())
          .min(1, rule('input.no-lines'))
          .max(100, rule('input.too-many')),
        number: z
          .string(rule('input.text'))
          .trim()
          .regex(/^\S{1,127}$/, rule('input.document-number'))
          .optional(),
        issueDate: isoDate.optional(),
        qr: z.string(rule('input.text')).trim().min(1, rule('input.empty')).max(2000, rule('input.too-long')).optional(),
        reason: text(200),
        refundMethod,
        approvalId: uuid,
        requestId: uuid,
      })
      .strict(),
  ),
  /** How many returns without this till's receipt a day allows. */
  'returns.limit': def<{ readonly perDay: number }>()(
    'manager',
    z
      .object({ perDay: z.number(rule('input.number')).int(rule('input.whole-number')).min(0, rule('input.at-least')).max(1000, rule('input.too-large')) })
      .strict(),
  ),
  /** The percent of a line a cashier may discount without a manager's approval ('0': every discount needs one). */
  'discount.limit': def<{ readonly percent: string }>()('cashier', z.object({}).strict()),
  /** Sets that percent; the change is in the trail (before, after, who). */
  'discount.limitSave': def<{ readonly percent: string }>()(
    'manager',
    z.object({ percent: z.string(rule('input.text')).trim().regex(DISCOUNT_PERCENT, rule('input.discount-percent')) }).strict(),
  ),
  /** Print an X report of the open period, or reprint a closed Z by number. */
  'reports.print': def<{ readonly report: DailyReport; readonly print: PrintOutcome }>()(
    'manager',
    z.union([z.object({ kind: z.literal('X') }).strict(), z.object({ kind: z.literal('Z'), number: id }).strict()], rule('input.text')),
  ),
} as const;
