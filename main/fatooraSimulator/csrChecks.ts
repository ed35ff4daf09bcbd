// SPDX-License-Identifier: UNLICENSED
// The `csr` field of POST /compliance and PATCH /production/csids, checked as Fatoora does (reference §8, §9):
// missing → 400 Missing-CSR; not a readable, self-signed PKCS#10 → 400 Invalid-CSR; readable but breaking
// ZATCA's rules (VAT format, EGS serial format, invoice-type digits, template name of this environment,
// secp256k1 key…) → 400 NOT_COMPLIANT with one error per broken rule.
import { csrConfigOf, parseCsr, validateCsrConfig, TEMPLATE_NAMES, type ParsedCsr } from '../../app/csr/index';
import { OID } from '../../app/asn1/oid';
import { codeMessageBody, notCompliantBody, type CodeMessage } from './zatcaShapes';
import type { ZatcaEnvironment } from './zatcaEnvironment';

export type CsrCheck = { readonly ok: true; readonly csr: ParsedCsr; readonly pem: string } | { readonly ok: false; readonly body: unknown };

/** The PEM text inside the API form (base64 of the PEM text, reference §8). */
function pemOf(field: string): string | undefined {
  const compact = field.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
  const text = Buffer.from(compact, 'base64').toString('utf8');
  return /-----BEGIN (NEW )?CERTIFICATE REQUEST-----/.test(text) ? text : undefined;
}

export function checkCsrField(body: unknown, environment: ZatcaEnvironment): CsrCheck {
  const field = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).csr : undefined;
  if (typeof field !== 'string' || field.trim() === '') return { ok: false, body: codeMessageBody('Missing-CSR', 'The csr field is missing') };
  const pem = pemOf(field);
  if (pem === undefined) return { ok: false, body: codeMessageBody('Invalid-CSR', 'The csr field must be base64 of the CSR PEM text') };
  let csr: ParsedCsr;
  try {
    csr = parseCsr(pem);
  } catch {
    return { ok: false, body: codeMessageBody('Invalid-CSR', 'The CSR could not be parsed as PKCS#10') };
  }
  if (!csr.signatureValid)
    return { ok: false, body: codeMessageBody('Invalid-CSR', 'The CSR signature is not valid (it must be signed ecdsa-with-SHA256 by its own key)') };

  const errors: CodeMessage[] = validateCsrConfig(csrConfigOf(csr))
    // the template name is checked against this path's environment below, with a clearer message
    .filter((issue) => issue.field !== 'environment')
    .map((issue) => ({ code: 'Invalid-CSR', message: `${issue.field}: ${issue.message}` }));
  const expected = TEMPLATE_NAMES[environment];
  if (csr.templateName !== expected) {
    errors.push({
      code: 'Invalid-CSR',
      message: `certificate template name is ${csr.templateName === undefined ? 'missing' : `'${csr.templateName}'`}; the ${environment} environment requires '${expected}'`,
    });
  }
  const types = csr.zatca.invoiceTypes;
  if (types !== undefined && /^[01]{4}$/.test(types) && types[0] !== '1' && types[1] !== '1') {
    errors.push({ code: 'Invalid-CSR', message: 'invoiceType must enable standard (T) or simplified (S) documents' });
  }
  if (csr.subject.C !== undefined && csr.subject.C !== 'SA') errors.push({ code: 'Invalid-CSR', message: "countryName must be 'SA'" });
  if (csr.publicKeyAlgorithm !== OID.ecPublicKey || csr.publicKeyCurve !== OID.secp256k1) {
    errors.push({ code: 'Invalid-CSR', message: 'the key must be an EC secp256k1 key (reference §8)' });
  }
  if (errors.length > 0) return { ok: false, body: notCompliantBody(errors) };
  return { ok: true, csr, pem };
}
