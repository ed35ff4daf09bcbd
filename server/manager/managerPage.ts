// SPDX-License-Identifier: UNLICENSED
// The manager page (docs/store-server.md, "Manager page"), Arabic or English: the consolidated day by branch, till,
// cashier, payment type and VAT category; the fleet — each till's certificate expiry, reporting queue, oldest
// unreported document against the 24-hour rule (reference §11) and last contact; enrolment codes; a search by
// document number or QR; every till's backups to download (backupDownloads.ts); and the invoices a till returned
// beyond what was sold while cut off from the server (docs/store-server.md, "Returns at another till"); and the
// catalog every till takes (catalogSection.ts). Server-rendered, no script (its CSP allows none).
import type { Storage } from '../db/storage';
import { dayReport, DAY_DIMENSIONS } from '../dayReport';
import { Decimal } from '../../app/money/decimal';
import { documentSearchStore } from '../stores/documentSearchStore';
import { returnReservationStore } from '../stores/returnReservationStore';
import { terminalStore } from '../stores/terminalStore';
import { backupFileHref, managerBackups } from './backupDownloads';
import { renderAuditSection } from './auditSection';
import { renderCatalogSection, type CatalogExtras } from './catalogSection';
import { esc, table } from './html';
import { pageText, type PageKey, type PageLocale } from './managerStrings';

const DAY_TITLES: Record<(typeof DAY_DIMENSIONS)[number], PageKey> = {
  branch: 'byBranch',
  till: 'byTill',
  cashier: 'byCashier',
  payment: 'byPayment',
  vat: 'byVat',
};
const REPORTING_DEADLINE_MS = 24 * 3600_000;

/** Today in Riyadh (UTC+3, no daylight saving), the business day documents carry. */
const riyadhDay = (now: Date) => new Date(now.getTime() + 3 * 3600_000).toISOString().slice(0, 10);

export interface PageExtras {
  /** A code just created, shown once. */
  readonly code?: { readonly code: string; readonly branch: string; readonly terminalName: string };
  /** The TLS certificate's SHA-256 fingerprint the tills pin (null: plain HTTP), shown beside the code. */
  readonly fingerprint?: string | null;
  /** The catalog form as typed with its refusal, or what was just saved. */
  readonly catalog?: CatalogExtras;
}

export async function renderManagerPage(storage: Storage, url: URL, now: Date, extras: PageExtras = {}): Promise<string> {
  const locale: PageLocale = url.searchParams.get('lang') === 'ar' ? 'ar' : 'en';
  const t = pageText(locale);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(url.searchParams.get('date') ?? '') ? url.searchParams.get('date')! : riyadhDay(now);
  const branch = url.searchParams.get('branch')?.trim() || undefined;
  const report = await dayReport(storage, { date, ...(branch ? { branch } : {}) });
  const day = DAY_DIMENSIONS.map((d) => {
    const rows = report[d].map((r) => [r.key, r.documents, r.net, r.vat, r.total]);
    return `<h3>${esc(t(DAY_TITLES[d]))}</h3>${table([t(DAY_TITLES[d]), t('documents'), t('net'), t('vat'), t('total')], rows, t('nothing'))}`;
  }).join('');

  const fleet = (await terminalStore.fleet(storage)).map((f) => {
    const status = (f.status ?? {}) as { certificateExpiresAt?: string; reportingQueue?: number; oldestUnreportedAt?: string };
    const oldest = status.oldestUnreportedAt;
    const overdue = oldest !== undefined && now.getTime() - Date.parse(oldest) > REPORTING_DEADLINE_MS;
    return [
      `${f.branch} / ${f.name}${f.removed_at ? ` (${t('removed')})` : ''}`,
      status.certificateExpiresAt?.slice(0, 10) ?? '',
      status.reportingQueue ?? '',
      oldest ? `${oldest.slice(0, 16).replace('T', ' ')}${overdue ? ` — ${t('overdue')}` : ''}` : '',
      f.last_seen_at ? f.last_seen_at.toISOString().slice(0, 16).replace('T', ' ') : t('never'),
      f.documents,
    ];
  });

  const overReturns = (await returnReservationStore.overReturns(storage)).map((o) => [
    `${o.original_number ?? o.original_uuid}${o.original_till ? ` (${o.original_till})` : ''}`,
    o.original_line,
    Decimal.parse(o.sold).toMinimal(),
    Decimal.parse(o.returned).toMinimal(),
    `${o.note_number} — ${o.branch} / ${o.terminal_name}`,
    o.detected_at.toISOString().slice(0, 16).replace('T', ' '),
  ]);

  const backups = (await managerBackups(storage)).map(
    (b) => `<li>${esc(b.till)} — <a href="${esc(backupFileHref(b))}" download>${esc(b.name)}</a> — ${esc(b.manifest.documents)} ${esc(t('documents'))}</li>`,
  );

  const query = url.searchParams.get('q')?.trim();
  let found = '';
  if (query) {
    const docs = /^[A-Za-z0-9+/]{40,}={0,2}$/.test(query) ? await documentSearchStore.byQr(storage, query) : await documentSearchStore.byNumber(storage, query);
    found = table(
      [t('number'), t('kind'), t('till'), t('date'), t('cashier'), t('total')],
      docs.map((d) => [d.number, d.kind, `${d.branch} / ${d.terminal_name}`, `${d.issue_date} ${d.issue_time}`, d.cashier, d.tax_inclusive]),
      t('notFound'),
    );
  }
  const catalog = await renderCatalogSection(storage, url, locale, t, extras.catalog ?? {});
  const audit = await renderAuditSection(storage, { date, ...(branch ? { branch } : {}) }, t);
  const other = new URL(url.href);
  // after a form's post the address is the form's route: the language link goes back to the page itself
  other.pathname = '/manager';
  other.searchParams.set('lang', locale === 'ar' ? 'en' : 'ar');
  const code = extras.code
    ? `<p class="code">${esc(t('codeFor'))} <strong>${esc(extras.code.code)}</strong> — ${esc(extras.code.branch)} / ${esc(extras.code.terminalName)}</p>`
    : '';
  const pin = extras.fingerprint
    ? `<p class="fingerprint">${esc(t('fingerprint'))} <code data-test="fingerprint">${esc(extras.fingerprint)}</code></p>`
    : `<p class="fingerprint">${esc(t('plainHttp'))}</p>`;
  return `<!doctype html>
<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><title>${esc(t('title'))}</title>
<style>body{font-family:system-ui,"Noto Sans Arabic",sans-serif;margin:1.5rem}table{border-collapse:collapse;margin-bottom:1rem}td,th{border:1px solid #ccc;padding:.25rem .6rem;text-align:start}.code strong{font-size:1.4rem;letter-spacing:.1rem}.fingerprint code{direction:ltr;unicode-bidi:embed;word-break:break-all}.refused{border:2px solid #b00;padding:.25rem .6rem}form label{margin-inline-end:.6rem}</style></head>
<body><h1>${esc(t('title'))}</h1><p><a href="${esc(other.pathname + other.search)}">${esc(t('switchLanguage'))}</a></p>
<h2>${esc(t('day'))}</h2>
<form method="get" action="/manager"><input type="hidden" name="lang" value="${locale}">
<label>${esc(t('date'))} <input type="date" name="date" value="${esc(date)}"></label>
<label>${esc(t('branch'))} <input name="branch" value="${esc(branch ?? '')}" placeholder="${esc(t('allBranches'))}"></label>
<button>${esc(t('show'))}</button></form>${day}
<h2>${esc(t('fleet'))}</h2>${table([t('till'), t('certificate'), t('queue'), t('oldest'), t('lastSeen'), t('documents')], fleet, t('nothing'))}
<h2 data-test="audit">${esc(t('audit'))}</h2>${audit}
<h2 data-test="over-returns">${esc(t('overReturns'))}</h2>${table([t('invoice'), t('line'), t('sold'), t('returnedAll'), t('creditNote'), t('detected')], overReturns, t('nothing'))}
<h2>${esc(t('backups'))}</h2>${backups.length ? `<ul data-test="backups">${backups.join('')}</ul>` : `<p>${esc(t('nothing'))}</p>`}
<h2>${esc(t('enrol'))}</h2>${code}${pin}
<form method="post" action="/manager/codes?lang=${locale}"><label>${esc(t('branch'))} <input name="branch" required maxlength="60"></label>
<label>${esc(t('tillName'))} <input name="terminalName" required maxlength="60"></label><button>${esc(t('createCode'))}</button></form>
<h2>${esc(t('search'))}</h2><form method="get" action="/manager"><input type="hidden" name="lang" value="${locale}">
<label>${esc(t('numberOrQr'))} <input name="q" value="${esc(query ?? '')}"></label><button>${esc(t('find'))}</button></form>${found}
${catalog}
</body></html>`;
}
