// SPDX-License-Identifier: UNLICENSED
// The till on a first start, while training mode is prepared in the background (main/app/modeController.ts,
// 'preparing'): its banner says so in the screen's language, says why when preparing failed, and goes as soon as a
// status event says training mode is ready. Mounted in a light DOM against a fake main (renderer/app/testing).
// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { StatusSnapshot } from '../../app/contract/types';
import { CASHIER, settle } from './testing/fakes';
import { mountApp, unmountApps, until } from './testing/mountApp';

const STATUS: StatusSnapshot = {
  mode: 'training',
  environment: 'none',
  connectivity: 'unknown',
  waiting: 0,
  rejected: 0,
  overdue: 0,
  nearestDeadline: null,
  printer: { configured: false, state: 'unknown', message: null },
  at: new Date(0).toISOString(),
};

afterEach(unmountApps);

describe("the till's banner while training mode is being prepared", () => {
  it('says it is preparing and that the items can be scanned, then goes when training mode is ready', async () => {
    const { $, connection } = await mountApp({ user: CASHIER }, { 'status.get': () => ({ ...STATUS, preparingTraining: { lastError: null, retryAt: null } }) });
    await until('the banner', () => $('[data-test=training-preparing]') !== null);
    expect($('[data-test=training-preparing]')!.textContent).toBe(
      'Preparing training mode… Scan the items now: the sale can be completed in a few seconds, once training mode is ready.',
    );
    expect($('[data-test=training-preparing-chip]')!.getAttribute('data-state')).toBe('warn');
    connection.emit({ type: 'status', status: { ...STATUS, environment: 'local-simulator' } });
    await settle(20);
    expect($('[data-test=training-preparing]')).toBeNull();
    expect($('[data-test=training-preparing-chip]')).toBeNull();
  });

  it('says why when preparing failed, in Arabic on an Arabic screen', async () => {
    const failed = { ...STATUS, preparingTraining: { lastError: 'لم تُجب فاتورة', retryAt: new Date(5000).toISOString() } };
    const { $ } = await mountApp({ user: CASHIER, locale: 'ar' }, { 'status.get': () => failed });
    await until('the banner', () => $('[data-test=training-preparing]') !== null);
    expect($('[data-test=training-preparing]')!.textContent!.trim()).toBe('وضع التدريب غير جاهز: لم تُجب فاتورة. تُعاد المحاولة تلقائيًا.');
    expect($('[data-test=training-preparing]')!.classList.contains('preparing-failed')).toBe(true);
  });
});
