// SPDX-License-Identifier: UNLICENSED
// Live tills for the store-server tests (docs/store-server.md): an app onboarded on the Fatoora simulator, its
// manager's factory PIN changed, enrolled on a store server through its own API with a one-time code — and what its
// ledger holds, to compare with what the server got.
import { expect } from 'vitest';
import type { DukkanApp } from '../../main/app/openApp';
import { clientOf, openTestApp, signIn, type Client } from '../app/support';
import { WIZARD_SHOP as SHOP } from '../fixtures/wizardShop';
import { managerCall } from './storeFixtures';

export const MANAGER_PIN = '7391';

export interface LiveTill {
  readonly app: DukkanApp;
  readonly manager: Client;
  readonly terminalId: string;
}

export async function enrolledLiveTill(o: { fatooraUrl: string; otp: string; storeUrl: string; token: string; name: string }): Promise<LiveTill> {
  const { app } = await openTestApp({ fatooraUrl: o.fatooraUrl });
  const manager = clientOf(app, 'office');
  await signIn(manager, app, 'manager', '1234');
  expect((await manager.call('onboarding.start', { environment: 'local-simulator', otp: o.otp, shop: SHOP })).state).toBe('done');
  await manager.call('session.changePin', { oldPin: '1234', newPin: MANAGER_PIN });
  const code = (await managerCall(o.storeUrl, o.token, '/manager/api/codes', { branch: 'Olaya', terminalName: o.name })).body.value.code;
  const link = await manager.call('store.enrol', { url: o.storeUrl, code, pin: MANAGER_PIN });
  return { app, manager, terminalId: link.terminalId };
}

export interface ChainRow {
  readonly icv: number;
  readonly pih: string;
  readonly hash: string;
  readonly kind: string;
  readonly number: string;
  readonly tax_inclusive: string;
  readonly billing_reference: string | null;
}

/** The till's ledger in ICV order (one chain per till in these tests). */
export function chainOf(till: LiveTill): ChainRow[] {
  return till.app.core
    .current()
    .db.prepare<[], ChainRow>('SELECT icv, pih, hash, kind, number, tax_inclusive, billing_reference FROM documents ORDER BY icv')
    .all();
}
