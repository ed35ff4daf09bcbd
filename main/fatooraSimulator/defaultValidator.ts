// SPDX-License-Identifier: UNLICENSED
// The simulator's document checks are our own verifier (app/verify), the same code the app uses for `dukkan
// verify`: stamp (hash, signature, certificate digest, SignedProperties, QR), chain fields, and — where the engine
// provides them — XSD and business rules, judged at the simulator clock's "now".
import { verifyInvoice } from '../../app/verify/verifyInvoice';
import type { InvoiceValidator } from './invoiceChecks';

export async function defaultInvoiceValidator(): Promise<InvoiceValidator> {
  return (xml, { now }) => verifyInvoice(xml, { now });
}
