// SPDX-License-Identifier: UNLICENSED
// Finding 12 (docs/security.md, "Names cannot disguise a receipt"): a name with a right-to-left override and
// zero-width characters printed as "Milk 1L SAR 0.00 - FREE!". Such names are refused where they come in — the
// document JSON, the catalog (saved by the manager screen or imported from CSV, on a real SQLite file) — naming
// the field and the character; and an item name is printed as an isolated block of its own.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DocumentInputError, parseDocumentInput, problemText } from '../../app/document/documentInput';
import { errorText } from '../../app/errors/index';
import { planQr } from '../../app/receipt/qrPlan';
import { renderReceiptHtml } from '../../app/receipt/template/renderReceiptHtml';
import { CatalogError, CatalogStore } from '../../main/catalog/catalogStore';
import { importProductsCsv } from '../../main/catalog/importProductsCsv';
import { openDeviceDatabase } from '../../main/db/openDeviceDatabase';
import { simplifiedInvoice } from '../fixtures/documents';
import { sampleReceipt } from '../printer/receiptFixtures';
import { thrownBy } from '../support/thrownBy';

const SPOOF = 'Milk 1L\u202E!EERF - 00.0 RAS\u202C';
const work = mkdtempSync(path.join(tmpdir(), 'dukkan-spoofed-names-'));
const store = () => new CatalogStore(openDeviceDatabase(path.join(mkdtempSync(path.join(work, 'db-')), 'dukkan.sqlite')));
const PRODUCT = { name: 'Milk 1L', barcodes: [], price: '5.75', priceIncludesVat: true, vatCategory: 'S', vatRate: '15', active: true } as const;

describe('document JSON', () => {
  it('refuses an item name with a bidi override, naming the field and the character', () => {
    const doc = simplifiedInvoice();
    const e = thrownBy(DocumentInputError, () => parseDocumentInput({ ...doc, lines: [doc.lines[0]!, { ...doc.lines[1]!, name: SPOOF }] }));
    expect(e.problems.map((p) => [p.path, p.code, p.params])).toEqual([['lines.1.name', 'document.spoofing-character', { character: 'U+202E' }]]);
    expect(problemText(e.problems[0]!, 'en')).toMatch(/^lines\.1\.name: contains U\+202E, an invisible or direction-changing character/);
    expect(problemText(e.problems[0]!, 'ar')).toContain('U+202E');
  });

  it.each([
    ['a zero-width space in the seller name', { seller: { ...simplifiedInvoice().seller, name: 'متجر\u200B الدكان' } }, 'seller.name', 'U+200B'],
    ['a C1 control in a note', { note: 'thanks\u0085' }, 'note', 'U+0085'],
    [
      'an isolate in a discount reason',
      { allowances: [{ amount: '1.00', reason: '\u2067promo', vat: { category: 'S', rate: '15' } }] },
      'allowances.0.reason',
      'U+2067',
    ],
  ] as const)('refuses %s', (_what, change, field, character) => {
    const e = thrownBy(DocumentInputError, () => parseDocumentInput({ ...simplifiedInvoice(), ...change }));
    expect(e.problems.map((p) => [p.path, p.params.character])).toEqual([[field, character]]);
  });

  it('keeps Persian ZWNJ between letters', () => {
    const doc = simplifiedInvoice();
    expect(parseDocumentInput({ ...doc, lines: [{ ...doc.lines[0]!, name: 'نان\u200Cبربری | Barbari bread' }] }).lines[0]!.name).toContain('\u200C');
  });
});

describe('the catalog', () => {
  it('refuses to save a product whose name or Arabic name hides a character, and stores nothing', () => {
    const catalog = store();
    const e = thrownBy(CatalogError, () => catalog.save({ ...PRODUCT, name: SPOOF }));
    expect([e.code, e.field, e.params]).toEqual(['catalog.spoofing-character', 'name', { field: 'name', character: 'U+202E' }]);
    expect(errorText(e.code, e.params, 'ar')).toContain('U+202E');
    expect(thrownBy(CatalogError, () => catalog.save({ ...PRODUCT, nameAr: 'حليب\u200F' })).field).toBe('nameAr');
    expect(catalog.list()).toEqual([]);
    expect(catalog.save({ ...PRODUCT, nameAr: 'شیر‌کم‌چرب' }).nameAr).toBe('شیر‌کم‌چرب');
  });

  it('refuses such a row of a CSV import with its line and column, importing nothing', () => {
    const catalog = store();
    const result = importProductsCsv(catalog, `name,name_ar,price\nTea,شاي,5.00\nMilk,\u202Bحليب,4.00\n`);
    expect(result).toEqual({
      created: 0,
      updated: 0,
      errors: [{ line: 3, reason: 'catalog.spoofing-character', params: { field: 'name_ar', character: 'U+202B' }, field: 'name_ar' }],
    });
    expect(catalog.list()).toEqual([]);
  });
});

describe('the receipt', () => {
  it('prints each item name as an isolated block of its own, apart from its amounts', () => {
    const model = sampleReceipt();
    const html = renderReceiptHtml(model, { paperDots: 384, qrModulePx: planQr(model.qr, 384).modulePx });
    expect(html).toMatch(/\.name \{[^}]*unicode-bidi: isolate;/);
    for (const line of model.lines) expect(html).toContain(`<div class="name" dir="auto">${line.name}</div><div class="row sub">`);
  });
});
