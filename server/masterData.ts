// SPDX-License-Identifier: UNLICENSED
// Master data the manager sets once for every till (docs/store-server.md, "Tills' reads"): products and prices,
// quick keys, users and roles, settings such as the receipt footer. The server wins: a change takes the next
// version and tills pull it. A user carries the PIN's salted scrypt hash and its parameters, never a PIN.
import { z } from 'zod';
import { rule } from '../app/contract/schemas';
import type { Storage } from './db/storage';
import { checkProduct } from './catalog';
import { parsePayload } from './http/payload';
import { masterDataStore } from './stores/masterDataStore';

const key = z.string(rule('input.text')).trim().min(1, rule('input.empty')).max(80, rule('input.too-long'));
const b64 = z.string(rule('store.base64')).regex(/^[A-Za-z0-9+/]{8,200}={0,2}$/, rule('store.base64'));
const body = z.record(z.string(), z.unknown()).refine((b) => JSON.stringify(b).length <= 16_384, rule('input.too-long'));

const userBody = z
  .object({
    name: key,
    role: z.enum(['cashier', 'manager'], rule('input.role')),
    active: z.boolean(),
    pinSalt: b64,
    pinHash: b64,
    pinParams: z.string(rule('input.text')).max(200, rule('input.too-long')),
  })
  .strict();

const change = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), key, body: userBody.nullable() }).strict(),
  z.object({ kind: z.enum(['product', 'quick-key', 'setting'], rule('input.invalid')), key, body: body.nullable() }).strict(),
]);

/**
 * Sets (or, with body null, deletes) one entry; answers its new version. A user whose PIN hash the manager changes
 * gets `pinChangedAt` now, so a PIN change made earlier at a till and arriving later does not undo it
 * (server/pinChanges.ts); an unchanged hash keeps the time of its change. A product body is checked with the tills'
 * own schema and catalog rules first (server/catalog.ts): one they cannot use is refused here, not at their next pull.
 */
export async function putMasterData(storage: Storage, input: unknown, now: Date): Promise<{ version: number }> {
  const c = parsePayload(change, input);
  if (c.kind === 'product' && c.body !== null) checkProduct(c.key, c.body, 'body.');
  if (c.kind !== 'user' || c.body === null) return { version: await masterDataStore.put(storage, c.kind, c.key, c.body) };
  const user = c.body;
  return storage.transaction(async (tx) => {
    const before = (await masterDataStore.lockedEntry(tx, 'user', c.key))?.body;
    const pinChangedAt = before?.pinHash === user.pinHash && typeof before.pinChangedAt === 'string' ? before.pinChangedAt : now.toISOString();
    return { version: await masterDataStore.put(tx, 'user', c.key, { ...user, pinChangedAt }) };
  });
}
