// Words and formats of both languages: placeholders, the words of values main sends, Latin digits and the language's order
// in dates, the countdown to a deadline; and numbers kept left to right inside right-to-left text.
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { Fragment, h, render } from 'preact';
import { Num } from './components/common';
import { dateTime, riyadhDay, timeLeft, translate, translator } from './i18n';
import { ADVICE, DOCUMENT_KIND, environmentLabel, REPORTING } from './labels';

describe('i18n', () => {
  it('fills placeholders, and leaves an unknown one visible', () => {
    expect(translate('en', 'waiting', { n: 20 })).toBe('To report: 20');
    expect(translate('ar', 'waiting', { n: 20 })).toBe('بانتظار الإبلاغ: 20');
    expect(translate('en', 'defaultPins', { m: '1234' })).toBe('Training PINs: manager 1234, cashier {c}');
  });

  it('has words for the values main sends, and shows an environment it does not know as sent', () => {
    const { t } = translator('ar');
    expect(DOCUMENT_KIND['credit-note'](t)).toBe('إشعار دائن');
    expect(REPORTING.reported(t)).toBe('تم الإبلاغ للهيئة');
    expect(environmentLabel(t, 'developer-portal')).toBe('بوابة المطورين (اختبار)');
    expect(environmentLabel(t, 'sandbox-2030')).toBe('sandbox-2030');
    expect(environmentLabel(t, 'toString')).toBe('toString'); // not an environment, though every object has it
  });

  it('says what to do about a document in trouble in both languages, with its number, date and delay', () => {
    const reissue = { kind: 'reissue', number: 'INV-000042', issueDate: '2026-12-01', issueTime: '10:15:00' } as const;
    for (const locale of ['en', 'ar'] as const) {
      const text = ADVICE.reissue(translator(locale).t, reissue);
      expect(text).toContain('INV-000042');
      expect(text).toContain('2026-12-01 10:15:00');
      expect(text).not.toMatch(/\{\w+\}/); // every placeholder filled
    }
    expect(ADVICE.reissue(translator('ar').t, reissue)).toMatch(/[\u0600-\u06FF]/);
    expect(ADVICE.overdue(translator('ar').t, { kind: 'overdue', number: 'INV-1', hoursLate: 30 })).toContain('30');
  });

  it('knows the direction of each language', () => {
    expect(translator('ar').dir).toBe('rtl');
    expect(translator('en').dir).toBe('ltr');
  });

  it('writes dates with Latin digits in both languages, in each language’s order', () => {
    const iso = '2026-11-23T11:05:00Z';
    const en = dateTime('en', iso);
    const ar = dateTime('ar', iso);
    expect(en).toMatch(/23\/11\/2026/);
    expect(ar).toMatch(/\d/);
    expect(ar).not.toMatch(/[٠-٩]/); // no Arabic-Indic digits: numbers read the same as on the receipt
    expect(ar).toMatch(/2026/);
  });

  it('shows times in Riyadh whatever the computer’s zone: 22:30 UTC is 01:30 the next day', () => {
    // the test runs in the machine's zone (UTC here): a local-time format would say 23/11 22:30
    expect(dateTime('en', '2026-11-23T22:30:00Z')).toBe('24/11/2026, 01:30');
    expect(dateTime('ar', '2026-11-23T22:30:00Z')).toMatch(/24.*11.*2026.*1:30|01:30/);
    expect(dateTime('en', '2026-11-23T20:59:00Z')).toBe('23/11/2026, 23:59');
    expect(riyadhDay(new Date('2026-11-23T20:59:59Z'))).toBe('2026-11-23');
    expect(riyadhDay(new Date('2026-11-23T21:00:00Z'))).toBe('2026-11-24');
  });

  it('counts down to a deadline, and says when it is past', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(timeLeft('en', '2026-11-24T09:05:00Z', now)).toBe('23 h 05 m');
    expect(timeLeft('ar', '2026-11-24T09:05:00Z', now)).toBe('23 س 05 د');
    expect(timeLeft('en', '2026-11-23T08:50:00Z', now)).toBe('late 1 h 10 m');
    expect(timeLeft('ar', '2026-11-23T08:50:00Z', now)).toBe('متأخر 1 س 10 د');
  });

  it('keeps a number left to right inside Arabic text', () => {
    document.documentElement.dir = 'rtl';
    const root = document.createElement('p');
    document.body.append(root);
    render(h(Fragment, null, translator('ar').t('total'), ' ', h(Num, { text: 'T1-000123', cls: 'num doc-number' })), root);
    const num = root.querySelector('span')!;
    expect(num.getAttribute('dir')).toBe('ltr');
    expect(num.className).toBe('num doc-number');
    expect(root.textContent).toBe('الإجمالي T1-000123');
  });
});
