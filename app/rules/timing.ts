// SPDX-License-Identifier: UNLICENSED
// Dates, times and the validator's clock (reference §7.2, §11): BR-KSA-F-01, BR-KSA-70, BR-KSA-04, BR-KSA-98,
// and the supply-date rules BR-KSA-15/35/36/72. "Now" is an input, never read from a global clock: the verifier
// passes the moment it checks at, so the same document can be judged "as Fatoora would have seen it".
import type { Finding } from '../findings/finding';
import { RIYADH_OFFSET_MS, riyadhDate } from '../time/riyadhTime';
import { error, q, warning, type RuleContext } from './ruleContext';
import { elements, exists, first, hasText, text } from './xmlQuery';

// ZATCA's validator runs on KSA time (reference §11): its "today" and a local IssueTime are Riyadh's (app/time).
const DAY_MS = 24 * 60 * 60 * 1000;

// BR-KSA-F-01's pattern (SCH-3.4.6), with the 10-character length test it is paired with.
const F01_DATE =
  /^[2-9][0-9](?:[0-9]{2}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[02468][048]|[13579][26])-02-29)$/;
// BR-KSA-04 only compares dates that match this (older, 1800-2099) pattern.
const KSA04_DATE =
  /^(?:(?:18|19|20)[0-9]{2}-(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:18|19|20)[0-9]{2}-(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|(?:18|19|20)[0-9]{2}-02-(?:0[1-9]|1[0-9]|2[0-8])|(?:(?:18|19|20)(?:04|08|[2468][048]|[13579][26])|2000)-02-29)$/;
// BR-KSA-70: local KSA time hh:mm:ss or UTC hh:mm:ssZ, nothing else (no fractions, no offsets).
const KSA70_TIME = /^(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z?$/;

/** BR-KSA-F-01 (error) on every date the rule lists, BR-KSA-70 (error) on cbc:IssueTime. */
export function checkDateFormats(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const dates = elements(
    ctx.root,
    '//cbc:IssueDate | //cbc:DueDate | //cac:Delivery/cbc:ActualDeliveryDate | //cac:Delivery/cbc:LatestDeliveryDate | //cbc:TaxPointDate',
  );
  for (const el of dates) {
    if (!F01_DATE.test(el.content)) {
      out.push(error('BR-KSA-F-01', `cbc:${el.name} is ${q(el.content)}; dates must be written YYYY-MM-DD (ISO 8601 calendar date).`, el));
    }
  }
  const time = text(ctx.root, 'cbc:IssueTime');
  if (time === undefined || !KSA70_TIME.test(time)) {
    out.push(
      error(
        'BR-KSA-70',
        `cbc:IssueTime (KSA-25) is ${q(time)}; it must be hh:mm:ss (KSA local time) or hh:mm:ssZ (UTC), without fractions or offsets.`,
        first(ctx.root, 'cbc:IssueTime') ?? ctx.root,
      ),
    );
  }
  return out;
}

/** BR-KSA-04 (error): no issue date after the validator's current date, which is the date in Riyadh. */
export function checkIssueDateNotFuture(ctx: RuleContext): Finding[] {
  const today = riyadhDate(ctx.now);
  // The rule's context is every cbc:IssueDate (billing references included).
  return elements(ctx.root, '//cbc:IssueDate')
    .filter((el) => KSA04_DATE.test(el.content) && el.content > today)
    .map((el) =>
      error(
        'BR-KSA-04',
        `cbc:IssueDate ${el.content} is after today's date in Riyadh (${today}); a document cannot be issued in the future.`,
        el,
        'Check the terminal clock and time zone: IssueDate must be the KSA (UTC+3) date.',
      ),
    );
}

/**
 * BR-KSA-98 (warning, simplified only): reported more than 24 hours after IssueDate + IssueTime. A time without
 * "Z" is KSA local time (XML-1.2 §7.3).
 */
export function checkReportingDelay(ctx: RuleContext): Finding[] {
  if (!ctx.isSimplified) return [];
  const date = text(ctx.root, 'cbc:IssueDate');
  const time = text(ctx.root, 'cbc:IssueTime');
  const issued = parseIssueMoment(date, time);
  if (issued === undefined) return [];
  const ageMs = ctx.now.getTime() - issued;
  if (ageMs <= DAY_MS) return [];
  const hours = Math.floor(ageMs / 3_600_000);
  return [
    warning(
      'BR-KSA-98',
      `The simplified document was issued ${date}T${time} and is checked ${hours} hours later; simplified documents must be reported within 24 hours.`,
      first(ctx.root, 'cbc:IssueDate'),
      'Report documents as soon as the network is back; if 24 hours pass, ZATCA expects a failure notification.',
    ),
  ];
}

/** xs:dateTime(concat(IssueDate, 'T', IssueTime)) in epoch ms; undefined where that cast would fail. */
function parseIssueMoment(date: string | undefined, time: string | undefined): number | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  const t = /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.exec(time ?? '');
  if (!d || !t) return undefined;
  const ms = t[4] ? Math.round(Number(`0${t[4]}`) * 1000) : 0;
  const local = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), Number(t[3]), ms);
  if (Number.isNaN(local)) return undefined;
  const zone = t[5];
  if (zone === undefined) return local - RIYADH_OFFSET_MS;
  if (zone === 'Z') return local;
  const sign = zone.startsWith('-') ? -1 : 1;
  return local - sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
}

/**
 * Supply dates: BR-KSA-15 (warning, standard 388), BR-KSA-35/36 (warnings), BR-KSA-72 (error, simplified
 * summary invoices, KSA-2 position 6). SCH-3.4.6 happens to evaluate BR-KSA-72 only inside its buyer-country-SA
 * template; we apply the rule as written (reference §7.3).
 */
export function checkSupplyDates(ctx: RuleContext): Finding[] {
  const { root } = ctx;
  const out: Finding[] = [];
  if (ctx.transaction.startsWith('01') && text(root, 'cbc:InvoiceTypeCode') === '388' && !hasText(root, '//cac:Delivery/cbc:ActualDeliveryDate')) {
    out.push(warning('BR-KSA-15', 'A tax invoice (388, subtype 01) must state the supply date cac:Delivery/cbc:ActualDeliveryDate (KSA-5).', root));
  }
  for (const latest of elements(root, '//cac:Delivery/cbc:LatestDeliveryDate')) {
    const actual = text(latest, '../cbc:ActualDeliveryDate');
    if (!hasText(latest, '../cbc:ActualDeliveryDate')) {
      out.push(warning('BR-KSA-35', 'A supply end date (cbc:LatestDeliveryDate, KSA-24) needs a supply date (cbc:ActualDeliveryDate, KSA-5).', latest));
    } else if (KSA04_DATE.test(actual!) && KSA04_DATE.test(latest.content) && latest.content < actual!) {
      out.push(warning('BR-KSA-36', `The supply end date ${latest.content} is before the supply date ${actual}; it must be the same day or later.`, latest));
    }
  }
  const summary = ctx.isSimplified && ctx.transaction[5] === '1';
  if (summary && !(exists(root, '//cbc:ActualDeliveryDate') && exists(root, '//cbc:LatestDeliveryDate'))) {
    out.push(
      error(
        'BR-KSA-72',
        'A simplified summary invoice (KSA-2 position 6 = 1) must state the supply period: cac:Delivery/cbc:ActualDeliveryDate and cbc:LatestDeliveryDate.',
        first(root, 'cbc:InvoiceTypeCode'),
      ),
    );
  }
  return out;
}
