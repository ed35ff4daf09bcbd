// SPDX-License-Identifier: UNLICENSED
// A training app opened in-process (test/app/support.ts) with a cashier at the till and a manager in the office,
// both signed in: where every cash-control test starts.
import { afterAll, beforeAll } from 'vitest';
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

/**
 * The same, opened before a describe block's tests and closed after them: `const till = tillAndOffice();` at the top of
 * the block, then `till.app`, `till.cashier`, `till.manager` inside the tests.
 */
export function tillAndOffice(options: Partial<AppOptions> = {}): OpenTill {
  let open: OpenTill | undefined;
  beforeAll(async () => {
    open = await openTillAndOffice(options);
  });
  afterAll(() => open?.app.close());
  const get = (): OpenTill => {
    if (!open) throw new Error('tillAndOffice: used outside a test');
    return open;
  };
  return {
    get app() {
      return get().app;
    },
    get cashier() {
      return get().cashier;
    },
    get manager() {
      return get().manager;
    },
  };
}
