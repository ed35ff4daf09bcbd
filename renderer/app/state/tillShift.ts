// SPDX-License-Identifier: UNLICENSED
// The till's own shift and drawer controls (screens/till/shiftDialog.tsx), so a cashier runs the day without the
// manager's cash tab: open a shift with its float, paid-in and paid-out with a reason, "no sale" (the drawer opened,
// approved by a manager's PIN for a cashier) and the blind close. Main checks and records everything (main/shifts,
// docs/cash-control.md); amounts go as typed, and the cashier never sees an expected figure.
import { batch, signal } from '@preact/signals';
import type { ShiftView } from '../../../app/contract/shiftTypes';
import { askManagerApproval } from './approval';
import { MONEY } from './cart';
import type { AppServices } from './services';
import { VOID_REASON } from './voidReason';

export class TillShift {
  /** The dialog is on screen. */
  readonly shown = signal(false);
  /** The till's open shift; null when none, undefined until main has answered. */
  readonly shift = signal<ShiftView | null | undefined>(undefined);
  readonly busy = signal(false);

  constructor(private readonly services: AppServices) {}

  async show(): Promise<void> {
    this.shown.value = true;
    await this.load();
  }

  hide(): void {
    this.shown.value = false;
  }

  async load(): Promise<void> {
    const r = await this.services.attempt(() => this.services.api['shift.current']({}));
    if (r !== undefined) this.shift.value = r;
  }

  /** Open a shift: the float the cashier counted into the drawer. */
  openShift(): Promise<void> {
    return this.run(async ({ t }) => {
      const float = await this.ask(t('floatPrompt'), 'till-float');
      if (float === null) return;
      const r = await this.services.attempt(() => this.services.api['shift.open']({ openingFloat: float }));
      if (r) this.opened(r, t('shiftOpened', { id: r.id }));
    });
  }

  /** Paid-in or paid-out: how much, and why (picked or typed). */
  move(kind: 'paid-in' | 'paid-out'): Promise<void> {
    return this.run(async ({ t }) => {
      const title = kind === 'paid-in' ? t('paidIn') : t('paidOut');
      const amount = await this.ask(title, 'move-amount');
      if (amount === null) return;
      const choices = kind === 'paid-in' ? [t('paidInChange'), t('paidInFloat')] : [t('paidOutSupplier'), t('paidOutSupplies')];
      const reason = await this.reason(title, choices, 'move-reason');
      if (reason === null) return;
      const r = await this.services.attempt(() => this.services.api['shift.move']({ kind, amount, reason }));
      if (r) this.opened(r, t('moveRecorded', { k: title, a: amount }));
    });
  }

  /** "No sale": the drawer opens, with a reason; a cashier needs a manager's approval for this one opening. */
  noSale(): Promise<void> {
    return this.run(async ({ t }) => {
      const reason = await this.reason(t('noSale'), [t('drawerChange'), t('drawerCheckNote'), t('drawerMistake')], 'drawer-reason');
      if (reason === null) return;
      let approvalId: string | undefined;
      if (this.services.session.peek().user?.role !== 'manager') {
        const granted = await askManagerApproval(this.services, 'drawer-open');
        if (!granted) return;
        approvalId = granted.approvalId;
      }
      const r = await this.services.attempt(() => this.services.api['drawer.open']({ reason, ...(approvalId ? { approvalId } : {}) }));
      if (r) this.services.toast(t('drawerOpened'), 'ok');
    });
  }

  /** The blind close: the count as a total, before any figure is shown; main answers with what was counted only. */
  closeShift(): Promise<void> {
    return this.run(async ({ t }) => {
      const total = await this.ask(t('closeCountPrompt'), 'close-count');
      if (total === null) return;
      const r = await this.services.attempt(() => this.services.api['shift.close']({ total }));
      if (!r) return;
      batch(() => {
        this.shift.value = null;
        this.shown.value = false;
      });
      this.services.toast(t('shiftClosedCount', { id: r.id, c: r.counted ?? total }), 'ok');
    });
  }

  private opened(shift: ShiftView, message: string): void {
    this.shift.value = shift;
    this.services.toast(message, 'ok');
  }

  /** One action at a time: a second tap while a prompt is open or main is answering does nothing. */
  private async run(work: (tr: AppServices['tr']) => Promise<void>): Promise<void> {
    if (this.busy.peek()) return;
    this.busy.value = true;
    try {
      await work(this.services.tr);
    } finally {
      this.busy.value = false;
    }
  }

  private ask(title: string, test: string): Promise<string | null> {
    const { t } = this.services.tr;
    return this.services.prompt({ title, label: t('moveAmountPrompt'), inputMode: 'decimal', pattern: MONEY, test });
  }

  private async reason(title: string, choices: readonly string[], test: string): Promise<string | null> {
    const r = await this.services.prompt({ title, label: this.services.tr.t('moveReasonPrompt'), pattern: VOID_REASON, choices, test });
    return r === null ? null : r.trim();
  }
}
