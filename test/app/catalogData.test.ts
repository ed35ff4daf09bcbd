// SPDX-License-Identifier: UNLICENSED
// The catalog's data rules through the contract, on a real app in training mode (docs/catalog.md): weighed goods sold
// by the kilogram from a scale label and invoiced as KGM, price labels whose price main reads itself, searches that
// find Arabic spelling variants, the CSV preview that writes nothing (with the decimal-comma file that once imported
// 12,50 as 1250), and the cart kept in main across a reload and cleared by the sale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { DukkanApp } from '../../main/app/openApp';
import { verifyDocument } from '../../main/zatca/verifier';
import { clientOf, openTestApp, signIn, type Client } from './support';

describe('catalog data at the counter (through the dispatcher)', { timeout: 60_000 }, () => {
  let app: DukkanApp;
  let cashier: Client;
  let manager: Client;
  let dates: number;
  let cheese: number;

  beforeAll(async () => {
    ({ app } = await openTestApp());
    cashier = clientOf(app, 'till-1');
    manager = clientOf(app, 'office');
    await signIn(cashier, app, 'cashier');
    await signIn(manager, app, 'manager');
    const base = { priceIncludesVat: true, vatCategory: 'S', vatRate: '15' } as const;
    // the products carry the label's item code as their barcode, value zeroed (app/catalog/scaleBarcode.ts)
    dates = (
      await manager.call('catalog.save', {
        ...base,
        name: 'Loose Khalas dates',
        nameAr: 'تمر خلاص سائب',
        barcodes: ['2100042000001'],
        price: '39.99',
        unit: 'kg',
      })
    ).id;
    cheese = (
      await manager.call('catalog.save', {
        ...base,
        name: 'White cheese (deli)',
        nameAr: 'جبنة بيضاء',
        barcodes: ['2300123000009'],
        price: '42.00',
        unit: 'kg',
      })
    ).id;
  });
  afterAll(() => app.close());

  it('sells a weight label by the kilogram, invoiced as KGM with the exact total', async () => {
    const scan = await cashier.call('catalog.scan', { barcode: '2100042012509' }); // item 00042, 1.250 kg
    expect(scan).toMatchObject({ product: { id: dates, unit: 'kg' }, quantity: '1.25', labelBarcode: null, labelPrice: null });
    const lines = [{ productId: dates, quantity: scan!.quantity }];
    const q = await cashier.call('sale.quote', { lines, payments: [{ method: 'cash', amount: '50' }] });
    expect(q.lines[0]).toMatchObject({ quantity: '1.25', unit: 'kg', unitPrice: '39.99', lineTotal: '49.99', overridden: false }); // 49.9875 → 49.99
    expect(q).toMatchObject({ total: '49.99', change: '0.01', needsApproval: false, complete: true });
    const r = await cashier.call('sale.complete', { lines, payments: [{ method: 'cash', amount: '50' }], saleId: randomUUID() });
    const xml = app.core.current().documents.byNumber(r.document.number)!.xml;
    expect(Buffer.from(xml).toString('utf8')).toContain('<cbc:InvoicedQuantity unitCode="KGM">1.25</cbc:InvoicedQuantity>');
    const report = verifyDocument(xml);
    expect(report.valid, JSON.stringify(report.findings.slice(0, 3))).toBe(true);
  });

  it('refuses a fraction of a piece, a misread label and a label of no product', async () => {
    const milk = app.core.catalog.list().find((p) => p.name.startsWith('Fresh milk'))!;
    expect(await cashier.refusal('sale.quote', { lines: [{ productId: milk.id, quantity: '1.5' }], payments: [] })).toMatchObject({
      reason: 'unit.whole-quantity',
      field: 'lines.0.quantity',
    });
    expect(await cashier.refusal('catalog.scan', { barcode: '2100042012508' })).toMatchObject({ reason: 'scale.check-digit' });
    expect(await cashier.refusal('catalog.scan', { barcode: '2199999999995' })).toMatchObject({
      reason: 'scale.unknown-item',
      params: { barcode: '2199999999995', productBarcode: '2199999000004' },
    });
    // an ordinary code that is no product and no label: nothing found, the till then searches
    expect(await cashier.call('catalog.scan', { barcode: '6280000000005' })).toBeNull();
  });

  it('holds a weighed line and a price-label line, and recalls both to sell at the same total', async () => {
    const lines = [
      { productId: dates, quantity: '1.25' }, // a weight label: the weight is the quantity
      { productId: cheese, quantity: '1', labelBarcode: '2300123012507' }, // a price label: 12.50
    ];
    const quoted = await cashier.call('sale.quote', { lines, payments: [] });
    const held = await cashier.call('held.hold', { label: 'Deli order', lines });
    const recalled = await cashier.call('held.recall', { id: held.id });
    expect(recalled.lines.map(({ productId, quantity, labelBarcode }) => ({ productId, quantity, ...(labelBarcode ? { labelBarcode } : {}) }))).toEqual(lines);
    const again = await cashier.call('sale.quote', { lines: recalled.lines.map(({ name: _n, nameAr: _a, ...l }) => l), payments: [] });
    expect([again.total, again.lines.map((l) => l.lineTotal)]).toEqual([quoted.total, ['49.99', '12.50']]);
    // a label that is no barcode is refused, naming the field, and nothing is held
    const before = (await cashier.call('held.list', {})).length;
    expect(await cashier.refusal('held.hold', { label: 'x', lines: [{ productId: cheese, quantity: '1', labelBarcode: 'not a code' }] })).toMatchObject({
      fields: [expect.objectContaining({ path: 'lines.0.labelBarcode' })],
    });
    expect(await cashier.call('held.list', {})).toHaveLength(before);
  });

  it('sells a price label at the price main reads from it, without an approval', async () => {
    const scan = await cashier.call('catalog.scan', { barcode: '2300123012507' }); // 12.50 SAR
    expect(scan).toMatchObject({ product: { id: cheese }, quantity: '1', labelBarcode: '2300123012507', labelPrice: '12.50' });
    const lines = [{ productId: cheese, quantity: '1', labelBarcode: '2300123012507' }];
    const q = await cashier.call('sale.quote', { lines, payments: [{ method: 'card', amount: '12.50' }] });
    expect(q).toMatchObject({ total: '12.50', needsApproval: false, complete: true });
    expect(q.lines[0]!.unit).toBe('piece'); // one labelled pack, though the cheese itself is sold by the kg
    const r = await cashier.call('sale.complete', { lines, payments: [{ method: 'card', amount: '12.50' }], saleId: randomUUID() });
    const xml = Buffer.from(app.core.current().documents.byNumber(r.document.number)!.xml).toString('utf8');
    expect(xml).toContain('<cbc:InvoicedQuantity unitCode="PCE">1</cbc:InvoicedQuantity>');
    // the label of one product does not price another, and a price cannot ride along with it
    expect(await cashier.refusal('sale.quote', { lines: [{ productId: dates, quantity: '1', labelBarcode: '2300123012507' }], payments: [] })).toMatchObject({
      reason: 'scale.label-product',
      params: { line: 1, barcode: '2300123012507' },
    });
    expect(await cashier.refusal('sale.quote', { lines: [{ ...lines[0], labelPrice: '0.01' }], payments: [] })).toMatchObject({ code: 'invalid-input' });
  });

  it('finds products by the spellings cashiers type', async () => {
    const names = async (query: string) => (await cashier.call('catalog.search', { query })).map((p) => p.name);
    expect(await names('ارز')).toContain('Basmati rice 5 kg'); // أرز
    expect(await names('قهوه عربيه')).toContain('Arabic coffee 250 g'); // قهوة عربية
    expect(await names('تمر خلاص سائب')).toContain('Loose Khalas dates');
    expect(await names('جبنه بيضاء')).toContain('White cheese (deli)');
    expect(await names('ميـــاه 330')).toContain('Water 330 ml x 12'); // tatweel; ٣٣٠ in the name
    expect(await names('WHITE CHEESE')).toContain('White cheese (deli)');
    expect(await names('100%')).toEqual([]); // LIKE wildcards are literal
  });

  it('previews a decimal-comma file without writing, then imports 12,50 as 12.50', async () => {
    // Excel in Arabic writes ; between fields and , for decimals; this file once imported its prices a hundred times too high
    const csv =
      '\uFEFFname;name_ar;barcode;price;vat_rate;unit\r\n' +
      'Green tea 25 bags;شاي أخضر ٢٥ كيس;6281000100018;12,50;15;piece\r\n' +
      'Loose cardamom;هيل سائب;6281000100025;189,95;15;كجم\r\n' +
      'Saffron 1 g;زعفران ١ جم;6281000100032;١٩٫٥٠;15;piece\r\n' +
      'Fresh milk 1 L;حليب طازج;6281000000014;6,75;15;piece\r\n';
    const before = app.core.catalog.list();
    const preview = await manager.call('catalog.previewCsv', { csv });
    expect(app.core.catalog.list()).toEqual(before); // nothing written
    expect(preview.decimalSeparator).toBe(',');
    expect(preview.errors).toEqual([]);
    expect(preview.rows.map((r) => [r.line, r.price, r.unit, r.action])).toEqual([
      [2, '12.50', 'piece', 'create'],
      [3, '189.95', 'kg', 'create'],
      [4, '19.50', 'piece', 'create'],
      [5, '6.75', 'piece', 'update'],
    ]);
    expect(preview.warnings).toEqual([
      { line: 5, reason: 'csv.updates-by-barcode', params: { barcode: '6281000000014', product: 'Fresh milk 1 L' }, field: 'barcode' },
    ]);
    expect(await manager.call('catalog.importCsv', { csv })).toEqual({ created: 3, updated: 1, errors: [] });
    expect(app.core.catalog.lookup('6281000100018')).toMatchObject({ name: 'Green tea 25 bags', price: '12.50' });
    expect(app.core.catalog.lookup('6281000100025')).toMatchObject({ price: '189.95', unit: 'kg' });
    expect(app.core.catalog.lookup('6281000000014')!.price).toBe('6.75');
  });

  it('refuses an ambiguous 1,250 naming row and column, and writes nothing', async () => {
    const csv = 'name,barcode,price\nRice 10 kg,6281000200015,"1,250"\nSugar 2 kg,6281000200022,12.50\n';
    const before = app.core.catalog.list();
    const preview = await manager.call('catalog.previewCsv', { csv });
    expect(preview.errors).toEqual([
      { line: 2, reason: 'csv.number-ambiguous', params: { row: 2, column: 'price', value: '1,250', thousands: '1250', decimal: '1.250' }, field: 'price' },
    ]);
    const r = await manager.call('catalog.importCsv', { csv });
    expect(r).toMatchObject({ created: 0, updated: 0 });
    expect(r.errors).toEqual(preview.errors);
    expect(app.core.catalog.list()).toEqual(before);
  });

  it('flags a new product named like an existing one, in any spelling', async () => {
    const csv = 'name,name_ar,barcode,price\nloose khalas dates,,6281000300014,35.00\nCardamom,هيل,,20.00\nCardamom,هيل,,21.00\n';
    const preview = await manager.call('catalog.previewCsv', { csv });
    expect(preview.warnings.map((w) => [w.line, w.reason])).toEqual([
      [2, 'csv.duplicate-name'],
      [4, 'csv.name-repeated'],
    ]);
  });

  it('keeps the open cart in main: a reload gets it back, the sale clears it', async () => {
    const milk = app.core.catalog.list().find((p) => p.name.startsWith('Fresh milk'))!;
    const lines = [
      { productId: dates, name: 'Loose Khalas dates', quantity: '0.75' },
      { productId: milk.id, name: 'Fresh milk 1 L', quantity: '2' },
    ];
    expect(await cashier.call('cart.get', {})).toBeNull();
    await cashier.call('cart.save', { lines });
    // a reload is a new client (a new browser tab or window) of the same cashier
    const reloaded = clientOf(app, 'till-1-after-reload');
    await signIn(reloaded, app, 'cashier');
    expect((await reloaded.call('cart.get', {}))?.lines).toEqual(lines);
    // another user's cart is their own
    expect(await manager.call('cart.get', {})).toBeNull();
    await reloaded.call('sale.complete', {
      lines: lines.map(({ productId, quantity }) => ({ productId, quantity })),
      payments: [
        {
          method: 'card',
          amount: (await reloaded.call('sale.quote', { lines: lines.map(({ productId, quantity }) => ({ productId, quantity })), payments: [] })).total,
        },
      ],
      saleId: randomUUID(),
    });
    expect(await cashier.call('cart.get', {})).toBeNull();
  });

  it('checks the scale label layouts a manager saves', async () => {
    expect(await manager.call('scale.layouts', {})).toEqual([
      { pattern: '21.....{NNDDD}', kind: 'weight' },
      { pattern: '23.....{NNNDD}', kind: 'price' },
    ]);
    expect(
      await manager.refusal('scale.saveLayouts', {
        layouts: [
          { pattern: '21.....{NNDDD}', kind: 'weight' },
          { pattern: '21....{NNNNDD}', kind: 'price' },
        ],
      }),
    ).toMatchObject({ reason: 'scale.layout-overlap', field: 'layouts.1.pattern' });
    const layouts = [{ pattern: '25....{NNNNDD}', kind: 'price' as const }];
    expect(await manager.call('scale.saveLayouts', { layouts })).toEqual(layouts);
    // the old 21 labels are now ordinary unknown codes; a 25 label reads with the new layout
    expect(await cashier.call('catalog.scan', { barcode: '2100042012509' })).toBeNull();
    await cashier.refusal('catalog.scan', { barcode: '2500010025003' }).then((e) => expect(e).toMatchObject({ reason: 'scale.unknown-item' }));
    expect(await cashier.refusal('scale.layouts', {})).toMatchObject({ code: expect.any(String) });
  });
});
