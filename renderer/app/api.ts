// SPDX-License-Identifier: UNLICENSED
// The renderer's one way to reach main: the contract's DukkanApi, over the preload bridge in Electron or over
// browser mode's HTTP transport (POST /api/<method>, events as a server-sent stream) with the per-launch token.
// Both answer the same envelope; a refused call becomes an ApiCallError: a DukkanError with the refusal's catalog
// code, parameters and field problems, so the screen shows it in its own language (state/services.ts).
import type { DukkanApi, DukkanBridge } from '../../app/contract/api';
import type { ApiError, ApiErrorCode, ApiResult } from '../../app/contract/errors';
import type { AppEvent } from '../../app/contract/events';
import { BRIDGE_GLOBAL, METHOD_NAMES, type MethodName } from '../../app/contract/methodNames';
import { DukkanError, errorText, type ErrorCode } from '../../app/errors/index';

export class ApiCallError extends DukkanError {
  override readonly name = 'ApiCallError';
  constructor(readonly error: ApiError) {
    super(error.reason, error.params, {
      ...(error.field !== undefined ? { field: error.field } : {}),
      problems: (error.fields ?? []).map((f) => ({ path: f.path, code: f.reason, params: f.params })),
    });
  }
}

/** A refusal the renderer raises itself (main cannot be reached): the same envelope main would answer. */
function transportFailure(code: ApiErrorCode, reason: ErrorCode): ApiCallError {
  return new ApiCallError({ code, reason, params: {}, message: errorText(reason, {}, 'en') });
}

export interface Connection {
  readonly api: DukkanApi;
  onEvent(listener: (event: AppEvent) => void): () => void;
  readonly transport: 'electron' | 'http';
}

function unwrap<T>(result: ApiResult<T>): T {
  if (result.ok) return result.value;
  throw new ApiCallError(result.error);
}

function fromBridge(bridge: DukkanBridge): Connection {
  const api = Object.fromEntries(
    METHOD_NAMES.map((m) => [m, async (input: unknown) => unwrap(await (bridge[m] as (i: unknown) => Promise<ApiResult<unknown>>)(input))]),
  ) as unknown as DukkanApi;
  return { api, onEvent: (listener) => bridge.onEvent(listener), transport: 'electron' };
}

const TOKEN_KEY = 'dukkan.token';
const CLIENT_KEY = 'dukkan.client';

/**
 * The link of the customer display in browser mode: this page with its token and the display flag, to open as a
 * second tab on the customer's screen. Null in Electron (no token: the shell opens its own window).
 */
export function customerDisplayUrl(): string | null {
  const token = typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(TOKEN_KEY);
  return token ? `${location.origin}${location.pathname}#token=${token}&display=1` : null;
}

/** Whether this page was opened as the customer display (read before the token is taken out of the link). */
export function openedAsDisplay(): boolean {
  return /(?:^#|&)display=1(?:&|$)/.test(location.hash);
}

/** The launch URL carries the token in its fragment (never sent to the server, never in a log); keep it per tab. */
function takeToken(): string {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]{20,200})/.exec(location.hash);
  if (m?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, m[1]);
    history.replaceState(null, '', location.pathname);
  }
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) throw new Error('This page must be opened with the link printed by `npm run start:browser` (it carries the access token).');
  return token;
}

function clientId(): string {
  let id = sessionStorage.getItem(CLIENT_KEY);
  if (!id) {
    id = crypto.randomUUID();
    sessionStorage.setItem(CLIENT_KEY, id);
  }
  return id;
}

function overHttp(): Connection {
  const token = takeToken();
  const headers = { Authorization: `Bearer ${token}`, 'X-Dukkan-Client': clientId() };
  const call = async (method: MethodName, input: unknown): Promise<unknown> => {
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        cache: 'no-store',
      });
    } catch {
      throw transportFailure('internal', 'api.no-answer');
    }
    if (response.status === 401) throw transportFailure('refused', 'api.not-authorised');
    return unwrap((await response.json()) as ApiResult<unknown>);
  };
  const api = Object.fromEntries(METHOD_NAMES.map((m) => [m, (input: unknown) => call(m, input)])) as unknown as DukkanApi;
  const listeners = new Set<(event: AppEvent) => void>();
  let started = false;
  const stream = async (): Promise<void> => {
    for (let delay = 500; ; delay = Math.min(delay * 2, 10_000)) {
      try {
        const response = await fetch('/api/events', { headers, cache: 'no-store' });
        if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
        delay = 500;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block
              .split('\n')
              .filter((l) => l.startsWith('data: '))
              .map((l) => l.slice(6))
              .join('\n');
            if (data) {
              const event = JSON.parse(data) as AppEvent;
              for (const l of listeners) l(event);
            }
          }
        }
      } catch {
        // the service restarted or the network blinked: reconnect below
      }
      await new Promise((r) => setTimeout(r, delay));
    }
  };
  return {
    api,
    onEvent(listener) {
      listeners.add(listener);
      if (!started) {
        started = true;
        void stream();
      }
      return () => listeners.delete(listener);
    },
    transport: 'http',
  };
}

export function connect(): Connection {
  const bridge = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] as DukkanBridge | undefined;
  return bridge ? fromBridge(bridge) : overHttp();
}
