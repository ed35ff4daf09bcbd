// SPDX-License-Identifier: UNLICENSED
// The sale desk while training mode is still being prepared (a first start: main/app/modeController.ts,
// 'preparing'). The till is open and signed in to at once (BENCHMARKS.md, "Startup"); what needs the desk — a quote,
// a sale, a return, a receipt — waits for the background onboarding, which takes a few seconds, because a cashier who
// has rung up a cart expects it to go through. It is refused, in both languages and naming why, only when that
// onboarding has failed (it is retried) or has not finished within SALE_DESK_WAIT_MS.
import { DukkanError } from '../../app/errors/index';
import type { SaleDesk } from '../sale/index';
import type { ModeController, TrainingPreparation } from './modeController';

/** How long a call that needs the sale desk waits for training mode to be ready. */
export const SALE_DESK_WAIT_MS = 20_000;

type Mode = Pick<ModeController<unknown>, 'state' | 'preparation' | 'whenReady'>;

function refusal(preparation: TrainingPreparation | null): DukkanError {
  return preparation?.lastError ? new DukkanError('training.preparing-failed', { reason: preparation.lastError }) : new DukkanError('training.preparing');
}

/** The desk of the mode in use; while training is being prepared there is none yet, which is said as such. */
export function saleDesk(mode: Mode, desk: SaleDesk | null): SaleDesk {
  if (desk) return desk;
  if (mode.state() === 'preparing') throw refusal(mode.preparation());
  throw new DukkanError('sale.cannot-sign');
}

/** Resolves when the desk exists (at once unless preparing); rejects with the reason it cannot be waited for. */
export async function saleDeskReady(mode: Mode, waitMs = SALE_DESK_WAIT_MS): Promise<void> {
  if (mode.state() !== 'preparing') return;
  // failed and waiting to be tried again: refused now rather than after the wait (an attempt under way is waited for)
  const preparation = mode.preparation();
  if (preparation?.lastError && preparation.retryAt) throw refusal(preparation);
  if (!(await mode.whenReady(waitMs))) throw refusal(mode.preparation());
}
