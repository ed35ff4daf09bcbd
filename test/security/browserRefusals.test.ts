// SPDX-License-Identifier: UNLICENSED
// Browser mode's transport against what an unauthenticated or signed-out caller can do (docs/security.md "Browser
// mode"), over real sockets with the app's real dispatcher and sign-in:
// - `/api/%` (a malformed escape) and names no method has are 400, not 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AppEvent } from '../../app/contract/events';
import type { DukkanApp } from '../../main/app/openApp';
import { startBrowserServer, type BrowserServer } from '../../main/browser/browserServer';
import { buildRendererAssets } from '../../main/browser/rendererAssets';
import { createLogger } from '../../main/log/logger';
import { openTestApp } from '../app/support';

const TAB_OUT = '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

let app: DukkanApp;
let server: BrowserServer;
const listeners = new Set<(e: AppEvent) => void>();

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
