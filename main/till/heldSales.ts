// SPDX-License-Identifier: UNLICENSED
// Held (parked) sales: the till puts a cart aside under a label to serve the next customer and recalls it later.
// Several can wait at once, and they survive a restart (migration 0080-held-sales). A held sale is only a cart — no
// document, number, signature or report exists for it — so holding never touches the ledger. Recalling takes the
// row away in the same transaction that reads it: two tills cannot both recall one held sale.
import type { HeldSale, HeldSaleLine } from '../../app/contract/tillTypes';
import { DukkanError } from '../../app/errors/index';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import type { CatalogStore } from '../catalog/catalogStore';
import { heldSalesStatements, type HeldSaleRow } from './heldSalesStore';

/** A till serves a queue, not a warehouse: more than this is a sign carts are being forgotten. */
export const MAX_HELD_SALES = 20;

export interface CartLineInput {
  readonly productId: number;
  readonly quantity: string;
  readonly unitPrice?: string | undefined;
  readonly discount?: string | undefined;
  readonly labelBarcode?: string | undefined;
}

export class HeldSales {
  private readonly q;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly catalog: Pick<CatalogStore, 'get'>,
    private readonly clock: () => Date,
  ) {
    this.q = heldSalesStatements(db);
  }

  list(): HeldSale[] {
    return this.q.list.all().map((row) => this.toHeldSale(row));
  }

  /** Puts a cart aside. Refused, writing nothing, when a product is unknown or too many sales wait already. */
  hold(label: string, lines: readonly CartLineInput[], userId: number | null): HeldSale {
    lines.forEach((l, i) => {
      if (!this.catalog.get(l.productId)) throw new DukkanError('held.unknown-product', { line: i, id: l.productId }, { field: `lines.${i}.productId` });
    });
    const stored = lines.map((l) => ({
      productId: l.productId,
      quantity: l.quantity,
      ...(l.unitPrice !== undefined ? { unitPrice: l.unitPrice } : {}),
      ...(l.discount !== undefined ? { discount: l.discount } : {}),
      ...(l.labelBarcode !== undefined ? { labelBarcode: l.labelBarcode } : {}),
    }));
    const id = this.db.transaction((): number => {
      if ((this.q.count.get()?.n ?? 0) >= MAX_HELD_SALES) throw new DukkanError('held.too-many', { max: MAX_HELD_SALES });
      return Number(this.q.insert.run(label, JSON.stringify(stored), userId, this.clock().getTime()).lastInsertRowid);
    })();
    return this.toHeldSale(this.q.get.get(id)!);
  }

  /** Takes a held sale back to the till: its lines, with the names the catalog has now; the row is gone. */
  recall(id: number): HeldSale {
    return this.db.transaction((): HeldSale => {
      const row = this.q.get.get(id);
      if (!row) throw new DukkanError('held.not-found', { id }, { field: 'id' });
      this.q.remove.run(id);
      return this.toHeldSale(row);
    })();
  }

  private toHeldSale(row: HeldSaleRow): HeldSale {
    const stored = JSON.parse(row.lines_json) as CartLineInput[];
    const lines: HeldSaleLine[] = stored.map((l) => {
      const product = this.catalog.get(l.productId);
      return {
        productId: l.productId,
        name: product?.name ?? `#${l.productId}`,
        nameAr: product?.nameAr ?? null,
        quantity: l.quantity,
        ...(l.unitPrice !== undefined ? { unitPrice: l.unitPrice } : {}),
        ...(l.discount !== undefined ? { discount: l.discount } : {}),
        ...(l.labelBarcode !== undefined ? { labelBarcode: l.labelBarcode } : {}),
      };
    });
    return { id: row.id, label: row.label, heldAt: new Date(row.created_at).toISOString(), lines };
  }
}

const OPENED = new WeakMap<SqliteDatabase, HeldSales>();

/** The held sales of a data folder's database, prepared once per database (training and live each have theirs). */
export function heldSalesOf(db: SqliteDatabase, catalog: Pick<CatalogStore, 'get'>, clock: () => Date): HeldSales {
  let held = OPENED.get(db);
  if (!held) {
    held = new HeldSales(db, catalog, clock);
    OPENED.set(db, held);
  }
  return held;
}
