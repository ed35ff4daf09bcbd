// SPDX-License-Identifier: UNLICENSED
// The till's search of every till's documents at its store server (docs/store-server.md, "Tills' reads"): by number,
// by the receipt's QR text, or by UUID, signed with the terminal's key. Throws store.not-enrolled before enrolment and
// store.unreachable when the server cannot be reached; reads nothing of the ledger.
import { DukkanError } from '../../app/errors/index';
import type { SecretStore } from '../../native/keychain/secretStore';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { signedRequest } from './storeClient';
import { linkCredentials, storeKey } from './storeEnrolment';
import { StoreSyncStore, type StoreLinkRow } from './storeSyncStore';

/** A row of the server's search answer (server/stores/documentSearchStore.ts). */
export interface ShopDocumentRow {
  readonly terminal_id: string;
  readonly terminal_name: string;
  readonly branch: string;
  readonly uuid: string;
  readonly number: string;
  readonly kind: string;
  readonly profile: string;
  readonly issue_date: string;
  readonly issue_time: string;
  readonly cashier: string;
  readonly tax_inclusive: string;
  readonly xml: string;
  /** The lines and pricing its till built it from; null when an older till pushed it. */
  readonly sale: { readonly pricesIncludeVat: boolean; readonly lines: readonly Record<string, unknown>[] } | null;
  /** What credit notes of every till have returned of it, per original line. */
  readonly returned: readonly { readonly line: number; readonly quantity: string }[];
}

export type ShopDocumentQuery = { readonly number: string } | { readonly qr: string } | { readonly uuid: string };

export async function findShopDocuments(
  folder: { readonly db: SqliteDatabase; readonly secrets: SecretStore },
  query: ShopDocumentQuery,
  clock: () => Date,
): Promise<ShopDocumentRow[]> {
  const link = new StoreSyncStore(folder.db).link();
  const secretKey = link ? await storeKey(folder.secrets) : undefined;
  if (!link || !secretKey) throw new DukkanError('store.not-enrolled');
  const [key, value] = Object.entries(query)[0] as [string, string];
  const found = (await signedRequest(linkCredentials(link, secretKey), 'GET', `/api/documents?${key}=${encodeURIComponent(value)}`, undefined, {
    now: clock,
    timeoutMs: 10_000,
  })) as { documents: ShopDocumentRow[] };
  return found.documents;
}

/** The store server this till is enrolled with, if any. */
export function storeLinkOf(db: SqliteDatabase): StoreLinkRow | undefined {
  return new StoreSyncStore(db).link();
}
