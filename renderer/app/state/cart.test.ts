// The till's cart and payment rules, as pure functions: what a scan means, how lines merge, what F8/F9/F10 put in
// the payment fields, and what the cart table and the totals show for a quote.
import { describe, expect, it } from 'vitest';
import { translator } from '../i18n';
import { BREAD, DATES, issued, MILK, product, quoteFor } from '../testing/fakes';
import {
  addToCart,
  cartLines,
  cartRows,
  cycle,
  editLine,
  moveSelection,
  parseScan,
  paymentProblems,
  payments,
  payFor,
  removeLine,
  totalsRows,
  type CartItem,
} from './cart';
import { printMessage } from './printOutcome';

describe('a scan', () => {
  it.each([
    ['6200000000001', { kind: 'query', quantity: '1', query: '6200000000001', barcode: true }],
    ['  3*6200000000001 ', { kind: 'query', quantity: '3', query: '6200000000001', barcode: true }],
    ['0.750*dates', { kind: 'query', quantity: '0.750', query: 'dates', barcode: true }],
    ['حليب', { kind: 'query', quantity: '1', query: 'حليب', barcode: false }],
    ['2*fresh milk', { kind: 'query', quantity: '2', query: 'fresh milk', barcode: false }],
    ['', { kind: 'empty' }],
    ['3*', { kind: 'empty' }],
    ['0*milk', { kind: 'bad-quantity' }],
    ['0.000*milk', { kind: 'bad-quantity' }],
  ] as const)('%j', (raw, expected) => {
    expect(parseScan(raw)).toEqual(expected);
  });
});

describe('the cart', () => {
  it('adds whole quantities of the same product to its line and selects it', () => {
    let state = addToCart([], MILK, '1', 'en');
    state = addToCart(state.cart, BREAD, '1', 'en');
    state = addToCart(state.cart, MILK, '2', 'en');
    expect(state.cart).toEqual([
      { productId: 1, name: 'Fresh milk', quantity: '3' },
      { productId: 2, name: 'Bread', quantity: '1' },
    ]);
    expect(state.selected).toBe(0);
  });

  it('keeps weights, overridden prices and discounts on lines of their own', () => {
    const weighed = addToCart([{ productId: 3, name: 'Dates 1 kg', quantity: '0.750' }], DATES, '1', 'en');
    expect(weighed.cart).toHaveLength(2);
    expect(weighed.selected).toBe(1);
    const discounted = addToCart([{ productId: 1, name: 'Fresh milk', quantity: '1', discount: '0.50' }], MILK, '1', 'en');
    expect(discounted.cart).toHaveLength(2);
    const overridden = addToCart([{ productId: 1, name: 'Fresh milk', quantity: '1', unitPrice: '6.00' }], MILK, '1', 'en');
    expect(overridden.cart).toHaveLength(2);
  });

  it('names the line in Arabic on an Arabic screen when the product has an Arabic name', () => {
    expect(addToCart([], MILK, '1', 'ar').cart[0]!.name).toBe('حليب طازج');
    expect(addToCart([], DATES, '1', 'ar').cart[0]!.name).toBe('Dates 1 kg');
  });

  it('removes the selected line and keeps the selection in the cart', () => {
    const cart: CartItem[] = [
      { productId: 1, name: 'a', quantity: '1' },
      { productId: 2, name: 'b', quantity: '1' },
    ];
    expect(removeLine(cart, 1)).toEqual({ cart: [cart[0]], selected: 0 });
    expect(removeLine(cart, 0)).toEqual({ cart: [cart[1]], selected: 0 });
    expect(removeLine([cart[0]!], 0)).toEqual({ cart: [], selected: -1 });
    expect(removeLine(cart, 5)).toEqual({ cart, selected: 5 });
  });

  it('moves the selection within the cart and cycles through search results', () => {
    expect(moveSelection(0, -1, 3)).toBe(0);
    expect(moveSelection(2, 1, 3)).toBe(2);
    expect(moveSelection(-1, 1, 3)).toBe(0);
    expect(cycle(2, 1, 3)).toBe(0);
    expect(cycle(0, -1, 3)).toBe(2);
  });

  it('edits quantity, price and discount; a zero quantity changes nothing, a zero discount removes it', () => {
    const item: CartItem = { productId: 1, name: 'Fresh milk', quantity: '1', discount: '1.00' };
    expect(editLine(item, 'quantity', '4')).toEqual({ ...item, quantity: '4' });
    expect(editLine(item, 'quantity', '0.000')).toBeUndefined();
    expect(editLine(item, 'price', '5.25')).toEqual({ ...item, unitPrice: '5.25' });
    expect(editLine(item, 'discount', '0.00')).toEqual({ productId: 1, name: 'Fresh milk', quantity: '1' });
    expect(editLine(item, 'discount', '')).toEqual({ productId: 1, name: 'Fresh milk', quantity: '1' });
    expect(editLine(item, 'discount', '2.50')).toEqual({ ...item, discount: '2.50' });
  });

  it('sends only what the cashier set to main', () => {
    expect(
      cartLines([
        { productId: 1, name: 'Fresh milk', quantity: '2' },
        { productId: 2, name: 'Bread', quantity: '1', unitPrice: '2.75', discount: '0.25' },
      ]),
    ).toEqual([
      { productId: 1, quantity: '2' },
      { productId: 2, quantity: '1', unitPrice: '2.75', discount: '0.25' },
    ]);
  });
});

describe('payments', () => {
  it('sends each field holding a valid amount, trimmed, and leaves out one still being typed', () => {
    expect(payments({ cash: ' 20 ', card: '' })).toEqual([{ method: 'cash', amount: '20' }]);
    expect(payments({ cash: '10.5', card: '3.25' })).toEqual([
      { method: 'cash', amount: '10.5' },
      { method: 'card', amount: '3.25' },
    ]);
    expect(payments({ cash: '10.', card: '1.234' })).toEqual([]);
    expect(payments({ cash: '-5', card: 'abc' })).toEqual([]);
  });

  it('F8 puts the total in cash, F9 in card, F10 keeps the card amount and asks for the cash rest', () => {
    expect(payFor('cash', '19.50', { cash: '', card: '5.00' })).toEqual({ cash: '19.50', card: '', focus: 'cash' });
    expect(payFor('card', '19.50', { cash: '20', card: '' })).toEqual({ cash: '', card: '19.50', focus: 'card' });
    expect(payFor('split', '19.50', { cash: '20', card: '10.00' })).toEqual({ cash: '', card: '10.00', focus: 'cash' });
  });

  it("shows main's objections only once something is typed in a payment field", () => {
    const q = quoteFor({ lines: [{ productId: 1, quantity: '3' }], payments: [{ method: 'cash', amount: '10' }] });
    expect(q.problems).toEqual([{ reason: 'sale.amount-due', params: { due: '9.50' } }]);
    expect(paymentProblems(1, q, { cash: '10', card: '' })).toEqual([{ reason: 'sale.amount-due', params: { due: '9.50' } }]);
    expect(paymentProblems(1, q, { cash: '', card: '' })).toEqual([]);
    expect(paymentProblems(0, q, { cash: '10', card: '' })).toEqual([]);
    expect(paymentProblems(1, null, { cash: '10', card: '' })).toEqual([]);
  });
});

describe('what the till shows for a quote', () => {
  const items: CartItem[] = [
    { productId: 1, name: 'Fresh milk', quantity: '3' },
    { productId: 2, name: 'Bread', quantity: '1', unitPrice: '2.75', discount: '0.25' },
  ];

  it('shows each line with its quoted price, discount and total, and the selection', () => {
    const q = quoteFor({ lines: cartLines(items), payments: [], approvalId: '00000000-0000-4000-8000-000000000000' });
    expect(cartRows(items, q, 1)).toEqual([
      { index: 0, name: 'Fresh milk', overridden: false, quantity: '3', unit: null, unitPrice: '6.50', discount: '', lineTotal: '19.50', selected: false },
      { index: 1, name: 'Bread', overridden: true, quantity: '1', unit: null, unitPrice: '2.75', discount: '-0.25', lineTotal: '2.50', selected: true },
    ]);
  });

  it('shows the unit main quoted for a weighed line, and none for pieces', () => {
    const weighed: CartItem[] = [{ productId: 3, name: 'Loose dates', quantity: '0.75' }, ...items];
    const q = quoteFor({ lines: cartLines(weighed), payments: [] }, [MILK, BREAD, product(3, 'Loose dates', '39.99', { unit: 'kg' })]);
    expect(cartRows(weighed, q, 0).map((r) => [r.quantity, r.unit])).toEqual([
      ['0.75', 'kg'],
      ['3', null],
      ['1', null],
    ]);
    expect(cartRows(weighed, null, 0).map((r) => r.unit)).toEqual([null, null, null]); // not quoted yet: no unit guessed
  });

  it('marks what main has not quoted yet', () => {
    expect(cartRows(items, null, -1).map((r) => [r.unitPrice, r.lineTotal])).toEqual([
      ['…', '…'],
      ['…', '…'],
    ]);
  });

  it('shows zeros before the first quote, the amount still due in warning colours, and change only when there is some', () => {
    expect(totalsRows(null).map((r) => r.value)).toEqual(['0.00', '0.00', '0.00', '0.00', '0.00']);
    const q = quoteFor({ lines: [{ productId: 1, quantity: '3' }], payments: [{ method: 'cash', amount: '10' }] });
    expect(totalsRows(q)).toEqual([
      { label: 'totalExVat', value: '16.96', cls: '' },
      { label: 'vat', value: '2.54', cls: '' },
      { label: 'totalDue', value: '19.50', cls: 'grand', test: 'total' },
      { label: 'paid', value: '10.00', cls: '' },
      { label: 'due', value: '9.50', cls: 'warn', test: 'due' },
    ]);
    const paid = quoteFor({ lines: [{ productId: 1, quantity: '3' }], payments: [{ method: 'cash', amount: '20' }] });
    expect(totalsRows(paid).find((r) => r.test === 'due')).toMatchObject({ value: '0.00', cls: '' });
    expect(totalsRows(paid).find((r) => r.test === 'change')!.value).toBe('0.50');
  });

  it('says how the receipt printed, in the screen’s language', () => {
    expect(printMessage(issued('T1-000001', '6.50', '0.00'), translator('en'))).toEqual({ text: 'Receipt printed', ok: true });
    expect(printMessage(issued('T1-000001', '6.50', '0.00', { state: 'no-printer', message: null }), translator('ar'))).toEqual({
      text: 'لا توجد طابعة: البيع محفوظ',
      ok: true,
    });
    const paperOut = { state: 'failed', message: 'paper out', reason: { reason: 'print.paper-out', params: { printer: 'tcp://10.0.0.9:9100' } } } as const;
    expect(printMessage(issued('T1-000001', '6.50', '0.00', paperOut), translator('en'))).toEqual({
      text: 'Receipt not printed: tcp://10.0.0.9:9100: out of paper; load a new roll (the sale is saved; reprint with F3 on the receipt screen)',
      ok: false,
    });
    // the reason in the screen's language, never main's English message
    expect(printMessage(issued('T1-000001', '6.50', '0.00', paperOut), translator('ar')).text).toContain('نفد الورق');
    expect(printMessage(issued('T1-000001', '6.50', '0.00', paperOut), translator('ar')).text).not.toContain('paper out');
    // still under way is not a failure with an empty reason
    expect(printMessage(issued('T1-000001', '6.50', '0.00', { state: 'printing', message: null }), translator('en'))).toEqual({
      text: 'Printing the receipt…',
      ok: true,
    });
  });
});
