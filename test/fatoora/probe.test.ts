// SPDX-License-Identifier: UNLICENSED
// The reporting worker's connectivity probe goes through the client's HTTP stack, as every Fatoora call does: a
// till behind a proxy (Electron: Chromium's network stack with the OS proxy) may be unable to open a direct TCP
// connection to Fatoora while its requests get through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFatooraClient, type FetchLike } from '../../main/fatoora/index';

describe('FatooraClient.probe', () => {
  let server: http.Server;
  let port = 0;
  const seen: string[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url} auth=${req.headers.authorization ?? 'none'}`);
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('any HTTP answer, even 404, means reachable; nothing is authenticated', async () => {
    const client = createFatooraClient({ environment: 'local-simulator', baseUrl: `http://127.0.0.1:${port}/e-invoicing/simulation` });
    expect(await client.probe()).toBe(true);
    expect(seen.at(-1)).toBe('HEAD /e-invoicing/simulation auth=none');
  });

  it('a refused connection means unreachable', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const client = createFatooraClient({ environment: 'local-simulator', baseUrl: `http://127.0.0.1:${deadPort}` });
    expect(await client.probe()).toBe(false);
  });

  it('uses the injected HTTP stack: reachable through a "proxy" although the host itself refuses connections', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const directPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    // the stand-in proxy: every request for the unreachable host is carried to the server that answers
    const viaProxy: FetchLike = (url, init) => fetch(url.replace(`127.0.0.1:${directPort}`, `127.0.0.1:${port}`), init);
    const client = createFatooraClient({ environment: 'local-simulator', baseUrl: `http://127.0.0.1:${directPort}/fatoora`, fetch: viaProxy });
    expect(await client.probe()).toBe(true);
    expect(seen.at(-1)).toBe('HEAD /fatoora auth=none');
  });
});
