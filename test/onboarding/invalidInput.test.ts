// SPDX-License-Identifier: UNLICENSED
// Every invalid input gets its own problem, by catalog code with English and Arabic text, naming the field — and
// leaves no partial state:
// no onboarding row, no CSID history, no active environment, no keychain entry, no request to Fatoora.
// Through the CLI, invalid input does not even create the data folder's database or log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFatooraSimulator, type FatooraSimulator } from '../../main/fatooraSimulator/index';
import { errorText } from '../../app/errors/index';
import { OnboardingError } from '../../main/onboarding/index';
import { REPO_ROOT } from '../vectors';
import { keychainItems, newDevice, onboardingRows, requireSecretService, SHOP, simulatorClients, type Device } from './support';

type Shop = Record<string, unknown>;
const withShop = (change: (shop: Shop) => void): Shop => {
  const shop = structuredClone(SHOP) as unknown as Shop;
  change(shop);
  return shop;
};
const address = (shop: Shop) => shop.address as Record<string, unknown>;

/** Each case: the input change, the field it must name, and a fragment of the English (any case) and Arabic text. */
const CASES: readonly { name: string; shop?: Shop; env?: string; otp?: string; field: string; en: RegExp; ar: RegExp }[] = [
  {
    name: 'VAT with 14 digits',
    shop: withShop((s) => (s.vatNumber = '39999999990003')),
    field: 'vatNumber',
    en: /15 digits, starting and ending with 3/,
    ar: /15 رقمًا يبدأ بالرقم 3/,
  },
  {
    name: 'VAT not starting with 3',
    shop: withShop((s) => (s.vatNumber = '199999999900003')),
    field: 'vatNumber',
    en: /starting and ending with 3/,
    ar: /الرقم الضريبي/,
  },
  {
    name: 'VAT not ending with 3',
    shop: withShop((s) => (s.vatNumber = '399999999900001')),
    field: 'vatNumber',
    en: /starting and ending with 3/,
    ar: /الرقم الضريبي/,
  },
  { name: 'VAT with a letter', shop: withShop((s) => (s.vatNumber = '3999999999O0003')), field: 'vatNumber', en: /15 digits/, ar: /الرقم الضريبي/ },
  {
    name: 'CRN missing',
    shop: withShop((s) => delete s.crn),
    field: 'crn',
    en: /commercial registration number \(CRN\) must be 10 digits/,
    ar: /رقم السجل التجاري من 10 أرقام/,
  },
  { name: 'CRN too short', shop: withShop((s) => (s.crn = '101001')), field: 'crn', en: /10 digits/, ar: /السجل التجاري/ },
  {
    name: 'seller name not split by language',
    shop: withShop((s) => (s.sellerName = 'Dukkan')),
    field: 'sellerName',
    en: /in Arabic and English/,
    ar: /اسم البائع مطلوب بالعربية والإنجليزية/,
  },
  {
    name: 'Arabic name missing',
    shop: withShop((s) => delete (s.sellerName as Shop).ar),
    field: 'sellerName.ar',
    en: /Arabic seller name is required/,
    ar: /اسم البائع بالعربية مطلوب/,
  },
  {
    name: 'Arabic name in Latin letters',
    shop: withShop((s) => ((s.sellerName as Shop).ar = 'Dukkan')),
    field: 'sellerName.ar',
    en: /written in Arabic letters/,
    ar: /بحروف عربية/,
  },
  {
    name: 'English name missing',
    shop: withShop((s) => ((s.sellerName as Shop).en = ' ')),
    field: 'sellerName.en',
    en: /English seller name is required/,
    ar: /اسم البائع بالإنجليزية مطلوب/,
  },
  {
    name: 'English name in Arabic',
    shop: withShop((s) => ((s.sellerName as Shop).en = 'متجر')),
    field: 'sellerName.en',
    en: /Latin letters/,
    ar: /بحروف لاتينية/,
  },
  {
    name: 'English name with a CSR-forbidden character',
    shop: withShop((s) => ((s.sellerName as Shop).en = 'Dukkan & Sons')),
    field: 'sellerName.en',
    en: /must not contain any of ! @ # \$ % & \* _ </,
    ar: /الرموز/,
  },
  { name: 'branch missing', shop: withShop((s) => delete s.branch), field: 'branch', en: /branch name is required/, ar: /اسم الفرع مطلوب/ },
  {
    name: 'branch with a forbidden character',
    shop: withShop((s) => (s.branch = 'Riyadh_1')),
    field: 'branch',
    en: /must not contain any of/,
    ar: /الرموز/,
  },
  {
    name: 'VAT group branch that is not a TIN',
    shop: withShop((s) => (s.vatNumber = '399999999910003')),
    field: 'branch',
    en: /VAT group .* 10-digit TIN/,
    ar: /المجموعة الضريبية/,
  },
  { name: 'address missing', shop: withShop((s) => delete s.address), field: 'address', en: /shop address is required/, ar: /عنوان المتجر مطلوب/ },
  {
    name: 'building number with 3 digits',
    shop: withShop((s) => (address(s).building = '232')),
    field: 'address.building',
    en: /building number must be exactly 4 digits/,
    ar: /رقم المبنى من 4 أرقام/,
  },
  {
    name: 'building number with 5 digits',
    shop: withShop((s) => (address(s).building = '23221')),
    field: 'address.building',
    en: /exactly 4 digits/,
    ar: /رقم المبنى/,
  },
  {
    name: 'postal code with 4 digits',
    shop: withShop((s) => (address(s).postalCode = '2333')),
    field: 'address.postalCode',
    en: /postal code must be exactly 5 digits/,
    ar: /الرمز البريدي من 5 أرقام/,
  },
  {
    name: 'postal code with letters',
    shop: withShop((s) => (address(s).postalCode = '2333A')),
    field: 'address.postalCode',
    en: /5 digits/,
    ar: /الرمز البريدي/,
  },
  { name: 'street missing', shop: withShop((s) => delete address(s).street), field: 'address.street', en: /street is required/, ar: /اسم الشارع مطلوب/ },
  { name: 'district missing', shop: withShop((s) => (address(s).district = '')), field: 'address.district', en: /district is required/, ar: /اسم الحي مطلوب/ },
  { name: 'city missing', shop: withShop((s) => delete address(s).city), field: 'address.city', en: /city is required/, ar: /اسم المدينة مطلوب/ },
  {
    name: 'industry missing',
    shop: withShop((s) => delete s.industry),
    field: 'industry',
    en: /industry \(business category\) is required/,
    ar: /نشاط المنشأة مطلوب/,
  },
  {
    name: 'industry with a forbidden character',
    shop: withShop((s) => (s.industry = 'Retail*')),
    field: 'industry',
    en: /must not contain any of/,
    ar: /الرموز/,
  },
  {
    name: 'standard invoices only',
    shop: withShop((s) => (s.invoiceTypes = 'standard')),
    field: 'invoiceTypes',
    en: /"simplified" or "simplified\+standard"/,
    ar: /أنواع الفواتير/,
  },
  { name: 'invoice types missing', shop: withShop((s) => delete s.invoiceTypes), field: 'invoiceTypes', en: /invoice types must be/, ar: /أنواع الفواتير/ },
  { name: 'unknown field (a typo)', shop: withShop((s) => (s.vatNumbr = '399999999900003')), field: 'vatNumbr', en: /unknown field/, ar: /حقل غير معروف/ },
  {
    name: 'unknown environment',
    env: 'sandbox',
    field: 'environment',
    en: /developer-portal, simulation, production, local-simulator/,
    ar: /يجب أن تكون البيئة/,
  },
  { name: 'OTP with 5 digits', otp: '12334', field: 'otp', en: /6 digits shown in the Fatoora portal/, ar: /الأرقام الستة/ },
  { name: 'OTP with 7 digits', otp: '1233456', field: 'otp', en: /6 digits/, ar: /رمز التحقق/ },
  { name: 'OTP with letters', otp: '12a345', field: 'otp', en: /6 digits/, ar: /رمز التحقق/ },
];

describe('invalid onboarding input', () => {
  let sim: FatooraSimulator;
  let device: Device;

  beforeAll(async () => {
    requireSecretService();
    sim = await startFatooraSimulator();
    device = newDevice();
  });
  afterAll(() => sim.close());

  const nothingStored = (): void => {
    expect(onboardingRows(device.db)).toEqual({ onboarding: 0, history: 0, active: null });
    expect(keychainItems().filter((i) => i.service === device.service)).toEqual([]);
    expect(sim.records.csids()).toEqual([]);
    expect(sim.records.submissions()).toEqual([]);
    expect(sim.otps.list()[0]!.usedAt).toBeUndefined();
  };

  for (const c of CASES) {
    it(`${c.name}: ${c.field} gets its own message; nothing is stored`, async () => {
      const service = device.open({ clientFor: simulatorClients(sim) });
      const err = (await service
        .start(c.shop ?? SHOP, c.otp ?? '123345', { environment: (c.env ?? 'local-simulator') as 'local-simulator' })
        .catch((e: unknown) => e)) as OnboardingError;
      expect(err).toBeInstanceOf(OnboardingError);
      expect(err.code).toBe('onboarding.invalid-input');
      expect(err.params).toEqual({ count: 1 });
      const problems = err.problems;
      expect(problems.map((p) => p.path)).toEqual([c.field]);
      const text = (locale: 'en' | 'ar') => errorText(problems[0]!.code, problems[0]!.params ?? {}, locale);
      expect(text('en')).toMatch(new RegExp(c.en.source, 'i'));
      expect(text('ar')).toMatch(c.ar);
      expect(err.text('ar')).toContain('لم يُحفظ أي شيء');
      // a mistyped OTP is never echoed back
      if (c.otp) expect(JSON.stringify({ ...err, message: err.message })).not.toContain(c.otp);
      nothingStored();
    });
  }

  it('every problem is reported at once', async () => {
    const service = device.open({ clientFor: simulatorClients(sim) });
    const shop = withShop((s) => {
      s.vatNumber = '123';
      address(s).building = '1';
      address(s).postalCode = '1';
    });
    const err = (await service.start(shop, '12', { environment: 'nowhere' as 'local-simulator' }).catch((e: unknown) => e)) as OnboardingError;
    expect(err.problems.map((p) => p.path)).toEqual(['vatNumber', 'address.building', 'address.postalCode', 'environment', 'otp']);
    nothingStored();
  });

  it('renew and rotate check the OTP first, and refuse an unonboarded device without touching anything', async () => {
    const service = device.open({ clientFor: simulatorClients(sim) });
    await expect(service.renew('1')).rejects.toMatchObject({ code: 'onboarding.invalid-input' });
    await expect(service.rotate('abcdef')).rejects.toMatchObject({ code: 'onboarding.invalid-input' });
    // no environment chosen yet: not onboarded anywhere; asked for one: not onboarded there
    await expect(service.renew('123345')).rejects.toMatchObject({ code: 'onboarding.not-onboarded-anywhere' });
    await expect(service.rotate('123345')).rejects.toMatchObject({ code: 'onboarding.not-onboarded-anywhere' });
    await expect(service.resume()).rejects.toMatchObject({ code: 'onboarding.not-onboarded-anywhere' });
    await expect(service.signingFor('local-simulator')).rejects.toMatchObject({ code: 'onboarding.not-onboarded' });
    nothingStored();
  });

  it('dukkan onboard: invalid input prints both languages, exits 1 and creates nothing in the data folder', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'dukkan-invalid-'));
    const shopFile = path.join(work, 'shop.json');
    writeFileSync(shopFile, JSON.stringify(withShop((s) => (address(s).postalCode = '2333'))));
    const dataDir = path.join(work, 'data');
    const run = spawnSync(
      process.execPath,
      [
        path.join(REPO_ROOT, 'bin', 'dukkan.mjs'),
        'onboard',
        '--data-dir',
        dataDir,
        '--env',
        'local-simulator',
        '--fatoora-url',
        sim.urls['developer-portal'],
        '--shop',
        shopFile,
        '--otp',
        '98765',
      ],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^\[onboarding\.invalid-input\] The onboarding details are not valid \(2 problem\(s\)/);
    expect(run.stderr).toMatch(/address\.postalCode: The postal code must be exactly 5 digits/);
    expect(run.stderr).toMatch(/address\.postalCode: .*يجب أن يتكون الرمز البريدي من 5 أرقام بالضبط/);
    expect(run.stderr).toMatch(/otp: The OTP must be the 6 digits/);
    expect(run.stderr).not.toContain('98765');
    expect(existsSync(dataDir)).toBe(false);
    expect(readdirSync(work)).toEqual(['shop.json']);
    expect(sim.records.csids()).toEqual([]);
  });
});
