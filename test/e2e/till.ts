// SPDX-License-Identifier: UNLICENSED
// Driving the app in Debian's Chromium the way a cashier does: with the keyboard (the scanner is a keyboard too).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from './browserModeProcess';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const SCREENSHOT_DIR = path.join(ROOT, 'test-output', 'e2e');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export async function openTill(browser: Browser, launchUrl: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  await page.goto(launchUrl);
  await page.waitForSelector('[data-test=pin]');
  return { page, problems };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** The language toggle until the page is in `locale`. */
export async function useLanguage(page: Page, locale: 'ar' | 'en'): Promise<void> {
  for (let i = 0; i < 2 && (await page.getAttribute('html', 'lang')) !== locale; i++) {
    await page.click('[data-test=language]');
    await page.waitForFunction((l) => document.documentElement.lang === l, locale);
  }
}

/** Signs out whoever is signed in, picks the user, types the PIN and presses Enter; does not wait for what follows. */
export async function enterPin(page: Page, user: string, pin: string): Promise<void> {
  if (await page.$('[data-test=sign-out]')) {
    await page.click('[data-test=sign-out]');
  }
  await page.waitForSelector('[data-test=pin]');
  await page.click(`[data-test="user-${user}"]`);
  await page.fill('[data-test=pin]', pin);
  await page.keyboard.press('Enter');
}

/** Signs in to the till. */
export async function signIn(page: Page, user: string, pin: string): Promise<void> {
  await enterPin(page, user, pin);
  await page.waitForSelector('[data-test=scan]');
}

/**
 * On the till, until it can sell: a first start prepares training mode in the background after the link is printed
 * (main/app/modeController.ts, 'preparing'), shown by the till's banner until it is done. Waits for the status strip
 * to be filled (so the banner is not merely not yet drawn), then for the banner to go.
 */
export async function untilTrainingReady(page: Page, timeoutMs = 120_000): Promise<void> {
  await page.waitForSelector('[data-test=scan]');
  await page.waitForSelector('[data-test=waiting]');
  await page.waitForSelector('[data-test=training-preparing]', { state: 'detached', timeout: timeoutMs });
}

/**
 * On the PIN change screen (a factory PIN on a live terminal), by keyboard as a cashier would: the current PIN,
 * Enter, the new one, Enter, the new one again, Enter. Waits only for the screen, not for the answer.
 */
export async function typeNewPin(page: Page, current: string, next: string): Promise<void> {
  await page.waitForSelector('[data-test=pin-change]');
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-test') === 'current-pin');
  for (const value of [current, next, next]) {
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
  }
}

/** Chooses a new PIN on the PIN change screen and waits until the screen is gone. */
export async function choosePin(page: Page, current: string, next: string): Promise<void> {
  await typeNewPin(page, current, next);
  await page.waitForSelector('[data-test=pin-change]', { state: 'detached' });
}

/** Types into the focused scan field and presses Enter, as a keyboard-wedge scanner does. */
export async function scan(page: Page, code: string): Promise<void> {
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-test') === 'scan');
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

/** Rings up the codes, pays cash (F8, amount typed) and completes with Enter; returns the document number. */
export async function sellForCash(page: Page, codes: readonly string[], cash: string): Promise<string> {
  // the number, not the whole panel: the previous receipt's print state (printing → printed) changes the panel too
  const before = await page.evaluate(() => document.querySelector('[data-test=last-sale] .doc-number')?.textContent?.trim() ?? '');
  // every scan taken, counted in pieces: a code already in the cart adds to its line instead of a new line
  const already = await page.evaluate(() =>
    [...document.querySelectorAll('[data-test=cart] td[data-test^=qty-] .num')].reduce((sum, e) => sum + Number(e.textContent), 0),
  );
  for (const code of codes) await scan(page, code);
  await page.waitForFunction(
    (n) => [...document.querySelectorAll('[data-test=cart] td[data-test^=qty-] .num')].reduce((sum, e) => sum + Number(e.textContent), 0) === n,
    already + codes.length,
  );
  await page.waitForFunction(
    () => !document.querySelector('[data-test=total]')?.textContent?.includes('…') && document.querySelector('[data-test=total]')?.textContent !== '0.00',
  );
  await page.keyboard.press('F8');
  await page.keyboard.type(cash);
  await page.waitForFunction(() => document.querySelector('[data-test=due]')?.textContent === '0.00');
  await page.keyboard.press('Enter');
  await page
    .waitForFunction((b) => {
      const t = document.querySelector('[data-test=last-sale] .doc-number')?.textContent?.trim() ?? '';
      return t !== '' && t !== b;
    }, before)
    .catch(async (e: Error) => {
      throw new Error(`${e.message}\nthe screen shows: ${(await page.textContent('body'))?.slice(0, 800)}`);
    });
  return (await page.textContent('[data-test=last-sale] .doc-number'))!.trim();
}

export async function chipText(page: Page, name: string): Promise<string> {
  return ((await page.textContent(`[data-test=${name}]`)) ?? '').trim();
}
