// SPDX-License-Identifier: UNLICENSED
// A first start of browser mode as a real process (new data folder, the OS keychain, Debian's Chromium): the link is
// printed before training mode is onboarded against the embedded simulator, which happens in the background
// (main/app/modeController.ts, 'preparing'); the cashier signs in and scans at once, the till says training mode is
// being prepared for as long as it is, and the first sale goes through once it is ready.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from '../../main/catalog/demoCatalog';
import { startBrowserModeProcess, type BrowserModeProcess } from './browserModeProcess';
import { launchChromium, openTill, scan, sellForCash, signIn, untilTrainingReady, useLanguage } from './till';

/** The app's log lines (main/log: one JSON object a line in <data>/logs). */
function logEvents(dataDir: string): string[] {
  const dir = path.join(dataDir, 'logs');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .sort()
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n'))
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { event: string }).event);
}

describe('a first start in browser mode', { timeout: 180_000 }, () => {
  let app: BrowserModeProcess;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    app = await startBrowserModeProcess();
    browser = await launchChromium();
    ({ page, problems } = await openTill(browser, app.launchUrl));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('prints the link before training mode is onboarded, which then finishes in the background', async () => {
    const atLink = logEvents(app.dataDir);
    expect(atLink).toContain('app.opened');
    expect(atLink).toContain('mode.training-preparing');
    // the link was printed when the app opened; onboarding (key, CSR, CSIDs, compliance checks) came after, if at all yet
    const opened = atLink.indexOf('app.opened');
    const ready = atLink.indexOf('mode.training-ready');
    expect(ready === -1 || ready > opened).toBe(true);
  });

  it('lets the cashier sign in and scan at once, says it is preparing while it is, then sells', async () => {
    await useLanguage(page, 'en');
    await signIn(page, 'Cashier', '0000');
    await scan(page, DEMO_PRODUCTS[0]!.barcodes[0]!);
    await page.waitForSelector('[data-test=cart] tr[data-test^=line-]');
    await page.waitForSelector('[data-test=waiting]'); // the strip is filled: the banner is drawn if it is due
    const bannerShown = await page.isVisible('[data-test=training-preparing]');
    const readyBefore = logEvents(app.dataDir).includes('mode.training-ready');
    // no banner means training was ready before this look; a banner means it was not yet when the status was sent
    if (!bannerShown) expect(readyBefore).toBe(true);
    else expect(await page.textContent('[data-test=training-preparing]')).toContain('Preparing training mode');
    await untilTrainingReady(page);
    // the milk scanned while preparing is still in the cart: a second one joins its line, and the sale goes through
    const number = await sellForCash(page, [DEMO_PRODUCTS[0]!.barcodes[0]!], '100');
    expect(number).toMatch(/^TR-/);
    expect(logEvents(app.dataDir)).toContain('mode.training-ready');
    expect(problems).toEqual([]);
  });
});
