// SPDX-License-Identifier: UNLICENSED
// The server's own look at each pushed document (docs/store-server.md, "Push"): the hash the till sent must be the
// invoice hash of the XML it sent (reference §1: C14N 1.1 without the signature blocks, SHA-256), and the XML's own
// ICV, PIH, UUID and number must be the ones pushed beside it — the chain continuity the ingest checks (ICV + 1, PIH
// equal to the previous hash, reference §11) is then a check of the signed documents themselves, not of labels. A
// light check for throughput (BENCHMARKS.md, store server): one parse, a walk of the root's children and one C14N;
// the signature and the business rules stay the till's and Fatoora's (reference §5, §8).
import type { PushedDocument } from '../app/contract/storeSync';
import { computeInvoiceHashOfParsed } from '../app/stamp/invoiceHash';
import { NS } from '../app/xml/namespaces';
import { withXml } from '../app/xml/parseXml';
import { XmlElement, type XmlDocument } from 'libxml2-wasm';

export interface XmlRefusal {
  readonly code: 'store.hash-mismatch' | 'store.xml-mismatch' | 'store.xml-unreadable';
  readonly params: Readonly<Record<string, string | number>>;
}

type Field = 'icv' | 'pih' | 'uuid' | 'number';

function childElements(node: XmlElement): XmlElement[] {
  const found: XmlElement[] = [];
  for (let c = node.firstChild; c; c = c.next) if (c instanceof XmlElement) found.push(c);
  return found;
}

const named = (e: XmlElement, ns: string, name: string) => e.namespaceUri === ns && e.name === name;

/**
 * The four values, read by a walk over the root's children (the same node set as the XPaths of readInvoiceFields.ts):
 * XPath evaluation cost as much as the parse here (BENCHMARKS.md, store server).
 */
function labelsOf(doc: XmlDocument): Partial<Record<Field, string>> {
  const labels: Partial<Record<Field, string>> = {};
  for (const e of childElements(doc.root)) {
    if (named(e, NS.cbc, 'ID')) labels.number ??= e.content;
    else if (named(e, NS.cbc, 'UUID')) labels.uuid ??= e.content;
    else if (named(e, NS.cac, 'AdditionalDocumentReference')) {
      const children = childElements(e);
      const id = children.find((c) => named(c, NS.cbc, 'ID'))?.content;
      if (id === 'ICV') labels.icv ??= children.find((c) => named(c, NS.cbc, 'UUID'))?.content;
      if (id === 'PIH') {
        const attachment = children.find((c) => named(c, NS.cac, 'Attachment'));
        labels.pih ??= attachment && childElements(attachment).find((c) => named(c, NS.cbc, 'EmbeddedDocumentBinaryObject'))?.content;
      }
    }
  }
  return labels;
}

/** Undefined when the pushed document is what its XML says; else the refusal naming the first difference. */
export function checkPushedXml(d: PushedDocument): XmlRefusal | undefined {
  const at = { chain: d.chain, icv: d.icv };
  try {
    return withXml(d.xml, (doc) => {
      const labels = labelsOf(doc);
      for (const field of ['icv', 'pih', 'uuid', 'number'] as const) {
        const inXml = labels[field]?.trim();
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
