// SPDX-License-Identifier: UNLICENSED
// The simulator's HTTP side: node:http on 127.0.0.1, the three ZATCA path prefixes, Accept-Version V2, JSON bodies,
// and fault injection wrapped around the endpoint handlers. A small net.Server in front hands connections to the
// HTTP server, so an outage window in `refuse` mode can really stop listening (clients get ECONNREFUSED) and
// listen again on the same port when the window ends.
import http from 'node:http';
import net from 'node:net';
import type { Logger } from '../log/logger';
import type { FatooraEndpoint } from '../fatoora/outcome';
import type { SimulatorClock } from './clock';
import { ROUTES, type EndpointContext, type EndpointResponse } from './endpoints';
import type { FaultController, FaultDecision } from './faults';
import { nginxPage, serviceErrorBody, VERSION_NOT_SUPPORTED } from './realShapes';
import { splitEnvironmentPath, type ZatcaEnvironment } from './zatcaEnvironment';

export interface HttpSideOptions {
  readonly port: number;
  readonly maxBodyBytes: number;
  readonly clock: SimulatorClock;
  readonly faults: FaultController;
  readonly context: EndpointContext;
  readonly log: Logger;
}

export interface HttpSide {
  readonly port: number;
  /** Re-evaluates outage windows now (after the clock or the faults changed). */
  reconcile(): Promise<void>;
  close(): Promise<void>;
}

const STATUS_TEXT: Record<number, string> = {
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const CSID_ENDPOINTS: readonly (FatooraEndpoint | undefined)[] = ['compliance-csid', 'production-csid', 'renew-production-csid'];

/** An injected error's body, as the field sees it (reference §9.1): nginx pages from the gateway, the service's JSON. */
function faultBody(status: number, format: 'json' | 'html', endpoint?: FatooraEndpoint): { type: string; text: string } {
  const title = `${status} ${STATUS_TEXT[status] ?? 'Error'}`;
  if (format === 'html') {
    const text = status >= 502 && status <= 504 ? nginxPage(status) : `<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`;
    return { type: 'text/html', text };
  }
  return { type: 'application/json', text: JSON.stringify(serviceErrorBody(status, CSID_ENDPOINTS.includes(endpoint))) };
}

export async function startHttpSide(options: HttpSideOptions): Promise<HttpSide> {
  const { clock, faults, context, log, maxBodyBytes } = options;
  let closed = false;
  const sockets = new Set<net.Socket>();
  const activeRequests = new Map<net.Socket, number>();
  const timers = new Set<NodeJS.Timeout>();
  const pendingSleeps = new Set<() => void>();

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (ms <= 0 || closed) return resolve();
      const done = (): void => {
        clearTimeout(t);
        timers.delete(t);
        pendingSleeps.delete(done);
        resolve();
      };
      const t = setTimeout(done, ms);
      timers.add(t);
      pendingSleeps.add(done);
    });

  function send(res: http.ServerResponse, status: number, body: { type: string; text: string } | undefined, headers: Record<string, string> = {}): void {
    if (res.headersSent || res.destroyed) return;
    const payload = body ? Buffer.from(body.text, 'utf8') : undefined;
    res.writeHead(status, {
      ...headers,
      ...(payload ? { 'Content-Type': body!.type, 'Content-Length': String(payload.length) } : { 'Content-Length': '0' }),
    });
    res.end(payload);
  }

  const json = (r: EndpointResponse) => r.raw ?? (r.body === undefined ? undefined : { type: 'application/json', text: JSON.stringify(r.body) });

  function readBody(req: http.IncomingMessage): Promise<Buffer | 'too-large' | 'aborted'> {
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let over = false;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > maxBodyBytes) over = true;
        else chunks.push(c);
      });
      req.on('end', () => resolve(over ? 'too-large' : Buffer.concat(chunks)));
      req.on('aborted', () => resolve('aborted'));
      req.on('error', () => resolve('aborted'));
    });
  }

  async function handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ): Promise<{ status: number | string; endpoint?: FatooraEndpoint; environment?: ZatcaEnvironment; fault?: string }> {
    const outage = faults.outageAt(clock.now());
    if (outage?.mode === 'refuse') {
      req.socket.destroy();
      return { status: 'refused' };
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const split = splitEnvironmentPath(url.pathname);
    const candidates = split ? ROUTES.filter((r) => r.path === split.rest.replace(/\/+$/, '')) : [];
    const route = candidates.find((r) => r.method === req.method);
    const where = { ...(route ? { endpoint: route.endpoint } : {}), ...(split ? { environment: split.environment } : {}) };

    const raw = await readBody(req);
    if (raw === 'aborted') return { ...where, status: 'client-aborted' };
    if (outage?.mode === 'unavailable') {
      send(res, 503, faultBody(503, 'html'), { 'Retry-After': String(Math.max(1, Math.ceil((outage.until.getTime() - clock.now().getTime()) / 1000))) });
      return { ...where, status: 503, fault: 'outage' };
    }
    const decision: FaultDecision = faults.decide(route?.endpoint);
    await sleep(decision.latencyMs);
    if (closed) return { ...where, status: 'closed' };
    switch (decision.kind) {
      case 'status':
        send(
          res,
          decision.status,
          faultBody(decision.status, decision.format, route?.endpoint),
          decision.retryAfterSeconds !== undefined ? { 'Retry-After': String(decision.retryAfterSeconds) } : {},
        );
        return { ...where, status: decision.status, fault: `status-${decision.status}` };
      case 'timeout':
        // held: no answer until the client gives up or the simulator closes
        return { ...where, status: 'held', fault: 'timeout' };
      case 'reset':
        req.socket.resetAndDestroy();
        return { ...where, status: 'reset', fault: 'reset' };
      default:
        break;
    }

    let response: EndpointResponse;
    if (raw === 'too-large') {
      response = {
        status: 413,
        body: { code: 'Payload-Too-Large', message: `The request body exceeds ${maxBodyBytes} bytes` },
        headers: { Connection: 'close' },
      };
    } else if (!split) {
      response = {
        status: 404,
        body: { code: 'Not-Found', message: 'Unknown path: the simulator serves /e-invoicing/developer-portal, /e-invoicing/simulation and /e-invoicing/core' },
      };
    } else if (!route) {
      response =
        candidates.length > 0
          ? {
              status: 405,
              body: { code: 'Method-Not-Allowed', message: `Use ${candidates.map((c) => c.method).join(' or ')}` },
              headers: { Allow: candidates.map((c) => c.method).join(', ') },
            }
          : { status: 404, body: { code: 'Not-Found', message: 'Unknown endpoint' } };
    } else if (req.headers['accept-version'] !== 'V2') {
      response = { status: 406, raw: { type: 'text/plain', text: VERSION_NOT_SUPPORTED } };
    } else {
      let body: unknown;
      try {
        body = raw.length === 0 ? {} : (JSON.parse(raw.toString('utf8')) as unknown);
      } catch {
        body = undefined;
      }
      response =
        body === undefined
          ? { status: 400, body: { code: 'Invalid-Request', message: 'Invalid Request' } }
          : await route.handler(context, { environment: split.environment, headers: req.headers, body });
    }
    if (closed) return { ...where, status: 'closed' };
    if (decision.kind === 'lost-response') {
      // handled (and recorded), but the answer never leaves: the client cannot know it arrived
      req.socket.destroy();
      return { ...where, status: response.status, fault: 'lost-response' };
    }
    if (decision.kind === 'recorded-then-status') {
      // handled (and recorded), then the gateway fails: the client is told 5xx, not that it arrived
      const wait: Record<string, string> = decision.retryAfterSeconds !== undefined ? { 'Retry-After': String(decision.retryAfterSeconds) } : {};
      send(res, decision.status, faultBody(decision.status, decision.status === 500 ? 'json' : 'html', route?.endpoint), wait);
      return { ...where, status: decision.status, fault: `recorded-then-${decision.status}` };
    }
    send(res, response.status, json(response), response.headers as Record<string, string> | undefined);
    return { ...where, status: response.status };
  }

  const httpServer = http.createServer((req, res) => {
    const started = performance.now();
    const socket = req.socket;
    activeRequests.set(socket, (activeRequests.get(socket) ?? 0) + 1);
    const finished = (): void => {
      activeRequests.set(socket, Math.max(0, (activeRequests.get(socket) ?? 1) - 1));
    };
    res.once('close', finished);
    handle(req, res).then(
      (r) =>
        log.info('simulator.request', {
          method: req.method,
          path: new URL(req.url ?? '/', 'http://x').pathname,
          ...r,
          durationMs: Math.round(performance.now() - started),
        }),
      (err: unknown) => {
        // a bug in a handler: answer 500 (like a real server) and log the error type and message only
        log.error('simulator.handler-failed', {
          method: req.method,
          errorName: err instanceof Error ? err.name : typeof err,
          errorMessage: err instanceof Error ? err.message : '',
        });
        send(res, 500, faultBody(500, 'json'));
      },
    );
  });
  httpServer.keepAliveTimeout = 5000;

  let listener: net.Server | undefined;
  let port = options.port;

  function onConnection(socket: net.Socket): void {
    if (closed) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      activeRequests.delete(socket);
    });
    httpServer.emit('connection', socket);
  }

  function listen(): Promise<net.Server> {
    return new Promise((resolve, reject) => {
      const server = net.createServer(onConnection);
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        port = (server.address() as net.AddressInfo).port;
        resolve(server);
      });
    });
  }

  listener = await listen();

  let chain: Promise<void> = Promise.resolve();
  const interval = setInterval(() => void reconcile(), 100);
  interval.unref();

  function reconcile(): Promise<void> {
    chain = chain
      .then(async () => {
        if (closed) return;
        const refuse = faults.outageAt(clock.now())?.mode === 'refuse';
        if (refuse && listener) {
          listener.close();
          listener = undefined;
          // idle keep-alive connections would let clients in through the back door
          for (const s of sockets) if ((activeRequests.get(s) ?? 0) === 0) s.destroy();
          interval.ref(); // nothing else keeps the process alive while the port is closed
          log.info('simulator.outage', { mode: 'refuse', listening: false });
        } else if (!refuse && !listener) {
          listener = await listen();
          interval.unref();
          log.info('simulator.outage', { mode: 'refuse', listening: true, port });
        }
      })
      .catch((err: unknown) => log.error('simulator.relisten-failed', { errorMessage: err instanceof Error ? err.message : String(err) }));
    return chain;
  }

  return {
    get port() {
      return port;
    },
    reconcile,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(interval);
      for (const t of timers) clearTimeout(t);
      for (const wake of [...pendingSleeps]) wake();
      await chain;
      const l = listener;
      listener = undefined;
      for (const s of sockets) s.destroy();
      if (l) await new Promise<void>((resolve) => l.close(() => resolve()));
    },
  };
}
