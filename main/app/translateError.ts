// SPDX-License-Identifier: UNLICENSED
// The services' own refusals, as messages the cashier or manager can act on (both languages where we have them).
// Only known error types are translated; anything else stays "internal" and goes to the log (main/ipc/dispatcher).
import type { ApiError } from '../../app/contract/errors';
import { DocumentInputError } from '../../app/document/documentInput';
import { TotalsError } from '../../app/totals/computeTotals';
import { KeychainUnavailableError } from '../../native/keychain/secretStore';
import { CatalogError } from '../catalog/catalogStore';
import { LedgerError, type LedgerRefusal } from '../ledger/ledgerErrors';
import { OnboardingError } from '../onboarding/index';
import { UserError } from '../users/userStore';

const LEDGER_AR: Partial<Record<LedgerRefusal, string>> = {
  'clock-behind': 'ساعة الجهاز متأخرة عن آخر مستند: اضبط الوقت الصحيح؛ لم يصدر أي مستند.',
  'clock-ahead': 'ساعة الجهاز متقدمة بشكل غير معقول: تحقق من التاريخ والوقت؛ لم يصدر أي مستند.',
  'certificate-expired': 'انتهت صلاحية شهادة التوقيع: جددها قبل إصدار الفواتير؛ لم يُوقّع شيء.',
  'certificate-not-yet-valid': 'شهادة التوقيع ليست صالحة بعد: تحقق من ساعة الجهاز.',
  'unknown-original': 'الفاتورة الأصلية غير موجودة على هذا الجهاز.',
  'return-exceeds-sale': 'الكمية المرتجعة أكبر من المتبقي من الفاتورة.',
  'storage-full': 'القرص ممتلئ: لم يصدر المستند ولم يُطبع شيء؛ أفرغ مساحة وحاول مجددًا.',
  'storage-read-only': 'قاعدة البيانات للقراءة فقط: لم يصدر المستند.',
  'storage-busy': 'الدفتر مشغول بعملية أخرى: حاول مجددًا.',
  storage: 'تعذرت الكتابة في الدفتر: لم يصدر المستند.',
};

export function translateError(e: unknown): ApiError | undefined {
  if (e instanceof LedgerError) {
    const ar = LEDGER_AR[e.reason];
    return { code: 'rejected', message: e.message, ...(ar ? { messageAr: ar } : {}), ...(e.path ? { fields: [{ path: e.path, message: e.message }] } : {}) };
  }
  if (e instanceof OnboardingError) {
    const fields = e.details.filter((d): d is Exclude<typeof d, string> => typeof d !== 'string').map((d) => ({ path: d.field, message: d.en }));
    return { code: e.code === 'invalid-input' ? 'invalid-input' : 'rejected', message: e.en, messageAr: e.ar, ...(fields.length > 0 ? { fields } : {}) };
  }
  if (e instanceof CatalogError || e instanceof UserError)
    return { code: 'invalid-input', message: e.message, fields: [{ path: e.field, message: e.message }] };
  if (e instanceof DocumentInputError)
    return { code: 'invalid-input', message: e.message, fields: e.problems.map((p) => ({ path: p.path, message: p.message })) };
  if (e instanceof TotalsError) return { code: 'invalid-input', message: e.message, fields: [{ path: e.path, message: e.message }] };
  if (e instanceof KeychainUnavailableError) {
    return {
      code: 'rejected',
      message: 'The operating system keychain is locked or unavailable, so nothing can be signed. Unlock it (sign in to the desktop) and try again.',
      messageAr: 'سلسلة مفاتيح النظام مقفلة أو غير متاحة، فلا يمكن توقيع شيء. افتحها (سجّل الدخول إلى سطح المكتب) وحاول مجددًا.',
    };
  }
  return undefined;
}
