// SPDX-License-Identifier: UNLICENSED
// The till's side of return reservations (docs/store-server.md, "Returns at another till";
// app/contract/storeReturnReservation.ts): before an enrolled till issues a credit note it reserves the returned
// quantities at its store server, and releases them when the issuance fails. Signed and over the pinned TLS like every
// request. Throws store.not-enrolled before enrolment, store.unreachable when the server cannot be reached, and the
// server's refusal (return.reservation-refused naming the line) otherwise; what each caller does then is its own.
import { STORE_RELEASE_PATH, STORE_RESERVE_PATH, type ReservationAnswer, type ReserveRequest } from '../../app/contract/storeReturnReservation';
import { DukkanError } from '../../app/errors/index';
import type { SecretStore } from '../../native/keychain/secretStore';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { signedRequest, type StoreCredentials } from './storeClient';
import { linkCredentials, storeKey } from './storeEnrolment';
import { StoreSyncStore } from './storeSyncStore';

type Folder = { readonly db: SqliteDatabase; readonly secrets: SecretStore };

async function credentialsOf(folder: Folder): Promise<StoreCredentials> {
  const link = new StoreSyncStore(folder.db).link();
  const secretKey = link ? await storeKey(folder.secrets) : undefined;
  if (!link || !secretKey) throw new DukkanError('store.not-enrolled');
  return linkCredentials(link, secretKey);
}

export async function reserveAtStore(folder: Folder, request: ReserveRequest, clock: () => Date): Promise<ReservationAnswer> {
  return (await signedRequest(await credentialsOf(folder), 'POST', STORE_RESERVE_PATH, request, { now: clock, timeoutMs: 10_000 })) as ReservationAnswer;
}

/** Best effort: a release that does not arrive leaves the reservation to expire (RESERVATION_MINUTES). */
export async function releaseAtStore(folder: Folder, reservationId: string, clock: () => Date): Promise<void> {
  try {
    await signedRequest(await credentialsOf(folder), 'POST', STORE_RELEASE_PATH, { reservationId }, { now: clock, timeoutMs: 10_000 });
  } catch (err) {
    if (!(err instanceof DukkanError)) throw err;
  }
}

/**
 * The server's refusal of a line, raised again at the field of the till's own request that asked for it (the
 * reservation merges the lines naming the same invoice line; the first of them is the field).
 */
export function refusalAtField(err: DukkanError, fieldOfLine: (line: number) => string): DukkanError {
  if (err.code !== 'return.reservation-refused') return err;
  return new DukkanError('return.reservation-refused', err.params, { field: fieldOfLine(Number(err.params.line)), cause: err });
}
