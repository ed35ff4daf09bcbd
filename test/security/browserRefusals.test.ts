// SPDX-License-Identifier: UNLICENSED
// Browser mode's transport against what an unauthenticated or signed-out caller can do (docs/security.md "Browser
// mode"), over real sockets with the app's real dispatcher and sign-in:
// - a signed-out tab hears nothing on the event stream but "reload the session";
// - `/api/%` (a malformed escape) and names no method has are 400, not 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AppEvent } from '../../app/contract/events';
import type { DukkanApp } from '../../main/app/openApp';
import { startBrowserServer, type BrowserServer } from '../../main/browser/browserServer';
import { buildRendererAssets } from '../../main/browser/rendererAssets';
import { createLogger } from '../../main/log/logger';
import { openTestApp } from '../app/support';

const TAB_IN = '0b8e3c1a-5d2f-4c6b-9a7e-1f2d3c4b5a60';
const TAB_OUT = '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

let app: DukkanApp;
let server: BrowserServer;
const listeners = new Set<(e: AppEvent) => void>();
const emit = (e: AppEvent): void => listeners.forEach((l) => l(e));

beforeAll(async () => {
  app = (await openTestApp()).app;
  server = await startBrowserServer({
    dispatcher: app.dispatcher,
    sessions: app.sessions,
    assets: await buildRendererAssets(),
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    logger: createLogger({ sink: () => undefined }),
  });
});
afterAll(async () => {
  await server.close();
  await app.close();
});

interface Answer {
  status: number;
  body: string;
}

function request(options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method: options.method ?? 'POST', path: options.path, headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const headers = (tab: string, token = server.token): Record<string, string> => ({
  Host: `127.0.0.1:${server.port}`,
  Authorization: `Bearer ${token}`,
  'Content-Type': 'application/json',
  'X-Dukkan-Client': tab,
});
const call = async (tab: string, method: string, input: unknown): Promise<{ ok: boolean }> =>
  JSON.parse((await request({ path: `/api/${method}`, headers: headers(tab), body: JSON.stringify(input) })).body) as { ok: boolean };

/** An open event stream: everything received so far. */
function listen(tab: string): { text: () => string; close: () => void; connected: Promise<void> } {
  let text = '';
  let req!: http.ClientRequest;
  const connected = new Promise<void>((resolve, reject) => {
    req = http.get({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: headers(tab) }, (res) => {
      res.on('data', (c: Buffer) => {
        text += c.toString();
        if (text.includes(': connected')) resolve();
      });
    });
    req.on('error', reject);
  });
  return { text: () => text, close: () => req.destroy(), connected };
}

const until = async (what: () => boolean, label: string): Promise<void> => {
  for (const end = Date.now() + 5000; !what(); await new Promise((r) => setTimeout(r, 20))) if (Date.now() > end) throw new Error(`timed out: ${label}`);
};

describe('the event stream', () => {
  it('a signed-out tab receives no news, only "reload the session"; a tab that signs out stops receiving', async () => {
    expect(await call(TAB_IN, 'session.login', { userId: 1, pin: '1234' })).toMatchObject({ ok: true });
    const signedIn = listen(TAB_IN);
    const signedOut = listen(TAB_OUT);
    await Promise.all([signedIn.connected, signedOut.connected]);

    emit({ type: 'sync', entry: { number: 'T1-000042' } } as unknown as AppEvent);
    emit({ type: 'mode-changed' });
    await until(() => signedIn.text().includes('mode-changed') && signedOut.text().includes('mode-changed'), 'both streams got mode-changed');
    expect(signedIn.text()).toContain('T1-000042');
    expect(signedOut.text()).not.toContain('T1-000042');

    expect(await call(TAB_IN, 'session.logout', {})).toMatchObject({ ok: true });
    emit({ type: 'print', number: 'T1-000043' } as unknown as AppEvent);
    emit({ type: 'mode-changed' });
    await until(() => signedIn.text().split('mode-changed').length === 3, 'the second mode-changed');
    expect(signedIn.text()).not.toContain('T1-000043');
    expect(signedOut.text()).not.toContain('T1-000043');
    signedIn.close();
    signedOut.close();
  });
});

describe('method names in the path', () => {
  it.each(['/api/%', '/api/%E0%A4%A', '/api/sale.quote%zz', '/api/%00', '/api/..%2Fetc'])('%s → 400 with a bilingual message, nothing called', async (path) => {
    const r = await request({ path, headers: headers(TAB_OUT), body: '{}' });
    expect(r.status).toBe(400);
    expect(r.body).toContain('The request address names no operation');
    expect(r.body).toMatch(/[\u0600-\u06FF]/);
  });

  it('a well-formed unknown name still gets the envelope of the contract', async () => {
    expect(await call(TAB_OUT, 'debug.eval', {})).toMatchObject({ ok: false, error: { code: 'refused' } });
  });
});
