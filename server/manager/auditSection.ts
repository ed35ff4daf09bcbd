// SPDX-License-Identifier: UNLICENSED
// The audit trail of every till on the manager page (docs/store-server.md, "Manager page"): voids, price overrides,
// discounts, refunds, drawer opens, shifts and sign-ins, as each till recorded them (main/audit) and pushed them, for
// the page's day and branch. Everything a till sent is escaped (html.ts).
import type { Storage } from '../db/storage';
import { auditTrailStore } from '../stores/auditTrailStore';
import { esc, table } from './html';
import type { PageKey } from './managerStrings';

/** Rows shown at most; the JSON API (/manager/api/audit) answers the same day whole up to AUDIT_API_LIMIT. */
export const AUDIT_PAGE_LIMIT = 200;
export const AUDIT_API_LIMIT = 5000;

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
/** The time of day in Riyadh (UTC+3), as the tills print it. */
const riyadhTime = (at: Date) => new Date(at.getTime() + 3 * 3600_000).toISOString().slice(11, 19);

export async function renderAuditSection(
  storage: Storage,
  query: { readonly date: string; readonly branch?: string },
  t: (k: PageKey) => string,
): Promise<string> {
  const rows = await auditTrailStore.ofDay(storage, query, AUDIT_PAGE_LIMIT + 1);
  const shown = rows.slice(0, AUDIT_PAGE_LIMIT).map((r) => {
    const b = r.body;
    const change = b.before !== null && b.before !== undefined ? `${text(b.before)} → ${text(b.after)}` : text(b.after);
    return [
      riyadhTime(r.occurred_at),
      `${r.branch} / ${r.terminal_name}`,
      text(b.kind),
      text(b.user),
      text(b.approvedBy),
      text(b.document),
      change,
      text(b.reason),
    ];
  });
  const more = rows.length > AUDIT_PAGE_LIMIT ? `<p class="more">${esc(t('auditMore'))}</p>` : '';
  return `${table([t('time'), t('till'), t('event'), t('user'), t('approvedBy'), t('document'), t('change'), t('reason')], shown, t('nothing'))}${more}`;
}
