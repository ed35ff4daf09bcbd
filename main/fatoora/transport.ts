// SPDX-License-Identifier: UNLICENSED
// One HTTP exchange with a deadline. Returns either the answer (status, headers, body text) or which way the
// exchange failed, sorted by what the caller can conclude:
// - `unreachable`: the connection was refused or the name did not resolve — nothing was sent;
// - `timeout` / `network` / `aborted`: the request may have reached the server — the outcome is unknown.
// Failure details carry the error code and the library's own message, never the request (whose headers hold the
// Authorization value).
// The HTTP stack is injected (FetchLike): Node's global fetch by default, Chromium's in the desktop app
// (chromiumFetch.ts); the deadline, the whole-body read and the failure classes above are this file's, for both.

export interface HttpRequest {
  readonly url: string;
  readonly method: 'POST' | 'PATCH' | 'HEAD';
  readonly headers: Record<string, string>;
  /** Ignored for HEAD, which has no body. */
  readonly body: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

export type HttpExchange =
  | { readonly ok: true; readonly status: number; readonly headers: Headers; readonly text: string }
  | { readonly ok: false; readonly failure: 'unreachable' | 'timeout' | 'network' | 'aborted'; readonly detail: string };

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Codes that prove no request bytes were delivered: Node's (undici, the default fetch) and the same conditions as
 * Chromium names them (the desktop app's transport, chromiumFetch.ts), including a proxy that could not be reached or
 * would not open a tunnel — the request never left the shop's network.
 */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_INVALID_URL',
  'ERR_CONNECTION_REFUSED',
  'ERR_NAME_NOT_RESOLVED',
  'ERR_NAME_RESOLUTION_FAILED',
  'ERR_ADDRESS_UNREACHABLE',
  'ERR_INTERNET_DISCONNECTED',
  'ERR_PROXY_CONNECTION_FAILED',
  'ERR_TUNNEL_CONNECTION_FAILED',
]);

/** Chromium's errors carry no `code`; their message is the net error's name (`net::ERR_CONNECTION_REFUSED`). */
const CHROMIUM_NET_ERROR = /^net::(ERR_[A-Z0-9_]+)$/;

function errorCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const chromium = e instanceof Error ? CHROMIUM_NET_ERROR.exec(e.message) : null;
    if (chromium) return chromium[1];
  }
  return undefined;
}

function describe(err: unknown): string {
  const code = errorCode(err);
  const cause = (err as { cause?: unknown })?.cause;
  const message = cause instanceof Error ? cause.message : err instanceof Error ? err.message : String(err);
  return code ? `${code}: ${message}` : message;
}

export async function exchange(request: HttpRequest, fetchImpl: FetchLike = fetch): Promise<HttpExchange> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, request.timeoutMs);
  const onCallerAbort = (): void => controller.abort();
  if (request.signal?.aborted) controller.abort();
  request.signal?.addEventListener('abort', onCallerAbort, { once: true });
  try {
    const response = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.method === 'HEAD' ? {} : { body: request.body }),
      signal: controller.signal,
      // 303 from clearance means "clearance is off" (reference §9); following it would hide that answer
      redirect: 'manual',
    });
    const text = await response.text();
    return { ok: true, status: response.status, headers: response.headers, text };
  } catch (err) {
    if (timedOut) return { ok: false, failure: 'timeout', detail: `no complete answer within ${request.timeoutMs} ms` };
    if (controller.signal.aborted) return { ok: false, failure: 'aborted', detail: 'aborted by the caller' };
    const code = errorCode(err);
    return { ok: false, failure: code && NOT_SENT_CODES.has(code) ? 'unreachable' : 'network', detail: describe(err) };
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', onCallerAbort);
  }
}

/** Retry-After as milliseconds: delta-seconds or an HTTP-date (RFC 9110 §10.2.3); undefined when absent or bad. */
export function parseRetryAfter(value: string | null, now: Date = new Date()): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  if (!/[a-z]/i.test(v)) return undefined;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}
