// A refusal reaches the screen as a catalog code with its parameters (app/contract/errors.ts), and the screen says
// it in its own language from the error catalog (app/errors): an Arabic till shows a ledger refusal and each field
// of a bad input in Arabic, whatever English main's `message` carries. Mounted whole in a light DOM (happy-dom)
// against a fake main answering as main/ipc/apiErrors.ts does; test/app/refusalText.test.ts sends real refusals
// through the real dispatcher.
// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { OnboardingProgress, ReceiptDetails, SessionInfo } from '../../app/contract/types';
import { errorText } from '../../app/errors/index';
import type { AppStore } from './state/appStore';
import { submit as submitForm, type as typeInto } from './testing/dom';
import { CASHIER, MANAGER, refused, settle, type FakeApi } from './testing/fakes';
import { mountApp, unmountApps, until, type Handlers } from './testing/mountApp';

const RECEIPT: ReceiptDetails = {
  document: { number: 'T1-000001', kind: 'invoice', issueDate: '2026-11-23', issueTime: '15:30:00', total: '13.00', vat: '1.70', training: true },
  pricesIncludeVat: true,
  lines: [{ lineId: 1, name: 'حليب طازج', quantity: '2', unitPrice: '6.50', vatRate: '15', vatCategory: 'S', returned: '1', returnable: '1' }],
  payments: [{ method: 'cash', amount: '13.00' }],
  originalNumber: null,
  reason: null,
  notes: [],
  reporting: 'reported',
};

/** What main answers when the ledger refuses the return (main/ledger/ledger.ts checkReturnLimits). */
const RETURN_EXCEEDS_SALE = { quantity: '2', name: 'حليب طازج', number: 'T1-000001', sold: '2', returned: '1', left: '1' };

/** A failed onboarding as main reports it: the service's invalid-input, one problem per field. */
const INVALID_SHOP: OnboardingProgress = {
  state: 'failed',
  environment: 'simulation',
  steps: [{ id: 'key', done: false, current: true }],
  error: {
    code: 'invalid-input',
    reason: 'onboarding.invalid-input',
    params: { count: 2 },
    message: 'The onboarding details are not valid (2 problem(s), each named with its field); nothing was saved.',
    fields: [
      { path: 'address.building', reason: 'shop.building-number', params: {} },
      { path: 'vatNumber', reason: 'shop.vat-number', params: {} },
    ],
  },
};

let root: HTMLElement;

const NOT_STARTED: OnboardingProgress = { state: 'not-started', environment: null, steps: [], error: null };

async function mount(start: Partial<SessionInfo>, handlers: Handlers): Promise<{ app: AppStore; fake: FakeApi }> {
  const mounted = await mountApp(start, handlers);
  root = mounted.root;
  return mounted;
}

/** The onboarding tab loads its progress in an effect, which Preact runs after the paint. */
async function openOnboarding(app: AppStore, fake: FakeApi): Promise<void> {
  app.go('manager');
  await until('the onboarding tab loaded its progress', () => fake.callsOf('onboarding.get').length > 0);
}

const $ = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector);
const LATIN_WORD = /[A-Za-z]{3,}/;

const type = (selector: string, value: string) => typeInto(root, selector, value);
const submit = (selector: string) => submitForm(root, selector);

afterEach(unmountApps);

describe('refusals on an Arabic screen', () => {
  it('a return larger than what is left of the sale: the ledger’s refusal is said in Arabic, with its numbers', async () => {
    const { app } = await mount(
      { user: CASHIER, locale: 'ar' },
      {
        'receipts.find': () => RECEIPT,
        'approval.request': () => ({ approvalId: 'a-1', managerName: 'Manager', expiresAt: new Date(60_000).toISOString() }),
        'returns.create': () => {
          throw refused('rejected', 'ledger.return-exceeds-sale', RETURN_EXCEEDS_SALE, {
            field: 'lines.0.quantity',
            fields: [{ path: 'lines.0.quantity', reason: 'ledger.return-exceeds-sale', params: RETURN_EXCEEDS_SALE }],
          });
        },
      },
    );
    app.go('receipts');
    await settle(20);
    type('[data-test=receipt-query]', 'T1-000001');
    submit('[data-test=receipt-query]');
    await settle(20);
    $<HTMLInputElement>('[data-test=pick-1]')!.click();
    type('[data-test=qty-1]', '2');
    type('[data-test=reason]', 'تالف');
    $('[data-test=issue-credit]')!.click();
    await settle(20);
    app.closeDialog(app.dialog.value!.id, '864209');
    await settle(20);

    const toast = $('#toast')!;
    expect(toast.className).toBe('toast error');
    expect(toast.textContent).toBe(errorText('ledger.return-exceeds-sale', RETURN_EXCEEDS_SALE, 'ar'));
    expect(toast.textContent).toBe('الكمية المرتجعة 2 من "حليب طازج" أكبر من المتبقي: الكمية المباعة في الفاتورة T1-000001 هي 2، وأُرجع منها 1 (المتبقي 1).');
    expect(toast.textContent).not.toMatch(LATIN_WORD);
  });

  it('invalid onboarding input: the refusal and each field’s problem in Arabic, under the field’s own label', async () => {
    const { app, fake } = await mount({ user: MANAGER, locale: 'ar' }, { 'onboarding.get': () => NOT_STARTED, 'onboarding.start': () => INVALID_SHOP });
    await openOnboarding(app, fake);
    submit('[data-test=ob-start]');
    await settle(20);
    expect(fake.callsOf('onboarding.start')).toHaveLength(1);

    expect($('[data-test=ob-error]')!.textContent).toBe('بيانات التسجيل غير صحيحة (2 مشكلة، كل منها مع اسم الحقل)، ولم يُحفظ أي شيء.');
    const problems = [...root.querySelectorAll('[data-test=ob-problems] li')].map((li) => li.textContent);
    expect(problems).toEqual([
      'رقم المبنى (4 أرقام): يجب أن يتكون رقم المبنى من 4 أرقام بالضبط (BR-KSA-37).',
      'الرقم الضريبي (15 رقمًا): يجب أن يتكون الرقم الضريبي من 15 رقمًا يبدأ بالرقم 3 وينتهي به.',
    ]);
    expect($('[data-test=ob-building]')!.getAttribute('aria-invalid')).toBe('true');
    expect($('[data-test=ob-vatNumber]')!.getAttribute('aria-invalid')).toBe('true');
    expect($('[data-test=ob-crn]')!.getAttribute('aria-invalid')).toBeNull();
  });

  it('an argument main’s schema refuses: each field with its rule in Arabic', async () => {
    const { app, fake } = await mount(
      { user: MANAGER, locale: 'ar' },
      {
        'onboarding.get': () => NOT_STARTED,
        'onboarding.start': () => {
          throw refused(
            'invalid-input',
            'api.invalid-input',
            { count: 2 },
            {
              fields: [
                { path: 'otp', reason: 'input.otp', params: {} },
                { path: 'shop.crn', reason: 'input.too-long', params: { max: 20 } },
              ],
            },
          );
        },
      },
    );
    await openOnboarding(app, fake);
    submit('[data-test=ob-start]');
    await settle(20);
    expect($('[data-test=ob-error]')!.textContent).toBe(
      'بعض القيم غير صحيحة (2 مشكلة، كل منها مع اسم الحقل)؛ لم يتغير شيء. · otp: رمز التحقق (OTP) هو الأرقام الستة الظاهرة في بوابة فاتورة. · shop.crn: يجب ألا يزيد على 20 حرفًا.',
    );
  });
});
