// SPDX-License-Identifier: UNLICENSED
// The touch till's own calls (main/till): held (parked) sales of the mode in use, and the quick-key grid, which is
// the terminal's and shared by both modes.
import type { AppEvent } from '../../../app/contract/events';
import type { ApiHandlers } from '../../ipc/dispatcher';
import type { HeldSales } from '../../till/heldSales';
import type { QuickKeys } from '../../till/quickKeys';
import type { ReceiptFooter } from '../../till/receiptFooter';
import type { SessionStore } from '../../users/sessions';
import type { UserStore } from '../../users/userStore';
import type { StoreCredit } from '../../storeCredit/storeCredit';
import { DukkanError } from '../../../app/errors/index';
import { TILL_METHOD_NAMES } from '../../../app/contract/tillMethodNames';

export const TILL_METHODS = TILL_METHOD_NAMES;

export interface TillServices {
  /** The held sales of the mode in use (training carts stay in the training folder). */
  held(): Pick<HeldSales, 'list' | 'hold' | 'recall'>;
  readonly quickKeys: Pick<QuickKeys, 'view' | 'save'>;
  readonly footer: Pick<ReceiptFooter, 'get' | 'save'>;
  /** Tells the screens (the customer display among them). */
  emit(event: AppEvent): void;
  /** The stored QR text of a document of the mode in use. */
  qrOf(number: string): string | null;
  readonly sessions: Pick<SessionStore, 'grant'>;
  readonly users: Pick<UserStore, 'get'>;
  /** The store-credit vouchers of the mode in use (main/storeCredit). */
  storeCredit(): Pick<StoreCredit, 'lookup'>;
}

export function tillHandlers(app: TillServices): Pick<ApiHandlers, (typeof TILL_METHODS)[number]> {
  return {
    'held.list': () => app.held().list(),
    'held.hold': ({ label, lines }, { session }) => app.held().hold(label, lines, session.user?.id ?? null),
    'held.recall': ({ id }) => app.held().recall(id),
    'quickKeys.get': () => app.quickKeys.view(),
    'storeCredit.balance': ({ code, due }) => app.storeCredit().lookup(code, due),
    'quickKeys.save': ({ keys }) => app.quickKeys.save(keys),
    'receiptFooter.get': () => app.footer.get(),
    'receiptFooter.save': ({ footer }) => app.footer.save(footer),
    'display.show': (input) => {
      // the QR is the stored one, never one the till could send: the customer scans what was signed
      app.emit({ type: 'display', display: { ...input, qr: input.number ? app.qrOf(input.number) : null } });
      return null;
    },
    // the manager is signed in at this very till (the dispatcher checked the role and that no PIN change is owed):
    // their sign-in was their PIN, so one tap approves; read again, so a manager disabled since cannot
    'approval.self': ({ purpose }, { session }) => {
      const user = session.user ? app.users.get(session.user.id) : undefined;
      if (!user || user.role !== 'manager' || !user.active) throw new DukkanError('approval.missing', {}, { field: 'purpose' });
      const granted = app.sessions.grant(session, user, purpose);
      return { approvalId: granted.id, managerName: granted.managerName, expiresAt: new Date(granted.expiresAt).toISOString() };
    },
  };
}
