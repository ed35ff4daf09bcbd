// SPDX-License-Identifier: UNLICENSED
// Every error code has English and Arabic text with the same placeholders (a sentence parameter `{x}` is `{xAr}` in
// the Arabic text); Arabic text is Arabic.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DukkanError, ERROR_CATALOG, errorText, placeholdersOf, type ErrorCode } from './index';

const ARABIC = /[\u0600-\u06FF]/;

describe('the error catalog', () => {
  const codes = Object.keys(ERROR_CATALOG) as ErrorCode[];

  it.each(codes)('%s has English and Arabic text with the same placeholders', (code) => {
    const { en, ar } = ERROR_CATALOG[code];
    expect(en.trim().length).toBeGreaterThan(0);
    expect(ar).toMatch(ARABIC);
    // a parameter that is itself a sentence comes in both languages: `{name}` in English, `{nameAr}` in Arabic
    const ofEnglish = placeholdersOf(en);
    expect(
      placeholdersOf(ar)
        .map((p) => (ofEnglish.includes(p.slice(0, -2)) && p.endsWith('Ar') ? p.slice(0, -2) : p))
        .sort(),
    ).toEqual(ofEnglish.sort());
    expect(ofEnglish.filter((p) => p.endsWith('Ar'))).toEqual([]);
  });

  it('an Arabic sentence parameter replaces its English one: issuance.rule-broken reads entirely in Arabic', () => {
    const params = {
      rule: 'BR-KSA-40',
      message: 'The seller VAT number (BT-31) is "1"; it must be 15 digits.',
      messageAr: 'يجب أن يتكون الرقم الضريبي',
      location: '/Invoice',
    };
    expect(errorText('issuance.rule-broken-at', params, 'en')).toBe(`BR-KSA-40: ${params.message} (/Invoice)`);
    expect(errorText('issuance.rule-broken-at', params, 'ar')).toBe('القاعدة BR-KSA-40: يجب أن يتكون الرقم الضريبي (الموضع: /Invoice)');
  });

  it('every area file of app/errors/codes is in the catalog, and no code is defined in two of them', async () => {
    // read from the folder, so a new area file is checked without being listed here: a file left out of catalog.ts,
    // or a code defined twice (the merge would keep only one text), fails
    const folder = fileURLToPath(new URL('./codes/', import.meta.url));
    const files = readdirSync(folder).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const areas = await Promise.all(files.map(async (f) => (await import(pathToFileURL(path.join(folder, f)).href)) as Record<string, unknown>));
    const all = areas.flatMap((module, i) => {
      const exported = Object.entries(module).filter(([name]) => name.endsWith('_CODES'));
      expect(exported, files[i]).toHaveLength(1);
      return Object.keys(exported[0]![1] as object);
    });
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual([...codes].sort());
  });

  it('codes are <area>.<what> in lower case', () => {
    for (const code of codes) expect(code).toMatch(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/);
  });

  it('fills parameters in both languages and keeps a missing one visible', () => {
    expect(errorText('document.invalid', { count: 3 }, 'en')).toBe('The document is not valid: 3 problem(s), each named with its field.');
    expect(errorText('document.invalid', { count: 3 }, 'ar')).toContain('3');
    expect(errorText('document.invalid', {}, 'en')).toContain('{count}');
  });

  it('a DukkanError carries its code and parameters; its message is the English text', () => {
    const e = new DukkanError('document.invalid', { count: 2 }, { problems: [{ path: 'lines.0.quantity', code: 'document.invalid' }] });
    expect(e).toBeInstanceOf(Error);
    expect(e.code).toBe('document.invalid');
    expect(e.message).toBe(errorText('document.invalid', { count: 2 }, 'en'));
    expect(e.text('ar')).toBe(errorText('document.invalid', { count: 2 }, 'ar'));
    expect(e.problems).toHaveLength(1);
  });
});
