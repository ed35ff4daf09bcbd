// SPDX-License-Identifier: UNLICENSED
export interface CatalogText {
  readonly en: string;
  readonly ar: string;
}
