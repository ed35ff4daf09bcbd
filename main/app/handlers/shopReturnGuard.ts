// SPDX-License-Identifier: UNLICENSED
// A return at this till of its own sale, when the till is enrolled on a store server (docs/store-server.md,
// "Returns at another till"): another till may already have returned lines of it, which this till's ledger does not
// know. Before the ledger's own check, the server is asked what the other tills returned of the invoice (by its
// UUID); a line beyond what is left is refused naming the line and the rule. Then the quantities are reserved at the
// server (server/returnReservations.ts), so another till returning the same line in the same seconds is refused; the
// reservation is released when the issuance fails, and the note's push consumes it. A server that cannot be asked
// changes nothing: the till's own sale is returned against its own ledger, as before enrolment, so returns keep
// working offline — and an over-return that makes possible is shown on the manager page when the note's push lands
// (the trade-off is said in docs/store-server.md).
import { DukkanError } from '../../../app/errors/index';
import { Decimal } from '../../../app/money/decimal';
import type { SecretStore } from '../../../native/keychain/secretStore';
import type { SqliteDatabase } from '../../../native/sqlite/sqliteDriver';
import type { ApiHandlers } from '../../ipc/dispatcher';
import type { DocumentStore } from '../../sale/documentStore';
import type { Receipts } from '../../sale/index';
import { refusalAtField, releaseAtStore, reserveAtStore } from '../../storeSync/returnReservation';
import { findShopDocuments, storeLinkOf, type ShopDocumentRow } from '../../storeSync/shopSearch';

export interface ShopReturnServices {
  folder(): { readonly db: SqliteDatabase; readonly secrets: SecretStore; readonly documents: Pick<DocumentStore, 'request' | 'byNumber'> };
  receipts(): Pick<Receipts, 'find'>;
  readonly clock: () => Date;
}

type ReturnInput = Parameters<ApiHandlers['returns.create']>[0];

async function othersReturned(app: ShopReturnServices, uuid: string): Promise<ShopDocumentRow['returned'] | undefined> {
  try {
    return (await findShopDocuments(app.folder(), { uuid }, app.clock)).find((d) => d.uuid === uuid)?.returned;
  } catch (err) {
    // unreachable, refused or not enrolled: the ledger's own check stands alone, as for a till without a server
    if (err instanceof DukkanError) return undefined;
    throw err;
  }
}

/** Checks the return against the other tills' returns and reserves it; answers the reservation's id, if one was made. */
async function checkAtShop(app: ShopReturnServices, input: ReturnInput): Promise<string | undefined> {
  const folder = app.folder();
  // a request already completed is answered by the counter as it was, never checked again
  if (folder.documents.request(input.requestId)) return undefined;
  const link = storeLinkOf(folder.db);
  const row = link ? folder.documents.byNumber(input.originalNumber) : undefined;
  const receipt = row?.kind === 'invoice' ? app.receipts().find(input.originalNumber) : null;
  if (!link || !row || !receipt) return undefined;
  const others = await othersReturned(app, row.uuid);
  // the server cannot be asked: the till's own sale is returned offline (docs/store-server.md, the trade-off)
  if (!others) return undefined;
  const byLine = new Map<number, Decimal>();
  for (const r of others) byLine.set(r.line, (byLine.get(r.line) ?? Decimal.ZERO).add(Decimal.parse(r.quantity)));
  const asked = new Map<number, Decimal>();
  const fieldOf = new Map<number, string>();
  input.lines.forEach(({ lineId, quantity }, i) => {
    const line = receipt.lines.find((l) => l.lineId === lineId);
    if (!line) return; // the counter names a line the invoice does not have
    const total = (asked.get(lineId) ?? Decimal.ZERO).add(Decimal.parse(quantity));
    asked.set(lineId, total);
    if (!fieldOf.has(lineId)) fieldOf.set(lineId, `lines.${i}.quantity`);
    const elsewhere = byLine.get(lineId) ?? Decimal.ZERO;
    const left = Decimal.parse(line.returnable).sub(elsewhere);
    if (total.cmp(left) <= 0) return;
    throw new DukkanError(
      'return.foreign-exceeds',
      {
        line: lineId,
        name: line.name,
        number: input.originalNumber,
        till: link.name,
        quantity: total.toMinimal(),
        sold: line.quantity,
        returned: Decimal.parse(line.returned).add(elsewhere).toMinimal(),
        left: (left.cmp(Decimal.ZERO) > 0 ? left : Decimal.ZERO).toMinimal(),
      },
      { field: `lines.${i}.quantity` },
    );
  });
  if (asked.size === 0) return undefined;
  try {
    await reserveAtStore(
      folder,
      {
        reservationId: input.requestId,
        originalUuid: row.uuid,
        originalNumber: row.number,
        // this till's own figures of its sale, which the server uses only while it does not hold the invoice yet
        lines: [...asked].map(([lineId, quantity]) => {
          const line = receipt.lines.find((l) => l.lineId === lineId)!;
          return { line: lineId, quantity: quantity.toMinimal(), sold: Decimal.parse(line.quantity).toMinimal(), name: line.name };
        }),
      },
      app.clock,
    );
  } catch (err) {
    if (err instanceof DukkanError && err.code === 'return.reservation-refused') throw refusalAtField(err, (l) => fieldOf.get(l) ?? 'lines');
    // lost between the two calls, or refused for another reason: returned offline, as above
    if (err instanceof DukkanError) return undefined;
    throw err;
  }
  return input.requestId;
}

/** `returns.create` of `handlers`, checked first against what the shop's other tills returned of the invoice, and reserved there. */
export function shopReturnGuard(handlers: ApiHandlers, app: ShopReturnServices): Pick<ApiHandlers, 'returns.create'> {
  return {
    async 'returns.create'(input, c) {
      const reserved = await checkAtShop(app, input);
      try {
        return await handlers['returns.create'](input, c);
      } catch (err) {
        // the note was not issued: its quantities are free at once for the shop's other tills
        const folder = app.folder();
        if (reserved !== undefined && !folder.documents.request(input.requestId)) await releaseAtStore(folder, reserved, app.clock);
        throw err;
      }
    },
  };
}
