// SPDX-License-Identifier: UNLICENSED
// The desktop app's FetchLike for Fatoora: Chromium's network stack (Electron's `net`) instead of Node's. Shops sit
// behind captive portals, proxies configured by the OS (manual, PAC, WPAD) and TLS-inspecting proxies whose root
// certificate their IT installed in the OS store; Chromium uses all of that, as the shop's browser does, and Node's
// fetch none of it. Everything above the FetchLike — the deadline, reading the whole body, failure classes, what a
// failure's detail may say — is transport.ts's exchange(), the same code for both stacks.
//
// Built on net.request (ClientRequest) rather than net.fetch: with `redirect: 'manual'` net.fetch fails on any 3xx
// ("Redirect was cancelled") where Node's fetch answers it, and clearance's 303 means "clearance is off, report
// instead" (reference §9) — it must reach the classifier as an answer. ClientRequest announces the redirect with its
// status and headers; that is returned as the response, and the request is aborted (never followed).
// Nothing here logs, and an error's text is Chromium's net error name (`net::ERR_…`), never the request.
import type { FetchLike } from './transport';

/** The parts of Electron's IncomingMessage used here. */
export interface NetResponse {
  readonly statusCode: number;
  readonly statusMessage: string;
  readonly headers: Record<string, string | string[]>;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** The parts of Electron's ClientRequest used here. */
export interface NetRequest {
  setHeader(name: string, value: string): void;
  on(event: 'response', listener: (response: NetResponse) => void): unknown;
  on(event: 'redirect', listener: (statusCode: number, method: string, redirectUrl: string, responseHeaders: Record<string, string[]>) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  end(chunk?: string): unknown;
  abort(): void;
}

/** Electron's net.request, bound by the shell to the session Fatoora requests use. */
export type NetRequestFactory = (options: { readonly method: string; readonly url: string; readonly redirect: 'manual' }) => NetRequest;

/** Statuses whose response has no body (a Response with one cannot even be constructed). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

function headersOf(raw: Record<string, string | readonly string[]>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const v of typeof value === 'string' ? [value] : value) headers.append(name, v);
  }
  return headers;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

export function chromiumFetch(request: NetRequestFactory): FetchLike {
  return (url, init) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init.signal ?? undefined;
      if (signal?.aborted) return reject(abortReason(signal));
      if (init.body !== undefined && init.body !== null && typeof init.body !== 'string')
        return reject(new TypeError('chromiumFetch: only a string body is supported'));
      // before the response: reject the promise; once it is out, error its body (an aborted read must not end quietly)
      let fail: (error: unknown) => void = reject;
      let req: NetRequest;
      try {
        req = request({ method: init.method ?? 'GET', url, redirect: 'manual' });
        for (const [name, value] of new Headers(init.headers)) req.setHeader(name, value);
      } catch (e) {
        return reject(e);
      }
      const onAbort = (): void => {
        req.abort();
        fail(abortReason(signal!));
      };
      const settled = (): void => signal?.removeEventListener('abort', onAbort);
      // inside an event listener a throw would be an uncaught exception in main: a status or header the Fetch API
      // cannot represent rejects this request instead
      const answer = (make: () => Response): void => {
        try {
          resolve(make());
        } catch (e) {
          req.abort();
          reject(e);
        }
      };
      signal?.addEventListener('abort', onAbort, { once: true });

      req.on('redirect', (statusCode, _method, _redirectUrl, responseHeaders) => {
        settled();
        req.abort();
        answer(() => new Response(null, { status: statusCode, headers: headersOf(responseHeaders) }));
      });
      req.on('response', (response) => {
        const body = NULL_BODY.has(response.statusCode)
          ? null
          : new ReadableStream<Uint8Array>({
              start(controller) {
                let open = true;
                fail = (error) => {
                  if (open) controller.error(error);
                  open = false;
                };
                response.on('data', (chunk) => {
                  if (open) controller.enqueue(new Uint8Array(chunk));
                });
                response.on('end', () => {
                  settled();
                  if (open) controller.close();
                  open = false;
                });
                response.on('error', (error) => {
                  settled();
                  fail(error);
                });
              },
            });
        if (!body) settled();
        answer(() => new Response(body, { status: response.statusCode, statusText: response.statusMessage, headers: headersOf(response.headers) }));
      });
      req.on('error', (error) => {
        settled();
        fail(error);
      });
      req.end(typeof init.body === 'string' ? init.body : undefined);
    });
}
