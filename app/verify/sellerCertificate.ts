// SPDX-License-Identifier: UNLICENSED
// The seller's VAT number against the signing certificate (reference §7.4): Fatoora refuses a document whose
// seller VAT number (BT-31) is not the one its CSID was issued for, with `certificate-permissions` "User only
// allowed to use the vat number that exists in the authentication certificate".
import type { Finding } from '../findings/finding';
import type { Certificate } from '../x509/parseCertificate';

/**
 * The VAT number a certificate was issued for: the UID of its subjectAltName directory name, where ZATCA puts it
 * (reference §8), else a UID or organizationIdentifier in its subject.
 */
export function certificateVatNumber(certificate: Certificate): string | undefined {
  return certificate.zatca.vatNumber ?? certificate.subject['UID'] ?? certificate.subject['organizationIdentifier'];
}

/** What `certificate-permissions` requires, in Arabic, for a refusal shown on an Arabic screen (checkIssuance.ts). */
export const SELLER_VAT_STATEMENT_AR =
  'يجب أن يكون الرقم الضريبي للبائع (BT-31) هو الرقم الذي صدرت له شهادة التوقيع (شهادة الختم التشفيري)، وإلا ترفض منصة فاتورة المستند.';

/** The `certificate-permissions` error when the seller VAT number is not the certificate's; undefined when it is. */
export function sellerVatFinding(sellerVat: string | undefined, certificate: Certificate): Finding | undefined {
  const certified = certificateVatNumber(certificate);
  if (certified !== undefined && sellerVat === certified) return undefined;
  const seller = sellerVat === undefined ? 'missing' : `"${sellerVat}"`;
  return {
    rule: 'certificate-permissions',
    severity: 'error',
    message:
      certified === undefined
        ? `the signing certificate names no VAT number (no UID), so Fatoora cannot accept seller VAT number ${seller} (reference §7.4)`
        : `the seller VAT number (BT-31) is ${seller} but the signing certificate was issued for ${certified}; Fatoora answers "User only allowed to use the vat number that exists in the authentication certificate" (reference §7.4)`,
    hint: "sign with the CSID issued for the seller's VAT number, or correct the seller VAT number",
    location: '/Invoice/cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID',
  };
}
