// SPDX-License-Identifier: UNLICENSED
// Was the signing certificate valid when the document was signed? The signing time is the document's issue date and
// time in Riyadh local time, written identically into cbc:IssueDate/IssueTime, xades:SigningTime and QR tag 3
// (README "Document JSON", reference §4, §6). A document signed outside its certificate's validity is rejected by
// Fatoora; `dukkan sign` refuses to make one and `dukkan verify` warns about one (docs/security.md).
import type { Certificate } from '../x509/parseCertificate';
import type { Finding } from '../findings/finding';

export type ValidityAtSigning =
  | { readonly valid: true }
  | { readonly valid: false; readonly problem: 'expired'; readonly notAfter: Date }
  | { readonly valid: false; readonly problem: 'not-yet-valid'; readonly notBefore: Date };

/** The instant of a Riyadh local `YYYY-MM-DDTHH:MM:SS` (UTC+3, no daylight saving); undefined when it is not one. */
export function riyadhInstant(localDateTime: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(localDateTime)) return undefined;
  const instant = new Date(`${localDateTime}+03:00`);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

export function validityAt(certificate: Pick<Certificate, 'notBefore' | 'notAfter'>, instant: Date): ValidityAtSigning {
  if (instant.getTime() > certificate.notAfter.getTime()) return { valid: false, problem: 'expired', notAfter: certificate.notAfter };
  if (instant.getTime() < certificate.notBefore.getTime()) return { valid: false, problem: 'not-yet-valid', notBefore: certificate.notBefore };
  return { valid: true };
}

/**
 * `verify`'s finding for a document signed outside its certificate's validity: a warning with both dates (the
 * signature itself may be perfectly sound — an archive of old documents verifies — but Fatoora would not have
 * accepted it at that time).
 */
export function signingTimeFindings(signingTime: string | undefined, certificate: Certificate): Finding[] {
  const instant = signingTime === undefined ? undefined : riyadhInstant(signingTime);
  if (!instant) return [];
  const validity = validityAt(certificate, instant);
  if (validity.valid) return [];
  if (validity.problem === 'expired') {
    return [
      {
        rule: 'certificate-expired-at-signing',
        severity: 'warning',
        message: `the certificate had expired at signing time: signed ${signingTime} (Riyadh), certificate valid until ${validity.notAfter.toISOString()}`,
        hint: 'sign with a current CSID (renew it before it expires)',
      },
    ];
  }
  return [
    {
      rule: 'certificate-not-yet-valid-at-signing',
      severity: 'warning',
      message: `the certificate was not yet valid at signing time: signed ${signingTime} (Riyadh), certificate valid from ${validity.notBefore.toISOString()}`,
      hint: "check the signing device's clock",
    },
  ];
}
