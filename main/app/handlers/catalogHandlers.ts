// SPDX-License-Identifier: UNLICENSED
// The catalog: the till searches and scans (active products only); the manager lists, edits and imports a CSV.
import { importProductsCsv } from '../../catalog/importProductsCsv';
import type { CatalogStore } from '../../catalog/catalogStore';
import type { ApiHandlers } from '../../ipc/dispatcher';

export const CATALOG_METHODS = ['catalog.search', 'catalog.lookup', 'catalog.list', 'catalog.save', 'catalog.importCsv'] as const;

export interface CatalogServices {
  readonly catalog: CatalogStore;
}

export function catalogHandlers(app: CatalogServices): Pick<ApiHandlers, (typeof CATALOG_METHODS)[number]> {
  return {
    'catalog.search': ({ query }) => app.catalog.search(query),
    'catalog.lookup': ({ barcode }) => {
      const p = app.catalog.lookup(barcode);
      return p && p.active ? p : null;
    },
    'catalog.list': () => app.catalog.list(),
    'catalog.save': (input) => app.catalog.save(input),
    'catalog.importCsv': ({ csv }) => importProductsCsv(app.catalog, csv),
  };
}
