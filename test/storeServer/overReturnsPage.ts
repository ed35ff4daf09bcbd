// SPDX-License-Identifier: UNLICENSED
// The manager page's over-returns section (docs/store-server.md, "Returns at another till") as the manager reads it,
// in English and in Arabic: each language's heading, then the rows of the section's table.
import { expect } from 'vitest';
import { managerFetch } from './managerFetch';

const HEADINGS = { en: 'Over-returned invoices', ar: 'فواتير أُرجع منها أكثر مما بيع' } as const;

/** Checks the section in both languages lists `row` — the invoice (its till), line, sold, returned, the note and its till. */
export async function expectOverReturnShown(serverUrl: string, token: string, row: readonly (string | number)[]): Promise<void> {
  const cells = row.map((c) => `<td>${String(c)}</td>`).join('');
  for (const lang of ['en', 'ar'] as const) {
    const page = await (await managerFetch(new URL(`/manager?lang=${lang}`, serverUrl), { headers: { authorization: `Bearer ${token}` } })).text();
    const section = page.slice(page.indexOf('data-test="over-returns"'));
    expect(section.slice(0, 400)).toContain(HEADINGS[lang]);
    expect(section).toContain(`<tr>${cells}<td>`);
  }
}
