// SPDX-License-Identifier: UNLICENSED
// One HTTP exchange with a deadline. Returns either the answer (status, headers, body text) or which way the
// exchange failed, sorted by what the caller can conclude:
// - `unreachable`: the connection was refused or the name did not resolve — nothing was sent;
// - `timeout` / `network` / `aborted`: the request may have reached the server — the outcome is unknown.
// Failure details carry the error code and the library's own message, never the request (whose headers hold the
// Authorization value).
// - `oversized`: an answer came with a body over the cap (MAX_ANSWER_BYTES), which is not read: outcome unknown.
// The HTTP stack is injected (FetchLike): Node's global fetch by default, Chromium's in the desktop app
// (chromiumFetch.ts); the deadline, the capped whole-body read and the failure classes above are this file's, for both.

export interface HttpRequest {
  readonly url: string;
  readonly method: 'POST' | 'PATCH' | 'HEAD';
  readonly headers: Record<string, string>;
  /** Ignored for HEAD, which has no body. */
  readonly body: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** The most of the answer's body that is read (default MAX_ANSWER_BYTES); a larger one is not read to the end. */
  readonly maxAnswerBytes?: number;
}

/**
 * What is read of an answer at most: 4 MiB. Fatoora's answers are JSON of a few kilobytes — a cleared invoice, the
 * largest, is the base64 of a document the till signed, tens of kilobytes for a receipt. Without a cap a broken or
 * hostile server (or a captive portal) could push hundreds of megabytes into the main process's memory.
 */
export const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

export type HttpExchange =
  | { readonly ok: true; readonly status: number; readonly headers: Headers; readonly text: string }
  | {
      readonly ok: false;
      /** `oversized`: an answer came, but its body was larger than the cap and was not read to the end. */
      readonly failure: 'unreachable' | 'timeout' | 'network' | 'aborted' | 'oversized';
      readonly detail: string;
      /** The answer's status, for `oversized`. */
      readonly httpStatus?: number;
    };

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

/**
 * The body as text, or undefined once it passes `maxBytes` — declared by Content-Length or counted as it arrives;
 * `stop` then closes the connection, so the rest is never received.
 */
async function readCapped(response: Response, maxBytes: number, stop: () => void): Promise<string | undefined> {
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    stop();
    return undefined;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      stop();
      void reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function exchange(request: HttpRequest, fetchImpl: FetchLike = fetch): Promise<HttpExchange> {
  const controller = new AbortController();
  const maxBytes = request.maxAnswerBytes ?? MAX_ANSWER_BYTES;
  let oversized = false;
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
    const text = await readCapped(response, maxBytes, () => {
      oversized = true;
      controller.abort();
    });
    if (text === undefined) {
      return { ok: false, failure: 'oversized', httpStatus: response.status, detail: `HTTP ${response.status} with a body over ${maxBytes} bytes: not read` };
    }
    return { ok: true, status: response.status, headers: response.headers, text };
  } catch (err) {
    if (oversized) return { ok: false, failure: 'oversized', detail: `a body over ${maxBytes} bytes: not read` };
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
