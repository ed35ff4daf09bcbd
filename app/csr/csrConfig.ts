// SPDX-License-Identifier: UNLICENSED
// The EGS unit's CSR inputs (the SDK's csr-config properties, reference §8) and the SDK's checks on them
// (SDK CSR input validation as reproduced by Saleh7/php-zatca-xml CertificateBuilder and other SDK ports):
// VAT 15 digits starting and ending with 3; serial '1-…|2-…|3-…' without '='; invoice type four 0/1 digits;
// a VAT group (11th VAT digit '1') puts the member's 10-digit TIN in OU; no `!@#$%&*_<` in the text fields.

export type CsrEnvironment = 'production' | 'simulation' | 'developer-portal' | 'local-simulator';

export interface CsrConfig {
  /** CN: unique name of the EGS unit (csr.common.name). */
  commonName: string;
  /** SAN SN: '1-<solution>|2-<model>|3-<serial>' (csr.serial.number). */
  serialNumber: string;
  /** SAN UID: the 15-digit VAT number (csr.organization.identifier). */
  organizationIdentifier: string;
  /** OU: branch name; for a VAT group the member's 10-digit TIN (csr.organization.unit.name). */
  organizationUnitName: string;
  /** O: taxpayer name (csr.organization.name). */
  organizationName: string;
  /** C: 'SA' (csr.country.name). */
  countryName: string;
  /** SAN title: four digits 'TSCZ', e.g. '0100' simplified only, '1100' both (csr.invoice.type). */
  invoiceType: string;
  /** SAN registeredAddress (csr.location.address). */
  locationAddress: string;
  /** SAN businessCategory (csr.industry.business.category). */
  industryBusinessCategory: string;
  environment: CsrEnvironment;
}

/**
 * Certificate template names (extension 1.3.6.1.4.1.311.20.2) per environment, reference §8. Our local Fatoora
 * simulator takes the developer-portal name.
 */
export const TEMPLATE_NAMES: Record<CsrEnvironment, string> = {
  production: 'ZATCA-Code-Signing',
  simulation: 'PREZATCA-Code-Signing',
  'developer-portal': 'TSTZATCA-Code-Signing',
  'local-simulator': 'TSTZATCA-Code-Signing',
};

export interface CsrConfigIssue {
  field: string;
  rule: string;
  message: string;
}

const TEXT_FIELDS = [
  'commonName',
  'serialNumber',
  'organizationIdentifier',
  'organizationUnitName',
  'organizationName',
  'countryName',
  'invoiceType',
  'locationAddress',
  'industryBusinessCategory',
] as const;

/** Fields the SDK checks against its specialCharacterRegex `[!@#$%&*_<]`. */
const SPECIAL_CHECKED = ['commonName', 'organizationUnitName', 'organizationName', 'locationAddress', 'industryBusinessCategory'] as const;
const SPECIAL = /[!@#$%&*_<]/;
const CONTROL_OR_BROKEN = /[\p{Cc}]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/** Every problem with `config`, empty when it is usable. Accepts partial input (e.g. fields read from a CSR). */
export function validateCsrConfig(config: Partial<CsrConfig>): CsrConfigIssue[] {
  const issues: CsrConfigIssue[] = [];
  const add = (field: string, rule: string, message: string) => issues.push({ field, rule, message });
  const text: Partial<Record<(typeof TEXT_FIELDS)[number], string>> = {};
  for (const field of TEXT_FIELDS) {
    const value: unknown = config[field];
    if (typeof value !== 'string' || value.trim() === '') {
      add(field, 'required', `${field} is mandatory and must be a non-empty string`);
      continue;
    }
    text[field] = value;
    if (value !== value.trim()) add(field, 'surrounding-whitespace', `${field} must not start or end with whitespace`);
    if (CONTROL_OR_BROKEN.test(value)) add(field, 'invalid-characters', `${field} contains control characters or broken Unicode`);
  }
  for (const field of SPECIAL_CHECKED) {
    if (text[field] !== undefined && SPECIAL.test(text[field])) {
      add(field, 'forbidden-characters', `${field} must not contain any of the characters ! @ # $ % & * _ <`);
    }
  }
  const vat = text.organizationIdentifier;
  if (vat !== undefined && !/^3[0-9]{13}3$/.test(vat)) {
    add('organizationIdentifier', 'vat-format', 'organizationIdentifier must be the 15-digit VAT number, starting and ending with 3');
  }
  if (vat !== undefined && vat[10] === '1' && text.organizationUnitName !== undefined && !/^[0-9]{10}$/.test(text.organizationUnitName)) {
    add('organizationUnitName', 'vat-group-tin', 'for a VAT group (11th VAT digit is 1) organizationUnitName must be the 10-digit TIN of the group member');
  }
  const serial = text.serialNumber;
  if (serial !== undefined && !/^1-(.+)\|2-(.+)\|3-(.+)$/.test(serial)) {
    add('serialNumber', 'serial-format', "serialNumber must have the form '1-<solution>|2-<model>|3-<serial>'");
  }
  if (serial !== undefined && serial.includes('=')) add('serialNumber', 'forbidden-characters', "serialNumber must not contain '='");
  const type = text.invoiceType;
  if (type !== undefined && !/^[01]{4}$/.test(type)) {
    add('invoiceType', 'invoice-type-format', "invoiceType must be four digits 0 or 1 ('TSCZ'), e.g. '0100' or '1100'");
  } else if (type === '0000') {
    add('invoiceType', 'invoice-type-empty', 'invoiceType must enable at least one document type');
  }
  if (text.countryName !== undefined && !/^[A-Z]{2}$/.test(text.countryName)) {
    add('countryName', 'country-format', "countryName must be a two-letter upper-case country code ('SA')");
  }
  if (!Object.hasOwn(TEMPLATE_NAMES, String(config.environment))) {
    add('environment', 'environment', `environment must be one of ${Object.keys(TEMPLATE_NAMES).join(', ')}`);
  }
  return issues;
}

/** The environment a template name selects (developer-portal for TSTZATCA), or undefined for unknown names. */
export function environmentOfTemplate(templateName: string | undefined): CsrEnvironment | undefined {
  if (templateName === TEMPLATE_NAMES.production) return 'production';
  if (templateName === TEMPLATE_NAMES.simulation) return 'simulation';
  if (templateName === TEMPLATE_NAMES['developer-portal']) return 'developer-portal';
  return undefined;
}
