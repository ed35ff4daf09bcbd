// SPDX-License-Identifier: UNLICENSED
// The full verifier as the main process and the CLI use it: stamp checks, business rules and UBL 2.1 XSD
// validation against the bundled schemas. The XSD validator is expensive to build, so it is built once, on first use.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { createXsdValidator, type XsdValidator } from '../../app/xsd/validateXsd';
import { verifyInvoice, verifyInvoiceInTurns, type VerifyOptions, type VerificationReport } from '../../app/verify/verifyInvoice';
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

const verifyOptions = (options: FullVerifyOptions): VerifyOptions => ({
  now: options.now ?? new Date(),
  ...(options.skipXsd ? {} : { xsd: xsdValidator() }),
});

export function verifyDocument(xml: string | Uint8Array, options: FullVerifyOptions = {}): VerificationReport {
  return verifyInvoice(xml, verifyOptions(options));
}

/** verifyDocument with a turn of the event loop between its steps (app/verify/verifyInvoice.ts, verifyInvoiceInTurns). */
export function verifyDocumentInTurns(xml: string | Uint8Array, options: FullVerifyOptions = {}): Promise<VerificationReport> {
  // an immediate queued from a step's task runs in the next turn of the loop, after its timers and I/O
  return verifyInvoiceInTurns(xml, verifyOptions(options), () => nextTurn());
}
