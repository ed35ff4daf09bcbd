// SPDX-License-Identifier: UNLICENSED
// A day of cash control in Debian's Chromium against browser mode as a real process, with a fake ESC/POS printer:
// the manager opens a shift with a float, sales are made in cash and by card at the till, a paid-out is recorded,
// the X report prints on the printer, the shift is closed blind with a shortage, the Z report closes the day and
// prints, the over/short is on the manager's screen, and the trail lists the day's movements with their reasons.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Decimal } from '../../app/money/decimal';
import { DEMO_PRODUCTS } from '../../main/catalog/demoCatalog';
import { DATABASE_FILE_NAME, openDeviceDatabase } from '../../main/db/openDeviceDatabase';
import { decodeEscPos } from '../printer/escposDecoder';
import { FakeEscPosPrinter } from '../printer/fakeEscPosPrinter';
import { startBrowserModeProcess, type BrowserModeProcess } from './browserModeProcess';
import { launchChromium, openTill, scan, screenshot, sellForCash, signIn, untilTrainingReady, useLanguage } from './till';

const barcode = (name: string) => DEMO_PRODUCTS.find((p) => p.name.startsWith(name))!.barcodes[0]!;

describe('cash control end to end', { timeout: 240_000 }, () => {
  let app: BrowserModeProcess;
  let printer: FakeEscPosPrinter;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  /** What the ledger says each document was paid in cash (read-only, from the training ledger's file). */
  const cashOf = (numbers: readonly string[]) => {
    const db = openDeviceDatabase(path.join(app.dataDir, 'training', DATABASE_FILE_NAME), { readonly: true });
    try {
      const q = db.prepare<[string], { amount: string }>(
        "SELECT p.amount FROM document_payments p JOIN documents d ON d.id = p.document_id WHERE d.number = ? AND p.method = 'cash'",
      );
      return Decimal.sum(numbers.flatMap((n) => q.all(n).map((r) => Decimal.parse(r.amount))));
    } finally {
      db.close();
    }
  };

  const cashTab = async () => {
    await page.keyboard.press('F7');
    await page.click('[data-test=tab-cash]');
  };

  beforeAll(async () => {
    printer = await new FakeEscPosPrinter().start(0);
    app = await startBrowserModeProcess({ args: ['--printer', printer.address, '--paper', '58'] });
    browser = await launchChromium();
    ({ page, problems } = await openTill(browser, app.launchUrl));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await printer?.close();
  });

  it('opens a shift, sells, pays out, prints X, closes blind short, prints Z and shows the trail', async () => {
    await useLanguage(page, 'en');
    await signIn(page, 'Manager', '1234');
    await untilTrainingReady(page);
    await cashTab();
    await page.fill('[data-test=shift-float]', '150.00');
    await page.click('[data-test=shift-open]');
    await page.waitForSelector('[data-test=shift-current]');

    // back at the till: two cash sales and one by card
    await page.keyboard.press('Escape');
    const sold = [await sellForCash(page, [barcode('Fresh milk')], '20'), await sellForCash(page, [barcode('Basmati rice')], '50')];
    const before = await page.textContent('[data-test=last-sale]');
    await scan(page, barcode('Sukkari dates'));
    await page.waitForFunction(() => document.querySelectorAll('[data-test=cart] tr[data-test^=line-]').length === 1);
    await page.waitForFunction(() => {
      const total = document.querySelector('[data-test=total]')?.textContent ?? '';
      return total !== '' && !total.includes('…') && total !== '0.00';
    });
    await page.keyboard.press('F9');
    await page.waitForFunction(() => document.querySelector('[data-test=due]')?.textContent === '0.00');
    await page.keyboard.press('Enter');
    await page.waitForFunction((b) => (document.querySelector('[data-test=last-sale]')?.textContent ?? '') !== b, before ?? '');

    await cashTab();
    await page.waitForSelector('[data-test=shift-current]');
    await page.selectOption('[data-test=move-kind]', 'paid-out');
    await page.fill('[data-test=move-amount]', '12.50');
    await page.fill('[data-test=move-reason]', 'Window cleaner');
    await page.click('[data-test=move-record]');
    await page.waitForSelector('[data-test=trail-paid-out]');

    // the three sales' receipts print in the background: let them all arrive before counting the reports' paper
    for (let i = 0; i < 200 && printer.jobs().length < 3; i++) await new Promise((r) => setTimeout(r, 50));
    await printer.settled();
    const jobs = printer.jobs().length;
    expect(jobs).toBe(3);
    await page.click('[data-test=print-x]');
    await page.waitForFunction(() => /^X/.test(document.querySelector('[data-test=paper-status]')?.textContent ?? ''));
    expect(await page.textContent('[data-test=paper-status]')).toContain('Printed');
    await printer.settled();
    const x = decodeEscPos(printer.jobs()[jobs]!.bytes);
    expect(x.image!.width).toBe(384);
    expect(x.image!.height).toBeGreaterThan(400);

    // blind: the count is typed with no expected figure on screen; 5.00 short
    const expected = Decimal.parse('150.00').add(cashOf(sold)).sub(Decimal.parse('12.50'));
    expect(await page.textContent('[data-test=shift-current]')).not.toContain(expected.toFixed(2));
    await page.fill('[data-test=shift-counted]', expected.sub(Decimal.parse('5')).toFixed(2));
    await page.click('[data-test=shift-close]');
    await page.waitForSelector('[data-test=shift-none]');
    await page.waitForFunction(() => document.querySelector('[data-test=shifts] [data-test=over-short]')?.textContent === '-5.00');
    await screenshot(page, 'cash-shift-closed');

    await page.click('[data-test=close-day]');
    await page.click('[data-test=confirm-yes]');
    await page.waitForFunction(() => /^Z 1/.test(document.querySelector('[data-test=paper-status]')?.textContent ?? ''));
    const status = (await page.textContent('[data-test=paper-status]'))!;
    expect(status).toContain('Printed');
    expect(status).toContain('-5.00');
    await page.waitForSelector('[data-test=z-reprint-1]');
    await printer.settled();
    expect(printer.jobs().length).toBe(jobs + 2);

    await page.click('[data-test=trail-filter]');
    await page.waitForSelector('[data-test=trail-z-report]');
    const trail = (await page.textContent('[data-test=trail]'))!;
    for (const text of ['Window cleaner', 'Shift opened', 'Shift closed', 'Paid out', 'Z report', 'Sign-in']) expect(trail).toContain(text);
    await screenshot(page, 'cash-trail');
    expect(problems).toEqual([]);
  });

  it('locks the till after the idle time and keeps the sale on screen under the lock', async () => {
    await cashTab();
    // the field shows the saved time once loaded; typing before that would be overwritten
    await page.waitForFunction(() => (document.querySelector('[data-test=lock-seconds]') as HTMLInputElement | null)?.value === '300');
    await page.fill('[data-test=lock-seconds]', '10');
    await page.click('[data-test=lock-save]');
    await page.waitForFunction(() => (document.querySelector('[data-test=lock-seconds]') as HTMLInputElement | null)?.value === '10');
    await page.keyboard.press('Escape');
    // the lock reads its time when the user signs in
    await signIn(page, 'Cashier', '0000');
    await scan(page, barcode('Arabic bread'));
    await page.waitForFunction(() => document.querySelectorAll('[data-test=cart] tr[data-test^=line-]').length === 1);
    await page.waitForSelector('[data-test=idle-lock]', { timeout: 20_000 });
    // keys under the lock do nothing: F8 would open the payment
    await page.keyboard.press('F8');
    await page.fill('[data-test=unlock-pin]', '1234');
    await page.click('[data-test=unlock]');
    await page.waitForSelector('[data-test=idle-lock]'); // a manager's PIN is not the cashier's
    await page.fill('[data-test=unlock-pin]', '0000');
    await page.click('[data-test=unlock]');
    await page.waitForSelector('[data-test=idle-lock]', { state: 'detached' });
    expect(await page.$$('[data-test=cart] tr[data-test^=line-]')).toHaveLength(1);
    await screenshot(page, 'cash-unlocked');
    // the line taken off again is a void in the trail (checked below by the manager)
    await page.click('[data-test=line-0]');
    await page.click('[data-test=line-remove]');
    // the reason is required: OK on an empty field keeps the dialog and the line; a typed one removes it
    await page.click('[data-test=prompt-ok]');
    expect(await page.$$('[data-test=cart] tr[data-test^=line-]')).toHaveLength(1);
    await page.fill('[data-test=void-reason]', 'Customer left it at the counter');
    await page.click('[data-test=prompt-ok]');
    await page.waitForFunction(() => document.querySelectorAll('[data-test=cart] tr[data-test^=line-]').length === 0);
    expect(problems.filter((p) => !p.includes('401') && !p.includes('status of 4'))).toEqual([]);
  });

  it('issues a return without a receipt from the cash tab, approved by the manager’s PIN', async () => {
    await signIn(page, 'Manager', '1234');
    await cashTab();
    await page.waitForSelector('[data-test=return-product] option:nth-child(2)', { state: 'attached' });
    await page.selectOption('[data-test=return-product]', { index: 1 });
    await page.fill('[data-test=return-number]', 'OLD-42');
    await page.fill('[data-test=return-date]', '2026-11-02');
    await page.fill('[data-test=return-reason]', 'Lost receipt, sealed pack');
    await page.click('[data-test=return-issue]');
    await page.fill('[data-test=return-pin]', '1234');
    await page.click('[data-test=prompt-ok]');
    await page.waitForSelector('[data-test=return-result]');
    const number = (await page.textContent('[data-test=return-result]'))!.trim();
    expect(number).toMatch(/^TR-\d+$/);
    await page.click('[data-test=trail-filter]');
    await page.waitForSelector('[data-test=trail-refund]');
    expect(await page.textContent('[data-test=trail-refund]')).toContain('external OLD-42 2026-11-02');
    expect(await page.textContent('[data-test=trail-void]')).toMatch(/Cashier.*Arabic bread: 1 ×.*Customer left it at the counter/);
    expect(problems.filter((p) => !p.includes('401') && !p.includes('status of 4'))).toEqual([]);
  });
  it('runs a shift from the till itself: float, paid-in, no sale with a manager PIN, blind close', async () => {
    await signIn(page, 'Cashier', '0000');
    await page.click('[data-test=till-shift-button]');
    await page.waitForSelector('[data-test=till-shift-none]');
    await page.click('[data-test=till-shift-open]');
    await page.fill('[data-test=till-float]', '80.00');
    await page.click('[data-test=prompt-ok]');
    await page.waitForSelector('[data-test=till-shift-current]');
    expect(await page.textContent('[data-test=till-shift-current]')).toContain('80.00');
    // the till's keys do not reach the sale under the dialog
    await page.keyboard.press('F8');
    await page.click('[data-test=till-paid-in]');
    await page.fill('[data-test=move-amount]', '20');
    await page.click('[data-test=prompt-ok]');
    await page.click('[data-test=prompt-choice-0]');
    await page.waitForFunction(() => document.querySelector('#toast')?.textContent?.includes('20'));
    // no sale: a cashier needs the manager's PIN; a wrong one keeps the dialog open
    await page.click('[data-test=till-no-sale]');
    await page.click('[data-test=prompt-choice-0]');
    await page.fill('[data-test=manager-pin]', '9999');
    await page.click('[data-test=prompt-ok]');
    await page.waitForFunction(() => (document.querySelector('[data-test=prompt-problem]')?.textContent ?? '') !== '');
    await page.fill('[data-test=manager-pin]', '1234');
    await page.click('[data-test=prompt-ok]');
    await page.waitForFunction(() => document.querySelector('#toast')?.textContent === 'Drawer opened');
    await screenshot(page, 'cash-till-shift');
    await page.click('[data-test=till-shift-close]');
    await page.fill('[data-test=close-count]', '99.50');
    await page.click('[data-test=prompt-ok]');
    await page.waitForSelector('[data-test=till-shift]', { state: 'detached' });
    expect(await page.textContent('#toast')).toContain('You counted 99.50');
    expect(await page.isVisible('[data-test=payment-panel]')).toBe(false);

    // the manager sees the shift short by 0.50 (80 + 20 paid in, no sales) and the drawer opening with its reason
    await signIn(page, 'Manager', '1234');
    await cashTab();
    await page.click('[data-test=trail-filter]');
    await page.waitForSelector('[data-test=trail-drawer-open]');
    const trail = (await page.textContent('[data-test=trail]'))!;
    expect(trail).toMatch(/Drawer opened.*Cashier.*Manager.*Change for a customer/);
    expect(trail).toMatch(/Paid in.*Cashier.*20\.00.*Change from the bank/);
    // the row's cells run together: cashier, expected, counted, over/short
    expect(await page.textContent('[data-test=shifts]')).toContain('Cashier100.0099.50-0.50');
    expect(problems.filter((p) => !p.includes('401') && !p.includes('status of 4'))).toEqual([]);
  });
  it('lets a cashier discount up to the limit the manager set, and asks for a manager above it', async () => {
    await signIn(page, 'Manager', '1234');
    await cashTab();
    await page.waitForFunction(() => (document.querySelector('[data-test=discount-limit]') as HTMLInputElement | null)?.value === '0');
    await page.fill('[data-test=discount-limit]', '12,5');
    await page.click('[data-test=discount-limit-save]');
    await page.waitForFunction(() => document.querySelector('#toast')?.textContent?.includes('from 0 to 100'));
    await page.fill('[data-test=discount-limit]', '10');
    await page.click('[data-test=discount-limit-save]');
    await page.waitForSelector('[data-test=trail-discount-limit]');
    expect(await page.textContent('[data-test=trail-discount-limit]')).toMatch(/Manager.*0%.*10%/);

    await signIn(page, 'Cashier', '0000');
    await scan(page, barcode('Basmati rice')); // 45.00
    await page.waitForFunction(() => document.querySelector('[data-test=total]')?.textContent === '45.00');
    await page.click('[data-test=line-0]');
    const discount = async (amount: string) => {
      await page.click('[data-test=line-discount]');
      await page.fill('[data-test=discount-input]', amount);
      await page.click('[data-test=prompt-ok]');
    };
    await discount('4.50'); // exactly 10%: no manager
    await page.waitForFunction(() => document.querySelector('[data-test=total]')?.textContent === '40.50');
    expect(await page.$('[data-test=manager-pin]')).toBeNull();
    await discount('4.51');
    await page.waitForSelector('[data-test=manager-pin]');
    await page.keyboard.press('Escape'); // nobody approves: the line goes back to what it was
    await page.waitForSelector('[data-test=manager-pin]', { state: 'detached' });
    await page.waitForFunction(() => document.querySelector('[data-test=total]')?.textContent === '40.50');
    await discount('5.00');
    await page.fill('[data-test=manager-pin]', '1234');
    await page.click('[data-test=prompt-ok]');
    await page.waitForFunction(() => document.querySelector('[data-test=total]')?.textContent === '40.00');
    await screenshot(page, 'cash-discount-approved');
    expect(problems.filter((p) => !p.includes('401') && !p.includes('status of 4'))).toEqual([]);
  });
});
