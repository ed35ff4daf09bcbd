// The whole renderer mounted in a light DOM (happy-dom) against a fake main: the selectors and keyboard flows the
// end-to-end tests rely on, the focus moves that must follow a re-render (F8 selects the total it just wrote), and
// Arabic right to left. The real CSP and Chromium are the e2e tests' part (test/e2e).
// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../app/contract/types';
import { press, submit as submitForm, type as typeInto } from './testing/dom';
import { CASHIER, issued, MILK, quoteFor, refused, session, settle } from './testing/fakes';
import { mountApp, unmountApps } from './testing/mountApp';

let root: HTMLElement;

async function mount(start: Partial<SessionInfo> = {}) {
  let current = session(start);
  const mounted = await mountApp(start, {
    'session.get': () => current,
    'session.login': ({ userId, pin }) => {
      if (pin !== '0000') throw refused('wrong-pin', 'user.wrong-pin');
      return (current = { ...current, user: current.users.find((u) => u.id === userId)! });
    },
    'session.setLocale': ({ locale }) => (current = { ...current, locale }),
    'quickKeys.get': () => [],
    'status.get': () => ({
      mode: 'training',
      environment: 'local-simulator',
      connectivity: 'online',
      waiting: 2,
      rejected: 0,
      overdue: 0,
      nearestDeadline: null,
      printer: { configured: true, state: 'ready', message: null },
      at: new Date(0).toISOString(),
    }),
    'catalog.lookup': ({ barcode }) => (MILK.barcodes.includes(barcode) ? MILK : null),
    'sale.quote': (input) => quoteFor(input),
    'sale.complete': () => issued('TR-000001', '13.00', '7.00'),
  });
  root = mounted.root;
  return mounted;
}

const $ = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector);
const active = () => document.activeElement?.getAttribute('data-test');

const type = (selector: string, value: string) => typeInto(root, selector, value);
const submit = (selector: string) => submitForm(root, selector);

afterEach(unmountApps);

describe('the renderer in a light DOM', () => {
  it('signs in by keyboard: ↓ picks the user, the PIN field keeps the keyboard, a wrong PIN is said', async () => {
    await mount();
    expect($('[data-test=default-pins]')!.textContent).toBe('Training PINs: manager 1234, cashier 0000');
    expect($('[data-test="user-Cashier"]')!.getAttribute('aria-checked')).toBe('true');
    expect(active()).toBe('pin');
    press('ArrowUp');
    await settle();
    expect($('[data-test="user-Manager"]')!.getAttribute('aria-checked')).toBe('true');
    press('ArrowDown');
    type('[data-test=pin]', '9999');
    submit('[data-test=pin]');
    await settle(20);
    expect($('[data-test=login-error]')!.textContent).toBe('Wrong PIN.');
    expect($<HTMLInputElement>('[data-test=pin]')!.value).toBe('');
    type('[data-test=pin]', '0000');
    submit('[data-test=pin]');
    await settle(20);
    expect(active()).toBe('scan');
    expect($('#keys')!.textContent).toContain('F8 cash');
    expect($('[data-test=waiting]')!.textContent).toBe('To report: 2');
    expect($('[data-test=training-badge]')).not.toBeNull();
    expect($('#training-banner')!.hidden).toBe(false);
  });

  it('rings up a scan, and F8 writes the total in cash and selects it, so the amount handed over replaces it', async () => {
    await mount({ user: CASHIER });
    type('[data-test=scan]', `2*${MILK.barcodes[0]!}`);
    submit('[data-test=scan]');
    await settle(20);
    expect($<HTMLInputElement>('[data-test=scan]')!.value).toBe('');
    expect(root.querySelectorAll('[data-test=cart] tr[data-test^=line-]')).toHaveLength(1);
    expect($('[data-test=line-0]')!.getAttribute('aria-selected')).toBe('true');
    expect($('[data-test=total]')!.textContent).toBe('13.00');
    press('F8');
    await settle(20);
    const cash = $<HTMLInputElement>('[data-test=cash]')!;
    expect(active()).toBe('cash');
    expect(cash.value).toBe('13.00');
    expect([cash.selectionStart, cash.selectionEnd]).toEqual([0, 5]);
    type('[data-test=cash]', '20');
    await settle(20);
    expect($('[data-test=due]')!.textContent).toBe('0.00');
    expect($('[data-test=change]')!.textContent).toBe('7.00');
    submit('[data-test=cash]');
    await settle(30);
    expect($('[data-test=last-sale] .doc-number')!.textContent).toBe('TR-000001');
    expect($('[data-test=print-state]')!.getAttribute('data-state')).toBe('printed');
    expect($('#toast')!.className).toBe('toast ok');
    expect(root.querySelectorAll('[data-test=cart] tr[data-test^=line-]')).toHaveLength(0);
    expect(active()).toBe('scan');
  });

  it('mirrors in Arabic: the page runs right to left, amounts stay left to right', async () => {
    await mount({ user: CASHIER, locale: 'ar' });
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    type('[data-test=scan]', MILK.barcodes[0]!);
    submit('[data-test=scan]');
    await settle(20);
    expect($('[data-test=line-0] .name')!.textContent).toBe('حليب طازج');
    expect($('[data-test=total] span')!.getAttribute('dir')).toBe('ltr');
    expect($('[data-test=pay]')!.textContent).toBe('الدفع (F8)');
    expect($('[data-test=language]')!.getAttribute('lang')).toBe('en');
    press('l', true);
    await settle(20);
    expect(document.documentElement.dir).toBe('ltr');
    expect($('[data-test=pay]')!.textContent).toBe('Pay (F8)');
  });

  it('puts the manager PIN prompt in a modal dialog that owns the keyboard', async () => {
    const { app } = await mount({ user: CASHIER });
    type('[data-test=scan]', MILK.barcodes[0]!);
    submit('[data-test=scan]');
    await settle(20);
    press('F3');
    await settle(20);
    expect(app.dialog.value?.kind).toBe('prompt');
    const pin = $<HTMLInputElement>('dialog [data-test=manager-pin]')!;
    expect(pin.type).toBe('password');
    expect(active()).toBe('manager-pin');
    press('F8'); // the till's keys wait while the dialog is open
    await settle();
    expect($('[data-test=payment-panel]')).toBeNull();
  });

  it('goes back to the till from the receipts screen by a tap, no Esc key needed, in both languages', async () => {
    for (const [locale, label] of [
      ['en', 'Back to the till'],
      ['ar', 'العودة للصندوق'],
    ] as const) {
      const { app } = await mount({ user: CASHIER, locale });
      expect($('[data-test=to-till]')).toBeNull(); // on the till itself there is nowhere to go back to
      app.go('receipts');
      await settle(20);
      expect($('[data-test=receipt-query]')).not.toBeNull();
      expect($('[data-test=to-till]')!.textContent).toContain(label);
      $('[data-test=to-till]')!.click();
      await settle(20);
      expect(app.screen.value.name).toBe('cashier');
      expect($('[data-test=scan]')).not.toBeNull();
      expect($('[data-test=to-till]')).toBeNull();
      unmountApps();
    }
  });
});
