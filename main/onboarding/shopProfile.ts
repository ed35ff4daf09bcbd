// SPDX-License-Identifier: UNLICENSED
// The shop details an onboarding starts from (docs/shop-json.md), validated up front: every problem is reported at
// once, each with its field and a catalog code (`shop.*`, shown in Arabic or English), before anything is stored
// or sent.
// The rules are ZATCA's where it has one: VAT 15 digits starting and ending with 3 (BR-KSA-40, SDK CSR check),
// building number 4 digits (BR-KSA-37), postal code 5 digits (BR-KSA-66), the SDK's forbidden CSR characters
// `!@#$%&*_<` (reference §8), a VAT group's 10-digit member TIN in OU (reference §8), the seller name within the QR
// tag's 255 bytes (reference §6). Fields that go into the CSR are kept to printable ASCII: Arabic in CSR fields is
// an unresolved trouble spot (reference §8), so the English name, branch and industry are used there.
import { isFatooraEnvironment, FATOORA_ENVIRONMENTS, type FatooraEnvironment } from '../fatoora/environment';
import { Secret } from '../log/secret';
import type { ErrorCode, ErrorParams, FieldProblem } from '../../app/errors/index';
import { invalidInput } from './onboardingError';
import { closestKey } from '../../app/errors/unknownKeys';

export type InvoiceTypes = 'simplified' | 'simplified+standard';

export interface ShopAddress {
  readonly street: string;
  readonly additionalStreet?: string;
  readonly building: string;
  readonly district: string;
  readonly city: string;
  readonly postalCode: string;
  readonly province?: string;
  /** National address short code, e.g. RRRD2929: the CSR registeredAddress when given. */
  readonly shortAddress?: string;
}

export interface ShopProfile {
  readonly vatNumber: string;
  /** Commercial registration number (seller id scheme CRN, BR-KSA-08). */
  readonly crn: string;
  readonly sellerName: { readonly ar: string; readonly en: string };
  readonly branch: string;
  readonly address: ShopAddress;
  readonly industry: string;
  readonly invoiceTypes: InvoiceTypes;
  /** The terminal's name in the certificate (CSR CN); default DUKKAN-<8 hex of the EGS serial>. */
  readonly terminalName?: string;
}

export interface OnboardingInput {
  readonly shop: ShopProfile;
  readonly environment: FatooraEnvironment;
  readonly otp: Secret;
}

const SHOP_KEYS = ['vatNumber', 'crn', 'sellerName', 'branch', 'address', 'industry', 'invoiceTypes', 'terminalName'];
const ADDRESS_KEYS = ['street', 'additionalStreet', 'building', 'district', 'city', 'postalCode', 'province', 'shortAddress'];
const INVOICE_TYPES: readonly InvoiceTypes[] = ['simplified', 'simplified+standard'];
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001F\u007F\uFFFE\uFFFF]/;
const ARABIC_LETTER = /[\u0621-\u064A]/;
const PRINTABLE_ASCII = /^[\x20-\x7E]+$/;
const CSR_FORBIDDEN = /[!@#$%&*_<]/;

type Problems = FieldProblem[];
const problem = (problems: Problems, path: string, code: ErrorCode, params: ErrorParams = {}): undefined => {
  problems.push({ path, code, params });
  return undefined;
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An unknown key is refused, naming the key probably meant when one is close (docs/security.md, "Input is read strictly"). */
function unknownKeys(problems: Problems, value: Record<string, unknown>, known: readonly string[], prefix: string): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const field = `${prefix}${key}`;
    const suggestion = closestKey(key, known);
    if (suggestion !== undefined) problem(problems, field, 'shop.unknown-field-close', { field, suggestion: `${prefix}${suggestion}` });
    else problem(problems, field, 'shop.unknown-field', { field, known: known.join(', ') });
  }
}

/**
 * A required free-text field (Arabic or English): a non-empty string without control characters. `required` is
 * the field's own code for a missing value, so the text names the field in words ("The street is required").
 */
function freeText(problems: Problems, value: unknown, field: string, required: ErrorCode, optional = false): string | undefined {
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string' || value.trim() === '') return problem(problems, field, required);
  const text = value.trim();
  if (CONTROL.test(text)) return problem(problems, field, 'shop.control-characters', { field });
  if (text.length > 1000) return problem(problems, field, 'shop.too-long', { field, max: 1000 });
  return text;
}

/** A field that goes into the CSR: printable ASCII with a letter, none of the SDK's forbidden characters. */
function csrText(problems: Problems, value: unknown, field: string, required: ErrorCode, optional = false): string | undefined {
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string' || value.trim() === '') return problem(problems, field, required);
  const text = value.trim();
  if (!PRINTABLE_ASCII.test(text) || !/[A-Za-z0-9]/.test(text)) return problem(problems, field, 'shop.latin-only', { field });
  if (CSR_FORBIDDEN.test(text)) return problem(problems, field, 'shop.csr-forbidden-characters', { field });
  if (text.length > 64) return problem(problems, field, 'shop.too-long', { field, max: 64 });
  return text;
}

function parseAddress(problems: Problems, value: unknown): ShopAddress | undefined {
  if (!isRecord(value)) return problem(problems, 'address', 'shop.address-required');
  unknownKeys(problems, value, ADDRESS_KEYS, 'address.');
  const street = freeText(problems, value.street, 'address.street', 'shop.street-required');
  const additionalStreet = freeText(problems, value.additionalStreet, 'address.additionalStreet', 'shop.additional-street-required', true);
  const district = freeText(problems, value.district, 'address.district', 'shop.district-required');
  const city = freeText(problems, value.city, 'address.city', 'shop.city-required');
  const province = freeText(problems, value.province, 'address.province', 'shop.province-required', true);
  let building: string | undefined;
  if (typeof value.building !== 'string' || !/^\d{4}$/.test(value.building)) problem(problems, 'address.building', 'shop.building-number');
  else building = value.building;
  let postalCode: string | undefined;
  if (typeof value.postalCode !== 'string' || !/^\d{5}$/.test(value.postalCode)) problem(problems, 'address.postalCode', 'shop.postal-code');
  else postalCode = value.postalCode;
  let shortAddress: string | undefined;
  if (value.shortAddress !== undefined) {
    if (typeof value.shortAddress !== 'string' || !/^[A-Z]{4}\d{4}$/.test(value.shortAddress)) problem(problems, 'address.shortAddress', 'shop.short-address');
    else shortAddress = value.shortAddress;
  }
  if (street === undefined || district === undefined || city === undefined || building === undefined || postalCode === undefined) return undefined;
  return {
    street,
    building,
    district,
    city,
    postalCode,
    ...(additionalStreet !== undefined ? { additionalStreet } : {}),
    ...(province !== undefined ? { province } : {}),
    ...(shortAddress !== undefined ? { shortAddress } : {}),
  };
}

function parseShop(problems: Problems, json: unknown): ShopProfile | undefined {
  if (!isRecord(json)) return problem(problems, '(shop)', 'shop.not-an-object');
  unknownKeys(problems, json, SHOP_KEYS, '');
  let vatNumber: string | undefined;
  if (typeof json.vatNumber !== 'string' || !/^3\d{13}3$/.test(json.vatNumber)) problem(problems, 'vatNumber', 'shop.vat-number');
  else vatNumber = json.vatNumber;
  let crn: string | undefined;
  if (typeof json.crn !== 'string' || !/^\d{10}$/.test(json.crn)) problem(problems, 'crn', 'shop.crn');
  else crn = json.crn;

  let sellerName: ShopProfile['sellerName'] | undefined;
  if (!isRecord(json.sellerName)) problem(problems, 'sellerName', 'shop.seller-name-required');
  else {
    unknownKeys(problems, json.sellerName, ['ar', 'en'], 'sellerName.');
    let ar = freeText(problems, json.sellerName.ar, 'sellerName.ar', 'shop.seller-name-ar-required');
    if (ar !== undefined && !ARABIC_LETTER.test(ar)) ar = problem(problems, 'sellerName.ar', 'shop.seller-name-arabic-letters');
    const en = csrText(problems, json.sellerName.en, 'sellerName.en', 'shop.seller-name-en-required');
    if (ar !== undefined && en !== undefined) {
      // QR tag 1 carries both names in at most 255 bytes (reference §6)
      if (new TextEncoder().encode(`${ar} | ${en}`).length > 255) problem(problems, 'sellerName', 'shop.names-too-long');
      else sellerName = { ar, en };
    }
  }
  let branch = csrText(problems, json.branch, 'branch', 'shop.branch-required');
  if (branch !== undefined && vatNumber !== undefined && vatNumber[10] === '1' && !/^\d{10}$/.test(branch)) {
    branch = problem(problems, 'branch', 'shop.vat-group-branch');
  }
  const address = parseAddress(problems, json.address);
  const industry = csrText(problems, json.industry, 'industry', 'shop.industry-required');
  let invoiceTypes: InvoiceTypes | undefined;
  if (!INVOICE_TYPES.includes(json.invoiceTypes as InvoiceTypes)) problem(problems, 'invoiceTypes', 'shop.invoice-types');
  else invoiceTypes = json.invoiceTypes as InvoiceTypes;
  const terminalName = csrText(problems, json.terminalName, 'terminalName', 'shop.terminal-name-required', true);

  if (!vatNumber || !crn || !sellerName || !branch || !address || !industry || !invoiceTypes || (json.terminalName !== undefined && !terminalName))
    return undefined;
  return { vatNumber, crn, sellerName, branch, address, industry, invoiceTypes, ...(terminalName !== undefined ? { terminalName } : {}) };
}

export function checkEnvironment(problems: Problems, value: unknown): FatooraEnvironment | undefined {
  if (isFatooraEnvironment(value)) return value;
  return problem(problems, 'environment', 'onboarding.environment-unknown', { environments: FATOORA_ENVIRONMENTS.join(', ') });
}

export function checkOtp(problems: Problems, value: unknown): Secret | undefined {
  const text = value instanceof Secret ? value.reveal() : value;
  if (typeof text !== 'string' || !/^\d{6}$/.test(text)) {
    // the problem never repeats what was typed: it might be a real OTP with a typo
    return problem(problems, 'otp', 'onboarding.otp-format');
  }
  return value instanceof Secret ? value : new Secret(text);
}

/** Validates the shop JSON alone; throws OnboardingError('onboarding.invalid-input') listing every problem. */
export function parseShopProfile(json: unknown): ShopProfile {
  const problems: Problems = [];
  const shop = parseShop(problems, json);
  if (problems.length > 0 || !shop) throw invalidInput(problems);
  return shop;
}

/** Validates everything an onboarding needs at once: shop, environment and OTP. */
export function parseOnboardingInput(shopJson: unknown, environment: unknown, otp: unknown): OnboardingInput {
  const problems: Problems = [];
  const shop = parseShop(problems, shopJson);
  const env = checkEnvironment(problems, environment);
  const secret = checkOtp(problems, otp);
  if (problems.length > 0 || !shop || !env || !secret) throw invalidInput(problems);
  return { shop, environment: env, otp: secret };
}

/** The same profile as stable JSON (key order fixed), to store and to compare. */
export function shopJson(shop: ShopProfile): string {
  const a = shop.address;
  return JSON.stringify({
    vatNumber: shop.vatNumber,
    crn: shop.crn,
    sellerName: { ar: shop.sellerName.ar, en: shop.sellerName.en },
    branch: shop.branch,
    address: {
      street: a.street,
      additionalStreet: a.additionalStreet,
      building: a.building,
      district: a.district,
      city: a.city,
      postalCode: a.postalCode,
      province: a.province,
      shortAddress: a.shortAddress,
    },
    industry: shop.industry,
    invoiceTypes: shop.invoiceTypes,
    terminalName: shop.terminalName,
  });
}
