// SPDX-License-Identifier: UNLICENSED
// The server's own look at each pushed document (docs/store-server.md, "Push"): the hash the till sent must be the
// invoice hash of the XML it sent (reference §1: C14N 1.1 without the signature blocks, SHA-256), and the XML's own
// ICV, PIH, UUID and number must be the ones pushed beside it — the chain continuity the ingest checks (ICV + 1, PIH
// equal to the previous hash, reference §11) is then a check of the signed documents themselves, not of labels. A
// light check for throughput (BENCHMARKS.md, store server): one parse, four XPath reads and one C14N per document;
// the signature and the business rules stay the till's and Fatoora's (reference §5, §8).
import type { PushedDocument } from '../app/contract/storeSync';
import { computeInvoiceHashOfParsed } from '../app/stamp/invoiceHash';
import { firstText } from '../app/verify/readInvoiceFields';
import { withXml } from '../app/xml/parseXml';

export interface XmlRefusal {
  readonly code: 'store.hash-mismatch' | 'store.xml-mismatch' | 'store.xml-unreadable';
  readonly params: Readonly<Record<string, string | number>>;
}

const FIELDS = [
  ['icv', "/*/cac:AdditionalDocumentReference[cbc:ID='ICV']/cbc:UUID"],
  ['pih', "/*/cac:AdditionalDocumentReference[cbc:ID='PIH']/cac:Attachment/cbc:EmbeddedDocumentBinaryObject"],
  ['uuid', '/*/cbc:UUID'],
  ['number', '/*/cbc:ID'],
] as const;

/** Undefined when the pushed document is what its XML says; else the refusal naming the first difference. */
export function checkPushedXml(d: PushedDocument): XmlRefusal | undefined {
  const at = { chain: d.chain, icv: d.icv };
  try {
    return withXml(d.xml, (doc) => {
      for (const [field, xpath] of FIELDS) {
        const inXml = firstText(doc, xpath)?.trim();
        if (inXml !== String(d[field])) return { code: 'store.xml-mismatch', params: { ...at, field, inXml: (inXml ?? '—').slice(0, 100) } } as const;
      }
      // after the reads: computing the hash removes the excluded blocks from the parsed tree
      const hash = computeInvoiceHashOfParsed(doc);
      return hash === d.hash ? undefined : ({ code: 'store.hash-mismatch', params: { ...at, hash } } as const);
    });
  } catch {
    return { code: 'store.xml-unreadable', params: at };
  }
}
