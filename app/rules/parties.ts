// SPDX-License-Identifier: UNLICENSED
// Seller and buyer rules (reference §7.4). The buyer of a simplified (B2C) document may be empty; standard (01)
// documents need the buyer's name (BR-KSA-42), address (BR-KSA-10, BR-KSA-63) and an identifier (BR-KSA-81).
// Ids, severities, guards: SCH-3.4.6 (KSA file unless marked CEN).
import type { XmlElement } from 'libxml2-wasm';
import type { Finding } from '../findings/finding';
import { error, q, warning, type RuleContext } from './ruleContext';
import { attr, charLength, elements, exists, first, hasText, norm, text } from './xmlQuery';

const SELLER = 'cac:AccountingSupplierParty/cac:Party';
const BUYER = 'cac:AccountingCustomerParty/cac:Party';
// BR-KSA-08 and BR-KSA-14 test contains(list, schemeID) on these literal strings (a substring test).
const SELLER_SCHEMES_TEXT = 'CRN MOM MLS SAG OTH 700';
const BUYER_SCHEMES_TEXT = 'TIN NAT IQA PAS CRN MOM MLS 700 SAG GCC OTH';
const SELLER_SCHEMES = ['CRN', 'MOM', 'MLS', '700', 'SAG', 'OTH'];
const BUYER_SCHEMES = ['TIN', 'CRN', 'MOM', 'MLS', '700', 'SAG', 'NAT', 'GCC', 'IQA', 'OTH', 'PAS'];
const isVat = (id: string | undefined) => id !== undefined && /^[0-9]{15}$/.test(id) && id.startsWith('3') && id.endsWith('3');

/**
 * Seller: BR-06 (CEN, warning), BR-KSA-F-06-C10 (warning), BR-08/BR-09 (CEN, warnings), BR-KSA-39 (error),
 * BR-KSA-40 (error), BR-KSA-08 (warning), BR-KSA-09 (warning), BR-KSA-37 (warning), BR-KSA-66 (warning).
 */
export function checkSeller(ctx: RuleContext): Finding[] {
  const { root } = ctx;
  const out: Finding[] = [];
  const name = text(root, `${SELLER}/cac:PartyLegalEntity/cbc:RegistrationName`);
  const nameEl = first(root, `${SELLER}/cac:PartyLegalEntity/cbc:RegistrationName`);
  if (!name) out.push(warning('BR-06', 'The seller name cac:PartyLegalEntity/cbc:RegistrationName (BT-27) is missing or empty.', nameEl ?? root));
  if (nameEl && (charLength(name!) < 1 || charLength(name!) > 1000)) {
    out.push(warning('BR-KSA-F-06-C10', `The seller name has ${charLength(name!)} characters; it must have 1 to 1000.`, nameEl));
  }

  const vat = text(root, `${SELLER}/cac:PartyTaxScheme/cbc:CompanyID`);
  if (!(vat && exists(root, `${SELLER}/cac:PartyTaxScheme/cac:TaxScheme[normalize-space(cbc:ID) = 'VAT']`))) {
    out.push(error('BR-KSA-39', 'The seller VAT number cac:PartyTaxScheme/cbc:CompanyID (BT-31) with cac:TaxScheme/cbc:ID "VAT" is missing.', root));
  }
  if (vat !== undefined && exists(root, `${SELLER}/cac:PartyTaxScheme/cac:TaxScheme[cbc:ID = 'VAT']`) && !isVat(vat)) {
    out.push(
      error(
        'BR-KSA-40',
        `The seller VAT number (BT-31) is ${q(vat)}; it must be 15 digits starting and ending with 3.`,
        first(root, `${SELLER}/cac:PartyTaxScheme/cbc:CompanyID`),
        'It must also equal the VAT number in the CSID certificate.',
      ),
    );
  }

  const ids = elements(root, `${SELLER}/cac:PartyIdentification/cbc:ID`);
  const scheme = norm(attr(ids[0], 'schemeID'));
  if (ids.length !== 1 || !(scheme.length > 2 && SELLER_SCHEMES_TEXT.includes(scheme))) {
    out.push(
      warning(
        'BR-KSA-08',
        `The seller identification (BT-29) must appear exactly once with schemeID CRN, MOM, MLS, SAG, OTH or 700; found ${ids.length} with schemeID ${q(attr(ids[0], 'schemeID'))}.`,
        ids[0] ?? first(root, SELLER) ?? root,
      ),
    );
  }

  const address = first(root, `${SELLER}/cac:PostalAddress`);
  if (!address) {
    out.push(warning('BR-08', 'The seller postal address cac:PostalAddress (BG-5) is missing.', first(root, SELLER) ?? root));
  } else {
    if (!hasRawText(address, 'cac:Country/cbc:IdentificationCode')) {
      out.push(warning('BR-09', 'The seller address has no country code cac:Country/cbc:IdentificationCode (BT-40).', address));
    }
    const required = [
      'cbc:StreetName',
      'cbc:BuildingNumber',
      'cbc:CityName',
      'cbc:PostalZone',
      'cbc:CitySubdivisionName',
      'cac:Country/cbc:IdentificationCode',
    ];
    const missing = required.filter((p) => !exists(address, p));
    if (missing.length > 0) {
      out.push(
        warning(
          'BR-KSA-09',
          `The seller address lacks ${missing.join(', ')}; street, building number, district, city, postal code and country are required (Saudi national address).`,
          address,
        ),
      );
    }
    const postal = text(address, 'cbc:PostalZone');
    if (postal === undefined || !/^[0-9]{5}$/.test(postal)) {
      out.push(
        warning(
          'BR-KSA-66',
          `The seller postal code cbc:PostalZone (BT-38) is ${q(postal)}; it must be 5 digits.`,
          first(address, 'cbc:PostalZone') ?? address,
        ),
      );
    }
  }
  const sellerParty = first(root, SELLER);
  if (sellerParty) {
    const building = text(sellerParty, 'cac:PostalAddress/cbc:BuildingNumber');
    if (building === undefined || !/^[0-9]{4}$/.test(building)) {
      out.push(
        warning(
          'BR-KSA-37',
          `The seller building number cbc:BuildingNumber (KSA-17) is ${q(building)}; it must be 4 digits.`,
          first(sellerParty, 'cac:PostalAddress/cbc:BuildingNumber') ?? sellerParty,
        ),
      );
    }
  }
  return out;
}

function hasRawText(context: XmlElement, xpath: string): boolean {
  const value = text(context, xpath);
  return value !== undefined && value !== '';
}

/**
 * Identifiers of either party: BR-KSA-14 (error, buyer schemes), BR-KSA-F-07/F-10/F-11 (warnings, buyer TIN/NAT/
 * IQA), BR-KSA-F-08/F-09 (warnings, CRN and 700 numbers), BR-KSA-F-12/F-13 (warnings), BR-KSA-44 (error),
 * BR-KSA-99 (warning, standard), BR-CUSTOM-VALIDATION-01 (error).
 */
export function checkPartyIdentifiers(ctx: RuleContext): Finding[] {
  const { root } = ctx;
  const out: Finding[] = [];
  for (const id of elements(root, `${BUYER}/cac:PartyIdentification/cbc:ID`)) {
    const scheme = norm(attr(id, 'schemeID'));
    if (!(scheme.length > 2 && BUYER_SCHEMES_TEXT.includes(scheme))) {
      out.push(
        error(
          'BR-KSA-14',
          `The buyer identification schemeID (BT-46-1) is ${q(attr(id, 'schemeID'))}; it must be one of TIN, CRN, MOM, MLS, 700, SAG, NAT, GCC, IQA, PAS, OTH.`,
          id,
        ),
      );
    }
    const value = norm(id.content);
    const tenDigits = (lead: string) => charLength(value) === 10 && /^[0-9]*$/.test(id.content) && value.startsWith(lead);
    const expected: Record<string, [string, string]> = { TIN: ['BR-KSA-F-07', '3'], NAT: ['BR-KSA-F-10', '1'], IQA: ['BR-KSA-F-11', '2'] };
    const rule = expected[scheme];
    if (rule && !tenDigits(rule[1])) {
      out.push(warning(rule[0], `The buyer ${scheme} number is ${q(id.content)}; it should be 10 digits starting with ${rule[1]}.`, id));
    }
  }
  for (const [party, allowed, label] of [
    ['cac:AccountingSupplierParty', SELLER_SCHEMES, 'Seller'],
    ['cac:AccountingCustomerParty', BUYER_SCHEMES, 'Buyer'],
  ] as const) {
    const ids = elements(root, `${party}/cac:Party/cac:PartyIdentification/cbc:ID`);
    const firstId = ids[0];
    if (firstId) {
      const raw = attr(firstId, 'schemeID') ?? '';
      const scheme = norm(raw);
      const value = norm(firstId.content);
      const digitsOnly = /^[0-9]*$/.test(firstId.content);
      if (scheme === 'CRN' && !(charLength(value) === 10 && digitsOnly)) {
        out.push(warning('BR-KSA-F-08', `The ${label.toLowerCase()} CRN ${q(firstId.content)} should be 10 digits.`, firstId));
      }
      if (scheme === '700' && !(value.startsWith('7') && charLength(value) === 10 && digitsOnly)) {
        out.push(warning('BR-KSA-F-09', `The ${label.toLowerCase()} 700 number ${q(firstId.content)} should be 10 digits starting with 7.`, firstId));
      }
      if (raw !== '' && (allowed as readonly string[]).includes(scheme.toUpperCase()) && raw !== scheme) {
        out.push(warning('BR-KSA-F-12', `The ${label.toLowerCase()} identification schemeID ${q(raw)} contains spaces.`, firstId));
      }
    }
    const predictable = ids.filter((id) => {
      const v = norm(id.content);
      return (
        (allowed as readonly string[]).includes(norm(attr(id, 'schemeID')).toUpperCase()) &&
        /^\d+$/.test(v) &&
        /01234567|12345678|23456789|76543210|87654321|98765432|(\d)\1{7}/.test(v)
      );
    });
    if (predictable.length > 0) {
      out.push(
        warning(
          'BR-KSA-F-13',
          `The ${label.toLowerCase()} identification ${q(predictable[0]!.content)} looks like a placeholder (a run of 8 sequential or repeated digits).`,
          predictable[0],
        ),
      );
    }
  }

  const buyerVatEl = first(root, `${BUYER}/cac:PartyTaxScheme/cbc:CompanyID`);
  const buyerVat = buyerVatEl?.content;
  if (buyerVat && !isVat(buyerVat)) {
    out.push(error('BR-KSA-44', `The buyer VAT number (BT-48) is ${q(buyerVat)}; it must be 15 digits starting and ending with 3.`, buyerVatEl));
  }
  if (ctx.isStandard && buyerVatEl && norm(buyerVat) === '') {
    out.push(warning('BR-KSA-99', 'The buyer VAT number cbc:CompanyID (BT-48) is present but empty.', buyerVatEl));
  }
  const sellerVat = text(root, `${SELLER}/cac:PartyTaxScheme/cbc:CompanyID`);
  if (sellerVat && buyerVat && sellerVat === buyerVat) {
    out.push(error('BR-CUSTOM-VALIDATION-01', `The buyer VAT number (BT-48) equals the seller's (${sellerVat}); a seller cannot invoice itself.`, buyerVatEl));
  }
  return out;
}

/**
 * Buyer of standard (01) documents: BR-KSA-42 (name), BR-KSA-F-06-C12, BR-KSA-10 (address), BR-KSA-63 and
 * BR-KSA-67 (Saudi address), BR-KSA-F-06-C23/C25/C28 (street, city, district present), BR-KSA-81 (identifier);
 * all warnings. Any document: BR-KSA-85 (phone), BR-KSA-F-06-C32 (simplified name length).
 */
export function checkBuyer(ctx: RuleContext): Finding[] {
  const { root } = ctx;
  const out: Finding[] = [];
  const party = first(root, BUYER);
  const buyerName = text(root, `${BUYER}/cac:PartyLegalEntity/cbc:RegistrationName`);
  const nameEl = first(root, `${BUYER}/cac:PartyLegalEntity/cbc:RegistrationName`);
  const address = `${BUYER}/cac:PostalAddress`;
  const country = text(root, `${address}/cac:Country/cbc:IdentificationCode`);
  if (ctx.isStandard) {
    if (party && !buyerName) {
      out.push(
        warning(
          'BR-KSA-42',
          'A tax invoice (subtype 01) and its notes must name the buyer: cac:PartyLegalEntity/cbc:RegistrationName (BT-44) is missing.',
          party,
        ),
      );
    }
    if (nameEl && (charLength(buyerName!) < 1 || charLength(buyerName!) > 1000)) {
      out.push(warning('BR-KSA-F-06-C12', `The buyer name has ${charLength(buyerName!)} characters; it must have 1 to 1000.`, nameEl));
    }
    const present = (p: string) => (text(root, `${address}/${p}`) ?? '') !== '';
    const missingBasic = ['cbc:StreetName', 'cbc:CityName', 'cac:Country/cbc:IdentificationCode'].filter((p) => !present(p));
    if (missingBasic.length > 0) {
      out.push(
        warning('BR-KSA-10', `A tax invoice (subtype 01) needs the buyer address; missing ${missingBasic.join(', ')}.`, first(root, address) ?? party ?? root),
      );
    }
    const street = text(root, `${address}/cbc:StreetName`);
    if (street === undefined || charLength(street) < 1 || charLength(street) > 1000) {
      out.push(
        warning('BR-KSA-F-06-C23', `The buyer street (BT-50) is ${q(street)}; it must have 1 to 1000 characters.`, first(root, address) ?? party ?? root),
      );
    }
    const city = text(root, `${address}/cbc:CityName`);
    if (city === undefined || charLength(city) < 1) {
      out.push(warning('BR-KSA-F-06-C25', 'The buyer city (BT-52) is missing or empty.', first(root, address) ?? party ?? root));
    }
    if (country === 'SA') {
      const fields = [
        'cbc:StreetName',
        'cbc:BuildingNumber',
        'cbc:PostalZone',
        'cbc:CityName',
        'cbc:CitySubdivisionName',
        'cac:Country/cbc:IdentificationCode',
      ];
      const missing = fields.filter((p) => !hasText(root, `${address}/${p}`));
      if (missing.length > 0) {
        out.push(
          warning('BR-KSA-63', `The buyer address is in SA, so it needs the full national address; missing ${missing.join(', ')}.`, first(root, address)),
        );
      }
      const postal = text(root, `${address}/cbc:PostalZone`);
      if (postal === undefined || !/^[0-9]{5}$/.test(postal)) {
        out.push(warning('BR-KSA-67', `The buyer postal code (BT-53) is ${q(postal)}; for an SA address it must be 5 digits.`, first(root, address)));
      }
      const district = text(root, `${address}/cbc:CitySubdivisionName`);
      if (district === undefined || charLength(district) < 1) {
        out.push(warning('BR-KSA-F-06-C28', 'The buyer district cbc:CitySubdivisionName (KSA-4) is missing or empty.', first(root, address)));
      }
    }
    if (party && !exists(party, 'cac:PartyTaxScheme/cbc:CompanyID') && !hasText(party, 'cac:PartyIdentification/cbc:ID')) {
      out.push(
        warning(
          'BR-KSA-81',
          'A tax invoice (subtype 01) whose buyer has no VAT number (BT-48) must give another buyer id cac:PartyIdentification/cbc:ID (BT-46).',
          party,
        ),
      );
    }
  }
  if (ctx.isSimplified && nameEl && charLength(buyerName!) > 1000) {
    out.push(warning('BR-KSA-F-06-C32', `The buyer name has ${charLength(buyerName!)} characters; the maximum is 1000.`, nameEl));
  }
  const phoneEl = first(root, `${BUYER}/cac:Contact/cbc:Telephone`);
  if (phoneEl && phoneEl.content !== '' && !/^(?:0|\+)[0-9]{4,15}$/.test(phoneEl.content)) {
    out.push(warning('BR-KSA-85', `The buyer phone number (BT-57) is ${q(phoneEl.content)}; it must start with 0 or + followed by 4 to 15 digits.`, phoneEl));
  }
  return out;
}

/**
 * Buyer requirements triggered by the sale itself: BR-KSA-25 (warning, simplified with VATEX-SA-EDU/HEA),
 * BR-KSA-49 (error, EDU/HEA need a national id), BR-KSA-71 (warning, simplified summary invoices).
 */
export function checkBuyerForSpecialSupplies(ctx: RuleContext): Finding[] {
  const { root } = ctx;
  const out: Finding[] = [];
  const buyerName = norm(text(root, `${BUYER}/cac:PartyLegalEntity/cbc:RegistrationName`));
  const codes = elements(root, '//cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:TaxExemptionReasonCode').map((el) => el.content);
  // SCH-3.4.6 fires BR-KSA-25 only when every exemption code is EDU or HEA (and at least one exists).
  if (ctx.isSimplified && codes.length > 0 && codes.every((c) => ' VATEX-SA-HEA VATEX-SA-EDU '.includes(c)) && buyerName === '') {
    out.push(
      warning(
        'BR-KSA-25',
        `Private education or healthcare to a citizen (${[...new Set(codes)].join(', ')}) requires the buyer name (BT-44) even on a simplified invoice.`,
        first(root, BUYER) ?? root,
      ),
    );
  }
  const eduHea = elements(root, '//cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory').filter((c) => {
    const code = text(c, 'cbc:TaxExemptionReasonCode');
    return code === 'VATEX-SA-EDU' || code === 'VATEX-SA-HEA';
  });
  const buyerIds = elements(root, `//${BUYER}/cac:PartyIdentification/cbc:ID`);
  const hasNationalId = buyerIds.some((id) => attr(id, 'schemeID') === 'NAT');
  for (const category of eduHea) {
    if (!hasNationalId) {
      out.push(
        error(
          'BR-KSA-49',
          `Exemption code ${text(category, 'cbc:TaxExemptionReasonCode')} requires the buyer's national id: cac:PartyIdentification/cbc:ID with schemeID "NAT" (BT-46).`,
          category,
        ),
      );
    }
  }
  if (ctx.isSimplified && ctx.transaction[5] === '1' && norm(text(root, `//${BUYER}//cac:PartyLegalEntity/cbc:RegistrationName`)) === '') {
    out.push(warning('BR-KSA-71', 'A simplified summary invoice (KSA-2 position 6 = 1) must name the buyer (BT-44).', first(root, BUYER) ?? root));
  }
  return out;
}
