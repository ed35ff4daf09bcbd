// SPDX-License-Identifier: UNLICENSED
// The document JSON format (README "Document JSON"): what a sale, return or undercharge looks like before the engine
// turns it into UBL. Every field is validated here with a field path and, where ZATCA has one, the rule id, so bad
// input is refused before anything is built, numbered or stored.
import { z } from 'zod';
import { Decimal } from '../money/decimal';
import { utf8ByteLength } from '../bytes/utf8';
import { EXEMPTION_CODES, type VatCategory } from './exemptionCodes';
import { chargeReasonCodeFor, chargeReasonTextFor, isChargeReasonCode } from './chargeReasonCodes';

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

const text = (max: number) =>
  z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` })
    .regex(NO_CONTROL, { error: 'must not contain control characters' })
    .refine((v) => !UNPAIRED_SURROGATE.test(v), { error: 'must be valid Unicode text (an unpaired surrogate is not a character)' });

const decimalString = (what: string) =>
  z.string({ error: `${what} must be a decimal string such as "12.50"` }).refine(Decimal.isValid, {
    error: `${what} must be a decimal string such as "12.50" (no exponent, no grouping)`,
  });

const nonNegative = (what: string, maxPlaces?: number) =>
  decimalString(what)
    .refine((v) => !Decimal.isValid(v) || !Decimal.parse(v).isNegative(), {
      error: `[BR-KSA-F-04] ${what} must not be negative (notes carry positive amounts)`,
    })
    .refine((v) => maxPlaces === undefined || !Decimal.isValid(v) || Decimal.parse(v).decimalPlaces <= maxPlaces, {
      error: `[BR-DEC] ${what} must have at most ${maxPlaces} decimals`,
    });

/** A VAT number: 15 digits, starting and ending with 3 — the seller's rule is BR-KSA-40, the buyer's BR-KSA-44. */
const vatNumber = (rule: 'BR-KSA-40' | 'BR-KSA-44') =>
  z.string({ error: 'must be a string' }).regex(/^3\d{13}3$/, {
    error: `[${rule}] must be 15 digits, starting and ending with 3`,
  });

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

const calendarDate = z
  .string({ error: 'must be a string' })
  .refine(isCalendarDate, { error: '[BR-KSA-F-01] must be a calendar date YYYY-MM-DD that exists (2026-02-28, not 2026-02-30)' });

const addressSchema = z.object({
  street: text(1000),
  additionalStreet: text(1000).optional(),
  building: z.string({ error: 'must be a string' }).regex(/^\d{4}$/, { error: '[BR-KSA-37] must be exactly 4 digits' }),
  plot: text(1000).optional(),
  district: text(1000),
  city: text(1000),
  postalCode: z.string({ error: 'must be a string' }).regex(/^\d{5}$/, { error: '[BR-KSA-66] must be exactly 5 digits' }),
  province: text(1000).optional(),
  country: z.literal('SA', { error: '[BR-KSA-09] seller country must be SA' }).default('SA'),
});

const buyerAddressSchema = z.object({
  street: text(1000).optional(),
  additionalStreet: text(1000).optional(),
  building: text(20).optional(),
  plot: text(1000).optional(),
  district: text(1000).optional(),
  city: text(1000).optional(),
  postalCode: text(20).optional(),
  province: text(1000).optional(),
  country: z
    .string({ error: 'must be a string' })
    .regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 code' })
    .default('SA'),
});

/** Other seller ids (BR-KSA-08): commercial registration and friends. */
const sellerIdSchemes = ['CRN', 'MOM', 'MLS', 'SAG', 'OTH', '700'] as const;
/** Buyer ids (BR-KSA-14): national id, iqama, passport, … */
const buyerIdSchemes = ['TIN', 'CRN', 'MOM', 'MLS', '700', 'SAG', 'NAT', 'GCC', 'IQA', 'PAS', 'OTH'] as const;

const sellerSchema = z.object({
  /** Registration name (BT-27); ZATCA wants Arabic, optionally followed by English ("… | …"). Feeds QR tag 1. */
  name: text(1000).refine((v) => utf8ByteLength(v) <= 255, {
    error: '[QR tag 1] must be at most 255 UTF-8 bytes so it fits the QR TLV length byte (reference §6)',
  }),
  vatNumber: vatNumber('BR-KSA-40'),
  /** The other seller id, usually the commercial registration number. */
  id: z.object({
    scheme: z.enum(sellerIdSchemes, { error: `[BR-KSA-08] scheme must be one of ${sellerIdSchemes.join(', ')}` }),
    value: z.string({ error: 'must be a string' }).regex(/^[A-Za-z0-9]{1,127}$/, { error: '[BR-KSA-08] must be alphanumeric' }),
  }),
  address: addressSchema,
});

const buyerSchema = z.object({
  name: text(1000).optional(),
  vatNumber: vatNumber('BR-KSA-44').optional(),
  id: z
    .object({
      scheme: z.enum(buyerIdSchemes, { error: `[BR-KSA-14] scheme must be one of ${buyerIdSchemes.join(', ')}` }),
      value: z.string({ error: 'must be a string' }).regex(/^[A-Za-z0-9]{1,127}$/, { error: 'must be alphanumeric' }),
    })
    .optional(),
  address: buyerAddressSchema.optional(),
});

const vatSchema = z
  .object({
    category: z.enum(['S', 'Z', 'E', 'O'], { error: '[BR-KSA-CL-04] category must be S, Z, E or O' }),
    rate: nonNegative('rate', 2),
    exemptionCode: z.string({ error: 'must be a string' }).optional(),
    exemptionReason: text(1000).optional(),
  })
  .superRefine((vat, ctx) => {
    if (!Decimal.isValid(vat.rate)) return;
    const rate = Decimal.parse(vat.rate);
    if (vat.category === 'S' && !rate.eq(Decimal.parse('15')) && !rate.eq(Decimal.parse('5'))) {
      ctx.addIssue({ code: 'custom', path: ['rate'], message: '[BR-KSA-84] standard rate (S) must be 15 or 5' });
    }
    if (vat.category !== 'S' && !rate.isZero()) {
      ctx.addIssue({ code: 'custom', path: ['rate'], message: `[BR-KSA-11] category ${vat.category} must have rate 0` });
    }
    if (vat.category === 'S') {
      if (vat.exemptionCode !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['exemptionCode'], message: '[BR-KSA-CL-04] category S takes no exemption code' });
      }
      return;
    }
    const allowed = EXEMPTION_CODES[vat.category];
    if (vat.exemptionCode === undefined) {
      const rule = { Z: 'BR-KSA-69', E: 'BR-KSA-23', O: 'BR-KSA-24' }[vat.category];
      ctx.addIssue({
        code: 'custom',
        path: ['exemptionCode'],
        message: `[${rule}] category ${vat.category} needs an exemption reason code (${Object.keys(allowed).join(', ')})`,
      });
    } else if (!(vat.exemptionCode in allowed)) {
      ctx.addIssue({
        code: 'custom',
        path: ['exemptionCode'],
        message: `[BR-KSA-CL-04] ${vat.exemptionCode} is not a code for category ${vat.category} (${Object.keys(allowed).join(', ')})`,
      });
    }
    if (vat.category === 'O' && vat.exemptionReason === undefined) {
      ctx.addIssue({ code: 'custom', path: ['exemptionReason'], message: '[BR-KSA-83] out-of-scope (O) needs the reason text' });
    }
  });

const allowanceSchema = z.object({
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
  .object({
    amount: nonNegative('amount', 2),
    reason: text(1000).optional(),
    reasonCode: z
      .string({ error: 'must be a string' })
      .refine(isChargeReasonCode, {
        error: '[BR-KSA-CL-06] must be a UNTDID 7161 charge reason code such as DL (delivery), FC (freight), PC (packing) or ZZZ (other)',
      })
      .optional(),
    vat: vatSchema,
  })
  .transform(({ reason, reasonCode, ...charge }) => {
    const code = reasonCode ?? chargeReasonCodeFor(reason);
    return { ...charge, reason: reason ?? chargeReasonTextFor(code), reasonCode: code };
  });

const lineSchema = z.object({
  name: text(1000),
  quantity: nonNegative('quantity').refine((v) => !Decimal.isValid(v) || !Decimal.parse(v).isZero(), {
    error: 'quantity must be greater than 0',
  }),
  /** UN/ECE Rec 20 unit code; PCE (piece) by default. */
  unitCode: z
    .string({ error: 'must be a string' })
    .regex(/^[A-Z0-9]{1,3}$/, { error: 'must be a UN/ECE Rec 20 unit code such as PCE or KGM' })
    .default('PCE'),
  /** Unit price; VAT-inclusive when the document says pricesIncludeVat. */
  unitPrice: nonNegative('unitPrice'),
  /** Line discount amount, in the same VAT convention as the prices. */
  discount: z.object({ amount: nonNegative('discount.amount', 2), reason: text(1000).default('discount') }).optional(),
  vat: vatSchema,
  /** Seller's item code (barcode/SKU), optional. */
  itemCode: text(127).optional(),
  /** Credit/debit notes: the line number (cbc:ID) of the original invoice line this line adjusts. Not in the XML. */
  originalLine: z.number({ error: 'must be a line number' }).int({ error: 'must be a line number' }).min(1, { error: 'must be ≥ 1' }).optional(),
});

const billingReferenceSchema = z.object({
  /** IRN (cbc:ID) of the original invoice, or several / a range as free text (BR-KSA-56, F-06-C22). */
  number: text(5000),
  issueDate: calendarDate.optional(),
  /** The original is not in this device's ledger (a legacy receipt): it is then identified by number and date. */
  external: z.boolean({ error: 'must be true or false' }).default(false),
});

const paymentMeansSchema = z.union(
  [
    z.enum(Object.keys(PAYMENT_MEANS_CODES) as [keyof typeof PAYMENT_MEANS_CODES, ...(keyof typeof PAYMENT_MEANS_CODES)[]]),
    z.string().regex(/^(?:[1-9]|[1-5]\d|6[0-8]|70|7[4-8]|9[1-7]|ZZZ)$/, { error: '[BR-KSA-16] must be a UNTDID 4461 code' }),
  ],
  { error: `[BR-KSA-16] must be one of ${Object.keys(PAYMENT_MEANS_CODES).join(', ')} or a UNTDID 4461 code` },
);

interface Taxed {
  readonly vat: { readonly category: VatCategory; readonly rate: string; readonly exemptionCode?: string; readonly exemptionReason?: string };
}
interface IssueSink {
  addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string }): void;
}

const CATEGORY_NAMES: Record<VatCategory, string> = { S: 'standard rated', Z: 'zero rated', E: 'exempt', O: 'out-of-scope' };

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
  const fields = [
    ['exemptionCode', 'exemption code ', (v: string) => v, 'code', 'sell them on separate documents'],
    ['exemptionReason', 'the reason ', (v: string) => `"${v}"`, 'reason', 'give the same text or sell them on separate documents'],
  ] as const;
  const items = [
    ...doc.lines.map((item, i) => ['lines', i, item] as const),
    ...doc.allowances.map((item, i) => ['allowances', i, item] as const),
    ...doc.charges.map((item, i) => ['charges', i, item] as const),
  ];
  for (const [list, i, { vat }] of items) {
    if (vat.category === 'S' || !Decimal.isValid(vat.rate)) continue;
    const at = `${list}.${i}`;
    for (const [field, lead, quote, noun, remedy] of fields) {
      const value = vat[field];
      if (value === undefined) continue;
      const key = `${vat.category}|${Decimal.parse(vat.rate).toFixed(2)}|${field}`;
      const seen = first.get(key);
      if (!seen) first.set(key, { value, at });
      else if (seen.value !== value) {
        ctx.addIssue({
          code: 'custom',
          path: [list, i, 'vat', field],
          message: `[BR-${vat.category}-08] ${at} is ${CATEGORY_NAMES[vat.category]} (${vat.category}) with ${lead}${quote(value)} but ${seen.at} with ${quote(seen.value)}: the VAT breakdown has one ${noun} per category and rate, so ${remedy}`,
        });
      }
    }
  }
}

export const documentInputSchema = z
  .object({
    kind: z.enum(['invoice', 'credit-note', 'debit-note'], { error: '[BR-KSA-05] kind must be invoice, credit-note or debit-note' }),
    profile: z.enum(['simplified', 'standard'], { error: 'profile must be simplified or standard' }).default('simplified'),
    /** Invoice reference number (IRN, cbc:ID), e.g. "T1-000123". */
    number: text(127).regex(/^[^\s]+$/, { error: 'must not contain spaces' }),
    uuid: z.string({ error: 'must be a string' }).regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
      error: '[BR-KSA-03] must be a UUID such as 3cf5ee18-ee25-44ea-a444-2c37ba7f28be',
    }),
    /** Local date and time in Asia/Riyadh, written into the XML and QR tag 3 exactly as given (reference §6, §11). */
    issueDate: calendarDate,
    issueTime: z
      .string({ error: 'must be a string' })
      .regex(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/, { error: '[BR-KSA-70] must be HH:MM:SS (no fractions, no zone)' }),
    currency: z.literal('SAR', { error: '[BR-KSA-EN16931-02] only SAR documents are supported' }).default('SAR'),
    pricesIncludeVat: z.boolean({ error: 'must be true or false' }).default(false),
    seller: sellerSchema,
    buyer: buyerSchema.optional(),
    lines: z
      .array(lineSchema, { error: 'must be a list of lines' })
      .min(1, { error: 'a document needs at least one line' })
      .max(999_999, { error: '[F-06-C17] at most 999999 lines' }),
    allowances: z.array(allowanceSchema).default([]),
    charges: z.array(chargeSchema).default([]),
    paymentMeans: z.array(paymentMeansSchema).min(1, { error: 'at least one payment means' }).default(['cash']),
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
        ctx.addIssue({ code: 'custom', path: ['billingReference'], message: '[BR-KSA-56] a credit or debit note must reference the original invoice' });
      }
      if (doc.billingReference?.external && !doc.billingReference.issueDate) {
        ctx.addIssue({
          code: 'custom',
          path: ['billingReference', 'issueDate'],
          message: "a note for an invoice from another system needs that invoice's issue date",
        });
      }
      if (!doc.reason) {
        ctx.addIssue({ code: 'custom', path: ['reason'], message: '[BR-KSA-17] a credit or debit note must state the reason for issuing it' });
      }
    }
    if (doc.profile === 'standard') {
      const b = doc.buyer;
      if (!b?.name) ctx.addIssue({ code: 'custom', path: ['buyer', 'name'], message: '[BR-KSA-42] a standard tax invoice needs the buyer name' });
      if (!b?.vatNumber && !b?.id) {
        ctx.addIssue({
          code: 'custom',
          path: ['buyer', 'vatNumber'],
          message: '[BR-KSA-81] a standard tax invoice needs the buyer VAT number or another buyer id',
        });
      }
      // BR-KSA-10 asks street, city and country of every buyer; a postal code only of a Saudi one (BR-KSA-63):
      // addresses in the UAE, for one, have none
      const a = b?.address;
      for (const f of ['street', 'city'] as const) {
        if (!a?.[f])
          ctx.addIssue({ code: 'custom', path: ['buyer', 'address', f], message: `[BR-KSA-10] a standard tax invoice needs the buyer address (${f})` });
      }
      if (a?.country === 'SA') {
        for (const f of ['building', 'district', 'postalCode'] as const) {
          if (!a[f]) ctx.addIssue({ code: 'custom', path: ['buyer', 'address', f], message: `[BR-KSA-63] a Saudi buyer address needs ${f}` });
        }
      }
    }
    const buyerAddress = doc.buyer?.address;
    if (buyerAddress?.country === 'SA' && buyerAddress.postalCode !== undefined && !/^\d{5}$/.test(buyerAddress.postalCode)) {
      ctx.addIssue({ code: 'custom', path: ['buyer', 'address', 'postalCode'], message: '[BR-KSA-67] a Saudi postal code must be exactly 5 digits' });
    }
    checkOneExemptionPerBreakdown(doc, ctx);
    const eduHea = doc.lines.some((l) => l.vat.exemptionCode === 'VATEX-SA-EDU' || l.vat.exemptionCode === 'VATEX-SA-HEA');
    if (eduHea && (!doc.buyer?.name || doc.buyer.id?.scheme !== 'NAT')) {
      ctx.addIssue({ code: 'custom', path: ['buyer'], message: '[BR-KSA-25/BR-KSA-49] VATEX-SA-EDU/HEA needs the buyer name and national id (scheme NAT)' });
    }
  });

export type DocumentInput = z.output<typeof documentInputSchema>;
export type DocumentInputJson = z.input<typeof documentInputSchema>;
export type LineInput = DocumentInput['lines'][number];
export type VatInput = LineInput['vat'];
export type AllowanceInput = DocumentInput['allowances'][number];
export type ChargeInput = DocumentInput['charges'][number];
export type { VatCategory };

export interface InputProblem {
  /** Dotted path into the document JSON, e.g. "lines.2.vat.rate". */
  readonly path: string;
  /** ZATCA rule id when the check is one of theirs, else "FORMAT". */
  readonly rule: string;
  readonly message: string;
}

export class DocumentInputError extends Error {
  override readonly name = 'DocumentInputError';
  constructor(readonly problems: readonly InputProblem[]) {
    super(`invalid document:\n${problems.map((p) => `  ${p.path || '(document)'}: ${p.message}`).join('\n')}`);
  }
}

/** Validates and normalises a document; throws DocumentInputError listing every problem with its field path. */
export function parseDocumentInput(json: unknown): DocumentInput {
  const result = documentInputSchema.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue): InputProblem => {
    const rule = /^\[([^\]]+)\]/.exec(issue.message)?.[1] ?? 'FORMAT';
    const message = issue.message.replace(/^\[[^\]]+\]\s*/, '');
    const path = issue.path.map(String).join('.');
    return { path, rule, message: rule === 'FORMAT' ? message : `${message} (${rule})` };
  });
  throw new DocumentInputError(problems);
}
