// SPDX-License-Identifier: UNLICENSED
// Every way onboarding, renewal, rotation or signing can fail, in plain words, in Arabic and English: a failed step
// explains itself to the shop keeper, not only to a developer. Messages carry no secret: never an OTP, a CSID
// secret or key bytes; ZATCA's own messages pass through only after the client scrubbed them (main/fatoora/messages.ts).

export type OnboardingErrorCode =
  | 'invalid-input'
  | 'otp-required'
  | 'otp-invalid'
  | 'otp-expired'
  | 'otp-used'
  | 'csr-rejected'
  | 'vat-mismatch'
  | 'certificate-type'
  | 'key-mismatch'
  | 'key-missing'
  | 'compliance-check-failed'
  | 'missing-compliance-steps'
  | 'credentials-refused'
  | 'wrong-environment'
  | 'not-onboarded'
  | 'onboarding-in-progress'
  | 'certificate-expired'
  | 'certificate-not-yet-valid'
  | 'fatoora-unreachable'
  | 'fatoora-no-answer'
  | 'fatoora-error'
  | 'keychain-unavailable'
  | 'unexpected';

export interface Bilingual {
  readonly en: string;
  readonly ar: string;
}

/** One problem with one input field (validation lists them all at once). */
export interface InputProblem extends Bilingual {
  /** Dotted path into the shop JSON, or `environment` / `otp`. */
  readonly field: string;
}

export class OnboardingError extends Error {
  override readonly name = 'OnboardingError';
  readonly en: string;
  readonly ar: string;
  constructor(
    readonly code: OnboardingErrorCode,
    text: Bilingual,
    /** Field problems (invalid-input) or ZATCA's messages (rejections), already free of secrets. */
    readonly details: readonly InputProblem[] | readonly string[] = [],
  ) {
    super(text.en);
    this.en = text.en;
    this.ar = text.ar;
  }

  /** Both languages, one per line, with the field problems. */
  bilingual(): string {
    const lines = [this.en, this.ar];
    for (const d of this.details) lines.push(typeof d === 'string' ? `  - ${d}` : `  - ${d.field}: ${d.en} / ${d.ar}`);
    return lines.join('\n');
  }
}

export function invalidInput(problems: readonly InputProblem[]): OnboardingError {
  return new OnboardingError(
    'invalid-input',
    {
      en: `The onboarding details are not valid; nothing was saved:\n${problems.map((p) => `  ${p.field}: ${p.en}`).join('\n')}`,
      ar: `بيانات التسجيل غير صحيحة، ولم يُحفظ أي شيء:\n${problems.map((p) => `  ${p.field}: ${p.ar}`).join('\n')}`,
    },
    problems,
  );
}

const day = (at: Date): string => at.toISOString().slice(0, 10);

/** The fixed texts; functions where a value (a date, an environment) goes in. */
export const TEXT = {
  otpRequired: {
    en: 'This step needs a new one-time password (OTP): generate one in the Fatoora portal and run onboarding again with it.',
    ar: 'تحتاج هذه الخطوة إلى رمز تحقق (OTP) جديد: أنشئ رمزًا في بوابة فاتورة ثم أعد التسجيل به.',
  },
  otpInvalid: {
    en: 'Fatoora did not accept the OTP. Check the 6 digits, and that the OTP comes from the portal of this environment (simulation and production OTPs are not interchangeable).',
    ar: 'لم تقبل منصة فاتورة رمز التحقق (OTP). تحقق من الأرقام الستة، ومن أن الرمز صادر من بوابة البيئة نفسها (رموز بيئة المحاكاة لا تصلح للإنتاج والعكس).',
  },
  otpExpired: {
    en: 'The OTP has expired (an OTP is valid for one hour). Generate a new one in the Fatoora portal and run onboarding again.',
    ar: 'انتهت صلاحية رمز التحقق (OTP) (صلاحيته ساعة واحدة). أنشئ رمزًا جديدًا في بوابة فاتورة وأعد التسجيل.',
  },
  otpUsed: {
    en: 'This OTP was already used (an OTP is good for one request). Generate a new one in the Fatoora portal and run onboarding again.',
    ar: 'سبق استخدام رمز التحقق (OTP) هذا (الرمز صالح لطلب واحد فقط). أنشئ رمزًا جديدًا في بوابة فاتورة وأعد التسجيل.',
  },
  csrRejected: {
    en: 'Fatoora refused the certificate request (CSR) built from the shop details. Check the details below; a new request will be built on the next attempt.',
    ar: 'رفضت منصة فاتورة طلب الشهادة (CSR) المبني على بيانات المتجر. راجع التفاصيل أدناه؛ سيُبنى طلب جديد في المحاولة التالية.',
  },
  vatMismatch: (shopVat: string, certVat: string | undefined) => ({
    en: `The VAT number in the certificate Fatoora issued (${certVat ?? 'none'}) does not match the shop's VAT number (${shopVat}). Documents signed with it would be refused; check the VAT number and onboard again.`,
    ar: `الرقم الضريبي في الشهادة الصادرة من فاتورة (${certVat ?? 'لا يوجد'}) لا يطابق الرقم الضريبي للمتجر (${shopVat}). ستُرفض المستندات الموقعة بها؛ تحقق من الرقم الضريبي وأعد التسجيل.`,
  }),
  vatRefused: {
    en: 'Fatoora refused a document because the VAT number does not match the one in the certificate ("certificate-permissions"). Check the shop VAT number.',
    ar: 'رفضت منصة فاتورة مستندًا لأن الرقم الضريبي لا يطابق الرقم الوارد في الشهادة. تحقق من الرقم الضريبي للمتجر.',
  },
  certificateType: {
    en: 'The certificate Fatoora issued does not cover simplified (B2C) invoices, which this terminal issues. Onboard again with the right invoice types.',
    ar: 'الشهادة الصادرة من فاتورة لا تغطي الفواتير المبسطة التي يصدرها هذا الجهاز. أعد التسجيل بأنواع الفواتير الصحيحة.',
  },
  keyMismatch: {
    en: "The certificate Fatoora issued is not for this device's key. Nothing was saved; run onboarding again.",
    ar: 'الشهادة الصادرة من فاتورة لا تخص مفتاح هذا الجهاز. لم يُحفظ شيء؛ أعد التسجيل.',
  },
  keyMissing: (environment: string) => ({
    en: `The device key for ${environment} is missing from the OS keychain (it was deleted or the keychain was reset). Rotate the key: run onboarding with --rotate and a new OTP.`,
    ar: `مفتاح الجهاز الخاص ببيئة ${environment} غير موجود في سلسلة مفاتيح النظام (حُذف أو أُعيد ضبطها). استبدل المفتاح: أعد التسجيل مع خيار التدوير ورمز تحقق جديد.`,
  }),
  complianceFailed: (kind: string) => ({
    en: `Fatoora's compliance check refused the sample ${kind}. The messages below say why; nothing was lost, and onboarding resumes at this document.`,
    ar: `رفض فحص الامتثال في منصة فاتورة المستند التجريبي (${kind}). توضح الرسائل أدناه السبب؛ لم يُفقد شيء، وسيستأنف التسجيل من هذا المستند.`,
  }),
  missingSteps: (steps: readonly string[]) => ({
    en: `Fatoora will not issue the production certificate yet: compliance steps are missing (${steps.join(', ')}). Run onboarding again to send them.`,
    ar: `لن تصدر منصة فاتورة شهادة الإنتاج بعد: خطوات امتثال ناقصة (${steps.join('، ')}). أعد تشغيل التسجيل لإرسالها.`,
  }),
  credentialsRefused: (environment: string) => ({
    en: `Fatoora (${environment}) refused this device's credentials. They may belong to another environment, or have been revoked. Run onboarding again with a new OTP.`,
    ar: `رفضت منصة فاتورة (${environment}) بيانات اعتماد هذا الجهاز. قد تكون لبيئة أخرى أو أُلغيت. أعد التسجيل برمز تحقق جديد.`,
  }),
  switchNeedsConfirm: (active: string, requested: string) => ({
    en: `This device works in the ${active} environment. Switching to ${requested} is an explicit action: confirm it (confirm: true / --confirm-switch). Credentials and keys of ${active} are kept apart and are not used in ${requested}.`,
    ar: `يعمل هذا الجهاز في بيئة ${active}. الانتقال إلى بيئة ${requested} إجراء صريح يجب تأكيده. تبقى مفاتيح وبيانات اعتماد ${active} منفصلة ولا تُستخدم في ${requested}.`,
  }),
  notActive: (active: string, requested: string) => ({
    en: `Signing for ${requested} was refused: this device works in the ${active} environment. Documents are never signed with another environment's key.`,
    ar: `رُفض التوقيع لبيئة ${requested}: يعمل هذا الجهاز في بيئة ${active}. لا تُوقَّع المستندات أبدًا بمفتاح بيئة أخرى.`,
  }),
  notOnboarded: (environment: string) => ({
    en: `This device is not onboarded in the ${environment} environment yet: nothing can be signed. Run onboarding with the shop details and an OTP.`,
    ar: `لم يُسجَّل هذا الجهاز بعد في بيئة ${environment}: لا يمكن توقيع أي مستند. سجّل الجهاز ببيانات المتجر ورمز تحقق.`,
  }),
  notReady: (environment: string, step: string) => ({
    en: `Onboarding in ${environment} is not finished (stopped at step "${step}"): nothing can be signed yet. Run onboarding again to resume.`,
    ar: `لم يكتمل التسجيل في بيئة ${environment} (توقف عند خطوة "${step}"): لا يمكن التوقيع بعد. أعد تشغيل التسجيل للاستئناف.`,
  }),
  differentShop: (environment: string) => ({
    en: `An onboarding with different shop details is already under way in ${environment}. Resume it with the same details, or start over with --rotate and a new OTP.`,
    ar: `يوجد تسجيل جارٍ ببيانات متجر مختلفة في بيئة ${environment}. استأنفه بالبيانات نفسها، أو ابدأ من جديد مع خيار التدوير ورمز تحقق جديد.`,
  }),
  busy: (environment: string, procedure: 'onboard' | 'renew' | 'rotate') => ({
    en: `${{ onboard: 'An onboarding', renew: 'A certificate renewal', rotate: 'A key rotation' }[procedure]} is under way in ${environment}; finish it first (run the same command again to resume).`,
    ar: `${{ onboard: 'يوجد تسجيل', renew: 'يوجد تجديد للشهادة', rotate: 'يوجد تدوير للمفتاح' }[procedure]} جارٍ في بيئة ${environment}؛ أكمله أولًا (أعد تشغيل الأمر نفسه للاستئناف).`,
  }),
  expired: (notAfter: Date) => ({
    en: `The signing certificate expired on ${day(notAfter)}. Nothing was signed. Renew it with a new OTP from the Fatoora portal.`,
    ar: `انتهت صلاحية شهادة التوقيع في ${day(notAfter)}. لم يُوقَّع أي مستند. جدّد الشهادة برمز تحقق جديد من بوابة فاتورة.`,
  }),
  notYetValid: (notBefore: Date) => ({
    en: `The signing certificate is valid only from ${notBefore.toISOString()}: check the device date and time.`,
    ar: `شهادة التوقيع صالحة ابتداءً من ${notBefore.toISOString()} فقط: تحقق من تاريخ الجهاز ووقته.`,
  }),
  expiresSoon: (daysLeft: number, notAfter: Date) => ({
    en: `The signing certificate expires in ${daysLeft} day(s), on ${day(notAfter)}. Renew it with a new OTP from the Fatoora portal before then.`,
    ar: `تنتهي صلاحية شهادة التوقيع خلال ${daysLeft} يوم، في ${day(notAfter)}. جدّدها قبل ذلك برمز تحقق جديد من بوابة فاتورة.`,
  }),
  unreachable: {
    en: 'Fatoora could not be reached (no connection, or the service is down). Nothing was lost: run onboarding again when the connection is back.',
    ar: 'تعذر الوصول إلى منصة فاتورة (لا يوجد اتصال أو الخدمة متوقفة). لم يُفقد شيء: أعد تشغيل التسجيل عند عودة الاتصال.',
  },
  noAnswer: {
    en: 'Fatoora did not answer in time; the request may or may not have arrived. Run onboarding again (a request that needs an OTP needs a new OTP).',
    ar: 'لم تُجب منصة فاتورة في الوقت المحدد، وقد يكون الطلب وصل أو لم يصل. أعد تشغيل التسجيل (الطلب الذي يحتاج رمز تحقق يحتاج رمزًا جديدًا).',
  },
  fatooraError: (detail: string) => ({
    en: `Fatoora gave an unexpected answer (${detail}). Check the environment and its URL.`,
    ar: `أعطت منصة فاتورة إجابة غير متوقعة (${detail}). تحقق من البيئة وعنوانها.`,
  }),
  unexpected: (detail: string) => ({
    en: `Onboarding stopped on an unexpected error (${detail}). Nothing was lost; run it again, and report the problem if it repeats.`,
    ar: `توقف التسجيل بسبب خطأ غير متوقع (${detail}). لم يُفقد شيء؛ أعد تشغيله، وأبلغ عن المشكلة إذا تكررت.`,
  }),
  keychain: {
    en: 'The OS keychain is locked or unavailable, so the device key and credentials cannot be used. Unlock the keychain (log in to the desktop session) and try again.',
    ar: 'سلسلة مفاتيح النظام مقفلة أو غير متاحة، فلا يمكن استخدام مفتاح الجهاز وبيانات الاعتماد. افتح سلسلة المفاتيح (سجّل الدخول إلى جلسة سطح المكتب) ثم أعد المحاولة.',
  },
} as const;
