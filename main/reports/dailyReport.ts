// SPDX-License-Identifier: UNLICENSED
// X and Z reports. Both cover the documents issued since the last Z report; a Z report also closes that period
// (numbered, immutable). Amounts are recomputed from each stored, signed sale with the engine's computeTotals, so
// the report adds up exactly the amounts in the XML: per VAT category and rate, per payment method, and in total
// (credit notes subtract). A rejected document that was re-issued counts once, as its correction. A standard (B2B)
// invoice ZATCA did not clear is counted apart, with its amount; one replaced by a simplified invoice is that sale.
import type { CardNetwork, DailyReport, PaymentMethod, PaymentView, VatCategoryCode } from '../../app/contract/types';
import type { DocumentInput } from '../../app/document/documentInput';
import { Decimal } from '../../app/money/decimal';
import { computeTotals } from '../../app/totals/computeTotals';
import type { ReportRow } from '../sale/documentStore';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import type { CashControlReport } from '../shifts/cashControlReport';
import type { ZReportEntry } from '../../app/contract/shiftTypes';
import { DukkanError } from '../../app/errors/index';
import { zReportStatements } from './zReportStore';

export interface ReportSource {
  /** Documents with an id greater than `id`, in id order (a withdrawn standard invoice left out). */
  reportRowsAfter(id: number): ReportRow[];
  documentById(id: number): DocumentInput;
  /** The payments of every document after `id`, by document id. */
  paymentsAfter(id: number): ReadonlyMap<number, readonly PaymentView[]>;
  /** Standard documents after `id` that ZATCA did not clear (main/clearance): counted apart, not as sales. */
  notClearedAfter?(id: number): readonly number[];
}

/** What one document adds to a report, from its stored input: fixed once it is signed, so computed once. */
interface DocumentTotals {
  readonly payable: Decimal;
  readonly vat: Decimal;
  readonly categories: readonly {
    readonly key: string;
    readonly category: VatCategoryCode;
    readonly rate: Decimal;
    readonly taxable: Decimal;
    readonly vat: Decimal;
  }[];
}

/** How long after an issue its totals are computed: a burst of sales is warmed in one go, after the burst. */
const WARM_AFTER_ISSUE_MS = 200;

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
   * The totals of the open period's documents, by id, kept between reports: a signed document never changes, and
   * recomputing every one at each X report made the report grow with the day (1.8 s at 1,000 sales; BENCHMARKS.md,
   * "A long day"). Each report keeps only the ids it counted, so a Z drops the closed period's.
   */
  private totalsById = new Map<number, DocumentTotals>();
  /** The last document id warm() has looked at. */
  private warmedTo = 0;
  private warming: Promise<number> | null = null;
  private soon: NodeJS.Timeout | null = null;
  private closed = false;

  /**
   * Computes the open period's document totals ahead of the first report, a few documents at a time with the event
   * loop free between them (run once the till is usable): otherwise the first X report after a start computes a
   * whole day's documents in one go (BENCHMARKS.md, "Reports"). Returns how many it computed.
   */
  async warm(slice = 16): Promise<number> {
    if (this.warming) return this.warming;
    this.warming = this.warmFrom(slice).finally(() => (this.warming = null));
    return this.warming;
  }

  /**
   * A document was issued: its totals are computed shortly after, with the event loop free, so an X report during a
   * busy day computes only the last few documents instead of every one since the last report (which stalled the
   * main thread over 50 ms every 500 sales; BENCHMARKS.md, "A long day").
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
    // only what was issued since the last warm-up or Z: the period's earlier documents are known already
    const rows = this.source.reportRowsAfter(Math.max(this.q.lastZ.get()?.to_document_id ?? 0, this.warmedTo));
    let computed = 0;
    for (let at = 0; at < rows.length && !this.closed; at += slice) {
      for (const row of rows.slice(at, at + slice)) {
        if (!this.totalsById.has(row.id)) {
          this.totalsById.set(row.id, this.documentTotals(row.id));
          computed++;
        }
        this.warmedTo = Math.max(this.warmedTo, row.id);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    return computed;
  }

  /** X: what the open period holds so far. */
  x(): DailyReport {
    return this.build('X', null).report;
  }

  /** Z: the same, then the period is closed (in one transaction: two managers pressing Z close it once). */
  z(closedBy: number | null): DailyReport {
    return this.db
      .transaction((): DailyReport => {
        const last = this.q.lastZ.get();
        // refused while a shift is open (its cash is not counted yet) and when nothing happened since the last Z
        this.options.cashControl?.checkZ(last?.number ?? null, this.source.reportRowsAfter(last?.to_document_id ?? 0).length);
        const { report, lastId } = this.build('Z', (last?.number ?? 0) + 1);
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

  private build(kind: 'X' | 'Z', number: number | null): { report: DailyReport; lastId: number } {
    const last = this.q.lastZ.get();
    const rows = this.source.reportRowsAfter(last?.to_document_id ?? 0);
    const paymentsOf = this.source.paymentsAfter(last?.to_document_id ?? 0);
    const totalsById = new Map<number, DocumentTotals>();
    const corrected = new Set(rows.map((r) => r.corrects_document_id).filter((id): id is number => id !== null));
    // a NOT_CLEARED standard invoice is no valid invoice (reference §9 #6): shown on its own line, not as a sale
    const notCleared = new Set(this.source.notClearedAfter?.(last?.to_document_id ?? 0) ?? []);
    const rejected = rows.filter((r) => notCleared.has(r.id) && !corrected.has(r.id));
    const counted = rows.filter((r) => !corrected.has(r.id) && !notCleared.has(r.id));
    const vat = new Map<string, { category: VatCategoryCode; rate: Decimal; taxable: Decimal; vat: Decimal }>();
    const payments = new Map<PaymentMethod | 'unrecorded', Decimal>();
    const networks = new Map<CardNetwork | 'unlabelled', Decimal>();
    const credit = { issued: Decimal.ZERO, redeemed: Decimal.ZERO };
    const sum = { sales: Decimal.ZERO, returns: Decimal.ZERO, debits: Decimal.ZERO, vat: Decimal.ZERO };
    const counts = { invoices: 0, creditNotes: 0, debitNotes: 0 };
    const add = <K>(map: Map<K, Decimal>, key: K, amount: Decimal) => map.set(key, (map.get(key) ?? Decimal.ZERO).add(amount));

    for (const row of counted) {
      const sign = row.kind === 'credit-note' ? Decimal.fromInt(-1) : Decimal.fromInt(1);
      const totals = this.totalsById.get(row.id) ?? this.documentTotals(row.id);
      totalsById.set(row.id, totals);
      if (row.kind === 'invoice') {
        counts.invoices++;
        sum.sales = sum.sales.add(totals.payable);
      } else if (row.kind === 'credit-note') {
        counts.creditNotes++;
        sum.returns = sum.returns.add(totals.payable);
      } else {
        counts.debitNotes++;
        sum.debits = sum.debits.add(totals.payable);
      }
      sum.vat = sum.vat.add(totals.vat.mul(sign));
      for (const c of totals.categories) {
        const entry = vat.get(c.key) ?? { category: c.category, rate: c.rate, taxable: Decimal.ZERO, vat: Decimal.ZERO };
        vat.set(c.key, { ...entry, taxable: entry.taxable.add(c.taxable.mul(sign)), vat: entry.vat.add(c.vat.mul(sign)) });
      }
      const paid = paymentsOf.get(row.id) ?? [];
      if (paid.length === 0) add(payments, 'unrecorded', totals.payable.mul(sign));
      for (const p of paid) {
        add(payments, p.method, Decimal.parse(p.amount).mul(sign));
        if (p.method === 'card') add(networks, p.network ?? 'unlabelled', Decimal.parse(p.amount).mul(sign));
        // a return refunded as store credit issues it, a sale paid with it redeems it: shown apart, never as cash
        if (p.method === 'store-credit' && row.kind === 'credit-note') credit.issued = credit.issued.add(Decimal.parse(p.amount));
        if (p.method === 'store-credit' && row.kind !== 'credit-note') credit.redeemed = credit.redeemed.add(Decimal.parse(p.amount));
      }
    }
    this.totalsById = totalsById;
    const fixed = (d: Decimal) => d.toFixed(2);
    const report: DailyReport = {
      kind,
      number,
      from: new Date(last?.closed_at ?? counted[0]?.committed_at ?? this.options.clock().getTime()).toISOString(),
      to: this.options.clock().toISOString(),
      documents: counts,
      vat: [...vat.values()].map((v) => ({ category: v.category, rate: v.rate.toMinimal(), taxable: fixed(v.taxable), vat: fixed(v.vat) })),
      payments: [...payments].map(([method, amount]) => ({ method, amount: fixed(amount) })),
      ...([...networks.keys()].some((n) => n !== 'unlabelled')
        ? { cardNetworks: [...networks].map(([network, amount]) => ({ network, amount: fixed(amount) })) }
        : {}),
      ...(payments.has('store-credit') ? { storeCredit: { issued: fixed(credit.issued), redeemed: fixed(credit.redeemed) } } : {}),
      totals: {
        sales: fixed(sum.sales),
        returns: fixed(sum.returns),
        debits: fixed(sum.debits),
        net: fixed(sum.sales.sub(sum.returns).add(sum.debits)),
        vat: fixed(sum.vat),
      },
      training: this.options.training,
      ...(rejected.length > 0 ? { notCleared: { documents: rejected.length, amount: fixed(Decimal.sum(rejected.map((r) => Decimal.parse(r.payable)))) } } : {}),
      ...(this.options.cashControl
        ? {
            cashControl: this.options.cashControl.of({
              fromId: last?.to_document_id ?? 0,
              toId: rows.at(-1)?.id ?? last?.to_document_id ?? 0,
              fromMs: last?.closed_at ?? 0,
              toMs: this.options.clock().getTime() + 1,
            }),
          }
        : {}),
    };
    return { report, lastId: rows.at(-1)?.id ?? last?.to_document_id ?? 0 };
  }

  private documentTotals(id: number): DocumentTotals {
    const totals = computeTotals(this.source.documentById(id));
    return {
      payable: totals.payable,
      vat: totals.vat,
      categories: totals.categories.map((c) => ({
        key: `${c.vatKey.category}|${c.vatKey.rate.toFixed(2)}`,
        category: c.vatKey.category,
        rate: c.vatKey.rate,
        taxable: c.taxable,
        vat: c.vat,
      })),
    };
  }
}
