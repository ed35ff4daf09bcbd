// SPDX-License-Identifier: UNLICENSED
// The simulator's document checks are our own full verifier (main/zatca/verifier: app/verify stamp checks — hash,
// signature, certificate digest, SignedProperties, QR — plus the business rules and UBL 2.1 XSD validation), the
// same code behind `dukkan verify`, judged at the simulator clock's "now" (BR-KSA-04, BR-KSA-98). In training mode
// the simulator runs in the till's own process: the check takes a turn of the event loop per step (reading, stamp,
// XSD, rules) rather than one turn for all of it, so a sale or a receipt waits for one step at most.
import { verifyDocumentInTurns } from '../zatca/verifier';
import type { InvoiceValidator } from './invoiceChecks';

export const defaultInvoiceValidator: InvoiceValidator = (xml, { now }) => verifyDocumentInTurns(xml, { now });
