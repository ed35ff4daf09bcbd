// SPDX-License-Identifier: UNLICENSED
// What must hold before a built document takes its place in the chain. An ICV, once given, is never given back
// and the document keeps its place whatever Fatoora answers (reference §11), so a document Fatoora would reject is
// refused here instead: every business rule its content decides (errors only; the clock rules BR-KSA-04 and
// BR-KSA-98 judge the moment of checking, not the document), and the seller VAT number against the signing
// certificate. `dukkan sign` and the ledger run it on the stamped bytes before anything is written.
import type { Finding } from '../findings/finding';
import { checkContentRules } from '../rules/checkBusinessRules';
import type { Certificate } from '../x509/parseCertificate';
import { parseXml } from '../xml/parseXml';
import { readInvoiceFields } from './readInvoiceFields';
import { sellerVatFinding } from './sellerCertificate';

/** The errors that would make Fatoora reject the stamped document; empty when it may be issued. */
export function issuanceErrors(xml: string | Uint8Array, certificate: Certificate): Finding[] {
  const doc = parseXml(xml);
  try {
    const errors = checkContentRules(doc).filter((f) => f.severity === 'error');
    const vat = sellerVatFinding(readInvoiceFields(doc).sellerVat, certificate);
    return vat ? [vat, ...errors] : errors;
  } finally {
    doc.dispose();
  }
}

/** A built document that breaks a rule Fatoora rejects for: nothing was written, no ICV was used. */
export class IssuanceRefusedError extends Error {
  override readonly name = 'IssuanceRefusedError';
  constructor(readonly findings: readonly Finding[]) {
    super(
      `the document breaks ${findings.length === 1 ? 'a rule' : `${findings.length} rules`} Fatoora rejects for, so it was not issued:\n${findings
        .map((f) => `  ${f.rule}: ${f.message}${f.location ? ` (${f.location})` : ''}`)
        .join('\n')}`,
    );
  }
}
