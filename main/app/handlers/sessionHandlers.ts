// SPDX-License-Identifier: UNLICENSED
// The sign-in screen and the session: who is signed in at this till, its language, the mode, and the PIN change a
// factory PIN on a live terminal requires before anything else (main/ipc/dispatcher enforces it).
import type { AppMode, OnboardingEnvironment, SessionInfo } from '../../../app/contract/types';
import type { ApiHandlers } from '../../ipc/dispatcher';
import { DukkanError } from '../../../app/errors/index';
import type { ShopProfile } from '../../onboarding/index';
import type { PinChecks } from '../../users/pinChecks';
import { refuseNewPin } from '../../users/pinPolicy';
import type { ClientSession, SessionStore } from '../../users/sessions';
import { DEFAULT_PINS, type User, type UserStore } from '../../users/userStore';
import type { TerminalSettings } from '../terminalSettings';
import { pinRefusal, userSummary } from './userAnswers';

export const SESSION_METHODS = ['session.get', 'session.login', 'session.changePin', 'session.logout', 'session.setLocale'] as const;

export interface SessionServices {
  readonly users: Pick<UserStore, 'list'>;
  /** Every PIN check, one at a time per till, counted and logged (main/users/pinChecks.ts). */
  readonly pins: Pick<PinChecks, 'signIn' | 'changePin'>;
  readonly sessions: Pick<SessionStore, 'signOut'>;
  /** Where the chosen language is kept for the next start. */
  readonly settings: Pick<TerminalSettings, 'set'>;
  mode(): AppMode;
  /** The shop of the mode in use, for its name on the sign-in screen. */
  shop(): Pick<ShopProfile, 'sellerName'> | null;
  pinChangeRequired(user: User | null): boolean;
  readonly onboardingEnvironments: readonly OnboardingEnvironment[];
}

export function sessionHandlers(app: SessionServices): Pick<ApiHandlers, (typeof SESSION_METHODS)[number]> {
  const session = (s: ClientSession): SessionInfo => {
    const mode = app.mode();
    const users = app.users.list();
    const shop = app.shop();
    return {
      user: s.user ? userSummary(s.user) : null,
      locale: s.locale,
      mode,
      users: users.filter((u) => u.active).map(userSummary),
      defaultPinsHint: mode === 'training' && users.some((u) => u.defaultPin) ? { ...DEFAULT_PINS } : null,
      pinChangeRequired: app.pinChangeRequired(s.user),
      shopName: shop ? (s.locale === 'ar' ? shop.sellerName.ar : shop.sellerName.en) : 'Dukkan',
      onboardingEnvironments: app.onboardingEnvironments,
    };
  };

  return {
    'session.get': (_, { session: s }) => session(s),
    async 'session.login'({ userId, pin }, { session: s }) {
      const check = await app.pins.signIn(userId, pin, s.clientId);
      if (!check.ok) throw pinRefusal(check, () => new DukkanError('user.wrong-pin'));
      app.sessions.signOut(s);
      // with a factory PIN on a live terminal this session can only choose a new PIN (pinChangeRequired below)
      s.user = check.user;
      return session(s);
    },
    async 'session.changePin'({ oldPin, newPin }, { session: s }) {
      if (!s.user) throw new DukkanError('session.not-signed-in');
      // the rules first: a typing mistake in the new PIN does not count as a wrong current PIN
      refuseNewPin(newPin, oldPin, 'newPin');
      const changed = await app.pins.changePin(s.user.id, oldPin, newPin, s.clientId);
      if (!changed.ok) throw pinRefusal(changed, () => new DukkanError('user.current-pin-wrong'));
      s.user = changed.user;
      return session(s);
    },
    'session.logout'(_, { session: s }) {
      app.sessions.signOut(s);
      return session(s);
    },
    'session.setLocale'({ locale }, { session: s }) {
      s.locale = locale;
      app.settings.set('locale', locale);
      return session(s);
    },
  };
}
