// SPDX-License-Identifier: UNLICENSED
// The payment panel's tenders beyond the cash and card amounts: the card's network label (mada, Visa, … — a label
// on the one card tender) and store credit from a return's voucher (docs/cash-control.md, "Tenders"). The voucher's
// balance and how much of it the sale can take are main's answer (storeCredit.balance): the renderer adds nothing
// up. Main checks the voucher again inside the sale's commit, so what is shown here is never trusted.
import { batch, signal } from '@preact/signals';
import type { CardNetwork, VoucherBalance } from '../../../app/contract/types';
import type { AppServices } from './services';

/** The networks a Saudi card terminal shows, in the order cashiers meet them. */
export const CARD_NETWORKS: readonly CardNetwork[] = ['mada', 'visa', 'mastercard', 'amex', 'other'];

export class Tenders {
  /** The card's network; null: not said (the card total is the same either way). */
  readonly network = signal<CardNetwork | null>(null);
  /** The voucher code as typed or scanned. */
  readonly voucher = signal('');
  /** The voucher main found, with its balance; the amount taken from it is `credit`. */
  readonly balance = signal<VoucherBalance | null>(null);
  readonly credit = signal('');
  /** The voucher field is shown (a tap on "Store credit"): folded away otherwise, so the panel fits at 1024×768. */
  readonly open = signal(false);

  constructor(private readonly services: Pick<AppServices, 'api' | 'toast' | 'errorText'>) {}

  /** A tap on a network: chosen, or unchosen when tapped again. */
  chooseNetwork(network: CardNetwork): void {
    this.network.value = this.network.peek() === network ? null : network;
  }

  /** What the payments carry of these tenders (cart.ts payments()). */
  fields(): { network: CardNetwork | null; voucher: string; credit: string } {
    return { network: this.network.peek(), voucher: this.balance.peek()?.code ?? '', credit: this.credit.peek() };
  }

  /**
   * The typed voucher against the amount still due: its balance, and as much of it as the sale can take. Refused
   * (unknown code, used up): main's reason is said and nothing is applied. False when nothing was applied.
   */
  async apply(due: string): Promise<boolean> {
    const code = this.voucher.peek().trim();
    if (!code) return false;
    try {
      const found = await this.services.api['storeCredit.balance']({ code, due });
      batch(() => {
        this.balance.value = found;
        this.credit.value = found.usable;
        this.voucher.value = found.code;
      });
      return true;
    } catch (e) {
      this.services.toast(this.services.errorText(e), 'error');
      return false;
    }
  }

  /** The store credit taken off the sale (the voucher keeps its balance). */
  clearCredit(): void {
    batch(() => {
      this.balance.value = null;
      this.credit.value = '';
    });
  }

  reset(): void {
    batch(() => {
      this.clearCredit();
      this.voucher.value = '';
      this.network.value = null;
      this.open.value = false;
    });
  }
}
