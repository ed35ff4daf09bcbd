// SPDX-License-Identifier: UNLICENSED
// What a scanned code sells (docs/catalog.md, "Scale labels"): a product's own barcode first, then a scale label of
// one of the terminal's layouts (app/catalog/scaleBarcode.ts) — the product its item code names, with the weight
// as the quantity, or one labelled item at the label's price. The layouts are the manager's, kept as a terminal
// setting; a layout list that no longer passes its checks (a hand-edited row) falls back to the defaults.
import type { ScaleLayoutValue, ScanMatch } from '../../app/contract/catalogTypes';
import type { Product } from '../../app/contract/types';
import { compileScaleLayouts, DEFAULT_SCALE_LAYOUTS, labelQuantity, readScaleLabel, type ScaleLabel } from '../../app/catalog/scaleBarcode';
import { DukkanError } from '../../app/errors/index';
import type { SqliteDatabase } from '../../native/sqlite/sqliteDriver';
import { terminalSettingsStatements } from '../app/terminalSettingsStore';
import type { CatalogStore } from './catalogStore';

const SETTING = 'scaleLayouts';

/** The scale label layouts of the terminal, as a setting (terminal_settings, migration 0040). */
export class ScaleLayoutSettings {
  private readonly q;

  constructor(db: SqliteDatabase) {
    this.q = terminalSettingsStatements(db);
  }

  get(): readonly ScaleLayoutValue[] {
    const row = this.q.get.get(SETTING);
    if (!row) return DEFAULT_SCALE_LAYOUTS;
    try {
      const layouts = JSON.parse(row.value) as ScaleLayoutValue[];
      compileScaleLayouts(layouts);
      return layouts;
    } catch {
      return DEFAULT_SCALE_LAYOUTS;
    }
  }

  /** Checks the layouts (refusing with the layout and field at fault) and keeps them. */
  save(layouts: readonly ScaleLayoutValue[]): readonly ScaleLayoutValue[] {
    compileScaleLayouts(layouts);
    this.q.set.run(SETTING, JSON.stringify(layouts.map(({ pattern, kind }) => ({ pattern, kind }))));
    return this.get();
  }
}

export class CatalogScanner {
  constructor(
    private readonly catalog: Pick<CatalogStore, 'lookup'>,
    private readonly layouts: () => readonly ScaleLayoutValue[],
  ) {}

  /** The product and quantity a scanned code sells; null when it is neither a product's barcode nor a scale label. */
  scan(code: string): ScanMatch | null {
    const barcode = code.trim();
    const own = this.catalog.lookup(barcode);
    if (own?.active) return { product: own, quantity: '1', labelBarcode: null, labelPrice: null };
    const found = this.label(barcode);
    if (!found) return null;
    const { label, product } = found;
    const quantity = labelQuantity(label, product.unit, product.name);
    return label.kind === 'price'
      ? { product, quantity, labelBarcode: barcode, labelPrice: label.value }
      : { product, quantity, labelBarcode: null, labelPrice: null };
  }

  /**
   * The price of a cart line's price label, read again here so that the till cannot send a price of its own: the
   * label must be a price label of the line's product. `line` is 1-based, for the refusal.
   */
  labelPrice(labelBarcode: string, productId: number, line: number): string {
    const found = this.label(labelBarcode);
    if (!found || found.label.kind !== 'price' || found.product.id !== productId)
      throw new DukkanError('scale.label-product', { line, barcode: labelBarcode }, { field: `lines.${line - 1}.labelBarcode` });
    return found.label.value;
  }

  private label(barcode: string): { label: ScaleLabel; product: Product } | undefined {
    const label = readScaleLabel(barcode, compileScaleLayouts(this.layouts()));
    if (!label) return undefined;
    const product = this.catalog.lookup(label.productBarcode);
    if (!product?.active) throw new DukkanError('scale.unknown-item', { barcode, productBarcode: label.productBarcode }, { field: 'barcode' });
    return { label, product };
  }
}

/** The terminal's scale label layouts and the scanner reading them, over the terminal's database. */
export interface CatalogData {
  readonly scaleLayouts: ScaleLayoutSettings;
  readonly scanner: CatalogScanner;
}

export function openCatalogData(db: SqliteDatabase, catalog: Pick<CatalogStore, 'lookup'>): CatalogData {
  const scaleLayouts = new ScaleLayoutSettings(db);
  return { scaleLayouts, scanner: new CatalogScanner(catalog, () => scaleLayouts.get()) };
}
