// SPDX-License-Identifier: UNLICENSED
// The consolidated X/Z of one day (docs/store-server.md): every dimension the manager reads, from the documents the
// tills pushed. An "X" while the day is open, a "Z" once it is over — the same figures, read at different times.
import { z } from 'zod';
import { rule } from '../app/contract/schemas';
import type { Storage } from './db/storage';
import { parsePayload } from './http/payload';
import { dayReportStore, type DayDimension, type DayRow } from './stores/dayReportStore';

export const DAY_DIMENSIONS: readonly DayDimension[] = ['branch', 'till', 'cashier', 'payment', 'vat'];

/** The day and, optionally, the branch a manager asks for (the day report and the audit trail). */
export const dayQuery = z
  .object({
    date: z.iso.date(rule('input.date')),
    branch: z.string(rule('input.text')).trim().min(1, rule('input.empty')).max(60, rule('input.too-long')).optional(),
  })
  .strict();

export type DayReport = { readonly date: string; readonly branch: string | null } & Record<DayDimension, readonly DayRow[]>;

export async function dayReport(storage: Storage, query: Record<string, string>): Promise<DayReport> {
  const { date, branch } = parsePayload(dayQuery, query);
  const parts = await Promise.all(DAY_DIMENSIONS.map((d) => dayReportStore.rows(storage, d, date, branch ?? null)));
  return Object.assign({ date, branch: branch ?? null }, ...DAY_DIMENSIONS.map((d, i) => ({ [d]: parts[i] }))) as DayReport;
}
