// SPDX-License-Identifier: UNLICENSED
// A first start on a real app (real SQLite, the embedded Fatoora simulator over HTTP): openApp returns before the
// training folder is onboarded (main/app/modeController.ts, 'preparing'), sign-in works at once, a sale sent
// meanwhile waits for it and goes through, and a failed onboarding is shown on the status strip, refuses a sale in
// both languages naming why, writes nothing, and is tried again until it succeeds.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_CATALOG } from '../../app/errors/index';
import type { DukkanApp } from '../../main/app/openApp';
import type { FetchLike } from '../../main/fatoora/index';
import { clientOf, openTestApp, signIn, untilReadyToSell, waitFor } from './support';

describe('training mode prepared after the app is open (a first start)', { timeout: 90_000 }, () => {
  let app: DukkanApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  const milkSale = (a: DukkanApp) => ({
    lines: [{ productId: a.core.catalog.list().find((p) => p.name.startsWith('Fresh milk'))!.id, quantity: '2' }],
    payments: [{ method: 'cash' as const, amount: '50' }],
    saleId: randomUUID(),
  });

  it('serves sign-in at once, and a sale sent while preparing waits for it and is issued', async () => {
    ({ app } = await openTestApp({}, { waitToSell: false }));
    const cashier = clientOf(app, 'till-1');
    expect(app.core.current().ledger).toBeNull(); // really not onboarded yet: nothing could sign now
    await signIn(cashier, app, 'cashier');
    expect((await cashier.call('session.get', {})).user?.role).toBe('cashier');
    const status = await cashier.call('status.get', {});
    expect(status.mode).toBe('training');
    expect(status.preparingTraining).toEqual({ lastError: null, retryAt: null });
    const { lines, payments } = milkSale(app);
    const quoted = cashier.call('sale.quote', { lines, payments });
    const sold = cashier.call('sale.complete', milkSale(app));
    expect(app.core.status().preparingTraining).toBeDefined(); // both were sent before training was ready
    expect((await quoted).total).toBe('13.00');
    const r = await sold;
    expect(r.document).toMatchObject({ kind: 'invoice', training: true, total: '13.00' });
    expect(r.document.number).toMatch(/^TR-/);
    expect((await cashier.call('status.get', {})).preparingTraining).toBeUndefined();
  });

  it('shows a failed onboarding, refuses a sale naming why and writes nothing, then tries again until it succeeds', async () => {
    let down = true;
    const gated: FetchLike = (url, init) => (down ? Promise.reject(new TypeError('fetch failed: connect ECONNREFUSED')) : fetch(url, init));
    ({ app } = await openTestApp({ fetch: gated }, { waitToSell: false }));
    const cashier = clientOf(app, 'till-1');
    await signIn(cashier, app, 'cashier');
    await waitFor(() => app!.core.status().preparingTraining?.lastError != null, 30_000, 'the first attempt to fail');
    // what the status strip reads (status.get and the status events carry the same snapshot)
    const shown = (await cashier.call('status.get', {})).preparingTraining!;
    expect(shown.lastError).toMatch(/Fatoora/); // the onboarding's own reason
    expect(Date.parse(shown.retryAt!)).toBeGreaterThan(Date.now() - 1000);

    const refused = await cashier.refusal('sale.complete', milkSale(app));
    expect(refused).toMatchObject({ code: 'rejected', reason: 'training.preparing-failed' });
    expect(refused.message).toContain('Training mode is not ready');
    expect(refused.message).toContain(shown.lastError!);
    expect(ERROR_CATALOG['training.preparing-failed'].ar).toContain('وضع التدريب غير جاهز');
    expect(app.core.current().documents.head()).toBeUndefined();

    down = false;
    await untilReadyToSell(app, 30_000);
    expect(app.core.status().preparingTraining).toBeUndefined();
    const r = await cashier.call('sale.complete', milkSale(app));
    expect(r.document.number).toMatch(/^TR-/);
    expect(app.core.current().documents.head()?.icv).toBe(1);
  });
});
