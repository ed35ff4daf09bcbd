// SPDX-License-Identifier: UNLICENSED
// A real HTTP server on 127.0.0.1 for one test file: listening before the tests, closed (with its connections) after.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

export interface LocalServer {
  /** `http://127.0.0.1:<port>`, set once the server listens. */
  url: string;
  server: http.Server;
}

export function useLocalServer(handler: http.RequestListener): LocalServer {
  const local: LocalServer = { url: '', server: http.createServer(handler) };
  beforeAll(async () => {
    await new Promise<void>((r) => local.server.listen(0, '127.0.0.1', r));
    local.url = `http://127.0.0.1:${(local.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    local.server.closeAllConnections();
    await new Promise((r) => local.server.close(r));
  });
  return local;
}
