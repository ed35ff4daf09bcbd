// SPDX-License-Identifier: UNLICENSED
// What onboarding builds from the shop details: the CSR inputs (reference §8) and the sample documents of the
// compliance checks (reference §10 step 3), each carrying the shop's real seller data — Fatoora checks the seller
// VAT against the certificate (reference §12 item 19), so made-up sellers would not do.
import { randomUUID } from 'node:crypto';
import type { CsrConfig } from '../../app/csr/index';
import type { DocumentInputJson } from '../../app/document/documentInput';
import { riyadhDateTime } from '../../app/time/riyadhTime';
import type { FatooraEnvironment } from '../fatoora/environment';
import type { ShopProfile } from './shopProfile';

/** `title` of the CSR (reference §8): T standard, S simplified → 0100 simplified only, 1100 both. */
export function invoiceTypeDigits(shop: ShopProfile): '0100' | '1100' {
  return shop.invoiceTypes === 'simplified+standard' ? '1100' : '0100';
}

export interface EgsIdentity {
  /** CSR SN: '1-<solution>|2-<model>|3-<serial>' (reference §8; SDK pattern 1-(.+)|2-(.+)|3-(.+)). */
  readonly egsSerial: string;
  /** CSR CN: the unit's unique name. */
  readonly commonName: string;
}

export function newEgsIdentity(shop: ShopProfile): EgsIdentity {
  const serial = randomUUID();
  return { egsSerial: `1-Dukkan|2-POS|3-${serial}`, commonName: shop.terminalName ?? `DUKKAN-${serial.slice(0, 8).toUpperCase()}` };
}

export function csrConfigFor(shop: ShopProfile, identity: EgsIdentity, environment: FatooraEnvironment): CsrConfig {
  return {
    commonName: identity.commonName,
    serialNumber: identity.egsSerial,
    organizationIdentifier: shop.vatNumber,
    organizationUnitName: shop.branch,
    organizationName: shop.sellerName.en,
    countryName: 'SA',
    invoiceType: invoiceTypeDigits(shop),
    // registeredAddress: the branch location as a short national address (reference §8); digits otherwise
    locationAddress: shop.address.shortAddress ?? `${shop.address.building}-${shop.address.postalCode}`,
    industryBusinessCategory: shop.industry,
    environment,
  };
}

/** The seller block of every document this shop issues; the name is Arabic followed by English. */
export function sellerOf(shop: ShopProfile): DocumentInputJson['seller'] {
  const a = shop.address;
  return {
    name: `${shop.sellerName.ar} | ${shop.sellerName.en}`,
    vatNumber: shop.vatNumber,
    id: { scheme: 'CRN', value: shop.crn },
    address: {
      street: a.street,
      building: a.building,
      district: a.district,
      city: a.city,
      postalCode: a.postalCode,
      country: 'SA',
      ...(a.additionalStreet !== undefined ? { additionalStreet: a.additionalStreet } : {}),
      ...(a.province !== undefined ? { province: a.province } : {}),
    },
  };
}

/** The compliance steps Fatoora requires before a production CSID (reference §10 step 3), in sending order. */
export function requiredComplianceSteps(invoiceType: string): string[] {
  const steps: string[] = [];
  for (const profile of [invoiceType[1] === '1' ? 'simplified' : undefined, invoiceType[0] === '1' ? 'standard' : undefined]) {
    if (profile) steps.push(`${profile}-compliant`, `${profile}-credit-note-compliant`, `${profile}-debit-note-compliant`);
  }
  return steps;
}

/** A buyer for the standard samples (BR-KSA-42/81/10/63 need one); compliance documents are never real sales. */
const SAMPLE_BUYER = {
  name: 'مشتري تجريبي | Sample Buyer',
  vatNumber: '300000000000003',
  address: {
    street: 'طريق الملك فهد | King Fahd Road',
    building: '1234',
    district: 'العليا | Olaya',
    city: 'الرياض | Riyadh',
    postalCode: '12345',
    country: 'SA',
  },
} as const;

const SAMPLE_LINE = { name: 'صنف تجريبي | Sample item', quantity: '1', unitPrice: '10.00', vat: { category: 'S', rate: '15' } } as const;

/**
 * The sample document proving `step`, dated `at` in Riyadh time. Notes reference the sample invoice of their
 * profile (BR-KSA-56) and state a reason (BR-KSA-17).
 */
export function complianceDocument(shop: ShopProfile, step: string, at: Date, sequence: number): DocumentInputJson {
  const match = /^(simplified|standard)-(?:(credit-note|debit-note)-)?compliant$/.exec(step);
  if (!match) throw new Error(`unknown compliance step ${step}`);
  const profile = match[1] as 'simplified' | 'standard';
  const kind = (match[2] ?? 'invoice') as 'invoice' | 'credit-note' | 'debit-note';
  const when = riyadhDateTime(at);
  const prefix = profile === 'simplified' ? 'CMPS' : 'CMPB';
  return {
    kind,
    profile,
    number: `${prefix}-${String(sequence).padStart(6, '0')}`,
    uuid: randomUUID(),
    ...when,
    seller: sellerOf(shop),
    ...(profile === 'standard' ? { buyer: SAMPLE_BUYER } : {}),
    lines: [SAMPLE_LINE],
    paymentMeans: ['cash'],
    ...(kind === 'invoice'
      ? {}
      : {
          billingReference: { number: `${prefix}-000001`, issueDate: when.issueDate, external: true },
          reason: kind === 'credit-note' ? 'إرجاع بضاعة | Goods returned' : 'فرق سعر | Price undercharged',
        }),
  };
}
