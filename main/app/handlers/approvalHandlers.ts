// SPDX-License-Identifier: UNLICENSED
// A manager's approval at the till: the manager types their PIN on the cashier's screen to allow a price change, a
// discount, a return or a debit note. The grant lives in the till's session for a few minutes and is consumed by the
// sale (main/sale). A wrong PIN counts against the manager accounts, as at their sign-in, whatever client asked
// (main/users/pinChecks.ts); a factory PIN approves nothing live.
import type { ApiHandlers } from '../../ipc/dispatcher';
import { DukkanError } from '../../../app/errors/index';
import type { SessionStore } from '../../users/sessions';
import type { PinChecks } from '../../users/pinChecks';
import type { User } from '../../users/userStore';
import { untilText } from './userAnswers';

export const APPROVAL_METHODS = ['approval.request'] as const;

export interface ApprovalServices {
  readonly pins: Pick<PinChecks, 'approve'>;
  readonly sessions: Pick<SessionStore, 'grant'>;
  pinChangeRequired(user: User | null): boolean;
}

function approvalsLocked(until: Date): DukkanError {
  return new DukkanError('approval.locked', { until: untilText(until) });
}

export function approvalHandlers(app: ApprovalServices): Pick<ApiHandlers, (typeof APPROVAL_METHODS)[number]> {
  return {
    async 'approval.request'({ pin, purpose, session: timeBoxed }, { session: s }) {
      const check = await app.pins.approve(pin, s.clientId);
      if (!check.ok) throw check.reason === 'locked' ? approvalsLocked(check.until) : new DukkanError('approval.wrong-pin');
      // a factory manager PIN approves nothing on a live terminal: anyone could type it
      if (app.pinChangeRequired(check.user)) throw new DukkanError('approval.factory-pin');
      const granted = app.sessions.grant(s, check.user, purpose, timeBoxed === true);
      return {
        approvalId: granted.id,
        managerName: granted.managerName,
        expiresAt: new Date(granted.expiresAt).toISOString(),
        ...(granted.timeBoxed ? { session: true } : {}),
      };
    },
  };
}
