// SPDX-License-Identifier: UNLICENSED
// Returns at this till of another till's sale (docs/store-server.md, "Returns at another till"): the receipts screen
// asks here when a number or QR is not in this till's ledger. The store server answers the original with what the
// shop's tills already returned of it; it is asked again when the note is issued, so what two tills return at once
// is checked against the latest figures, and the quantities are reserved there before the note is issued
// (server/returnReservations.ts): of two tills returning the same line at once, the second is refused. A failed
// issuance releases the reservation; the note's push consumes it. Server unreachable or no server: a bilingual
// refusal naming why — selling is untouched, since nothing here runs on a sale's path.
import { FOREIGN_RETURN_METHOD_NAMES } from '../../../app/contract/foreignReturnMethodNames';
import { DukkanError } from '../../../app/errors/index';
import type { SecretStore } from '../../../native/keychain/secretStore';
import type { SqliteDatabase } from '../../../native/sqlite/sqliteDriver';
import type { ApiHandlers } from '../../ipc/dispatcher';
import { sellerOf } from '../../onboarding/shopDocuments';
import type { ShopProfile } from '../../onboarding/shopProfile';
import type { Counter } from '../../sale/counter';
import type { DocumentStore } from '../../sale/documentStore';
import { ForeignOriginalStore } from '../../sale/foreignOriginalStore';
import { foreignCreditNote, foreignOriginalOf, foreignReceiptOf, type ForeignOriginal, type ForeignReturnRequest } from '../../sale/foreignReturn';
import { Decimal } from '../../../app/money/decimal';
import { refusalAtField, releaseAtStore, reserveAtStore } from '../../storeSync/returnReservation';
import { findShopDocuments, storeLinkOf, type ShopDocumentQuery } from '../../storeSync/shopSearch';

export const FOREIGN_RETURN_METHODS = FOREIGN_RETURN_METHOD_NAMES;

export interface ForeignReturnServices {
  folder(): {
    readonly db: SqliteDatabase;
    readonly secrets: SecretStore;
    readonly documents: Pick<DocumentStore, 'request'>;
    shop(): ShopProfile | null;
  };
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

/**
 * The chosen lines reserved at the store server, after this till's own check of them against the figures it was
 * answered (return.foreign-exceeds, as before): the server checks again against every till's returns and
 * reservations, under its lock, and refuses the line another till took meanwhile.
 */
async function reserve(app: ForeignReturnServices, original: ForeignOriginal, input: ForeignReturnRequest): Promise<void> {
  const folder = app.folder();
  const shop = folder.shop();
  if (!shop) throw new DukkanError('sale.no-shop-profile');
  foreignCreditNote(original, input.lines, input.reason, input.refundMethod, sellerOf(shop));
  const asked = new Map<number, { quantity: Decimal; field: string }>();
  input.lines.forEach(({ lineId, quantity }, i) => {
    const seen = asked.get(lineId);
    if (seen) seen.quantity = seen.quantity.add(Decimal.parse(quantity));
    else asked.set(lineId, { quantity: Decimal.parse(quantity), field: `lines.${i}.quantity` });
  });
  try {
    await reserveAtStore(
      folder,
      {
        reservationId: input.requestId,
        originalUuid: original.row.uuid,
        originalNumber: original.row.number,
        lines: [...asked].map(([line, a]) => ({ line, quantity: a.quantity.toMinimal() })),
      },
      app.clock,
    );
  } catch (err) {
    if (err instanceof DukkanError && err.code === 'store.unreachable') {
      throw new DukkanError('return.foreign-unreachable', { number: original.row.number, url: storeLinkOf(folder.db)?.url ?? '' }, { cause: err });
    }
    if (err instanceof DukkanError) throw refusalAtField(err, (line) => asked.get(line)?.field ?? 'lines');
    throw err;
  }
}

export function foreignReturnHandlers(app: ForeignReturnServices): Pick<ApiHandlers, (typeof FOREIGN_RETURN_METHODS)[number]> {
  return {
    async 'returns.findForeign'({ query }) {
      const shown = looksLikeQr(query) ? 'QR' : query;
      return foreignReceiptOf(await lookUp(app, looksLikeQr(query) ? { qr: query } : { number: query }, shown));
    },
    async 'returns.foreign'(input, { session }) {
      let reserved = false;
      try {
        return await app.counter().foreignReturn(input, session, async (uuid) => {
          const original = await lookUp(app, { uuid }, uuid);
          await reserve(app, original, input);
          reserved = true;
          return original;
        });
      } catch (err) {
        // the note was not issued: its quantities are free at once for the shop's other tills
        const folder = app.folder();
        if (reserved && !folder.documents.request(input.requestId)) await releaseAtStore(folder, input.requestId, app.clock);
        throw err;
      }
    },
  };
}
