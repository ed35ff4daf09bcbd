// SPDX-License-Identifier: UNLICENSED
/**
 * One problem found in a document. `rule` is the ZATCA/EN 16931 rule id where one exists (BR-KSA-26, BR-CO-15,
 * XSD, …) or one of our stamp check ids (HASH, SIGNATURE, CERT_DIGEST, SIGNED_PROPERTIES, QR, …). Severity follows
 * ZATCA: an error means Fatoora rejects the document, a warning means "accepted with warnings".
 */
export interface Finding {
  readonly rule: string;
  readonly severity: 'error' | 'warning';
  /** Plain-language statement of what is wrong, naming the element or value. */
  readonly message: string;
  /** Where, as a short XPath-like location, when known. */
  readonly location?: string;
  /** Likely cause and fix, when we can tell (e.g. for hash mismatches). */
  readonly hint?: string;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
