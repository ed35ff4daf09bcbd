// Sign-in and choosing one's own PIN, as state: who is picked, what a refused PIN clears, where Enter goes, and the
// field a refused new PIN sends the user back to.
import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../../app/contract/types';
import { CASHIER, fakeApi, MANAGER, manualTimers, refused, session, settle } from '../testing/fakes';
import { AppStore } from './appStore';
import { LoginStore } from './loginStore';
import { PinChangeStore } from './pinChangeStore';

function signIn(start: Partial<SessionInfo> = {}) {
  let current = session(start);
  const fake = fakeApi({
    'session.get': () => current,
    'session.login': ({ userId, pin }) => {
      if (pin !== '0000') throw refused('wrong-pin', 'user.wrong-pin');
      current = { ...current, user: current.users.find((u) => u.id === userId)! };
      return current;
    },
    'session.setLocale': ({ locale }) => (current = { ...current, locale }),
    'status.get': () => new Promise(() => undefined),
  });
  const app = new AppStore(fake.api, current, manualTimers());
  app.go('login');
  return { app, fake, store: new LoginStore(app), setSession: (s: Partial<SessionInfo>) => (current = { ...current, ...s }) };
}

describe('sign-in', () => {
  it('lists the active users, picks the first cashier and waits for the PIN', () => {
    const { store } = signIn();
    expect(store.users.map((u) => u.name)).toEqual(['Manager', 'Cashier']);
    expect(store.selected.value).toBe(1);
    expect(store.focus.request.value?.target).toBe('pin');
  });

  it('↑ ↓ choose the user, wrapping around', () => {
    const { store } = signIn();
    expect(store.keydown({ key: 'ArrowDown', altKey: false })).toBe(true);
    expect(store.selected.value).toBe(0);
    store.keydown({ key: 'ArrowUp', altKey: false });
    expect(store.selected.value).toBe(1);
    expect(store.keydown({ key: 'Enter', altKey: false })).toBe(false);
  });

  it('clears a refused PIN, says why in the screen’s language, and keeps the keyboard on the PIN', async () => {
    const { store, app } = signIn({ locale: 'ar' });
    store.pin.value = '9999';
    await store.submit();
    expect(store.pin.value).toBe('');
    expect(store.error.value).toBe('الرقم السري غير صحيح.');
    expect(store.focus.request.value).toMatchObject({ target: 'pin' });
    expect(app.screen.value.name).toBe('login');
  });

  it('keeps the PIN being typed when main’s mode changes, and follows the new list of users', async () => {
    const { store, app, setSession } = signIn();
    store.select(0); // the manager
    store.pin.value = '12';
    const shown = app.screen.value;
    // going live replaces the training cashier with the shop's own
    const owner = { id: 7, name: 'Owner', role: 'cashier' as const, active: true };
    setSession({ mode: 'live', users: [owner, MANAGER] });
    app.handleEvent({ type: 'mode-changed' });
    await settle();
    expect(app.session.value.mode).toBe('live');
    expect(app.screen.value).toBe(shown);
    expect(store.pin.value).toBe('12');
    expect(store.users.map((u) => u.name)).toEqual(['Owner', 'Manager']);
    expect(store.selected.value).toBe(1); // still the manager, now second
    // a picked user who is gone falls back to the first cashier
    store.select(0);
    setSession({ users: [MANAGER, { ...owner, active: false }, CASHIER] });
    app.handleEvent({ type: 'mode-changed' });
    await settle();
    expect(store.users.map((u) => u.name)).toEqual(['Manager', 'Cashier']);
    expect(store.selected.value).toBe(1);
  });

  it('is drawn again, PIN cleared, when the language changes', async () => {
    const { store, app } = signIn();
    const shown = app.screen.value;
    store.pin.value = '12';
    await app.toggleLanguage();
    expect(app.screen.value.name).toBe('login');
    expect(app.screen.value.key).toBeGreaterThan(shown.key);
  });

  it('opens the till after the right PIN', async () => {
    const { store, app, fake } = signIn();
    store.select(1);
    store.pin.value = '0000';
    await store.submit();
    expect(fake.callsOf('session.login')).toEqual([{ userId: CASHIER.id, pin: '0000' }]);
    expect(fake.callsOf('session.get')).toEqual([]); // the sign-in's own answer is the session shown
    expect(app.session.value.user?.name).toBe('Cashier');
    expect(app.screen.value.name).toBe('cashier');
    expect(store.error.value).toBe('');
  });
});

function pinChange() {
  let current = session({ user: MANAGER, mode: 'live', pinChangeRequired: true });
  const fake = fakeApi({ 'session.get': () => current, 'status.get': () => new Promise(() => undefined) });
  const app = new AppStore(fake.api, current, manualTimers());
  app.go('manager'); // where onboarding ended
  const store = new PinChangeStore(app);
  const type = (current: string, next: string, again: string) => {
    store.values.current.value = current;
    store.values.next.value = next;
    store.values.again.value = again;
  };
  return { app, fake, store, type, done: () => (current = { ...current, pinChangeRequired: false }) };
}

describe('choosing one’s own PIN', () => {
  it('starts at the current PIN; Enter moves to the next empty field instead of saving', () => {
    const { store } = pinChange();
    expect(store.focus.request.value?.target).toBe('current');
    store.values.current.value = '1234';
    expect(store.enter('current')).toBe(true);
    expect(store.focus.request.value?.target).toBe('next');
    store.values.next.value = '864209';
    expect(store.enter('next')).toBe(true);
    expect(store.focus.request.value?.target).toBe('again');
    store.values.again.value = '864209';
    expect(store.enter('again')).toBe(false); // the last field: Enter saves
    expect(store.enter(null)).toBe(false);
  });

  it('asks for the new PIN again when the two differ, without calling main', async () => {
    const { store, type, fake } = pinChange();
    type('1234', '864209', '864208');
    await store.submit();
    expect(store.error.value).toBe('The two new PINs are not the same: type the new PIN again.');
    expect([store.values.current.value, store.values.next.value, store.values.again.value]).toEqual(['1234', '', '']);
    expect(store.focus.request.value?.target).toBe('next');
    expect(fake.callsOf('session.changePin')).toEqual([]);
  });

  it('sends the user back to the field at fault: the current PIN when main refuses it, otherwise the new one', async () => {
    const { store, type, fake } = pinChange();
    fake.answer({
      'session.changePin': ({ oldPin }) => {
        throw oldPin === '1234'
          ? refused('invalid-input', 'user.pin-repeated', {}, { field: 'newPin', fields: [{ path: 'newPin', reason: 'user.pin-repeated', params: {} }] })
          : refused('wrong-pin', 'user.current-pin-wrong');
      },
    });
    type('1234', '1111', '1111');
    await store.submit();
    expect(store.error.value).toBe('The new PIN cannot be one digit repeated (such as 1111): mix different digits.');
    expect([store.values.current.value, store.values.next.value, store.values.again.value]).toEqual(['1234', '', '']);
    expect(store.focus.request.value?.target).toBe('next');
    type('4321', '864209', '864209');
    await store.submit();
    expect(store.error.value).toBe('The current PIN is wrong.');
    expect([store.values.current.value, store.values.next.value, store.values.again.value]).toEqual(['', '864209', '864209']);
    expect(store.focus.request.value?.target).toBe('current');
  });

  it('goes on to where the user was going, and says the PIN is changed', async () => {
    const { store, type, fake, app, done } = pinChange();
    fake.answer({ 'session.changePin': () => done() });
    type('1234', '864209', '864209');
    await store.submit();
    await settle();
    expect(fake.callsOf('session.changePin')).toEqual([{ oldPin: '1234', newPin: '864209' }]);
    expect(fake.callsOf('session.get')).toEqual([]);
    expect(app.session.value.pinChangeRequired).toBe(false);
    expect(app.screen.value.name).toBe('manager');
    expect(app.toastState.value).toMatchObject({ visible: true, kind: 'ok', text: 'Your PIN is changed' });
  });
});
