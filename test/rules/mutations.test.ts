// SPDX-License-Identifier: UNLICENSED
// Mutation tests: take an R3.4.6 SDK sample that passes every rule, change one thing, and assert exactly which
// rules fire with which severity. Expected sets are derived from the SCH-3.4.6 rule logic (reference §7), e.g. a
// TaxInclusiveAmount one cent off breaks BR-CO-15 (error) and, since PayableAmount no longer follows it, BR-CO-16
// (warning).
import { describe, expect, it } from 'vitest';
import {
  check,
  issueInstant,
  minutesAfter,
  mutate,
  readText,
  SIMPLIFIED_CREDIT,
  SIMPLIFIED_INVOICE,
  SIMPLIFIED_ZERO_RATED,
  STANDARD_INVOICE,
  summary,
} from './support';

interface Case {
  readonly name: string;
  readonly file: string;
  readonly edits: [string, string][];
  readonly expected: string[];
  readonly now?: Date;
}

const INCLUSIVE = '<cbc:TaxInclusiveAmount currencyID="SAR">231.15</cbc:TaxInclusiveAmount>';
const PAYABLE = '<cbc:PayableAmount currencyID="SAR">231.15</cbc:PayableAmount>';
const LINE1_NET = '<cbc:LineExtensionAmount currencyID="SAR">99.00</cbc:LineExtensionAmount>';
const SUBTOTAL_RATE = '                 <cbc:Percent>15.00</cbc:Percent>';
const PRICE1 = '<cbc:PriceAmount currencyID="SAR">3.00</cbc:PriceAmount>';
const priceDiscount = (indicator: string, base: string) =>
  `${PRICE1}<cac:AllowanceCharge><cbc:ChargeIndicator>${indicator}</cbc:ChargeIndicator><cbc:AllowanceChargeReason>discount</cbc:AllowanceChargeReason><cbc:Amount currencyID="SAR">0.50</cbc:Amount><cbc:BaseAmount currencyID="SAR">${base}</cbc:BaseAmount></cac:AllowanceCharge>`;
const TAX_CURRENCY = '<cbc:TaxCurrencyCode>SAR</cbc:TaxCurrencyCode>';
const BREAKDOWN_TOTAL = '<cbc:TaxAmount currencyID="SAR">30.15</cbc:TaxAmount>\n        <cac:TaxSubtotal>';
const PLAIN_TAX_TOTAL = '<cac:TaxTotal>\n        <cbc:TaxAmount currencyID="SAR">30.15</cbc:TaxAmount>\n    </cac:TaxTotal>';
const ICV = '<cac:AdditionalDocumentReference>\n        <cbc:ID>ICV</cbc:ID>\n        <cbc:UUID>10</cbc:UUID>\n    </cac:AdditionalDocumentReference>';
const PIH_VALUE = 'NWZlY2ViNjZmZmM4NmYzOGQ5NTI3ODZjNmQ2OTZjNzljMmRiYzIzOWRkNGU5MWI0NjcyOWQ3M2EyN2ZiNTdlOQ==</cbc:EmbeddedDocumentBinaryObject>';

function qrElement(xml: string): string {
  return /<cac:AdditionalDocumentReference>\s*<cbc:ID>QR<\/cbc:ID>[\s\S]*?<\/cac:AdditionalDocumentReference>/.exec(xml)![0];
}
function qrValue(xml: string): string {
  return /<cbc:ID>QR<\/cbc:ID>\s*<cac:Attachment>\s*<cbc:EmbeddedDocumentBinaryObject mimeCode="text\/plain">([^<]+)</.exec(xml)![1]!;
}

const simplified = readText(SIMPLIFIED_INVOICE);
const issued = issueInstant(simplified);

const CASES: Case[] = [
  // totals (§7.6)
  {
    name: 'TaxInclusiveAmount one cent off',
    file: SIMPLIFIED_INVOICE,
    edits: [[INCLUSIVE, INCLUSIVE.replace('231.15', '231.16')]],
    expected: ['error BR-CO-15', 'warning BR-CO-16'],
  },
  {
    name: 'TaxInclusiveAmount and PayableAmount both one cent off',
    file: SIMPLIFIED_INVOICE,
    edits: [
      [INCLUSIVE, INCLUSIVE.replace('231.15', '231.16')],
      [PAYABLE, PAYABLE.replace('231.15', '231.16')],
    ],
    expected: ['error BR-CO-15'],
  },
  { name: 'PayableAmount one cent off', file: SIMPLIFIED_INVOICE, edits: [[PAYABLE, PAYABLE.replace('231.15', '231.14')]], expected: ['warning BR-CO-16'] },
  {
    name: 'TaxTotal with subtotals ≠ Σ subtotals',
    file: SIMPLIFIED_INVOICE,
    edits: [[BREAKDOWN_TOTAL, BREAKDOWN_TOTAL.replace('30.15', '30.16')]],
    expected: ['error BR-CO-14'],
  },
  {
    name: 'AllowanceTotalAmount ≠ Σ document allowances',
    file: SIMPLIFIED_INVOICE,
    edits: [
      [
        '<cbc:AllowanceTotalAmount currencyID="SAR">0.00</cbc:AllowanceTotalAmount>',
        '<cbc:AllowanceTotalAmount currencyID="SAR">1.00</cbc:AllowanceTotalAmount>',
      ],
    ],
    // BR-CO-13 then expects 201.00 − 1.00 = 200.00 for TaxExclusiveAmount
    expected: ['error BR-CO-11', 'warning BR-CO-13'],
  },
  {
    name: 'a negative document allowance',
    file: SIMPLIFIED_INVOICE,
    edits: [['<cbc:Amount currencyID="SAR">0.00</cbc:Amount>', '<cbc:Amount currencyID="SAR">-1.00</cbc:Amount>']],
    // the S taxable amount would then be 201.00 + 1.00
    expected: ['error BR-CO-11', 'error BR-KSA-F-04', 'warning BR-S-08'],
  },
  // lines (§7.5)
  {
    name: 'line net 0.01 off: inside the BR-KSA-EN16931-11 tolerance, but the sums no longer match',
    file: SIMPLIFIED_INVOICE,
    edits: [[LINE1_NET, LINE1_NET.replace('99.00', '99.01')]],
    expected: ['warning BR-CO-10', 'warning BR-CO-13', 'warning BR-KSA-51', 'warning BR-S-08'],
  },
  {
    name: 'line net 0.02 off: outside the BR-KSA-EN16931-11 tolerance',
    file: SIMPLIFIED_INVOICE,
    edits: [[LINE1_NET, LINE1_NET.replace('99.00', '99.02')]],
    expected: ['warning BR-CO-10', 'warning BR-CO-13', 'warning BR-KSA-51', 'warning BR-KSA-EN16931-11', 'warning BR-S-08'],
  },
  {
    name: 'line amount with VAT ≠ net + VAT',
    file: SIMPLIFIED_INVOICE,
    edits: [['<cbc:RoundingAmount currencyID="SAR">113.85</cbc:RoundingAmount>', '<cbc:RoundingAmount currencyID="SAR">113.86</cbc:RoundingAmount>']],
    expected: ['warning BR-KSA-51'],
  },
  {
    name: 'line id of 7 characters',
    file: SIMPLIFIED_INVOICE,
    edits: [['<cbc:ID>1</cbc:ID>', '<cbc:ID>1234567</cbc:ID>']],
    expected: ['error BR-KSA-F-06-C17'],
  },
  {
    name: 'item name of 2 characters',
    file: SIMPLIFIED_INVOICE,
    edits: [['<cbc:Name>قلم</cbc:Name>', '<cbc:Name>قل</cbc:Name>']],
    expected: ['warning BR-KSA-F-06-C19'],
  },
  {
    name: 'item name made of digits only',
    file: SIMPLIFIED_INVOICE,
    edits: [['<cbc:Name>قلم</cbc:Name>', '<cbc:Name>١٢٣</cbc:Name>']],
    expected: ['warning BR-KSA-F-C-01'],
  },
  { name: 'a consistent price discount', file: SIMPLIFIED_INVOICE, edits: [[PRICE1, priceDiscount('false', '3.50')]], expected: [] },
  {
    name: 'price discount: net ≠ gross − discount',
    file: SIMPLIFIED_INVOICE,
    edits: [[PRICE1, priceDiscount('false', '3.60')]],
    expected: ['error BR-KSA-EN16931-07'],
  },
  { name: 'price-level charge', file: SIMPLIFIED_INVOICE, edits: [[PRICE1, priceDiscount('true', '3.50')]], expected: ['error BR-KSA-EN16931-06'] },
  {
    name: 'base quantity 0',
    file: SIMPLIFIED_INVOICE,
    edits: [[PRICE1, `${PRICE1}<cbc:BaseQuantity unitCode="PCE">0</cbc:BaseQuantity>`]],
    expected: ['error BR-KSA-EN16931-12'],
  },
  {
    name: 'base quantity 2 halves the expected line net (33 × 3.00 / 2 = 49.50 ≠ 99.00)',
    file: SIMPLIFIED_INVOICE,
    edits: [[PRICE1, `${PRICE1}<cbc:BaseQuantity unitCode="PCE">2</cbc:BaseQuantity>`]],
    expected: ['warning BR-KSA-EN16931-11'],
  },
  // decimals
  { name: '3 decimals on PayableAmount', file: SIMPLIFIED_INVOICE, edits: [[PAYABLE, PAYABLE.replace('231.15', '231.150')]], expected: ['warning BR-DEC-18'] },
  {
    name: '3 decimals on a line net amount',
    file: SIMPLIFIED_INVOICE,
    edits: [[LINE1_NET, LINE1_NET.replace('99.00', '99.000')]],
    expected: ['warning BR-DEC-23'],
  },
  {
    name: '3 decimals on a line VAT amount',
    file: SIMPLIFIED_INVOICE,
    edits: [['<cbc:TaxAmount currencyID="SAR">14.85</cbc:TaxAmount>', '<cbc:TaxAmount currencyID="SAR">14.850</cbc:TaxAmount>']],
    expected: ['warning BR-KSA-DEC-03'],
  },
  // rates and categories (§7.6, §7.7)
  {
    name: 'VAT rate 16 on the S breakdown',
    file: SIMPLIFIED_INVOICE,
    edits: [[SUBTOTAL_RATE, SUBTOTAL_RATE.replace('15.00', '16.00')]],
    expected: ['error BR-KSA-84', 'warning BR-CO-17', 'warning BR-S-09'],
  },
  {
    name: 'VAT rate with 3 decimals',
    file: SIMPLIFIED_INVOICE,
    edits: [[SUBTOTAL_RATE, SUBTOTAL_RATE.replace('15.00', '15.001')]],
    expected: ['error BR-KSA-DEC-02'],
  },
  {
    name: 'Z breakdown without exemption reason code',
    file: SIMPLIFIED_ZERO_RATED,
    edits: [['<cbc:TaxExemptionReasonCode>VATEX-SA-35</cbc:TaxExemptionReasonCode>', '']],
    expected: ['warning BR-KSA-69', 'warning BR-KSA-CL-04'],
  },
  {
    name: 'Z breakdown with an exempt (E) code',
    file: SIMPLIFIED_ZERO_RATED,
    edits: [['<cbc:TaxExemptionReasonCode>VATEX-SA-35</cbc:TaxExemptionReasonCode>', '<cbc:TaxExemptionReasonCode>VATEX-SA-29</cbc:TaxExemptionReasonCode>']],
    expected: ['warning BR-KSA-CL-04'],
  },
  {
    name: 'Z exemption code without reason text',
    file: SIMPLIFIED_ZERO_RATED,
    edits: [['<cbc:TaxExemptionReason>Medicines and medical equipment | الأدوية والمعدات الطبية</cbc:TaxExemptionReason>', '']],
    expected: ['warning BR-KSA-83'],
  },
  {
    name: 'VAT on a zero-rated breakdown',
    file: SIMPLIFIED_ZERO_RATED,
    edits: [
      [
        '<cbc:TaxAmount currencyID="SAR">00.00</cbc:TaxAmount>\n             <cac:TaxCategory>',
        '<cbc:TaxAmount currencyID="SAR">1.00</cbc:TaxAmount>\n             <cac:TaxCategory>',
      ],
    ],
    expected: ['error BR-CO-14', 'error BR-CO-15', 'error BR-Z-09', 'warning BR-CO-17'],
  },
  {
    name: 'private healthcare (VATEX-SA-HEA) to an anonymous buyer',
    file: SIMPLIFIED_ZERO_RATED,
    edits: [['<cbc:TaxExemptionReasonCode>VATEX-SA-35</cbc:TaxExemptionReasonCode>', '<cbc:TaxExemptionReasonCode>VATEX-SA-HEA</cbc:TaxExemptionReasonCode>']],
    expected: ['error BR-KSA-49', 'warning BR-KSA-25'],
  },
  // header (§7.2, §7.3)
  { name: 'ProfileID other than reporting:1.0', file: SIMPLIFIED_INVOICE, edits: [['reporting:1.0', 'clearance:1.0']], expected: ['error BR-KSA-EN16931-01'] },
  {
    name: 'empty UUID',
    file: SIMPLIFIED_INVOICE,
    edits: [['<cbc:UUID>8e6000cf-1a98-4174-b3e7-b5d5954bc10d</cbc:UUID>', '<cbc:UUID></cbc:UUID>']],
    expected: ['error BR-KSA-03'],
  },
  { name: 'missing TaxCurrencyCode', file: SIMPLIFIED_INVOICE, edits: [[TAX_CURRENCY, '']], expected: ['error BR-KSA-68'] },
  {
    name: 'TaxCurrencyCode USD',
    file: SIMPLIFIED_INVOICE,
    edits: [[TAX_CURRENCY, '<cbc:TaxCurrencyCode>USD</cbc:TaxCurrencyCode>']],
    // the VAT total without subtotals is still in SAR
    expected: ['error BR-KSA-EN16931-02', 'warning BR-53'],
  },
  {
    name: 'a second TaxTotal without subtotals',
    file: SIMPLIFIED_INVOICE,
    edits: [[PLAIN_TAX_TOTAL, PLAIN_TAX_TOTAL + PLAIN_TAX_TOTAL]],
    expected: ['warning BR-KSA-EN16931-09'],
  },
  { name: 'a line amount in USD', file: SIMPLIFIED_INVOICE, edits: [[LINE1_NET, LINE1_NET.replace('SAR', 'USD')]], expected: ['error BR-KSA-CL-02'] },
  {
    name: 'IssueTime with milliseconds',
    file: SIMPLIFIED_INVOICE,
    edits: [['<cbc:IssueTime>17:41:08</cbc:IssueTime>', '<cbc:IssueTime>10:00:00.123</cbc:IssueTime>']],
    expected: ['error BR-KSA-70'],
  },
  {
    name: 'IssueTime with +03:00',
    file: SIMPLIFIED_INVOICE,
    edits: [['<cbc:IssueTime>17:41:08</cbc:IssueTime>', '<cbc:IssueTime>17:41:08+03:00</cbc:IssueTime>']],
    expected: ['error BR-KSA-70'],
  },
  {
    name: 'IssueDate 17/08/2022',
    file: SIMPLIFIED_INVOICE,
    edits: [['<cbc:IssueDate>2022-08-17</cbc:IssueDate>', '<cbc:IssueDate>17/08/2022</cbc:IssueDate>']],
    expected: ['error BR-KSA-F-01'],
  },
  { name: 'invoice type code 380', file: SIMPLIFIED_INVOICE, edits: [['name="0200000">388<', 'name="0200000">380<']], expected: ['error BR-KSA-05'] },
  { name: 'self-billed simplified invoice', file: SIMPLIFIED_INVOICE, edits: [['name="0200000"', 'name="0200001"']], expected: ['error BR-KSA-31'] },
  {
    name: 'transaction code of 6 characters',
    file: SIMPLIFIED_INVOICE,
    edits: [['name="0200000"', 'name="020000"']],
    expected: ['error BR-KSA-06', 'error BR-KSA-31', 'warning BR-KSA-F-06-C40'],
  },
  {
    name: 'simplified summary invoice without supply period and buyer',
    file: SIMPLIFIED_INVOICE,
    edits: [['name="0200000"', 'name="0200010"']],
    expected: ['error BR-KSA-72', 'warning BR-KSA-71'],
  },
  { name: 'no ICV', file: SIMPLIFIED_INVOICE, edits: [[ICV, '']], expected: ['error BR-KSA-33'] },
  { name: 'ICV not digits', file: SIMPLIFIED_INVOICE, edits: [['<cbc:UUID>10</cbc:UUID>', '<cbc:UUID>1a</cbc:UUID>']], expected: ['error BR-KSA-34'] },
  {
    name: 'PIH that is no SHA-256',
    file: SIMPLIFIED_INVOICE,
    edits: [[PIH_VALUE, 'abc=</cbc:EmbeddedDocumentBinaryObject>']],
    expected: ['warning BR-KSA-26'],
  },
  {
    name: 'PIH of a real 32-byte hash',
    file: SIMPLIFIED_INVOICE,
    edits: [[PIH_VALUE, 'z5F9qsS6oWyDhehD8u8S0DaxV+2CUiUz9Y+UsR61JgQ=</cbc:EmbeddedDocumentBinaryObject>']],
    expected: [],
  },
  { name: 'no QR on a simplified invoice', file: SIMPLIFIED_INVOICE, edits: [[qrElement(simplified), '']], expected: ['warning BR-KSA-27'] },
  { name: 'QR of 1001 characters', file: SIMPLIFIED_INVOICE, edits: [[qrValue(simplified), 'A'.repeat(1001)]], expected: ['error BR-CL-KSA-14'] },
  {
    name: 'cac:Signature/cbc:ID wrong',
    file: SIMPLIFIED_INVOICE,
    edits: [['<cbc:ID>urn:oasis:names:specification:ubl:signature:Invoice</cbc:ID>', '<cbc:ID>urn:oasis:names:specification:ubl:signature:Other</cbc:ID>']],
    expected: ['warning BR-KSA-29'],
  },
  {
    name: 'cac:Signature/cbc:SignatureMethod wrong',
    file: SIMPLIFIED_INVOICE,
    edits: [['enveloped:xades</cbc:SignatureMethod>', 'enveloped</cbc:SignatureMethod>']],
    expected: ['error BR-KSA-30'],
  },
  {
    name: 'SignatureInformation cbc:ID wrong',
    file: SIMPLIFIED_INVOICE,
    edits: [['<cbc:ID>urn:oasis:names:specification:ubl:signature:1</cbc:ID>', '<cbc:ID>urn:oasis:names:specification:ubl:signature:2</cbc:ID>']],
    expected: ['error BR-KSA-28'],
  },
  {
    name: 'payment means 99',
    file: SIMPLIFIED_INVOICE,
    edits: [['<cbc:PaymentMeansCode>10<', '<cbc:PaymentMeansCode>99<']],
    expected: ['warning BR-CL-16', 'warning BR-KSA-16'],
  },
  {
    name: 'payment means 69 (CEN yes, KSA no)',
    file: SIMPLIFIED_INVOICE,
    edits: [['<cbc:PaymentMeansCode>10<', '<cbc:PaymentMeansCode>69<']],
    expected: ['warning BR-KSA-16'],
  },
  // parties (§7.4)
  {
    name: 'seller VAT of 14 digits',
    file: SIMPLIFIED_INVOICE,
    edits: [['<cbc:CompanyID>399999999900003</cbc:CompanyID>', '<cbc:CompanyID>39999999990003</cbc:CompanyID>']],
    expected: ['error BR-KSA-40'],
  },
  {
    name: 'seller VAT ending in 4',
    file: SIMPLIFIED_INVOICE,
    edits: [['<cbc:CompanyID>399999999900003</cbc:CompanyID>', '<cbc:CompanyID>399999999900004</cbc:CompanyID>']],
    expected: ['error BR-KSA-40'],
  },
  {
    name: 'seller building number of 3 digits',
    file: SIMPLIFIED_INVOICE,
    edits: [['<cbc:BuildingNumber>2322<', '<cbc:BuildingNumber>232<']],
    expected: ['warning BR-KSA-37'],
  },
  {
    name: 'seller postal code of 4 digits',
    file: SIMPLIFIED_INVOICE,
    edits: [['<cbc:PostalZone>23333<', '<cbc:PostalZone>2333<']],
    expected: ['warning BR-KSA-66'],
  },
  {
    name: 'seller district missing',
    file: SIMPLIFIED_INVOICE,
    edits: [['<cbc:CitySubdivisionName>المربع | Al-Murabba</cbc:CitySubdivisionName>', '']],
    expected: ['warning BR-KSA-09'],
  },
  { name: 'seller id scheme XYZ', file: SIMPLIFIED_INVOICE, edits: [['schemeID="CRN"', 'schemeID="XYZ"']], expected: ['warning BR-KSA-08'] },
  {
    name: 'seller name empty',
    file: SIMPLIFIED_INVOICE,
    edits: [
      [
        '<cbc:RegistrationName>شركة توريد التكنولوجيا بأقصى سرعة المحدودة | Maximum Speed Tech Supply LTD</cbc:RegistrationName>',
        '<cbc:RegistrationName></cbc:RegistrationName>',
      ],
    ],
    expected: ['warning BR-06', 'warning BR-KSA-F-06-C10'],
  },
  // notes
  {
    name: 'credit note without InstructionNote',
    file: SIMPLIFIED_CREDIT,
    edits: [['<cbc:InstructionNote>In case of goods or services refund | عند ترجيع السلع أو الخدمات</cbc:InstructionNote>', '']],
    expected: ['error BR-KSA-17'],
  },
  {
    name: 'credit note without BillingReference',
    file: SIMPLIFIED_CREDIT,
    edits: [
      [
        '<cac:BillingReference>\n        <cac:InvoiceDocumentReference>\n            <cbc:ID>SME00002</cbc:ID>\n        </cac:InvoiceDocumentReference>\n    </cac:BillingReference>',
        '',
      ],
    ],
    expected: ['warning BR-KSA-56'],
  },
  // standard (01) documents: buyer and line VAT
  {
    name: 'standard invoice without buyer name',
    file: STANDARD_INVOICE,
    edits: [['<cbc:RegistrationName>شركة نماذج فاتورة المحدودة | Fatoora Samples LTD</cbc:RegistrationName>', '']],
    expected: ['warning BR-KSA-42'],
  },
  {
    name: 'standard invoice without buyer street',
    file: STANDARD_INVOICE,
    edits: [['<cbc:StreetName>صلاح الدين | Salah Al-Din</cbc:StreetName>', '']],
    expected: ['warning BR-KSA-10', 'warning BR-KSA-63', 'warning BR-KSA-F-06-C23'],
  },
  {
    name: 'standard invoice, Saudi buyer without building number',
    file: STANDARD_INVOICE,
    edits: [['<cbc:BuildingNumber>1111</cbc:BuildingNumber>', '']],
    expected: ['warning BR-KSA-63'],
  },
  {
    name: 'standard invoice, buyer without VAT number or other id',
    file: STANDARD_INVOICE,
    edits: [
      [
        '<cac:PartyTaxScheme>\n                <cbc:CompanyID>399999999800003</cbc:CompanyID>\n                <cac:TaxScheme>\n                    <cbc:ID>VAT</cbc:ID>\n                </cac:TaxScheme>\n            </cac:PartyTaxScheme>',
        '',
      ],
    ],
    expected: ['warning BR-KSA-81'],
  },
  {
    name: 'standard invoice line without amount with VAT',
    file: STANDARD_INVOICE,
    edits: [['<cbc:RoundingAmount currencyID="SAR">4.60</cbc:RoundingAmount>', '']],
    expected: ['error BR-KSA-53', 'warning BR-KSA-51'],
  },
  // the clock (§11)
  { name: 'IssueDate tomorrow in Riyadh', file: SIMPLIFIED_INVOICE, edits: [], now: new Date('2022-08-16T12:00:00Z'), expected: ['error BR-KSA-04'] },
  {
    name: 'IssueDate already today in Riyadh while still yesterday in UTC (00:30 KSA)',
    file: SIMPLIFIED_INVOICE,
    edits: [],
    now: new Date('2022-08-16T21:30:00Z'),
    expected: [],
  },
  { name: 'reported 25 hours after issue', file: SIMPLIFIED_INVOICE, edits: [], now: minutesAfter(issued, 25 * 60), expected: ['warning BR-KSA-98'] },
];

describe('one change to a passing sample fires exactly the rules that govern it', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const original = readText(c.file);
    const xml = mutate(original, ...c.edits);
    expect(check(original, minutesAfter(issueInstant(original), 1))).toEqual([]);
    const findings = check(xml, c.now ?? minutesAfter(issueInstant(original), 1));
    expect(summary(findings)).toEqual([...c.expected].sort());
    for (const f of findings) {
      expect(f.message.length).toBeGreaterThan(20);
      expect(f.location).toMatch(/^\/Invoice/);
    }
  });
});

describe('messages name the element and the values compared', () => {
  it('BR-CO-15 states both sides of the comparison', () => {
    const xml = mutate(simplified, [INCLUSIVE, INCLUSIVE.replace('231.15', '231.16')]);
    const [f] = check(xml, minutesAfter(issued, 1)).filter((x) => x.rule === 'BR-CO-15');
    expect(f!.message).toBe('cbc:TaxInclusiveAmount is 231.16 but TaxExclusiveAmount 201.00 + VAT 30.15 = 231.15.');
    expect(f!.location).toBe('/Invoice/cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount');
  });

  it('BR-KSA-EN16931-11 shows the truncated product and the line', () => {
    const xml = mutate(simplified, [LINE1_NET, LINE1_NET.replace('99.00', '99.02')]);
    const [f] = check(xml, minutesAfter(issued, 1)).filter((x) => x.rule === 'BR-KSA-EN16931-11');
    expect(f!.message).toContain('33.000000 × 3.00');
    expect(f!.message).toContain('gives 99.00');
    expect(f!.location).toBe('/Invoice/cac:InvoiceLine[1]/cbc:LineExtensionAmount');
  });
});
