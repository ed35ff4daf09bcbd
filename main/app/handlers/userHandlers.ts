// SPDX-License-Identifier: UNLICENSED
// The manager's user list: cashiers and managers, their roles and PINs. A live terminal takes no weak PIN.
import type { AppMode } from '../../../app/contract/types';
import type { ApiHandlers } from '../../ipc/dispatcher';
import { refuseWeakPin } from '../../users/pinPolicy';
import type { UserStore } from '../../users/userStore';
import { userSummary } from './userAnswers';

export const USER_METHODS = ['users.list', 'users.save'] as const;

export interface UserServices {
  readonly users: Pick<UserStore, 'list' | 'save'>;
  mode(): AppMode;
}

export function userHandlers(app: UserServices): Pick<ApiHandlers, (typeof USER_METHODS)[number]> {
  return {
    'users.list': () => app.users.list().map(userSummary),
    'users.save': async (input) => {
      // a live terminal takes no PIN that a factory PIN or one repeated digit would be (training keeps any)
      if (input.pin !== undefined && app.mode() === 'live') refuseWeakPin(input.pin, 'pin');
      return userSummary(await app.users.save(input));
    },
  };
}
