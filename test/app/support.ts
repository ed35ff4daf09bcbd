// SPDX-License-Identifier: UNLICENSED
// An app opened in-process on a temporary folder, driven through its dispatcher exactly as the renderer's calls
// arrive (IPC or HTTP): the same schemas, roles and handlers. The keychain is an in-memory SecretStore (the
// SecretStore interface of native/keychain; the OS keychain itself is covered by the onboarding tests and e2e).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MethodInput, MethodOutput } from '../../app/contract/api';
import type { ApiError } from '../../app/contract/errors';
import type { MethodName } from '../../app/contract/methodNames';
import { openApp, type AppOptions, type DukkanApp } from '../../main/app/openApp';
import { receiptTemplate } from '../../main/app/receiptTemplate';
import type { SecretStore } from '../../native/keychain/secretStore';
import type { ClientSession } from '../../main/users/sessions';
import type { ReceiptRasterizer } from '../../main/printing/rasterizer';

export function memorySecrets(): SecretStore & { readonly entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get: async (name) => entries.get(name),
    set: async (name, value) => void entries.set(name, value),
    delete: async (name) => entries.delete(name),
  };
}

/** A rasterizer that must not be reached (no printer is configured in these tests unless one is given). */
export const NO_RASTERIZER: ReceiptRasterizer = {
  rasterize: () => Promise.reject(new Error('no rasterizer in this test')),
  close: async () => undefined,
};

export class CallError extends Error {
  constructor(readonly error: ApiError) {
    super(`${error.code}: ${error.message}`);
  }
}

export interface Client {
  readonly session: ClientSession;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** The refusal of a call expected to fail. */
  refusal<M extends MethodName>(method: M, input: unknown): Promise<ApiError>;
}

export function clientOf(app: DukkanApp, id = 'test-client'): Client {
  const session = app.sessions.get(id);
  return {
    session,
    async call(method, input) {
      const r = await app.dispatcher.call(method, input, session);
      if (!r.ok) throw new CallError(r.error);
      return r.value as never;
    },
    async refusal(method, input) {
      const r = await app.dispatcher.call(method, input, session);
      if (r.ok) throw new Error(`${method} was expected to be refused but answered ${JSON.stringify(r.value).slice(0, 200)}`);
      return r.error;
    },
  };
}

/**
 * Waits until the app can sell: a first start's training folder onboards in the background after openApp returns
 * (main/app/modeController.ts, 'preparing'); fails the test if it is not ready in `timeoutMs`.
 */
export async function untilReadyToSell(app: DukkanApp, timeoutMs = 60_000): Promise<void> {
  if (!(await app.whenReady(timeoutMs)))
    throw new Error(`the app could not sell within ${timeoutMs} ms: ${JSON.stringify(app.core.status().preparingTraining)}`);
}

/** An app on a temporary folder; unless `waitToSell` is false, returned once it can sell (untilReadyToSell). */
export async function openTestApp(
  options: Partial<AppOptions> = {},
  { waitToSell = true }: { readonly waitToSell?: boolean } = {},
): Promise<{ app: DukkanApp; dataDir: string; secrets: ReturnType<typeof memorySecrets> }> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'dukkan-app-'));
  // one store per database, as the OS keychain is one service per device id
  const stores = new Map<string, ReturnType<typeof memorySecrets>>();
  const secrets = memorySecrets();
  const app = await openApp({
    dataDir,
    template: receiptTemplate,
    rasterizer: NO_RASTERIZER,
    secrets: (db) => {
      const key = db.name;
      if (!stores.has(key)) stores.set(key, key.endsWith(path.join(path.basename(dataDir), 'dukkan.sqlite')) ? secrets : memorySecrets());
      return stores.get(key)!;
    },
    reporting: { retry: { initialMs: 100, maxMs: 1000 }, probe: { initialMs: 100, maxMs: 1000 }, pollIntervalMs: 200, statusIntervalMs: 20 },
    // the delay after wrong PINs (main/users/pinChecks.ts) is timed by main/users/pinChecks.test.ts, not waited out by every test
    pinDelayBaseMs: 5,
    ...options,
  });
  if (waitToSell) await untilReadyToSell(app);
  return { app, dataDir, secrets };
}

export async function signIn(client: Client, app: DukkanApp, role: 'cashier' | 'manager', pin = role === 'manager' ? '1234' : '0000'): Promise<void> {
  const user = app.core.users.list().find((u) => u.role === role)!;
  await client.call('session.login', { userId: user.id, pin });
}

/**
 * A live terminal's cashier as a shop gets one: going live removed the training users, so the manager (signed in on
 * `manager`, own PIN chosen) adds her with her own PIN, and she signs in on `till`.
 */
export async function addLiveCashier(manager: Client, till: Client, pin: string): Promise<void> {
  const cashier = await manager.call('users.save', { name: 'Cashier', role: 'cashier', pin, active: true });
  await till.call('session.login', { userId: cashier.id, pin });
}

export async function waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A training app with a cashier signed in at one till and a manager at another, and the catalog by name. */
export async function openWithTills(options: Partial<AppOptions> = {}) {
  const opened = await openTestApp(options);
  const cashier = clientOf(opened.app, 'till-1');
  const manager = clientOf(opened.app, 'office');
  await signIn(cashier, opened.app, 'cashier');
  await signIn(manager, opened.app, 'manager');
  const products = await manager.call('catalog.list', {});
  return { ...opened, cashier, manager, products, byName: (name: string) => products.find((p) => p.name.startsWith(name))! };
}
