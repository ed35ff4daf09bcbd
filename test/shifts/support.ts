// SPDX-License-Identifier: UNLICENSED
// A training app opened in-process (test/app/support.ts) with a cashier at the till and a manager in the office,
// both signed in: where every cash-control test starts.
import type { AppOptions, DukkanApp } from '../../main/app/openApp';
import { clientOf, openTestApp, signIn, type Client } from '../app/support';

export interface OpenTill {
  readonly app: DukkanApp;
  readonly cashier: Client;
  readonly manager: Client;
}

export async function openTillAndOffice(options: Partial<AppOptions> = {}): Promise<OpenTill> {
  const { app } = await openTestApp(options);
  const cashier = clientOf(app, 'till');
  const manager = clientOf(app, 'office');
  await signIn(cashier, app, 'cashier');
  await signIn(manager, app, 'manager');
  return { app, cashier, manager };
}
