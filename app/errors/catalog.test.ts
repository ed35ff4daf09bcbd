// SPDX-License-Identifier: UNLICENSED
// Every error code has English and Arabic text with the same placeholders (a sentence parameter `{x}` is `{xAr}` in
// the Arabic text); Arabic text is Arabic.
import { describe, expect, it } from 'vitest';
import { DukkanError, ERROR_CATALOG, errorText, placeholdersOf, type ErrorCode } from './index';
import { ANCHOR_CODES } from './codes/anchorCodes';
import { CATALOG_DATA_CODES } from './codes/catalogDataCodes';
import { B2B_CODES } from './codes/b2bCodes';
import { BACKUP_CODES } from './codes/backupCodes';
import { STORE_BACKUP_CODES } from './codes/storeBackupCodes';
import { STORE_CODES } from './codes/storeCodes';
import { STORE_TILL_CODES } from './codes/storeTillCodes';
import { STORE_TLS_CODES } from './codes/storeTlsCodes';
import { STORE_RETURN_CODES } from './codes/storeReturnCodes';
import { STORE_SIGNATURE_CODES } from './codes/storeSignatureCodes';
import { DISCOUNT_CODES } from './codes/discountCodes';
import { GO_LIVE_CODES } from './codes/goLiveCodes';
import { TENDER_CODES } from './codes/tenderCodes';
import { TRAINING_PREP_CODES } from './codes/trainingPrepCodes';
import { B2B_NOTE_CODES } from './codes/b2bNoteCodes';
import { DEVICE_CODES } from './codes/deviceCodes';
import { ENGINE_CODES } from './codes/engineCodes';
import { SECURITY_CODES } from './codes/securityCodes';
import { ONBOARDING_CODES } from './codes/onboardingCodes';
import { SHIFT_CODES } from './codes/shiftCodes';
import { TERMINAL_CODES } from './codes/terminalCodes';
import { TILL_CODES } from './codes/tillCodes';
import { WORKER_CODES } from './codes/workerCodes';

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

  it('no code is defined in two area files (the merge would keep only one text)', () => {
    const all = [
      ENGINE_CODES,
      DEVICE_CODES,
      TERMINAL_CODES,
      ONBOARDING_CODES,
      TILL_CODES,
      SECURITY_CODES,
      B2B_CODES,
      CATALOG_DATA_CODES,
      SHIFT_CODES,
      ANCHOR_CODES,
      BACKUP_CODES,
      STORE_CODES,
      STORE_BACKUP_CODES,
      STORE_TILL_CODES,
      STORE_RETURN_CODES,
      STORE_SIGNATURE_CODES,
      STORE_TLS_CODES,
      DISCOUNT_CODES,
      B2B_NOTE_CODES,
      GO_LIVE_CODES,
      TENDER_CODES,
      WORKER_CODES,
      TRAINING_PREP_CODES,
    ].flatMap((area) => Object.keys(area));
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(codes.length);
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
