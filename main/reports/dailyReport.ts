// SPDX-License-Identifier: UNLICENSED
// X and Z reports. Both cover the documents issued since the last Z report; a Z report also closes that period
// (numbered, immutable). Amounts are recomputed from each stored, signed sale with the engine's computeTotals, so
// the report adds up exactly the amounts in the XML: per VAT category and rate, per payment method, and in total
// (credit notes subtract). A rejected document that was re-issued counts once, as its correction. A standard (B2B)
// invoice ZATCA did not clear is counted apart, with its amount; one replaced by a simplified invoice is that sale.
import type { DailyReport, PaymentView } from '../../app/contract/types';
import type { DocumentInput } from '../../app/document/documentInput';
import { Decimal } from '../../app/money/decimal';
import { computeTotals } from '../../app/totals/computeTotals';
import type { ReportRow } from '../sale/documentStore';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import type { CashControlReport } from '../shifts/cashControlReport';
import type { ZReportEntry } from '../../app/contract/shiftTypes';
import { DukkanError } from '../../app/errors/index';
import { PeriodTotals, type DocumentContribution } from './periodTotals';
import { zReportStatements } from './zReportStore';

export interface ReportSource {
  /** Every document with an id greater than `id`, in id order (withdrawn ones too: exclusionsAfter names them). */
  periodRowsAfter(id: number): ReportRow[];
  reportRow(id: number): ReportRow | undefined;
  /** The first document after `id` not in `skipped`. */
  firstAfter(id: number, skipped: ReadonlySet<number>): ReportRow | undefined;
  documentById(id: number): DocumentInput;
  /** The payments of the documents with afterId < id <= toId, by document id. */
  paymentsBetween(afterId: number, toId: number): ReadonlyMap<number, readonly PaymentView[]>;
  /** The documents after `id` the report does not count as sales (main/sale/documentStore.ts). */
  exclusionsAfter(id: number): { readonly withdrawn: readonly number[]; readonly notCleared: readonly number[]; readonly corrected: readonly number[] };
}

/** How long after an issue its totals are computed: a burst of sales is warmed in one go, after the burst. */
const WARM_AFTER_ISSUE_MS = 200;

/** The open period as added up so far: the documents after the last Z up to `to`, all but `excluded` in `totals`. */
interface OpenPeriod {
  /** The last Z's last document id (0 before the first Z). */
  readonly start: number;
  /** The last document id looked at. */
  to: number;
  /** Documents looked at, counted or not. */
  seen: number;
  /** Ids in (start, to] that are not in `totals` (withdrawn, not cleared, corrected): few. */
  readonly excluded: Set<number>;
  readonly totals: PeriodTotals;
}

export class DailyReports {
  private readonly q;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly source: ReportSource,
    private readonly options: {
      readonly training: boolean;
      readonly clock: () => Date;
      /** Cash control (main/shifts): the shifts, over/short and audit counts of the period, and the Z's refusals. */
      readonly cashControl?: Pick<CashControlReport, 'checkZ' | 'of' | 'closed'>;
    },
  ) {
    this.q = zReportStatements(db);
  }

  /**
   * The running sums of the open period, kept between reports: a signed document and its payments (recorded in its
   * commit) never change, so each is added once. Adding up the whole period at each X report made the report grow
   * with the day, and keeping each document's totals for the next one made the process grow with it (BENCHMARKS.md,
   * "A long day"). A Z starts the next period's sums from nothing.
   */
  private period: OpenPeriod | null = null;
  private warming: Promise<number> | null = null;
  private soon: NodeJS.Timeout | null = null;
  private closed = false;

  /**
   * Adds the open period's documents to its sums ahead of the first report, a few documents at a time with the event
   * loop free between them (run once the till is usable): otherwise the first X report after a start computes a
   * whole day's documents in one go (BENCHMARKS.md, "Reports"). Returns how many documents it took.
   */
  async warm(slice = 16): Promise<number> {
    if (this.warming) return this.warming;
    this.warming = this.warmFrom(slice).finally(() => (this.warming = null));
    return this.warming;
  }

  /**
   * A document was issued: it is added to the sums shortly after, with the event loop free, so an X report during a
   * busy day adds only the last few documents (BENCHMARKS.md, "A long day").
   */
  issued(): void {
    if (this.soon || this.closed) return;
    this.soon = setTimeout(() => {
      this.soon = null;
      this.warm().catch(() => undefined); // closed meanwhile: the next start warms again
    }, WARM_AFTER_ISSUE_MS);
    this.soon.unref();
  }

  /** No more warming: the folder's database is about to close. */
  close(): void {
    this.closed = true;
    if (this.soon) clearTimeout(this.soon);
    this.soon = null;
  }

  private async warmFrom(slice: number): Promise<number> {
    const period = this.openPeriod();
    // only what was issued since the sums were last brought up to date
    const rows = this.source.periodRowsAfter(period.to);
    const excluded = exclusionSet(this.source.exclusionsAfter(period.start));
    let taken = 0;
    for (let at = 0; at < rows.length && !this.closed && this.period === period; at += slice) {
      taken += this.take(period, rows.slice(at, at + slice), excluded);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return taken;
  }

  /** The open period after the last Z, its sums started afresh when a Z closed the one they were for. */
  private openPeriod(last = this.q.lastZ.get()): OpenPeriod {
    const start = last?.to_document_id ?? 0;
    if (this.period?.start !== start) this.period = { start, to: start, seen: 0, excluded: new Set(), totals: new PeriodTotals() };
    return this.period;
  }

  /** Adds the rows after the period's last one to its sums, or to its exclusions. Returns how many it took. */
  private take(period: OpenPeriod, rows: readonly ReportRow[], excluded: ReadonlySet<number>): number {
    const fresh = rows.filter((r) => r.id > period.to);
    if (fresh.length === 0) return 0;
    const paid = this.source.paymentsBetween(fresh[0]!.id - 1, fresh.at(-1)!.id);
    for (const row of fresh) {
      if (excluded.has(row.id)) period.excluded.add(row.id);
      else period.totals.add(this.contribution(row, paid.get(row.id) ?? []));
      period.to = row.id;
      period.seen++;
    }
    return fresh.length;
  }

  /**
   * Brings the sums in line with what is excluded now: a document a correction re-issued, that ZATCA did not clear,
   * or that was withdrawn since it was added is taken out again (and put back should that change).
   */
  private reconcile(period: OpenPeriod, excluded: ReadonlySet<number>): void {
    for (const id of excluded) {
      // every id is after the period's start (exclusionsAfter); one after `to` is not in the sums yet
      if (id > period.to || period.excluded.has(id)) continue;
      period.totals.subtract(this.contributionOf(id));
      period.excluded.add(id);
    }
    for (const id of period.excluded) {
      if (excluded.has(id)) continue;
      period.totals.add(this.contributionOf(id));
      period.excluded.delete(id);
    }
  }

  /** X: what the open period holds so far. */
  x(): DailyReport {
    // one read transaction: the rows, payments and exclusions as of one moment, whatever another connection commits
    return this.db.transaction(() => this.build('X', null).report).deferred();
  }

  /** Z: the same, then the period is closed (in one transaction: two managers pressing Z close it once). */
  z(closedBy: number | null): DailyReport {
    return this.db
      .transaction((): DailyReport => {
        const last = this.q.lastZ.get();
        const { report, lastId, documents } = this.build('Z', (last?.number ?? 0) + 1);
        // refused while a shift is open (its cash is not counted yet) and when nothing happened since the last Z
        this.options.cashControl?.checkZ(last?.number ?? null, documents);
        this.q.insertZ.run(report.number!, lastId, Date.parse(report.to), closedBy, JSON.stringify(report));
        this.options.cashControl?.closed(report.number!);
        return report;
      })
      .immediate();
  }

  /** The closed Z reports, newest first. */
  list(): ZReportEntry[] {
    return this.q.list.all().map((r) => {
      const report = JSON.parse(r.report_json) as DailyReport;
      const d = report.documents;
      return { number: r.number, closedAt: new Date(r.closed_at).toISOString(), net: report.totals.net, documents: d.invoices + d.creditNotes + d.debitNotes };
    });
  }

  /** A closed Z report exactly as it was issued (for a reprint). */
  zReport(number: number): DailyReport {
    const row = this.q.byNumber.get(number);
    if (!row) throw new DukkanError('report.z-not-found', { number }, { field: 'number' });
    return JSON.parse(row.report_json) as DailyReport;
  }

  private build(kind: 'X' | 'Z', number: number | null): { report: DailyReport; lastId: number; documents: number } {
    const last = this.q.lastZ.get();
    const period = this.openPeriod(last);
    const exclusions = this.source.exclusionsAfter(period.start);
    const excluded = exclusionSet(exclusions);
    this.take(period, this.source.periodRowsAfter(period.to), excluded);
    this.reconcile(period, excluded);
    // a NOT_CLEARED standard invoice is no valid invoice (reference §9 #6): shown on its own line, not as a sale
    const corrected = new Set(exclusions.corrected);
    const rejected = exclusions.notCleared.filter((id) => id <= period.to && !corrected.has(id)).map((id) => this.source.reportRow(id)!);
    const withdrawn = exclusions.withdrawn.filter((id) => id <= period.to).length;
    const first = last ? undefined : this.source.firstAfter(period.start, excluded);
    const report: DailyReport = {
      kind,
      number,
      from: new Date(last?.closed_at ?? first?.committed_at ?? this.options.clock().getTime()).toISOString(),
      to: this.options.clock().toISOString(),
      ...period.totals.sums(),
      training: this.options.training,
      ...(rejected.length > 0
        ? { notCleared: { documents: rejected.length, amount: Decimal.sum(rejected.map((r) => Decimal.parse(r.payable))).toFixed(2) } }
        : {}),
      ...(this.options.cashControl
        ? {
            cashControl: this.options.cashControl.of({
              fromId: period.start,
              toId: period.to,
              fromMs: last?.closed_at ?? 0,
              toMs: this.options.clock().getTime() + 1,
            }),
          }
        : {}),
    };
    // a withdrawn invoice is the same sale as the simplified invoice that replaced it, later in the period
    return { report, lastId: period.to, documents: period.seen - withdrawn };
  }

  private contributionOf(id: number): DocumentContribution {
    const row = this.source.reportRow(id)!;
    return this.contribution(row, this.source.paymentsBetween(id - 1, id).get(id) ?? []);
  }

  private contribution(row: ReportRow, payments: readonly PaymentView[]): DocumentContribution {
    const totals = computeTotals(this.source.documentById(row.id));
    return {
      kind: row.kind,
      payable: totals.payable,
      vat: totals.vat,
      categories: totals.categories.map((c) => ({ category: c.vatKey.category, rate: c.vatKey.rate, taxable: c.taxable, vat: c.vat })),
      payments,
    };
  }
}

function exclusionSet(e: ReturnType<ReportSource['exclusionsAfter']>): Set<number> {
  return new Set([...e.withdrawn, ...e.notCleared, ...e.corrected]);
}
