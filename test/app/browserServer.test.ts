// SPDX-License-Identifier: UNLICENSED
// Browser mode's HTTP transport over real sockets: the same contract and validation as IPC, behind a per-launch
// token, refusing what another web page could send (foreign Host for DNS rebinding, foreign Origin, cross-site
// fetches), with the CSP on every file, and events as a server-sent stream.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AppEvent } from '../../app/contract/events';
import { startBrowserServer, type BrowserServer } from '../../main/browser/browserServer';
import { buildRendererAssets } from '../../main/browser/rendererAssets';
import { createDispatcher, type ApiHandlers } from '../../main/ipc/dispatcher';
import { createLogger } from '../../main/log/logger';
import { SessionStore } from '../../main/users/sessions';
import { cspHeader } from '../../main/window/csp';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Raw HTTP (node:http, not fetch), so Host, Origin and Sec-Fetch-Site can be set to what an attacker would send. */
function request(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser-mode server', () => {
  let server: BrowserServer;
  const listeners = new Set<(e: AppEvent) => void>();
  const calls: string[] = [];
  const CLIENT = 'c6c0a7d9-1f34-4e5a-9d0b-2b7c7f6f8e11';

  beforeAll(async () => {
    const handlers = new Proxy({} as ApiHandlers, { get: (_t, m: string) => () => (calls.push(m), { method: m }) });
    const logger = createLogger({ sink: () => undefined });
    server = await startBrowserServer({
      dispatcher: createDispatcher({ handlers: () => handlers, pinChangeRequired: () => false, logger }),
      sessions: new SessionStore(() => 'en'),
      assets: await buildRendererAssets(),
      subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
      logger,
      maxBodyBytes: 64 * 1024,
    });
  });
  afterAll(() => server.close());

  const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    request(server.port, {
      method: 'POST',
      path: `/api/${method}`,
      headers: {
        Host: `127.0.0.1:${server.port}`,
        Authorization: `Bearer ${server.token}`,
        'Content-Type': 'application/json',
        'X-Dukkan-Client': CLIENT,
        ...headers,
      },
      body: JSON.stringify(body),
    });

  it('prints a launch URL with a fresh 256-bit token in its fragment, on loopback only', () => {
    expect(server.launchUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#token=[A-Za-z0-9_-]{43}$`));
    expect(server.token).toHaveLength(43);
  });

  it('serves the renderer with the CSP and hardening headers; nothing else from disk', async () => {
    for (const path of ['/', '/index.html', '/app.js', '/app.css']) {
      const r = await request(server.port, { path, headers: { Host: `127.0.0.1:${server.port}` } });
      expect(r.status, path).toBe(200);
      expect(r.headers['content-security-policy']).toBe(cspHeader());
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
    }
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/main/app/openApp.ts', '/.dukkan-data/dukkan.sqlite']) {
      expect((await request(server.port, { path, headers: { Host: `127.0.0.1:${server.port}` } })).status, path).toBe(404);
    }
    expect((await request(server.port, { method: 'POST', path: '/index.html', headers: { Host: `127.0.0.1:${server.port}` } })).status).toBe(405);
  });

  it('answers a well-formed call with the envelope', async () => {
    const r = await api('session.get', {});
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: { method: 'session.get' } });
  });

  it.each([
    ['no token', { Authorization: '' }, 401],
    ['a wrong token', { Authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }, 401],
    ['the token without Bearer', {}, 401],
    ['a foreign Host (DNS rebinding)', { Host: 'evil.example' }, 403],
    ['localhost as Host (not our origin)', { Host: 'localhost' }, 403],
    ['a foreign Origin', { Origin: 'https://evil.example' }, 403],
    ['a cross-site fetch', { 'Sec-Fetch-Site': 'cross-site' }, 403],
    ['form-encoded data', { 'Content-Type': 'application/x-www-form-urlencoded' }, 415],
    ['text/plain (a "simple" CORS request)', { 'Content-Type': 'text/plain' }, 415],
    ['no client id', { 'X-Dukkan-Client': '' }, 400],
  ])('refuses %s', async (what, headers: Record<string, string>, status) => {
    const before = calls.length;
    const h = what === 'the token without Bearer' ? { Authorization: server.token } : headers.Host ? { Host: `${headers.Host}:${server.port}` } : headers;
    const r = await api('session.get', {}, h as Record<string, string>);
    expect(r.status).toBe(status);
    expect(calls.length).toBe(before);
  });

  it('applies the contract: unknown methods, bad arguments, roles', async () => {
    expect(JSON.parse((await api('debug.eval', {})).body)).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(JSON.parse((await api('session.login', { userId: 'admin', pin: "' OR 1=1 --" })).body)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(JSON.parse((await api('catalog.list', {})).body)).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
    const r = await request(server.port, {
      method: 'POST',
      path: '/api/session.get',
      headers: { Host: `127.0.0.1:${server.port}`, Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json', 'X-Dukkan-Client': CLIENT },
      body: '{not json',
    });
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses bodies over the limit', async () => {
    expect((await api('catalog.importCsv', { csv: 'x'.repeat(70 * 1024) })).status).toBe(413);
  });

  it('streams events to an authorised client only', async () => {
    expect((await request(server.port, { path: '/api/events', headers: { Host: `127.0.0.1:${server.port}`, 'X-Dukkan-Client': CLIENT } })).status).toBe(401);
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: server.port, path: '/api/events', headers: { Authorization: `Bearer ${server.token}`, 'X-Dukkan-Client': CLIENT } },
        (res) => {
          expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
          let text = '';
          res.on('data', (c: Buffer) => {
            text += c.toString();
            if (text.includes(': connected')) for (const l of listeners) l({ type: 'mode-changed' });
            if (text.includes('data: ')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', reject);
    });
    expect(received).toContain('data: {"type":"mode-changed"}\n\n');
  });
});
