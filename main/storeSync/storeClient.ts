// SPDX-License-Identifier: UNLICENSED
// The till's side of the store server's wire (docs/store-server.md): enrolment, and every later request signed with
// the terminal's own ed25519 key over method, path, timestamp and the body's SHA-256 (app/contract/storeSync.ts).
// A refusal of the server comes back as the DukkanError it named; a server that cannot be reached as
// store.unreachable, which the push worker treats as "try again later".
import { ed25519 } from '@noble/curves/ed25519.js';
import { createHash } from 'node:crypto';
import { STORE_HEADERS, signedMessage, type EnrolAnswer } from '../../app/contract/storeSync';
import { DukkanError, ERROR_CATALOG, type ErrorCode, type ErrorParams } from '../../app/errors/index';

export interface StoreCredentials {
  readonly url: string;
  readonly terminalId: string;
  /** ed25519 secret key, 32 bytes. */
  readonly secretKey: Uint8Array;
}

export interface StoreClientOptions {
  readonly timeoutMs?: number;
  readonly now?: () => Date;
}

interface Envelope {
  readonly ok: boolean;
  readonly value?: unknown;
  readonly error?: { code: string; params?: ErrorParams };
}

const isCode = (code: string): code is ErrorCode => Object.hasOwn(ERROR_CATALOG, code);

/**
 * A refusal the store server answered, carried to the till with the server's own code. The code was raised literally
 * on the server (server/, where a search finds it); here it only crosses the wire, as the renderer shows codes main
 * sends.
 */
export class StoreRefusal extends DukkanError {
  override readonly name = 'StoreRefusal';
  constructor(code: ErrorCode, params: ErrorParams) {
    super(code, params);
  }
}

async function call(url: string, init: RequestInit, timeoutMs: number): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new DukkanError('store.unreachable', { url: new URL(url).origin }, { cause: err });
  }
  let envelope: Envelope;
  try {
    envelope = (await response.json()) as Envelope;
  } catch (err) {
    throw new DukkanError('store.unreachable', { url: new URL(url).origin }, { cause: err });
  }
  if (envelope.ok) return envelope.value;
  const code = envelope.error?.code ?? '';
  // a code this till does not know (a newer server) is still a refusal, not a crash
  throw isCode(code) ? new StoreRefusal(code, envelope.error?.params ?? {}) : new DukkanError('store.unreachable', { url: new URL(url).origin });
}

export const newTerminalKey = (): Uint8Array => ed25519.utils.randomSecretKey();
export const publicKeyOf = (secretKey: Uint8Array): string => Buffer.from(ed25519.getPublicKey(secretKey)).toString('base64');

export async function enrolTerminal(url: string, code: string, secretKey: Uint8Array, options: StoreClientOptions = {}): Promise<EnrolAnswer> {
  const body = JSON.stringify({ code, publicKey: publicKeyOf(secretKey) });
  return (await call(
    new URL('/api/enrol', url).href,
    { method: 'POST', body, headers: { 'content-type': 'application/json' } },
    options.timeoutMs ?? 15_000,
  )) as EnrolAnswer;
}

/**
 * One signed request; `path` includes its query (it is part of what is signed). A body of bytes (a backup's part,
 * main/backup/storeBackupRemote.ts) is sent as it is; anything else as JSON.
 */
export async function signedRequest(
  credentials: StoreCredentials,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  options: StoreClientOptions = {},
): Promise<unknown> {
  const raw = body instanceof Uint8Array;
  const bytes = body === undefined ? Buffer.alloc(0) : raw ? Buffer.from(body) : Buffer.from(JSON.stringify(body));
  const timestamp = (options.now?.() ?? new Date()).toISOString();
  const digest = createHash('sha256').update(bytes).digest('hex');
  const signature = ed25519.sign(new TextEncoder().encode(signedMessage(method, path, timestamp, digest)), credentials.secretKey);
  return call(
    new URL(path, credentials.url).href,
    {
      method,
      ...(body === undefined ? {} : { body: bytes }),
      headers: {
        'content-type': raw ? 'application/octet-stream' : 'application/json',
        [STORE_HEADERS.terminal]: credentials.terminalId,
        [STORE_HEADERS.timestamp]: timestamp,
        [STORE_HEADERS.signature]: Buffer.from(signature).toString('base64'),
      },
    },
    options.timeoutMs ?? 30_000,
  );
}
