// SPDX-License-Identifier: UNLICENSED
// Browser mode's transport against what an unauthenticated or signed-out caller can do (docs/security.md "Browser
// mode"), over real sockets with the app's real dispatcher and sign-in:
// - a signed-out tab hears nothing on the event stream but "reload the session";
// - `/api/%` (a malformed escape) and names no method has are 400, not 500;
// - requests without the token are logged rate-limited, and the body of a refused request is never read: a 1 GB
//   upload after a 401 gets the answer and a closed connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import net from 'node:net';
import type { AppEvent } from '../../app/contract/events';
import type { DukkanApp } from '../../main/app/openApp';
import { startBrowserServer, type BrowserServer } from '../../main/browser/browserServer';
import { buildRendererAssets } from '../../main/browser/rendererAssets';
import { createLogger, type LogRecord } from '../../main/log/logger';
import { openTestApp } from '../app/support';

const TAB_IN = '0b8e3c1a-5d2f-4c6b-9a7e-1f2d3c4b5a60';
const TAB_OUT = '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

let app: DukkanApp;
let server: BrowserServer;
const listeners = new Set<(e: AppEvent) => void>();
const lines: LogRecord[] = [];
const emit = (e: AppEvent): void => listeners.forEach((l) => l(e));

beforeAll(async () => {
  app = (await openTestApp()).app;
  server = await startBrowserServer({
    dispatcher: app.dispatcher,
    sessions: app.sessions,
    assets: await buildRendererAssets(),
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    logger: createLogger({ sink: (_line, record) => lines.push(record) }),
    refusalLog: { perWindow: 5, windowMs: 400 },
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

describe('requests without the token', () => {
  it('are logged at most 5 per window, the rest counted in one line when the next window opens', async () => {
    const before = lines.length;
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => request({ path: '/api/session.get', headers: headers(TAB_OUT, 'x'.repeat(43)), body: '{}' })),
    );
    expect(answers.every((a) => a.status === 401)).toBe(true);
    const burst = lines.slice(before).filter((l) => l.event === 'browser.refused-token');
    expect(burst).toHaveLength(5);
    await new Promise((r) => setTimeout(r, 450));
    await request({ path: '/api/session.get', headers: headers(TAB_OUT, 'x'.repeat(43)), body: '{}' });
    const after = lines.slice(before);
    expect(after.filter((l) => l.event === 'browser.refusals-suppressed').map((l) => l.fields)).toEqual([
      expect.objectContaining({ refusal: 'browser.refused-token', count: 195 }),
    ]);
    expect(after.filter((l) => l.event === 'browser.refused-token')).toHaveLength(6);
  });

  it('a 1 GB body after a 401 is not read: the answer comes, then the connection closes', async () => {
    const total = 1024 * 1024 * 1024;
    const socket = net.connect(server.port, '127.0.0.1');
    let answer = '';
    let written = 0;
    socket.on('data', (d: Buffer) => (answer += d.toString('latin1')));
    socket.on('error', () => undefined); // EPIPE / ECONNRESET once the server drops the connection
    const closed = new Promise<boolean>((resolve) => {
      socket.on('close', () => resolve(true));
      setTimeout(() => resolve(false), 15_000);
    });
    socket.write(
      `POST /api/catalog.importCsv HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/json\r\n` +
        `X-Dukkan-Client: ${TAB_OUT}\r\nContent-Length: ${total}\r\n\r\n`,
    );
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const pump = (): void => {
      while (written < total && !socket.destroyed) {
        written += chunk.length;
        if (!socket.write(chunk)) return void socket.once('drain', pump);
      }
    };
    pump();
    expect(await closed).toBe(true);
    socket.destroy();
    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
    expect(answer).toMatch(/\r\nConnection: close\r\n/i);
    // what the client could push before the server stopped reading: socket buffers, far from the gigabyte
    expect(written).toBeLessThan(64 * 1024 * 1024);
  });
});
