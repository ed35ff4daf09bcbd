// SPDX-License-Identifier: UNLICENSED
// VAT exemption reason codes allowed per category (reference §7.7; XML-1.2 §11.2.4; SCH-3.4.6 BR-KSA-CL-04).
// The Arabic texts are ZATCA's; a document may override the text, but never leave it empty (BR-KSA-83).

export type VatCategory = 'S' | 'Z' | 'E' | 'O';

export const EXEMPTION_CODES: Readonly<Record<Exclude<VatCategory, 'S'>, Readonly<Record<string, string>>>> = {
  E: {
    'VATEX-SA-29': 'الخدمات المالية | Financial services mentioned in Article 29 of the VAT Regulations',
    'VATEX-SA-29-7': 'عقد تأمين على الحياة | Life insurance services mentioned in Article 29 of the VAT Regulations',
    'VATEX-SA-30': 'التوريدات العقارية المعفاة من الضريبة | Real estate transactions mentioned in Article 30 of the VAT Regulations',
  },
  Z: {
    'VATEX-SA-32': 'صادرات السلع من المملكة | Export of goods',
    'VATEX-SA-33': 'صادرات الخدمات من المملكة | Export of services',
    'VATEX-SA-34-1': 'النقل الدولي للسلع | The international transport of Goods',
    'VATEX-SA-34-2': 'النقل الدولي للركاب | International transport of passengers',
    'VATEX-SA-34-3':
      'الخدمات المرتبطة مباشرة أو عرضيًا بتوريد النقل الدولي للركاب | Services directly connected and incidental to a Supply of international passenger transport',
    'VATEX-SA-34-4': 'توريد وسائل النقل المؤهلة | Supply of a qualifying means of transport',
    'VATEX-SA-34-5': 'الخدمات ذات الصلة بنقل السلع أو الركاب | Any services relating to Goods or passenger transportation',
    'VATEX-SA-35': 'الأدوية والمعدات الطبية | Medicines and medical equipment',
    'VATEX-SA-36': 'توريد المعادن المؤهلة | Qualifying metals',
    'VATEX-SA-EDU': 'الخدمات التعليمية الخاصة للمواطنين | Private education to citizen',
    'VATEX-SA-HEA': 'الخدمات الصحية الخاصة للمواطنين | Private healthcare to citizen',
    'VATEX-SA-MLTRY': 'توريد السلع العسكرية المؤهلة | Supply of qualified military goods',
  },
  O: {
    'VATEX-SA-OOS': 'خارج نطاق الضريبة | Not subject to VAT',
  },
};

export function defaultExemptionReason(category: VatCategory, code: string): string | undefined {
  if (category === 'S') return undefined;
  return EXEMPTION_CODES[category][code];
}
