// SPDX-License-Identifier: UNLICENSED
// The document JSON format (README "Document JSON"): what a sale, return or undercharge looks like before the engine
// turns it into UBL. Every field is validated here with a field path and, where ZATCA has one, the rule id, so bad
// input is refused before anything is built, numbered or stored.
import { z } from 'zod';
import { Decimal } from '../money/decimal';
import { utf8ByteLength } from '../bytes/utf8';
import { spoofingCharacter } from '../bytes/spoofingCharacters';
import { EXEMPTION_CODES, type VatCategory } from './exemptionCodes';
import { chargeReasonCodeFor, chargeReasonTextFor, isChargeReasonCode } from './chargeReasonCodes';
import { DocumentInputError, inputProblems, problem, problemMessage, type DocumentProblemCode } from './documentInputError';

export { DocumentInputError, problemText, type InputProblem } from './documentInputError';

export type DocumentKind = 'invoice' | 'credit-note' | 'debit-note';
export type DocumentProfile = 'simplified' | 'standard';

/** UNTDID 4461 codes by name (reference §7.2); a raw code from BR-KSA-16's list is accepted too. */
export const PAYMENT_MEANS_CODES = {
  cash: '10',
  card: '48',
  'bank-transfer': '42',
  credit: '30',
  'not-defined': '1',
} as const;

// Control characters other than tab and newline: most are not allowed in XML 1.0, and a CR would become part of the
// hashed text and break the line-ending rule (LF on every OS, reference §4).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NO_CONTROL = /^[^\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]*$/;
// A lone UTF-16 surrogate is not a character: XML cannot carry it and UTF-8 encoding would turn it into U+FFFD, so
// the stored bytes would no longer say what the cashier typed (XML 1.0 §2.2).
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const NOT_TEXT = problem('document.not-text');

const text = (max: number) =>
  z
    .string(NOT_TEXT)
    .trim()
    .min(1, problem('document.empty'))
    .max(max, problem('document.too-long', { max }))
    .regex(NO_CONTROL, problem('document.control-characters'))
    .refine((v) => !UNPAIRED_SURROGATE.test(v), problem('document.unpaired-surrogate'))
    // names, reasons and addresses are printed: nothing invisible or direction-changing may disguise them
    // (app/bytes/spoofingCharacters.ts, docs/security.md "Names cannot disguise a receipt")
    .superRefine((v, ctx) => {
      const character = spoofingCharacter(v);
      if (character !== undefined) ctx.addIssue({ code: 'custom', message: problemMessage('document.spoofing-character', { character }) });
    });

const decimalString = (what: string) =>
  z.string(problem('document.not-decimal-string', { what })).refine(Decimal.isValid, problem('document.decimal-format', { what }));

const nonNegative = (what: string, maxPlaces?: number) =>
  decimalString(what)
    .refine((v) => !Decimal.isValid(v) || !Decimal.parse(v).isNegative(), problem('document.negative', { what, rule: 'BR-KSA-F-04' }))
    .refine(
      (v) => maxPlaces === undefined || !Decimal.isValid(v) || Decimal.parse(v).decimalPlaces <= maxPlaces,
      problem('document.too-many-decimals', { what, places: maxPlaces ?? 0, rule: 'BR-DEC' }),
    );

/** A VAT number: 15 digits, starting and ending with 3 — the seller's rule is BR-KSA-40, the buyer's BR-KSA-44. */
const vatNumber = (rule: 'BR-KSA-40' | 'BR-KSA-44') => z.string(NOT_TEXT).regex(/^3\d{13}3$/, problem('document.vat-number', { rule }));

/**
 * A real Gregorian calendar date, YYYY-MM-DD, from the year 2000 on (BR-KSA-F-01's pattern wants the year to start
 * with 2–9): 2026-02-30 or 2026-11-31 would make the stamped XML invalid against the UBL XSD (xs:date).
 */
export function isCalendarDate(value: string): boolean {
  const m = /^([2-9]\d{3})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

const calendarDate = z.string(NOT_TEXT).refine(isCalendarDate, problem('document.calendar-date', { rule: 'BR-KSA-F-01' }));

const addressSchema = z.strictObject({
  street: text(1000),
  additionalStreet: text(1000).optional(),
  building: z.string(NOT_TEXT).regex(/^\d{4}$/, problem('document.digits', { count: 4, rule: 'BR-KSA-37' })),
  plot: text(1000).optional(),
  district: text(1000),
  city: text(1000),
  postalCode: z.string(NOT_TEXT).regex(/^\d{5}$/, problem('document.digits', { count: 5, rule: 'BR-KSA-66' })),
  province: text(1000).optional(),
  country: z.literal('SA', problem('document.seller-country', { rule: 'BR-KSA-09' })).default('SA'),
});

const buyerAddressSchema = z.strictObject({
  street: text(1000).optional(),
  additionalStreet: text(1000).optional(),
  building: text(20).optional(),
  plot: text(1000).optional(),
  district: text(1000).optional(),
  city: text(1000).optional(),
  postalCode: text(20).optional(),
  province: text(1000).optional(),
  country: z
    .string(NOT_TEXT)
    .regex(/^[A-Z]{2}$/, problem('document.country-code'))
    .default('SA'),
});

/** Other seller ids (BR-KSA-08): commercial registration and friends. */
const sellerIdSchemes = ['CRN', 'MOM', 'MLS', 'SAG', 'OTH', '700'] as const;
/** Buyer ids (BR-KSA-14): national id, iqama, passport, … */
const buyerIdSchemes = ['TIN', 'CRN', 'MOM', 'MLS', '700', 'SAG', 'NAT', 'GCC', 'IQA', 'PAS', 'OTH'] as const;

const sellerSchema = z.strictObject({
  /** Registration name (BT-27); ZATCA wants Arabic, optionally followed by English ("… | …"). Feeds QR tag 1. */
  name: text(1000).refine((v) => utf8ByteLength(v) <= 255, problem('document.seller-name-bytes', { rule: 'QR tag 1' })),
  vatNumber: vatNumber('BR-KSA-40'),
  /** The other seller id, usually the commercial registration number. */
  id: z.strictObject({
    scheme: z.enum(sellerIdSchemes, problem('document.id-scheme', { schemes: sellerIdSchemes.join(', '), rule: 'BR-KSA-08' })),
    value: z.string(NOT_TEXT).regex(/^[A-Za-z0-9]{1,127}$/, problem('document.seller-id-value', { rule: 'BR-KSA-08' })),
  }),
  address: addressSchema,
});

const buyerSchema = z.strictObject({
  name: text(1000).optional(),
  vatNumber: vatNumber('BR-KSA-44').optional(),
  id: z
    .strictObject({
      scheme: z.enum(buyerIdSchemes, problem('document.id-scheme', { schemes: buyerIdSchemes.join(', '), rule: 'BR-KSA-14' })),
      value: z.string(NOT_TEXT).regex(/^[A-Za-z0-9]{1,127}$/, problem('document.not-alphanumeric')),
    })
    .optional(),
  address: buyerAddressSchema.optional(),
});

const vatSchema = z
  .strictObject({
    category: z.enum(['S', 'Z', 'E', 'O'], problem('document.vat-category', { rule: 'BR-KSA-CL-04' })),
    rate: nonNegative('rate', 2),
    exemptionCode: z.string(NOT_TEXT).optional(),
    exemptionReason: text(1000).optional(),
  })
  .superRefine((vat, ctx) => {
    if (!Decimal.isValid(vat.rate)) return;
    const rate = Decimal.parse(vat.rate);
    if (vat.category === 'S' && !rate.eq(Decimal.parse('15')) && !rate.eq(Decimal.parse('5'))) {
      ctx.addIssue({ code: 'custom', path: ['rate'], message: problemMessage('document.standard-rate', { rule: 'BR-KSA-84' }) });
    }
    if (vat.category !== 'S' && !rate.isZero()) {
      ctx.addIssue({ code: 'custom', path: ['rate'], message: problemMessage('document.rate-not-zero', { category: vat.category, rule: 'BR-KSA-11' }) });
    }
    if (vat.category === 'S') {
      if (vat.exemptionCode !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['exemptionCode'], message: problemMessage('document.exemption-code-on-standard', { rule: 'BR-KSA-CL-04' }) });
      }
      return;
    }
    const allowed = EXEMPTION_CODES[vat.category];
    const codes = Object.keys(allowed).join(', ');
    if (vat.exemptionCode === undefined) {
      const rule = { Z: 'BR-KSA-69', E: 'BR-KSA-23', O: 'BR-KSA-24' }[vat.category];
      ctx.addIssue({
        code: 'custom',
        path: ['exemptionCode'],
        message: problemMessage('document.exemption-code-missing', { category: vat.category, codes, rule }),
      });
    } else if (!(vat.exemptionCode in allowed)) {
      ctx.addIssue({
        code: 'custom',
        path: ['exemptionCode'],
        message: problemMessage('document.exemption-code-wrong', { code: vat.exemptionCode, category: vat.category, codes, rule: 'BR-KSA-CL-04' }),
      });
    }
    if (vat.category === 'O' && vat.exemptionReason === undefined) {
      ctx.addIssue({ code: 'custom', path: ['exemptionReason'], message: problemMessage('document.exemption-reason-missing', { rule: 'BR-KSA-83' }) });
    }
  });

const allowanceSchema = z.strictObject({
  amount: nonNegative('amount', 2),
  reason: text(1000).default('discount'),
  vat: vatSchema,
});

/**
 * A document-level charge. Its reason code (BT-105, UNTDID 7161) is always written — without one Fatoora warns
 * BR-KSA-19 — so it defaults from the reason text (delivery → DL, …, otherwise ZZZ, app/document/chargeReasonCodes),
 * and the text from the code.
 */
const chargeSchema = z
  .strictObject({
    amount: nonNegative('amount', 2),
    reason: text(1000).optional(),
    reasonCode: z
      .string(NOT_TEXT)
      .refine(isChargeReasonCode, problem('document.charge-reason-code', { rule: 'BR-KSA-CL-06' }))
      .optional(),
    vat: vatSchema,
  })
  .transform(({ reason, reasonCode, ...charge }) => {
    const code = reasonCode ?? chargeReasonCodeFor(reason);
    return { ...charge, reason: reason ?? chargeReasonTextFor(code), reasonCode: code };
  });

const lineSchema = z.strictObject({
  name: text(1000),
  quantity: nonNegative('quantity').refine((v) => !Decimal.isValid(v) || !Decimal.parse(v).isZero(), problem('document.quantity-zero')),
  /** UN/ECE Rec 20 unit code; PCE (piece) by default. */
  unitCode: z
    .string(NOT_TEXT)
    .regex(/^[A-Z0-9]{1,3}$/, problem('document.unit-code'))
    .default('PCE'),
  /** Unit price; VAT-inclusive when the document says pricesIncludeVat. */
  unitPrice: nonNegative('unitPrice'),
  /** Line discount amount, in the same VAT convention as the prices. */
  discount: z.strictObject({ amount: nonNegative('discount.amount', 2), reason: text(1000).default('discount') }).optional(),
  vat: vatSchema,
  /** Seller's item code (barcode/SKU), optional. */
  itemCode: text(127).optional(),
  /** Credit/debit notes: the line number (cbc:ID) of the original invoice line this line adjusts. Not in the XML. */
  originalLine: z.number(problem('document.line-number')).int(problem('document.line-number')).min(1, problem('document.line-number-min')).optional(),
});

const billingReferenceSchema = z.strictObject({
  /** IRN (cbc:ID) of the original invoice, or several / a range as free text (BR-KSA-56, F-06-C22). */
  number: text(5000),
  issueDate: calendarDate.optional(),
  /** The original is not in this device's ledger (a legacy receipt): it is then identified by number and date. */
  external: z.boolean(problem('document.not-boolean')).default(false),
});

const paymentMeansSchema = z.union(
  [
    z.enum(Object.keys(PAYMENT_MEANS_CODES) as [keyof typeof PAYMENT_MEANS_CODES, ...(keyof typeof PAYMENT_MEANS_CODES)[]]),
    z.string().regex(/^(?:[1-9]|[1-5]\d|6[0-8]|70|7[4-8]|9[1-7]|ZZZ)$/, problem('document.payment-means-code', { rule: 'BR-KSA-16' })),
  ],
  problem('document.payment-means', { names: Object.keys(PAYMENT_MEANS_CODES).join(', '), rule: 'BR-KSA-16' }),
);

interface Taxed {
  readonly vat: { readonly category: VatCategory; readonly rate: string; readonly exemptionCode?: string; readonly exemptionReason?: string };
}
interface IssueSink {
  addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string }): void;
}

/** Per category (S never conflicts: it has no exemption), the problem for two codes and for two reason texts. */
const CONFLICTS: Record<Exclude<VatCategory, 'S'>, Record<'exemptionCode' | 'exemptionReason', DocumentProblemCode>> = {
  Z: { exemptionCode: 'document.zero-rated-code-conflict', exemptionReason: 'document.zero-rated-reason-conflict' },
  E: { exemptionCode: 'document.exempt-code-conflict', exemptionReason: 'document.exempt-reason-conflict' },
  O: { exemptionCode: 'document.out-of-scope-code-conflict', exemptionReason: 'document.out-of-scope-reason-conflict' },
};

/**
 * The VAT breakdown has one subtotal per category and rate, and a subtotal carries one exemption code and one
 * reason text (reference §7.6, §7.7; BR-Z-08, BR-E-08 and BR-O-08 compare each subtotal with all of its category's
 * lines). So the lines, allowances and charges of one category and rate must agree on the code, and on the reason
 * text where they give one; two different ones are refused, naming both, rather than one being dropped. A missing
 * reason takes the one given by the others, or the code's standard text.
 */
function checkOneExemptionPerBreakdown(doc: { lines: readonly Taxed[]; allowances: readonly Taxed[]; charges: readonly Taxed[] }, ctx: IssueSink): void {
  // per breakdown and field: the first value given, and where
  const first = new Map<string, { value: string; at: string }>();
  const fields = ['exemptionCode', 'exemptionReason'] as const;
  const items = [
    ...doc.lines.map((item, i) => ['lines', i, item] as const),
    ...doc.allowances.map((item, i) => ['allowances', i, item] as const),
    ...doc.charges.map((item, i) => ['charges', i, item] as const),
  ];
  for (const [list, i, { vat }] of items) {
    if (vat.category === 'S' || !Decimal.isValid(vat.rate)) continue;
    const at = `${list}.${i}`;
    for (const field of fields) {
      const value = vat[field];
      if (value === undefined) continue;
      const key = `${vat.category}|${Decimal.parse(vat.rate).toFixed(2)}|${field}`;
      const seen = first.get(key);
      if (!seen) first.set(key, { value, at });
      else if (seen.value !== value) {
        ctx.addIssue({
          code: 'custom',
          path: [list, i, 'vat', field],
          message: problemMessage(CONFLICTS[vat.category][field], { at, value, other: seen.at, otherValue: seen.value, rule: `BR-${vat.category}-08` }),
        });
      }
    }
  }
}

export const documentInputSchema = z
  .strictObject({
    kind: z.enum(['invoice', 'credit-note', 'debit-note'], problem('document.kind', { rule: 'BR-KSA-05' })),
    profile: z.enum(['simplified', 'standard'], problem('document.profile')).default('simplified'),
    /** Invoice reference number (IRN, cbc:ID), e.g. "T1-000123". */
    number: text(127).regex(/^[^\s]+$/, problem('document.no-spaces')),
    uuid: z.string(NOT_TEXT).regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, problem('document.uuid', { rule: 'BR-KSA-03' })),
    /** Local date and time in Asia/Riyadh, written into the XML and QR tag 3 exactly as given (reference §6, §11). */
    issueDate: calendarDate,
    issueTime: z.string(NOT_TEXT).regex(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/, problem('document.issue-time', { rule: 'BR-KSA-70' })),
    currency: z.literal('SAR', problem('document.currency', { rule: 'BR-KSA-EN16931-02' })).default('SAR'),
    pricesIncludeVat: z.boolean(problem('document.not-boolean')).default(false),
    seller: sellerSchema,
    buyer: buyerSchema.optional(),
    lines: z
      .array(lineSchema, problem('document.lines-not-list'))
      .min(1, problem('document.no-lines'))
      .max(999_999, problem('document.too-many-lines', { max: 999_999, rule: 'F-06-C17' })),
    allowances: z.array(allowanceSchema).default([]),
    charges: z.array(chargeSchema).default([]),
    paymentMeans: z.array(paymentMeansSchema).min(1, problem('document.no-payment-means')).default(['cash']),
    billingReference: billingReferenceSchema.optional(),
    /** Reason for a credit or debit note (KSA-10, cbc:InstructionNote). */
    reason: text(1000).optional(),
    note: text(1000).optional(),
    /** Supply date (KSA-5); standard invoices need one (BR-KSA-15), defaults to the issue date. */
    supplyDate: calendarDate.optional(),
  })
  .superRefine((doc, ctx) => {
    if (doc.kind !== 'invoice') {
      if (!doc.billingReference) {
        ctx.addIssue({ code: 'custom', path: ['billingReference'], message: problemMessage('document.note-needs-reference', { rule: 'BR-KSA-56' }) });
      }
      if (doc.billingReference?.external && !doc.billingReference.issueDate) {
        ctx.addIssue({ code: 'custom', path: ['billingReference', 'issueDate'], message: problemMessage('document.external-needs-date') });
      }
      if (!doc.reason) {
        ctx.addIssue({ code: 'custom', path: ['reason'], message: problemMessage('document.note-needs-reason', { rule: 'BR-KSA-17' }) });
      }
    }
    if (doc.profile === 'standard') {
      const b = doc.buyer;
      if (!b?.name) ctx.addIssue({ code: 'custom', path: ['buyer', 'name'], message: problemMessage('document.buyer-name-required', { rule: 'BR-KSA-42' }) });
      if (!b?.vatNumber && !b?.id) {
        ctx.addIssue({ code: 'custom', path: ['buyer', 'vatNumber'], message: problemMessage('document.buyer-id-required', { rule: 'BR-KSA-81' }) });
      }
      // BR-KSA-10 asks street, city and country of every buyer; a postal code only of a Saudi one (BR-KSA-63):
      // addresses in the UAE, for one, have none
      const a = b?.address;
      for (const f of ['street', 'city'] as const) {
        if (!a?.[f])
          ctx.addIssue({
            code: 'custom',
            path: ['buyer', 'address', f],
            message: problemMessage('document.buyer-address-required', { part: f, rule: 'BR-KSA-10' }),
          });
      }
      if (a?.country === 'SA') {
        for (const f of ['building', 'district', 'postalCode'] as const) {
          if (!a[f])
            ctx.addIssue({
              code: 'custom',
              path: ['buyer', 'address', f],
              message: problemMessage('document.saudi-address-part', { part: f, rule: 'BR-KSA-63' }),
            });
        }
      }
    }
    const buyerAddress = doc.buyer?.address;
    if (buyerAddress?.country === 'SA' && buyerAddress.postalCode !== undefined && !/^\d{5}$/.test(buyerAddress.postalCode)) {
      ctx.addIssue({ code: 'custom', path: ['buyer', 'address', 'postalCode'], message: problemMessage('document.saudi-postal-code', { rule: 'BR-KSA-67' }) });
    }
    checkOneExemptionPerBreakdown(doc, ctx);
    const eduHea = doc.lines.some((l) => l.vat.exemptionCode === 'VATEX-SA-EDU' || l.vat.exemptionCode === 'VATEX-SA-HEA');
    if (eduHea && (!doc.buyer?.name || doc.buyer.id?.scheme !== 'NAT')) {
      ctx.addIssue({ code: 'custom', path: ['buyer'], message: problemMessage('document.edu-hea-buyer', { rule: 'BR-KSA-25/BR-KSA-49' }) });
    }
  });

export type DocumentInput = z.output<typeof documentInputSchema>;
export type DocumentInputJson = z.input<typeof documentInputSchema>;
export type LineInput = DocumentInput['lines'][number];
export type VatInput = LineInput['vat'];
export type AllowanceInput = DocumentInput['allowances'][number];
export type ChargeInput = DocumentInput['charges'][number];
export type { VatCategory };

/** Validates and normalises a document; throws DocumentInputError listing every problem with its field path. */
export function parseDocumentInput(json: unknown): DocumentInput {
  const result = documentInputSchema.safeParse(json);
  if (result.success) return result.data;
  throw new DocumentInputError(result.error.issues.flatMap((issue) => inputProblems(issue, documentInputSchema)));
}
