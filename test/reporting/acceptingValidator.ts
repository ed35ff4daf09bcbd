// SPDX-License-Identifier: UNLICENSED
// The simulator's throughput mode, for the reporting benchmark only: accept every document on its own word. It
// reads what the submission checks compare (UUID, the declared invoice hash, signing certificate, seller VAT number,
// profile, and the kind that onboarding's compliance steps count) and runs none of the checks — no re-hash, no
// signature, no business rules — so a drain measured against it is the reporting worker's own speed, and the
// validating run beside it shows what Fatoora-like checking adds (the drain target in BENCHMARKS.md's reporting
// section). Never a product path.
import type { InvoiceValidator } from '../../main/fatooraSimulator/index';
import { readInvoiceFields } from '../../app/verify/readInvoiceFields';
import { withXml } from '../../app/xml/parseXml';
import { TYPE_CODES } from '../../app/ubl/buildInvoiceXml';

const KIND_BY_CODE = new Map(Object.entries(TYPE_CODES).map(([kind, code]) => [code as string, kind as keyof typeof TYPE_CODES]));

export const acceptingValidator: InvoiceValidator = (xml) =>
  withXml(xml, (doc) => {
    const f = readInvoiceFields(doc);
    const kind = f.typeCode !== undefined ? KIND_BY_CODE.get(f.typeCode) : undefined;
    const profile = f.typeName?.startsWith('01') ? 'standard' : f.typeName?.startsWith('02') ? 'simplified' : undefined;
    return {
      findings: [],
      skipped: ['XSD', 'rules', 'stamp'],
      invoiceHash: f.signature.invoiceDigest ?? '',
      ...(f.uuid !== undefined ? { uuid: f.uuid } : {}),
      ...(f.number !== undefined ? { number: f.number } : {}),
      ...(kind ? { kind } : {}),
      ...(profile ? { profile } : {}),
      ...(f.signature.certificate !== undefined ? { certificate: { base64Der: f.signature.certificate } } : {}),
      ...(f.sellerVat !== undefined ? { sellerVat: f.sellerVat } : {}),
    };
  });
