// SPDX-License-Identifier: UNLICENSED
// Browser mode's transport: the same contract and the same dispatcher as Electron's IPC, over HTTP on 127.0.0.1.
//   GET  /, /index.html, /app.js, /app.css   the renderer (fixed map, CSP and hardening headers)
//   POST /api/<method>                        one contract call: JSON argument in, ApiResult envelope out
//   GET  /api/events                          server-sent events (AppEvent as `data:` lines)
// Every /api request needs the per-launch token (Authorization: Bearer …, compared in constant time) and a client id
// (X-Dukkan-Client, one per tab: its own sign-in). Requests whose Host is not our loopback address (DNS rebinding)
// or whose Origin / Sec-Fetch-Site says another site sent them are refused before anything else.
// A refused request's body is never read: the answer goes out with Connection: close and the socket stops reading,
// so a gigabyte sent without the token costs nothing; refusals are logged rate-limited (refusalLog.ts). A tab
// receives the event stream's news only while someone is signed in at it (docs/security.md "Browser mode").
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppEvent } from '../../app/contract/events';
import { DukkanError, errorText } from '../../app/errors/index';
import { apiErrorOf } from '../ipc/apiErrors';
import type { Dispatcher } from '../ipc/dispatcher';
import type { Logger } from '../log/logger';
import type { ClientSession } from '../users/sessions';
import { securityHeaders } from '../window/csp';
import { RefusalLog, type RefusalLogOptions } from './refusalLog';
import type { RendererAssets } from './rendererAssets';

export interface BrowserServerOptions {
  readonly dispatcher: Dispatcher;
  readonly sessions: { get(clientId: string): ClientSession };
  readonly assets: RendererAssets;
  /** Subscribes to the app's events; returns the unsubscribe function. */
  readonly subscribe: (listener: (event: AppEvent) => void) => () => void;
  readonly logger: Logger;
  /** Default 0: any free port. */
  readonly port?: number;
  /** Default: 32 random bytes, base64url. */
  readonly token?: string;
  readonly maxBodyBytes?: number;
  /** How many refusal lines are logged (default 20 per kind per minute). */
  readonly refusalLog?: RefusalLogOptions;
}

export interface BrowserServer {
  readonly port: number;
  readonly origin: string;
  /** The address to open: origin + fragment with the token (a fragment never reaches a server or its log). */
  readonly launchUrl: string;
  readonly token: string;
  close(): Promise<void>;
}

const CLIENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A method name as the contract spells them (app/contract/methodNames.ts): anything else is not worth a lookup. */
const METHOD_NAME = /^[A-Za-z][A-Za-z0-9.]{0,63}$/;
const KEEPALIVE_MS = 15_000;
/** After a refusal the client gets this long to read the answer before the unread connection is dropped. */
const REFUSED_LINGER_MS = 1000;
/** Events a signed-out tab still receives: they carry no data, only "reload the session". */
const SIGNED_OUT_EVENTS: ReadonlySet<AppEvent['type']> = new Set(['mode-changed']);

/**
 * The method named by `/api/<name>`: %-decoded, and only when it is spelled like a method. A malformed escape
 * (`/api/%`) or a name no method could have is a bad request (400), never an internal error.
 */
function methodName(pathname: string): string | undefined {
  let name: string;
  try {
    name = decodeURIComponent(pathname.slice('/api/'.length));
  } catch {
    return undefined;
  }
  return METHOD_NAME.test(name) ? name : undefined;
}

/** A transport-level refusal is plain text, in both languages (the page that sent it may be in either). */
const PATH_INVALID = `${errorText('security.api-path-invalid', {}, 'en')}\n${errorText('security.api-path-invalid', {}, 'ar')}`;

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const log = options.logger.child({ component: 'browser-server' });
  const token = options.token ?? randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(`Bearer ${token}`);
  const maxBody = options.maxBodyBytes ?? 4 * 1024 * 1024;
  const streams = new Set<http.ServerResponse>();
  const refusals = new RefusalLog(log, options.refusalLog);
  let origin = '';
  let hosts = new Set<string>();

  const authorised = (req: http.IncomingMessage): boolean => {
    const given = Buffer.from(req.headers.authorization ?? '');
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  };

  const plain = (res: http.ServerResponse, status: number, text: string): void => {
    res.writeHead(status, { ...securityHeaders('text/plain; charset=utf-8'), 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  };

  /**
   * A refusal answered before the body is read: the connection is closed after the answer, and the socket stops
   * reading at once — otherwise Node reads (and discards) whatever the client still sends, a gigabyte included.
   */
  const refuse = (req: http.IncomingMessage, res: http.ServerResponse, status: number, text: string): void => {
    res.setHeader('Connection', 'close');
    res.on('finish', () => {
      req.socket.pause();
      setTimeout(() => req.socket.destroy(), REFUSED_LINGER_MS).unref();
    });
    plain(res, status, text);
  };

  const json = (res: http.ServerResponse, value: unknown): void => {
    const body = Buffer.from(JSON.stringify(value));
    res.writeHead(200, { ...securityHeaders('application/json; charset=utf-8'), 'Content-Length': body.length });
    res.end(body);
  };

  /** The body, or null when it is larger than allowed (declared or as it arrives): the caller answers 413. */
  function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
    return new Promise((resolve) => {
      if (Number(req.headers['content-length'] ?? 0) > maxBody) return resolve(null);
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > maxBody) resolve(null);
        else chunks.push(c);
      });
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', () => resolve(null));
    });
  }

  /** Refuses requests another site could have caused: foreign Host (DNS rebinding), foreign Origin, cross-site fetch. */
  function sameSite(req: http.IncomingMessage): boolean {
    if (!hosts.has(req.headers.host ?? '')) return false;
    const o = req.headers.origin;
    if (o !== undefined && o !== origin) return false;
    const site = req.headers['sec-fetch-site'];
    return site === undefined || site === 'same-origin' || site === 'none';
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!sameSite(req)) {
      refusals.warn('browser.refused-site', { host: String(req.headers.host ?? '').slice(0, 80), origin: String(req.headers.origin ?? '').slice(0, 80) });
      return refuse(req, res, 403, 'forbidden');
    }
    const url = new URL(req.url ?? '/', origin);
    const pathname = url.pathname;
    if (!pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'method not allowed');
      const asset = options.assets.get(pathname === '/' ? '/index.html' : pathname);
      if (!asset) return plain(res, 404, 'not found');
      res.writeHead(200, { ...securityHeaders(asset.contentType), 'Content-Length': asset.body.length });
      res.end(req.method === 'HEAD' ? undefined : asset.body);
      return;
    }
    if (!authorised(req)) {
      refusals.warn('browser.refused-token', { path: pathname.slice(0, 60) });
      return refuse(req, res, 401, 'unauthorised');
    }
    const clientId = req.headers['x-dukkan-client'];
    if (typeof clientId !== 'string' || !CLIENT_ID.test(clientId)) return refuse(req, res, 400, 'X-Dukkan-Client must be a UUID');
    const session = options.sessions.get(`tab-${clientId.toLowerCase()}`);

    if (pathname === '/api/events') {
      if (req.method !== 'GET') return refuse(req, res, 405, 'method not allowed');
      res.writeHead(200, { ...securityHeaders('text/event-stream; charset=utf-8'), Connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      // read at each event: a tab signed out since it connected hears nothing more (sales, receipts, the queue)
      const unsubscribe = options.subscribe((event) => {
        if (session.user !== null || SIGNED_OUT_EVENTS.has(event.type)) res.write(`data: ${JSON.stringify(event)}\n\n`);
      });
      const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
      res.on('close', () => {
        clearInterval(keepalive);
        unsubscribe();
        streams.delete(res);
      });
      return;
    }

    if (req.method !== 'POST') return refuse(req, res, 405, 'method not allowed');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(req, res, 415, 'application/json only');
    const method = methodName(pathname);
    if (method === undefined) return refuse(req, res, 400, PATH_INVALID);
    const raw = await readBody(req);
    if (raw === null) {
      res.setHeader('Connection', 'close');
      res.on('finish', () => req.destroy());
      return plain(res, 413, 'too large');
    }
    let input: unknown;
    try {
      input = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
    } catch {
      return json(res, { ok: false, error: apiErrorOf(new DukkanError('api.body-not-json')) });
    }
    json(res, await options.dispatcher.call(method, input, session));
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log.error('browser.request-failed', { errorName: e instanceof Error ? e.name : typeof e });
      if (!res.headersSent) plain(res, 500, 'internal error');
      else res.end();
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  hosts = new Set([`127.0.0.1:${port}`]);
  log.info('browser.listening', { origin });
  return {
    port,
    origin,
    launchUrl: `${origin}/#token=${token}`,
    token,
    async close() {
      refusals.flush();
      for (const s of streams) s.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
