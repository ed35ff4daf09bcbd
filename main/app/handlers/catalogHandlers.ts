// SPDX-License-Identifier: UNLICENSED
// The catalog: the till searches and scans (active products only; a scan may be a scale label); the manager lists,
// edits, previews and imports a CSV (nothing is written before the manager confirms the preview), and sets the
// scale label layouts (docs/catalog.md).
import type { CatalogScanner, ScaleLayoutSettings } from '../../catalog/catalogScanner';
import { importProductsCsv, previewProductsCsv } from '../../catalog/importProductsCsv';
import type { CatalogStore } from '../../catalog/catalogStore';
import type { ApiHandlers } from '../../ipc/dispatcher';

export const CATALOG_METHODS = [
  'catalog.search',
  'catalog.lookup',
  'catalog.scan',
  'catalog.list',
  'catalog.save',
  'catalog.previewCsv',
  'catalog.importCsv',
  'scale.layouts',
  'scale.saveLayouts',
] as const;

export interface CatalogServices {
  readonly catalog: CatalogStore;
  /** The scanner and the scale label layouts, read when called. */
  data(): { readonly scanner: Pick<CatalogScanner, 'scan'>; readonly scaleLayouts: Pick<ScaleLayoutSettings, 'get' | 'save'> };
}

export function catalogHandlers(app: CatalogServices): Pick<ApiHandlers, (typeof CATALOG_METHODS)[number]> {
  return {
    'catalog.search': ({ query }) => app.catalog.search(query),
    'catalog.lookup': ({ barcode }) => {
      const p = app.catalog.lookup(barcode);
      return p && p.active ? p : null;
    },
    'catalog.scan': ({ barcode }) => app.data().scanner.scan(barcode),
    'catalog.list': () => app.catalog.list(),
    'catalog.save': (input) => app.catalog.save(input),
    'catalog.previewCsv': ({ csv }) => previewProductsCsv(app.catalog, csv),
    'catalog.importCsv': ({ csv }) => importProductsCsv(app.catalog, csv),
    'scale.layouts': () => [...app.data().scaleLayouts.get()],
    'scale.saveLayouts': ({ layouts }) => [...app.data().scaleLayouts.save(layouts)],
  };
}
