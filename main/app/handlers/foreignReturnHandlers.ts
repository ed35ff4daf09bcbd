// SPDX-License-Identifier: UNLICENSED
// Returns at this till of another till's sale (docs/store-server.md, "Returns at another till"): the receipts screen
// asks here when a number or QR is not in this till's ledger. The store server answers the original with what the
// shop's tills already returned of it; it is asked again when the note is issued, so what two tills return at once
// is checked against the latest figures. Server unreachable or no server: a bilingual refusal naming why — selling is
// untouched, since nothing here runs on a sale's path.
import { FOREIGN_RETURN_METHOD_NAMES } from '../../../app/contract/foreignReturnMethodNames';
import { DukkanError } from '../../../app/errors/index';
import type { SecretStore } from '../../../native/keychain/secretStore';
import type { SqliteDatabase } from '../../../native/sqlite/sqliteDriver';
import type { ApiHandlers } from '../../ipc/dispatcher';
import { sellerOf } from '../../onboarding/shopDocuments';
import type { ShopProfile } from '../../onboarding/shopProfile';
import type { Counter } from '../../sale/counter';
import { ForeignOriginalStore } from '../../sale/foreignOriginalStore';
import { foreignOriginalOf, foreignReceiptOf, type ForeignOriginal } from '../../sale/foreignReturn';
import { findShopDocuments, storeLinkOf, type ShopDocumentQuery } from '../../storeSync/shopSearch';

export const FOREIGN_RETURN_METHODS = FOREIGN_RETURN_METHOD_NAMES;

export interface ForeignReturnServices {
  folder(): { readonly db: SqliteDatabase; readonly secrets: SecretStore; shop(): ShopProfile | null };
  counter(): Pick<Counter, 'foreignReturn'>;
  readonly clock: () => Date;
}

/** A receipt's QR text (base64 of TLV tags, reference §6) rather than a document number. */
const looksLikeQr = (query: string) => /^[A-Za-z0-9+/]{40,}={0,2}$/.test(query);

async function lookUp(app: ForeignReturnServices, query: ShopDocumentQuery, asked: string): Promise<ForeignOriginal> {
  const folder = app.folder();
  // first: a till without a store server (every training till) only says the receipt is not its own
  const link = storeLinkOf(folder.db);
  if (!link) throw new DukkanError('return.foreign-not-enrolled', { number: asked });
  const shop = folder.shop();
  if (!shop) throw new DukkanError('sale.no-shop-profile');
  let found;
  try {
    found = await findShopDocuments(folder, query, app.clock);
  } catch (err) {
    if (err instanceof DukkanError && err.code === 'store.not-enrolled') throw new DukkanError('return.foreign-not-enrolled', { number: asked });
    if (err instanceof DukkanError && err.code === 'store.unreachable') {
      throw new DukkanError('return.foreign-unreachable', { number: asked, url: link.url }, { cause: err });
    }
    throw err;
  }
  // this till's own documents are returned from its own ledger, which knows them fully
  const own = new ForeignOriginalStore(folder.db);
  return foreignOriginalOf(
    found.filter((d) => d.terminal_id !== link.terminal_id),
    asked,
    sellerOf(shop),
    (uuid) => own.returnedOf(uuid),
  );
}

export function foreignReturnHandlers(app: ForeignReturnServices): Pick<ApiHandlers, (typeof FOREIGN_RETURN_METHODS)[number]> {
  return {
    async 'returns.findForeign'({ query }) {
      const shown = looksLikeQr(query) ? 'QR' : query;
      return foreignReceiptOf(await lookUp(app, looksLikeQr(query) ? { qr: query } : { number: query }, shown));
    },
    'returns.foreign': (input, { session }) => app.counter().foreignReturn(input, session, (uuid) => lookUp(app, { uuid }, uuid)),
  };
}
