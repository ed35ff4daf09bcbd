// SPDX-License-Identifier: UNLICENSED
// Who is calling (docs/store-server.md, "Trust"): every request after enrolment carries the terminal id, a timestamp
// and an ed25519 signature over method, path, timestamp and the body's SHA-256 (app/contract/storeSync.ts). Checked
// before the body is even parsed; an unknown, removed or badly signed terminal is refused and nothing is stored.
import { ed25519 } from '@noble/curves/ed25519.js';
import { createHash } from 'node:crypto';
import { SIGNATURE_WINDOW_MS, STORE_HEADERS, signedMessage } from '../app/contract/storeSync';
import { DukkanError } from '../app/errors/index';
import type { Queryable } from './db/storage';
import { terminalStore, type TerminalRow } from './stores/terminalStore';

export interface SignedRequest {
  readonly method: string;
  readonly path: string;
  readonly header: (name: string) => string | undefined;
  readonly body: Uint8Array;
}

export async function authenticate(db: Queryable, request: SignedRequest, now: Date): Promise<TerminalRow> {
  const terminalId = request.header(STORE_HEADERS.terminal);
  const timestamp = request.header(STORE_HEADERS.timestamp);
  const signature = request.header(STORE_HEADERS.signature);
  if (!terminalId || !timestamp || !signature) {
    throw new DukkanError('store.unsigned', { headers: Object.values(STORE_HEADERS).join(', ') });
  }
  const terminal = await terminalStore.find(db, terminalId);
  if (!terminal) throw new DukkanError('store.unknown-terminal', { terminal: terminalId.slice(0, 64) });
  if (terminal.removed_at) throw new DukkanError('store.terminal-removed', { terminal: terminal.name, removedAt: terminal.removed_at.toISOString() });
  const at = Date.parse(timestamp);
  if (!Number.isFinite(at) || Math.abs(at - now.getTime()) > SIGNATURE_WINDOW_MS) {
    throw new DukkanError('store.stale-request', { timestamp: timestamp.slice(0, 40), minutes: SIGNATURE_WINDOW_MS / 60_000, now: now.toISOString() });
  }
  const digest = createHash('sha256').update(request.body).digest('hex');
  const message = new TextEncoder().encode(signedMessage(request.method, request.path, timestamp, digest));
  let valid = false;
  try {
    valid = ed25519.verify(Buffer.from(signature, 'base64'), message, Buffer.from(terminal.public_key, 'base64'));
  } catch {
    valid = false;
  }
  if (!valid) throw new DukkanError('store.bad-signature');
  return terminal;
}
