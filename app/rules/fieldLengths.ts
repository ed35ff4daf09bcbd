// SPDX-License-Identifier: UNLICENSED
// The BR-KSA-F-06-Cnn character limits that are not checked with their topic (all warnings, SCH-3.4.6), plus
// BR-54. Lengths count code points like XPath string-length(). The limits that sit with their topic live there:
// C10/C12/C23/C25/C28/C32 (parties), C13/C22 (notes), C16 (exemptions), C17-C21/C30/C31 (lines), C33-C36
// (allowances), C40 (transaction code).
import type { Finding } from '../findings/finding';
import { error, warning, type RuleContext } from './ruleContext';
import { charLength, elements, exists } from './xmlQuery';

interface Limit {
  readonly rule: string;
  readonly path: string;
  readonly what: string;
  readonly min: number;
  readonly max: number;
  readonly simplifiedOnly?: boolean;
}

const SELLER_ADDRESS = 'cac:AccountingSupplierParty/cac:Party/cac:PostalAddress';
const BUYER = 'cac:AccountingCustomerParty/cac:Party';

const LIMITS: readonly Limit[] = [
  { rule: 'BR-KSA-F-06-C1', path: 'cbc:ID', what: 'invoice number (BT-1)', min: 0, max: 127 },
  { rule: 'BR-KSA-F-06-C2', path: 'cbc:Note', what: 'invoice note (BT-22)', min: 0, max: 1000 },
  { rule: 'BR-KSA-F-06-C3', path: 'cac:OrderReference/cbc:ID', what: 'purchase order id (BT-13)', min: 0, max: 127 },
  { rule: 'BR-KSA-F-06-C4', path: `${SELLER_ADDRESS}/cbc:StreetName`, what: 'seller street (BT-35)', min: 1, max: 1000 },
  { rule: 'BR-KSA-F-06-C5', path: 'cac:ContractDocumentReference/cbc:ID', what: 'contract id (BT-12)', min: 0, max: 127 },
  { rule: 'BR-KSA-F-06-C6', path: `${SELLER_ADDRESS}/cbc:AdditionalStreetName`, what: 'seller additional street (BT-36)', min: 0, max: 127 },
  { rule: 'BR-KSA-F-06-C7', path: `${SELLER_ADDRESS}/cbc:CityName`, what: 'seller city (BT-37)', min: 1, max: 127 },
  { rule: 'BR-KSA-F-06-C8', path: `${SELLER_ADDRESS}/cbc:CountrySubentity`, what: 'seller province (BT-39)', min: 0, max: 127 },
  { rule: 'BR-KSA-F-06-C9', path: `${SELLER_ADDRESS}/cbc:CitySubdivisionName`, what: 'seller district (KSA-3)', min: 1, max: 127 },
  { rule: 'BR-KSA-F-06-C11', path: `${BUYER}/cac:PostalAddress/cbc:AdditionalStreetName`, what: 'buyer additional street (BT-51)', min: 0, max: 127 },
  { rule: 'BR-KSA-F-06-C14', path: '//cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:PaymentNote', what: 'payment terms (KSA-22)', min: 1, max: 1000 },
  { rule: 'BR-KSA-F-06-C15', path: '//cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID', what: 'payment account id (BT-84)', min: 0, max: 127 },
  { rule: 'BR-KSA-F-06-C24', path: `${BUYER}/cac:PostalAddress/cbc:StreetName`, what: 'buyer street (BT-50)', min: 0, max: 1000, simplifiedOnly: true },
  { rule: 'BR-KSA-F-06-C26', path: `${BUYER}/cac:PostalAddress/cbc:CityName`, what: 'buyer city (BT-52)', min: 0, max: 127 },
  { rule: 'BR-KSA-F-06-C27', path: `${BUYER}/cac:PostalAddress/cbc:CountrySubentity`, what: 'buyer province (BT-54)', min: 0, max: 127 },
  { rule: 'BR-KSA-F-06-C29', path: `${BUYER}/cac:PostalAddress/cbc:CitySubdivisionName`, what: 'buyer district (KSA-4)', min: 0, max: 127 },
  { rule: 'BR-KSA-F-06-C37', path: `${BUYER}/cac:Contact/cbc:Name`, what: "buyer's contact name (BT-56)", min: 0, max: 1000 },
  { rule: 'BR-KSA-F-06-C38', path: `${BUYER}/cac:Contact/cbc:Note`, what: "buyer's contact note (KSA-35)", min: 0, max: 1000 },
];

/** The BR-KSA-F-06-Cnn limits above (warnings) and BR-54 (CEN, error: item attributes need name and value). */
export function checkFieldLengths(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const limit of LIMITS) {
    if (limit.simplifiedOnly && !ctx.isSimplified) continue;
    for (const el of elements(ctx.root, limit.path)) {
      const length = charLength(el.content);
      if (length < limit.min || length > limit.max) {
        const range = limit.min > 0 ? `${limit.min} to ${limit.max}` : `at most ${limit.max}`;
        out.push(warning(limit.rule, `The ${limit.what} has ${length} characters; it must have ${range}.`, el));
      }
    }
  }
  for (const property of elements(ctx.root, '//cac:AdditionalItemProperty')) {
    if (!(exists(property, 'cbc:Name') && exists(property, 'cbc:Value'))) {
      out.push(error('BR-54', 'An item attribute cac:AdditionalItemProperty needs both cbc:Name (BT-160) and cbc:Value (BT-161).', property));
    }
  }
  return out;
}
