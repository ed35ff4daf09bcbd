// SPDX-License-Identifier: UNLICENSED
// What the receipt says beyond the signed document, on a real app: who sold it, how many items, the cash handed
// over and the change (one change line, never "Change 0.00"), and the shop's footer, which a manager sets and which
// refuses characters that could disguise printed text. Rendered with the one receipt template.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { renderReceiptHtml } from '../../app/receipt/template/renderReceiptHtml';
import { openWithTills } from './support';

describe('receipt facts', { timeout: 60_000 }, () => {
  let t: Awaited<ReturnType<typeof openWithTills>>;
  const modelOf = (number: string) => t.app.core.sale().receipts.modelOf(t.app.core.current().documents.byNumber(number)!);

  beforeAll(async () => {
    t = await openWithTills();
  });
  afterAll(() => t.app.close());

  it('prints the cashier, the item count, the cash tendered with the change, and the footer', async () => {
    const footer = 'الاستبدال خلال 7 أيام مع الإيصال | Exchange within 7 days with receipt\nهاتف 0112345678 — شكرًا لزيارتكم';
    expect(await t.manager.call('receiptFooter.save', { footer: `  ${footer}  ` })).toBe(footer);
    expect(await t.manager.call('receiptFooter.get', {})).toBe(footer);
    const r = await t.cashier.call('sale.complete', {
      lines: [
        { productId: t.byName('Fresh milk').id, quantity: '2' },
        { productId: t.byName('Arabic bread').id, quantity: '3' },
      ],
      payments: [{ method: 'cash', amount: '50' }],
      saleId: randomUUID(),
    });
    expect(r.change).toBe('28.00'); // 2 × 6.50 + 3 × 3.00 = 22.00
    const model = modelOf(r.document.number);
    expect(model).toMatchObject({
      cashier: 'Cashier',
      itemCount: '5',
      tendered: '50.00',
      change: '28.00',
      footer,
      payments: [{ method: 'cash', amount: '22.00' }],
    });
    const html = renderReceiptHtml(model, { paperDots: 576, qrModulePx: 4 });
    for (const text of ['Cashier', 'Cash tendered', 'النقد المستلم', '50.00', '28.00', 'Items', 'Exchange within 7 days']) expect(html).toContain(text);
    expect(html.match(/Change/g)).toHaveLength(1);
  });

  it('says nothing of tendered or change when none was given, and counts a card sale the same', async () => {
    const r = await t.cashier.call('sale.complete', {
      lines: [{ productId: t.byName('Arabic bread').id, quantity: '1' }],
      payments: [{ method: 'card', amount: '3.00' }],
      saleId: randomUUID(),
    });
    const model = modelOf(r.document.number);
    expect(model.tendered).toBeUndefined();
    expect(model.change).toBeUndefined();
    expect(model.itemCount).toBe('1');
    const html = renderReceiptHtml(model, { paperDots: 576, qrModulePx: 4 });
    expect(html).not.toContain('Cash tendered');
    expect(html).not.toContain('Change');
  });

  it('refuses a footer that could disguise printed text, or control characters, saving nothing', async () => {
    const before = await t.manager.call('receiptFooter.get', {});
    expect(await t.manager.refusal('receiptFooter.save', { footer: 'Thank you \u202E00.01' })).toMatchObject({
      reason: 'catalog.spoofing-character',
      field: 'footer',
    });
    expect((await t.manager.refusal('receiptFooter.save', { footer: 'bell\u0007' })).code).toBe('invalid-input');
    expect((await t.cashier.refusal('receiptFooter.save', { footer: 'x' })).code).toBe('forbidden');
    expect(await t.manager.call('receiptFooter.get', {})).toBe(before);
  });
});
