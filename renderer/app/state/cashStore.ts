// SPDX-License-Identifier: UNLICENSED
// The manager's cash tab (screens/manager/cashTab.tsx): the till's shift (open with a float, paid-in/paid-out, the
// blind close), the drawer, the X report on paper, the closed shifts with over/short and notes, the Z reports to
// reprint, and the audit trail filtered by cashier, day and kind. Figures come from main (main/shifts), never
// computed here; the close form asks for the count before any expected figure is on screen.
import { batch, signal } from '@preact/signals';
import type { MethodInput } from '../../../app/contract/api';
import type { AuditEvent, ShiftView, ZReportEntry } from '../../../app/contract/shiftTypes';
import type { DailyReport, PrintOutcome, Product } from '../../../app/contract/types';
import type { AppServices } from './services';

/** The kinds the trail can be filtered by (the contract's list). */
export type FilterKind = NonNullable<MethodInput<'audit.list'>['kind']>;

export class CashStore {
  readonly shift = signal<ShiftView | null>(null);
  readonly shifts = signal<readonly ShiftView[]>([]);
  readonly zReports = signal<readonly ZReportEntry[]>([]);
  readonly trail = signal<readonly AuditEvent[]>([]);
  readonly report = signal<DailyReport | null>(null);
  readonly printed = signal<PrintOutcome | null>(null);
  readonly float = signal('');
  readonly moveKind = signal<'paid-in' | 'paid-out'>('paid-out');
  readonly moveAmount = signal('');
  readonly moveReason = signal('');
  readonly counted = signal('');
  readonly lockSeconds = signal('');
  /** A return without this till's receipt: one product, by the receipt's number and date or its QR. */
  readonly products = signal<readonly Product[]>([]);
  readonly returnProduct = signal('');
  readonly returnQuantity = signal('1');
  readonly returnNumber = signal('');
  readonly returnDate = signal('');
  readonly returnQr = signal('');
  readonly returnReason = signal('');
  readonly returnMethod = signal<'cash' | 'card'>('cash');
  readonly returned = signal('');
  readonly filterDay = signal('');
  readonly filterUser = signal('');
  readonly filterKind = signal<FilterKind | ''>('');

  constructor(private readonly app: AppServices) {}

  async load(): Promise<void> {
    const api = this.app.api;
    const r = await this.app.attempt(() => Promise.all([api['shift.current']({}), api['shift.list']({}), api['reports.zList']({})]));
    if (!r) return;
    batch(() => {
      [this.shift.value, this.shifts.value, this.zReports.value] = r;
    });
    await this.loadTrail();
  }

  async loadProducts(): Promise<void> {
    const r = await this.app.attempt(() => this.app.api['catalog.list']({}));
    if (r) this.products.value = r.filter((p) => p.active);
  }

  /**
   * The return: a manager's PIN first (one approval, one return), then the credit note. What is typed goes to main
   * as typed; main checks every field and refuses by name.
   */
  async externalReturn(askPin: () => Promise<string | null>): Promise<void> {
    const pin = await askPin();
    if (!pin) return;
    const approval = await this.app.attempt(() => this.app.api['approval.request']({ pin, purpose: 'return' }));
    if (!approval) return;
    const qr = this.returnQr.peek().trim();
    const number = this.returnNumber.peek().trim();
    const date = this.returnDate.peek();
    const r = await this.app.attempt(() =>
      this.app.api['returns.external']({
        lines: [{ productId: Number(this.returnProduct.peek()), quantity: this.returnQuantity.peek() }],
        ...(qr ? { qr } : {}),
        ...(number ? { number } : {}),
        ...(date ? { issueDate: date } : {}),
        reason: this.returnReason.peek(),
        refundMethod: this.returnMethod.peek(),
        approvalId: approval.approvalId,
        requestId: crypto.randomUUID(),
      }),
    );
    if (!r) return;
    batch(() => {
      this.returned.value = r.document.number;
      this.returnQr.value = '';
      this.returnNumber.value = '';
      this.returnReason.value = '';
    });
    await this.load();
  }

  async loadLock(): Promise<void> {
    const r = await this.app.attempt(() => this.app.api['lock.settings']({}));
    if (r) this.lockSeconds.value = String(r.seconds);
  }

  /** The idle lock's time, as typed: main refuses anything but a whole 0 or 10–7200, naming the field. */
  async saveLock(): Promise<void> {
    const typed = this.lockSeconds.peek().trim();
    const seconds = /^\d+$/.test(typed) ? Number(typed) : Number.NaN;
    const r = await this.app.attempt(() => this.app.api['lock.save']({ seconds }));
    if (r) this.lockSeconds.value = String(r.seconds);
  }

  async loadTrail(): Promise<void> {
    const day = this.filterDay.peek();
    const user = this.filterUser.peek().trim();
    const kind = this.filterKind.peek();
    const r = await this.app.attempt(() => this.app.api['audit.list']({ ...(day ? { day } : {}), ...(user ? { user } : {}), ...(kind ? { kind } : {}) }));
    if (r) this.trail.value = r;
  }

  async open(): Promise<void> {
    const r = await this.app.attempt(() => this.app.api['shift.open']({ openingFloat: this.float.peek() }));
    if (r) await this.done(() => (this.float.value = ''));
  }

  async move(): Promise<void> {
    const r = await this.app.attempt(() =>
      this.app.api['shift.move']({ kind: this.moveKind.peek(), amount: this.moveAmount.peek(), reason: this.moveReason.peek() }),
    );
    if (r)
      await this.done(() => {
        this.moveAmount.value = '';
        this.moveReason.value = '';
      });
  }

  /** The blind close: the count goes to main as typed; main answers with the figures only afterwards. */
  async close(): Promise<void> {
    const r = await this.app.attempt(() => this.app.api['shift.close']({ total: this.counted.peek() }));
    if (r) await this.done(() => (this.counted.value = ''));
  }

  async annotate(id: number, note: string): Promise<void> {
    if (await this.app.attempt(() => this.app.api['shift.annotate']({ id, note }))) await this.load();
  }

  async openDrawer(reason: string): Promise<void> {
    if (await this.app.attempt(() => this.app.api['drawer.open']({ reason }))) await this.loadTrail();
  }

  async printX(): Promise<void> {
    const r = await this.app.attempt(() => this.app.api['reports.print']({ kind: 'X' }));
    if (r) this.shown(r);
  }

  async reprintZ(number: number): Promise<void> {
    const r = await this.app.attempt(() => this.app.api['reports.print']({ kind: 'Z', number }));
    if (r) this.shown(r);
  }

  /** The Z report: closes the day (main refuses it while a shift is open), then prints it. */
  async closeDay(question: string): Promise<void> {
    if (!(await this.app.confirm(question))) return;
    const z = await this.app.attempt(() => this.app.api['reports.daily']({ kind: 'Z' }));
    if (!z) return;
    await this.reprintZ(z.number!);
    await this.load();
  }

  private shown(r: { readonly report: DailyReport; readonly print: PrintOutcome }): void {
    batch(() => {
      this.report.value = r.report;
      this.printed.value = r.print;
    });
  }

  private async done(clear: () => void): Promise<void> {
    clear();
    await this.load();
  }
}
