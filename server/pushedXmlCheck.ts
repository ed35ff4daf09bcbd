// SPDX-License-Identifier: UNLICENSED
// The server's own look at each pushed document (docs/store-server.md, "Push"): the hash the till sent must be the
// invoice hash of the XML it sent (reference §1: C14N 1.1 without the signature blocks, SHA-256), the XML's own
// ICV, PIH, UUID and number must be the ones pushed beside it — the chain continuity the ingest checks (ICV + 1, PIH
// equal to the previous hash, reference §11) is then a check of the signed documents themselves, not of labels — and
// its signature must verify over that hash with the certificate it carries (server/checks/pushedSignature.ts).
// A light check for throughput (BENCHMARKS.md, store server): one parse, ONE walk of the root's children that reads
// the four labels and the signature and removes the blocks the hash excludes, one C14N hashed by node:crypto, and one
// signature check, run in the checking threads (server/checks/documentCheckPool.ts); the rest of the stamp and the
// business rules stay the till's and Fatoora's (reference §5, §8).
import { createHash } from 'node:crypto';
import { XmlC14NMode, XmlElement, type XmlDocument } from 'libxml2-wasm';
import type { PushedDocument } from '../app/contract/storeSync';
import { NS } from '../app/xml/namespaces';
import { withXml } from '../app/xml/parseXml';
import { checkPushedSignature, signatureTextsIn, type SignatureRefusal, type SignatureTexts, type SigningCertificateInfo } from './checks/pushedSignature';
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

interface ReadDocument {
  readonly labels: Partial<Record<Field, string>>;
  readonly signature: SignatureTexts;
}

/**
 * One walk over the root's children: the four labels (the same node set as the XPaths of readInvoiceFields.ts), the
 * signature texts (read from ext:UBLExtensions before it goes), and the removal of the three blocks the invoice hash
 * excludes — ext:UBLExtensions, cac:Signature and the QR's cac:AdditionalDocumentReference, the node set of
 * app/stamp/invoiceHash.ts removeHashExcludedElements (reference §1, §5); the whitespace around them stays.
 */
function readAndStrip(doc: XmlDocument): ReadDocument {
  const labels: Partial<Record<Field, string>> = {};
  let signature: SignatureTexts | undefined;
  let node = doc.root.firstChild;
  while (node) {
    const next = node.next;
    if (node instanceof XmlElement) {
      const ns = node.namespaceUri;
      const name = node.name;
      let excluded = false;
      if (ns === NS.cbc) {
        if (name === 'ID') labels.number ??= node.content;
        else if (name === 'UUID') labels.uuid ??= node.content;
      } else if (ns === NS.ext) {
        excluded = name === 'UBLExtensions';
        if (excluded) signature ??= signatureTextsIn(node);
      } else if (ns === NS.cac) {
        if (name === 'Signature') excluded = true;
        else if (name === 'AdditionalDocumentReference') excluded = readReference(node, labels);
      }
      if (excluded) node.remove();
    }
    node = next;
  }
  return { labels, signature: signature ?? {} };
}

/** An AdditionalDocumentReference's ICV or PIH into `labels`; true for the QR's, which the hash excludes. */
function readReference(reference: XmlElement, labels: Partial<Record<Field, string>>): boolean {
  const children = childElements(reference);
  let id: string | undefined;
  let qr = false;
  for (const c of children) {
    if (!named(c, NS.cbc, 'ID')) continue;
    const content = c.content;
    id ??= content;
    if (content === 'QR') qr = true;
  }
  if (id === 'ICV') labels.icv ??= children.find((c) => named(c, NS.cbc, 'UUID'))?.content;
  if (id === 'PIH') {
    const attachment = children.find((c) => named(c, NS.cac, 'Attachment'));
    labels.pih ??= attachment && childElements(attachment).find((c) => named(c, NS.cbc, 'EmbeddedDocumentBinaryObject'))?.content;
  }
  return qr;
}

/** SHA-256 of the document's C14N 1.1 form (no comments), fed chunk by chunk as libxml2 writes it (reference §1). */
function canonicalDigest(doc: XmlDocument): Buffer {
  const sha = createHash('sha256');
  // the chunk is a view into WebAssembly memory, valid during the call: update() reads it at once
  const write = (chunk: Uint8Array): number => {
    sha.update(chunk);
    return chunk.byteLength;
  };
  doc.canonicalize({ write, close: () => true }, { mode: XmlC14NMode.XML_C14N_1_1, withComments: false });
  return sha.digest();
}

/** The invoice hash of `xml` as the server computes it (base64 of the raw SHA-256), for the tests' comparison. */
export function serverInvoiceHash(xml: string | Uint8Array): string {
  return withXml(xml, (doc) => {
    readAndStrip(doc);
    return canonicalDigest(doc).toString('base64');
  });
}

/** The signing certificate when the pushed document is what its XML says and is signed; else the first refusal. */
export function checkPushedXml(d: CheckedFields): PushedXmlVerdict {
  const at = { chain: d.chain, icv: d.icv };
  try {
    return withXml(d.xml, (doc): PushedXmlVerdict => {
      const { labels, signature } = readAndStrip(doc);
      for (const field of ['icv', 'pih', 'uuid', 'number'] as const) {
        const inXml = labels[field]?.trim();
        if (inXml !== String(d[field])) return { refusal: { code: 'store.xml-mismatch', params: { ...at, field, inXml: (inXml ?? '—').slice(0, 100) } } };
      }
      const digest = canonicalDigest(doc);
      const hash = digest.toString('base64');
      if (hash !== d.hash) return { refusal: { code: 'store.hash-mismatch', params: { ...at, hash } } };
      const signed = checkPushedSignature(signature, digest, at);
      return 'code' in signed ? { refusal: signed } : { certificate: signed };
    });
  } catch {
    return { refusal: { code: 'store.xml-unreadable', params: at } };
  }
}
