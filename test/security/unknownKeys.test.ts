// SPDX-License-Identifier: UNLICENSED
// Finding 7 (docs/security.md, "Input is read strictly"): a key nobody knows is refused wherever input is read —
// document JSON (through the real `dukkan sign` process), the API contract, the catalog CSV's header, the shop
// JSON — naming the key and the one probably meant. `"pricesIncludeVAT"` used to be dropped and the document
// signed with VAT added on top (a different payable), exit 0.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestEgs, writeTestEgsFiles } from '../support/testCertificate';
import { runDukkan } from '../support/dukkanCli';
import { closestKey, knownKeysAt } from '../../app/errors/unknownKeys';
import { z } from 'zod';
import { simplifiedInvoice } from '../fixtures/documents';
import { API } from '../../app/contract/api';
import { METHOD_NAMES } from '../../app/contract/methodNames';
import { CatalogStore } from '../../main/catalog/catalogStore';
import { importProductsCsv } from '../../main/catalog/importProductsCsv';
import { openDeviceDatabase } from '../../main/db/openDeviceDatabase';
import { parseShopProfile } from '../../main/onboarding/shopProfile';
import { OnboardingError } from '../../main/onboarding/index';
import { thrownBy } from '../support/thrownBy';
import { errorText } from '../../app/errors/index';
import { SHOP } from '../onboarding/support';

const work = mkdtempSync(path.join(tmpdir(), 'dukkan-unknown-keys-'));
const file = (name: string, text: string) => {
  const p = path.join(work, name);
  writeFileSync(p, text);
  return p;
};

describe('document JSON', () => {
  it('dukkan sign refuses "pricesIncludeVAT" naming pricesIncludeVat, exit 1, and writes nothing', () => {
    const doc = file('doc.json', JSON.stringify({ ...simplifiedInvoice(), pricesIncludeVAT: true }));
    const out = path.join(work, 'signed.xml');
    const egs = writeTestEgsFiles(createTestEgs({ validFrom: new Date('2026-01-01T00:00:00Z') }));
    const r = runDukkan(['sign', '--in', doc, '--key', egs.key, '--cert', egs.cert, '--out', out], { cwd: work });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown key pricesIncludeVAT — did you mean pricesIncludeVat?');
    expect(existsSync(out)).toBe(false);
  });
});

describe('the API contract', () => {
  /** Every object schema reachable from `schema`, by zod 4's definition. */
  function objectsIn(schema: unknown, seen = new Set<unknown>()): { catchall?: { _zod: { def: { type: string } } } }[] {
    const def = (schema as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
    if (!def || seen.has(def)) return [];
    seen.add(def);
    const children = [def.shape && Object.values(def.shape as object), def.element, def.innerType, def.in, def.out, def.options].flat().filter(Boolean);
    const own = def.type === 'object' ? [def as { catchall?: { _zod: { def: { type: string } } } }] : [];
    return [...own, ...children.flatMap((c) => objectsIn(c, seen))];
  }

  it.each(METHOD_NAMES)('%s refuses unknown keys in every object of its argument', (method) => {
    const objects = objectsIn(API[method].input);
    expect(objects.length, method).toBeGreaterThan(0);
    for (const object of objects) expect(object.catchall?._zod.def.type, method).toBe('never');
  });
});

describe('catalog CSV header', () => {
  const store = () => new CatalogStore(openDeviceDatabase(path.join(mkdtempSync(path.join(work, 'db-')), 'dukkan.sqlite')));

  it('refuses a misspelt column, suggesting the column meant, and imports nothing', () => {
    const catalog = store();
    const before = catalog.list().length;
    const result = importProductsCsv(catalog, 'name,price,vat_categroy,colour\nTea,5.00,Z,red\n');
    expect(result).toEqual({
      created: 0,
      updated: 0,
      errors: [
        { line: 1, reason: 'csv.unknown-column-close', params: { column: 'vat_categroy', suggestion: 'vat_category' }, field: 'vat_categroy' },
        {
          line: 1,
          reason: 'csv.unknown-column',
          params: { column: 'colour', columns: 'name, name_ar, barcode, price, price_includes_vat, vat_category, vat_rate, exemption_code, unit' },
          field: 'colour',
        },
      ],
    });
    expect(catalog.list().length).toBe(before);
  });

  it('still reads headers in any case and with spaces', () => {
    expect(importProductsCsv(store(), 'Name,Price,VAT Category,Vat Rate\nTea,5.75,S,15\n')).toEqual({ created: 1, updated: 0, errors: [] });
  });
});

describe('shop JSON', () => {
  it('refuses a key in the wrong case, suggesting the key meant', () => {
    const e = thrownBy(OnboardingError, () => parseShopProfile({ ...SHOP, address: { ...SHOP.address, PostalCode: '12345' } }));
    expect(e.problems).toContainEqual({
      path: 'address.PostalCode',
      code: 'shop.unknown-field-close',
      params: { field: 'address.PostalCode', suggestion: 'address.postalCode' },
    });
    const found = e.problems.find((p) => p.path === 'address.PostalCode')!;
    expect(errorText(found.code, found.params ?? {}, 'ar')).toContain('هل تقصد address.postalCode');
  });
});

describe('knownKeysAt', () => {
  const schema = z.strictObject({
    a: z.string(),
    list: z.array(z.strictObject({ b: z.string(), inner: z.strictObject({ c: z.string() }).optional() })).default([]),
    piped: z.strictObject({ d: z.string() }).transform((v) => v.d),
  });
  it('follows objects, lists, optional and default values and transforms', () => {
    expect(knownKeysAt(schema, [])).toEqual(['a', 'list', 'piped']);
    expect(knownKeysAt(schema, ['list', 0])).toEqual(['b', 'inner']);
    expect(knownKeysAt(schema, ['list', 3, 'inner'])).toEqual(['c']);
    expect(knownKeysAt(schema, ['piped'])).toEqual(['d']);
    expect(knownKeysAt(schema, ['a'])).toEqual([]);
  });
});

describe('closestKey', () => {
  const known = ['pricesIncludeVat', 'paymentMeans', 'lines', 'name', 'price_includes_vat'];
  it.each([
    ['pricesIncludeVAT', 'pricesIncludeVat'],
    ['paymentmeans', 'paymentMeans'],
    ['line', 'lines'],
    ['nmae', 'name'],
    ['Price Includes VAT', 'price_includes_vat'],
  ])('%s → %s', (key, meant) => expect(closestKey(key, known)).toBe(meant));

  it.each(['colour', 'x', 'customerLoyaltyTier'])('%s has no close key', (key) => expect(closestKey(key, known)).toBeUndefined());
});
