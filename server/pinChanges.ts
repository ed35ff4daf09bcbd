// SPDX-License-Identifier: UNLICENSED
// A user's PIN changed at a till becomes the shop's (docs/store-server.md, "PIN changes at a till"): the till sends
// the new PIN's salted hash — never the PIN — for a user of the server's master data, and the server writes it into
// that user at the next master-data version, so every till pulls it. A change older than the one the user already
// has (a till that was offline while the PIN changed again elsewhere, or the manager set it later) is answered
// `stale` and changes nothing; a user the server does not have is refused.
import { pinChangeRequest, type PinChangeAnswer } from '../app/contract/storePinChange';
import { DukkanError } from '../app/errors/index';
import type { Storage } from './db/storage';
import { parsePayload } from './http/payload';
import { masterDataStore } from './stores/masterDataStore';

export async function changeUserPin(storage: Storage, body: unknown): Promise<PinChangeAnswer> {
  const change = parsePayload(pinChangeRequest, body);
  return storage.transaction(async (tx) => {
    const current = await masterDataStore.lockedEntry(tx, 'user', change.key);
    if (!current?.body) throw new DukkanError('store.pin-user-unknown', { user: change.key });
    const since = typeof current.body.pinChangedAt === 'string' ? Date.parse(current.body.pinChangedAt) : Number.NEGATIVE_INFINITY;
    if (Date.parse(change.changedAt) <= since) return { outcome: 'stale', version: current.version };
    const next = { ...current.body, pinSalt: change.pinSalt, pinHash: change.pinHash, pinParams: change.pinParams, pinChangedAt: change.changedAt };
    return { outcome: 'applied', version: await masterDataStore.put(tx, 'user', change.key, next) };
  });
}
