// SPDX-License-Identifier: UNLICENSED
// PIN changes at an enrolled till on their way to the store server (docs/store-server.md, "PIN changes at a till"):
// the push worker sends what waits in the outbox (pinOutboxStore.ts) at each round, the hash read from `users` then,
// so a second change sends only the latest; a row goes only when the server took it or has a newer one.
import { STORE_PIN_PATH, type PinChangeAnswer, type PinChangeRequest } from '../../app/contract/storePinChange';
import { DukkanError } from '../../app/errors/index';
import type { Logger } from '../log/logger';
import type { PinOutboxStore } from './pinOutboxStore';
import { signedRequest, StoreRefusal, type StoreCredentials } from './storeClient';

/**
 * Sends every waiting change, oldest first. Answers how many went; a server out of reach (or any refusal but an
 * unknown user) stops the round with its DukkanError, leaving the rest waiting for the next one.
 */
export async function sendPinChanges(store: PinOutboxStore, credentials: StoreCredentials, logger: Logger, now: () => Date): Promise<number> {
  let sent = 0;
  for (const row of store.pending()) {
    const request: PinChangeRequest = {
      key: row.key,
      pinSalt: row.pin_salt.toString('base64'),
      pinHash: row.pin_hash.toString('base64'),
      pinParams: row.pin_params,
      changedAt: new Date(row.changed_at).toISOString(),
    };
    try {
      const answer = (await signedRequest(credentials, 'POST', STORE_PIN_PATH, request, { now })) as PinChangeAnswer;
      logger.info('store.pin-sent', { user: row.user_id, outcome: answer.outcome, version: answer.version });
    } catch (err) {
      if (!(err instanceof StoreRefusal && err.code === 'store.pin-user-unknown')) {
        if (err instanceof DukkanError) store.failed(row.user_id, err.code);
        throw err;
      }
      // the server no longer has this user: the PIN stays at this till, as for a user of its own
      logger.warn('store.pin-user-unknown', { user: row.user_id });
    }
    // a change made while this one travelled stays queued (another changed_at)
    store.sent(row.user_id, row.changed_at);
    sent++;
  }
  return sent;
}
