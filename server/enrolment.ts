// SPDX-License-Identifier: UNLICENSED
// Enrolment (docs/store-server.md): a manager creates a one-time code on the server's page for a named till of a
// branch; the till sends the code with the public half of a key of its own (after its manager's PIN was checked on
// the till) and gets its terminal id. The code is kept only as a hash, is used once and expires. Its last four
// characters check the server's TLS certificate, so the till pins the right one (app/x509/enrolmentCodeCheck.ts).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { enrolRequest, type EnrolAnswer } from '../app/contract/storeSync';
import { DukkanError } from '../app/errors/index';
import { ENROLMENT_ALPHABET as ALPHABET, ENROLMENT_SECRET_LENGTH, enrolmentCodeFor } from '../app/x509/enrolmentCodeCheck';
import type { Storage } from './db/storage';
import { parsePayload } from './http/payload';
import { terminalStore } from './stores/terminalStore';

export const CODE_LIFETIME_MS = 24 * 3600_000;

const codeHash = (code: string) => createHash('sha256').update(code).digest('hex');

/** A new code for a till; `fingerprint` is the server's TLS certificate's (null: plain HTTP, nothing to check). */
export async function createEnrolmentCode(
  storage: Storage,
  branch: string,
  terminalName: string,
  now: Date,
  fingerprint: string | null,
): Promise<{ code: string; expiresAt: Date }> {
  // 32 letters: a byte modulo 32 picks one uniformly
  const secret = [...randomBytes(ENROLMENT_SECRET_LENGTH)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  const code = enrolmentCodeFor(secret, fingerprint ?? 'plain-http');
  const expiresAt = new Date(now.getTime() + CODE_LIFETIME_MS);
  await terminalStore.addCode(storage, codeHash(code), branch, terminalName, now, expiresAt);
  return { code, expiresAt };
}

/** Shows a code in groups of four, as the page prints it and the till accepts it. */
export const formatCode = (code: string) => code.replace(/(.{4})(?=.)/g, '$1-');

export async function enrol(storage: Storage, body: unknown, now: Date): Promise<EnrolAnswer> {
  const request = parsePayload(enrolRequest, body);
  const hash = codeHash(request.code);
  return storage.transaction(async (tx) => {
    if (await terminalStore.keyInUse(tx, request.publicKey)) throw new DukkanError('store.key-in-use');
    const code = await terminalStore.takeCode(tx, hash, now);
    if (!code) throw new DukkanError('store.enrolment-refused');
    const terminalId = randomUUID();
    await terminalStore.insert(tx, { id: terminalId, name: code.terminal_name, branch: code.branch, publicKey: request.publicKey, now });
    await terminalStore.linkCode(tx, hash, terminalId);
    return { terminalId, name: code.terminal_name, branch: code.branch };
  });
}
