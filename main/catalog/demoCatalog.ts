// SPDX-License-Identifier: UNLICENSED
// The products a training terminal starts with, so a shop can try a sale at once: everyday goods with VAT-inclusive
// shelf prices, one priced without VAT (converted at the till) and one zero-rated medicine. The barcodes are made up
// (Saudi GS1 prefix 628) and valid EAN-13 check digits.
import type { CatalogStore, ProductInput } from './catalogStore';

function ean13(first12: string): string {
  const sum = [...first12].reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return `${first12}${(10 - (sum % 10)) % 10}`;
}

export const DEMO_PRODUCTS: readonly ProductInput[] = [
  {
    name: 'Fresh milk 1 L',
    nameAr: 'حليب طازج ١ لتر',
    barcodes: [ean13('628100000001')],
    price: '6.50',
    priceIncludesVat: true,
    vatCategory: 'S',
    vatRate: '15',
    active: true,
  },
  {
    name: 'Arabic bread',
    nameAr: 'خبز عربي',
    barcodes: [ean13('628100000002')],
    price: '3.00',
    priceIncludesVat: true,
    vatCategory: 'S',
    vatRate: '15',
    active: true,
  },
  {
    name: 'Sukkari dates 1 kg',
    nameAr: 'تمر سكري ١ كجم',
    barcodes: [ean13('628100000003')],
    price: '40.00',
    priceIncludesVat: true,
    vatCategory: 'S',
    vatRate: '15',
    active: true,
  },
  {
    name: 'Arabic coffee 250 g',
    nameAr: 'قهوة عربية ٢٥٠ جم',
    barcodes: [ean13('628100000004')],
    price: '45.00',
    priceIncludesVat: true,
    vatCategory: 'S',
    vatRate: '15',
    active: true,
  },
  {
    name: 'Water 330 ml x 12',
    nameAr: 'مياه ٣٣٠ مل × ١٢',
    barcodes: [ean13('628100000005')],
    price: '12.00',
    priceIncludesVat: true,
    vatCategory: 'S',
    vatRate: '15',
    active: true,
  },
  {
    name: 'Basmati rice 5 kg',
    nameAr: 'أرز بسمتي ٥ كجم',
    barcodes: [ean13('628100000006')],
    price: '39.13',
    priceIncludesVat: false,
    vatCategory: 'S',
    vatRate: '15',
    active: true,
  },
  {
    name: 'Paracetamol 500 mg',
    nameAr: 'باراسيتامول ٥٠٠ ملغ',
    barcodes: [ean13('628100000007')],
    price: '9.75',
    priceIncludesVat: true,
    vatCategory: 'Z',
    vatRate: '0',
    exemptionCode: 'VATEX-SA-35',
    active: true,
  },
];

export function seedDemoCatalog(store: CatalogStore): void {
  if (!store.isEmpty()) return;
  store.transaction(() => {
    for (const p of DEMO_PRODUCTS) store.save(p);
  });
}
