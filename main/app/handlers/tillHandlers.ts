// SPDX-License-Identifier: UNLICENSED
// The touch till's own calls (main/till): held (parked) sales of the mode in use, and the quick-key grid, which is
// the terminal's and shared by both modes.
import type { ApiHandlers } from '../../ipc/dispatcher';
import type { HeldSales } from '../../till/heldSales';
import type { QuickKeys } from '../../till/quickKeys';

export const TILL_METHODS = ['held.list', 'held.hold', 'held.recall', 'quickKeys.get', 'quickKeys.save'] as const;

export interface TillServices {
  /** The held sales of the mode in use (training carts stay in the training folder). */
  held(): Pick<HeldSales, 'list' | 'hold' | 'recall'>;
  readonly quickKeys: Pick<QuickKeys, 'view' | 'save'>;
}

export function tillHandlers(app: TillServices): Pick<ApiHandlers, (typeof TILL_METHODS)[number]> {
  return {
    'held.list': () => app.held().list(),
    'held.hold': ({ label, lines }, { session }) => app.held().hold(label, lines, session.user?.id ?? null),
    'held.recall': ({ id }) => app.held().recall(id),
    'quickKeys.get': () => app.quickKeys.view(),
    'quickKeys.save': ({ keys }) => app.quickKeys.save(keys),
  };
}
