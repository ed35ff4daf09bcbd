// SPDX-License-Identifier: UNLICENSED
// The server's own look at each pushed document (docs/store-server.md, "Push"): the hash the till sent must be the
// invoice hash of the XML it sent (reference §1: C14N 1.1 without the signature blocks, SHA-256), the XML's own
// ICV, PIH, UUID and number must be the ones pushed beside it — the chain continuity the ingest checks (ICV + 1, PIH
// equal to the previous hash, reference §11) is then a check of the signed documents themselves, not of labels — and
// its signature must verify over that hash with the certificate it carries (server/checks/pushedSignature.ts).
// A light check for throughput (BENCHMARKS.md, store server): one parse, a walk of the root's children, one C14N and
// one signature check, run in the checking threads (server/checks/documentCheckPool.ts); the rest of the stamp and
// the business rules stay the till's and Fatoora's (reference §5, §8).
import type { PushedDocument } from '../app/contract/storeSync';
import { computeInvoiceHashOfParsed } from '../app/stamp/invoiceHash';
import { NS } from '../app/xml/namespaces';
import { withXml } from '../app/xml/parseXml';
import type { XmlDocument } from 'libxml2-wasm';
import { checkPushedSignature, signatureTextsOf, type SignatureRefusal, type SigningCertificateInfo } from './checks/pushedSignature';
import { childElements, named } from './checks/xmlWalk';

export interface XmlRefusal {
  readonly code: 'store.hash-mismatch' | 'store.xml-mismatch' | 'store.xml-unreadable' | SignatureRefusal['code'];
  readonly params: Readonly<Record<string, string | number>>;
}

/** What the check found: the refusal naming the first problem, or the certificate that signed the document. */
export type PushedXmlVerdict = { readonly refusal: XmlRefusal } | { readonly certificate: SigningCertificateInfo };

/** The pushed fields the check compares with the XML (what a checking thread is sent). */
export type CheckedFields = Pick<PushedDocument, 'chain' | 'icv' | 'uuid' | 'number' | 'pih' | 'hash' | 'xml'>;

type Field = 'icv' | 'pih' | 'uuid' | 'number';

/** The four values, read by a walk over the root's children (the same node set as the XPaths of readInvoiceFields.ts). */
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

/** The signing certificate when the pushed document is what its XML says and is signed; else the first refusal. */
export function checkPushedXml(d: CheckedFields): PushedXmlVerdict {
  const at = { chain: d.chain, icv: d.icv };
  try {
    return withXml(d.xml, (doc): PushedXmlVerdict => {
      const labels = labelsOf(doc);
      for (const field of ['icv', 'pih', 'uuid', 'number'] as const) {
        const inXml = labels[field]?.trim();
        if (inXml !== String(d[field])) return { refusal: { code: 'store.xml-mismatch', params: { ...at, field, inXml: (inXml ?? '—').slice(0, 100) } } };
      }
      // before the hash: computing it removes the signature block from the parsed tree
      const signature = signatureTextsOf(doc);
      const hash = computeInvoiceHashOfParsed(doc);
      if (hash !== d.hash) return { refusal: { code: 'store.hash-mismatch', params: { ...at, hash } } };
      const signed = checkPushedSignature(signature, hash, at);
      return 'code' in signed ? { refusal: signed } : { certificate: signed };
    });
  } catch {
    return { refusal: { code: 'store.xml-unreadable', params: at } };
  }
}
