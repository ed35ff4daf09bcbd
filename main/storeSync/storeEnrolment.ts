// SPDX-License-Identifier: UNLICENSED
// Joining a store server from the till (docs/store-server.md, "Enrolment"): a fresh ed25519 key of the terminal's
// own, its secret half in the OS keychain (never in the database or a log), the public half sent with the one-time
// code; the answer's terminal id and the server's URL kept in the till's database. The manager's PIN is checked by
// the caller before this runs.
import type { EnrolAnswer } from '../../app/contract/storeSync';
import type { SecretStore } from '../../native/keychain/index';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { enrolTerminal, newTerminalKey, type StoreCredentials } from './storeClient';
import { StoreSyncStore, type StoreLinkRow } from './storeSyncStore';

export const STORE_KEY_ENTRY = 'store/terminal-key';

export async function enrolTill(options: {
  db: SqliteDatabase;
  secrets: SecretStore;
  url: string;
  code: string;
  now: () => Date;
}): Promise<EnrolAnswer & { fingerprint: string | null }> {
  const secretKey = newTerminalKey();
  const answer = await enrolTerminal(options.url, options.code, secretKey);
  // the key first: a link without its key could never sign, a key without a link is simply unused
  await options.secrets.set(STORE_KEY_ENTRY, Buffer.from(secretKey).toString('base64'));
  new StoreSyncStore(options.db).setLink({
    url: new URL(options.url).origin,
    terminal_id: answer.terminalId,
    name: answer.name,
    branch: answer.branch,
    enrolled_at: options.now().getTime(),
    server_fingerprint: answer.fingerprint,
  });
  return answer;
}

/** The terminal's store key from the keychain, or undefined before enrolment. */
export async function storeKey(secrets: SecretStore): Promise<Uint8Array | undefined> {
  const value = await secrets.get(STORE_KEY_ENTRY);
  return value === undefined ? undefined : new Uint8Array(Buffer.from(value, 'base64'));
}

/** What every signed request needs: the link's server, terminal id and pinned certificate, and the key. */
export function linkCredentials(link: StoreLinkRow, secretKey: Uint8Array): StoreCredentials {
  return { url: link.url, terminalId: link.terminal_id, secretKey, fingerprint: link.server_fingerprint };
}
