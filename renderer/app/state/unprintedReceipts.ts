// SPDX-License-Identifier: UNLICENSED
// The receipts that did not print, for the printer banner: a sale is complete when it is committed and its receipt
// prints in the background (main/sale/counter.ts), so a failure arrives later as a print event. Each failed receipt
// stays listed until it prints (a reprint from the banner, or main's own retry) or the cashier dismisses it. Kept
// by the app store for the whole session, so leaving the till does not forget a receipt the customer never got.
import { signal } from '@preact/signals';
import type { PrintOutcome } from '../../../app/contract/types';
import type { Services } from './services';

export interface UnprintedReceipt {
  readonly number: string;
  readonly outcome: PrintOutcome;
}

export class UnprintedReceipts {
  readonly list = signal<readonly UnprintedReceipt[]>([]);
  readonly busy = signal<string | null>(null);

  /** A print outcome from main (event or answer): a failure is listed, anything else clears the receipt. */
  record(number: string, outcome: PrintOutcome): void {
    const rest = this.list.peek().filter((r) => r.number !== number);
    this.list.value = outcome.state === 'failed' ? [...rest, { number, outcome }] : rest;
  }

  dismiss(number: string): void {
    this.list.value = this.list.peek().filter((r) => r.number !== number);
  }

  /** The banner's reprint: main prints the stored document again; the outcome updates the list. */
  async reprint(services: Pick<Services, 'api' | 'attempt'>, number: string): Promise<void> {
    if (this.busy.peek()) return;
    this.busy.value = number;
    try {
      const outcome = await services.attempt(() => services.api['receipts.reprint']({ number }));
      if (outcome && outcome.state !== 'printing') this.record(number, outcome);
    } finally {
      this.busy.value = null;
    }
  }
}
