// SPDX-License-Identifier: UNLICENSED
// The quick keys a terminal shows before its manager has set any: the training catalog's goods
// (main/catalog/demoCatalog.ts) by barcode, grouped as a grocery would group them. A product missing from the
// catalog (a live shop that removed the training goods) is left out, so a live terminal starts with an empty grid.
import type { QuickKey } from '../../app/contract/tillTypes';

export const DEMO_QUICK_KEYS: readonly { readonly barcode: string; readonly category: string; readonly colour: QuickKey['colour'] }[] = [
  { barcode: '6281000000021', category: 'مخبز وألبان | Bakery & dairy', colour: 'amber' },
  { barcode: '6281000000014', category: 'مخبز وألبان | Bakery & dairy', colour: 'blue' },
  { barcode: '6281000000038', category: 'تمور وقهوة | Dates & coffee', colour: 'purple' },
  { barcode: '6281000000045', category: 'تمور وقهوة | Dates & coffee', colour: 'purple' },
  { barcode: '6281000000052', category: 'بقالة | Grocery', colour: 'teal' },
  { barcode: '6281000000069', category: 'بقالة | Grocery', colour: 'green' },
];
