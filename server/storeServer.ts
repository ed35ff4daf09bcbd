// SPDX-License-Identifier: UNLICENSED
// The store server (docs/store-server.md): one HTTP service for a shop's or a chain's tills. Tills enrol, then push
// what they committed and pull master data, each request signed by the terminal's own key; managers use the web
// page. It never reaches into a till: a till keeps selling with this server down, and nothing here changes a till's
// chain or clock. It serves HTTPS with its own certificate, which the tills pin (docs/store-server.md, "TLS and the
// pinned certificate"); plain HTTP only on 127.0.0.1 and only when asked for (the bench, development).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { DukkanError } from '../app/errors/index';
import { startDocumentCheckPool, type DocumentCheckPool } from './checks/documentCheckPool';
import type { Storage } from './db/storage';
import { enrol } from './enrolment';
import { sendError, sendJson } from './http/answers';
import { jsonOf, readBody } from './http/readBody';
import { ingest } from './ingest';
import { authenticate } from './requestAuth';
import { handleManager } from './manager/managerRoutes';
import { handleTerminalBackups } from './terminalBackups';
import { handleTerminalReads } from './terminalReads';
import { tlsPlan, type OwnTlsOptions, type TlsPlan } from './tls/tlsPlan';
import { changeUserPin } from './pinChanges';
import { STORE_PIN_PATH } from '../app/contract/storePinChange';
import { STORE_RELEASE_PATH, STORE_RESERVE_PATH } from '../app/contract/storeReturnReservation';
import { releaseReturn, reserveReturn } from './returnReservations';

export interface StoreServerOptions {
  readonly storage: Storage;
  readonly host?: string;
  readonly port?: number;
  /** The secret of the manager page, printed at start (docs/store-server.md, "Manager page"). */
  readonly managerToken: string;
  readonly now?: () => Date;
  readonly log?: (line: string) => void;
  /** The threads that check pushed documents (default: one per CPU, closed with the server). */
  readonly checks?: DocumentCheckPool;
  /** Plain HTTP instead of TLS: only on a loopback host (the bench, development). */
  readonly plainHttp?: boolean;
  /** The shop's own certificate files instead of the self-signed one (docs/store-server.md, "TLS and the pinned certificate"). */
  readonly ownTls?: OwnTlsOptions;
}

export interface StoreServer {
  readonly url: string;
  /** SHA-256 of the TLS certificate tills pin (shown on the manager page); null when serving plain HTTP. */
  readonly fingerprint: string | null;
  /**
   * Serves the next certificate once its switch time has come (or a replacement stored by rotate-certificate since
   * the start is announced): run every minute, and by tests with their clock.
   */
  refreshTls(): Promise<void>;
  close(): Promise<void>;
}

export async function startStoreServer(options: StoreServerOptions): Promise<StoreServer> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  const { storage } = options;
  const host = options.host ?? '127.0.0.1';
  if (options.plainHttp && !['127.0.0.1', '::1', 'localhost'].includes(host)) throw new DukkanError('store.plain-http-host', { host });
  let tls: TlsPlan | undefined = options.plainHttp ? undefined : await tlsPlan(storage, options.ownTls, now());
  const identity = tls?.served;
  let fingerprint = identity?.fingerprint ?? null;
  const checks = options.checks ?? startDocumentCheckPool();

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://store.invalid');
    const method = req.method ?? 'GET';
    if (url.pathname.startsWith('/manager') || url.pathname === '/') {
      await handleManager({ req, res, url, storage, now, token: options.managerToken, fingerprint });
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
        sendJson(res, 200, { ok: true, value: await ingest(storage, terminal, jsonOf(body), now(), checks) });
        return;
      }
      if (method === 'POST' && url.pathname === STORE_PIN_PATH) {
        sendJson(res, 200, { ok: true, value: await changeUserPin(storage, jsonOf(body)) });
        return;
      }
      if (method === 'POST' && url.pathname === STORE_RESERVE_PATH) {
        sendJson(res, 200, { ok: true, value: await reserveReturn(storage, terminal, jsonOf(body), now()) });
        return;
      }
      if (method === 'POST' && url.pathname === STORE_RELEASE_PATH) {
        sendJson(res, 200, { ok: true, value: await releaseReturn(storage, terminal, jsonOf(body), now()) });
        return;
      }
      if (await handleTerminalBackups({ res, url, method, body, storage, terminal, now: now() })) return;
      if (method === 'GET' && (await handleTerminalReads({ res, url, storage, terminal, tlsNext: tls?.announcement }))) return;
    }
    throw new DukkanError('store.not-found', { path: url.pathname.slice(0, 200) });
  }

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendError(res, err, log);
    });
  };
  const tlsServer = identity ? createTlsServer({ key: identity.privateKeyPem, cert: identity.certificatePem, minVersion: 'TLSv1.2' }, handler) : undefined;
  const server = tlsServer ?? createServer(handler);
  async function refreshTls(): Promise<void> {
    // the shop's files without a handover are read at start only: a certificate replaced in place would otherwise be
    // served within a minute, unannounced, and every till would refuse it (docs/store-server.md, "Replacing the certificate")
    if (!tls || !tlsServer || (options.ownTls && !options.ownTls.next)) return;
    const fresh = await tlsPlan(storage, options.ownTls, now());
    if (fresh.served.fingerprint !== tls.served.fingerprint) {
      tlsServer.setSecureContext({ key: fresh.served.privateKeyPem, cert: fresh.served.certificatePem, minVersion: 'TLSv1.2' });
      log(`store server: now serving the TLS certificate ${fresh.served.fingerprint}`);
    }
    tls = fresh;
    fingerprint = fresh.served.fingerprint;
  }
  const refresher = setInterval(() => {
    refreshTls().catch((err: unknown) => log(`store server: TLS refresh failed: ${err instanceof Error ? err.message : String(err)}`));
  }, 60_000);
  refresher.unref();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `${identity ? 'https' : 'http'}://${shown}:${address.port}`,
    get fingerprint() {
      return fingerprint;
    },
    refreshTls,
    close: async () => {
      clearInterval(refresher);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await checks.close();
    },
  };
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
