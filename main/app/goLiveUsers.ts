// SPDX-License-Identifier: UNLICENSED
// Going live keeps no training users (docs/cash-control.md, "Going live"): the users still on a factory PIN are
// removed as the terminal switches to live, and whoever was signed in as one of them is signed out. Training sales
// need nothing here: they live in the training folder's own ledger, which the live terminal never opens.
import type { AppMode } from '../../app/contract/types';
import type { Logger } from '../log/logger';
import type { SessionStore } from '../users/sessions';
import type { UserStore } from '../users/userStore';

export interface GoLiveUsers {
  readonly users: Pick<UserStore, 'removeTrainingUsers'>;
  readonly sessions: Pick<SessionStore, 'signOutUsers'>;
  readonly log?: Pick<Logger, 'info'>;
}

/** After the switch to live (a no-op in training): the training users removed and signed out. */
export function retireTrainingUsers(mode: AppMode, o: GoLiveUsers): readonly number[] {
  if (mode !== 'live') return [];
  const removed = o.users.removeTrainingUsers();
  o.sessions.signOutUsers(removed);
  if (removed.length > 0) o.log?.info('golive.training-users-removed', { count: removed.length });
  return removed;
}
