// SPDX-License-Identifier: UNLICENSED
// The till's side of the store server's wire (docs/store-server.md): enrolment, and every later request signed with
// the terminal's own ed25519 key over method, path, timestamp and the body's SHA-256 (app/contract/storeSync.ts).
// A refusal of the server comes back as the DukkanError it named; a server that cannot be reached as
// store.unreachable, which the push worker treats as "try again later". Every request goes over TLS to the
// certificate pinned at enrolment (pinnedTransport.ts; docs/store-server.md, "TLS and the pinned certificate").
import { ed25519 } from '@noble/curves/ed25519.js';
import { createHash } from 'node:crypto';
import { STORE_HEADERS, enrolmentCode, signedMessage, type EnrolAnswer } from '../../app/contract/storeSync';
import { DukkanError, ERROR_CATALOG, type ErrorCode, type ErrorParams } from '../../app/errors/index';
import { codeMatchesFingerprint } from '../../app/x509/enrolmentCodeCheck';
import { pinnedTo, storeTransport, type AcceptedNext, type CertificateCheck } from './pinnedTransport';

export interface StoreCredentials {
  readonly url: string;
  readonly terminalId: string;
  /** ed25519 secret key, 32 bytes. */
  readonly secretKey: Uint8Array;
  /** SHA-256 fingerprint of the server's TLS certificate pinned at enrolment; null only for http:// on this machine. */
  readonly fingerprint: string | null;
  /** The server's announced next certificate, accepted beside the pin until it is seen (storeLinkStore.ts). */
  readonly next?: AcceptedNext;
}

/** The server's answer to an enrolment, with the certificate fingerprint the till checked against the code. */
export interface EnrolledTerminal extends EnrolAnswer {
  readonly fingerprint: string | null;
}

export interface StoreClientOptions {
  readonly timeoutMs?: number;
  readonly now?: () => Date;
}

interface Envelope {
  readonly ok: boolean;
  readonly value?: unknown;
  readonly error?: { code: string; params?: ErrorParams; field?: string };
}

const isCode = (code: string): code is ErrorCode => Object.hasOwn(ERROR_CATALOG, code);

/**
 * A refusal the store server answered, carried to the till with the server's own code. The code was raised literally
 * on the server (server/, where a search finds it); here it only crosses the wire, as the renderer shows codes main
 * sends.
 */
export class StoreRefusal extends DukkanError {
  override readonly name = 'StoreRefusal';
  constructor(code: ErrorCode, params: ErrorParams, field?: string) {
    super(code, params, field === undefined ? {} : { field });
  }
}

async function call(
  url: URL,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: Buffer },
  timeoutMs: number,
  check: CertificateCheck | undefined,
): Promise<unknown> {
  const response = await storeTransport(url, { ...init, timeoutMs }, check);
  let envelope: Envelope;
  try {
    envelope = JSON.parse(response.body.toString('utf8')) as Envelope;
  } catch (err) {
    throw new DukkanError('store.unreachable', { url: url.origin }, { cause: err });
  }
  if (envelope.ok) return envelope.value;
  const code = envelope.error?.code ?? '';
  // a code this till does not know (a newer server) is still a refusal, not a crash
  // the field is the server's path in the request body (a line of a return reservation, a malformed field)
  throw isCode(code) ? new StoreRefusal(code, envelope.error?.params ?? {}, envelope.error?.field) : new DukkanError('store.unreachable', { url: url.origin });
}

export const newTerminalKey = (): Uint8Array => ed25519.utils.randomSecretKey();
export const publicKeyOf = (secretKey: Uint8Array): string => Buffer.from(ed25519.getPublicKey(secretKey)).toString('base64');

/**
 * Enrols with a one-time code. Over https:// the server's certificate must be the one the code was made for
 * (app/x509/enrolmentCodeCheck.ts) before the code is sent; its fingerprint is what the till pins from then on.
 */
export async function enrolTerminal(url: string, code: string, secretKey: Uint8Array, options: StoreClientOptions = {}): Promise<EnrolledTerminal> {
  const parsed = enrolmentCode.safeParse(code);
  if (!parsed.success) throw new DukkanError('store.enrolment-code');
  const target = new URL('/api/enrol', url);
  let fingerprint: string | null = null;
  const check: CertificateCheck = (presented) => {
    if (!codeMatchesFingerprint(parsed.data, presented))
      throw new DukkanError('store.certificate-not-for-code', { url: target.origin, fingerprint: presented });
    fingerprint = presented;
  };
  const body = Buffer.from(JSON.stringify({ code: parsed.data, publicKey: publicKeyOf(secretKey) }));
  const answer = (await call(
    target,
    { method: 'POST', body, headers: { 'content-type': 'application/json' } },
    options.timeoutMs ?? 15_000,
    check,
  )) as EnrolAnswer;
  return { ...answer, fingerprint };
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
  const target = new URL(path, credentials.url);
  return call(
    target,
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
    credentials.fingerprint === null ? undefined : pinnedTo(target, credentials.fingerprint, credentials.next),
  );
}
