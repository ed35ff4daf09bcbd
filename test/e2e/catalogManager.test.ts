// SPDX-License-Identifier: UNLICENSED
// The manager's catalog tab in Debian's Chromium against browser mode as a real process: the CSV import shows its
// preview (decimal separator read from the file, duplicates flagged, an ambiguous number refused naming row and
// column) and writes nothing until confirmed; the quick keys are added, moved and saved there, and the till's grid
// shows them at once, a tap ringing the product up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PRODUCTS } from '../../main/catalog/demoCatalog';
import { DATABASE_FILE_NAME, openDeviceDatabase } from '../../main/db/openDeviceDatabase';
import { startBrowserModeProcess, type BrowserModeProcess } from './browserModeProcess';
import { launchChromium, openTill, screenshot, signIn, useLanguage } from './till';

const HEADER = 'name;name_ar;barcode;price;price_includes_vat;vat_category;vat_rate;exemption_code';
const milk = DEMO_PRODUCTS.find((p) => p.name.startsWith('Fresh milk'))!;

describe('the catalog tab: CSV preview and quick keys', { timeout: 240_000 }, () => {
  let app: BrowserModeProcess;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  /** The products in the live terminal's catalog, read from its own file (the catalog is the terminal's). */
  const catalogNames = () => {
    const db = openDeviceDatabase(path.join(app.dataDir, DATABASE_FILE_NAME), { readonly: true });
    try {
      return db
        .prepare<[], { name: string; price: string }>('SELECT name, price FROM products ORDER BY id')
        .all()
        .map((r) => `${r.name} ${r.price}`);
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    app = await startBrowserModeProcess();
    browser = await launchChromium();
    ({ page, problems } = await openTill(browser, app.launchUrl));
    await useLanguage(page, 'en');
    await signIn(page, 'Manager', '1234');
    await page.keyboard.press('F7');
    await page.click('[data-test=tab-catalog]');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const preview = async (csv: string) => {
    await page.fill('[data-test=csv-text]', csv);
    await page.click('[data-test=csv-import]');
    await page.waitForSelector('[data-test=csv-preview]');
  };

  it('previews a decimal-comma file, flags a duplicate barcode, and writes nothing until confirmed', async () => {
    const before = catalogNames();
    await preview([HEADER, 'Green tea 25 bags;شاي أخضر;6281234000017;12,50;true;S;15;', `Milk again;;${milk.barcodes[0]};7,00;true;S;15;`].join('\n'));
    expect(await page.textContent('[data-test=csv-decimal]')).toContain(',');
    expect(await page.$$eval('[data-test=csv-preview-row]', (rows) => rows.map((r) => r.textContent))).toEqual([
      expect.stringMatching(/Green tea 25 bags.*12\.50.*new/i),
      expect.stringMatching(/Milk again.*7\.00.*Fresh milk/),
    ]);
    expect(await page.textContent('[data-test=csv-preview-warnings]')).toContain(milk.barcodes[0]);
    await screenshot(page, 'catalog-csv-preview');
    expect(catalogNames()).toEqual(before); // a preview writes nothing
    await page.click('[data-test=csv-cancel]');
    await page.waitForSelector('[data-test=csv-preview]', { state: 'detached' });
    expect(catalogNames()).toEqual(before);

    // 1,250 fits both readings in a file that shows no decimal separator of its own: refused, naming row and column
    await preview([HEADER, 'Rice sack;;6281234000024;1,250;true;S;15;'].join('\n'));
    expect(await page.textContent('[data-test=csv-preview-errors]')).toMatch(/2 \(price\)/);
    expect(await page.isDisabled('[data-test=csv-confirm]')).toBe(true);
    await page.click('[data-test=csv-cancel]');

    await preview([HEADER, 'Green tea 25 bags;شاي أخضر;6281234000017;12,50;true;S;15;'].join('\n'));
    await page.click('[data-test=csv-confirm]');
    await page.waitForFunction(() => (document.querySelector('[data-test=csv-result]')?.textContent ?? '') !== '');
    expect(catalogNames()).toEqual([...before, 'Green tea 25 bags 12.50']);
    expect(problems).toEqual([]);
  });

  it('adds a quick key, moves it first, saves, and the till rings it up with one tap', async () => {
    await page.waitForSelector('[data-test=qk-0]');
    const keys = await page.$$('[data-test=quick-key-rows] tr');
    await page.waitForSelector('[data-test=qk-new-product] option:has-text("Green tea 25 bags")', { state: 'attached' });
    await page.selectOption('[data-test=qk-new-product]', { label: 'Green tea 25 bags' });
    await page.fill('[data-test=qk-new-category]', 'Tea');
    await page.selectOption('[data-test=qk-new-colour]', 'teal');
    await page.click('[data-test=qk-add]');
    const last = keys.length;
    await page.waitForSelector(`[data-test=qk-${last}]`);
    for (let i = last; i > 0; i--) await page.click(`[data-test=qk-up-${i}]`);
    expect(await page.textContent('[data-test=qk-0]')).toContain('Green tea 25 bags');
    await page.click('[data-test=qk-save]');
    await page.waitForFunction(() => document.querySelector('#toast')?.textContent?.includes('quick keys saved'));
    await screenshot(page, 'catalog-quick-keys');

    await page.keyboard.press('Escape'); // back to the till
    await page.waitForSelector('[data-test=product-grid]');
    // the new key's category comes first, and its key is in it
    expect(await page.textContent('[data-test=category-0]')).toContain('Tea');
    await page.click('[data-test=category-0]');
    await page.click('[data-test=product-grid] [data-test^=key-] >> nth=0');
    await page.waitForFunction(() => document.querySelector('[data-test=cart] tr[data-test^=line-]')?.textContent?.includes('Green tea 25 bags'));
    await page.waitForFunction(() => document.querySelector('[data-test=total]')?.textContent === '12.50');
    expect(problems).toEqual([]);
  });
});
