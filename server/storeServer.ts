// SPDX-License-Identifier: UNLICENSED
// The store server (docs/store-server.md): one HTTP service for a shop's or a chain's tills. Tills enrol, then push
// what they committed and pull master data, each request signed by the terminal's own key; managers use the web
// page. It never reaches into a till: a till keeps selling with this server down, and nothing here changes a till's
// chain or clock.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DukkanError } from '../app/errors/index';
import type { Storage } from './db/storage';
import { enrol } from './enrolment';
import { sendError, sendJson } from './http/answers';
import { jsonOf, readBody } from './http/readBody';
import { ingest } from './ingest';
import { authenticate } from './requestAuth';
import { handleManager } from './manager/managerRoutes';
import { handleTerminalBackups } from './terminalBackups';
import { handleTerminalReads } from './terminalReads';

export interface StoreServerOptions {
  readonly storage: Storage;
  readonly host?: string;
  readonly port?: number;
  /** The secret of the manager page, printed at start (docs/store-server.md, "Manager page"). */
  readonly managerToken: string;
  readonly now?: () => Date;
  readonly log?: (line: string) => void;
}

export interface StoreServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startStoreServer(options: StoreServerOptions): Promise<StoreServer> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  const { storage } = options;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://store.invalid');
    const method = req.method ?? 'GET';
    if (url.pathname.startsWith('/manager') || url.pathname === '/') {
      await handleManager({ req, res, url, storage, now, token: options.managerToken });
      return;
    }
    const body = await readBody(req);
    if (method === 'POST' && url.pathname === '/api/enrol') {
      sendJson(res, 200, { ok: true, value: await enrol(storage, jsonOf(body), now()) });
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      const terminal = await authenticate(storage, { method, path: url.pathname + url.search, header: (n) => headerOf(req, n), body }, now());
      if (method === 'POST' && url.pathname === '/api/push') {
        sendJson(res, 200, { ok: true, value: await ingest(storage, terminal, jsonOf(body), now()) });
        return;
      }
      if (await handleTerminalBackups({ res, url, method, body, storage, terminal, now: now() })) return;
      if (method === 'GET' && (await handleTerminalReads({ res, url, storage, terminal }))) return;
    }
    throw new DukkanError('store.not-found', { path: url.pathname.slice(0, 200) });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendError(res, err, log);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
