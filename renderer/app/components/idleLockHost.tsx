// SPDX-License-Identifier: UNLICENSED
// Mounts the idle lock (state/idleLock.ts) for the signed-in user: counts keys and touches anywhere, and when the
// idle time has passed covers the screen with the PIN form. While locked, keys and touches reach only that form.
import { useEffect, useRef, useState } from 'preact/hooks';
import { IdleLock } from '../state/idleLock';
import { Field, Form } from './common';
import { useApp, useI18n } from './hooks';

const WINDOW_TIMERS = {
  setTimeout: (run: () => void, ms: number) => window.setTimeout(run, ms),
  clearTimeout: (handle: unknown) => window.clearTimeout(handle as number),
};

export function IdleLockHost() {
  const app = useApp();
  const { t } = useI18n();
  const [lock] = useState(() => new IdleLock(app, WINDOW_TIMERS));
  const form = useRef<HTMLDivElement>(null);
  useEffect(() => {
    void lock.start();
    const seen = (event: Event) => {
      // while locked, nothing under the lock hears a key or a touch
      if (lock.locked.peek() && !form.current?.contains(event.target as Node)) {
        event.stopImmediatePropagation();
        event.preventDefault();
        return;
      }
      if (lock.locked.peek() && event.type === 'keydown') event.stopImmediatePropagation();
      lock.activity();
    };
    const kinds = ['keydown', 'pointerdown', 'touchstart'] as const;
    for (const k of kinds) document.addEventListener(k, seen, true);
    return () => {
      lock.stop();
      for (const k of kinds) document.removeEventListener(k, seen, true);
    };
  }, [lock]);
  useEffect(() => {
    if (lock.locked.value) form.current?.querySelector('input')?.focus();
  }, [lock.locked.value]);
  if (!lock.locked.value) return null;
  return (
    <div class="idle-lock" data-test="idle-lock" ref={form} role="dialog" aria-modal="true" aria-label={t('lockedTitle')}>
      <Form onSubmit={() => void lock.unlock()}>
        <h2>{t('lockedTitle')}</h2>
        <p>{t('lockedHint', { u: app.session.value.user?.name ?? '' })}</p>
        <Field label={t('pin')}>
          <input
            type="password"
            inputMode="numeric"
            autoComplete="off"
            data-test="unlock-pin"
            value={lock.pin.value}
            onInput={(e) => (lock.pin.value = e.currentTarget.value)}
          />
        </Field>
        <button class="primary" type="submit" data-test="unlock">
          {t('unlock')}
        </button>
      </Form>
    </div>
  );
}
