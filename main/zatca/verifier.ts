// SPDX-License-Identifier: UNLICENSED
// The full verifier as the main process and the CLI use it: stamp checks, business rules and UBL 2.1 XSD
// validation against the bundled schemas. The XSD validator is expensive to build, so it is built once, on first use.
import { createXsdValidator, type XsdValidator } from '../../app/xsd/validateXsd';
import { verifyInvoice, type VerificationReport } from '../../app/verify/verifyInvoice';
import { INVOICE_XSD_ENTRY, loadXsdFiles } from './xsdFiles';

let xsd: XsdValidator | undefined;

function xsdValidator(): XsdValidator {
  xsd ??= createXsdValidator(loadXsdFiles(), INVOICE_XSD_ENTRY);
  return xsd;
}

export interface FullVerifyOptions {
  readonly now?: Date;
  /** Skip XSD validation (it costs a few milliseconds per document). */
  readonly skipXsd?: boolean;
}

export function verifyDocument(xml: string | Uint8Array, options: FullVerifyOptions = {}): VerificationReport {
  return verifyInvoice(xml, {
    now: options.now ?? new Date(),
    ...(options.skipXsd ? {} : { xsd: xsdValidator() }),
  });
}
