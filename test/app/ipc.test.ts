// SPDX-License-Identifier: UNLICENSED
// The validated IPC: a call reaches a handler only from a window we created, from its main frame, showing our
// app:// origin, with an argument that passes the contract's schema and a signed-in user of the right role.
import { describe, expect, it } from 'vitest';
import { ALLOWED_BEFORE_PIN_CHANGE, API } from '../../app/contract/api';
import type { ApiResult } from '../../app/contract/errors';
import { CHANNEL_PREFIX, METHOD_NAMES } from '../../app/contract/methodNames';
import { ERROR_CATALOG } from '../../app/errors/index';
import { createDispatcher, type ApiHandlers } from '../../main/ipc/dispatcher';
import { registerValidatedIpc, type FrameLike, type InvokeEventLike, type IpcMainLike } from '../../main/ipc/validatedIpc';
import { memoryLogSink, createLogger } from '../../main/log/logger';
import { SessionStore, type ClientSession } from '../../main/users/sessions';

function setUp(pinChangeRequired: (session: ClientSession) => boolean = () => false) {
  const calls: { method: string; input: unknown }[] = [];
  const handlers = new Proxy({} as ApiHandlers, {
    get: (_t, method: string) => (input: unknown) => {
      calls.push({ method, input });
      return { handled: method };
    },
  });
  const log = memoryLogSink();
  const logger = createLogger({ sink: log.sink, minLevel: 'debug' });
  const sessions = new SessionStore(() => 'en');
  const dispatcher = createDispatcher({ handlers: () => handlers, pinChangeRequired, logger });
  const channels = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain: IpcMainLike = { handle: (c, l) => channels.set(c, l), removeHandler: (c) => channels.delete(c) };
  const ipc = registerValidatedIpc(ipcMain, dispatcher, sessions, logger);
  const mainFrame: FrameLike = { url: 'app://dukkan/index.html' };
  const sent: unknown[] = [];
  ipc.trustWindow({ id: 7, send: (_c, e) => sent.push(e), isDestroyed: () => false });
  const invoke = async (method: string, event: Partial<InvokeEventLike> = {}, ...args: unknown[]) =>
    (await channels.get(`${CHANNEL_PREFIX}${method}`)!({ sender: { id: 7, mainFrame }, senderFrame: mainFrame, ...event }, ...args)) as ApiResult<unknown>;
  const signIn = (role: 'cashier' | 'manager', defaultPin = false) => (sessions.get('window-7').user = { id: 1, name: role, role, active: true, defaultPin });
  return { calls, log, channels, ipc, ipcMain, invoke, mainFrame, signIn, sent };
}

const SALE = { lines: [{ productId: 1, quantity: '2' }], payments: [{ method: 'cash', amount: '20.00' }], saleId: '6f1c2f5e-0a7e-4e53-9d2b-1c3c7f0a9b10' };

describe('validated IPC', () => {
  it('registers exactly one `pos:` channel per contract method', () => {
    const { channels } = setUp();
    expect([...channels.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `${CHANNEL_PREFIX}${m}`).sort());
  });

  it('passes a well-formed call from the till window to its handler', async () => {
    const { invoke, calls, signIn } = setUp();
    signIn('cashier');
    expect(await invoke('sale.complete', {}, SALE)).toEqual({ ok: true, value: { handled: 'sale.complete' } });
    expect(calls).toEqual([{ method: 'sale.complete', input: SALE }]);
  });

  it.each([
    ['a window we did not create', { sender: { id: 99, mainFrame: { url: 'app://dukkan/index.html' } } }],
    ['no sender frame (destroyed or navigated away)', { senderFrame: null }],
    ['a subframe', { senderFrame: { url: 'app://dukkan/index.html' } }],
    ['another origin', { senderFrame: { url: 'https://evil.example/' } }],
    ['a look-alike host', { senderFrame: { url: 'app://dukkan.evil.example/index.html' } }],
    ['a file:// page', { senderFrame: { url: 'file:///tmp/index.html' } }],
  ])('refuses a call from %s before anything else', async (_what, event) => {
    const { invoke, calls, signIn, mainFrame, log } = setUp();
    signIn('manager');
    // a subframe is a different object than the main frame even when its URL is ours
    const e = 'senderFrame' in event && event.senderFrame && event.senderFrame.url === mainFrame.url ? { senderFrame: { url: mainFrame.url } } : event;
    const result = await invoke('catalog.list', e as Partial<InvokeEventLike>, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(calls).toEqual([]);
    expect(log.lines.some((l) => l.includes('ipc.refused-sender'))).toBe(true);
  });

  it.each([
    ['a negative quantity', { ...SALE, lines: [{ productId: 1, quantity: '-2' }] }, 'lines.0.quantity'],
    ['a float-formatted amount', { ...SALE, payments: [{ method: 'cash', amount: 20.5 }] }, 'payments.0.amount'],
    ['three decimals of money', { ...SALE, payments: [{ method: 'cash', amount: '20.505' }] }, 'payments.0.amount'],
    ['an unknown payment method', { ...SALE, payments: [{ method: 'bitcoin', amount: '1' }] }, 'payments.0.method'],
    ['an extra property', { ...SALE, sql: 'DROP TABLE documents' }, 'sql'],
    ['an extra property in a line', { ...SALE, lines: [{ productId: 1, quantity: '1', price: '0.01' }] }, 'lines.0.price'],
    ['no lines', { ...SALE, lines: [] }, 'lines'],
    ['a sale id that is not a UUID', { ...SALE, saleId: '1' }, 'saleId'],
    ['a string instead of an object', 'sale', ''],
  ])('refuses %s without calling the handler, naming the field', async (_what, input, field) => {
    const { invoke, calls, signIn } = setUp();
    signIn('cashier');
    const result = await invoke('sale.complete', {}, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'invalid-input', reason: 'api.invalid-input', params: { count: result.error.fields?.length } });
    expect(result.error.fields?.map((f) => f.path)).toContain(field);
    // each field names its rule by catalog code, so the screen can say it in Arabic too
    for (const f of result.error.fields ?? []) expect(Object.hasOwn(ERROR_CATALOG, f.reason), f.reason).toBe(true);
    expect(calls).toEqual([]);
  });

  it('names an unknown key and the key probably meant (a wrong case is never dropped)', async () => {
    const { invoke, calls, signIn } = setUp();
    signIn('cashier');
    const result = await invoke('sale.complete', {}, { ...SALE, approvalID: '3cf5ee18-ee25-44ea-a444-2c37ba7f28be', colour: 'red' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        fields: [
          { path: 'approvalID', reason: 'input.unknown-key-close', params: { key: 'approvalID', suggestion: 'approvalId' } },
          { path: 'colour', reason: 'input.unknown-key', params: { key: 'colour', known: 'lines, payments, approvalId, saleId' } },
        ],
      },
    });
    expect(calls).toEqual([]);
  });

  it('refuses more than one argument', async () => {
    const { invoke, calls, signIn } = setUp();
    signIn('cashier');
    expect(await invoke('status.get', {}, {}, { extra: true })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(calls).toEqual([]);
  });

  it('checks the role: nothing before sign-in but the sign-in screen, manager methods for managers only', async () => {
    const { invoke, calls, signIn } = setUp();
    expect(await invoke('status.get', {}, {})).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
    expect(await invoke('session.get', {}, {})).toMatchObject({ ok: true });
    signIn('cashier');
    for (const method of METHOD_NAMES.filter((m) => API[m].access === 'manager')) {
      expect(await invoke(method, {}, {}), method).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(calls.map((c) => c.method)).toEqual(['session.get']);
    signIn('manager');
    expect(await invoke('catalog.list', {}, {})).toMatchObject({ ok: true });
  });

  it('lets a user who must replace a factory PIN call nothing but the sign-in methods and the PIN change', async () => {
    const { invoke, calls, signIn } = setUp((session) => session.user?.defaultPin === true);
    signIn('manager', true);
    for (const method of METHOD_NAMES.filter((m) => !ALLOWED_BEFORE_PIN_CHANGE.has(m))) {
      // refused before the argument is even looked at, whatever the role allows
      expect(await invoke(method, {}, {}), method).toMatchObject({
        ok: false,
        error: { code: 'pin-change-required', reason: 'session.pin-change-required' },
      });
    }
    expect(calls).toEqual([]);
    for (const method of ALLOWED_BEFORE_PIN_CHANGE) expect(await invoke(method, {}, {}), method).not.toMatchObject({ error: { code: 'pin-change-required' } });
    expect([...ALLOWED_BEFORE_PIN_CHANGE].sort()).toEqual(['session.changePin', 'session.get', 'session.login', 'session.logout', 'session.setLocale']);
    // the same user once the PIN is changed: everything the role allows
    signIn('manager', false);
    expect(await invoke('catalog.list', {}, {})).toMatchObject({ ok: true });
  });

  it('sends events only to trusted windows, and forgets a closed one', () => {
    const { ipc, sent } = setUp();
    ipc.broadcast({ type: 'mode-changed' });
    expect(sent).toEqual([{ type: 'mode-changed' }]);
    ipc.forgetWindow(7);
    ipc.broadcast({ type: 'mode-changed' });
    expect(sent).toHaveLength(1);
  });

  it('a handler that throws something unexpected answers "internal" without its message', async () => {
    const logger = createLogger({ sink: () => undefined });
    const sessions = new SessionStore(() => 'en');
    const dispatcher = createDispatcher({
      handlers: () =>
        new Proxy({} as ApiHandlers, {
          get: () => () => {
            throw new Error('SQLITE_CORRUPT at /home/shop/.config/dukkan/dukkan.sqlite: SELECT * FROM secret');
          },
        }),
      pinChangeRequired: () => false,
      logger,
    });
    const session = sessions.get('x');
    session.user = { id: 1, name: 'm', role: 'manager', active: true, defaultPin: false };
    const result = await dispatcher.call('catalog.list', {}, session);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toMatch(/SQLITE|SELECT|dukkan\.sqlite/);
  });

  it('tells its activity when every call starts and ends, answered, refused or failed', async () => {
    const sessions = new SessionStore(() => 'en');
    let inFlight = 0;
    const seen: number[] = [];
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const dispatcher = createDispatcher({
      handlers: () =>
        new Proxy({} as ApiHandlers, {
          get: (_t, method: string) => async () => {
            seen.push(inFlight);
            if (method === 'catalog.list') await slow;
            if (method === 'status.get') throw new Error('boom');
            return {};
          },
        }),
      pinChangeRequired: () => false,
      logger: createLogger({ sink: () => undefined }),
      activity: { started: () => inFlight++, ended: () => inFlight-- },
    });
    const session = sessions.get('x');
    session.user = { id: 1, name: 'm', role: 'manager', active: true, defaultPin: false };
    const pending = dispatcher.call('catalog.list', {}, session);
    await new Promise((r) => setImmediate(r));
    expect(inFlight).toBe(1); // the slow handler is still running
    expect(await dispatcher.call('status.get', {}, session)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await dispatcher.call('no.such-method', {}, session)).toMatchObject({ ok: false });
    expect(await dispatcher.call('catalog.list', { unknownKey: 1 }, sessions.get('signed-out'))).toMatchObject({ ok: false });
    expect(inFlight).toBe(1);
    release();
    expect(await pending).toMatchObject({ ok: true });
    expect(inFlight).toBe(0);
    expect(seen).toEqual([1, 2]); // the refused calls never reached a handler, and still counted
  });
});
